// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace credit::core {

/// How a model's attributes weigh, for the Evaluate tab and reports: the same measure for
/// every model family. A plain value: computed in explain/ (featureImportance,
/// addOutOfFoldImportance), carried by TrainingResult and stored in the model bundle.
struct FeatureImportance
{
    /// Which rows the contributions were averaged over.
    enum class Rows
    {
        OutOfFold, ///< each row explained by the fold model that did not see it
        Training,  ///< the final model's own training rows (bundles without the former)
    };

    std::string method;       ///< explanationMethodName() of the contributions averaged
    std::string methodDetail; ///< AttributeExplainer::methodDetail()
    Rows basis = Rows::Training;
    std::size_t rows = 0; ///< rows averaged over
    /// (attribute name, mean |contribution| to the log-odds of bad), largest first, ties in
    /// attribute order; every value ≥ 0.
    std::vector<std::pair<std::string, double>> values;

    bool empty() const { return values.empty(); }
};

} // namespace credit::core
