// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "eval/bootstrap.h"

#include "common/bootstrap_sampler.h"
#include "eval/input_checks.h"
#include "eval/roc_curve.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace credit::core {

namespace {

} // namespace

std::vector<std::string> BootstrapParams::validate() const
{
    std::vector<std::string> messages;
    if (resamples < 1) {
        messages.emplace_back("resamples must be at least 1");
    }
    if (!(confidence > 0.0 && confidence < 1.0)) {
        messages.emplace_back("confidence must lie in (0, 1)");
    }
    return messages;
}

double quantile(std::span<const double> values, double probability)
{
    if (values.empty()) {
        return BootstrapInterval::kNaN;
    }
    if (!(probability >= 0.0 && probability <= 1.0)) {
        throw std::invalid_argument("quantile: probability must lie in [0, 1]");
    }
    std::vector<double> sorted(values.begin(), values.end());
    std::sort(sorted.begin(), sorted.end());
    // Type 7: h = (n − 1)·p, interpolate between the order statistics around h.
    const double h = double(sorted.size() - 1) * probability;
    const auto below = std::size_t(std::floor(h));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    return sorted[below] + (h - double(below)) * (sorted[above] - sorted[below]);
}

BootstrapInterval bootstrapInterval(std::span<const double> scores,
                                    std::span<const std::uint8_t> labels,
                                    const SampleMetric& metric, const BootstrapParams& params)
{
    const auto messages = params.validate();
    if (!messages.empty()) {
        throw std::invalid_argument("bootstrapInterval: " + messages.front());
    }
    if (!metric) {
        throw std::invalid_argument("bootstrapInterval: no metric given");
    }
    detail::checkScoresAndLabels("bootstrapInterval", scores, labels);

    BootstrapInterval result;
    result.confidence = params.confidence;
    result.resamples = params.resamples;
    if (scores.empty()) {
        result.warnings.emplace_back("bootstrap: no rows");
        return result;
    }
    result.estimate = metric(scores, labels);

    const BootstrapSampler sampler(labels, params.stratified, params.seed);
    const std::size_t n = scores.size();
    std::vector<std::size_t> rows;
    std::vector<double> sampleScores(n);
    std::vector<std::uint8_t> sampleLabels(n);
    std::vector<double> values;
    values.reserve(params.resamples);
    for (std::size_t b = 0; b < params.resamples; ++b) {
        sampler.draw(b, rows);
        for (std::size_t j = 0; j < n; ++j) {
            sampleScores[j] = scores[rows[j]];
            sampleLabels[j] = labels[rows[j]];
        }
        const double value = metric(sampleScores, sampleLabels);
        if (std::isfinite(value)) {
            values.push_back(value);
        }
        if (params.progress) {
            ProgressEvent event;
            event.stage = "bootstrap";
            event.done = b + 1;
            event.total = params.resamples;
            event.fraction = double(b + 1) / double(params.resamples);
            if (!report(params.progress, event)) {
                throw Cancelled{};
            }
        }
    }

    result.validResamples = values.size();
    if (values.size() < params.resamples) {
        result.warnings.push_back("bootstrap: " + std::to_string(params.resamples - values.size()) +
                                  " of " + std::to_string(params.resamples) +
                                  " resamples gave no finite value and were skipped");
    }
    if (values.empty()) {
        return result;
    }
    const double alpha = 1.0 - params.confidence;
    std::sort(values.begin(), values.end());
    result.lower = quantile(values, alpha / 2.0);
    result.upper = quantile(values, 1.0 - alpha / 2.0);
    if (values.size() > 1) {
        double mean = 0.0;
        for (const double v : values) {
            mean += v;
        }
        mean /= double(values.size());
        double squares = 0.0;
        for (const double v : values) {
            squares += (v - mean) * (v - mean);
        }
        result.standardError = std::sqrt(squares / double(values.size() - 1));
    }
    return result;
}

BootstrapInterval bootstrapAuc(std::span<const double> scores, std::span<const std::uint8_t> labels,
                               const BootstrapParams& params)
{
    return bootstrapInterval(scores, labels, &rocAuc, params);
}

BootstrapInterval bootstrapCostThreshold(std::span<const double> scores,
                                         std::span<const std::uint8_t> labels,
                                         const CostParams& costParams,
                                         const BootstrapParams& params)
{
    const SampleMetric metric = [&costParams](std::span<const double> s,
                                              std::span<const std::uint8_t> y) {
        return costCurve(s, y, costParams).bestThreshold;
    };
    return bootstrapInterval(scores, labels, metric, params);
}

} // namespace credit::core
