// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "policy/decision_policy.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace credit::core {
namespace {

bool validRate(double rate)
{
    return std::isnan(rate) || (rate > 0.0 && rate < 1.0);
}

std::string percent(double share)
{
    char buffer[32];
    const double value = share * 100.0;
    std::snprintf(buffer, sizeof buffer, std::fabs(value) < 1.0 ? "%.2f %%" : "%.1f %%", value);
    return buffer;
}

} // namespace

bool DecisionPolicy::priorCorrected() const
{
    return !std::isnan(populationBadRate) && !std::isnan(sampleBadRate);
}

double DecisionPolicy::toPopulation(double modelPd) const
{
    if (!priorCorrected() || std::isnan(modelPd)) {
        return modelPd;
    }
    return adjustForPrior(std::clamp(modelPd, 0.0, 1.0), sampleBadRate, populationBadRate);
}

double DecisionPolicy::toModelScale(double populationPd) const
{
    if (!priorCorrected() || std::isnan(populationPd)) {
        return populationPd;
    }
    return adjustForPrior(std::clamp(populationPd, 0.0, 1.0), populationBadRate, sampleBadRate);
}

bool DecisionPolicy::operator==(const DecisionPolicy& other) const
{
    const auto same = [](double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); };
    return costs == other.costs && useProfitModel == other.useProfitModel &&
           profit == other.profit && amountColumn == other.amountColumn &&
           same(sampleBadRate, other.sampleBadRate) &&
           same(populationBadRate, other.populationBadRate) && same(threshold, other.threshold) &&
           scale == other.scale && grading == other.grading && seed == other.seed;
}

std::vector<std::string> DecisionPolicy::validate() const
{
    std::vector<std::string> problems;
    for (const std::string& p : costs.validate()) {
        problems.push_back("costs: " + p);
    }
    for (const std::string& p : profit.validate()) {
        problems.push_back("profit: " + p);
    }
    if (amountColumn.empty()) {
        problems.push_back("amount_column: a column name is needed");
    }
    if (!validRate(sampleBadRate)) {
        problems.push_back("sample_bad_rate: must lie strictly between 0 and 1");
    }
    if (!validRate(populationBadRate)) {
        problems.push_back("population_bad_rate: must lie strictly between 0 and 1");
    }
    if (!(threshold >= 0.0 && threshold <= 1.0)) {
        problems.push_back("threshold: must be a number in [0, 1]");
    }
    for (const std::string& p : scale.validate()) {
        problems.push_back(p);
    }
    return problems;
}

std::string cutoffText(const DecisionPolicy& policy)
{
    if (!policy.priorCorrected()) {
        return "PD > " + percent(policy.threshold) +
               " (training sample's scale; no prior correction)";
    }
    return "PD > " + percent(policy.thresholdPd()) + " (population scale; " +
           percent(policy.threshold) + " on the training sample's scale)";
}

} // namespace credit::core
