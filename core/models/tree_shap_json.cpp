// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// TreeShap::fromXGBoostJson: the trees of a booster saved as JSON. A reader for the few
// arrays TreeSHAP needs, not a general JSON parser: XGBoost writes each tree's arrays under
// fixed keys, one object per tree, in order.
#include "models/tree_shap.h"

#include <charconv>
#include <cmath>
#include <stdexcept>
#include <string>

namespace credit::core {
namespace {

[[noreturn]] void fail(const std::string& what)
{
    throw std::runtime_error("reading the trees for TreeSHAP: " + what);
}

std::size_t skipSpace(std::string_view s, std::size_t at)
{
    while (at < s.size() && (s[at] == ' ' || s[at] == '\n' || s[at] == '\r' || s[at] == '\t')) {
        ++at;
    }
    return at;
}

/// Every array value of `"key": [numbers]` in document order (one per tree).
std::vector<std::vector<double>> numberArrays(std::string_view json, std::string_view key)
{
    const std::string quoted = "\"" + std::string(key) + "\"";
    std::vector<std::vector<double>> out;
    std::size_t at = 0;
    while ((at = json.find(quoted, at)) != std::string_view::npos) {
        at = skipSpace(json, at + quoted.size());
        if (at >= json.size() || json[at] != ':') {
            continue;
        }
        at = skipSpace(json, at + 1);
        if (at >= json.size() || json[at] != '[') {
            fail("\"" + std::string(key) + "\" is not an array");
        }
        std::vector<double> values;
        at = skipSpace(json, at + 1);
        while (at < json.size() && json[at] != ']') {
            double v = 0.0;
            const auto [end, ec] = std::from_chars(json.data() + at, json.data() + json.size(), v);
            if (ec != std::errc()) {
                fail("a value of \"" + std::string(key) + "\" is not a number");
            }
            values.push_back(v);
            at = skipSpace(json, std::size_t(end - json.data()));
            if (at < json.size() && json[at] == ',') {
                at = skipSpace(json, at + 1);
            }
        }
        if (at >= json.size()) {
            fail("\"" + std::string(key) + "\" is not terminated");
        }
        out.push_back(std::move(values));
    }
    return out;
}

/// The string value of the first `"key": "value"`, or empty.
std::string stringValue(std::string_view json, std::string_view key)
{
    const std::string quoted = "\"" + std::string(key) + "\"";
    std::size_t at = json.find(quoted);
    if (at == std::string_view::npos) {
        return {};
    }
    at = skipSpace(json, at + quoted.size());
    if (at >= json.size() || json[at] != ':') {
        return {};
    }
    at = skipSpace(json, at + 1);
    if (at >= json.size() || json[at] != '"') {
        return {};
    }
    const std::size_t end = json.find('"', at + 1);
    return end == std::string_view::npos ? std::string()
                                         : std::string(json.substr(at + 1, end - at - 1));
}

} // namespace

TreeShap TreeShap::fromXGBoostJson(std::string_view json, std::size_t tableBudget)
{
    if (stringValue(json, "name") != "gbtree") {
        fail("not a gbtree model");
    }
    if (json.find("\"binary:logistic\"") == std::string_view::npos) {
        fail("the objective is not binary:logistic");
    }
    const std::string baseScoreText = stringValue(json, "base_score");
    const std::string featuresText = stringValue(json, "num_feature");
    if (baseScoreText.empty() || featuresText.empty()) {
        fail("base_score or num_feature is missing");
    }
    const double baseScore = std::stod(baseScoreText);
    const int features = std::stoi(featuresText);
    if (!(baseScore > 0.0 && baseScore < 1.0) || features <= 0) {
        fail("base_score or num_feature is out of range");
    }
    const auto left = numberArrays(json, "left_children");
    const auto right = numberArrays(json, "right_children");
    const auto index = numberArrays(json, "split_indices");
    const auto condition = numberArrays(json, "split_conditions");
    const auto defaultLeft = numberArrays(json, "default_left");
    const auto cover = numberArrays(json, "sum_hessian");
    const auto type = numberArrays(json, "split_type");
    const std::size_t count = left.size();
    if (count == 0 || right.size() != count || index.size() != count || condition.size() != count ||
        defaultLeft.size() != count || cover.size() != count || type.size() != count) {
        fail("the tree arrays do not match");
    }
    std::vector<std::vector<Node>> trees(count);
    for (std::size_t t = 0; t < count; ++t) {
        const std::size_t nodes = left[t].size();
        if (right[t].size() != nodes || index[t].size() != nodes || condition[t].size() != nodes ||
            defaultLeft[t].size() != nodes || cover[t].size() != nodes || type[t].size() != nodes) {
            fail("tree " + std::to_string(t) + " has arrays of different lengths");
        }
        trees[t].resize(nodes);
        for (std::size_t i = 0; i < nodes; ++i) {
            if (type[t][i] != 0.0) {
                fail("categorical splits are not supported");
            }
            Node& n = trees[t][i];
            n.left = std::int32_t(left[t][i]);
            n.right = std::int32_t(right[t][i]);
            n.feature = std::int32_t(index[t][i]);
            n.defaultLeft = defaultLeft[t][i] != 0.0;
            n.cover = cover[t][i];
            if (n.left < 0) {
                n.value = double(float(condition[t][i]));
            } else {
                n.threshold = float(condition[t][i]);
            }
        }
    }
    return TreeShap(std::move(trees), features, std::log(baseScore / (1.0 - baseScore)),
                    tableBudget);
}

} // namespace credit::core
