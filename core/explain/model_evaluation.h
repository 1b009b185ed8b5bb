// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "data/dataset.h"
#include "eval/bootstrap.h"
#include "eval/metric_set.h"
#include "eval/pr_curve.h"
#include "eval/reliability_curve.h"
#include "eval/roc_curve.h"
#include "eval/threshold_metrics.h"
#include "explain/model_insight.h"
#include "models/logistic_regression.h"
#include "policy/decision_policy.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace credit::core {

class ModelBundle;

/// Which predictions an evaluation measures.
enum class EvaluationSource
{
    /// The training run's out-of-fold predictions stored in the bundle (first repeat): the
    /// honest estimate of the model's quality. The Evaluate tab's view.
    OutOfFold,
    /// The bundle's fitted chains scoring `data` (a holdout, a new vintage): `credit-risk
    /// evaluate --data`. On the training data these figures are in-sample (optimistic).
    Data,
};

/// The one recipe of "a model on data": every bin and resample count lives here, so the
/// Evaluate tab, `credit-risk evaluate` and the validation report cannot disagree.
struct EvaluationOptions
{
    EvaluationSource source = EvaluationSource::OutOfFold;
    /// Algorithms to evaluate, the current one first; empty = the bundle's selected one.
    /// Confusion, importance and stability describe the first.
    std::vector<std::string> algorithms;
    /// The decision policy (threshold, costs) to judge the decisions by; empty = the bundle's.
    std::optional<DecisionPolicy> policy;
    std::size_t curvePoints = 400;         ///< ROC and PR curves downsampled to at most this
    std::size_t reliabilityBins = 10;      ///< equal-width bins of the calibration curves
    std::size_t histogramBins = 20;        ///< equal-width bins of the P(bad) histogram
    std::size_t bootstrapResamples = 1000; ///< percentile bootstrap of the AUC; seed = policy's
    bool intervals = true;                 ///< compute the AUC bootstrap interval
    /// Mean |contribution| per attribute: the bundle's out-of-fold importance when it has one
    /// (no data needed), else measured on `data`'s rows (for OutOfFold the training data;
    /// TreeSHAP / Shapley on up to 300 rows), said in `importanceNote`.
    bool importance = true;
};

/// The figures of one algorithm.
struct AlgorithmEvaluation
{
    std::string algorithm;   ///< "lr", "gbdt", …
    std::string displayName; ///< the leaderboard's name, else the algorithm
    MetricSet metrics;       ///< AUC, AP, KS, Gini, Brier, log loss, … (policy's costs)
    RocCurve roc;
    BootstrapInterval aucInterval; ///< NaN bounds when intervals are off
    PrCurve pr;
    double badRate = 0.0;            ///< share of bads among the rows evaluated
    ReliabilityCurve reliability;    ///< calibrated probabilities
    ReliabilityCurve reliabilityRaw; ///< before calibration
    ReliabilityCurve histogram;      ///< counts of calibrated P(bad)
    double brier = 0.0;              ///< of the calibrated probabilities
    double brierRaw = 0.0;           ///< before calibration
    bool calibrated = false;         ///< calibration changed the probabilities
};

/// One figure's spread over the test folds of every repeat (the leaderboard's folds).
struct FoldSpread
{
    std::string key;  ///< "auc", "ap", "ks", "brier", "log_loss", "expected_cost"
    std::string name; ///< "ROC-AUC", …
    Spread spread;
};

/// Everything one analysis of a bundle shows.
struct Evaluation
{
    EvaluationSource source = EvaluationSource::OutOfFold;
    DecisionPolicy policy;                   ///< the policy the decisions were judged by
    std::vector<AlgorithmEvaluation> models; ///< in the order asked for; absent ones skipped
    std::size_t rows = 0;                    ///< rows evaluated (first model)
    std::size_t positives = 0;               ///< bads among them
    ThresholdMetrics confusion;              ///< first model at policy.threshold
    double expectedCost = 0.0;               ///< unweighted cost per applicant at it
    /// Importance of the first model; empty with `importanceNote` saying why.
    FeatureImportance importance;
    std::string importanceNote;
    std::vector<CoefficientRow> coefficients; ///< when the first model is linear
    std::vector<FoldSpread> foldSpread;       ///< empty without a leaderboard row
    std::size_t repeats = 0;                  ///< CV repeats of the out-of-fold predictions
    RepeatSpread applicantSpread;             ///< per applicant across repeats (≥ 2 repeats)
    std::vector<std::string> warnings;        ///< e.g. unseen categories in `data`
};

/// Analyses `bundle` as `options` says. `data` may be null for OutOfFold (no importance
/// then); for Data it must hold the model's columns and the outcome.
///
/// Throws std::invalid_argument: Data without data, a column missing or of the wrong type
/// (ModelBundle::predictProba), an algorithm the bundle has no chain for, invalid policy
/// costs. An importance failure does not throw: `importanceNote` gives the reason.
/// Cost: the bootstrap (≈ resamples AUCs per algorithm), importance, and for Data one
/// prediction pass per algorithm.
Evaluation evaluate(const ModelBundle& bundle, const Dataset* data,
                    const EvaluationOptions& options = {});

} // namespace credit::core
