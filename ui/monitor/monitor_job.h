// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "monitor/log_summary.h"
#include "monitor/monitoring_settings.h"
#include "monitor/performance.h"

#include <QString>

#include <memory>
#include <string>
#include <vector>

namespace credit::core {
class ModelBundle;
} // namespace credit::core

namespace credit::ui {

/// What the Monitor tab asks for: the log, the period and the model.
struct MonitorRequest
{
    std::string logPath;
    core::LogSelection selection; ///< modelId empty = the bundle's (when in the log)
    core::PeriodUnit unit = core::PeriodUnit::Day;
    std::shared_ptr<const core::ModelBundle> bundle; ///< may be null
    std::string bundleFileName;
    core::MonitoringSettings settings;
    std::size_t bootstrapResamples = 200; ///< realised figures' intervals
};

/// Stage 1: the log's operational figures (SQL aggregates).
struct MonitorSummary
{
    core::LogSummary summary;
    std::string bundleModelId; ///< the open bundle's id, empty without one
    std::string modelId;       ///< the model shown
    QString error;
};

/// Stage 2: drift against the bundle and performance, for the model shown.
struct MonitorAnalysis
{
    bool hasDrift = false;
    core::DriftReport drift;
    QString driftNote; ///< why there is no drift table, or its warnings
    core::PerformanceEstimate estimate;
    bool hasRealised = false;
    core::RealisedPerformance realised;
    std::vector<core::GradeBacktest> grades;
    QString error;
};

/// Both run off the GUI thread (QtConcurrent); they open their own read connection to the log
/// (never creating one) and return errors as text.
MonitorSummary loadMonitorSummary(MonitorRequest request);
MonitorAnalysis loadMonitorAnalysis(MonitorRequest request);

} // namespace credit::ui
