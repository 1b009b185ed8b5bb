// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "eval/score_groups.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace credit::core::detail {

std::vector<ScoreGroup> groupByScore(std::span<const double> scores,
                                     std::span<const std::uint8_t> labels,
                                     std::span<const double> weights)
{
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });

    std::vector<ScoreGroup> groups;
    for (const std::size_t row : order) {
        if (groups.empty() || groups.back().score != scores[row]) {
            groups.push_back(ScoreGroup{scores[row], 0, 0, 0.0, 0.0});
        }
        ScoreGroup& group = groups.back();
        const double weight = weights.empty() ? 1.0 : weights[row];
        if (labels[row] != 0) {
            ++group.positives;
            group.positiveWeight += weight;
        } else {
            ++group.negatives;
            group.negativeWeight += weight;
        }
    }
    return groups;
}

double thresholdAfter(const std::vector<ScoreGroup>& groups, std::size_t k)
{
    if (groups.empty()) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    if (k < groups.size()) {
        return groups[k].score;
    }
    return std::nextafter(groups.back().score, -std::numeric_limits<double>::infinity());
}

} // namespace credit::core::detail
