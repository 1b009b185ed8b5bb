// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

/// Internal to core/eval: argument checks shared by the metric functions.
namespace credit::core::detail {

/// Throws std::invalid_argument, prefixed with `where`, when the spans differ in length, a
/// label is not 0 or 1, or a score is not finite (NaN or ±∞). The message names the row.
void checkScoresAndLabels(std::string_view where, std::span<const double> scores,
                          std::span<const std::uint8_t> labels);

/// As checkScoresAndLabels(), and also requires every score to lie in [0, 1].
void checkProbabilitiesAndLabels(std::string_view where, std::span<const double> probabilities,
                                 std::span<const std::uint8_t> labels);

/// Throws std::invalid_argument when `weights` is not the length of `scores` or holds a value
/// that is negative or not finite. `what` names the weights in the message ("amount").
void checkWeights(std::string_view where, std::string_view what, std::span<const double> weights,
                  std::size_t rows);

} // namespace credit::core::detail
