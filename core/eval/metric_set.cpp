// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "eval/metric_set.h"

#include "eval/input_checks.h"
#include "eval/pr_curve.h"
#include "eval/probability_metrics.h"
#include "eval/roc_curve.h"

#include <cmath>

namespace credit::core {

std::map<std::string, double> MetricSet::toMap() const
{
    return {
        {"auc", auc},
        {"ap", ap},
        {"ks", ks},
        {"gini", gini},
        {"brier", brier},
        {"log_loss", logLoss},
        {"accuracy", atCostThreshold.accuracy},
        {"precision", atCostThreshold.precision},
        {"recall", atCostThreshold.recall},
        {"f1", atCostThreshold.f1},
        {"specificity", atCostThreshold.specificity},
        {"npv", atCostThreshold.npv},
        {"cost_threshold", costThreshold},
        {"expected_cost", expectedCost},
        {"empirical_threshold", empiricalThreshold},
        {"expected_cost_empirical", empiricalCost},
    };
}

MetricSet computeMetricSet(std::span<const double> probabilities,
                           std::span<const std::uint8_t> labels, const MetricSetParams& params)
{
    detail::checkProbabilitiesAndLabels("computeMetricSet", probabilities, labels);
    MetricSet set;
    set.rows = probabilities.size();

    const RocCurve roc = rocCurve(probabilities, labels);
    set.positives = roc.positives;
    set.degenerate = roc.degenerate;
    set.auc = roc.auc;
    set.gini = roc.gini;
    set.ks = roc.ks;
    set.warnings = roc.warnings;
    set.ap = averagePrecision(probabilities, labels);
    set.brier = brierScore(probabilities, labels);
    set.logLoss = logLoss(probabilities, labels);

    const PriorShift& prior = params.cost.prior;
    if (prior.active()) {
        double sampleRate = prior.sampleBadRate;
        if (std::isnan(sampleRate) && set.rows > 0) {
            sampleRate = double(set.positives) / double(set.rows);
        }
        if (sampleRate > 0.0 && sampleRate < 1.0) {
            set.costThreshold =
                bayesThresholdForSample(params.cost.costs, sampleRate, prior.populationBadRate);
        } else {
            set.costThreshold = bayesThreshold(params.cost.costs);
            set.warnings.emplace_back("metrics: one class only, prior shift ignored for the "
                                      "cost threshold");
        }
    } else {
        set.costThreshold = bayesThreshold(params.cost.costs);
    }
    set.atCostThreshold = thresholdMetrics(probabilities, labels, set.costThreshold);
    set.expectedCost = expectedCost(probabilities, labels, set.costThreshold, params.cost);

    const CostCurve curve = costCurve(probabilities, labels, params.cost);
    set.empiricalThreshold = curve.bestThreshold;
    set.empiricalCost = curve.bestCost;
    for (const auto& warning : curve.warnings) {
        set.warnings.push_back(warning);
    }
    return set;
}

} // namespace credit::core
