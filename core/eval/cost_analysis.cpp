// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "eval/cost_analysis.h"

#include "eval/input_checks.h"
#include "eval/score_groups.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace credit::core {

namespace {

/// Per-class row weights of a prior shift (1, 1 when inactive).
struct ClassWeights
{
    double bad = 1.0;
    double good = 1.0;
};

void requireValid(const CostMatrix& costs, const char* where)
{
    const auto messages = costs.validate();
    if (!messages.empty()) {
        throw std::invalid_argument(std::string(where) + ": " + messages.front());
    }
}

void requireRate(double rate, const char* where, const char* name)
{
    if (!(rate > 0.0 && rate < 1.0)) {
        throw std::invalid_argument(std::string(where) + ": " + name + " must lie in (0, 1)");
    }
}

ClassWeights classWeights(const PriorShift& prior, std::span<const std::uint8_t> labels,
                          const char* where, std::vector<std::string>* warnings)
{
    if (!prior.active()) {
        return {};
    }
    requireRate(prior.populationBadRate, where, "populationBadRate");
    double sampleRate = prior.sampleBadRate;
    if (std::isnan(sampleRate)) {
        const auto bads =
            std::count_if(labels.begin(), labels.end(), [](std::uint8_t y) { return y != 0; });
        if (bads == 0 || std::size_t(bads) == labels.size()) {
            if (warnings != nullptr && !labels.empty()) {
                warnings->emplace_back("cost: one class only, prior shift ignored");
            }
            return {};
        }
        sampleRate = double(bads) / double(labels.size());
    }
    requireRate(sampleRate, where, "sampleBadRate");
    return {prior.populationBadRate / sampleRate,
            (1.0 - prior.populationBadRate) / (1.0 - sampleRate)};
}

/// Σ weight·cost / Σ weight for one confusion matrix. Every caller goes through here so that
/// equal decisions give bit-identical costs.
double weightedCost(const ConfusionCounts& c, const CostMatrix& costs, const ClassWeights& w)
{
    const double bads = double(c.truePositives + c.falseNegatives) * w.bad;
    const double goods = double(c.falsePositives + c.trueNegatives) * w.good;
    const double total = bads + goods;
    if (!(total > 0.0)) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    const double sum = w.bad * (double(c.falseNegatives) * costs.badAccepted +
                                double(c.truePositives) * costs.badRejected) +
                       w.good * (double(c.falsePositives) * costs.goodRejected +
                                 double(c.trueNegatives) * costs.goodAccepted);
    return sum / total;
}

double weightedRejectionRate(const ConfusionCounts& c, const ClassWeights& w)
{
    const double total = double(c.truePositives + c.falseNegatives) * w.bad +
                         double(c.falsePositives + c.trueNegatives) * w.good;
    return (double(c.truePositives) * w.bad + double(c.falsePositives) * w.good) / total;
}

} // namespace

std::vector<std::string> CostMatrix::validate() const
{
    std::vector<std::string> messages;
    for (const auto& [name, value] : {std::pair{"badAccepted", badAccepted},
                                      {"goodRejected", goodRejected},
                                      {"badRejected", badRejected},
                                      {"goodAccepted", goodAccepted}}) {
        if (!std::isfinite(value)) {
            messages.push_back(std::string(name) + " must be a finite number");
        }
    }
    if (!(badRejected < badAccepted)) {
        messages.emplace_back("badAccepted must cost more than badRejected");
    }
    if (!(goodAccepted < goodRejected)) {
        messages.emplace_back("goodRejected must cost more than goodAccepted");
    }
    return messages;
}

double bayesThreshold(const CostMatrix& costs)
{
    requireValid(costs, "bayesThreshold");
    const double falsePositiveRegret = costs.goodRejected - costs.goodAccepted;
    const double falseNegativeRegret = costs.badAccepted - costs.badRejected;
    return falsePositiveRegret / (falsePositiveRegret + falseNegativeRegret);
}

double adjustForPrior(double probability, double sampleBadRate, double populationBadRate)
{
    requireRate(sampleBadRate, "adjustForPrior", "sampleBadRate");
    requireRate(populationBadRate, "adjustForPrior", "populationBadRate");
    if (!(probability >= 0.0 && probability <= 1.0)) {
        throw std::invalid_argument("adjustForPrior: probability must lie in [0, 1]");
    }
    const double bad = probability * populationBadRate / sampleBadRate;
    const double good = (1.0 - probability) * (1.0 - populationBadRate) / (1.0 - sampleBadRate);
    return bad / (bad + good);
}

std::vector<double> adjustForPrior(std::span<const double> probabilities, double sampleBadRate,
                                   double populationBadRate)
{
    std::vector<double> adjusted(probabilities.size());
    std::transform(probabilities.begin(), probabilities.end(), adjusted.begin(),
                   [&](double p) { return adjustForPrior(p, sampleBadRate, populationBadRate); });
    return adjusted;
}

double bayesThresholdForSample(const CostMatrix& costs, double sampleBadRate,
                               double populationBadRate)
{
    return adjustForPrior(bayesThreshold(costs), populationBadRate, sampleBadRate);
}

double expectedCost(const ConfusionCounts& counts, const CostMatrix& costs)
{
    return weightedCost(counts, costs, ClassWeights{});
}

double expectedCost(std::span<const double> scores, std::span<const std::uint8_t> labels,
                    double threshold, const CostParams& params)
{
    requireValid(params.costs, "expectedCost");
    const ConfusionCounts counts = confusionAt(scores, labels, threshold);
    const ClassWeights weights = classWeights(params.prior, labels, "expectedCost", nullptr);
    return weightedCost(counts, params.costs, weights);
}

CostCurve costCurve(std::span<const double> scores, std::span<const std::uint8_t> labels,
                    const CostParams& params)
{
    requireValid(params.costs, "costCurve");
    detail::checkScoresAndLabels("costCurve", scores, labels);
    CostCurve result;
    const ClassWeights weights = classWeights(params.prior, labels, "costCurve", &result.warnings);
    if (scores.empty()) {
        result.warnings.emplace_back("cost: no rows");
        return result;
    }
    const auto groups = detail::groupByScore(scores, labels);
    ConfusionCounts counts;
    for (const auto& group : groups) {
        counts.falseNegatives += group.positives;
        counts.trueNegatives += group.negatives;
    }
    // Walk from "reject nobody" (k = 0) to "reject everybody" (k = groups); the first strict
    // improvement wins, so cost ties keep the higher threshold.
    std::vector<CostPoint> points;
    points.reserve(groups.size() + 1);
    for (std::size_t k = 0; k <= groups.size(); ++k) {
        if (k > 0) {
            counts.truePositives += groups[k - 1].positives;
            counts.falseNegatives -= groups[k - 1].positives;
            counts.falsePositives += groups[k - 1].negatives;
            counts.trueNegatives -= groups[k - 1].negatives;
        }
        const CostPoint point{detail::thresholdAfter(groups, k),
                              weightedCost(counts, params.costs, weights),
                              weightedRejectionRate(counts, weights)};
        const double tolerance = 1e-12 * std::max(1.0, std::abs(result.bestCost));
        if (k == 0 || point.costPerApplicant < result.bestCost - tolerance) {
            result.bestThreshold = point.threshold;
            result.bestCost = point.costPerApplicant;
            result.bestRejectionRate = point.rejectionRate;
            result.bestCounts = counts;
        }
        points.push_back(point);
    }
    std::reverse(points.begin(), points.end());
    result.points = std::move(points);
    return result;
}

} // namespace credit::core
