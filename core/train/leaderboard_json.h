// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "train/training_job.h"

#include <string>
#include <string_view>
#include <vector>

namespace credit::core {

/// The leaderboard JSON: the one writer of `credit-risk train --leaderboard` and of the GUI's
/// experiment history, so the two cannot drift apart. Written with nlohmann-json (key order
/// kept, non-finite numbers as null, doubles in shortest round-trip form).
///
/// Schema (the public one; python3 -m json.tool reads it):
/// - run: best, objective, note, folds, repeats, trials, seed, calibration, encoding,
///   cost {bad_accepted, good_rejected}, nested, cancelled, seconds, models[], warnings[].
/// - models[i]: algorithm, name, params {name: bool | integer | number | string}, trials,
///   auc_mean, auc_sd, ap, ks, gini, brier, log_loss, brier_uncalibrated,
///   log_loss_uncalibrated, expected_cost, expected_cost_empirical_threshold,
///   expected_cost_platt_bayes_threshold, cost_threshold, fit_seconds, [nested_auc_mean,
///   nested_auc_sd, nested_expected_cost when the run was nested], folds[] {repeat, fold, auc,
///   ap, ks, brier, log_loss, expected_cost, threshold}.
std::string leaderboardJson(const TrainingResult& result);

/// The same document for rows without their run (the run fields then hold the rows' best:
/// `best` = the first row's algorithm, the settings absent): what the experiment history
/// stores when only the rows are at hand.
std::string leaderboardJson(const std::vector<LeaderboardRow>& rows);

/// The rows of a leaderboard document: one written by leaderboardJson(), or the history's
/// older form (a bare array of rows with `display_name` and every parameter as a string).
/// Missing or null figures read as NaN (fit_seconds as 0); folds are read when present.
/// Throws std::invalid_argument when the text is not JSON or holds no leaderboard.
std::vector<LeaderboardRow> readLeaderboardJson(std::string_view json);

} // namespace credit::core
