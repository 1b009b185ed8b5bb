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

/// One operating point of a precision–recall curve (positive class = bad = rejected).
struct PrPoint
{
    double threshold = 0.0; ///< reject when score > threshold (see roc_curve.h)
    double recall = 0.0;    ///< bads rejected / bads, in [0, 1]
    double precision = 0.0; ///< bads rejected / rejected, in [0, 1]
};

struct PrParams
{
    /// Keep at most this many points (shape-preserving, see curve_downsampling.h); 0 = all.
    /// Average precision always uses the full curve.
    std::size_t maxPoints = 0;
};

/// Precision–recall curve and average precision.
///
/// Points are ordered by rising recall. The first point rejects nobody; its precision (0/0)
/// is set to 1 by the scikit-learn convention so the curve starts at (0, 1). Then one point
/// per distinct score, rows with equal scores forming one step; thresholds as in RocCurve.
///
/// Degenerate input: no rows, or no bad rows → recall undefined: every recall and
/// averagePrecision are NaN, `degenerate == true`, `warnings` says why. Without good rows
/// every precision is 1 and averagePrecision is 1 (well defined, not degenerate).
struct PrCurve
{
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

    std::vector<PrPoint> points;
    /// Average precision, scikit-learn definition AP = Σₙ (Rₙ − Rₙ₋₁)·Pₙ over the tie-grouped
    /// thresholds (a step function, no interpolation), R₀ = 0. In [0, 1]; a random ranking
    /// scores about the bad rate.
    double averagePrecision = kNaN;
    std::size_t positives = 0;
    std::size_t negatives = 0;
    bool degenerate = false;
    std::vector<std::string> warnings;
};

/// Computes the PR curve of `scores` (higher = riskier) against `labels` (1 = bad).
/// Throws std::invalid_argument for mismatched lengths, labels other than 0/1 or non-finite
/// scores. Cost O(n log n).
PrCurve prCurve(std::span<const double> scores, std::span<const std::uint8_t> labels,
                const PrParams& params = {});

/// prCurve(scores, labels).averagePrecision.
double averagePrecision(std::span<const double> scores, std::span<const std::uint8_t> labels);

} // namespace credit::core
