// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>

namespace credit::core {

/// Confusion matrix of one decision threshold. Positive = bad = rejected:
/// TP = bad rejected, FP = good rejected, TN = good accepted, FN = bad accepted.
struct ConfusionCounts
{
    std::size_t truePositives = 0;
    std::size_t falsePositives = 0;
    std::size_t trueNegatives = 0;
    std::size_t falseNegatives = 0;

    std::size_t total() const
    {
        return truePositives + falsePositives + trueNegatives + falseNegatives;
    }
    bool operator==(const ConfusionCounts&) const = default;
};

/// Everything an analyst reads off one threshold. Every rate is a share in [0, 1]; a rate
/// whose denominator is zero (e.g. precision when nobody is rejected) is NaN, never 0.
struct ThresholdMetrics
{
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

    double threshold = kNaN; ///< reject when score > threshold
    ConfusionCounts counts;
    double accuracy = kNaN;       ///< (TP + TN) / n
    double precision = kNaN;      ///< TP / (TP + FP): bads among rejected
    double recall = kNaN;         ///< TP / (TP + FN): true positive rate
    double f1 = kNaN;             ///< 2·TP / (2·TP + FP + FN), the harmonic mean of the two above
    double specificity = kNaN;    ///< TN / (TN + FP): true negative rate
    double npv = kNaN;            ///< TN / (TN + FN): goods among accepted
    double fpr = kNaN;            ///< FP / (FP + TN) = 1 − specificity
    double acceptanceRate = kNaN; ///< (TN + FN) / n: share accepted (predicted good)
    double badRateAccepted = kNaN; ///< FN / (TN + FN) = 1 − NPV: bad rate of the accepted book
};

/// Counts the confusion matrix for "reject when score > threshold" (see roc_curve.h).
/// Throws std::invalid_argument for mismatched lengths, labels other than 0/1, non-finite
/// scores or a NaN threshold. Empty input gives all-zero counts. Cost O(n).
ConfusionCounts confusionAt(std::span<const double> scores, std::span<const std::uint8_t> labels,
                            double threshold);

/// The rates of `counts` (no data pass); zero denominators give NaN as documented above.
ThresholdMetrics metricsFromCounts(const ConfusionCounts& counts, double threshold);

/// metricsFromCounts(confusionAt(scores, labels, threshold), threshold). Cost O(n).
ThresholdMetrics thresholdMetrics(std::span<const double> scores,
                                  std::span<const std::uint8_t> labels, double threshold);

} // namespace credit::core
