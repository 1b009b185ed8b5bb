// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/progress.h"
#include "common/stratified_kfold.h"
#include "data/dataset.h"
#include "eval/cost_analysis.h"
#include "features/feature_pipeline.h"
#include "models/classifier.h"
#include "train/search_space.h"

#include <atomic>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace credit::core {

/// What random search optimises.
enum class SearchObjective
{
    RocAuc,       ///< mean ROC-AUC over the test folds; higher is better
    ExpectedCost, ///< expected cost per applicant at the training-fold threshold; lower is better
};

/// How a test fold's accept/reject threshold is chosen from its training rows (the other
/// folds' out-of-fold scores).
enum class ThresholdRule
{
    /// The cost-minimising score threshold on those scores (costCurve): no model of the
    /// scores, but a jagged curve, so the choice varies from fold to fold.
    Empirical,
    /// Platt scaling fitted on those scores, then the Bayes cut-off of the cost matrix
    /// (bayesThreshold, 1/6 for 5:1) mapped back to the score scale: a smooth two-parameter
    /// fit. Falls back to Empirical when the fitted slope is not positive.
    PlattBayes,
};

/// Parameters as text (ProgressEvent::params).
std::map<std::string, std::string> paramsAsText(const ParamMap& params);

/// "auc" / "expected_cost" and back (parseSearchObjective throws std::invalid_argument).
std::string searchObjectiveName(SearchObjective objective);
SearchObjective parseSearchObjective(const std::string& name);

/// Out-of-fold figures of one test fold. NaN where undefined (a fold with one class only).
struct FoldScores
{
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

    std::size_t repeat = 0;
    std::size_t fold = 0;
    double auc = kNaN;
    double ap = kNaN; ///< average precision
    double ks = kNaN;
    double brier = kNaN;
    double logLoss = kNaN;
    /// Cost per applicant of this fold at `threshold`, which was chosen (ThresholdRule) from the
    /// out-of-fold scores of the *other* folds of the same repeat, i.e. on training rows only.
    double expectedCost = kNaN;
    double threshold = kNaN;
    double fitSeconds = 0.0; ///< wall time of pipeline-free fit + predict of this fold
};

/// One evaluated configuration of one algorithm.
struct TrialResult
{
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

    std::string algorithm;
    std::size_t trial = 0;  ///< 0 = the classifier's defaults (plus base params)
    std::uint64_t seed = 0; ///< trialSeed(run seed, algorithm, trial)
    ParamMap params;        ///< every parameter of the classifier as fitted
    bool finished = false;  ///< all folds ran (false after a cancel or an error)
    std::string error;      ///< why the trial failed (e.g. invalid parameter), else empty

    std::vector<FoldScores> folds; ///< in FoldPlan order
    double aucMean = kNaN;         ///< mean of the fold AUCs
    double aucSd = kNaN;           ///< sample standard deviation of the fold AUCs (n − 1)
    double ap = kNaN;              ///< mean over folds
    double ks = kNaN;              ///< mean over folds
    double gini = kNaN;            ///< 2 · aucMean − 1
    double brier = kNaN;           ///< mean over folds
    double logLoss = kNaN;         ///< mean over folds
    /// Σ fold costs / rows, averaged over repeats: cost per applicant when every fold decides
    /// with a threshold chosen on its training folds.
    double expectedCost = kNaN;
    double costThreshold = kNaN; ///< median of the fold thresholds (for display)
    /// expectedCost under each rule (expectedCost itself follows SearchParams::thresholdRule).
    double expectedCostEmpirical = kNaN;
    double expectedCostPlattBayes = kNaN;
    double fitSeconds = 0.0; ///< sum over folds

    /// Out-of-fold P(bad), repeat-major: oof[r · rows + row]. Empty unless kept.
    std::vector<double> oof;
};

/// Settings of one random search over one fold plan.
struct SearchParams
{
    std::vector<std::string> algorithms{"lr", "rf", "gbdt", "svm"};
    /// Configurations per algorithm, >= 1. Trial 0 is the classifier's defaults (with
    /// `baseParams`), the others are drawn from the space with trialSeed(). Duplicates are
    /// dropped, so a space of few discrete choices runs fewer trials. Default 10.
    std::size_t trials = 10;
    /// Per-algorithm spaces; an algorithm without an entry uses defaultSearchSpace().
    std::map<std::string, SearchSpace> spaces;
    /// Per-algorithm parameters applied before every trial's sample (fixed settings).
    std::map<std::string, ParamMap> baseParams;
    SearchObjective objective = SearchObjective::RocAuc;
    CostMatrix costs;
    ThresholdRule thresholdRule = ThresholdRule::PlattBayes;
    std::uint64_t seed = 42;
    int threads = 1; ///< pool workers; <= 0 = all cores. Models use 1 thread each.
    FeatureOptions features;
    bool keepOof = true; ///< keep every trial's out-of-fold probabilities
};

struct SearchResult
{
    std::vector<TrialResult> trials;         ///< algorithm-major, then trial index
    std::map<std::string, std::size_t> best; ///< algorithm → index into trials (finished only)
    bool cancelled = false;
    std::vector<std::string> warnings;
};

/// The design matrices of one fold: the pipeline fitted on the fold's training rows only, then
/// applied to its training and test rows. Shared read-only by every trial.
struct FoldData
{
    FeaturePipeline pipeline;
    Matrix xTrain;
    Matrix xTest;
    std::vector<std::uint8_t> yTrain;
    std::vector<std::uint8_t> yTest;
};

/// Random search with cross-validation.
///
/// Every trial is scored on the same folds: for each fold the feature pipeline is fitted on the
/// training rows only (once per fold, shared by all trials), the classifier on the transformed
/// training rows, and out-of-fold probabilities are collected for the test rows. Work is split
/// into (trial, fold) tasks run by a TaskPool of `threads` workers; results go to preallocated
/// slots and every random step is seeded from (seed, algorithm, trial, fold), so the outcome
/// is bitwise identical for any thread count.
///
/// Progress: a "search" event after every (trial, fold) task: `fraction` = tasks finished /
/// tasks, `done`/`total` = trials finished / trials. The event that finishes a trial also
/// carries its algorithm, parameters and metrics ("auc_mean", "auc_sd", "expected_cost",
/// "trial"). When the sink returns false, running fits stop at
/// their next check (between boosting rounds or trees), no task starts, and run() returns with
/// `cancelled = true` and the trials finished so far.
///
/// The best trial of an algorithm maximises aucMean (RocAuc) or minimises expectedCost
/// (ExpectedCost); ties go to the lower trial index. These figures are optimistic for the
/// selected configuration (it was chosen on the same folds); see TrainingParams::nested.
class RandomSearch
{
public:
    explicit RandomSearch(SearchParams params) : m_params(std::move(params)) {}

    const SearchParams& params() const { return m_params; }

    /// The configurations the search will evaluate for `algorithm` (trial order).
    std::vector<ParamMap> configurations(const std::string& algorithm) const;

    /// Fits the pipeline of every fold (parallel; cancellable through `stop`).
    std::vector<FoldData> prepareFolds(const Dataset& data, const FoldPlan& plan,
                                       std::atomic<bool>& stop) const;

    /// Runs the search. `folds` must come from prepareFolds(data, plan).
    SearchResult run(const Dataset& data, const FoldPlan& plan, const std::vector<FoldData>& folds,
                     const ProgressSink& progress, std::atomic<bool>& stop) const;

    /// Convenience: prepareFolds + run with a private stop flag.
    SearchResult run(const Dataset& data, const FoldPlan& plan,
                     const ProgressSink& progress = {}) const;

    /// Recomputes a trial's summary figures from its folds (used after a fold list is
    /// complete). Exposed for tests.
    static void summarise(TrialResult& trial, const FoldPlan& plan,
                          const std::vector<std::uint8_t>& labels, const CostMatrix& costs,
                          ThresholdRule rule = ThresholdRule::PlattBayes);

    /// Scores a trial whose `oof` holds every row of every repeat: each fold's figures from its
    /// test rows' out-of-fold probabilities, then summarise(). For a trial that was not
    /// fitted fold by fold (a soft vote of other trials, see TrainingJob).
    static void scoreOutOfFold(TrialResult& trial, const FoldPlan& plan,
                               const std::vector<std::uint8_t>& labels, const CostMatrix& costs,
                               ThresholdRule rule = ThresholdRule::PlattBayes);

    /// The threshold (on the score scale) that `rule` picks from training scores and labels;
    /// NaN when none can be chosen (no rows).
    static double chooseThreshold(const std::vector<double>& scores,
                                  const std::vector<std::uint8_t>& labels, const CostMatrix& costs,
                                  ThresholdRule rule);

    /// Whether `a` is better than `b` under `objective` (unfinished trials are never better).
    static bool better(const TrialResult& a, const TrialResult& b, SearchObjective objective);

private:
    SearchParams m_params;
};

} // namespace credit::core
