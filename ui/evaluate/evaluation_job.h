// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "data/dataset.h"
#include "explain/model_evaluation.h"

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
    core::BootstrapInterval aucInterval; ///< percentile bootstrap (EvaluationOptions)
    core::PrCurve pr;
    double badRate = 0.0;
    core::ReliabilityCurve reliability;    ///< calibrated probabilities
    core::ReliabilityCurve reliabilityRaw; ///< before calibration
    core::ReliabilityCurve histogram;      ///< counts of calibrated P(bad)
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

/// Everything the Evaluate tab shows: core::evaluate()'s result (computed off the GUI thread)
/// and the same figures with the tab's names.
struct EvaluationResult
{
    core::Evaluation evaluation; ///< the source of every figure below

    std::vector<ModelCurves> curves; ///< the current model first, then the overlays
    double threshold = 0.5;
    core::ThresholdMetrics confusion; ///< current model, OOF first repeat, at `threshold`

    QString importanceKind; ///< the explanation method ("linear", "treeshap", …) or empty
    QString importanceNote; ///< why there is none, or what the numbers mean
    bool importanceOutOfFold = false; ///< averaged over held-out rows (else training rows)
    std::vector<FeatureWeight> importance;          ///< largest first
    std::vector<core::CoefficientRow> coefficients; ///< logistic regression only

    std::vector<MetricSpread> foldSpread;
    std::size_t repeats = 0;
    std::vector<double> applicantMean; ///< per applicant: mean P(bad) over repeats
    std::vector<double> applicantSd;   ///< per applicant: sd of P(bad) over repeats
    MetricSpread spreadSummary;        ///< of applicantSd

    QString error;
};

/// core::evaluate() of the out-of-fold predictions of `algorithms` (current first) under
/// `policy`, with the tab's names. `data` (may be null) feeds the importance only. Never
/// throws: failures end up in `error`. Cost: see core::evaluate().
EvaluationResult evaluateModels(std::shared_ptr<const core::ModelBundle> bundle,
                                std::shared_ptr<const core::Dataset> data,
                                const QStringList& algorithms, const core::DecisionPolicy& policy);
/// Fills the tab's fields of `result` from result.evaluation.
void fromEvaluation(EvaluationResult& result);

} // namespace credit::ui
