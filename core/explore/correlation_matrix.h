// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/progress.h"
#include "data/dataset.h"

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace credit::core {

enum class CorrelationMethod
{
    Pearson,  ///< linear correlation of the values
    Spearman, ///< Pearson correlation of the ranks (ties get their average rank)
};

/// Correlations between the numeric feature columns of a dataset (the target excluded).
///
/// Each pair uses the rows where both values are present (pairwise complete observations), so
/// two cells may rest on different rows. For Spearman the ranks are computed on exactly those
/// rows. A cell is NaN when fewer than 2 complete pairs remain or a column is constant on them;
/// the diagonal is 1 for a non-constant column.
struct CorrelationMatrix
{
    CorrelationMethod method = CorrelationMethod::Pearson;
    std::vector<std::string> names;         ///< numeric attribute names, in dataset order
    std::vector<std::size_t> columnIndices; ///< their dataset column indices
    std::vector<double> values;             ///< row-major size() × size(), in [−1, 1] or NaN
    std::vector<std::size_t> pairCounts;    ///< complete pairs behind each cell

    std::size_t size() const { return names.size(); }
    double at(std::size_t i, std::size_t j) const { return values[i * size() + j]; }
    std::size_t pairsAt(std::size_t i, std::size_t j) const { return pairCounts[i * size() + j]; }
};

/// Pearson r of x and y over the pairs where neither is NaN; NaN when fewer than 2 pairs or
/// either side is constant. x and y have the same size.
double pearsonCorrelation(std::span<const double> x, std::span<const double> y);

/// Spearman ρ of x and y: Pearson r of the average ranks, both ranked over the complete pairs
/// only. NaN as for Pearson.
double spearmanCorrelation(std::span<const double> x, std::span<const double> y);

/// 1-based ranks of `values` (no NaN); tied values share the mean of the ranks they span
/// (e.g. {10, 20, 20, 30} → {1, 2.5, 2.5, 4}). Cost: O(n log n).
std::vector<double> averageRanks(std::span<const double> values);

/// The correlation matrix of all numeric feature columns. Calls `sink` once per column
/// and throws Cancelled when it returns false. Cost: O(p² n) plus, for Spearman, one sort per
/// column (and per pair when that pair has missing values).
CorrelationMatrix correlationMatrix(const Dataset& dataset, CorrelationMethod method,
                                    const ProgressSink& sink = {});

} // namespace credit::core
