// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "explore/column_summary.h"

#include <algorithm>
#include <cmath>

namespace credit::core {

double quantileType7(std::span<const double> sorted, double p)
{
    if (sorted.empty()) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    p = std::clamp(p, 0.0, 1.0);
    const double h = double(sorted.size() - 1) * p;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    if (lo + 1 >= sorted.size()) {
        return sorted[sorted.size() - 1];
    }
    return sorted[lo] + (h - double(lo)) * (sorted[lo + 1] - sorted[lo]);
}

double adjustedSkewness(std::span<const double> values)
{
    const std::size_t n = values.size();
    if (n < 3) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    double mean = 0.0;
    for (double v : values) {
        mean += v;
    }
    mean /= double(n);
    // Two passes: central moments from deviations, not from raw power sums (cancellation).
    double m2 = 0.0;
    double m3 = 0.0;
    for (double v : values) {
        const double d = v - mean;
        m2 += d * d;
        m3 += d * d * d;
    }
    m2 /= double(n);
    m3 /= double(n);
    if (!(m2 > 0.0)) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    const double g1 = m3 / std::pow(m2, 1.5);
    const double dn = double(n);
    return g1 * std::sqrt(dn * (dn - 1.0)) / (dn - 2.0);
}

BoxStats boxStats(std::span<const double> sorted)
{
    BoxStats box;
    box.count = sorted.size();
    if (sorted.empty()) {
        return box;
    }
    box.q1 = quantileType7(sorted, 0.25);
    box.median = quantileType7(sorted, 0.5);
    box.q3 = quantileType7(sorted, 0.75);
    const double iqr = box.q3 - box.q1;
    const double lowFence = box.q1 - 1.5 * iqr;
    const double highFence = box.q3 + 1.5 * iqr;
    box.lowerWhisker = *std::lower_bound(sorted.begin(), sorted.end(), lowFence);
    box.upperWhisker = *(std::upper_bound(sorted.begin(), sorted.end(), highFence) - 1);
    return box;
}

std::vector<double> sortedValues(const Column& column)
{
    std::vector<double> values;
    values.reserve(column.numeric.size());
    for (double v : column.numeric) {
        if (!std::isnan(v)) {
            values.push_back(v);
        }
    }
    std::sort(values.begin(), values.end());
    return values;
}

ColumnSummary summarizeNumeric(const Column& column, const std::vector<std::uint8_t>& labels,
                               std::span<const double> sorted)
{
    ColumnSummary s;
    s.name = column.name();
    s.type = ColumnType::Numeric;
    s.count = sorted.size();
    s.missing = column.numeric.size() - sorted.size();
    if (sorted.empty()) {
        return s;
    }
    double sum = 0.0;
    for (double v : sorted) {
        sum += v;
    }
    s.mean = sum / double(s.count);
    double ss = 0.0;
    for (double v : sorted) {
        ss += (v - s.mean) * (v - s.mean);
    }
    if (s.count >= 2) {
        s.sd = std::sqrt(ss / double(s.count - 1));
    }
    s.min = sorted.front();
    s.max = sorted.back();
    s.q1 = quantileType7(sorted, 0.25);
    s.median = quantileType7(sorted, 0.5);
    s.q3 = quantileType7(sorted, 0.75);
    s.skewness = adjustedSkewness(sorted);
    s.distinct = sorted.empty() ? 0 : 1;
    for (std::size_t i = 1; i < sorted.size(); ++i) {
        if (sorted[i] != sorted[i - 1]) {
            ++s.distinct;
        }
    }
    s.all = boxStats(sorted);

    if (labels.size() == column.numeric.size()) {
        std::vector<double> good;
        std::vector<double> bad;
        good.reserve(s.count);
        bad.reserve(s.count / 2);
        for (std::size_t row = 0; row < column.numeric.size(); ++row) {
            const double v = column.numeric[row];
            if (!std::isnan(v)) {
                (labels[row] != 0 ? bad : good).push_back(v);
            }
        }
        std::sort(good.begin(), good.end());
        std::sort(bad.begin(), bad.end());
        s.good = boxStats(good);
        s.bad = boxStats(bad);
    }
    return s;
}

ColumnSummary summarizeColumn(const Column& column, const std::vector<std::uint8_t>& labels)
{
    if (column.isNumeric()) {
        const std::vector<double> sorted = sortedValues(column);
        return summarizeNumeric(column, labels, sorted);
    }
    ColumnSummary s;
    s.name = column.name();
    s.type = ColumnType::Categorical;
    s.levelCounts.assign(column.schema.levels.size(), 0);
    for (std::int32_t code : column.codes) {
        if (code == Column::kMissingCode) {
            ++s.missing;
        } else if (code >= 0 && std::size_t(code) < s.levelCounts.size()) {
            ++s.levelCounts[std::size_t(code)];
        }
    }
    s.count = column.codes.size() - s.missing;
    s.distinct = std::size_t(
        std::count_if(s.levelCounts.begin(), s.levelCounts.end(), [](auto c) { return c > 0; }));
    return s;
}

} // namespace credit::core
