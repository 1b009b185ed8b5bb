// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "models/classifier.h"

#include <cstdint>
#include <string>
#include <vector>

namespace credit::core {

/// How one hyper-parameter is drawn.
enum class ParamKind
{
    Uniform,    ///< real, uniform in [low, high]
    LogUniform, ///< real, exp(uniform in [ln low, ln high]); requires 0 < low <= high
    Integer,    ///< integer, uniform in {low, …, high}
    IntegerLog, ///< integer, round(exp(uniform in [ln low, ln high + 1))) clamped: for counts
    Choice,     ///< one of `choices`, each with equal probability
};

/// One dimension of a search space, declared as data.
struct ParamRange
{
    std::string name; ///< the classifier's parameter name (see params())
    ParamKind kind = ParamKind::Uniform;
    double low = 0.0;                ///< lower bound (inclusive); unused for Choice
    double high = 1.0;               ///< upper bound (inclusive); unused for Choice
    std::vector<ParamValue> choices; ///< Choice only; non-empty
};

/// The hyper-parameters random search may vary for one algorithm. Parameters not listed keep
/// the classifier's defaults.
struct SearchSpace
{
    std::string algorithm;
    std::vector<ParamRange> params;

    /// One configuration drawn with a generator seeded by `seed`; dimensions are drawn in
    /// declaration order, one or two draws each, so a seed always gives the same
    /// configuration. Integers come out as std::int64_t, reals as double.
    ParamMap sample(std::uint64_t seed) const;

    /// Messages for unusable ranges (low > high, log range not positive, empty choices),
    /// each naming the algorithm and parameter; empty = valid.
    std::vector<std::string> validate() const;
};

/// The built-in space for "lr", "rf", "gbdt", "svm" or "ensemble"; unknown names give an empty
/// space (the search then evaluates the defaults only). Ranges follow the usual practice for
/// small tabular credit data (≈ 1,000 rows, ≈ 60 encoded features):
/// - lr: C log-uniform [1e-3, 10]
/// - rf: n_trees {100…300}, max_depth {4…14}, colsample_bynode [0.1, 0.6],
///   min_child_weight log [0.5, 8], subsample [0.4, 0.9]
/// - gbdt: eta log [0.02, 0.3], max_depth {1…6}, subsample [0.5, 1], colsample_bytree
///   [0.3, 1], min_child_weight log [0.5, 10], lambda log [0.1, 20], n_rounds log {100…600}
///   (an upper bound: the model stops early on its inner validation split)
/// - svm: C log [0.05, 50], gamma log [1e-3, 0.2]
/// - ensemble: method choice (vote); members start from the other algorithms' best
///   configurations. Add "stack" through params.yaml — it costs about six votes.
SearchSpace defaultSearchSpace(const std::string& algorithm);

/// The seed of trial `trial` of `algorithm` in a run seeded with `runSeed`: a pure function of
/// its inputs, so a trial's configuration never depends on thread scheduling or on the other
/// algorithms of the run.
std::uint64_t trialSeed(std::uint64_t runSeed, const std::string& algorithm, std::size_t trial);

/// Short text for a kind ("uniform", "log-uniform", "integer", "integer-log", "choice") and
/// back; parseParamKind throws std::invalid_argument for an unknown name.
std::string paramKindName(ParamKind kind);
ParamKind parseParamKind(const std::string& name);

} // namespace credit::core
