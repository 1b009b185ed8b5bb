// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/progress.h"
#include "eval/cost_analysis.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace credit::core {

struct BootstrapParams
{
    std::size_t resamples = 1000; ///< B, number of bootstrap resamples, >= 1 (>= 1000 advised)
    double confidence = 0.95;     ///< coverage of the percentile interval, in (0, 1)
    std::uint64_t seed = 42;      ///< same seed, same resamples, same interval
    /// Resample bads and goods separately, each keeping its count (as pROC's ci.auc does by
    /// default), so every resample has both classes and AUC is always defined. false = plain
    /// case resampling of all rows.
    bool stratified = true;
    ProgressSink progress; ///< optional; checked every resample, false → throws Cancelled

    /// Messages naming the offending field; empty = valid.
    std::vector<std::string> validate() const;
};

/// A percentile bootstrap interval (Efron & Tibshirani 1993, ch. 13).
struct BootstrapInterval
{
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

    double estimate = kNaN;      ///< the metric on the original data
    double lower = kNaN;         ///< (1 − confidence)/2 quantile of the resampled values
    double upper = kNaN;         ///< (1 + confidence)/2 quantile of the resampled values
    double standardError = kNaN; ///< standard deviation of the resampled values (n − 1)
    double confidence = kNaN;
    std::size_t resamples = 0;      ///< B requested
    std::size_t validResamples = 0; ///< resamples whose metric was finite (NaN ones skipped)
    std::vector<std::string> warnings;
};

/// A metric of one (scores, labels) sample, e.g. rocAuc. May return NaN (that resample is then
/// skipped and counted). Must not keep the spans: they point into a buffer that is reused.
using SampleMetric =
    std::function<double(std::span<const double> scores, std::span<const std::uint8_t> labels)>;

/// Percentile bootstrap interval of `metric` on (scores, labels).
///
/// - Deterministic: resample b draws its rows with common/bootstrap_sampler.h (its own
///   SeededRandom, child seed deriveSeed(params.seed, "bootstrap", b)), so results do not
///   depend on the platform's distribution classes.
/// - Quantiles interpolate linearly between order statistics (Hyndman & Fan type 7, the R and
///   NumPy default).
/// - Empty input, or no finite resampled value: NaN bounds and a warning. A stratified
///   resample of one-class data is still one class: AUC then stays NaN.
/// - Throws std::invalid_argument for invalid params or inputs (as rocCurve()), Cancelled
///   when the progress sink says stop, and whatever `metric` throws.
/// - Cost B × (cost of metric on n rows) + O(B log B).
BootstrapInterval bootstrapInterval(std::span<const double> scores,
                                    std::span<const std::uint8_t> labels,
                                    const SampleMetric& metric, const BootstrapParams& params = {});

/// bootstrapInterval() of ROC AUC (roc_curve.h). About 1000 × n log n operations by default.
BootstrapInterval bootstrapAuc(std::span<const double> scores, std::span<const std::uint8_t> labels,
                               const BootstrapParams& params = {});

/// Spread of the empirical cost-optimal threshold (costCurve(...).bestThreshold) under
/// resampling: how far the "best" cut-off could move with another sample of this size.
BootstrapInterval bootstrapCostThreshold(std::span<const double> scores,
                                         std::span<const std::uint8_t> labels,
                                         const CostParams& costParams = {},
                                         const BootstrapParams& params = {});

/// Type-7 quantile of `values` (any order; NaN not allowed) at `probability` in [0, 1];
/// NaN for an empty span. Cost O(n log n) (sorts a copy).
double quantile(std::span<const double> values, double probability);

} // namespace credit::core
