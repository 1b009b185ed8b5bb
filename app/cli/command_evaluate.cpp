// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// `credit-risk evaluate`: the metrics of a model bundle's selected model on a dataset.
#include "cli_support.h"

#include "common/json_writer.h"
#include "data/data_error.h"
#include "data/dataset_reader.h"
#include "eval/cost_analysis.h"
#include "eval/metric_set.h"
#include "eval/threshold_metrics.h"
#include "io/model_bundle.h"

#include <QCommandLineParser>

#include <cstdio>

namespace credit::cli {
namespace {

struct Evaluation
{
    core::MetricSet metrics;
    core::ThresholdMetrics atThreshold;
    double expectedCost = 0.0;
};

std::string toJson(const core::ModelBundle& bundle, const core::Dataset& data, const Evaluation& e)
{
    const core::ConfusionCounts& c = e.atThreshold.counts;
    core::JsonWriter w;
    w.beginObject();
    w.key("model").value(bundle.selected);
    w.key("data").value(data.sourceName());
    w.key("rows").value(static_cast<std::int64_t>(data.rowCount()));
    w.key("positives").value(static_cast<std::int64_t>(data.positiveCount()));
    w.key("same_data_as_training").value(data.contentHash() == bundle.dataHash);
    w.key("auc").value(e.metrics.auc);
    w.key("ap").value(e.metrics.ap);
    w.key("ks").value(e.metrics.ks);
    w.key("gini").value(e.metrics.gini);
    w.key("brier").value(e.metrics.brier);
    w.key("log_loss").value(e.metrics.logLoss);
    w.key("threshold").value(bundle.threshold);
    w.key("confusion").beginObject();
    w.key("bad_rejected").value(static_cast<std::int64_t>(c.truePositives));
    w.key("good_rejected").value(static_cast<std::int64_t>(c.falsePositives));
    w.key("good_accepted").value(static_cast<std::int64_t>(c.trueNegatives));
    w.key("bad_accepted").value(static_cast<std::int64_t>(c.falseNegatives));
    w.endObject();
    w.key("accuracy").value(e.atThreshold.accuracy);
    w.key("precision").value(e.atThreshold.precision);
    w.key("recall").value(e.atThreshold.recall);
    w.key("specificity").value(e.atThreshold.specificity);
    w.key("acceptance_rate").value(e.atThreshold.acceptanceRate);
    w.key("expected_cost").value(e.expectedCost);
    w.key("cost").beginObject();
    w.key("bad_accepted").value(bundle.costs.badAccepted);
    w.key("good_rejected").value(bundle.costs.goodRejected);
    w.endObject();
    w.key("warnings").beginArray();
    for (const std::string& warning : e.metrics.warnings) {
        w.value(warning);
    }
    w.endArray();
    w.endObject();
    return w.str() + "\n";
}

std::string toText(const core::ModelBundle& bundle, const core::Dataset& data, const Evaluation& e)
{
    const core::ConfusionCounts& c = e.atThreshold.counts;
    char text[2048];
    std::snprintf(
        text, sizeof text,
        "model %s on %s (%zu rows, %zu bad)%s\n"
        "AUC       %.4f\nAP        %.4f\nKS        %.4f\nGini      %.4f\n"
        "Brier     %.4f\nlog loss  %.4f\n\n"
        "threshold %.4f (reject when P(bad) > threshold)\n"
        "                 predicted bad  predicted good\n"
        "actual bad       %13zu  %14zu\nactual good      %13zu  %14zu\n"
        "accuracy %.4f, recall %.4f, specificity %.4f, acceptance rate %.4f\n"
        "expected cost %.4f per applicant (bad accepted %g, good rejected %g)\n",
        bundle.selected.c_str(), data.sourceName().c_str(), data.rowCount(), data.positiveCount(),
        data.contentHash() == bundle.dataHash
            ? "\nnote: these are the training data, so the figures are in-sample (optimistic)"
            : "",
        e.metrics.auc, e.metrics.ap, e.metrics.ks, e.metrics.gini, e.metrics.brier,
        e.metrics.logLoss, bundle.threshold, c.truePositives, c.falseNegatives, c.falsePositives,
        c.trueNegatives, e.atThreshold.accuracy, e.atThreshold.recall, e.atThreshold.specificity,
        e.atThreshold.acceptanceRate, e.expectedCost, bundle.costs.badAccepted,
        bundle.costs.goodRejected);
    return text;
}

} // namespace

int runEvaluate(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Evaluate a model bundle on a dataset: AUC, AP, KS, Gini, Brier, log loss, and the "
        "confusion matrix and expected cost at the bundle's threshold.\nExample: credit-risk "
        "evaluate --model model.crs --data holdout.csv --json"));
    parser.addOptions({
        {QStringLiteral("model"), QStringLiteral("Model bundle written by 'train'."),
         QStringLiteral("MODEL")},
        {QStringLiteral("data"), QStringLiteral("Dataset with the outcome column."),
         QStringLiteral("FILE")},
        {QStringLiteral("target"), QStringLiteral("Outcome column (default: the bundle's)."),
         QStringLiteral("NAME")},
        {QStringLiteral("positive"), QStringLiteral("Positive label (default: the bundle's)."),
         QStringLiteral("LABEL")},
        {QStringLiteral("json"), QStringLiteral("Print a JSON object instead of text.")},
    });
    addCategoricalOption(parser);
    int exitCode = kExitOk;
    if (!parseArguments(parser, arguments, exitCode)) {
        return exitCode;
    }
    if (!parser.isSet(QStringLiteral("model")) || !parser.isSet(QStringLiteral("data")) ||
        !parser.positionalArguments().isEmpty()) {
        printError(QStringLiteral("credit-risk evaluate: --model and --data are required\n") +
                   usageText(parser, arguments));
        return kExitUsage;
    }
    try {
        const core::ModelBundle bundle =
            core::ModelBundle::load(parser.value(QStringLiteral("model")).toStdString());
        core::ReadOptions options;
        options.target.column = bundle.schema.target().name;
        options.target.positive = bundle.schema.positiveLabel;
        if (parser.isSet(QStringLiteral("target"))) {
            options.target.column = parser.value(QStringLiteral("target")).toStdString();
        }
        if (parser.isSet(QStringLiteral("positive"))) {
            options.target.positive = parser.value(QStringLiteral("positive")).toStdString();
        }
        applyCategoricalOption(parser, options);
        const core::ReadResult read =
            core::readDataset(parser.value(QStringLiteral("data")).toStdString(), options);
        std::vector<std::string> warnings = read.warnings;
        const core::Vector p = bundle.predictProba(read.dataset, &warnings);
        const std::span<const double> scores(p.data(), static_cast<std::size_t>(p.size()));
        const auto& labels = read.dataset.labels();
        Evaluation e;
        core::MetricSetParams metricParams;
        metricParams.cost.costs = bundle.costs;
        e.metrics = core::computeMetricSet(scores, labels, metricParams);
        e.atThreshold = core::thresholdMetrics(scores, labels, bundle.threshold);
        e.expectedCost = core::expectedCost(e.atThreshold.counts, bundle.costs);
        for (const std::string& warning : warnings) {
            printError(QStringLiteral("warning: ") + QString::fromStdString(warning));
        }
        printOut(parser.isSet(QStringLiteral("json")) ? toJson(bundle, read.dataset, e)
                                                      : toText(bundle, read.dataset, e));
        return kExitOk;
    } catch (const std::exception& error) {
        printError(QStringLiteral("credit-risk evaluate: ") + QString::fromUtf8(error.what()));
        return kExitRefused;
    }
}

} // namespace credit::cli
