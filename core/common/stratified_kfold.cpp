// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "common/stratified_kfold.h"

#include "common/seeded_random.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace credit::core {
namespace {

FoldPlan splitRows(const FoldParams& params, const std::vector<std::uint8_t>& labels,
                   const std::vector<std::size_t>& rows)
{
    const std::size_t n = rows.size();
    if (params.folds < 2) {
        throw std::invalid_argument("folds: must be at least 2 (got " +
                                    std::to_string(params.folds) + ")");
    }
    if (params.folds > n) {
        throw std::invalid_argument("folds: " + std::to_string(params.folds) +
                                    " folds need at least as many rows (got " + std::to_string(n) +
                                    ")");
    }
    if (params.repeats < 1) {
        throw std::invalid_argument("repeats: must be at least 1");
    }
    FoldPlan plan;
    plan.rowCount = labels.size();
    plan.foldsPerRepeat = params.folds;
    plan.repeats = params.repeats;
    plan.seed = params.seed;

    std::vector<std::size_t> byClass[2];
    for (const std::size_t row : rows) {
        if (row >= labels.size()) {
            throw std::invalid_argument("rows: index " + std::to_string(row) +
                                        " is past the labels");
        }
        byClass[labels[row] != 0 ? 1 : 0].push_back(row);
    }
    for (int c = 0; c < 2; ++c) {
        if (byClass[c].size() < params.folds) {
            plan.warnings.push_back(std::string(c == 1 ? "positive" : "negative") + " class has " +
                                    std::to_string(byClass[c].size()) + " rows, fewer than " +
                                    std::to_string(params.folds) +
                                    " folds: some test folds lack it");
        }
    }

    const std::size_t k = params.folds;
    for (std::size_t r = 0; r < params.repeats; ++r) {
        SeededRandom random(SeededRandom::deriveSeed(params.seed, "stratified-kfold", r));
        std::vector<std::uint32_t> foldOf(labels.size(), 0);
        std::size_t dealt = 0;
        for (int c = 0; c < 2; ++c) {
            std::vector<std::size_t> members = byClass[c];
            random.shuffle(members);
            // Round-robin dealing continued across classes: per-class counts and total sizes
            // both differ by at most one between folds.
            for (const std::size_t row : members) {
                foldOf[row] = static_cast<std::uint32_t>(dealt % k);
                ++dealt;
            }
        }
        std::vector<std::size_t> sorted = rows;
        std::sort(sorted.begin(), sorted.end());
        for (std::size_t f = 0; f < k; ++f) {
            Fold fold;
            fold.repeat = r;
            fold.index = f;
            fold.test.reserve(n / k + 1);
            fold.train.reserve(n - n / k);
            for (const std::size_t row : sorted) {
                (foldOf[row] == f ? fold.test : fold.train).push_back(row);
            }
            plan.folds.push_back(std::move(fold));
        }
        plan.foldOfRow.push_back(std::move(foldOf));
    }
    return plan;
}

} // namespace

FoldPlan StratifiedKFold::split(const std::vector<std::uint8_t>& labels) const
{
    std::vector<std::size_t> rows(labels.size());
    std::iota(rows.begin(), rows.end(), std::size_t{0});
    return splitRows(m_params, labels, rows);
}

FoldPlan StratifiedKFold::split(const std::vector<std::uint8_t>& labels,
                                const std::vector<std::size_t>& rows) const
{
    FoldPlan plan = splitRows(m_params, labels, rows);
    plan.foldOfRow.clear();
    return plan;
}

Holdout stratifiedHoldout(const std::vector<std::uint8_t>& labels, double fraction,
                          std::uint64_t seed)
{
    Holdout holdout;
    SeededRandom random(SeededRandom::deriveSeed(seed, "holdout"));
    for (const std::uint8_t cls : {std::uint8_t(0), std::uint8_t(1)}) {
        std::vector<std::size_t> members;
        for (std::size_t i = 0; i < labels.size(); ++i) {
            if ((labels[i] != 0 ? 1 : 0) == cls) {
                members.push_back(i);
            }
        }
        random.shuffle(members);
        const std::size_t held =
            std::max<std::size_t>(1, std::size_t(std::llround(fraction * double(members.size()))));
        for (std::size_t k = 0; k < members.size(); ++k) {
            (k < held && members.size() > 1 ? holdout.valid : holdout.train).push_back(members[k]);
        }
    }
    std::sort(holdout.train.begin(), holdout.train.end());
    std::sort(holdout.valid.begin(), holdout.valid.end());
    return holdout;
}

} // namespace credit::core
