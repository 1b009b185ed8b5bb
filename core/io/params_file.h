// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "data/dataset.h"
#include "monitor/monitoring_settings.h"
#include "train/training_job.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace credit::core {

/// The contents of a params.yaml: the training run (sections `train`, `preprocessing`,
/// `hyperparameter_tuning`) and the monitoring thresholds (section `monitoring`). Every key is
/// optional; absent keys keep the defaults of TrainingParams / FeatureOptions /
/// MonitoringSettings. The repository's params.yaml lists every key with its default.
///
/// ```yaml
/// train:
///   target: class            # outcome column
///   positive: bad            # positive (default) label
///   algorithms: [lr, rf, gbdt, svm, ensemble]
///   folds: 10                # stratified k-fold
///   repeats: 5
///   seed: 42
///   threads: 0               # 0 = all cores
///   objective: auc           # auc | expected_cost
///   calibration: platt       # none | platt | isotonic
///   nested: false
///   nested_inner_folds: 5
///   threshold_rule: platt_bayes  # platt_bayes | empirical (see ThresholdRule)
///   cost: {bad_accepted: 5, good_rejected: 1, bad_rejected: 0, good_accepted: 0}
/// preprocessing:
///   encoding: onehot         # onehot | woe
///   drop_reference_level: false
///   standardize: true
///   missing_flags: true
///   woe_smoothing: 0.5
///   monthly_instalment: true
///   amount_per_age: true
///   duration_age_band: true
///   amount_column: credit_amount
///   duration_column: duration
///   age_column: age
/// hyperparameter_tuning:
///   trials: 10
///   spaces:                  # replace dimensions of the default spaces, by name
///     svm:
///       C: {kind: log-uniform, low: 0.05, high: 50}
///     ensemble:
///       method: {kind: choice, choices: [vote, stack]}
///   fixed:                   # parameters set for every trial
///     rf: {n_estimators: 500}
/// monitoring:
///   psi_bins: 10
///   psi_warning: 0.1
///   psi_alert: 0.25
///   csi_warning: 0.1
///   csi_alert: 0.25
///   log: ""                  # prediction log path; "" = the default (see resolveLogPath)
///   inputs: full             # full | hashed | none: what the log keeps of the inputs
///   performance_threshold: 0.70  # alert when a period's realised AUC falls below
/// ```
///
/// Refused (DataError naming the file, the 1-based line, the key path such as
/// `train.folds` and the reason): unknown keys, wrong types, out-of-range values, unknown
/// algorithms or parameter names, invalid YAML. Nothing is silently defaulted.
struct ParamsFile
{
    TrainingParams training;
    TargetSpec target;
    MonitoringSettings monitoring;

    /// Reads and validates `path`. Throws DataError (see above), or when the file cannot be
    /// read.
    static ParamsFile load(const std::string& path);
    /// Same for text in memory; `sourceName` stands for the file name in messages.
    static ParamsFile parse(std::string_view text, const std::string& sourceName);

    /// The settings as YAML with every key (the GUI's "save params"); parse(toYaml()) gives
    /// back equal settings.
    std::string toYaml() const;
    /// Writes toYaml() to `path` atomically.
    void save(const std::string& path) const;
};

} // namespace credit::core
