// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "eval/threshold_metrics.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace credit::core {

/// Cost of each decision outcome, in "cost units" per applicant (only ratios matter for the
/// decision; the German Credit documentation states the matrix in these units). Defaults are
/// the documented German Credit matrix: accepting a bad costs 5, rejecting a good costs 1,
/// correct decisions cost 0.
struct CostMatrix
{
    double badAccepted = 5.0;  ///< FN: a defaulter was granted the loan. Finite.
    double goodRejected = 1.0; ///< FP: a good customer was turned away. Finite.
    double badRejected = 0.0;  ///< TP. Finite; must be < badAccepted.
    double goodAccepted = 0.0; ///< TN. Finite; must be < goodRejected (may be negative = gain).

    /// Messages naming the offending field; empty = valid. Each error is a correct decision
    /// that does not cost strictly less than the matching wrong one — then no threshold rule
    /// makes sense.
    std::vector<std::string> validate() const;
    bool operator==(const CostMatrix&) const = default;
};

/// Bayes-optimal cut-off for calibrated probabilities p = P(bad): rejecting costs
/// p·badRejected + (1 − p)·goodRejected in expectation, accepting costs
/// p·badAccepted + (1 − p)·goodAccepted, so reject exactly when p > t* with
///
///     t* = rFP / (rFP + rFN)   with the regrets of a wrong decision
///     rFP = goodRejected − goodAccepted,   rFN = badAccepted − badRejected
///
/// For the default matrix t* = 1 / (1 + 5) = 1/6. At p = t* both decisions cost the same;
/// the rule accepts. Throws std::invalid_argument when `costs.validate()` is not empty.
double bayesThreshold(const CostMatrix& costs);

/// Prior (base-rate) correction: a model trained on a sample with bad rate πs predicts p;
/// in a population with bad rate πt the same applicant has (Bayes' rule on the odds)
///
///     p' = p·πt/πs / (p·πt/πs + (1 − p)·(1 − πt)/(1 − πs))
///
/// (Saerens, Latinne & Decaestecker 2002; Elkan 2001). p = 0 and p = 1 stay fixed; the map is
/// strictly increasing, so rankings (AUC, KS) are unchanged. The inverse map is the same
/// formula with the two rates swapped. Both rates must lie in (0, 1) and p in [0, 1], else
/// std::invalid_argument.
double adjustForPrior(double probability, double sampleBadRate, double populationBadRate);
std::vector<double> adjustForPrior(std::span<const double> probabilities, double sampleBadRate,
                                   double populationBadRate);

/// The Bayes cut-off expressed on the *sample* probability scale: reject when the model's
/// unadjusted p > this value ⇔ adjustForPrior(p) > bayesThreshold(costs). Equals
/// adjustForPrior(bayesThreshold(costs), populationBadRate, sampleBadRate).
double bayesThresholdForSample(const CostMatrix& costs, double sampleBadRate,
                               double populationBadRate);

/// Re-weighting of cost figures to a population bad rate.
struct PriorShift
{
    /// Bad rate of the evaluated sample, in (0, 1); NaN = take it from the labels.
    double sampleBadRate = std::numeric_limits<double>::quiet_NaN();
    /// Bad rate of the population the figures should describe, in (0, 1); NaN = no correction.
    double populationBadRate = std::numeric_limits<double>::quiet_NaN();

    bool active() const { return !std::isnan(populationBadRate); }
};

struct CostParams
{
    CostMatrix costs;
    /// When active, every bad row weighs πt/πs and every good row (1 − πt)/(1 − πs), and cost
    /// figures are Σ weight·cost / Σ weight — the expected cost per applicant of the
    /// population. With πs equal to the labels' bad rate Σ weight = n. Thresholds stay on the
    /// input score scale.
    PriorShift prior;
};

/// Cost per applicant of a confusion matrix, unweighted:
/// (FN·badAccepted + FP·goodRejected + TP·badRejected + TN·goodAccepted) / n; NaN when n = 0.
double expectedCost(const ConfusionCounts& counts, const CostMatrix& costs);

/// Expected cost per applicant of "reject when score > threshold" on (scores, labels), with
/// the prior shift of `params` applied. Empty input: NaN. Throws std::invalid_argument for
/// invalid costs, rates outside (0, 1), mismatched lengths, labels other than 0/1,
/// non-finite scores. Cost O(n).
double expectedCost(std::span<const double> scores, std::span<const std::uint8_t> labels,
                    double threshold, const CostParams& params = {});

/// One point of the cost curve.
struct CostPoint
{
    double threshold = 0.0;        ///< reject when score > threshold
    double costPerApplicant = 0.0; ///< expected cost per applicant (prior-weighted if active)
    double rejectionRate = 0.0;    ///< (weighted) share rejected, in [0, 1]
};

/// Expected cost at every distinct operating point and the cheapest one.
struct CostCurve
{
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

    /// Ordered by rising threshold: the first point rejects everybody (threshold just below
    /// the lowest score), the last rejects nobody (threshold = highest score); one point per
    /// distinct score plus one. Rows with equal scores are never split.
    std::vector<CostPoint> points;
    double bestThreshold = kNaN;     ///< threshold of the cheapest point
    double bestCost = kNaN;          ///< its cost per applicant
    double bestRejectionRate = kNaN; ///< its (weighted) rejection rate
    ConfusionCounts bestCounts;      ///< its unweighted confusion matrix
    std::vector<std::string> warnings;
};

/// Scans every distinct score threshold and returns the empirical cost curve and the
/// cost-minimising threshold on these data.
///
/// - Ties in cost (within 1e-12 relative) go to the highest threshold, i.e. the fewest
///   rejections.
/// - The minimum is optimistic for the data it was chosen on: quote it for out-of-fold
///   scores, or prefer bayesThreshold() for calibrated probabilities.
/// - Empty input: no points, NaN figures and a warning. One class only is well defined
///   (reject everybody if all bad, nobody if all good); a prior shift is then ignored with a
///   warning.
/// - Throws as expectedCost(). Cost O(n log n) time, O(n) memory.
CostCurve costCurve(std::span<const double> scores, std::span<const std::uint8_t> labels,
                    const CostParams& params = {});

} // namespace credit::core
