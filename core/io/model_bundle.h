// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "data/dataset.h"
#include "eval/cost_analysis.h"
#include "eval/profit_analysis.h"
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

/// One risk grade as stored in a bundle; explain/RiskGrading turns a list of them into grades.
struct RiskGradeBand
{
    std::string name;        ///< "A"
    double upperPd = 1.0;    ///< exclusive upper bound on the population PD; the last grade's is 1
    std::string description; ///< "very low risk"

    bool operator==(const RiskGradeBand&) const = default;
};

/// Everything needed to score applicants and to redraw every chart after reopening: the
/// schema, the fitted chains (pipeline + classifier + calibrator) of the selected and the other
/// algorithms, the decision threshold and cost settings, the leaderboard with per-fold figures,
/// the out-of-fold predictions, the training parameters, and a hash of the training data.
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
/// Sections: "meta" (selected algorithm, threshold, costs, data hash, source, creator),
/// "decision" (the Threshold tab's settings: bad rates, profit inputs, scorecard scale, risk
/// grades, numeric ranges and integer columns), "schema", "params" (params.yaml text of the
/// run), "leaderboard", "oof", and one "model:<algorithm>" per fitted chain. Readers skip
/// sections they do not know.
///
/// Versions: 1 = the first release. 2 adds the risk grades and the integer-valued columns to
/// "decision"; a version-1 bundle loads with the default grades and no integer columns, and a
/// Credit Risk Studio that reads only version 1 refuses a version-2 bundle as "newer" rather
/// than scoring it with the wrong grades. 3: every "model:<algorithm>" chain (TrainedModel
/// format 2) carries its explanation background, the training rows that Shapley reasons are
/// measured against; version-1 and -2 bundles load without one (see AttributeExplainer).
///
/// Loading refuses, with a std::runtime_error that names the file: a missing or short file
/// (truncated), a wrong magic (not a bundle), a version above kFormatVersion (written by a
/// newer Credit Risk Studio), a checksum mismatch (damaged or edited), a malformed section, or
/// an invalid scorecard scale or risk grades.
class ModelBundle
{
public:
    static constexpr std::uint32_t kFormatVersion = 3;
    static constexpr std::string_view kMagic = "CRSBNDL1";

    Schema schema;        ///< columns of the training data (target included)
    std::string selected; ///< algorithm used by predict*() (the run's best by default)
    std::map<std::string, std::shared_ptr<const TrainedModel>> models;
    double threshold = 0.5; ///< reject when calibrated P(bad) > threshold
    CostMatrix costs;
    std::vector<LeaderboardRow> leaderboard;
    std::map<std::string, OutOfFold> outOfFold;
    std::string paramsYaml;     ///< the run's settings as params.yaml text
    std::uint64_t dataHash = 0; ///< Dataset::contentHash() of the training data
    std::string dataSource;     ///< file name of the training data
    std::string creator = "Credit Risk Studio";
    std::uint32_t formatVersion = kFormatVersion; ///< as read from the file

    // --- Decision settings (section "decision"; written by the Threshold tab) ---------------
    /// Bad rate of the training data in (0, 1); set by fromTraining(). NaN in bundles written
    /// before the section existed (then take it from the out-of-fold labels).
    double sampleBadRate = std::numeric_limits<double>::quiet_NaN();
    /// Bad rate of the population the model scores, in (0, 1); NaN = same as the sample (no
    /// prior correction). PDs shown to users are adjustForPrior(pd, sampleBadRate, this).
    /// `threshold` stays on the calibrated (sample) scale whatever this value.
    double populationBadRate = std::numeric_limits<double>::quiet_NaN();
    /// True when the cut-off was chosen with the amount-aware profit model, false for `costs`.
    bool useProfitModel = false;
    ProfitParams profit; ///< margin on a good loan and LGD, shares of the amount
    /// The scorecard scale (explain/ScorecardScale): points at scoreBaseOdds (good:bad), the
    /// odds (> 0) and the points that double the odds (> 0).
    double scoreBasePoints = 600.0;
    double scoreBaseOdds = 50.0;
    double scorePointsToDouble = 20.0;
    /// Risk grades on the population PD, best first (explain/RiskGrading); empty = the default
    /// A–E grades. Bounds of all but the last grade strictly increasing in (0, 1).
    std::vector<RiskGradeBand> riskGrades;
    /// Min and max of every numeric feature column of the training data (scoring flags values
    /// outside this range: the model extrapolates there). Set by fromTraining().
    std::map<std::string, std::pair<double, double>> numericRanges;
    /// Numeric feature columns whose every non-missing training value is a whole number (the
    /// Score form shows them without decimals). Set by fromTraining(); empty in version-1
    /// bundles.
    std::set<std::string> integerColumns;

    /// Builds a bundle from a finished training run on `data`. The selected model is the run's
    /// best, its threshold the leaderboard's cost threshold. Throws std::invalid_argument when
    /// the run has no fitted model (e.g. cancelled before refit).
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
    /// One applicant as attribute → text (the Score tab's form, a JSON request).
    double predictOne(const std::map<std::string, std::string>& values,
                      std::vector<std::string>* warnings = nullptr) const;
    /// The decision for a calibrated probability: true = reject (predicted bad).
    bool rejects(double probability) const { return probability > threshold; }

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
