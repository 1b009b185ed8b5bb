// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "explore/woe_table.h"

#include <cmath>
#include <stdexcept>

namespace credit::core {
namespace {

constexpr double kZeroCellSmoothing = 0.5;

} // namespace

IvStrength ivStrength(double iv)
{
    if (iv < 0.02) {
        return IvStrength::Useless;
    }
    if (iv < 0.1) {
        return IvStrength::Weak;
    }
    if (iv < 0.3) {
        return IvStrength::Medium;
    }
    if (iv <= 0.5) {
        return IvStrength::Strong;
    }
    return IvStrength::Suspicious;
}

std::string ivStrengthName(IvStrength strength)
{
    switch (strength) {
    case IvStrength::Useless:
        return "useless";
    case IvStrength::Weak:
        return "weak";
    case IvStrength::Medium:
        return "medium";
    case IvStrength::Strong:
        return "strong";
    case IvStrength::Suspicious:
        return "suspicious";
    }
    return {};
}

WoeTable woeTableFromCounts(const std::string& attribute, const std::vector<std::string>& labels,
                            const std::vector<std::size_t>& goods,
                            const std::vector<std::size_t>& bads)
{
    if (labels.size() != goods.size() || labels.size() != bads.size()) {
        throw std::invalid_argument("woeTableFromCounts: labels, goods and bads differ in size");
    }
    WoeTable t;
    t.attribute = attribute;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        t.totalGoods += goods[i];
        t.totalBads += bads[i];
    }
    const double G = double(t.totalGoods);
    const double B = double(t.totalBads);
    t.bins.resize(labels.size());
    for (std::size_t i = 0; i < labels.size(); ++i) {
        WoeBin& bin = t.bins[i];
        bin.label = labels[i];
        bin.missingBin = labels[i] == "missing";
        bin.goods = goods[i];
        bin.bads = bads[i];
        const std::size_t rows = goods[i] + bads[i];
        bin.badRate = rows == 0 ? 0.0 : double(bads[i]) / double(rows);
        bin.distGood = G > 0 ? double(goods[i]) / G : 0.0;
        bin.distBad = B > 0 ? double(bads[i]) / B : 0.0;
        if (rows == 0 || G == 0 || B == 0) {
            continue; // WoE 0, no contribution
        }
        double g = double(goods[i]);
        double b = double(bads[i]);
        if (goods[i] == 0 || bads[i] == 0) {
            g += kZeroCellSmoothing;
            b += kZeroCellSmoothing;
            bin.smoothed = true;
        }
        const double pg = g / G;
        const double pb = b / B;
        bin.woe = std::log(pg / pb);
        bin.ivContribution = (pg - pb) * bin.woe;
        t.iv += bin.ivContribution;
    }
    t.strength = ivStrength(t.iv);
    return t;
}

WoeTable woeTable(const Column& column, const std::vector<std::uint8_t>& labels,
                  const Binning& binning)
{
    std::vector<std::size_t> goods(binning.binCount(), 0);
    std::vector<std::size_t> bads(binning.binCount(), 0);
    const std::size_t rows = column.size();
    for (std::size_t row = 0; row < rows; ++row) {
        const std::size_t bin = binning.binOf(column, row);
        (labels[row] != 0 ? bads : goods)[bin] += 1;
    }
    return woeTableFromCounts(column.name(), binning.labels, goods, bads);
}

} // namespace credit::core
