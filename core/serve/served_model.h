// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "explain/scorer.h"
#include "io/model_bundle.h"
#include "monitor/score_record.h"

#include <chrono>
#include <memory>
#include <string>

namespace credit::core {

/// One loaded model bundle as the service serves it: immutable, shared by every request that
/// started on it (std::shared_ptr<const ServedModel>), so a reload (SIGHUP) swaps the pointer
/// and requests in flight finish on the model they began with.
struct ServedModel
{
    std::shared_ptr<const ModelBundle> bundle;
    std::shared_ptr<const Scorer> scorer;
    ModelIdentity identity; ///< id (bundle hash) and "<algorithm> · <file name>"
    std::string path;       ///< the file it was read from (empty when built in memory)
    std::string loadedAt;   ///< UTC, ISO 8601 (PredictionLog::utcNow)
    /// The body of GET /model (precomputed: it never changes for one model).
    std::string schemaJson;

    /// Reads and checks `path` (ModelBundle::load: truncated, foreign, newer or damaged files
    /// are refused with std::runtime_error naming the file) and prepares the scorer.
    static std::shared_ptr<const ServedModel> load(const std::string& path);
    /// The same from a bundle in memory (tests); `fileName` goes into the model's name.
    static std::shared_ptr<const ServedModel> fromBundle(std::shared_ptr<const ModelBundle> bundle,
                                                         const std::string& fileName);
};

} // namespace credit::core
