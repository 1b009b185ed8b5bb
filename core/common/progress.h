// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <map>
#include <string>

namespace credit::core {

/// One progress report from a long engine call.
struct ProgressEvent
{
    std::string stage;        ///< e.g. "reading", "cv", "search lr", "refit", "calibration"
    double fraction = 0.0;    ///< overall fraction done in [0, 1]
    std::size_t done = 0;     ///< units finished in this stage (trials, folds, rows…)
    std::size_t total = 0;    ///< units in this stage; 0 when unknown
    std::string message;      ///< human-readable detail, may be empty
    /// Latest finished trial, when the event reports one (see train/training_job.h).
    std::string algorithm;
    std::map<std::string, std::string> params; ///< the trial's hyper-parameters as text
    std::map<std::string, double> metrics;     ///< e.g. {"auc_mean", 0.79}, {"auc_sd", 0.02}
};

/// Receives progress events; returns false to ask the call to stop as soon as it can.
/// May be called from worker threads: an implementation must be thread-safe.
using ProgressSink = std::function<bool(const ProgressEvent&)>;

/// Calls `sink` if set; true means "go on".
inline bool report(const ProgressSink& sink, const ProgressEvent& event)
{
    return !sink || sink(event);
}

/// Thrown by a long call that stopped because its sink returned false.
struct Cancelled
{
};

} // namespace credit::core
