// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "explore/correlation_matrix.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <utility>

namespace credit::core {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Pearson r over complete pairs; two passes (means, then centred sums) for accuracy.
double pearsonComplete(std::span<const double> x, std::span<const double> y, std::size_t* pairs)
{
    double sx = 0.0;
    double sy = 0.0;
    std::size_t n = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (!std::isnan(x[i]) && !std::isnan(y[i])) {
            sx += x[i];
            sy += y[i];
            ++n;
        }
    }
    if (pairs != nullptr) {
        *pairs = n;
    }
    if (n < 2) {
        return kNaN;
    }
    const double mx = sx / double(n);
    const double my = sy / double(n);
    double sxx = 0.0;
    double syy = 0.0;
    double sxy = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (!std::isnan(x[i]) && !std::isnan(y[i])) {
            const double dx = x[i] - mx;
            const double dy = y[i] - my;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
    }
    if (!(sxx > 0.0) || !(syy > 0.0)) {
        return kNaN;
    }
    return std::clamp(sxy / std::sqrt(sxx * syy), -1.0, 1.0);
}

bool hasNaN(std::span<const double> v)
{
    return std::any_of(v.begin(), v.end(), [](double d) { return std::isnan(d); });
}

double spearmanImpl(std::span<const double> x, std::span<const double> y, std::size_t* pairs)
{
    std::vector<double> cx;
    std::vector<double> cy;
    cx.reserve(x.size());
    cy.reserve(y.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (!std::isnan(x[i]) && !std::isnan(y[i])) {
            cx.push_back(x[i]);
            cy.push_back(y[i]);
        }
    }
    const std::vector<double> rx = averageRanks(cx);
    const std::vector<double> ry = averageRanks(cy);
    return pearsonComplete(rx, ry, pairs);
}

// Indices of the non-missing rows of `values`, sorted by value (stable, so ties keep row order).
std::vector<std::uint32_t> sortedOrder(std::span<const double> values)
{
    std::vector<std::pair<double, std::uint32_t>> pairs;
    pairs.reserve(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!std::isnan(values[i])) {
            pairs.emplace_back(values[i], std::uint32_t(i));
        }
    }
    std::sort(pairs.begin(), pairs.end());
    std::vector<std::uint32_t> order(pairs.size());
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        order[i] = pairs[i].second;
    }
    return order;
}

// Average ranks of `values` over the rows where `other` is present too, walking the
// precomputed sort order: O(n) per pair instead of a sort. Excluded rows get NaN.
std::vector<double> pairRanks(std::span<const double> values, std::span<const double> other,
                              const std::vector<std::uint32_t>& order)
{
    std::vector<double> ranks(values.size(), kNaN);
    std::vector<std::uint32_t> kept;
    kept.reserve(order.size());
    for (std::uint32_t row : order) {
        if (!std::isnan(other[row])) {
            kept.push_back(row);
        }
    }
    std::size_t i = 0;
    while (i < kept.size()) {
        std::size_t j = i + 1;
        while (j < kept.size() && values[kept[j]] == values[kept[i]]) {
            ++j;
        }
        const double rank = double(i + 1 + j) / 2.0;
        for (std::size_t k = i; k < j; ++k) {
            ranks[kept[k]] = rank;
        }
        i = j;
    }
    return ranks;
}

} // namespace

double pearsonCorrelation(std::span<const double> x, std::span<const double> y)
{
    return pearsonComplete(x, y, nullptr);
}

double spearmanCorrelation(std::span<const double> x, std::span<const double> y)
{
    return spearmanImpl(x, y, nullptr);
}

std::vector<double> averageRanks(std::span<const double> values)
{
    const std::size_t n = values.size();
    // Sorting (value, position) pairs keeps the comparisons in cache, unlike an index sort.
    std::vector<std::pair<double, std::size_t>> order(n);
    for (std::size_t i = 0; i < n; ++i) {
        order[i] = {values[i], i};
    }
    std::sort(order.begin(), order.end());
    std::vector<double> ranks(n);
    std::size_t i = 0;
    while (i < n) {
        std::size_t j = i + 1;
        while (j < n && order[j].first == order[i].first) {
            ++j;
        }
        // Positions i..j-1 (0-based) share ranks i+1..j: their mean is (i + 1 + j) / 2.
        const double rank = double(i + 1 + j) / 2.0;
        for (std::size_t k = i; k < j; ++k) {
            ranks[order[k].second] = rank;
        }
        i = j;
    }
    return ranks;
}

CorrelationMatrix correlationMatrix(const Dataset& dataset, CorrelationMethod method,
                                    const ProgressSink& sink)
{
    CorrelationMatrix m;
    m.method = method;
    for (std::size_t index : dataset.schema().featureIndices()) {
        if (dataset.column(index).isNumeric()) {
            m.names.push_back(dataset.column(index).name());
            m.columnIndices.push_back(index);
        }
    }
    const std::size_t p = m.size();
    m.values.assign(p * p, kNaN);
    m.pairCounts.assign(p * p, 0);

    // Spearman: every column is sorted once; the ranks of a pair are then read off the sort
    // orders restricted to the pair's complete rows (exact average ranks, O(n) per pair).
    // Columns without missing values are ranked once and reused as they are.
    std::vector<std::vector<std::uint32_t>> orders(p);
    std::vector<std::vector<double>> ranks(p);
    std::vector<bool> complete(p);
    for (std::size_t i = 0; i < p; ++i) {
        const auto& values = dataset.column(m.columnIndices[i]).numeric;
        complete[i] = !hasNaN(values);
        if (method == CorrelationMethod::Spearman) {
            orders[i] = sortedOrder(values);
            if (complete[i]) {
                ranks[i] = pairRanks(values, values, orders[i]);
            }
        }
    }
    for (std::size_t i = 0; i < p; ++i) {
        const auto& xi = dataset.column(m.columnIndices[i]).numeric;
        for (std::size_t j = i; j < p; ++j) {
            const auto& xj = dataset.column(m.columnIndices[j]).numeric;
            std::size_t pairs = 0;
            double r = kNaN;
            if (method == CorrelationMethod::Pearson) {
                r = pearsonComplete(xi, xj, &pairs);
            } else if (complete[i] && complete[j]) {
                r = pearsonComplete(ranks[i], ranks[j], &pairs);
            } else {
                const std::vector<double> ri = pairRanks(xi, xj, orders[i]);
                const std::vector<double> rj = pairRanks(xj, xi, orders[j]);
                r = pearsonComplete(ri, rj, &pairs);
            }
            if (i == j && !std::isnan(r)) {
                r = 1.0;
            }
            m.values[i * p + j] = m.values[j * p + i] = r;
            m.pairCounts[i * p + j] = m.pairCounts[j * p + i] = pairs;
        }
        ProgressEvent event;
        event.stage = method == CorrelationMethod::Pearson ? "pearson" : "spearman";
        event.done = i + 1;
        event.total = p;
        event.fraction = double(i + 1) / double(p);
        if (!report(sink, event)) {
            throw Cancelled{};
        }
    }
    return m;
}

} // namespace credit::core
