// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "monitor/monitor_job.h"

#include "io/model_bundle.h"
#include "monitor/model_drift.h"
#include "monitor/score_record.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>

namespace credit::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("credit::ui::MonitorTab", text);
}

} // namespace

MonitorSummary loadMonitorSummary(MonitorRequest request)
{
    MonitorSummary result;
    try {
        if (request.bundle) {
            result.bundleModelId = core::modelIdentity(*request.bundle, request.bundleFileName).id;
        }
        if (!QFile::exists(QString::fromStdString(request.logPath))) {
            result.error = tr("There is no prediction log at %1 yet: score applicants (Score "
                              "tab, batch scoring or credit-risk score) to fill it.")
                               .arg(QString::fromStdString(request.logPath));
            return result;
        }
        const core::PredictionLog log(request.logPath, core::InputStorage::Full,
                                      core::PredictionLog::Access::Read);
        const bool chosen = !request.selection.modelId.empty();
        if (!chosen) {
            request.selection.modelId = result.bundleModelId;
        }
        result.summary = core::summarizeLog(log, request.selection, request.unit);
        if (!chosen && result.summary.rows == 0 && !result.summary.models.empty()) {
            // The open model has not scored in this period: show the latest one that has.
            request.selection.modelId = result.summary.models.front().id;
            result.summary = core::summarizeLog(log, request.selection, request.unit);
        }
        result.modelId = request.selection.modelId;
    } catch (const std::exception& error) {
        result.error = QString::fromUtf8(error.what());
    }
    return result;
}

MonitorAnalysis loadMonitorAnalysis(MonitorRequest request)
{
    MonitorAnalysis result;
    try {
        const core::PredictionLog log(request.logPath, core::InputStorage::Full,
                                      core::PredictionLog::Access::Read);
        const std::string bundleId =
            request.bundle ? core::modelIdentity(*request.bundle, request.bundleFileName).id
                           : std::string();
        if (!request.bundle) {
            result.driftNote = tr("Open the model's bundle (File ▸ Open Model) to compare its "
                                  "applicants with its training population.");
        } else if (bundleId != request.selection.modelId) {
            result.driftNote = tr("The model shown is not the open bundle's own model (another "
                                  "bundle, or another algorithm of this one): open its bundle, "
                                  "with that model selected, to see its drift.");
        } else if (request.bundle->drift.empty()) {
            result.driftNote = tr("This model bundle holds no drift reference (it was written "
                                  "before drift monitoring existed): retrain it to check drift.");
        } else {
            const core::ModelDrift drift(*request.bundle, request.settings, request.bundleFileName);
            result.drift = drift.ofLog(log, request.selection);
            result.hasDrift = true;
            for (const std::string& warning : result.drift.warnings) {
                result.driftNote += QString::fromStdString(warning) + QLatin1Char('\n');
            }
        }
        const core::PeriodPredictions period = core::readPeriodPredictions(log, request.selection);
        const core::CostMatrix costs =
            request.bundle ? request.bundle->policy.costs : core::CostMatrix();
        result.estimate = core::estimatePerformance(period.pds, period.rejected, costs);
        const bool anyOutcome = std::any_of(period.outcomes.begin(), period.outcomes.end(),
                                            [](std::int8_t o) { return o >= 0; });
        if (anyOutcome) {
            core::BootstrapParams params;
            params.resamples = request.bootstrapResamples;
            result.realised = core::realisedPerformance(
                period, costs, request.settings.performanceThreshold, params);
            result.hasRealised = true;
            result.grades = core::backtestGrades(
                period, request.bundle ? request.bundle->policy.grading : core::RiskGrading());
        }
    } catch (const std::exception& error) {
        result.error = QString::fromUtf8(error.what());
    }
    return result;
}

} // namespace credit::ui
