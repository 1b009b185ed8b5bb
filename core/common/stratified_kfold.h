// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace credit::core {

/// How to split rows into repeated stratified folds.
struct FoldParams
{
    std::size_t folds = 10;  ///< k, in [2, rows]; default 10
    std::size_t repeats = 1; ///< R, >= 1; each repeat is a fresh shuffle; default 1
    std::uint64_t seed = 42; ///< the only source of randomness of the split
};

/// One train/test split. Row indices refer to the labels given to split(); both lists are
/// sorted ascending and together hold every row exactly once.
struct Fold
{
    std::size_t repeat = 0; ///< 0-based repeat
    std::size_t index = 0;  ///< 0-based fold within the repeat
    std::vector<std::size_t> train;
    std::vector<std::size_t> test;
};

/// The folds of a run: repeats × folds splits, repeat-major (fold r·k + i is repeat r, fold i).
struct FoldPlan
{
    /// Size of the row index space: the number of labels given to split(). Out-of-fold
    /// vectors are laid out [repeat · rowCount + row]. For a subset split, rows outside the
    /// subset appear in no fold.
    std::size_t rowCount = 0;
    std::size_t foldsPerRepeat = 0;
    std::size_t repeats = 0;
    std::uint64_t seed = 0;
    std::vector<Fold> folds;
    std::vector<std::string> warnings; ///< e.g. a class with fewer rows than folds

    /// Test fold (0-based within its repeat) of `row` in `repeat`; built by split().
    std::vector<std::vector<std::uint32_t>> foldOfRow; ///< [repeat][row]
};

/// Repeated stratified k-fold cross-validation.
///
/// Per repeat, the rows of each class are shuffled with SeededRandom (Fisher–Yates with an
/// unbiased integer draw; seed derived from (seed, repeat)), then dealt round-robin to the k
/// folds, the second class continuing where the first stopped. Hence:
/// - every repeat partitions the rows: each row is in exactly one test fold;
/// - per class, test-fold counts differ by at most 1 (the class ratio is kept), and total
///   test-fold sizes differ by at most 1;
/// - the split depends only on (labels, folds, repeats, seed): same on every platform and
///   thread count, so every model of a run sees the same folds.
///
/// Degenerate input: k < 2 or k > rows throws std::invalid_argument naming the field "folds";
/// repeats = 0 throws naming "repeats". A class with fewer rows than k is allowed (some test
/// folds then lack that class) and reported in `warnings`.
///
/// Cost: O(repeats × k × rows) for the index lists.
class StratifiedKFold
{
public:
    explicit StratifiedKFold(FoldParams params = {}) : m_params(params) {}

    const FoldParams& params() const { return m_params; }

    /// Splits rows with the given binary labels (1 = positive).
    FoldPlan split(const std::vector<std::uint8_t>& labels) const;

    /// Same, for a subset of rows (e.g. the training rows of an outer fold in nested CV):
    /// `rows` are indices into `labels`, and the returned folds hold indices into `labels`
    /// too (not positions in `rows`); rowCount is labels.size() and `foldOfRow` is left empty.
    FoldPlan split(const std::vector<std::uint8_t>& labels,
                   const std::vector<std::size_t>& rows) const;

private:
    FoldParams m_params;
};

/// A stratified train/validation holdout (e.g. the early-stopping rows of gradient boosting).
struct Holdout
{
    std::vector<std::size_t> train; ///< sorted ascending
    std::vector<std::size_t> valid; ///< sorted ascending
};

/// Splits rows 0..labels.size()-1 into train and validation, class by class: each class's rows
/// are shuffled with SeededRandom(deriveSeed(seed, "holdout")) and the first
/// max(1, round(fraction · class size)) go to validation — except a class of one row, which
/// stays in train. Both lists together hold every row once. `fraction` in (0, 1).
/// Cost: O(rows).
Holdout stratifiedHoldout(const std::vector<std::uint8_t>& labels, double fraction,
                          std::uint64_t seed);

} // namespace credit::core
