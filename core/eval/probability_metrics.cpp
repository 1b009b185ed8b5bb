// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "eval/probability_metrics.h"

#include "eval/input_checks.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace credit::core {

double brierScore(std::span<const double> probabilities, std::span<const std::uint8_t> labels)
{
    detail::checkProbabilitiesAndLabels("brierScore", probabilities, labels);
    if (probabilities.empty()) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    double sum = 0.0;
    for (std::size_t i = 0; i < probabilities.size(); ++i) {
        const double error = probabilities[i] - double(labels[i]);
        sum += error * error;
    }
    return sum / double(probabilities.size());
}

double logLoss(std::span<const double> probabilities, std::span<const std::uint8_t> labels,
               double epsilon)
{
    detail::checkProbabilitiesAndLabels("logLoss", probabilities, labels);
    if (!(epsilon > 0.0 && epsilon < 0.5)) {
        throw std::invalid_argument("logLoss: epsilon must lie in (0, 0.5)");
    }
    if (probabilities.empty()) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    double sum = 0.0;
    for (std::size_t i = 0; i < probabilities.size(); ++i) {
        // Clip the probability of the observed class to [epsilon, 1]: symmetric for both
        // labels, whereas clipping p to 1 − epsilon first would round (1 − 1e-15 is not a
        // double). For p >= 0.5, 1 − p is exact (Sterbenz); below, log1p keeps precision.
        const double p = probabilities[i];
        if (labels[i] != 0) {
            sum -= std::log(std::max(p, epsilon));
        } else if (p < 0.5) {
            sum -= std::log1p(-std::max(p, epsilon));
        } else {
            sum -= std::log(std::max(1.0 - p, epsilon));
        }
    }
    return sum / double(probabilities.size());
}

} // namespace credit::core
