// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "eval/profit_analysis.h"

#include "eval/input_checks.h"
#include "eval/score_groups.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace credit::core {

namespace {

void requireValid(const ProfitParams& params, const char* where)
{
    const auto messages = params.validate();
    if (!messages.empty()) {
        throw std::invalid_argument(std::string(where) + ": " + messages.front());
    }
}

void checkInputs(const char* where, std::span<const double> scores,
                 std::span<const std::uint8_t> labels, std::span<const double> amounts,
                 const ProfitParams& params)
{
    requireValid(params, where);
    detail::checkScoresAndLabels(where, scores, labels);
    detail::checkWeights(where, "amount", amounts, scores.size());
}

} // namespace

std::vector<std::string> ProfitParams::validate() const
{
    std::vector<std::string> messages;
    if (!(std::isfinite(marginGood) && marginGood > 0.0)) {
        messages.emplace_back("marginGood must be a finite number > 0");
    }
    if (!(std::isfinite(lossGivenDefault) && lossGivenDefault > 0.0)) {
        messages.emplace_back("lossGivenDefault must be a finite number > 0");
    }
    return messages;
}

double breakEvenProbability(const ProfitParams& params)
{
    requireValid(params, "breakEvenProbability");
    return params.marginGood / (params.marginGood + params.lossGivenDefault);
}

double profitAt(std::span<const double> scores, std::span<const std::uint8_t> labels,
                std::span<const double> amounts, double threshold, const ProfitParams& params)
{
    checkInputs("profitAt", scores, labels, amounts, params);
    if (std::isnan(threshold)) {
        throw std::invalid_argument("profitAt: threshold is NaN");
    }
    double goodAmount = 0.0;
    double badAmount = 0.0;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        if (scores[i] <= threshold) {
            (labels[i] != 0 ? badAmount : goodAmount) += amounts[i];
        }
    }
    return params.marginGood * goodAmount - params.lossGivenDefault * badAmount;
}

ProfitCurve profitCurve(std::span<const double> scores, std::span<const std::uint8_t> labels,
                        std::span<const double> amounts, const ProfitParams& params)
{
    checkInputs("profitCurve", scores, labels, amounts, params);
    ProfitCurve result;
    if (scores.empty()) {
        result.warnings.emplace_back("profit: no rows");
        return result;
    }
    const auto groups = detail::groupByScore(scores, labels, amounts);
    // Walk from "accept nobody" upwards: accepting group g (lowest scores first) adds its
    // goods' margin and subtracts its bads' loss. Amount sums are accumulated per class so
    // the profit of a point is one formula of two sums, as in profitAt().
    const double n = double(scores.size());
    double goodAmount = 0.0;
    double badAmount = 0.0;
    std::size_t accepted = 0;
    result.points.reserve(groups.size() + 1);
    for (std::size_t j = 0; j <= groups.size(); ++j) {
        const std::size_t rejectedGroups = groups.size() - j;
        if (j > 0) {
            const auto& group = groups[rejectedGroups];
            goodAmount += group.negativeWeight;
            badAmount += group.positiveWeight;
            accepted += group.positives + group.negatives;
        }
        const ProfitPoint point{detail::thresholdAfter(groups, rejectedGroups),
                                params.marginGood * goodAmount -
                                    params.lossGivenDefault * badAmount,
                                double(accepted) / n, goodAmount + badAmount};
        // ">=" within tolerance: a later point (higher threshold) wins ties.
        const double tolerance = 1e-12 * std::max(1.0, std::abs(result.bestProfit));
        if (j == 0 || point.profit >= result.bestProfit - tolerance) {
            result.bestThreshold = point.threshold;
            result.bestProfit = point.profit;
            result.bestAcceptanceRate = point.acceptanceRate;
        }
        result.totalAmount = goodAmount + badAmount;
        result.points.push_back(point);
    }
    return result;
}

} // namespace credit::core
