// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace credit::core {

// Decision rule used everywhere in core/eval: an applicant is rejected — predicted positive,
// "bad" — when score > threshold, and accepted when score <= threshold. With calibrated
// probabilities and the German Credit cost matrix this is the rule "reject when
// P(bad) > 1/6" (see cost_analysis.h).

/// One operating point of a ROC curve.
struct RocPoint
{
    double threshold = 0.0; ///< reject when score > threshold
    double fpr = 0.0;       ///< false positive rate: goods rejected / goods, in [0, 1]
    double tpr = 0.0;       ///< true positive rate (recall): bads rejected / bads, in [0, 1]
};

struct RocParams
{
    /// Keep at most this many points in RocCurve::points (shape-preserving, see
    /// curve_downsampling.h); 0 = keep every point. AUC and KS always use the full curve.
    std::size_t maxPoints = 0;
};

/// ROC curve with the summary statistics derived from it.
///
/// Points: one per distinct score plus one, ordered by rising FPR/TPR. Rows with equal scores
/// form one step (never split), so ties across classes give a diagonal segment. The first
/// point rejects nobody: (0, 0) at the highest score. Each later point rejects one more group
/// of equal scores; its threshold is the next lower score, and the last point (1, 1) carries
/// the largest double below the lowest score (finite, and "score > threshold" rejects all).
///
/// Degenerate input (`degenerate == true`): no rows, or one class absent. Then auc, gini, ks
/// and ksThreshold are NaN, the undefined rate (TPR without bads, FPR without goods) is NaN in
/// every point, and `warnings` says why. Never throws for these cases.
struct RocCurve
{
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

    std::vector<RocPoint> points;
    /// Area under the curve by the trapezoid rule over the tie-grouped steps, which equals the
    /// Mann–Whitney probability P(score_bad > score_good) + ½·P(score_bad = score_good).
    /// In [0, 1]; 0.5 = no discrimination.
    double auc = kNaN;
    double gini = kNaN;        ///< 2·AUC − 1, in [−1, 1] (the "accuracy ratio")
    double ks = kNaN;          ///< Kolmogorov–Smirnov: max over points of TPR − FPR, in [0, 1]
    double ksThreshold = kNaN; ///< threshold of the first (highest-threshold) point reaching ks
    std::size_t positives = 0; ///< bads (label 1)
    std::size_t negatives = 0; ///< goods (label 0)
    bool degenerate = false;   ///< no rows or only one class: auc/gini/ks are NaN
    std::vector<std::string> warnings;
};

/// Computes the ROC curve, AUC, Gini and KS of `scores` (any real scale, higher = riskier)
/// against `labels` (1 = bad, 0 = good).
///
/// - Throws std::invalid_argument when the lengths differ, a label is not 0/1 or a score is
///   not finite.
/// - Cost O(n log n) time, O(n) memory.
RocCurve rocCurve(std::span<const double> scores, std::span<const std::uint8_t> labels,
                  const RocParams& params = {});

/// rocCurve(scores, labels).auc without building the point list; NaN when degenerate.
double rocAuc(std::span<const double> scores, std::span<const std::uint8_t> labels);

} // namespace credit::core
