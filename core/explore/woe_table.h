// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "data/dataset.h"
#include "explore/binning.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace credit::core {

/// Predictive strength of an attribute by its Information Value (Siddiqi's rule of thumb).
enum class IvStrength
{
    Useless,    ///< IV < 0.02
    Weak,       ///< 0.02 ≤ IV < 0.1
    Medium,     ///< 0.1 ≤ IV < 0.3
    Strong,     ///< 0.3 ≤ IV ≤ 0.5
    Suspicious, ///< IV > 0.5: too good to be true, check for leakage of the outcome
};

IvStrength ivStrength(double iv);
/// Lower-case English name: "useless", "weak", "medium", "strong", "suspicious".
std::string ivStrengthName(IvStrength strength);

/// One row of a Weight-of-Evidence table.
struct WoeBin
{
    std::string label;
    std::size_t goods = 0;       ///< rows of the negative class ("good")
    std::size_t bads = 0;        ///< rows of the positive class ("bad")
    double distGood = 0.0;       ///< goods / all goods, in [0, 1] (raw counts)
    double distBad = 0.0;        ///< bads / all bads, in [0, 1] (raw counts)
    double badRate = 0.0;        ///< bads / (goods + bads) in [0, 1]; 0 for an empty bin
    double woe = 0.0;            ///< ln(%good / %bad), see WoeTable
    double ivContribution = 0.0; ///< (%good − %bad) · WoE ≥ 0
    bool smoothed = false;       ///< a zero cell was smoothed (see WoeTable)
    bool missingBin = false;     ///< the "missing" bin
};

/// Weight of Evidence and Information Value of one attribute under a binning.
///
/// - Sign convention: WoE = ln(%good / %bad), where %good = goods in the bin / all goods and
///   %bad likewise. Positive WoE = fewer defaults than the portfolio average (lower risk);
///   negative = riskier.
/// - IV = Σ (%good − %bad) · WoE over the bins; every term is ≥ 0.
/// - Zero cells: a bin with goods = 0 or bads = 0 (but not both) gets 0.5 added to both of its
///   counts for WoE and IV only: WoE = ln(((goods + 0.5) / G) / ((bads + 0.5) / B)) with the raw
///   totals G and B, and the IV term uses the same smoothed shares. The table still shows the
///   raw counts and shares; `smoothed` marks the bin. A bin without any row gets WoE = 0 and
///   contributes 0. Hence WoE and IV are always finite.
/// - If the data has no good or no bad at all (impossible for a valid Dataset), every WoE and
///   the IV are 0.
struct WoeTable
{
    std::string attribute;
    std::vector<WoeBin> bins;
    std::size_t totalGoods = 0;
    std::size_t totalBads = 0;
    double iv = 0.0;
    IvStrength strength = IvStrength::Useless;
};

/// WoE table of `column` for `binning` (made for this column), with `labels` 1 = positive
/// ("bad"), size = rows. Cost: O(n log m) for quantile binning, O(n) for levels.
WoeTable woeTable(const Column& column, const std::vector<std::uint8_t>& labels,
                  const Binning& binning);

/// WoE table from counts already tallied per bin (goods[i], bads[i] for bin labels[i]);
/// the three vectors have the same size. Used by woeTable() and by tests.
WoeTable woeTableFromCounts(const std::string& attribute, const std::vector<std::string>& labels,
                            const std::vector<std::size_t>& goods,
                            const std::vector<std::size_t>& bads);

} // namespace credit::core
