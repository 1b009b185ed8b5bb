// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "data/dataset.h"
#include "monitor/drift.h"
#include "policy/decision_policy.h"
#include "train/trained_model.h"
#include "train/training_job.h"

#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace credit::core {

/// Everything needed to score applicants and to redraw every chart after reopening: the
/// schema, the fitted chains (pipeline + classifier + calibrator) of the selected and the other
/// algorithms, the decision policy (threshold, costs, prior, points, grades), the leaderboard with
/// per-fold figures, the out-of-fold predictions, the training parameters, and a hash of the
/// training data.
///
/// File format (little-endian), written atomically:
///
///     magic        8 bytes  "CRSBNDL1"
///     version      u32      kFormatVersion
///     sections     u32      count
///     table        per section: name (u64 length + bytes), offset u64, size u64
///                  (offsets relative to the payload start)
///     payload size u64
///     payload      the sections' bytes
///     checksum     u64      FNV-1a 64 over every byte from `version` to the payload's end
///
/// Sections: "meta" (selected algorithm, the policy's threshold and costs, data hash, source,
/// creator), "decision" (the rest of the DecisionPolicy: bad rates, profit inputs, scorecard
/// scale, risk grades, amount column; and the numeric ranges and integer columns),
/// "selection" (the algorithm the run's selection rule chose as best), "schema", "params"
/// (params.yaml text of the run), "leaderboard", "oof", "importance" (per algorithm, the
/// out-of-fold feature importance: layout version, then method, detail, basis, rows and
/// (attribute, value) pairs), one "model:<algorithm>" per fitted chain, and
/// "drift_reference" (DriftReference::write, layout version first: the bins and training
/// shares of every feature attribute and, per fitted chain, of its calibrated PD on the
/// training rows; bundles written before it load with an empty `drift`).
/// Readers skip sections they do not know, and read a section's fields only up to its
/// layout version, so a bundle of this version also opens in a program that reads version 3
/// bundles without "selection" or the amount column.
///
/// Versions: 1 = the first release. 2 adds the risk grades and the integer-valued columns to
/// "decision"; a version-1 bundle loads with the default grades and no integer columns, and a
/// Credit Risk Studio that reads only version 1 refuses a version-2 bundle as "newer" rather
/// than scoring it with the wrong grades. 3: every "model:<algorithm>" chain (TrainedModel
/// format 2) carries its explanation background, the training rows that Shapley reasons are
/// measured against; version-1 and -2 bundles load without one (see AttributeExplainer).
/// Within version 3, "decision" layout 3 adds the amount column and the "selection" section
/// appears; bundles without them load with the policy's default amount column and `best` =
/// `selected` (the best pick of older files is unknown: their `selected` is the run's best
/// unless the analyst changed it). The "importance" section appeared later in version 3;
/// bundles without it load with no stored importance (the Evaluate tab then measures it on the
/// training rows, and says so).
///
/// Loading refuses, with a std::runtime_error that names the file: a missing or short file
/// (truncated), a wrong magic (not a bundle), a version above kFormatVersion (written by a
/// newer Credit Risk Studio), a checksum mismatch (damaged or edited), a malformed section, or
/// an invalid decision policy (scorecard scale, risk grades, rates).
class ModelBundle
{
public:
    static constexpr std::uint32_t kFormatVersion = 3;
    static constexpr std::string_view kMagic = "CRSBNDL1";

    Schema schema;        ///< columns of the training data (target included)
    std::string selected; ///< algorithm used by predict*(): the analyst's current model
    /// The algorithm the run's selection rule chose (TrainingResult::bestAlgorithm); empty when
    /// it has no fitted model (a cancelled run). Stays when the analyst makes another current.
    std::string best;
    std::map<std::string, std::shared_ptr<const TrainedModel>> models;
    std::vector<LeaderboardRow> leaderboard;
    std::map<std::string, OutOfFold> outOfFold;
    /// Per algorithm, mean |contribution| over out-of-fold rows (TrainingResult::importance);
    /// empty in bundles written before the "importance" section.
    std::map<std::string, FeatureImportance> importance;
    std::string paramsYaml;     ///< the run's settings as params.yaml text
    std::uint64_t dataHash = 0; ///< Dataset::contentHash() of the training data
    std::string dataSource;     ///< file name of the training data
    std::string creator = "Credit Risk Studio";
    std::uint32_t formatVersion = kFormatVersion; ///< as read from the file

    /// The decision policy (sections "meta" and "decision"): threshold, costs or profit
    /// inputs, bad rates, points scale and risk grades. fromTraining() sets the sample bad rate
    /// and the cost threshold; bundles written before the "decision" section have a NaN sample
    /// bad rate (the Scorer then takes it from the out-of-fold labels).
    DecisionPolicy policy;
    /// Min and max of every numeric feature column of the training data (scoring flags values
    /// outside this range: the model extrapolates there). Set by fromTraining().
    std::map<std::string, std::pair<double, double>> numericRanges;
    /// Numeric feature columns whose every non-missing training value is a whole number (the
    /// Score form shows them without decimals). Set by fromTraining(); empty in version-1
    /// bundles.
    std::set<std::string> integerColumns;
    /// The training population's bins and shares for drift (PSI/CSI, core/monitor/drift.h).
    /// Set by fromTraining(); empty for bundles written before the "drift_reference" section,
    /// which then cannot be checked for drift (retrain to add it).
    DriftReference drift;

    /// Builds a bundle from a finished training run on `data`. The selected model is the run's
    /// best, the policy's costs the run's and its threshold the leaderboard's cost threshold.
    /// Throws std::invalid_argument when the run has no fitted model (e.g. cancelled before refit).
    static ModelBundle fromTraining(const TrainingResult& result, const Dataset& data,
                                    const std::string& paramsYaml = {});

    /// The selected chain; throws std::logic_error when absent.
    const TrainedModel& model() const;
    /// The selected algorithm's leaderboard row, or nullptr.
    const LeaderboardRow* selectedRow() const;

    /// Calibrated P(bad) of every row of `data` with the selected model. The feature columns
    /// of the bundle's schema must exist in `data` by name with the same type, else
    /// std::invalid_argument naming the column and `data`'s source. Unseen categories are
    /// scored (see FeaturePipeline) and reported in `warnings`.
    Vector predictProba(const Dataset& data, std::vector<std::string>* warnings = nullptr) const;
    /// Throws as predictProba() when `data` lacks a feature column or has it with another type.
    void checkColumns(const Dataset& data) const;
    /// One applicant as attribute → text (the Score tab's form, a JSON request).
    double predictOne(const std::map<std::string, std::string>& values,
                      std::vector<std::string>* warnings = nullptr) const;
    /// The decision for a calibrated probability: true = reject (predicted bad).
    bool rejects(double probability) const { return policy.rejects(probability); }
    /// The training sample's bad rate: policy.sampleBadRate, or for bundles without it the
    /// bad rate of the selected algorithm's out-of-fold labels (NaN when there are none).
    double sampleBadRate() const;

    /// Serialises to the container format above / parses it; `sourceName` names the file in
    /// messages.
    std::string serialize() const;
    static ModelBundle deserialize(std::string_view bytes, const std::string& sourceName);

    /// Writes atomically to `path`; throws std::runtime_error naming `path` on failure.
    void save(const std::string& path) const;
    /// Reads `path`; refusals as described above.
    static ModelBundle load(const std::string& path);
};

/// FNV-1a 64-bit hash of `bytes` (offset basis 0xcbf29ce484222325, prime 0x100000001b3).
std::uint64_t fnv1a64(std::string_view bytes);

} // namespace credit::core
