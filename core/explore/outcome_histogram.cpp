// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "explore/outcome_histogram.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace credit::core {
namespace {

constexpr std::size_t kMaxBins = 30;

// Smallest of 1, 2, 2.5, 5, 10 × 10^k not below `raw` (Heckbert's "nice numbers").
double niceWidth(double raw)
{
    const double exponent = std::floor(std::log10(raw));
    const double base = std::pow(10.0, exponent);
    for (double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (step * base >= raw * (1.0 - 1e-12)) {
            return step * base;
        }
    }
    return 10.0 * base;
}

} // namespace

OutcomeHistogram outcomeHistogram(const Column& column, const std::vector<std::uint8_t>& labels,
                                  std::size_t binCount)
{
    OutcomeHistogram h;
    if (!column.isNumeric()) {
        return h;
    }
    const auto& values = column.numeric;
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    bool integral = true;
    std::size_t n = 0;
    for (std::size_t row = 0; row < values.size(); ++row) {
        const double v = values[row];
        if (std::isnan(v)) {
            (labels[row] != 0 ? h.missingBads : h.missingGoods) += 1;
            continue;
        }
        ++n;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
        integral = integral && v == std::round(v);
    }
    if (n == 0) {
        return h;
    }

    double start = 0.0;
    double width = 1.0;
    std::size_t count = 1;
    if (integral && hi - lo + 1.0 <= double(kMaxBins)) {
        start = lo - 0.5;
        width = 1.0;
        count = std::size_t(hi - lo) + 1;
    } else if (lo == hi) {
        start = lo - 0.5;
        width = 1.0;
        count = 1;
    } else {
        if (binCount == 0) {
            binCount = std::size_t(std::ceil(std::log2(double(n)))) + 1;
        }
        binCount = std::clamp<std::size_t>(binCount, 1, kMaxBins);
        width = niceWidth((hi - lo) / double(binCount));
        start = std::floor(lo / width) * width;
        count = std::max<std::size_t>(1, std::size_t(std::ceil((hi - start) / width)));
        // hi exactly on the last edge belongs to the last (closed) bin.
        while (start + double(count) * width < hi) {
            ++count;
        }
    }
    h.bins.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        h.bins[i].lower = start + double(i) * width;
        h.bins[i].upper = start + double(i + 1) * width;
    }
    for (std::size_t row = 0; row < values.size(); ++row) {
        const double v = values[row];
        if (std::isnan(v)) {
            continue;
        }
        auto index = static_cast<std::size_t>(std::max(0.0, std::floor((v - start) / width)));
        index = std::min(index, count - 1);
        (labels[row] != 0 ? h.bins[index].bads : h.bins[index].goods) += 1;
    }
    return h;
}

} // namespace credit::core
