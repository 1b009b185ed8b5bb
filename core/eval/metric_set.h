// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "eval/cost_analysis.h"
#include "eval/threshold_metrics.h"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <span>
#include <string>
#include <vector>

namespace credit::core {

struct MetricSetParams
{
    /// Cost matrix and optional prior shift. With a prior shift, the cost threshold is the
    /// Bayes threshold mapped back to the sample probability scale (bayesThresholdForSample)
    /// and cost figures are population-weighted (see CostParams).
    CostParams cost;
};

/// Every figure of one model on one set of (ideally out-of-fold, calibrated) probabilities:
/// the row of the leaderboard, the CLI `evaluate` output and the Evaluate tab's table.
///
/// The leaderboard quotes `expectedCost`: the cost of the Bayes rule "reject when
/// P(bad) > costThreshold" (1/6 for the default matrix). It needs no choice on the evaluated
/// data, so it is an honest out-of-sample figure that also rewards good calibration.
/// `empiricalCost` is the cheapest threshold found on these very data — optimistic, shown for
/// comparison and as the Threshold tab's starting point.
struct MetricSet
{
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

    std::size_t rows = 0;
    std::size_t positives = 0; ///< bads

    double auc = kNaN;  ///< ROC AUC, ties ½ (roc_curve.h)
    double ap = kNaN;   ///< average precision (pr_curve.h)
    double ks = kNaN;   ///< max TPR − FPR
    double gini = kNaN; ///< 2·AUC − 1
    double brier = kNaN;
    double logLoss = kNaN;

    double costThreshold = kNaN;      ///< Bayes threshold on the input probability scale
    ThresholdMetrics atCostThreshold; ///< accuracy … NPV of "reject when p > costThreshold"
    double expectedCost = kNaN;       ///< cost per applicant at costThreshold (the leaderboard's)
    double empiricalThreshold = kNaN; ///< cost-minimising threshold on these data
    double empiricalCost = kNaN;      ///< its cost per applicant (optimistic)

    bool degenerate = false; ///< no rows or one class only: ranking metrics are NaN
    std::vector<std::string> warnings;

    /// The figures under stable snake_case keys, in the units above: auc, ap, ks, gini, brier,
    /// log_loss, accuracy, precision, recall, f1, specificity, npv, cost_threshold,
    /// expected_cost, empirical_threshold, expected_cost_empirical. NaN stays NaN (JSON output
    /// writes null). Suited to ProgressEvent::metrics and the model bundle.
    std::map<std::string, double> toMap() const;
};

/// Computes the full MetricSet of `probabilities` (P(bad) in [0, 1]) against `labels`
/// (1 = bad).
/// - Degenerate input (empty, one class) never throws: ranking metrics are NaN, the rest is
///   computed where defined, `warnings` explains.
/// - Throws std::invalid_argument for invalid costs or prior rates, mismatched lengths,
///   labels other than 0/1, probabilities that are NaN or outside [0, 1].
/// - Cost O(n log n).
MetricSet computeMetricSet(std::span<const double> probabilities,
                           std::span<const std::uint8_t> labels,
                           const MetricSetParams& params = {});

} // namespace credit::core
