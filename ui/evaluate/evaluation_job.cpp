// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "evaluate/evaluation_job.h"

#include "io/model_bundle.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <exception>
#include <utility>

namespace credit::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("EvaluationJob", text);
}

MetricSpread spreadOf(const QString& name, const core::Spread& s)
{
    MetricSpread spread;
    spread.name = name;
    spread.mean = s.mean;
    spread.sd = s.sd;
    spread.min = s.min;
    spread.max = s.max;
    spread.count = s.count;
    return spread;
}

// The tab's names of the fold figures of core::evaluate (keys as in FoldSpread).
QString foldFigureName(const std::string& key)
{
    static const std::pair<const char*, const char*> kNames[] = {
        {"auc", QT_TRANSLATE_NOOP("EvaluationJob", "ROC-AUC")},
        {"ap", QT_TRANSLATE_NOOP("EvaluationJob", "Average precision")},
        {"ks", QT_TRANSLATE_NOOP("EvaluationJob", "KS")},
        {"brier", QT_TRANSLATE_NOOP("EvaluationJob", "Brier score")},
        {"log_loss", QT_TRANSLATE_NOOP("EvaluationJob", "Log loss")},
        {"expected_cost", QT_TRANSLATE_NOOP("EvaluationJob", "Expected cost per applicant")},
    };
    for (const auto& [name, text] : kNames) {
        if (key == name) {
            return tr(text);
        }
    }
    return QString::fromStdString(key);
}

} // namespace

EvaluationResult evaluateModels(std::shared_ptr<const core::ModelBundle> bundle,
                                std::shared_ptr<const core::Dataset> data,
                                const QStringList& algorithms, const core::DecisionPolicy& policy)
{
    EvaluationResult result;
    result.threshold = policy.threshold;
    if (!bundle) {
        result.error = tr("No model.");
        return result;
    }
    try {
        core::EvaluationOptions options;
        options.source = core::EvaluationSource::OutOfFold;
        options.policy = policy;
        for (const QString& name : algorithms) {
            options.algorithms.push_back(name.toStdString());
        }
        if (options.algorithms.empty()) {
            return result;
        }
        result.evaluation = core::evaluate(*bundle, data.get(), options);
        fromEvaluation(result);
    } catch (const std::exception& error) {
        result.error = QString::fromStdString(error.what());
    }
    return result;
}

void fromEvaluation(EvaluationResult& result)
{
    const core::Evaluation& e = result.evaluation;
    result.curves.clear();
    for (const core::AlgorithmEvaluation& m : e.models) {
        ModelCurves curves;
        curves.algorithm = QString::fromStdString(m.algorithm);
        curves.name = QString::fromStdString(m.displayName);
        curves.roc = m.roc;
        curves.aucInterval = m.aucInterval;
        curves.pr = m.pr;
        curves.badRate = m.badRate;
        curves.reliability = m.reliability;
        curves.reliabilityRaw = m.reliabilityRaw;
        curves.histogram = m.histogram;
        curves.brier = m.brier;
        curves.brierRaw = m.brierRaw;
        curves.calibrated = m.calibrated;
        result.curves.push_back(std::move(curves));
    }
    result.threshold = e.policy.threshold;
    result.confusion = e.confusion;
    result.importanceKind = QString::fromStdString(e.importance.method);
    result.importanceNote = QString::fromStdString(e.importanceNote);
    result.importanceOutOfFold =
        e.importance.basis == core::FeatureImportance::Rows::OutOfFold && !e.importance.empty();
    result.importance.clear();
    for (const auto& [feature, value] : e.importance.values) {
        result.importance.push_back({QString::fromStdString(feature), value});
    }
    result.coefficients = e.coefficients;
    result.foldSpread.clear();
    for (const core::FoldSpread& f : e.foldSpread) {
        result.foldSpread.push_back(spreadOf(foldFigureName(f.key), f.spread));
    }
    result.repeats = e.repeats;
    result.applicantMean = e.applicantSpread.mean;
    result.applicantSd = e.applicantSpread.sd;
    if (!result.applicantSd.empty()) {
        result.spreadSummary =
            spreadOf(tr("Score sd across repeats"), core::spreadOf(result.applicantSd));
    }
}

} // namespace credit::ui
