// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "train/training_job.h"

#include "common/seeded_random.h"
#include "eval/probability_metrics.h"
#include "eval/roc_curve.h"
#include "models/ensemble_model.h"
#include "train/task_pool.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <mutex>
#include <numeric>
#include <optional>
#include <stdexcept>

namespace credit::core {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
const std::string kEnsemble = "ensemble";

double meanOf(const std::vector<double>& v)
{
    double s = 0.0;
    std::size_t n = 0;
    for (const double x : v) {
        if (std::isfinite(x)) {
            s += x;
            ++n;
        }
    }
    return n == 0 ? kNaN : s / double(n);
}

double sdOf(const std::vector<double>& v)
{
    const double m = meanOf(v);
    double s = 0.0;
    std::size_t n = 0;
    for (const double x : v) {
        if (std::isfinite(x)) {
            s += (x - m) * (x - m);
            ++n;
        }
    }
    return n < 2 ? 0.0 : std::sqrt(s / double(n - 1));
}

CalibrationParams calibrationParams(CalibrationMethod method)
{
    CalibrationParams params;
    params.method = method;
    return params;
}

/// Forwards the stages' events to the caller's sink with the fraction mapped into the stage's
/// share of the whole run, and latches a stop request.
class StageSink
{
public:
    StageSink(const ProgressSink& sink, std::atomic<bool>& stop) : m_sink(sink), m_stop(stop) {}

    ProgressSink stage(double begin, double end) const
    {
        return [this, begin, end](const ProgressEvent& event) {
            ProgressEvent mapped = event;
            mapped.fraction = begin + (end - begin) * std::clamp(event.fraction, 0.0, 1.0);
            return forward(mapped);
        };
    }

    bool forward(const ProgressEvent& event) const
    {
        const std::lock_guard lock(m_mutex);
        if (m_stop.load()) {
            return false;
        }
        if (!report(m_sink, event)) {
            m_stop.store(true);
            return false;
        }
        return true;
    }

private:
    const ProgressSink& m_sink;
    std::atomic<bool>& m_stop;
    mutable std::mutex m_mutex;
};

/// The ensemble's configuration when the search would evaluate exactly one and it is a soft
/// vote; nullopt otherwise (stacking, or a space with several configurations).
std::optional<ParamMap> singleVote(const SearchParams& sp)
{
    SearchParams only = sp;
    only.algorithms = {kEnsemble};
    const std::vector<ParamMap> configs = RandomSearch(only).configurations(kEnsemble);
    if (configs.size() != 1) {
        return std::nullopt;
    }
    const auto method = configs.front().find("method");
    if (method == configs.front().end() || method->second != ParamValue(std::string("vote"))) {
        return std::nullopt;
    }
    return configs.front();
}

/// A soft vote of phase 1's best configurations, scored from their out-of-fold predictions:
/// every member was fitted on the same training folds, so the vote's prediction for a test
/// row is the weighted mean of the members' predictions for it and no member is fitted
/// again (the members' own fits differ only in their seeds). nullopt when a member has no
/// finished best trial or its parameters differ from the vote's.
std::optional<TrialResult> voteFromMembers(const ParamMap& config, const SearchResult& phase1,
                                           const FoldPlan& plan,
                                           const std::vector<std::uint8_t>& labels,
                                           const SearchParams& sp)
{
    EnsembleModel vote;
    vote.setParams(config);
    const std::vector<std::string> members = vote.typedParams().memberNames();
    const std::vector<double> weights = vote.voteWeights();
    const std::size_t n = plan.rowCount;
    TrialResult trial;
    trial.algorithm = kEnsemble;
    trial.trial = 0;
    trial.seed = trialSeed(sp.seed, kEnsemble, 0);
    trial.params = config;
    trial.oof.assign(plan.repeats * n, 0.0);
    std::vector<double> fitSeconds(plan.folds.size(), 0.0);
    for (std::size_t m = 0; m < members.size(); ++m) {
        const auto best = phase1.best.find(members[m]);
        if (best == phase1.best.end()) {
            return std::nullopt;
        }
        const TrialResult& member = phase1.trials[best->second];
        if (!member.finished || member.oof.size() != trial.oof.size()) {
            return std::nullopt;
        }
        for (const auto& [name, value] : member.params) {
            const auto it = config.find(members[m] + "." + name);
            if (it == config.end() || it->second != value) {
                return std::nullopt;
            }
        }
        for (std::size_t i = 0; i < trial.oof.size(); ++i) {
            trial.oof[i] += weights[m] * member.oof[i];
        }
        for (std::size_t f = 0; f < fitSeconds.size() && f < member.folds.size(); ++f) {
            fitSeconds[f] += member.folds[f].fitSeconds;
        }
    }
    RandomSearch::scoreOutOfFold(trial, plan, labels, sp.costs, sp.thresholdRule);
    for (std::size_t f = 0; f < fitSeconds.size(); ++f) {
        trial.folds[f].fitSeconds = fitSeconds[f];
    }
    trial.fitSeconds = std::accumulate(fitSeconds.begin(), fitSeconds.end(), 0.0);
    return trial;
}

/// Phase 1 searches every algorithm but the ensemble; phase 2 the ensemble, whose component
/// parameters (when it exposes them as "<algorithm>.<param>") start from phase 1's best. A
/// single soft-vote configuration is scored from the members' out-of-fold predictions
/// (voteFromMembers) instead of being fitted again.
SearchResult searchAll(const TrainingParams& params, const Dataset& data, const FoldPlan& plan,
                       const std::vector<FoldData>& folds, std::uint64_t seed,
                       const ProgressSink& progress, std::atomic<bool>& stop)
{
    SearchParams sp;
    sp.trials = params.trials;
    sp.spaces = params.spaces;
    sp.baseParams = params.baseParams;
    sp.objective = params.objective;
    sp.costs = params.costs;
    sp.thresholdRule = params.thresholdRule;
    sp.seed = seed;
    sp.threads = params.threads;
    sp.features = params.features;
    sp.keepOof = false;
    sp.algorithms.clear();
    bool withEnsemble = false;
    for (const std::string& a : params.algorithms) {
        if (a == kEnsemble) {
            withEnsemble = true;
        } else {
            sp.algorithms.push_back(a);
        }
    }
    const bool cheapVote = withEnsemble && !sp.algorithms.empty() && singleVote(sp).has_value();
    // The two phases share the caller's fraction range: the ensemble (several member fits per
    // fold) gets the last 40 % of it, unless it is a vote of phase 1's predictions.
    auto part = [&progress](double begin, double end, const char* stage) -> ProgressSink {
        return [&progress, begin, end, stage](const ProgressEvent& event) {
            ProgressEvent mapped = event;
            mapped.stage = stage;
            mapped.fraction = begin + (end - begin) * event.fraction;
            return report(progress, mapped);
        };
    };
    const double split = !withEnsemble ? 1.0 : cheapVote ? 0.99 : sp.algorithms.empty() ? 0.0 : 0.6;
    SearchResult result;
    if (!sp.algorithms.empty()) {
        result = RandomSearch(sp).run(data, plan, folds, part(0.0, split, "search"), stop);
    }
    if (!withEnsemble || result.cancelled || stop.load()) {
        return result;
    }
    // Ensemble components inherit the best configurations found above.
    ParamMap ensembleBase = sp.baseParams[kEnsemble];
    const ParamMap ensembleDefaults = createClassifier(kEnsemble)->params();
    for (const auto& [algorithm, index] : result.best) {
        for (const auto& [name, value] : result.trials[index].params) {
            const std::string key = algorithm + "." + name;
            if (ensembleDefaults.count(key) && !ensembleBase.count(key)) {
                ensembleBase[key] = value;
            }
        }
    }
    sp.algorithms = {kEnsemble};
    sp.baseParams[kEnsemble] = ensembleBase;
    if (cheapVote) {
        if (const auto config = singleVote(sp)) {
            if (auto vote = voteFromMembers(*config, result, plan, data.labels(), sp)) {
                ProgressEvent event;
                event.stage = "ensemble";
                event.algorithm = kEnsemble;
                event.done = 1;
                event.total = 1;
                event.fraction = 1.0;
                event.params = paramsAsText(vote->params);
                event.metrics = {{"auc_mean", vote->aucMean},
                                 {"auc_sd", vote->aucSd},
                                 {"expected_cost", vote->expectedCost},
                                 {"trial", 0.0}};
                event.message = "ensemble trial 0 done (vote of the members' fold predictions)";
                result.best[kEnsemble] = result.trials.size();
                result.trials.push_back(std::move(*vote));
                if (!report(progress, event)) {
                    result.cancelled = true;
                    stop.store(true);
                }
                return result;
            }
        }
    }
    SearchResult ensemble =
        RandomSearch(sp).run(data, plan, folds, part(split, 1.0, "ensemble"), stop);
    const std::size_t offset = result.trials.size();
    for (TrialResult& t : ensemble.trials) {
        result.trials.push_back(std::move(t));
    }
    for (const auto& [algorithm, index] : ensemble.best) {
        result.best[algorithm] = offset + index;
    }
    for (std::string& w : ensemble.warnings) {
        result.warnings.push_back(std::move(w));
    }
    result.cancelled = ensemble.cancelled;
    return result;
}

/// Calibrated out-of-fold predictions, cross-fitted per repeat and fold: the calibrator for a
/// test fold is fitted on the other folds' out-of-fold predictions only.
std::vector<double> crossCalibrate(const std::vector<double>& raw, const FoldPlan& plan,
                                   const std::vector<std::uint8_t>& labels,
                                   CalibrationMethod method)
{
    if (method == CalibrationMethod::None) {
        return raw;
    }
    std::vector<double> out(raw.size(), kNaN);
    const std::size_t n = plan.rowCount;
    for (const Fold& fold : plan.folds) {
        std::vector<double> scores;
        std::vector<std::uint8_t> y;
        scores.reserve(fold.train.size());
        y.reserve(fold.train.size());
        for (const std::size_t row : fold.train) {
            scores.push_back(raw[fold.repeat * n + row]);
            y.push_back(labels[row]);
        }
        Calibrator calibrator(calibrationParams(method));
        calibrator.fit(scores, y);
        for (const std::size_t row : fold.test) {
            out[fold.repeat * n + row] = calibrator.apply(raw[fold.repeat * n + row]);
        }
    }
    return out;
}

/// Mean over repeats of a probability metric computed on each repeat's predictions.
template <typename Metric>
double perRepeat(const std::vector<double>& p, const std::vector<std::uint8_t>& labels,
                 std::size_t repeats, Metric metric)
{
    const std::size_t n = labels.size();
    std::vector<double> values;
    for (std::size_t r = 0; r < repeats; ++r) {
        values.push_back(metric(std::span<const double>(p.data() + r * n, n), labels));
    }
    return meanOf(values);
}

LeaderboardRow rowFromTrial(const TrialResult& trial, std::size_t trialsRun)
{
    LeaderboardRow row;
    row.algorithm = trial.algorithm;
    row.displayName = createClassifier(trial.algorithm)->displayName();
    row.params = trial.params;
    row.trialsRun = trialsRun;
    row.aucMean = trial.aucMean;
    row.aucSd = trial.aucSd;
    row.ap = trial.ap;
    row.ks = trial.ks;
    row.gini = trial.gini;
    row.brier = trial.brier;
    row.logLoss = trial.logLoss;
    row.brierRaw = trial.brier;
    row.logLossRaw = trial.logLoss;
    row.expectedCost = trial.expectedCost;
    row.expectedCostEmpirical = trial.expectedCostEmpirical;
    row.expectedCostPlattBayes = trial.expectedCostPlattBayes;
    row.costThreshold = trial.costThreshold;
    row.fitSeconds = trial.fitSeconds;
    row.folds = trial.folds;
    return row;
}

/// Fits pipeline + classifier on `rows` (all rows when empty) with the given parameters.
std::pair<std::shared_ptr<FeaturePipeline>, std::shared_ptr<Classifier>>
fitChain(const Dataset& data, const std::vector<std::size_t>& rows, const std::string& algorithm,
         const ParamMap& params, const FeatureOptions& features, std::uint64_t seed,
         std::atomic<bool>& stop)
{
    auto pipeline = std::make_shared<FeaturePipeline>();
    pipeline->fit(data, rows, features);
    const Matrix x = pipeline->transform(data, rows);
    std::vector<std::uint8_t> y;
    if (rows.empty()) {
        y = data.labels();
    } else {
        for (const std::size_t row : rows) {
            y.push_back(data.labels()[row]);
        }
    }
    std::shared_ptr<Classifier> classifier = createClassifier(algorithm);
    classifier->setParams(params);
    FitOptions options;
    options.seed = seed;
    options.threads = 1;
    options.featureNames = pipeline->featureNames();
    options.progress = [&stop](const ProgressEvent&) { return !stop.load(); };
    classifier->fit(x, y, options);
    return {pipeline, classifier};
}

// Best first by the objective; a row without a figure (NaN) goes last.
void rankLeaderboard(TrainingResult& result, SearchObjective objective)
{
    std::stable_sort(result.leaderboard.begin(), result.leaderboard.end(),
                     [&](const LeaderboardRow& a, const LeaderboardRow& b) {
                         const double va =
                             objective == SearchObjective::RocAuc ? a.aucMean : -a.expectedCost;
                         const double vb =
                             objective == SearchObjective::RocAuc ? b.aucMean : -b.expectedCost;
                         if (std::isnan(vb)) {
                             return !std::isnan(va);
                         }
                         return va > vb;
                     });
    result.bestAlgorithm = result.leaderboard.empty() ? "" : result.leaderboard.front().algorithm;
}

// Stage 3: per algorithm, its out-of-fold data with cross-fitted calibration, the Brier and
// log loss of the calibrated predictions, the final calibrator (fitted on every out-of-fold
// prediction) and the final threshold. Returns the calibrators by algorithm.
std::map<std::string, std::shared_ptr<const Calibrator>>
calibrateOutOfFold(const TrainingParams& params, const std::vector<std::uint8_t>& labels,
                   const SearchResult& search, TrainingResult& result)
{
    const std::size_t n = labels.size();
    std::map<std::string, std::shared_ptr<const Calibrator>> calibrators;
    for (LeaderboardRow& row : result.leaderboard) {
        const TrialResult& trial = search.trials[search.best.at(row.algorithm)];
        OutOfFold oof;
        oof.rows = n;
        oof.repeats = params.repeats;
        oof.labels = labels;
        oof.raw = trial.oof;
        oof.calibrated = crossCalibrate(oof.raw, result.folds, labels, params.calibration);
        oof.foldOfRow.reserve(n * params.repeats);
        for (const auto& perRow : result.folds.foldOfRow) {
            oof.foldOfRow.insert(oof.foldOfRow.end(), perRow.begin(), perRow.end());
        }
        row.brier = perRepeat(oof.calibrated, labels, oof.repeats,
                              [](auto p, auto y) { return brierScore(p, y); });
        row.logLoss = perRepeat(oof.calibrated, labels, oof.repeats,
                                [](auto p, auto y) { return logLoss(p, y); });
        // The final calibrator sees every out-of-fold prediction; the final threshold is the
        // cheapest on the calibrated out-of-fold predictions of all repeats.
        auto calibrator = std::make_shared<Calibrator>(calibrationParams(params.calibration));
        std::vector<std::uint8_t> pooledLabels;
        pooledLabels.reserve(oof.raw.size());
        for (std::size_t r = 0; r < oof.repeats; ++r) {
            pooledLabels.insert(pooledLabels.end(), labels.begin(), labels.end());
        }
        if (params.calibration != CalibrationMethod::None) {
            const CalibrationFitResult fit = calibrator->fit(oof.raw, pooledLabels);
            for (const std::string& w : fit.warnings) {
                result.warnings.push_back(row.algorithm + " calibration: " + w);
            }
        }
        calibrators[row.algorithm] = calibrator;
        std::vector<double> finalScores = oof.raw;
        if (params.calibration != CalibrationMethod::None) {
            finalScores = calibrator->apply(oof.raw);
        }
        row.costThreshold = params.thresholdRule == ThresholdRule::PlattBayes &&
                                    params.calibration != CalibrationMethod::None
                                ? bayesThreshold(params.costs)
                                : RandomSearch::chooseThreshold(finalScores, pooledLabels,
                                                                params.costs, params.thresholdRule);
        result.outOfFold[row.algorithm] = std::move(oof);
    }
    return calibrators;
}

// Stage 4: refits the best configuration of every algorithm on all rows (one task each) into
// result.models; a refit that was cancelled leaves no model.
void refitAll(const TrainingParams& params, const Dataset& data,
              const std::vector<std::string>& algorithms,
              const std::map<std::string, std::shared_ptr<const Calibrator>>& calibrators,
              const StageSink& sink, double searchEnd, std::atomic<bool>& stop,
              TrainingResult& result)
{
    std::vector<std::shared_ptr<const TrainedModel>> refitted(algorithms.size());
    std::atomic<std::size_t> refitDone{0};
    TaskPool(params.threads)
        .run(
            algorithms.size(),
            [&](std::size_t i) {
                const LeaderboardRow& row = *result.row(algorithms[i]);
                try {
                    auto [pipeline, classifier] = fitChain(
                        data, {}, row.algorithm, row.params, params.features,
                        SeededRandom::deriveSeed(params.seed, "final/" + row.algorithm), stop);
                    // The same training rows for every algorithm, so their Shapley reasons
                    // are measured against the same applicants.
                    refitted[i] = std::make_shared<const TrainedModel>(
                        pipeline, classifier, calibrators.at(row.algorithm),
                        ExplanationBackground::draw(
                            *pipeline, data, {}, ExplanationBackground::kDefaultRows,
                            SeededRandom::deriveSeed(params.seed, "background")));
                } catch (const Cancelled&) {
                    return;
                }
                const std::size_t done = refitDone.fetch_add(1) + 1;
                ProgressEvent event;
                event.stage = "refit";
                event.done = done;
                event.total = algorithms.size();
                event.fraction =
                    searchEnd + (1.0 - searchEnd) * 0.1 * double(done) / double(algorithms.size());
                event.algorithm = row.algorithm;
                event.message = row.algorithm + " refitted on all rows";
                sink.forward(event);
            },
            stop);
    for (std::size_t i = 0; i < algorithms.size(); ++i) {
        if (refitted[i]) {
            result.models[algorithms[i]] = refitted[i];
        }
    }
}

// Stage 5: nested cross-validation, the whole search inside each outer fold of repeat 0;
// fills the rows' nested_* estimates unless stopped.
void nestedEstimates(const TrainingParams& params, const Dataset& data, const StageSink& sink,
                     double searchEnd, std::atomic<bool>& stop, TrainingResult& result)
{
    const std::vector<std::uint8_t>& labels = data.labels();
    const std::size_t n = data.rowCount();
    const std::size_t k = params.folds;
    std::map<std::string, std::vector<double>> nestedAuc;
    std::map<std::string, double> nestedCost;
    std::map<std::string, std::size_t> nestedRows;
    for (std::size_t o = 0; o < k && !stop.load(); ++o) {
        const Fold& outer = result.folds.folds[o];
        const std::uint64_t innerSeed = SeededRandom::deriveSeed(params.seed, "nested", o);
        const FoldPlan inner =
            StratifiedKFold({params.nestedInnerFolds, 1, innerSeed}).split(labels, outer.train);
        SearchParams innerPrep;
        innerPrep.threads = params.threads;
        innerPrep.features = params.features;
        const std::vector<FoldData> innerFolds =
            RandomSearch(innerPrep).prepareFolds(data, inner, stop);
        if (stop.load()) {
            break;
        }
        const double begin = searchEnd + (1.0 - searchEnd) * (0.1 + 0.9 * double(o) / double(k));
        const double end = searchEnd + (1.0 - searchEnd) * (0.1 + 0.9 * double(o + 1) / double(k));
        SearchResult innerSearch =
            searchAll(params, data, inner, innerFolds, innerSeed, sink.stage(begin, end), stop);
        if (innerSearch.cancelled || stop.load()) {
            break;
        }
        // Each algorithm's inner winner, refitted on the outer training rows, scores the
        // outer test fold it never saw.
        std::vector<std::string> names;
        for (const auto& [algorithm, index] : innerSearch.best) {
            names.push_back(algorithm);
        }
        std::vector<std::vector<double>> outerScores(names.size());
        std::vector<double> thresholds(names.size(), kNaN);
        TaskPool(params.threads)
            .run(
                names.size(),
                [&](std::size_t i) {
                    const TrialResult& best = innerSearch.trials[innerSearch.best.at(names[i])];
                    try {
                        auto [pipeline, classifier] = fitChain(
                            data, outer.train, names[i], best.params, params.features,
                            SeededRandom::deriveSeed(innerSeed, "outer/" + names[i]), stop);
                        const Vector p =
                            classifier->predictProba(pipeline->transform(data, outer.test));
                        outerScores[i].assign(p.data(), p.data() + p.size());
                    } catch (const Cancelled&) {
                        return;
                    }
                    // Threshold from the inner out-of-fold predictions (training rows).
                    std::vector<double> s;
                    std::vector<std::uint8_t> y;
                    for (const std::size_t row : outer.train) {
                        s.push_back(best.oof[row]);
                        y.push_back(labels[row]);
                    }
                    thresholds[i] =
                        RandomSearch::chooseThreshold(s, y, params.costs, params.thresholdRule);
                },
                stop);
        if (stop.load()) {
            break;
        }
        std::vector<std::uint8_t> testLabels;
        for (const std::size_t row : outer.test) {
            testLabels.push_back(labels[row]);
        }
        for (std::size_t i = 0; i < names.size(); ++i) {
            nestedAuc[names[i]].push_back(rocAuc(outerScores[i], testLabels));
            if (std::isfinite(thresholds[i])) {
                nestedCost[names[i]] += expectedCost(outerScores[i], testLabels, thresholds[i],
                                                     CostParams{params.costs, {}}) *
                                        double(outer.test.size());
                nestedRows[names[i]] += outer.test.size();
            }
        }
    }
    if (!stop.load()) {
        for (LeaderboardRow& row : result.leaderboard) {
            const auto it = nestedAuc.find(row.algorithm);
            if (it != nestedAuc.end() && it->second.size() == k) {
                row.nestedAucMean = meanOf(it->second);
                row.nestedAucSd = sdOf(it->second);
                if (nestedRows[row.algorithm] == n) {
                    row.nestedExpectedCost = nestedCost[row.algorithm] / double(n);
                }
            }
        }
    }
}

} // namespace

std::vector<std::string> TrainingParams::validate() const
{
    std::vector<std::string> problems;
    if (algorithms.empty()) {
        problems.push_back("algorithms: choose at least one algorithm");
    }
    const std::vector<std::string> known = availableAlgorithms();
    for (const std::string& a : algorithms) {
        if (std::find(known.begin(), known.end(), a) == known.end()) {
            problems.push_back("algorithms: unknown algorithm '" + a + "'");
        }
        if (std::count(algorithms.begin(), algorithms.end(), a) > 1) {
            problems.push_back("algorithms: '" + a + "' is listed twice");
        }
    }
    if (folds < 2) {
        problems.push_back("folds: must be at least 2");
    }
    if (repeats < 1) {
        problems.push_back("repeats: must be at least 1");
    }
    if (trials < 1) {
        problems.push_back("trials: must be at least 1");
    }
    if (nested && nestedInnerFolds < 2) {
        problems.push_back("nested_inner_folds: must be at least 2");
    }
    for (const std::string& p : costs.validate()) {
        problems.push_back("cost: " + p);
    }
    for (const std::string& p : features.validate()) {
        problems.push_back("preprocessing: " + p);
    }
    for (const auto& [algorithm, space] : spaces) {
        for (const std::string& p : space.validate()) {
            problems.push_back("spaces: " + p);
        }
    }
    return problems;
}

const LeaderboardRow* TrainingResult::row(const std::string& algorithm) const
{
    for (const LeaderboardRow& r : leaderboard) {
        if (r.algorithm == algorithm) {
            return &r;
        }
    }
    return nullptr;
}

std::shared_ptr<const TrainedModel> fitConfiguration(const TrainingParams& params,
                                                     const Dataset& data,
                                                     const LeaderboardRow& row,
                                                     const std::vector<std::size_t>& rows,
                                                     std::uint64_t seed, std::atomic<bool>& stop)
{
    auto [pipeline, classifier] =
        fitChain(data, rows, row.algorithm, row.params, params.features, seed, stop);
    ExplanationBackground background =
        ExplanationBackground::draw(*pipeline, data, rows, ExplanationBackground::kDefaultRows,
                                    SeededRandom::deriveSeed(seed, "background"));
    return std::make_shared<const TrainedModel>(
        pipeline, classifier,
        std::make_shared<const Calibrator>(calibrationParams(CalibrationMethod::None)),
        std::move(background));
}

TrainingResult TrainingJob::run(const Dataset& data, const ProgressSink& progress) const
{
    const auto start = std::chrono::steady_clock::now();
    const std::vector<std::string> problems = m_params.validate();
    if (!problems.empty()) {
        throw std::invalid_argument(problems.front());
    }
    TrainingResult result;
    result.params = m_params;
    result.dataHash = data.contentHash();
    const std::vector<std::uint8_t>& labels = data.labels();

    std::atomic<bool> stop{false};
    const StageSink sink(progress, stop);
    const double searchEnd = m_params.nested ? 0.45 : 0.9;
    auto finish = [&]() -> TrainingResult {
        result.cancelled = stop.load();
        result.seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return std::move(result);
    };

    // 1. Folds, shared by every algorithm and trial.
    result.folds = StratifiedKFold({m_params.folds, m_params.repeats, m_params.seed}).split(labels);
    for (const std::string& w : result.folds.warnings) {
        result.warnings.push_back(w);
    }
    if (!sink.forward({"folds",
                       0.0,
                       0,
                       result.folds.folds.size(),
                       "fitting the feature pipeline in each fold",
                       {},
                       {},
                       {}})) {
        return finish();
    }
    SearchParams prepare;
    prepare.threads = m_params.threads;
    prepare.features = m_params.features;
    const std::vector<FoldData> folds =
        RandomSearch(prepare).prepareFolds(data, result.folds, stop);
    if (stop.load()) {
        return finish();
    }

    // 2. Search.
    SearchResult search = searchAll(m_params, data, result.folds, folds, m_params.seed,
                                    sink.stage(0.02, searchEnd), stop);
    for (const std::string& w : search.warnings) {
        result.warnings.push_back(w);
    }
    std::map<std::string, std::size_t> finishedTrials;
    for (const TrialResult& t : search.trials) {
        finishedTrials[t.algorithm] += t.finished ? 1 : 0;
    }
    for (const auto& [algorithm, index] : search.best) {
        result.leaderboard.push_back(rowFromTrial(search.trials[index], finishedTrials[algorithm]));
    }
    rankLeaderboard(result, m_params.objective);
    if (search.cancelled || stop.load()) {
        for (TrialResult& t : search.trials) {
            t.oof.clear();
        }
        result.trials = std::move(search.trials);
        return finish();
    }

    // 3. Out-of-fold data, cross-fitted calibration and the final threshold per algorithm.
    std::vector<std::string> algorithms;
    for (const LeaderboardRow& row : result.leaderboard) {
        algorithms.push_back(row.algorithm);
    }
    const auto calibrators = calibrateOutOfFold(m_params, labels, search, result);
    for (TrialResult& t : search.trials) {
        t.oof.clear();
    }

    // 4. Refit the best configuration of every algorithm on all rows (one task each).
    if (!sink.forward(
            {"refit", searchEnd, 0, algorithms.size(), "refitting on all rows", {}, {}, {}})) {
        result.trials = std::move(search.trials);
        return finish();
    }
    refitAll(m_params, data, algorithms, calibrators, sink, searchEnd, stop, result);
    result.trials = std::move(search.trials);
    if (stop.load()) {
        return finish();
    }

    // 5. Nested cross-validation: the whole search inside each outer fold of repeat 0.
    if (m_params.nested) {
        nestedEstimates(m_params, data, sink, searchEnd, stop, result);
    }
    const bool cancelled = stop.load();
    TrainingResult out = finish();
    if (!cancelled) {
        // The last event cannot cancel anything any more: its answer is ignored.
        (void)report(progress, {"done", 1.0, 1, 1, "training finished", {}, {}, {}});
    }
    out.cancelled = cancelled;
    return out;
}

} // namespace credit::core
