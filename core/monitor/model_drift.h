// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "data/dataset_reader.h"
#include "io/model_bundle.h"
#include "monitor/drift.h"
#include "monitor/log_summary.h"
#include "monitor/prediction_log.h"

#include <string>
#include <vector>

namespace credit::core {

/// The monitoring settings of the bundle's training run (its params.yaml text); the defaults
/// when it has none or it does not parse any more.
MonitoringSettings monitoringSettingsOf(const ModelBundle& bundle);

/// Drift of new applicants against a model bundle's frozen reference (ModelBundle::drift):
/// the score PSI of the bundle's selected model and the CSI of every attribute.
///
/// A bundle without the reference (written before the "drift_reference" section) is refused
/// with std::invalid_argument saying so: retrain to add it. Drift is not computed from the
/// bundle's other contents, which hold no training rows.
class ModelDrift
{
public:
    /// Throws std::invalid_argument when `bundle` has no drift reference; `bundleName` (the
    /// file name) names it in that message.
    ModelDrift(const ModelBundle& bundle, MonitoringSettings bands, std::string bundleName);

    /// The drift of the rows of `columns`: the model scores them for the score PSI (its
    /// calibrated PD, as at training); the outcome column, when present with the training
    /// labels, gives the bad rate per bin. `source` names the data in messages. Throws
    /// std::invalid_argument naming the columns that do not match the model's schema.
    /// Cost: one prediction of every row (in chunks of 65,536) plus countDrift().
    DriftReport ofColumns(const std::vector<Column>& columns, const std::string& source) const;
    /// readTable(path) (any format File ▸ Open reads, no outcome needed), then ofColumns().
    /// Throws DataError for a file the reader refuses.
    DriftReport ofFile(const std::string& path, const ReadOptions& options = {}) const;
    /// The drift of the log's scored records in `selection` (its model id should be the
    /// bundle's, else the score bins do not apply): score from the logged model PDs,
    /// attributes from the inputs stored in full, a warning for the others.
    DriftReport ofLog(const PredictionLog& log, const LogSelection& selection) const;

private:
    const ModelBundle& m_bundle;
    MonitoringSettings m_bands;
};

} // namespace credit::core
