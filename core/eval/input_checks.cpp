// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "eval/input_checks.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace credit::core::detail {

namespace {

[[noreturn]] void fail(std::string_view where, const std::string& message)
{
    throw std::invalid_argument(std::string(where) + ": " + message);
}

} // namespace

void checkScoresAndLabels(std::string_view where, std::span<const double> scores,
                          std::span<const std::uint8_t> labels)
{
    if (scores.size() != labels.size()) {
        fail(where, std::to_string(scores.size()) + " scores but " + std::to_string(labels.size()) +
                        " labels");
    }
    for (std::size_t i = 0; i < scores.size(); ++i) {
        if (!std::isfinite(scores[i])) {
            fail(where, "score at row " + std::to_string(i) + " is not a finite number");
        }
        if (labels[i] > 1) {
            fail(where, "label at row " + std::to_string(i) + " is " +
                            std::to_string(int(labels[i])) + ", expected 0 or 1");
        }
    }
}

void checkProbabilitiesAndLabels(std::string_view where, std::span<const double> probabilities,
                                 std::span<const std::uint8_t> labels)
{
    checkScoresAndLabels(where, probabilities, labels);
    for (std::size_t i = 0; i < probabilities.size(); ++i) {
        if (probabilities[i] < 0.0 || probabilities[i] > 1.0) {
            fail(where, "probability at row " + std::to_string(i) + " is " +
                            std::to_string(probabilities[i]) + ", outside [0, 1]");
        }
    }
}

void checkWeights(std::string_view where, std::string_view what, std::span<const double> weights,
                  std::size_t rows)
{
    if (weights.size() != rows) {
        fail(where, std::to_string(weights.size()) + " " + std::string(what) + " values but " +
                        std::to_string(rows) + " rows");
    }
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (!std::isfinite(weights[i]) || weights[i] < 0.0) {
            fail(where, std::string(what) + " at row " + std::to_string(i) +
                            " must be a finite number >= 0");
        }
    }
}

} // namespace credit::core::detail
