// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// TreeShap::fromXGBoostJson: the trees of a booster saved as JSON (XGBoost's JSON model
// schema, doc/model.schema in XGBoost 1.x), parsed with nlohmann-json and read by path:
// learner.gradient_booster.{name, model.trees[]}, learner.learner_model_param.{base_score,
// num_feature} and learner.objective.name. A key of the same name elsewhere in the document
// (e.g. in a feature name or an attribute) is never mistaken for a tree array.
#include "models/tree_shap.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <stdexcept>
#include <string>

namespace credit::core {
namespace {

using Json = nlohmann::json;

[[noreturn]] void fail(const std::string& what)
{
    throw std::runtime_error("reading the trees for TreeSHAP: " + what);
}

/// The member `key` of `object`, which must exist.
const Json& member(const Json& object, const char* key, const std::string& where)
{
    if (!object.is_object()) {
        fail(where + " is not an object");
    }
    const auto it = object.find(key);
    if (it == object.end()) {
        fail(where + "." + key + " is missing");
    }
    return *it;
}

/// A number XGBoost stores as a JSON string ("5E-1") or as a number.
double numberOf(const Json& value, const std::string& where)
{
    if (value.is_number()) {
        return value.get<double>();
    }
    if (value.is_string()) {
        try {
            return std::stod(value.get<std::string>());
        } catch (const std::exception&) {
        }
    }
    fail(where + " is not a number");
}

/// Tree `t`'s array `key`: numbers (booleans read as 0/1, as XGBoost writes default_left in
/// either form).
std::vector<double> numberArray(const Json& tree, const char* key, std::size_t t)
{
    const std::string where = "tree " + std::to_string(t) + "." + key;
    const Json& array = member(tree, key, "tree " + std::to_string(t));
    if (!array.is_array()) {
        fail(where + " is not an array");
    }
    std::vector<double> values;
    values.reserve(array.size());
    for (const Json& v : array) {
        if (v.is_boolean()) {
            values.push_back(v.get<bool>() ? 1.0 : 0.0);
        } else if (v.is_number()) {
            values.push_back(v.get<double>());
        } else {
            fail("a value of " + where + " is not a number");
        }
    }
    return values;
}

std::vector<TreeShap::Node> readTree(const Json& tree, std::size_t t)
{
    const auto left = numberArray(tree, "left_children", t);
    const auto right = numberArray(tree, "right_children", t);
    const auto index = numberArray(tree, "split_indices", t);
    const auto condition = numberArray(tree, "split_conditions", t);
    const auto defaultLeft = numberArray(tree, "default_left", t);
    const auto cover = numberArray(tree, "sum_hessian", t);
    const auto type = numberArray(tree, "split_type", t);
    const std::size_t nodes = left.size();
    if (right.size() != nodes || index.size() != nodes || condition.size() != nodes ||
        defaultLeft.size() != nodes || cover.size() != nodes || type.size() != nodes) {
        fail("tree " + std::to_string(t) + " has arrays of different lengths");
    }
    std::vector<TreeShap::Node> out(nodes);
    for (std::size_t i = 0; i < nodes; ++i) {
        if (type[i] != 0.0) {
            fail("categorical splits are not supported");
        }
        TreeShap::Node& n = out[i];
        n.left = std::int32_t(left[i]);
        n.right = std::int32_t(right[i]);
        n.feature = std::int32_t(index[i]);
        n.defaultLeft = defaultLeft[i] != 0.0;
        n.cover = cover[i];
        if (n.left < 0) {
            n.value = double(float(condition[i]));
        } else {
            n.threshold = float(condition[i]);
        }
    }
    return out;
}

} // namespace

TreeShap TreeShap::fromXGBoostJson(std::string_view json, std::size_t tableBudget)
{
    const Json document = Json::parse(json.begin(), json.end(), nullptr, false);
    if (document.is_discarded()) {
        fail("the model is not valid JSON");
    }
    const Json& learner = member(document, "learner", "model");
    const Json& booster = member(learner, "gradient_booster", "learner");
    if (member(booster, "name", "gradient_booster") != "gbtree") {
        fail("not a gbtree model");
    }
    if (member(member(learner, "objective", "learner"), "name", "objective") != "binary:logistic") {
        fail("the objective is not binary:logistic");
    }
    const Json& param = member(learner, "learner_model_param", "learner");
    const double baseScore =
        numberOf(member(param, "base_score", "learner_model_param"), "base_score");
    const double featureCount =
        numberOf(member(param, "num_feature", "learner_model_param"), "num_feature");
    if (!(baseScore > 0.0 && baseScore < 1.0) || !(featureCount >= 1.0)) {
        fail("base_score or num_feature is out of range");
    }
    const Json& trees = member(member(booster, "model", "gradient_booster"), "trees", "model");
    if (!trees.is_array() || trees.empty()) {
        fail("the model has no trees");
    }
    std::vector<std::vector<Node>> out;
    out.reserve(trees.size());
    for (std::size_t t = 0; t < trees.size(); ++t) {
        out.push_back(readTree(trees[t], t));
    }
    return TreeShap(std::move(out), int(featureCount), std::log(baseScore / (1.0 - baseScore)),
                    tableBudget);
}

} // namespace credit::core
