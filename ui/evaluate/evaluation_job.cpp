// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "evaluate/evaluation_job.h"

#include "eval/probability_metrics.h"
#include "explain/model_insight.h"
#include "io/model_bundle.h"
#include "models/logistic_regression.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <exception>

namespace credit::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("EvaluationJob", text);
}

MetricSpread spreadOf(const QString& name, const std::vector<double>& values)
{
    const core::Spread s = core::spreadOf(values);
    MetricSpread spread;
    spread.name = name;
    spread.mean = s.mean;
    spread.sd = s.sd;
    spread.min = s.min;
    spread.max = s.max;
    spread.count = s.count;
    return spread;
}

QString displayName(const std::string& algorithm, const core::ModelBundle& bundle)
{
    for (const core::LeaderboardRow& row : bundle.leaderboard) {
        if (row.algorithm == algorithm && !row.displayName.empty()) {
            return QString::fromStdString(row.displayName);
        }
    }
    return QString::fromStdString(algorithm);
}

void computeImportance(EvaluationResult& result, const core::ModelBundle& bundle,
                       const std::string& algorithm, const core::Dataset* data)
{
    const auto it = bundle.models.find(algorithm);
    if (it == bundle.models.end() || !it->second) {
        result.importanceNote = tr("This model has no fitted chain in the file.");
        return;
    }
    if (data == nullptr) {
        result.importanceNote = tr("Open the training data to see feature importance.");
        return;
    }
    const core::FeatureImportance importance = core::featureImportance(it->second, *data);
    result.importanceKind = QString::fromStdString(importance.method);
    if (const auto* lr = dynamic_cast<const core::LogisticRegression*>(&it->second->classifier())) {
        result.coefficients = lr->coefficientTable();
    }
    result.importanceNote =
        tr("Mean |contribution| of each attribute to the log-odds of default over %1 rows of "
           "the training data (%2: %3), the same measure for every model family.")
            .arg(importance.rows)
            .arg(displayName(algorithm, bundle), QString::fromStdString(importance.methodDetail));
    for (const auto& [feature, value] : importance.values) {
        result.importance.push_back({QString::fromStdString(feature), value});
    }
}

void computeStability(EvaluationResult& result, const core::ModelBundle& bundle,
                      const std::string& algorithm)
{
    if (const core::LeaderboardRow* row = [&]() -> const core::LeaderboardRow* {
            for (const core::LeaderboardRow& r : bundle.leaderboard) {
                if (r.algorithm == algorithm) {
                    return &r;
                }
            }
            return nullptr;
        }()) {
        struct Figure
        {
            QString name;
            double core::FoldScores::*member;
        };
        const Figure figures[] = {
            {tr("ROC-AUC"), &core::FoldScores::auc},
            {tr("Average precision"), &core::FoldScores::ap},
            {tr("KS"), &core::FoldScores::ks},
            {tr("Brier score"), &core::FoldScores::brier},
            {tr("Log loss"), &core::FoldScores::logLoss},
            {tr("Expected cost per applicant"), &core::FoldScores::expectedCost},
        };
        for (const Figure& figure : figures) {
            std::vector<double> values;
            for (const core::FoldScores& fold : row->folds) {
                values.push_back(fold.*figure.member);
            }
            result.foldSpread.push_back(spreadOf(figure.name, values));
        }
    }
    const auto oof = bundle.outOfFold.find(algorithm);
    if (oof == bundle.outOfFold.end() || oof->second.repeats < 2) {
        result.repeats = oof == bundle.outOfFold.end() ? 0 : oof->second.repeats;
        return;
    }
    result.repeats = oof->second.repeats;
    core::RepeatSpread spread = core::scoreSpreadAcrossRepeats(oof->second);
    result.applicantMean = std::move(spread.mean);
    result.applicantSd = std::move(spread.sd);
    result.spreadSummary = spreadOf(tr("Score sd across repeats"), result.applicantSd);
}

} // namespace

EvaluationResult evaluateModels(std::shared_ptr<const core::ModelBundle> bundle,
                                std::shared_ptr<const core::Dataset> data,
                                const QStringList& algorithms, double threshold)
{
    EvaluationResult result;
    result.threshold = threshold;
    if (!bundle) {
        result.error = tr("No model.");
        return result;
    }
    try {
        for (const QString& name : algorithms) {
            const std::string algorithm = name.toStdString();
            const auto it = bundle->outOfFold.find(algorithm);
            if (it == bundle->outOfFold.end() || it->second.rows == 0) {
                continue;
            }
            const core::OutOfFold& oof = it->second;
            const std::vector<double> p = oof.firstRepeat();
            const std::vector<double> raw(oof.raw.begin(),
                                          oof.raw.begin() + std::ptrdiff_t(oof.rows));
            ModelCurves curves;
            curves.algorithm = name;
            curves.name = displayName(algorithm, *bundle);
            curves.roc = core::rocCurve(p, oof.labels, {.maxPoints = 400});
            core::BootstrapParams bootstrap;
            bootstrap.resamples = 1000;
            curves.aucInterval = core::bootstrapAuc(p, oof.labels, bootstrap);
            curves.pr = core::prCurve(p, oof.labels, {.maxPoints = 400});
            curves.badRate =
                double(curves.roc.positives) /
                double(std::max<std::size_t>(1, curves.roc.positives + curves.roc.negatives));
            curves.reliability =
                core::reliabilityCurve(p, oof.labels, {10, core::BinningStrategy::EqualWidth});
            curves.reliabilityRaw =
                core::reliabilityCurve(raw, oof.labels, {10, core::BinningStrategy::EqualWidth});
            curves.histogram =
                core::reliabilityCurve(p, oof.labels, {20, core::BinningStrategy::EqualWidth});
            curves.brier = core::brierScore(p, oof.labels);
            curves.brierRaw = core::brierScore(raw, oof.labels);
            curves.calibrated = p != raw;
            if (result.curves.empty()) {
                result.confusion = core::thresholdMetrics(p, oof.labels, threshold);
            }
            result.curves.push_back(std::move(curves));
        }
        if (!algorithms.isEmpty()) {
            const std::string current = algorithms.first().toStdString();
            try {
                computeImportance(result, *bundle, current, data.get());
            } catch (const std::exception& error) {
                // E.g. the open dataset lacks a column of the model: the curves still stand.
                result.importance.clear();
                result.importanceKind.clear();
                result.importanceNote = QString::fromStdString(error.what());
            }
            computeStability(result, *bundle, current);
        }
    } catch (const std::exception& error) {
        result.error = QString::fromStdString(error.what());
    }
    return result;
}

} // namespace credit::ui
