// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/progress.h"
#include "data/dataset.h"
#include "eval/cost_analysis.h"
#include "train/feature_importance.h"
#include "features/feature_pipeline.h"
#include "train/random_search.h"
#include "train/trained_model.h"

#include <atomic>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace credit::core {

/// Everything a training run needs besides the data. Defaults reproduce `credit-risk train`.
struct TrainingParams
{
    /// Algorithms to train, by createClassifier() name. Default all five. "ensemble" is
    /// searched after the others and, where the ensemble exposes component parameters, starts
    /// from their best configurations.
    std::vector<std::string> algorithms{"lr", "rf", "gbdt", "svm", "ensemble"};
    std::size_t folds = 10;  ///< k of stratified k-fold, in [2, rows]; default 10
    std::size_t repeats = 5; ///< repeats of the k-fold split, >= 1; default 5
    /// Random-search configurations per algorithm, >= 1 (trial 0 = defaults); default 10.
    /// Cost grows linearly: one trial is folds × repeats fits.
    std::size_t trials = 10;
    SearchObjective objective = SearchObjective::RocAuc;
    /// Calibration of the final model, fitted on out-of-fold predictions. Default Platt.
    CalibrationMethod calibration = CalibrationMethod::Platt;
    std::uint64_t seed = 42; ///< seeds folds, trials and fits; same seed → same result
    int threads = 0;         ///< worker threads; <= 0 = all cores. Does not change results.
    FeatureOptions features;
    CostMatrix costs; ///< bad accepted 5, good rejected 1 by default
    /// How thresholds are chosen on training rows (see ThresholdRule). Default PlattBayes.
    /// The final model's threshold: bayesThreshold(costs) on its calibrated probabilities
    /// (PlattBayes with calibration), else the rule applied to all out-of-fold predictions.
    ThresholdRule thresholdRule = ThresholdRule::PlattBayes;
    /// Nested cross-validation: the whole search is repeated inside each outer fold (the first
    /// repeat's folds) on its training rows with `nestedInnerFolds` inner folds, and the chosen
    /// configuration is scored on the outer test fold: an unbiased estimate of the whole
    /// procedure. Costs about `folds` times the search. Default off.
    bool nested = false;
    std::size_t nestedInnerFolds = 5;
    /// Per-algorithm search spaces replacing the defaults, and fixed parameters.
    std::map<std::string, SearchSpace> spaces;
    std::map<std::string, ParamMap> baseParams;

    /// Messages for invalid values, each starting with the field name; empty = valid.
    std::vector<std::string> validate() const;
};

/// One leaderboard line: the best configuration of one algorithm, with its out-of-fold figures.
/// Search figures are optimistic (the configuration was chosen on the same folds); the nested
/// ones, when computed, are not.
struct LeaderboardRow
{
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

    std::string algorithm;
    std::string displayName;
    ParamMap params;
    std::size_t trialsRun = 0; ///< finished trials of this algorithm
    double aucMean = kNaN;
    double aucSd = kNaN;
    double ap = kNaN;
    double ks = kNaN;
    double gini = kNaN;
    double brier = kNaN;    ///< of the calibrated out-of-fold probabilities (see below)
    double logLoss = kNaN;  ///< idem
    double brierRaw = kNaN; ///< of the uncalibrated out-of-fold probabilities
    double logLossRaw = kNaN;
    double expectedCost = kNaN;          ///< per applicant, threshold chosen on training folds only
    double expectedCostEmpirical = kNaN; ///< expectedCost with ThresholdRule::Empirical
    double expectedCostPlattBayes = kNaN; ///< expectedCost with ThresholdRule::PlattBayes
    double costThreshold = kNaN; ///< the final model's threshold (cheapest on all OOF, calibrated)
    double fitSeconds = 0.0;     ///< CV fit time of the selected configuration (sum over folds)
    std::vector<FoldScores> folds;
    /// Nested-CV estimates (NaN unless TrainingParams::nested).
    double nestedAucMean = kNaN;
    double nestedAucSd = kNaN;
    double nestedExpectedCost = kNaN;
};

/// What a training run produced. After a cancel, `cancelled` is true and `leaderboard` /
/// `trials` hold what finished; `models` may be empty.
struct TrainingResult
{
    std::vector<LeaderboardRow> leaderboard; ///< best first (by the objective)
    std::string bestAlgorithm;               ///< empty when nothing finished
    /// Per algorithm, the refitted final model (pipeline + classifier + calibrator, fitted on
    /// all rows) and its out-of-fold data.
    std::map<std::string, std::shared_ptr<const TrainedModel>> models;
    std::map<std::string, OutOfFold> outOfFold;
    /// Per algorithm, mean |contribution| over out-of-fold rows; filled after the run by
    /// addOutOfFoldImportance() (explain/model_insight.h), which needs the explainers above
    /// this layer. Empty until then.
    std::map<std::string, FeatureImportance> importance;
    std::vector<TrialResult> trials; ///< every trial of the search (no OOF vectors)
    FoldPlan folds;
    TrainingParams params;
    std::uint64_t dataHash = 0; ///< Dataset::contentHash() of the training data
    bool cancelled = false;
    double seconds = 0.0; ///< wall time
    std::vector<std::string> warnings;

    /// The leaderboard row of `algorithm`, or nullptr.
    const LeaderboardRow* row(const std::string& algorithm) const;
};

/// The main training job: stratified repeated k-fold → random search per algorithm (trials and
/// folds in parallel) → calibration on out-of-fold predictions → refit of the best
/// configuration of each algorithm on all rows → leaderboard and the overall best.
///
/// Progress: stages "folds", "search", "ensemble", "refit", "nested", with the finished
/// trial's algorithm, params and metrics in search events. Returning false from the sink stops
/// the run within one fit's check interval (between boosting rounds, trees, folds, trials);
/// run() then returns normally with `cancelled = true` and the finished trials (it does not
/// throw Cancelled, so the UI can show them).
///
/// Errors: invalid params or data throw std::invalid_argument naming the field. A trial whose
/// fit throws is recorded in `warnings` and skipped.
class TrainingJob
{
public:
    explicit TrainingJob(TrainingParams params) : m_params(std::move(params)) {}

    const TrainingParams& params() const { return m_params; }

    TrainingResult run(const Dataset& data, const ProgressSink& progress = {}) const;

private:
    TrainingParams m_params;
};

/// The configuration of leaderboard row `row` fitted on `rows` of `data` (empty = all) with the
/// run's feature options: pipeline and classifier as the run fits them, no calibration (the
/// model explains its raw log-odds), and an explanation background drawn from those rows as
/// the run draws the final model's. For analyses that need the fold models, which a run does
/// not keep (out-of-fold importance). Throws Cancelled when `stop` becomes true mid-fit.
std::shared_ptr<const TrainedModel> fitConfiguration(const TrainingParams& params,
                                                     const Dataset& data,
                                                     const LeaderboardRow& row,
                                                     const std::vector<std::size_t>& rows,
                                                     std::uint64_t seed, std::atomic<bool>& stop);

} // namespace credit::core
