// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>

namespace credit::core {

/// What the prediction log keeps of an applicant's inputs (data protection).
enum class InputStorage
{
    Full,   ///< the inputs as given, as a JSON object
    Hashed, ///< "sha256:<hex>" of the canonical JSON: equal inputs match, none can be read
    None,   ///< nothing
};

/// "full", "hashed", "none"; parse throws std::invalid_argument naming the accepted words.
const char* inputStorageName(InputStorage storage);
InputStorage parseInputStorage(const std::string& name);

/// Monitoring settings (section `monitoring` of params.yaml), used by core/monitor. Lives
/// below io (the params file reads it, the model bundle's drift reference takes its bin count).
struct MonitoringSettings
{
    std::size_t psiBins = 10; ///< "psi_bins": score and numeric attribute bins, in [2, 100]
    double psiWarning = 0.10; ///< "psi_warning": score PSI at or above → "watch"; default 0.10
    double psiAlert = 0.25;   ///< "psi_alert": score PSI at or above → "shifted"; default 0.25
    double csiWarning = 0.10; ///< "csi_warning": same for one attribute (CSI); default 0.10
    double csiAlert = 0.25;   ///< "csi_alert"; default 0.25
    /// "log": the prediction log's path; empty = the default place (see resolveLogPath).
    std::string log;
    /// "inputs": what the log keeps of the inputs, full | hashed | none; default full.
    InputStorage inputs = InputStorage::Full;
    /// "performance_threshold": an alert is raised when a period's realised AUC falls below
    /// it, in [0, 1]; default 0.70.
    double performanceThreshold = 0.70;
};

} // namespace credit::core
