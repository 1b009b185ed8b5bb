// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace credit::core {

enum class BinningStrategy
{
    EqualWidth, ///< bins [i/B, (i+1)/B), the last one closed at 1
    Quantile,   ///< bins of (nearly) equal row counts by rank of the predicted probability
};

struct ReliabilityParams
{
    std::size_t bins = 10; ///< number of bins, >= 1
    BinningStrategy strategy = BinningStrategy::EqualWidth;
};

/// One bin of a reliability diagram.
struct ReliabilityBin
{
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

    double lower = 0.0;          ///< EqualWidth: bin edge; Quantile: lowest p in the bin
    double upper = 0.0;          ///< EqualWidth: bin edge; Quantile: highest p in the bin
    double meanPredicted = kNaN; ///< mean predicted P(bad) of the rows in the bin
    double observedRate = kNaN;  ///< share of bads among them
    std::size_t count = 0;
};

/// Reliability (calibration) curve of predicted probabilities against outcomes.
struct ReliabilityCurve
{
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

    /// EqualWidth: always `bins` entries, empty ones with count 0 and NaN means.
    /// Quantile: only non-empty bins, in rising order; rows with equal probabilities are never
    /// split across bins, so there may be fewer than `bins`.
    std::vector<ReliabilityBin> bins;
    /// Expected calibration error Σ_b (n_b / n)·|meanPredicted_b − observedRate_b|, in [0, 1].
    double ece = kNaN;
    /// Maximum calibration error: max over non-empty bins of |meanPredicted − observedRate|.
    double mce = kNaN;
    std::size_t rows = 0;
    std::vector<std::string> warnings;
};

/// Bins `probabilities` (P(bad) in [0, 1]) and compares each bin's mean prediction with its
/// observed bad rate (labels 1 = bad).
/// - Empty input: the empty equal-width bins (or none for Quantile), NaN ECE/MCE, a warning.
/// - Throws std::invalid_argument when bins == 0, lengths differ, a label is not 0/1 or a
///   probability is NaN or outside [0, 1].
/// - Cost O(n) for EqualWidth, O(n log n) for Quantile.
ReliabilityCurve reliabilityCurve(std::span<const double> probabilities,
                                  std::span<const std::uint8_t> labels,
                                  const ReliabilityParams& params = {});

} // namespace credit::core
