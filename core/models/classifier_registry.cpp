// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "models/classifier.h"

#include "models/ensemble_model.h"
#include "models/logistic_regression.h"
#include "models/svm_model.h"
#include "models/xgboost_model.h"

#include <stdexcept>

namespace credit::core {

std::vector<std::string> availableAlgorithms()
{
    return {"lr", "rf", "gbdt", "svm", "ensemble"};
}

std::unique_ptr<Classifier> createClassifier(const std::string& algorithm)
{
    if (algorithm == "lr") {
        return std::make_unique<LogisticRegression>();
    }
    if (algorithm == "rf") {
        return std::make_unique<XGBoostModel>(XGBoostModel::Mode::RandomForest);
    }
    if (algorithm == "gbdt") {
        return std::make_unique<XGBoostModel>(XGBoostModel::Mode::Boosting);
    }
    if (algorithm == "svm") {
        return std::make_unique<SvmModel>();
    }
    if (algorithm == "ensemble") {
        return std::make_unique<EnsembleModel>();
    }
    std::string known;
    for (const std::string& name : availableAlgorithms()) {
        known += (known.empty() ? "" : ", ") + name;
    }
    throw std::invalid_argument("unknown algorithm '" + algorithm + "' (known: " + known + ")");
}

} // namespace credit::core
