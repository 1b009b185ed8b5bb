// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "train/random_search.h"

#include "common/seeded_random.h"
#include "eval/pr_curve.h"
#include "eval/probability_metrics.h"
#include "eval/roc_curve.h"
#include "models/calibration.h"
#include "train/task_pool.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <mutex>
#include <numeric>
#include <set>
#include <stdexcept>

namespace credit::core {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double meanOf(const std::vector<double>& values)
{
    double sum = 0.0;
    std::size_t n = 0;
    for (const double v : values) {
        if (std::isfinite(v)) {
            sum += v;
            ++n;
        }
    }
    return n == 0 ? kNaN : sum / double(n);
}

double sdOf(const std::vector<double>& values)
{
    const double mean = meanOf(values);
    double sum = 0.0;
    std::size_t n = 0;
    for (const double v : values) {
        if (std::isfinite(v)) {
            sum += (v - mean) * (v - mean);
            ++n;
        }
    }
    return n < 2 ? 0.0 : std::sqrt(sum / double(n - 1));
}

double seconds(std::chrono::steady_clock::time_point since)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

/// Figures that need only the fold itself (the threshold needs the other folds).
void scoreFold(FoldScores& out, const Vector& probabilities, const std::vector<std::uint8_t>& y)
{
    const std::span<const double> p(probabilities.data(),
                                    static_cast<std::size_t>(probabilities.size()));
    const RocCurve roc = rocCurve(p, y);
    out.auc = roc.auc;
    out.ks = roc.ks;
    out.ap = averagePrecision(p, y);
    out.brier = brierScore(p, y);
    out.logLoss = logLoss(p, y);
}

} // namespace

std::map<std::string, std::string> paramsAsText(const ParamMap& params)
{
    std::map<std::string, std::string> text;
    for (const auto& [name, value] : params) {
        text[name] = paramToString(value);
    }
    return text;
}

std::string searchObjectiveName(SearchObjective objective)
{
    return objective == SearchObjective::RocAuc ? "auc" : "expected_cost";
}

SearchObjective parseSearchObjective(const std::string& name)
{
    if (name == "auc" || name == "roc_auc") {
        return SearchObjective::RocAuc;
    }
    if (name == "expected_cost" || name == "cost") {
        return SearchObjective::ExpectedCost;
    }
    throw std::invalid_argument("unknown objective '" + name + "' (expected auc or expected_cost)");
}

std::vector<ParamMap> RandomSearch::configurations(const std::string& algorithm) const
{
    const auto spaceIt = m_params.spaces.find(algorithm);
    const SearchSpace space =
        spaceIt != m_params.spaces.end() ? spaceIt->second : defaultSearchSpace(algorithm);
    const auto baseIt = m_params.baseParams.find(algorithm);
    const ParamMap base = baseIt != m_params.baseParams.end() ? baseIt->second : ParamMap{};

    // Each candidate is expanded to the classifier's full parameter map, so a sample equal to
    // the defaults (or to an earlier sample) is recognised and not evaluated twice.
    auto expand = [&](const ParamMap& overrides) {
        std::unique_ptr<Classifier> classifier = createClassifier(algorithm);
        classifier->setParams(base);
        classifier->setParams(overrides);
        return classifier->params();
    };
    std::vector<ParamMap> configs;
    std::set<ParamMap> seen;
    configs.push_back(expand({}));
    seen.insert(configs.back());
    constexpr std::size_t kAttempts = 16;
    for (std::size_t trial = 1; trial < std::max<std::size_t>(m_params.trials, 1); ++trial) {
        bool added = false;
        for (std::size_t attempt = 0; attempt < kAttempts && !added; ++attempt) {
            std::uint64_t seed = trialSeed(m_params.seed, algorithm, trial);
            if (attempt > 0) {
                seed = SeededRandom::deriveSeed(seed, "retry", attempt);
            }
            ParamMap full = expand(space.sample(seed));
            if (seen.insert(full).second) {
                configs.push_back(std::move(full));
                added = true;
            }
        }
        if (!added) {
            break; // the space is exhausted (a few discrete choices)
        }
    }
    return configs;
}

std::vector<FoldData> RandomSearch::prepareFolds(const Dataset& data, const FoldPlan& plan,
                                                 std::atomic<bool>& stop) const
{
    std::vector<FoldData> folds(plan.folds.size());
    const auto& labels = data.labels();
    TaskPool(m_params.threads)
        .run(
            plan.folds.size(),
            [&](std::size_t i) {
                const Fold& fold = plan.folds[i];
                FoldData& out = folds[i];
                // Fitted on the fold's training rows only: nothing of the test rows (values or
                // labels) reaches the imputation, scaling or WoE statistics.
                out.pipeline.fit(data, fold.train, m_params.features);
                out.xTrain = out.pipeline.transform(data, fold.train);
                out.xTest = out.pipeline.transform(data, fold.test);
                out.yTrain.reserve(fold.train.size());
                for (const std::size_t row : fold.train) {
                    out.yTrain.push_back(labels[row]);
                }
                for (const std::size_t row : fold.test) {
                    out.yTest.push_back(labels[row]);
                }
            },
            stop);
    return folds;
}

double RandomSearch::chooseThreshold(const std::vector<double>& scores,
                                     const std::vector<std::uint8_t>& labels,
                                     const CostMatrix& costs, ThresholdRule rule)
{
    const double empirical = costCurve(scores, labels, CostParams{costs, {}}).bestThreshold;
    if (rule == ThresholdRule::Empirical || scores.empty()) {
        return empirical;
    }
    // Platt on logit(p): calibrated(p) = σ(a·logit(p) + b) > t*  ⇔  p > σ((logit(t*) − b) / a)
    // for a > 0.
    CalibrationParams params;
    params.method = CalibrationMethod::Platt;
    Calibrator platt(params);
    try {
        platt.fit(scores, labels);
    } catch (const std::invalid_argument&) {
        return empirical;
    }
    const double a = platt.plattSlope();
    const double b = platt.plattIntercept();
    if (!(a > 0.0) || !std::isfinite(b)) {
        return empirical;
    }
    const double target = bayesThreshold(costs);
    const double logitTarget = std::log(target / (1.0 - target));
    return 1.0 / (1.0 + std::exp(-(logitTarget - b) / a));
}

void RandomSearch::scoreOutOfFold(TrialResult& trial, const FoldPlan& plan,
                                  const std::vector<std::uint8_t>& labels,
                                  const CostMatrix& costs, ThresholdRule rule)
{
    const std::size_t n = plan.rowCount;
    if (trial.oof.size() != plan.repeats * n || labels.size() != n) {
        throw std::invalid_argument("scoring out-of-fold predictions: " +
                                    std::to_string(trial.oof.size()) + " values for " +
                                    std::to_string(plan.repeats) + " repeats of " +
                                    std::to_string(n) + " rows");
    }
    trial.folds.resize(plan.folds.size());
    for (std::size_t f = 0; f < plan.folds.size(); ++f) {
        const Fold& fold = plan.folds[f];
        Vector p(static_cast<Eigen::Index>(fold.test.size()));
        std::vector<std::uint8_t> y(fold.test.size());
        for (std::size_t i = 0; i < fold.test.size(); ++i) {
            p[static_cast<Eigen::Index>(i)] = trial.oof[fold.repeat * n + fold.test[i]];
            y[i] = labels[fold.test[i]];
        }
        FoldScores& scores = trial.folds[f];
        scores.repeat = fold.repeat;
        scores.fold = fold.index;
        scoreFold(scores, p, y);
    }
    summarise(trial, plan, labels, costs, rule);
    trial.finished = true;
}

void RandomSearch::summarise(TrialResult& trial, const FoldPlan& plan,
                             const std::vector<std::uint8_t>& labels, const CostMatrix& costs,
                             ThresholdRule rule)
{
    const std::size_t n = plan.rowCount;
    const std::size_t k = plan.foldsPerRepeat;
    std::vector<double> auc, ap, ks, brier, logLoss, thresholds;
    double costSum = 0.0;
    std::size_t costRepeats = 0;
    double otherSum = 0.0; // the same figure under the other rule, for comparison
    const ThresholdRule otherRule =
        rule == ThresholdRule::Empirical ? ThresholdRule::PlattBayes : ThresholdRule::Empirical;
    const bool haveOof = trial.oof.size() == plan.repeats * n;
    for (std::size_t r = 0; r < plan.repeats && haveOof; ++r) {
        double repeatCost = 0.0;
        double repeatOther = 0.0;
        std::size_t repeatRows = 0;
        bool repeatOk = true;
        for (std::size_t f = 0; f < k; ++f) {
            FoldScores& scores = trial.folds[r * k + f];
            const Fold& fold = plan.folds[r * k + f];
            // Threshold from the other folds' out-of-fold scores (training rows of this fold).
            std::vector<double> trainScores;
            std::vector<std::uint8_t> trainLabels;
            trainScores.reserve(fold.train.size());
            trainLabels.reserve(fold.train.size());
            for (const std::size_t row : fold.train) {
                trainScores.push_back(trial.oof[r * n + row]);
                trainLabels.push_back(labels[row]);
            }
            std::vector<double> testScores;
            std::vector<std::uint8_t> testLabels;
            for (const std::size_t row : fold.test) {
                testScores.push_back(trial.oof[r * n + row]);
                testLabels.push_back(labels[row]);
            }
            scores.threshold = chooseThreshold(trainScores, trainLabels, costs, rule);
            const double other = chooseThreshold(trainScores, trainLabels, costs, otherRule);
            if (std::isnan(scores.threshold) || std::isnan(other)) {
                repeatOk = false;
                continue;
            }
            scores.expectedCost =
                expectedCost(testScores, testLabels, scores.threshold, CostParams{costs, {}});
            repeatCost += scores.expectedCost * double(fold.test.size());
            repeatOther += expectedCost(testScores, testLabels, other, CostParams{costs, {}}) *
                           double(fold.test.size());
            repeatRows += fold.test.size();
        }
        if (repeatOk && repeatRows > 0) {
            costSum += repeatCost / double(repeatRows);
            otherSum += repeatOther / double(repeatRows);
            ++costRepeats;
        }
    }
    trial.fitSeconds = 0.0;
    for (const FoldScores& s : trial.folds) {
        auc.push_back(s.auc);
        ap.push_back(s.ap);
        ks.push_back(s.ks);
        brier.push_back(s.brier);
        logLoss.push_back(s.logLoss);
        if (std::isfinite(s.threshold)) {
            thresholds.push_back(s.threshold);
        }
        trial.fitSeconds += s.fitSeconds;
    }
    trial.aucMean = meanOf(auc);
    trial.aucSd = sdOf(auc);
    trial.ap = meanOf(ap);
    trial.ks = meanOf(ks);
    trial.gini = 2.0 * trial.aucMean - 1.0;
    trial.brier = meanOf(brier);
    trial.logLoss = meanOf(logLoss);
    trial.expectedCost = costRepeats == 0 ? kNaN : costSum / double(costRepeats);
    const double otherCost = costRepeats == 0 ? kNaN : otherSum / double(costRepeats);
    trial.expectedCostEmpirical = rule == ThresholdRule::Empirical ? trial.expectedCost : otherCost;
    trial.expectedCostPlattBayes =
        rule == ThresholdRule::PlattBayes ? trial.expectedCost : otherCost;
    if (thresholds.empty()) {
        trial.costThreshold = kNaN;
    } else {
        std::sort(thresholds.begin(), thresholds.end());
        const std::size_t m = thresholds.size();
        trial.costThreshold =
            m % 2 == 1 ? thresholds[m / 2] : 0.5 * (thresholds[m / 2 - 1] + thresholds[m / 2]);
    }
}

bool RandomSearch::better(const TrialResult& a, const TrialResult& b, SearchObjective objective)
{
    if (!a.finished) {
        return false;
    }
    if (!b.finished) {
        return true;
    }
    const double va = objective == SearchObjective::RocAuc ? a.aucMean : -a.expectedCost;
    const double vb = objective == SearchObjective::RocAuc ? b.aucMean : -b.expectedCost;
    if (std::isnan(va)) {
        return false;
    }
    if (std::isnan(vb)) {
        return true;
    }
    return va > vb;
}

namespace {

// One task of the search: fits `trial`'s classifier on fold `foldIndex`, writes its
// out-of-fold probabilities and the fold's scores. Throws what the fit throws (Cancelled when
// `stop` is set).
void fitFold(TrialResult& trial, std::size_t foldIndex, const FoldData& fd, const Fold& fold,
             std::size_t n, std::atomic<bool>& stop)
{
    const auto start = std::chrono::steady_clock::now();
    std::unique_ptr<Classifier> classifier = createClassifier(trial.algorithm);
    classifier->setParams(trial.params);
    if (const std::vector<std::string> invalid = classifier->validate(); !invalid.empty()) {
        throw std::invalid_argument(invalid.front());
    }
    FitOptions options;
    options.seed = SeededRandom::deriveSeed(trial.seed, "fit", foldIndex);
    options.threads = 1;
    options.featureNames = fd.pipeline.featureNames();
    options.progress = [&stop](const ProgressEvent&) {
        return !stop.load(std::memory_order_acquire);
    };
    classifier->fit(fd.xTrain, fd.yTrain, options);
    const Vector p = classifier->predictProba(fd.xTest);
    FoldScores& scores = trial.folds[foldIndex];
    scores.fitSeconds = seconds(start);
    for (std::size_t i = 0; i < fold.test.size(); ++i) {
        trial.oof[fold.repeat * n + fold.test[i]] = p[static_cast<Eigen::Index>(i)];
    }
    scoreFold(scores, p, fd.yTest);
}

// The progress event after a fold fit: the trial's figures when it was its last fold.
ProgressEvent searchEvent(const TrialResult& trial, bool lastFold, const std::string& error,
                          std::size_t tasksDone, std::size_t taskCount, std::size_t trialsDone,
                          std::size_t trialCount)
{
    ProgressEvent event;
    event.stage = "search";
    event.done = trialsDone;
    event.total = trialCount;
    event.fraction = taskCount == 0 ? 1.0 : double(tasksDone) / double(taskCount);
    if (lastFold) {
        event.algorithm = trial.algorithm;
        event.params = paramsAsText(trial.params);
        if (trial.finished) {
            event.metrics = {{"auc_mean", trial.aucMean},
                             {"auc_sd", trial.aucSd},
                             {"expected_cost", trial.expectedCost},
                             {"trial", double(trial.trial)}};
            event.message = trial.algorithm + " trial " + std::to_string(trial.trial) + " done";
        } else {
            event.message =
                trial.algorithm + " trial " + std::to_string(trial.trial) + " failed: " + error;
        }
    } else {
        event.message =
            std::to_string(tasksDone) + " of " + std::to_string(taskCount) + " fold fits done";
    }
    return event;
}

// After the search: errors become warnings, each algorithm's best finished trial is chosen,
// and the out-of-fold vectors of the others are dropped unless kept.
void pickBest(SearchResult& result, const std::vector<std::string>& errors,
              SearchObjective objective, bool keepOof)
{
    for (std::size_t i = 0; i < result.trials.size(); ++i) {
        TrialResult& trial = result.trials[i];
        trial.error = errors[i];
        if (!trial.error.empty()) {
            result.warnings.push_back(trial.algorithm + " trial " + std::to_string(trial.trial) +
                                      " failed: " + trial.error);
        }
        if (!trial.finished) {
            trial.oof.clear();
            continue;
        }
        const auto it = result.best.find(trial.algorithm);
        if (it == result.best.end() ||
            RandomSearch::better(trial, result.trials[it->second], objective)) {
            result.best[trial.algorithm] = i;
        }
    }
    if (!keepOof) {
        for (std::size_t i = 0; i < result.trials.size(); ++i) {
            const auto it = result.best.find(result.trials[i].algorithm);
            if (it == result.best.end() || it->second != i) {
                result.trials[i].oof.clear();
                result.trials[i].oof.shrink_to_fit();
            }
        }
    }
}

} // namespace

SearchResult RandomSearch::run(const Dataset& data, const FoldPlan& plan,
                               const std::vector<FoldData>& folds, const ProgressSink& progress,
                               std::atomic<bool>& stop) const
{
    if (folds.size() != plan.folds.size()) {
        throw std::invalid_argument("random search: fold data do not match the fold plan");
    }
    SearchResult result;
    const std::size_t n = plan.rowCount;
    const std::size_t foldCount = plan.folds.size();
    const auto& labels = data.labels();

    for (const std::string& algorithm : m_params.algorithms) {
        const std::vector<ParamMap> configs = configurations(algorithm);
        for (std::size_t i = 0; i < configs.size(); ++i) {
            TrialResult trial;
            trial.algorithm = algorithm;
            trial.trial = i;
            trial.seed = trialSeed(m_params.seed, algorithm, i);
            trial.params = configs[i];
            trial.folds.resize(foldCount);
            for (std::size_t f = 0; f < foldCount; ++f) {
                trial.folds[f].repeat = plan.folds[f].repeat;
                trial.folds[f].fold = plan.folds[f].index;
            }
            trial.oof.assign(plan.repeats * n, kNaN);
            result.trials.push_back(std::move(trial));
        }
    }
    const std::size_t taskCount = result.trials.size() * foldCount;
    std::vector<std::atomic<std::size_t>> remaining(result.trials.size());
    for (auto& r : remaining) {
        r.store(foldCount);
    }
    std::vector<std::string> errors(result.trials.size());
    std::vector<std::atomic<bool>> failed(result.trials.size());
    std::mutex sinkMutex;
    std::size_t tasksDone = 0;
    std::size_t trialsDone = 0;
    bool cancelled = false;

    auto emit = [&](const ProgressEvent& event) {
        // Called with sinkMutex held: events arrive one at a time and in a sane order.
        if (!report(progress, event)) {
            cancelled = true;
            stop.store(true, std::memory_order_release);
        }
    };

    auto task = [&](std::size_t t) {
        const std::size_t trialIndex = t / foldCount;
        const std::size_t foldIndex = t % foldCount;
        TrialResult& trial = result.trials[trialIndex];
        const FoldData& fd = folds[foldIndex];
        const Fold& fold = plan.folds[foldIndex];
        bool ok = false;
        if (!failed[trialIndex]) {
            try {
                fitFold(trial, foldIndex, fd, fold, n, stop);
                ok = true;
            } catch (const Cancelled&) {
                return; // stop is already set; the trial stays unfinished
            } catch (const std::exception& error) {
                if (stop.load()) {
                    return;
                }
                const std::lock_guard lock(sinkMutex);
                failed[trialIndex].store(true);
                if (errors[trialIndex].empty()) {
                    errors[trialIndex] = error.what();
                }
            }
        }
        const bool lastFold = remaining[trialIndex].fetch_sub(1) == 1;
        if (lastFold && ok && !failed[trialIndex] && !stop.load()) {
            summarise(trial, plan, labels, m_params.costs, m_params.thresholdRule);
            trial.finished = true;
        }
        const std::lock_guard lock(sinkMutex);
        ++tasksDone;
        if (cancelled) {
            return;
        }
        if (lastFold) {
            ++trialsDone;
        }
        const ProgressEvent event = searchEvent(trial, lastFold, errors[trialIndex], tasksDone,
                                                taskCount, trialsDone, result.trials.size());
        emit(event);
    };

    TaskPool(m_params.threads).run(taskCount, task, stop);

    result.cancelled = cancelled || stop.load();
    pickBest(result, errors, m_params.objective, m_params.keepOof);
    return result;
}

SearchResult RandomSearch::run(const Dataset& data, const FoldPlan& plan,
                               const ProgressSink& progress) const
{
    std::atomic<bool> stop{false};
    const std::vector<FoldData> folds = prepareFolds(data, plan, stop);
    return run(data, plan, folds, progress, stop);
}

} // namespace credit::core
