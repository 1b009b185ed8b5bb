// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "explain/scorer.h"

#include <string>
#include <string_view>

namespace credit::core {

/// One applicant from a JSON object of attribute → value: the CLI's `score --applicant` file
/// and a scoring request body (parsed with nlohmann-json).
/// - A string value is kept as it is; a number becomes its text in "%.17g" form (48 → "48",
///   1234.5 → "1234.5"); null is a missing value (""). Validation of the values is the
///   Scorer's (Scorer::validate).
/// - Throws std::invalid_argument: "not a JSON object of attribute → value (<why>)" when the
///   text is not JSON or not an object, "field '<name>' must be a string or a number" for an
///   array, object or boolean value.
Applicant readApplicantJson(std::string_view json);

/// The JSON of one scored applicant, as `credit-risk score --applicant` prints it.
/// - Invalid applicant: {"errors": [{field, message}]}.
/// - Else: pd, model_pd, decision, threshold, grade, points, population_bad_rate; with
///   reasons also method, method_detail, log_odds, raw_pd, calibrated, base_log_odds,
///   base_points; then reasons[] {rank, attribute, value, contribution, standard_error,
///   stated, points, text, derived}, adverse_reasons[], out_of_range[], warnings[].
/// Non-finite numbers are null; keys in the order above; ends with a newline.
std::string scoreResultJson(const ScoringSettings& settings, const ScoreResult& result);

} // namespace credit::core
