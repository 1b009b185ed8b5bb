// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// `credit-risk evaluate`: the metrics of a model bundle's selected model on a dataset.
#include "cli_support.h"

#include "data/data_error.h"
#include "data/dataset_reader.h"
#include "explain/model_evaluation.h"
#include "io/model_bundle.h"

#include <QCommandLineParser>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <optional>

namespace credit::cli {
namespace {

// Both outputs are built from core::evaluate()'s result: the figures the Evaluate tab and the
// report show, from the same recipe.
std::string toJson(const core::ModelBundle& bundle, const core::Dataset* data,
                   const core::Evaluation& e)
{
    using Json = nlohmann::ordered_json; // keys in the order written; NaN is written as null
    const core::AlgorithmEvaluation& m = e.models.front();
    const core::ConfusionCounts& c = e.confusion.counts;
    Json out;
    out["model"] = m.algorithm;
    out["data"] = data ? data->sourceName() : std::string("out-of-fold");
    out["rows"] = static_cast<std::int64_t>(e.rows);
    out["positives"] = static_cast<std::int64_t>(e.positives);
    out["same_data_as_training"] = data ? data->contentHash() == bundle.dataHash : false;
    out["auc"] = m.metrics.auc;
    out["ap"] = m.metrics.ap;
    out["ks"] = m.metrics.ks;
    out["gini"] = m.metrics.gini;
    out["brier"] = m.metrics.brier;
    out["log_loss"] = m.metrics.logLoss;
    out["threshold"] = e.policy.threshold;
    out["confusion"] = {{"bad_rejected", static_cast<std::int64_t>(c.truePositives)},
                        {"good_rejected", static_cast<std::int64_t>(c.falsePositives)},
                        {"good_accepted", static_cast<std::int64_t>(c.trueNegatives)},
                        {"bad_accepted", static_cast<std::int64_t>(c.falseNegatives)}};
    out["accuracy"] = e.confusion.accuracy;
    out["precision"] = e.confusion.precision;
    out["recall"] = e.confusion.recall;
    out["specificity"] = e.confusion.specificity;
    out["acceptance_rate"] = e.confusion.acceptanceRate;
    out["expected_cost"] = e.expectedCost;
    out["cost"] = {{"bad_accepted", e.policy.costs.badAccepted},
                   {"good_rejected", e.policy.costs.goodRejected}};
    out["warnings"] = m.metrics.warnings;
    return out.dump() + "\n";
}

std::string toText(const core::ModelBundle& bundle, const core::Dataset* data,
                   const core::Evaluation& e)
{
    const core::AlgorithmEvaluation& m = e.models.front();
    const core::ConfusionCounts& c = e.confusion.counts;
    const std::string source = data ? data->sourceName() : std::string("out-of-fold predictions");
    char text[2048];
    std::snprintf(
        text, sizeof text,
        "model %s on %s (%zu rows, %zu bad)%s\n"
        "AUC       %.4f\nAP        %.4f\nKS        %.4f\nGini      %.4f\n"
        "Brier     %.4f\nlog loss  %.4f\n\n"
        "cut-off: reject when %s\n"
        "                 predicted bad  predicted good\n"
        "actual bad       %13zu  %14zu\nactual good      %13zu  %14zu\n"
        "accuracy %.4f, recall %.4f, specificity %.4f, acceptance rate %.4f\n"
        "expected cost %.4f per applicant (bad accepted %g, good rejected %g)\n",
        m.algorithm.c_str(), source.c_str(), e.rows, e.positives,
        data && data->contentHash() == bundle.dataHash
            ? "\nnote: these are the training data, so the figures are in-sample (optimistic)"
            : "",
        m.metrics.auc, m.metrics.ap, m.metrics.ks, m.metrics.gini, m.metrics.brier,
        m.metrics.logLoss, core::cutoffText(e.policy).c_str(), c.truePositives, c.falseNegatives,
        c.falsePositives, c.trueNegatives, e.confusion.accuracy, e.confusion.recall,
        e.confusion.specificity, e.confusion.acceptanceRate, e.expectedCost,
        e.policy.costs.badAccepted, e.policy.costs.goodRejected);
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
        {QStringLiteral("out-of-fold"),
         QStringLiteral("Evaluate the training run's out-of-fold predictions stored in the "
                        "bundle (the Evaluate tab's figures) instead of --data.")},
        {QStringLiteral("json"), QStringLiteral("Print a JSON object instead of text.")},
    });
    addCategoricalOption(parser);
    int exitCode = kExitOk;
    if (!parseArguments(parser, arguments, exitCode)) {
        return exitCode;
    }
    const bool outOfFold = parser.isSet(QStringLiteral("out-of-fold"));
    if (!parser.isSet(QStringLiteral("model")) ||
        parser.isSet(QStringLiteral("data")) == outOfFold ||
        !parser.positionalArguments().isEmpty()) {
        printError(QStringLiteral("credit-risk evaluate: --model and one of --data or "
                                  "--out-of-fold are required\n") +
                   usageText(parser, arguments));
        return kExitUsage;
    }
    try {
        const core::ModelBundle bundle =
            core::ModelBundle::load(parser.value(QStringLiteral("model")).toStdString());
        core::EvaluationOptions evaluation;
        // The figures printed need neither the interval nor the importance: skip their cost.
        evaluation.intervals = false;
        evaluation.importance = false;
        std::optional<core::ReadResult> read;
        if (outOfFold) {
            evaluation.source = core::EvaluationSource::OutOfFold;
        } else {
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
            read = core::readDataset(parser.value(QStringLiteral("data")).toStdString(), options);
            evaluation.source = core::EvaluationSource::Data;
        }
        const core::Dataset* data = read ? &read->dataset : nullptr;
        const core::Evaluation e = core::evaluate(bundle, data, evaluation);
        if (e.models.empty()) {
            printError(QStringLiteral("credit-risk evaluate: the model bundle holds no "
                                      "out-of-fold predictions of its model"));
            return kExitRefused;
        }
        std::vector<std::string> warnings = read ? read->warnings : std::vector<std::string>{};
        warnings.insert(warnings.end(), e.warnings.begin(), e.warnings.end());
        for (const std::string& warning : warnings) {
            printError(QStringLiteral("warning: ") + QString::fromStdString(warning));
        }
        printOut(parser.isSet(QStringLiteral("json")) ? toJson(bundle, data, e)
                                                      : toText(bundle, data, e));
        return kExitOk;
    } catch (const std::exception& error) {
        printError(QStringLiteral("credit-risk evaluate: ") + QString::fromUtf8(error.what()));
        return kExitRefused;
    }
}

} // namespace credit::cli
