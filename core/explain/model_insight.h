// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "data/dataset.h"
#include "common/progress.h"
#include "train/feature_importance.h"
#include "train/training_job.h"
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

/// Mean absolute per-attribute contribution (AttributeExplainer) over the rows of `data`
/// transformed by the model's pipeline: the average size of the attribute's part in an
/// applicant's log-odds, over rows the model saw (basis Training): the Evaluate tab falls back
/// to it for bundles written before addOutOfFoldImportance() existed.
/// At most `maxRows` rows (0 = all): above that, every ⌈n / maxRows⌉-th row, so the cost of
/// estimated Shapley values (~10 ms a row for the SVM) stays bounded. Empty data: no values.
FeatureImportance featureImportance(const std::shared_ptr<const TrainedModel>& model,
                                    const Dataset& data, std::size_t maxRows = 300);

/// The Evaluate tab's importance measured as the issue of every model review asks: for each
/// algorithm with a fitted model in `result`, its configuration is refitted in each fold of
/// the first CV repeat (fitConfiguration) and each held-out row is explained by the fold model
/// that did not see it; the mean |contribution| over those rows goes to
/// `result.importance[algorithm]` (basis OutOfFold). At most `maxRows` rows in all (0 = all):
/// every ⌈n / maxRows⌉-th row of the data, wherever its fold. Folds and algorithms run in
/// parallel on `result.params.threads`; the result does not depend on the thread count.
/// Progress: stage "importance", one unit per (algorithm, fold). When the sink asks to stop,
/// returns with `result.importance` unchanged. Cost: folds × the refit of every algorithm, plus
/// the explanations (~10 ms a row for estimated Shapley values).
void addOutOfFoldImportance(TrainingResult& result, const Dataset& data,
                            const ProgressSink& progress = {}, std::size_t maxRows = 300);

/// TrainingJob(params).run(data) followed by addOutOfFoldImportance(): what `credit-risk
/// train` and the Train tab run, so every bundle they write carries out-of-fold importance.
/// Progress: the job's events with fractions scaled into [0, kTrainShare], then the
/// "importance" events into [kTrainShare, 1], then one "done". A stop during the job returns
/// its cancelled result; a stop during the importance returns the result without importance
/// and `cancelled` set.
TrainingResult trainModels(const TrainingParams& params, const Dataset& data,
                           const ProgressSink& progress = {});

/// Per applicant, the mean and sample sd of the calibrated P(bad) across the CV repeats
/// (rows × repeats from OutOfFold); empty when there are fewer than two repeats.
struct RepeatSpread
{
    std::vector<double> mean;
    std::vector<double> sd;
};
RepeatSpread scoreSpreadAcrossRepeats(const OutOfFold& oof);

} // namespace credit::core
