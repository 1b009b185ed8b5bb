// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// A small logistic-regression training for tests that need a fitted model bundle, not a
// good one: one repeat of `folds`-fold CV, one trial, two threads.
#pragma once

#include "io/model_bundle.h"
#include "train/training_job.h"

#include <memory>

namespace credit::test {

inline std::shared_ptr<const core::ModelBundle> quickLrBundle(const core::Dataset& data,
                                                              std::size_t folds = 5)
{
    core::TrainingParams params;
    params.algorithms = {"lr"};
    params.folds = folds;
    params.repeats = 1;
    params.trials = 1;
    params.threads = 2;
    const core::TrainingResult result = core::TrainingJob(params).run(data);
    return std::make_shared<const core::ModelBundle>(core::ModelBundle::fromTraining(result, data));
}

} // namespace credit::test
