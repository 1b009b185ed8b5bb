// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "eval/pr_curve.h"

#include "eval/curve_downsampling.h"
#include "eval/input_checks.h"
#include "eval/score_groups.h"

namespace credit::core {

PrCurve prCurve(std::span<const double> scores, std::span<const std::uint8_t> labels,
                const PrParams& params)
{
    detail::checkScoresAndLabels("prCurve", scores, labels);
    PrCurve result;
    const auto groups = detail::groupByScore(scores, labels);
    for (const auto& group : groups) {
        result.positives += group.positives;
        result.negatives += group.negatives;
    }
    if (scores.empty()) {
        result.degenerate = true;
        result.warnings.emplace_back("PR: no rows");
        return result;
    }
    const bool noPositives = result.positives == 0;
    if (noPositives) {
        result.degenerate = true;
        result.warnings.emplace_back("PR: no bad rows, recall and average precision are "
                                     "undefined");
    }
    const double positives = double(result.positives);

    std::vector<PrPoint> points;
    points.reserve(groups.size() + 1);
    points.push_back({detail::thresholdAfter(groups, 0), noPositives ? PrCurve::kNaN : 0.0, 1.0});
    std::size_t truePositives = 0;
    std::size_t rejected = 0;
    double ap = 0.0;
    double previousRecall = 0.0;
    for (std::size_t k = 0; k < groups.size(); ++k) {
        truePositives += groups[k].positives;
        rejected += groups[k].positives + groups[k].negatives;
        const double recall = noPositives ? PrCurve::kNaN : double(truePositives) / positives;
        const double precision = double(truePositives) / double(rejected);
        ap += (recall - previousRecall) * precision;
        previousRecall = recall;
        points.push_back({detail::thresholdAfter(groups, k + 1), recall, precision});
    }
    result.averagePrecision = noPositives ? PrCurve::kNaN : ap;

    if (params.maxPoints != 0 && points.size() > params.maxPoints) {
        std::vector<double> x(points.size());
        std::vector<double> y(points.size());
        for (std::size_t i = 0; i < points.size(); ++i) {
            x[i] = points[i].recall;
            y[i] = points[i].precision;
        }
        std::vector<PrPoint> kept;
        for (const std::size_t i : downsampleIndices(x, y, params.maxPoints)) {
            kept.push_back(points[i]);
        }
        points = std::move(kept);
    }
    result.points = std::move(points);
    return result;
}

double averagePrecision(std::span<const double> scores, std::span<const std::uint8_t> labels)
{
    return prCurve(scores, labels).averagePrecision;
}

} // namespace credit::core
