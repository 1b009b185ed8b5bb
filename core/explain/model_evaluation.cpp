// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "explain/model_evaluation.h"

#include "eval/cost_analysis.h"
#include "eval/probability_metrics.h"
#include "io/model_bundle.h"

#include <algorithm>
#include <exception>
#include <stdexcept>

namespace credit::core {
namespace {

std::string displayName(const ModelBundle& bundle, const std::string& algorithm)
{
    for (const LeaderboardRow& row : bundle.leaderboard) {
        if (row.algorithm == algorithm && !row.displayName.empty()) {
            return row.displayName;
        }
    }
    return algorithm;
}

/// The predictions measured: calibrated and raw P(bad) with their labels.
struct Predictions
{
    std::vector<double> calibrated;
    std::vector<double> raw;
    std::vector<std::uint8_t> labels;
};

std::optional<Predictions> predictionsOf(const ModelBundle& bundle, const Dataset* data,
                                         const std::string& algorithm, EvaluationSource source,
                                         std::vector<std::string>& warnings)
{
    Predictions p;
    if (source == EvaluationSource::OutOfFold) {
        const auto it = bundle.outOfFold.find(algorithm);
        if (it == bundle.outOfFold.end() || it->second.rows == 0) {
            return std::nullopt; // e.g. a model fitted after a cancelled run: nothing to show
        }
        const OutOfFold& oof = it->second;
        p.calibrated = oof.firstRepeat();
        p.raw.assign(oof.raw.begin(), oof.raw.begin() + std::ptrdiff_t(oof.rows));
        p.labels = oof.labels;
        return p;
    }
    if (data == nullptr) {
        throw std::invalid_argument("evaluate: no data to score");
    }
    const auto model = bundle.models.find(algorithm);
    if (model == bundle.models.end() || !model->second) {
        throw std::invalid_argument("evaluate: the model bundle has no model '" + algorithm + "'");
    }
    bundle.checkColumns(*data);
    const Vector calibrated = model->second->predictProba(*data, {}, &warnings);
    const Vector raw = model->second->predictRaw(*data);
    p.calibrated.assign(calibrated.data(), calibrated.data() + calibrated.size());
    p.raw.assign(raw.data(), raw.data() + raw.size());
    p.labels = data->labels();
    return p;
}

AlgorithmEvaluation curvesOf(const ModelBundle& bundle, const std::string& algorithm,
                             const Predictions& p, const DecisionPolicy& policy,
                             const EvaluationOptions& options)
{
    AlgorithmEvaluation e;
    e.algorithm = algorithm;
    e.displayName = displayName(bundle, algorithm);
    MetricSetParams metricParams;
    metricParams.cost.costs = policy.costs;
    e.metrics = computeMetricSet(p.calibrated, p.labels, metricParams);
    e.roc = rocCurve(p.calibrated, p.labels, {.maxPoints = options.curvePoints});
    if (options.intervals) {
        BootstrapParams bootstrap;
        bootstrap.resamples = options.bootstrapResamples;
        bootstrap.seed = policy.seed;
        e.aucInterval = bootstrapAuc(p.calibrated, p.labels, bootstrap);
    }
    e.pr = prCurve(p.calibrated, p.labels, {.maxPoints = options.curvePoints});
    e.badRate = double(e.roc.positives) /
                double(std::max<std::size_t>(1, e.roc.positives + e.roc.negatives));
    const ReliabilityParams bins{options.reliabilityBins, BinningStrategy::EqualWidth};
    e.reliability = reliabilityCurve(p.calibrated, p.labels, bins);
    e.reliabilityRaw = reliabilityCurve(p.raw, p.labels, bins);
    e.histogram = reliabilityCurve(p.calibrated, p.labels,
                                   {options.histogramBins, BinningStrategy::EqualWidth});
    e.brier = brierScore(p.calibrated, p.labels);
    e.brierRaw = brierScore(p.raw, p.labels);
    e.calibrated = p.calibrated != p.raw;
    return e;
}

void addImportance(Evaluation& result, const ModelBundle& bundle, const std::string& algorithm,
                   const Dataset* data)
{
    const auto it = bundle.models.find(algorithm);
    if (it == bundle.models.end() || !it->second) {
        result.importanceNote = "This model has no fitted chain in the file.";
        return;
    }
    // The one place that asks for the model family: only a linear model has coefficients.
    if (const auto* lr = dynamic_cast<const LogisticRegression*>(&it->second->classifier())) {
        result.coefficients = lr->coefficientTable();
    }
    const auto stored = bundle.importance.find(algorithm);
    if (stored != bundle.importance.end() && !stored->second.empty()) {
        result.importance = stored->second;
        result.importanceNote =
            "Mean |contribution| of each attribute to the log-odds of default over " +
            std::to_string(result.importance.rows) +
            " out-of-fold rows: each row explained by the fold model (first CV repeat) that did "
            "not see it (" +
            displayName(bundle, algorithm) + ": " + result.importance.methodDetail +
            "), the same measure for every model family.";
        return;
    }
    if (data == nullptr) {
        result.importanceNote = "This model file predates out-of-fold importance: open the "
                                "training data to see it measured on the training rows.";
        return;
    }
    try {
        result.importance = featureImportance(it->second, *data);
        result.importanceNote =
            "Mean |contribution| of each attribute to the log-odds of default over " +
            std::to_string(result.importance.rows) +
            " rows the final model was trained on (this model file predates out-of-fold "
            "importance; retrain to measure it on held-out rows) (" +
            displayName(bundle, algorithm) + ": " + result.importance.methodDetail + ").";
    } catch (const std::exception& error) {
        // E.g. the data lack a column of the model: the curves still stand.
        result.importance = {};
        result.importanceNote = error.what();
    }
}

void addStability(Evaluation& result, const ModelBundle& bundle, const std::string& algorithm)
{
    for (const LeaderboardRow& row : bundle.leaderboard) {
        if (row.algorithm != algorithm) {
            continue;
        }
        struct Figure
        {
            const char* key;
            const char* name;
            double FoldScores::*member;
        };
        static constexpr Figure kFigures[] = {
            {"auc", "ROC-AUC", &FoldScores::auc},
            {"ap", "Average precision", &FoldScores::ap},
            {"ks", "KS", &FoldScores::ks},
            {"brier", "Brier score", &FoldScores::brier},
            {"log_loss", "Log loss", &FoldScores::logLoss},
            {"expected_cost", "Expected cost per applicant", &FoldScores::expectedCost},
        };
        for (const Figure& figure : kFigures) {
            std::vector<double> values;
            for (const FoldScores& fold : row.folds) {
                values.push_back(fold.*figure.member);
            }
            result.foldSpread.push_back({figure.key, figure.name, spreadOf(values)});
        }
        break;
    }
    const auto oof = bundle.outOfFold.find(algorithm);
    result.repeats = oof == bundle.outOfFold.end() ? 0 : oof->second.repeats;
    if (result.repeats >= 2) {
        result.applicantSpread = scoreSpreadAcrossRepeats(oof->second);
    }
}

} // namespace

Evaluation evaluate(const ModelBundle& bundle, const Dataset* data,
                    const EvaluationOptions& options)
{
    Evaluation result;
    result.source = options.source;
    result.policy = options.policy ? *options.policy : bundle.policy;
    if (const auto problems = result.policy.costs.validate(); !problems.empty()) {
        throw std::invalid_argument("evaluate: costs: " + problems.front());
    }
    const std::vector<std::string> algorithms =
        options.algorithms.empty() ? std::vector<std::string>{bundle.selected} : options.algorithms;
    for (const std::string& algorithm : algorithms) {
        const std::optional<Predictions> p =
            predictionsOf(bundle, data, algorithm, options.source, result.warnings);
        if (!p) {
            continue;
        }
        if (result.models.empty()) {
            result.rows = p->labels.size();
            result.positives = std::size_t(std::count(p->labels.begin(), p->labels.end(), 1));
            result.confusion = thresholdMetrics(p->calibrated, p->labels, result.policy.threshold);
            result.expectedCost = expectedCost(result.confusion.counts, result.policy.costs);
        }
        result.models.push_back(curvesOf(bundle, algorithm, *p, result.policy, options));
    }
    const std::string& first = algorithms.front();
    if (options.importance) {
        addImportance(result, bundle, first, data);
    }
    addStability(result, bundle, first);
    return result;
}

} // namespace credit::core
