// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "data/dataset.h"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace credit::core {

/// Five numbers of a Tukey box plot for one group of values.
struct BoxStats
{
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

    std::size_t count = 0;      ///< non-missing values in the group
    double lowerWhisker = kNaN; ///< smallest value ≥ Q1 − 1.5·IQR
    double q1 = kNaN;           ///< type-7 quantile at 0.25
    double median = kNaN;       ///< type-7 quantile at 0.5
    double q3 = kNaN;           ///< type-7 quantile at 0.75
    double upperWhisker = kNaN; ///< largest value ≤ Q3 + 1.5·IQR
};

/// Descriptive statistics of one column.
///
/// Numeric columns: every statistic ignores missing values (NaN). Quantiles are the sample
/// quantiles of Hyndman & Fan type 7 (R's default, NumPy's "linear"): with the n sorted values
/// x[0..n−1] and h = (n − 1)·p, Q(p) = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
/// `sd` is the sample standard deviation (divisor n − 1). `skewness` is the adjusted
/// Fisher–Pearson coefficient G1 = g1·√(n(n−1))/(n−2) with g1 = m3 / m2^(3/2) and the central
/// moments m_k = Σ(x − mean)^k / n (what Excel's SKEW and pandas' skew report).
///
/// Degenerate input: with no non-missing value every statistic is NaN; sd needs n ≥ 2 and
/// skewness n ≥ 3 and a non-zero variance, otherwise NaN.
///
/// Categorical columns: only count, missing and `levelCounts` are filled; the numeric fields
/// stay NaN.
struct ColumnSummary
{
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

    std::string name;
    ColumnType type = ColumnType::Numeric;
    std::size_t count = 0;   ///< non-missing values
    std::size_t missing = 0; ///< missing values
    double mean = kNaN;
    double sd = kNaN;
    double min = kNaN;
    double q1 = kNaN;
    double median = kNaN;
    double q3 = kNaN;
    double max = kNaN;
    double skewness = kNaN;
    std::size_t distinct = 0; ///< distinct non-missing values (numeric) or used levels

    BoxStats all;  ///< box plot of all non-missing values (numeric only)
    BoxStats good; ///< … of the rows with label 0 (the negative class, "good")
    BoxStats bad;  ///< … of the rows with label 1 (the positive class, "bad")

    /// Categorical only: rows per declared level, in declared order.
    std::vector<std::size_t> levelCounts;
};

/// Type-7 quantile of `sorted` (ascending, no NaN) at probability `p` in [0, 1] (clamped).
/// NaN when `sorted` is empty.
double quantileType7(std::span<const double> sorted, double p);

/// Adjusted Fisher–Pearson skewness G1 of `values` (no NaN); NaN when n < 3 or the variance
/// is 0.
double adjustedSkewness(std::span<const double> values);

/// Box-plot numbers of `sorted` (ascending, no NaN). All NaN and count 0 when empty.
BoxStats boxStats(std::span<const double> sorted);

/// Summary of `column`. `labels` holds 1 for the positive class per row (Dataset::labels());
/// it only feeds the per-class box plots and may be empty (then good/bad stay empty).
/// Cost: O(n log n) for a numeric column (one sort), O(n) for a categorical one.
ColumnSummary summarizeColumn(const Column& column, const std::vector<std::uint8_t>& labels);

/// Same, with the column's non-missing values already sorted (saves the sort when the caller
/// needs the sorted values anyway).
ColumnSummary summarizeNumeric(const Column& column, const std::vector<std::uint8_t>& labels,
                               std::span<const double> sortedValues);

/// The non-missing values of a numeric column, sorted ascending.
std::vector<double> sortedValues(const Column& column);

} // namespace credit::core
