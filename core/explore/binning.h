// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "data/dataset.h"

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace credit::core {

enum class BinningKind
{
    Quantile, ///< numeric column cut at quantiles
    Levels,   ///< categorical column, one bin per declared level
};

/// How the rows of one column fall into bins, for bad rates and Weight of Evidence.
///
/// Quantile binning: `edges` holds the m − 1 interior cut points e1 < e2 < … (unique, all
/// observed values) of m value bins; bins are right-closed: bin 0 = (−∞, e1], bin i =
/// (e_i, e_{i+1}], last = (e_{m−1}, +∞). Level binning: bin i = declared level i, in declared
/// order, also for levels no row uses. In both cases a last extra bin "missing" exists when
/// the column has missing values (`hasMissingBin`).
struct Binning
{
    BinningKind kind = BinningKind::Quantile;
    std::vector<double> edges;       ///< Quantile only
    std::vector<std::string> labels; ///< one per bin, the missing bin included ("missing")
    bool hasMissingBin = false;

    std::size_t binCount() const { return labels.size(); }
    /// Bin of `row` of `column` (the column this binning was made for).
    std::size_t binOf(const Column& column, std::size_t row) const;
};

/// Quantile binning of `sortedValues` (ascending, no NaN) into at most `binCount` bins
/// (values < 1 count as 1).
///
/// Cut points are the type-1 quantiles (inverse empirical CDF) at i/binCount, i = 1 … binCount−1:
/// e_i = x[⌈n·i/binCount⌉ − 1], so every cut point is an observed value. Repeated cut points are
/// merged and a cut point equal to the maximum is dropped, hence every bin holds at least one
/// value and edges are unique; heavy ties therefore give fewer bins than asked (a constant
/// column gives one bin). Labels read "≤ 12", "(12, 24]", "> 36".
/// `hasMissing` adds the "missing" bin. No value at all gives only that bin (or none).
Binning quantileBinning(std::span<const double> sortedValues, std::size_t binCount,
                        bool hasMissing);

/// Quantile binning of a numeric column (sorts its values: O(n log n)).
Binning quantileBinning(const Column& column, std::size_t binCount);

/// One bin per declared level of a categorical column, plus "missing" when needed.
Binning levelBinning(const Column& column);

} // namespace credit::core
