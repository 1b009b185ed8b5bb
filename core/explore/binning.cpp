// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "explore/binning.h"

#include "explore/column_summary.h"
#include "explore/number_format.h"

#include <algorithm>
#include <cmath>

namespace credit::core {

std::size_t Binning::binOf(const Column& column, std::size_t row) const
{
    if (column.isMissing(row)) {
        return binCount() - 1; // only reached when hasMissingBin
    }
    if (kind == BinningKind::Levels) {
        return std::size_t(column.codes[row]);
    }
    const double v = column.numeric[row];
    // Right-closed bins: the first edge >= v closes v's bin.
    return std::size_t(std::lower_bound(edges.begin(), edges.end(), v) - edges.begin());
}

Binning quantileBinning(std::span<const double> sorted, std::size_t binCount, bool hasMissing)
{
    Binning b;
    b.kind = BinningKind::Quantile;
    binCount = std::max<std::size_t>(1, binCount);
    const std::size_t n = sorted.size();
    if (n > 0) {
        for (std::size_t i = 1; i < binCount; ++i) {
            // ceil(n * i / k) - 1 in integer arithmetic
            const std::size_t pos = (n * i + binCount - 1) / binCount;
            const double edge = sorted[pos == 0 ? 0 : pos - 1];
            if (edge < sorted.back() && (b.edges.empty() || edge > b.edges.back())) {
                b.edges.push_back(edge);
            }
        }
        if (b.edges.empty()) {
            b.labels.push_back(sorted.front() == sorted.back()
                                   ? "= " + formatNumber(sorted.front())
                                   : "[" + formatNumber(sorted.front()) + ", " +
                                         formatNumber(sorted.back()) + "]");
        } else {
            b.labels.push_back("≤ " + formatNumber(b.edges.front()));
            for (std::size_t i = 1; i < b.edges.size(); ++i) {
                b.labels.push_back("(" + formatNumber(b.edges[i - 1]) + ", " +
                                   formatNumber(b.edges[i]) + "]");
            }
            b.labels.push_back("> " + formatNumber(b.edges.back()));
        }
    }
    if (hasMissing) {
        b.hasMissingBin = true;
        b.labels.push_back("missing");
    }
    return b;
}

Binning quantileBinning(const Column& column, std::size_t binCount)
{
    const std::vector<double> sorted = sortedValues(column);
    return quantileBinning(sorted, binCount, sorted.size() < column.numeric.size());
}

Binning levelBinning(const Column& column)
{
    Binning b;
    b.kind = BinningKind::Levels;
    b.labels = column.schema.levels;
    if (column.missingCount() > 0) {
        b.hasMissingBin = true;
        b.labels.push_back("missing");
    }
    return b;
}

} // namespace credit::core
