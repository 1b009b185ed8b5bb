// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "explain/scorer.h"

#include <nlohmann/json_fwd.hpp>

#include <stdexcept>
#include <string>
#include <string_view>

namespace credit::core {

/// A refused applicant document; field() names the offending attribute (empty when the whole
/// document is at fault: not JSON, not an object).
class ApplicantJsonError : public std::invalid_argument
{
public:
    ApplicantJsonError(const std::string& message, std::string field)
        : std::invalid_argument(message), m_field(std::move(field))
    {
    }
    const std::string& field() const { return m_field; }

private:
    std::string m_field;
};

/// One applicant from a JSON object of attribute → value: the CLI's `score --applicant` file
/// and a scoring request body (parsed with nlohmann-json).
/// - A string value is kept as it is; a number becomes its text in "%.17g" form (48 → "48",
///   1234.5 → "1234.5"); null is a missing value (""). Validation of the values is the
///   Scorer's (Scorer::validate).
/// - Throws ApplicantJsonError (a std::invalid_argument): "not a JSON object of attribute →
///   value (<why>)" when the text is not JSON or not an object, "field '<name>' must be a
///   string or a number" for an array, object or boolean value.
Applicant readApplicantJson(std::string_view json);
/// The same conversion from an already parsed JSON value (a scoring request's row): the one
/// rule for what a JSON value means as an applicant's field. `skip` names keys that are not
/// attributes (request options such as "impute_missing"); they are left out.
Applicant applicantFromJson(const nlohmann::json& object,
                            const std::vector<std::string>& skip = {});
/// The text a JSON scalar stands for as a field value, as above (number "%.17g", string as it
/// is, null ""); throws ApplicantJsonError naming `field` for arrays, objects and booleans.
std::string applicantValueText(const nlohmann::json& value, const std::string& field);

/// The JSON of one scored applicant, as `credit-risk score --applicant` prints it.
/// - Invalid applicant: {"errors": [{field, message}]}.
/// - Else: pd, model_pd, decision, threshold, grade, points, population_bad_rate; with
///   reasons also method, method_detail, log_odds, raw_pd, calibrated, base_log_odds,
///   base_points; then reasons[] {rank, attribute, value, contribution, standard_error,
///   stated, points, text, derived}, adverse_reasons[], out_of_range[], warnings[].
/// Non-finite numbers are null; keys in the order above; ends with a newline.
std::string scoreResultJson(const ScoringSettings& settings, const ScoreResult& result);
/// The same object as a JSON value (the scoring service adds its request fields to it).
nlohmann::ordered_json scoreResultObject(const ScoringSettings& settings,
                                         const ScoreResult& result);

} // namespace credit::core
