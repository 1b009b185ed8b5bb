// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <span>
#include <vector>

/// Internal to core/eval: the sorted, tie-grouped view of (score, label) pairs on which every
/// threshold scan (ROC, PR, cost, profit) walks.
namespace credit::core::detail {

/// All rows that share one exact score value.
struct ScoreGroup
{
    double score = 0.0;
    std::size_t positives = 0;   ///< rows with label 1 ("bad")
    std::size_t negatives = 0;   ///< rows with label 0 ("good")
    double positiveWeight = 0.0; ///< sum of the weights of the positive rows
    double negativeWeight = 0.0; ///< sum of the weights of the negative rows
};

/// Groups rows by equal score, highest score first. `weights` is empty (every weight 1) or one
/// value per row. Inputs must already be checked. Cost O(n log n) time, O(n) memory.
std::vector<ScoreGroup> groupByScore(std::span<const double> scores,
                                     std::span<const std::uint8_t> labels,
                                     std::span<const double> weights = {});

/// The threshold that goes with "the first `k` groups rejected" under the project rule
/// "reject (predict bad) when score > threshold": the score of group k (the highest score
/// still accepted), or, for k = groups.size(), the largest double below the lowest score, so
/// the rule rejects everybody and the value stays finite for charts.
double thresholdAfter(const std::vector<ScoreGroup>& groups, std::size_t k);

} // namespace credit::core::detail
