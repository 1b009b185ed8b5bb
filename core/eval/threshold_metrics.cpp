// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "eval/threshold_metrics.h"

#include "eval/input_checks.h"

#include <cmath>
#include <stdexcept>

namespace credit::core {

namespace {

double ratio(std::size_t numerator, std::size_t denominator)
{
    return denominator == 0 ? ThresholdMetrics::kNaN : double(numerator) / double(denominator);
}

} // namespace

ConfusionCounts confusionAt(std::span<const double> scores, std::span<const std::uint8_t> labels,
                            double threshold)
{
    detail::checkScoresAndLabels("confusionAt", scores, labels);
    if (std::isnan(threshold)) {
        throw std::invalid_argument("confusionAt: threshold is NaN");
    }
    ConfusionCounts counts;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        const bool rejected = scores[i] > threshold;
        if (labels[i] != 0) {
            ++(rejected ? counts.truePositives : counts.falseNegatives);
        } else {
            ++(rejected ? counts.falsePositives : counts.trueNegatives);
        }
    }
    return counts;
}

ThresholdMetrics metricsFromCounts(const ConfusionCounts& counts, double threshold)
{
    const std::size_t tp = counts.truePositives;
    const std::size_t fp = counts.falsePositives;
    const std::size_t tn = counts.trueNegatives;
    const std::size_t fn = counts.falseNegatives;
    ThresholdMetrics m;
    m.threshold = threshold;
    m.counts = counts;
    m.accuracy = ratio(tp + tn, counts.total());
    m.precision = ratio(tp, tp + fp);
    m.recall = ratio(tp, tp + fn);
    // 2TP / (2TP + FP + FN) equals 2PR / (P + R) and stays defined (= 0) when TP = 0 but
    // there are errors; NaN only when there is neither a bad nor a rejection.
    m.f1 = ratio(2 * tp, 2 * tp + fp + fn);
    m.specificity = ratio(tn, tn + fp);
    m.npv = ratio(tn, tn + fn);
    m.fpr = ratio(fp, fp + tn);
    m.acceptanceRate = ratio(tn + fn, counts.total());
    m.badRateAccepted = ratio(fn, tn + fn);
    return m;
}

ThresholdMetrics thresholdMetrics(std::span<const double> scores,
                                  std::span<const std::uint8_t> labels, double threshold)
{
    return metricsFromCounts(confusionAt(scores, labels, threshold), threshold);
}

} // namespace credit::core
