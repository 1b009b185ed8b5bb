// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "eval/cost_analysis.h"
#include "eval/profit_analysis.h"
#include "policy/risk_grading.h"
#include "policy/scorecard_scale.h"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace credit::core {

/// Every setting that turns a calibrated probability of default into a business decision:
/// the objective and its inputs, the prior correction, the cut-off, the points scale and the
/// risk grades. One value, stored once in the model bundle (section "decision"), edited once
/// in the GUI's application state (Threshold tab, scorecard dialog) and applied by the Scorer,
/// batch scoring, `credit-risk score` and `credit-risk evaluate`.
///
/// Scales: the model's calibrated PD describes the training sample (its bad rate
/// sampleBadRate, German Credit: 30 %). With a populationBadRate the PDs shown to users are
/// prior-corrected to it (adjustForPrior); `threshold` always stays on the sample scale, so
/// the decision is the same rule whatever the display: reject ⇔ modelPd > threshold ⇔
/// population PD > thresholdPd() ⇔ points < thresholdPoints().
struct DecisionPolicy
{
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    /// The column of loan amounts used by the profit objective, unless a policy names another.
    static constexpr const char* kDefaultAmountColumn = "credit_amount";

    /// Cost of each outcome (German Credit matrix by default: bad accepted 5, good rejected 1).
    CostMatrix costs;
    /// True when the cut-off is chosen with the amount-aware profit model, false for `costs`.
    bool useProfitModel = false;
    ProfitParams profit; ///< margin on a good loan and LGD, shares of the amount
    /// Numeric column holding each applicant's loan amount (the profit model's input).
    std::string amountColumn = kDefaultAmountColumn;
    /// Bad rate of the training sample in (0, 1); NaN = unknown (then no prior correction).
    double sampleBadRate = kNaN;
    /// Bad rate of the population scored in (0, 1); NaN = same as the sample (no correction).
    double populationBadRate = kNaN;
    /// Reject when the calibrated model PD (sample scale) > threshold; in [0, 1].
    double threshold = 0.5;
    ScorecardScale scale; ///< points of a (population) PD
    RiskGrading grading;  ///< grades on the population PD (valid by construction)
    /// Seed of the resampling done for this policy (the bootstrap spread of the optimal
    /// cut-off, evaluation intervals): the training run's seed (ModelBundle::fromTraining).
    std::uint64_t seed = 42;

    /// True when PDs shown to users are prior-corrected (both rates known).
    bool priorCorrected() const;
    /// Population PD of a calibrated model PD (clamped to [0, 1]); identity without a prior
    /// correction; NaN gives NaN.
    double toPopulation(double modelPd) const;
    /// Inverse of toPopulation().
    double toModelScale(double populationPd) const;
    /// The decision for a calibrated model PD: true = reject.
    bool rejects(double modelPd) const { return modelPd > threshold; }
    /// The cut-off on the population scale (= threshold without a prior correction).
    double thresholdPd() const { return toPopulation(threshold); }
    /// The cut-off on the points scale: reject when points < thresholdPoints().
    double thresholdPoints() const { return scale.points(thresholdPd()); }

    /// Messages naming the offending field ("costs: …", "profit: …", "sample_bad_rate: …",
    /// "population_bad_rate: …", "threshold: …", "base_odds: …"); empty = valid. The rates
    /// must be NaN or inside (0, 1), the threshold finite in [0, 1], the amount column named.
    std::vector<std::string> validate() const;

    /// Field by field, a NaN rate equal to a NaN rate (both mean "none").
    bool operator==(const DecisionPolicy& other) const;
};

/// The cut-off as every view shows it: one number with its scale named, e.g.
///
///     "PD > 15.6 % (population scale; 60.1 % on the training sample's scale)"
///     "PD > 16.7 % (training sample's scale; no prior correction)"
///
/// Percentages with one decimal (two below 1 %). Used by the Evaluate, Threshold and Score tabs
/// and `credit-risk evaluate`, so the same policy reads the same everywhere.
std::string cutoffText(const DecisionPolicy& policy);

} // namespace credit::core
