// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// A small logistic-regression training for tests that need a fitted model bundle, not a
// good one: one repeat of `folds`-fold CV, one trial, two threads.
#pragma once

#include "io/model_bundle.h"
#include "train/training_job.h"

#include <memory>
#include <string>
#include <vector>

namespace credit::test {

/// Like quickLrBundle() with the given algorithms (createClassifier() names).
inline std::shared_ptr<const core::ModelBundle>
quickBundle(const core::Dataset& data, const std::vector<std::string>& algorithms,
            std::size_t folds = 3)
{
    core::TrainingParams params;
    params.algorithms = algorithms;
    params.folds = folds;
    params.repeats = 1;
    params.trials = 1;
    params.threads = 2;
    const core::TrainingResult result = core::TrainingJob(params).run(data);
    return std::make_shared<const core::ModelBundle>(core::ModelBundle::fromTraining(result, data));
}

inline std::shared_ptr<const core::ModelBundle> quickLrBundle(const core::Dataset& data,
                                                              std::size_t folds = 5)
{
    return quickBundle(data, {"lr"}, folds);
}

} // namespace credit::test
