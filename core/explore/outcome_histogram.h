// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "data/dataset.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace credit::core {

/// One histogram bin [lower, upper) (the last bin is closed: [lower, upper]).
struct HistogramBin
{
    double lower = 0.0;
    double upper = 0.0;
    std::size_t goods = 0; ///< rows of the negative class ("good") in the bin
    std::size_t bads = 0;  ///< rows of the positive class ("bad") in the bin
};

/// A histogram of one numeric column split by outcome. Bins are equal-width and contiguous;
/// missing values are not binned but counted in missingGoods / missingBads.
struct OutcomeHistogram
{
    std::vector<HistogramBin> bins;
    std::size_t missingGoods = 0;
    std::size_t missingBads = 0;
};

/// Histogram of `column` (numeric) split by `labels` (1 = positive class, size = rows).
///
/// Bins:
/// - `binCount` = 0 chooses Sturges' count ⌈log2 n⌉ + 1 (at most 30);
/// - integer-valued columns spanning at most 30 distinct integers get one unit-wide bin per
///   integer, centred on it ([v − 0.5, v + 0.5)), whatever `binCount` says;
/// - otherwise the width is rounded up to a "nice" 1, 2, 2.5 or 5 × 10^k and the first edge is
///   a multiple of the width, so edges read well on an axis (the count may end a little lower
///   than asked).
/// Degenerate input: no non-missing value gives no bins; a constant column gives one bin
/// [v − 0.5, v + 0.5]. Cost: O(n).
OutcomeHistogram outcomeHistogram(const Column& column, const std::vector<std::uint8_t>& labels,
                                  std::size_t binCount = 0);

} // namespace credit::core
