// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace credit::core {

/// Indices of at most `maxPoints` points of the polyline (x[i], y[i]) that keep its visible
/// shape, for charts: Largest-Triangle-Three-Buckets (S. Steinarsson, "Downsampling time
/// series for visual representation", 2013). The first and last points are always kept; each
/// of the maxPoints − 2 equal buckets of interior points contributes the point that spans the
/// largest triangle with the point already kept and the mean of the next bucket.
///
/// - `x` and `y` must have the same length (else std::invalid_argument); `x` should be
///   monotone (ROC: FPR, PR: recall, cost: threshold), which every curve in core/eval is.
/// - `maxPoints == 0` or a curve with no more than `maxPoints` points: every index.
///   `maxPoints == 1` keeps the first point, `2` the first and last.
/// - NaN coordinates (degenerate curves) never crash; such a bucket keeps its first point.
/// - Returned indices are strictly increasing. Cost O(n).
std::vector<std::size_t> downsampleIndices(std::span<const double> x, std::span<const double> y,
                                           std::size_t maxPoints);

} // namespace credit::core
