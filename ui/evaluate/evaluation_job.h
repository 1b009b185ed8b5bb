// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "data/dataset.h"
#include "eval/bootstrap.h"
#include "eval/pr_curve.h"
#include "eval/reliability_curve.h"
#include "eval/roc_curve.h"
#include "eval/threshold_metrics.h"
#include "models/logistic_regression.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <string>
#include <vector>

namespace credit::core {
class ModelBundle;
} // namespace credit::core

namespace credit::ui {

/// The curves of one algorithm, from its out-of-fold predictions (first repeat).
struct ModelCurves
{
    QString algorithm;
    QString name;
    core::RocCurve roc;
    core::BootstrapInterval aucInterval; ///< percentile bootstrap, 1,000 resamples
    core::PrCurve pr;
    double badRate = 0.0;
    core::ReliabilityCurve reliability;    ///< calibrated probabilities, 10 equal-width bins
    core::ReliabilityCurve reliabilityRaw; ///< before calibration
    core::ReliabilityCurve histogram;      ///< 20 equal-width bins: counts of calibrated P(bad)
    double brier = 0.0;
    double brierRaw = 0.0;
    bool calibrated = false; ///< calibration changed the probabilities
};

/// mean / sd / min / max of one figure over the test folds of every repeat.
struct MetricSpread
{
    QString name;
    double mean = 0.0;
    double sd = 0.0;
    double min = 0.0;
    double max = 0.0;
    std::size_t count = 0;
};

struct FeatureWeight
{
    QString feature;
    double value = 0.0;
};

/// Everything the Evaluate tab shows, computed by core calls off the GUI thread.
struct EvaluationResult
{
    std::vector<ModelCurves> curves; ///< the current model first, then the overlays
    double threshold = 0.5;
    core::ThresholdMetrics confusion; ///< current model, OOF first repeat, at `threshold`

    QString importanceKind; ///< the explanation method ("linear", "treeshap", …) or empty
    QString importanceNote; ///< why there is none, or what the numbers mean
    std::vector<FeatureWeight> importance;          ///< largest first
    std::vector<core::CoefficientRow> coefficients; ///< logistic regression only

    std::vector<MetricSpread> foldSpread;
    std::size_t repeats = 0;
    std::vector<double> applicantMean; ///< per applicant: mean P(bad) over repeats
    std::vector<double> applicantSd;   ///< per applicant: sd of P(bad) over repeats
    MetricSpread spreadSummary;        ///< of applicantSd

    QString error;
};

/// Computes the curves of `algorithms` (current first) and the current model's confusion
/// matrix, importance and stability. `data` (may be null) feeds the importance only. Never
/// throws: failures end up in `error`. Cost: dominated by the bootstrap (≈ 1,000 AUCs per
/// algorithm) and, for tree models, TreeSHAP on every row.
EvaluationResult evaluateModels(std::shared_ptr<const core::ModelBundle> bundle,
                                std::shared_ptr<const core::Dataset> data,
                                const QStringList& algorithms, double threshold);

} // namespace credit::ui
