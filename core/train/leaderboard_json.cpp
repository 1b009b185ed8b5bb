// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "train/leaderboard_json.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <stdexcept>

namespace credit::core {
namespace {

using Json = nlohmann::ordered_json;

// JSON has no NaN: a figure that could not be computed is null.
Json number(double value)
{
    return std::isfinite(value) ? Json(value) : Json(nullptr);
}

Json paramsJson(const ParamMap& params)
{
    Json out = Json::object();
    for (const auto& [name, value] : params) {
        std::visit([&](const auto& v) { out[name] = v; }, value);
    }
    return out;
}

Json rowJson(const LeaderboardRow& row, bool nested)
{
    Json j;
    j["algorithm"] = row.algorithm;
    j["name"] = row.displayName;
    j["params"] = paramsJson(row.params);
    j["trials"] = static_cast<std::int64_t>(row.trialsRun);
    j["auc_mean"] = number(row.aucMean);
    j["auc_sd"] = number(row.aucSd);
    j["ap"] = number(row.ap);
    j["ks"] = number(row.ks);
    j["gini"] = number(row.gini);
    j["brier"] = number(row.brier);
    j["log_loss"] = number(row.logLoss);
    j["brier_uncalibrated"] = number(row.brierRaw);
    j["log_loss_uncalibrated"] = number(row.logLossRaw);
    j["expected_cost"] = number(row.expectedCost);
    j["expected_cost_empirical_threshold"] = number(row.expectedCostEmpirical);
    j["expected_cost_platt_bayes_threshold"] = number(row.expectedCostPlattBayes);
    j["cost_threshold"] = number(row.costThreshold);
    j["fit_seconds"] = number(row.fitSeconds);
    if (nested) {
        j["nested_auc_mean"] = number(row.nestedAucMean);
        j["nested_auc_sd"] = number(row.nestedAucSd);
        j["nested_expected_cost"] = number(row.nestedExpectedCost);
    }
    Json folds = Json::array();
    for (const FoldScores& f : row.folds) {
        Json fold;
        fold["repeat"] = static_cast<std::int64_t>(f.repeat);
        fold["fold"] = static_cast<std::int64_t>(f.fold);
        fold["auc"] = number(f.auc);
        fold["ap"] = number(f.ap);
        fold["ks"] = number(f.ks);
        fold["brier"] = number(f.brier);
        fold["log_loss"] = number(f.logLoss);
        fold["expected_cost"] = number(f.expectedCost);
        fold["threshold"] = number(f.threshold);
        folds.push_back(std::move(fold));
    }
    j["folds"] = std::move(folds);
    return j;
}

Json modelsJson(const std::vector<LeaderboardRow>& rows, bool nested)
{
    Json models = Json::array();
    for (const LeaderboardRow& row : rows) {
        models.push_back(rowJson(row, nested));
    }
    return models;
}

std::string text(const Json& document)
{
    return document.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

double figure(const Json& object, const char* key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_number() ? it->get<double>() : LeaderboardRow::kNaN;
}

ParamValue paramOf(const Json& value)
{
    if (value.is_boolean()) {
        return value.get<bool>();
    }
    if (value.is_number_integer()) {
        return value.get<std::int64_t>();
    }
    if (value.is_number()) {
        return value.get<double>();
    }
    return value.is_string() ? value.get<std::string>() : value.dump();
}

LeaderboardRow rowOf(const Json& o)
{
    LeaderboardRow row;
    row.algorithm = o.value("algorithm", std::string());
    // "display_name" in history entries written before the schema was shared.
    row.displayName = o.contains("name") ? o.value("name", std::string())
                                         : o.value("display_name", std::string());
    const double trials = figure(o, "trials");
    row.trialsRun = std::isfinite(trials) && trials > 0.0 ? std::size_t(trials) : 0;
    row.aucMean = figure(o, "auc_mean");
    row.aucSd = figure(o, "auc_sd");
    row.ap = figure(o, "ap");
    row.ks = figure(o, "ks");
    row.gini = figure(o, "gini");
    row.brier = figure(o, "brier");
    row.logLoss = figure(o, "log_loss");
    row.brierRaw = figure(o, "brier_uncalibrated");
    row.logLossRaw = figure(o, "log_loss_uncalibrated");
    row.expectedCost = figure(o, "expected_cost");
    row.expectedCostEmpirical = figure(o, "expected_cost_empirical_threshold");
    row.expectedCostPlattBayes = figure(o, "expected_cost_platt_bayes_threshold");
    row.costThreshold = figure(o, "cost_threshold");
    const double fit = figure(o, "fit_seconds");
    row.fitSeconds = std::isfinite(fit) ? fit : 0.0;
    row.nestedAucMean = figure(o, "nested_auc_mean");
    row.nestedAucSd = figure(o, "nested_auc_sd");
    row.nestedExpectedCost = figure(o, "nested_expected_cost");
    if (const auto params = o.find("params"); params != o.end() && params->is_object()) {
        for (const auto& [name, value] : params->items()) {
            row.params[name] = paramOf(value);
        }
    }
    if (const auto folds = o.find("folds"); folds != o.end() && folds->is_array()) {
        for (const Json& f : *folds) {
            FoldScores fold;
            fold.repeat = std::size_t(f.value("repeat", std::int64_t(0)));
            fold.fold = std::size_t(f.value("fold", std::int64_t(0)));
            fold.auc = figure(f, "auc");
            fold.ap = figure(f, "ap");
            fold.ks = figure(f, "ks");
            fold.brier = figure(f, "brier");
            fold.logLoss = figure(f, "log_loss");
            fold.expectedCost = figure(f, "expected_cost");
            fold.threshold = figure(f, "threshold");
            row.folds.push_back(fold);
        }
    }
    return row;
}

} // namespace

std::string leaderboardJson(const TrainingResult& result)
{
    const TrainingParams& p = result.params;
    Json j;
    j["best"] = result.bestAlgorithm;
    j["objective"] = searchObjectiveName(p.objective);
    j["note"] =
        "auc_mean and the other cross-validated figures are those of the configuration the "
        "search selected on these same folds, so they are optimistic; nested_* figures (when "
        "present) come from nested cross-validation and are not.";
    j["folds"] = static_cast<std::int64_t>(p.folds);
    j["repeats"] = static_cast<std::int64_t>(p.repeats);
    j["trials"] = static_cast<std::int64_t>(p.trials);
    j["seed"] = static_cast<std::uint64_t>(p.seed);
    j["calibration"] = calibrationMethodName(p.calibration);
    j["encoding"] = p.features.encoding == CategoricalEncoding::Woe ? "woe" : "onehot";
    j["cost"] = {{"bad_accepted", number(p.costs.badAccepted)},
                 {"good_rejected", number(p.costs.goodRejected)}};
    j["nested"] = p.nested;
    j["cancelled"] = result.cancelled;
    j["seconds"] = number(result.seconds);
    j["models"] = modelsJson(result.leaderboard, p.nested);
    j["warnings"] = result.warnings;
    return text(j);
}

std::string leaderboardJson(const std::vector<LeaderboardRow>& rows)
{
    Json j;
    j["best"] = rows.empty() ? std::string() : rows.front().algorithm;
    bool nested = false;
    for (const LeaderboardRow& row : rows) {
        nested = nested || std::isfinite(row.nestedAucMean);
    }
    j["models"] = modelsJson(rows, nested);
    return text(j);
}

std::vector<LeaderboardRow> readLeaderboardJson(std::string_view json)
{
    const Json document = Json::parse(json.begin(), json.end(), nullptr, false);
    if (document.is_discarded()) {
        throw std::invalid_argument("leaderboard: not valid JSON");
    }
    const Json* models = nullptr;
    if (document.is_array()) {
        models = &document; // the history's form before the shared schema
    } else if (document.is_object() && document.contains("models") &&
               document["models"].is_array()) {
        models = &document["models"];
    } else {
        throw std::invalid_argument("leaderboard: no \"models\" array");
    }
    std::vector<LeaderboardRow> rows;
    for (const Json& o : *models) {
        if (o.is_object()) {
            rows.push_back(rowOf(o));
        }
    }
    return rows;
}

} // namespace credit::core
