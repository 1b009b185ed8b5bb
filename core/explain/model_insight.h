// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "data/dataset.h"
#include "train/trained_model.h"

#include <cstddef>
#include <string>
#include <vector>

namespace credit::core {

/// Mean, sample standard deviation (n − 1), minimum and maximum of the finite values; NaN
/// values are skipped (a fold with one class has no AUC). All NaN when none is finite; sd
/// NaN for a single value.
struct Spread
{
    double mean;
    double sd;
    double min;
    double max;
    std::size_t count = 0;
};
Spread spreadOf(const std::vector<double>& values);

/// How a model's features weigh, for the Evaluate tab and reports.
struct FeatureImportance
{
    enum class Kind
    {
        None,         ///< no additive decomposition (SVM, stacking, a vote with an SVM)
        Coefficients, ///< logistic regression: β_j · sd(x_j) on the rows given
        MeanAbsShap,  ///< tree models and votes of them: mean |contribution| over the rows
    };
    Kind kind = Kind::None;
    /// (model feature name, value), largest |value| first. Coefficients keep their sign (a
    /// positive one raises the log-odds of bad); mean |SHAP| values are ≥ 0.
    std::vector<std::pair<std::string, double>> values;
};

/// The importance of each model feature on `data` transformed by the model's pipeline:
/// standardised coefficients β_j · sd(x_j) for logistic regression (the change in log-odds
/// for one standard deviation of the feature, comparable across scales), otherwise the mean
/// absolute TreeSHAP contribution when the classifier has contributions. Ties keep the
/// feature order.
FeatureImportance featureImportance(const TrainedModel& model, const Dataset& data);

/// Per applicant, the mean and sample sd of the calibrated P(bad) across the CV repeats
/// (rows × repeats from OutOfFold); empty when there are fewer than two repeats.
struct RepeatSpread
{
    std::vector<double> mean;
    std::vector<double> sd;
};
RepeatSpread scoreSpreadAcrossRepeats(const OutOfFold& oof);

} // namespace credit::core
