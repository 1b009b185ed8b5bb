// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "explain/batch_scorer.h"
#include "explain/scorer.h"
#include "monitor/prediction_log.h"

#include <string>

namespace credit::core {

class ModelBundle;

/// Which model scored: the bundle's hash (16 hex digits of fnv1a64 over its serialized
/// bytes, the same for the file and the bundle in memory) and a name for people. A bundle
/// holds one chain per algorithm: when `algorithm` names another than the bundle's selected
/// one (the analyst switched models in the GUI), the id is "<hash>-<algorithm>", so its
/// records are never taken for the selected model's (whose drift reference and grades the
/// Monitor compares them with).
struct ModelIdentity
{
    std::string id;
    std::string name; ///< "<algorithm> · <file name>"
};
ModelIdentity modelIdentity(const ModelBundle& bundle, const std::string& fileName,
                            const std::string& algorithm = {});

/// A fresh id for a request or a batch: the UTC time and a counter, unique in the process.
std::string newRequestId();

/// The log record of one applicant scored by Scorer::score (or refused: `result.errors`).
/// The applicant id is the value of `idField` in `applicant`, when it has one.
PredictionRecord predictionRecord(const ScoreResult& result, const Applicant& applicant,
                                  const ModelIdentity& model, const std::string& source,
                                  const std::string& requestId, const std::string& idField,
                                  double latencyMs);
/// The log record of one row of batch scoring; `thresholdPd` is the cut-off on the PD scale.
PredictionRecord predictionRecord(const BatchRowOutcome& row, double thresholdPd,
                                  const ModelIdentity& model, const std::string& requestId);

} // namespace credit::core
