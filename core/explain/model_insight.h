// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "data/dataset.h"
#include "train/trained_model.h"

#include <cstddef>
#include <memory>
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

/// How a model's attributes weigh, for the Evaluate tab and reports: the same measure for
/// every model family.
struct FeatureImportance
{
    std::string method;       ///< explanationMethodName() of the contributions averaged
    std::string methodDetail; ///< AttributeExplainer::methodDetail()
    std::size_t rows = 0;     ///< rows averaged over
    /// (attribute name, mean |contribution| to the log-odds of bad), largest first, ties in
    /// attribute order; every value ≥ 0.
    std::vector<std::pair<std::string, double>> values;
};

/// Mean absolute per-attribute contribution (AttributeExplainer) over the rows of `data`
/// transformed by the model's pipeline: the average size of the attribute's part in an
/// applicant's log-odds. The Evaluate tab passes the training data; the bundle keeps no fold
/// models, so these rows are the final model's own training rows.
/// At most `maxRows` rows (0 = all): above that, every ⌈n / maxRows⌉-th row, so the cost of
/// estimated Shapley values (~10 ms a row for the SVM) stays bounded. Empty data: no values.
FeatureImportance featureImportance(const std::shared_ptr<const TrainedModel>& model,
                                    const Dataset& data, std::size_t maxRows = 300);

/// Per applicant, the mean and sample sd of the calibrated P(bad) across the CV repeats
/// (rows × repeats from OutOfFold); empty when there are fewer than two repeats.
struct RepeatSpread
{
    std::vector<double> mean;
    std::vector<double> sd;
};
RepeatSpread scoreSpreadAcrossRepeats(const OutOfFold& oof);

} // namespace credit::core
