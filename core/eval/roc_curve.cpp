// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "eval/roc_curve.h"

#include "eval/curve_downsampling.h"
#include "eval/input_checks.h"
#include "eval/score_groups.h"

namespace credit::core {

namespace {

double rate(std::size_t count, std::size_t total)
{
    return total == 0 ? RocCurve::kNaN : double(count) / double(total);
}

/// Mann–Whitney U / (P·N) with ties counted ½: every good is credited with the bads scored
/// strictly above it plus half of the bads sharing its score. Summing counts (integers in a
/// double) avoids the rounding of the trapezoid over rates; the two are the same quantity.
double aucFromGroups(const std::vector<detail::ScoreGroup>& groups, std::size_t positives,
                     std::size_t negatives)
{
    if (positives == 0 || negatives == 0) {
        return RocCurve::kNaN;
    }
    double pairs = 0.0;
    double positivesAbove = 0.0;
    for (const auto& group : groups) {
        pairs += double(group.negatives) * (positivesAbove + 0.5 * double(group.positives));
        positivesAbove += double(group.positives);
    }
    return pairs / (double(positives) * double(negatives));
}

} // namespace

RocCurve rocCurve(std::span<const double> scores, std::span<const std::uint8_t> labels,
                  const RocParams& params)
{
    detail::checkScoresAndLabels("rocCurve", scores, labels);
    RocCurve result;
    const auto groups = detail::groupByScore(scores, labels);
    for (const auto& group : groups) {
        result.positives += group.positives;
        result.negatives += group.negatives;
    }
    if (scores.empty()) {
        result.degenerate = true;
        result.warnings.emplace_back("ROC: no rows");
        return result;
    }
    if (result.positives == 0 || result.negatives == 0) {
        result.degenerate = true;
        result.warnings.emplace_back(result.positives == 0
                                         ? "ROC: no bad rows, TPR and AUC are undefined"
                                         : "ROC: no good rows, FPR and AUC are undefined");
    }

    std::vector<RocPoint> points;
    points.reserve(groups.size() + 1);
    std::size_t truePositives = 0;
    std::size_t falsePositives = 0;
    points.push_back(
        {detail::thresholdAfter(groups, 0), rate(0, result.negatives), rate(0, result.positives)});
    for (std::size_t k = 0; k < groups.size(); ++k) {
        truePositives += groups[k].positives;
        falsePositives += groups[k].negatives;
        points.push_back({detail::thresholdAfter(groups, k + 1),
                          rate(falsePositives, result.negatives),
                          rate(truePositives, result.positives)});
    }

    result.auc = aucFromGroups(groups, result.positives, result.negatives);
    result.gini = 2.0 * result.auc - 1.0;
    if (!result.degenerate) {
        result.ks = -1.0;
        for (const auto& point : points) {
            // Strict ">" keeps the first, i.e. highest, threshold on ties.
            if (point.tpr - point.fpr > result.ks) {
                result.ks = point.tpr - point.fpr;
                result.ksThreshold = point.threshold;
            }
        }
    }

    if (params.maxPoints != 0 && points.size() > params.maxPoints) {
        std::vector<double> x(points.size());
        std::vector<double> y(points.size());
        for (std::size_t i = 0; i < points.size(); ++i) {
            x[i] = points[i].fpr;
            y[i] = points[i].tpr;
        }
        std::vector<RocPoint> kept;
        for (const std::size_t i : downsampleIndices(x, y, params.maxPoints)) {
            kept.push_back(points[i]);
        }
        points = std::move(kept);
    }
    result.points = std::move(points);
    return result;
}

double rocAuc(std::span<const double> scores, std::span<const std::uint8_t> labels)
{
    detail::checkScoresAndLabels("rocAuc", scores, labels);
    const auto groups = detail::groupByScore(scores, labels);
    std::size_t positives = 0;
    std::size_t negatives = 0;
    for (const auto& group : groups) {
        positives += group.positives;
        negatives += group.negatives;
    }
    return aucFromGroups(groups, positives, negatives);
}

} // namespace credit::core
