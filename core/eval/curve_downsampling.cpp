// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "eval/curve_downsampling.h"

#include <cmath>
#include <numeric>
#include <stdexcept>

namespace credit::core {

std::vector<std::size_t> downsampleIndices(std::span<const double> x, std::span<const double> y,
                                           std::size_t maxPoints)
{
    if (x.size() != y.size()) {
        throw std::invalid_argument("downsampleIndices: x and y differ in length");
    }
    const std::size_t n = x.size();
    std::vector<std::size_t> kept;
    if (maxPoints == 0 || n <= maxPoints) {
        kept.resize(n);
        std::iota(kept.begin(), kept.end(), std::size_t{0});
        return kept;
    }
    kept.push_back(0);
    if (maxPoints == 1) {
        return kept;
    }
    if (maxPoints > 2) {
        // Interior points 1 .. n-2 split into maxPoints-2 buckets of (nearly) equal size.
        const std::size_t buckets = maxPoints - 2;
        const std::size_t interior = n - 2;
        auto bucketBegin = [&](std::size_t b) { return 1 + b * interior / buckets; };
        std::size_t previous = 0;
        for (std::size_t b = 0; b < buckets; ++b) {
            const std::size_t begin = bucketBegin(b);
            const std::size_t end = bucketBegin(b + 1);
            // Mean of the next bucket (the last point for the final bucket).
            double nextX = x[n - 1];
            double nextY = y[n - 1];
            if (b + 1 < buckets) {
                const std::size_t nextEnd = bucketBegin(b + 2);
                double sumX = 0.0;
                double sumY = 0.0;
                for (std::size_t i = end; i < nextEnd; ++i) {
                    sumX += x[i];
                    sumY += y[i];
                }
                const double count = double(nextEnd - end);
                nextX = sumX / count;
                nextY = sumY / count;
            }
            std::size_t best = begin;
            double bestArea = -1.0;
            for (std::size_t i = begin; i < end; ++i) {
                // Twice the triangle area; the factor ½ does not change the arg max.
                const double area = std::abs((x[previous] - nextX) * (y[i] - y[previous]) -
                                             (x[previous] - x[i]) * (nextY - y[previous]));
                if (area > bestArea) {
                    bestArea = area;
                    best = i;
                }
            }
            kept.push_back(best);
            previous = best;
        }
    }
    kept.push_back(n - 1);
    return kept;
}

} // namespace credit::core
