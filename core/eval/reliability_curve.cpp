// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "eval/reliability_curve.h"

#include "eval/input_checks.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace credit::core {

namespace {

struct Accumulator
{
    double sumPredicted = 0.0;
    std::size_t bads = 0;
    std::size_t count = 0;
};

void finish(ReliabilityBin& bin, const Accumulator& acc)
{
    bin.count = acc.count;
    if (acc.count > 0) {
        bin.meanPredicted = acc.sumPredicted / double(acc.count);
        bin.observedRate = double(acc.bads) / double(acc.count);
    }
}

} // namespace

ReliabilityCurve reliabilityCurve(std::span<const double> probabilities,
                                  std::span<const std::uint8_t> labels,
                                  const ReliabilityParams& params)
{
    if (params.bins == 0) {
        throw std::invalid_argument("reliabilityCurve: bins must be at least 1");
    }
    detail::checkProbabilitiesAndLabels("reliabilityCurve", probabilities, labels);
    ReliabilityCurve result;
    result.rows = probabilities.size();
    const std::size_t n = probabilities.size();

    if (params.strategy == BinningStrategy::EqualWidth) {
        const std::size_t b = params.bins;
        std::vector<Accumulator> acc(b);
        for (std::size_t i = 0; i < n; ++i) {
            const auto index = std::min(std::size_t(probabilities[i] * double(b)), b - 1);
            acc[index].sumPredicted += probabilities[i];
            acc[index].bads += labels[i];
            ++acc[index].count;
        }
        for (std::size_t k = 0; k < b; ++k) {
            ReliabilityBin bin;
            bin.lower = double(k) / double(b);
            bin.upper = double(k + 1) / double(b);
            finish(bin, acc[k]);
            result.bins.push_back(bin);
        }
    } else {
        std::vector<std::size_t> order(n);
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t c) {
            return probabilities[a] < probabilities[c];
        });
        // Bin k nominally covers ranks [k·n/B, (k+1)·n/B); a tie group straddling a boundary
        // stays whole in the bin where it starts.
        std::size_t begin = 0;
        for (std::size_t k = 0; k < params.bins && begin < n; ++k) {
            std::size_t end = std::max(begin + 1, (k + 1) * n / params.bins);
            while (end < n && probabilities[order[end]] == probabilities[order[end - 1]]) {
                ++end;
            }
            if (k + 1 == params.bins) {
                end = n;
            }
            Accumulator acc;
            for (std::size_t r = begin; r < end; ++r) {
                acc.sumPredicted += probabilities[order[r]];
                acc.bads += labels[order[r]];
                ++acc.count;
            }
            ReliabilityBin bin;
            bin.lower = probabilities[order[begin]];
            bin.upper = probabilities[order[end - 1]];
            finish(bin, acc);
            result.bins.push_back(bin);
            begin = end;
        }
    }

    if (n == 0) {
        result.warnings.emplace_back("reliability: no rows");
        return result;
    }
    result.ece = 0.0;
    result.mce = 0.0;
    for (const auto& bin : result.bins) {
        if (bin.count == 0) {
            continue;
        }
        const double gap = std::abs(bin.meanPredicted - bin.observedRate);
        result.ece += double(bin.count) / double(n) * gap;
        result.mce = std::max(result.mce, gap);
    }
    return result;
}

} // namespace credit::core
