// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "train/search_space.h"

#include "common/seeded_random.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace credit::core {
namespace {

ParamRange range(std::string name, ParamKind kind, double low, double high)
{
    ParamRange r;
    r.name = std::move(name);
    r.kind = kind;
    r.low = low;
    r.high = high;
    return r;
}

ParamRange choice(std::string name, std::vector<ParamValue> choices)
{
    ParamRange r;
    r.name = std::move(name);
    r.kind = ParamKind::Choice;
    r.choices = std::move(choices);
    return r;
}

} // namespace

ParamMap SearchSpace::sample(std::uint64_t seed) const
{
    SeededRandom random(seed);
    ParamMap out;
    for (const ParamRange& p : params) {
        switch (p.kind) {
        case ParamKind::Uniform:
            out[p.name] = p.low + (p.high - p.low) * random.uniform();
            break;
        case ParamKind::LogUniform: {
            const double a = std::log(p.low);
            const double b = std::log(p.high);
            out[p.name] = std::clamp(std::exp(a + (b - a) * random.uniform()), p.low, p.high);
            break;
        }
        case ParamKind::Integer: {
            const auto low = static_cast<std::int64_t>(std::ceil(p.low));
            const auto high = static_cast<std::int64_t>(std::floor(p.high));
            const auto span = static_cast<std::uint64_t>(std::max<std::int64_t>(high - low, 0));
            out[p.name] = low + static_cast<std::int64_t>(random.below(span + 1));
            break;
        }
        case ParamKind::IntegerLog: {
            // Log-uniform over [low, high + 1) then floored: each integer gets the mass of its
            // unit interval on the log scale.
            const double a = std::log(p.low);
            const double b = std::log(p.high + 1.0);
            const double v = std::floor(std::exp(a + (b - a) * random.uniform()));
            out[p.name] = static_cast<std::int64_t>(std::clamp(v, p.low, p.high));
            break;
        }
        case ParamKind::Choice:
            if (!p.choices.empty()) {
                out[p.name] = p.choices[static_cast<std::size_t>(random.below(p.choices.size()))];
            }
            break;
        }
    }
    return out;
}

std::vector<std::string> SearchSpace::validate() const
{
    std::vector<std::string> problems;
    for (const ParamRange& p : params) {
        const std::string where = algorithm + "." + p.name + ": ";
        if (p.kind == ParamKind::Choice) {
            if (p.choices.empty()) {
                problems.push_back(where + "choice needs at least one value");
            }
            continue;
        }
        if (!std::isfinite(p.low) || !std::isfinite(p.high) || p.low > p.high) {
            problems.push_back(where + "needs finite low <= high");
        } else if ((p.kind == ParamKind::LogUniform || p.kind == ParamKind::IntegerLog) &&
                   p.low <= 0.0) {
            problems.push_back(where + "a log scale needs low > 0");
        } else if (p.kind == ParamKind::Integer && std::ceil(p.low) > std::floor(p.high)) {
            problems.push_back(where + "no integer lies in [low, high]");
        }
    }
    return problems;
}

SearchSpace defaultSearchSpace(const std::string& algorithm)
{
    SearchSpace space;
    space.algorithm = algorithm;
    auto& p = space.params;
    if (algorithm == "lr") {
        p.push_back(range("C", ParamKind::LogUniform, 1e-3, 10.0));
    } else if (algorithm == "rf") {
        p.push_back(range("n_trees", ParamKind::Integer, 100, 300));
        p.push_back(range("max_depth", ParamKind::Integer, 3, 9));
        p.push_back(range("colsample_bynode", ParamKind::Uniform, 0.1, 0.6));
        p.push_back(range("min_child_weight", ParamKind::LogUniform, 0.5, 8.0));
        p.push_back(range("subsample", ParamKind::Uniform, 0.4, 0.9));
    } else if (algorithm == "gbdt") {
        p.push_back(range("eta", ParamKind::LogUniform, 0.02, 0.3));
        p.push_back(range("max_depth", ParamKind::Integer, 1, 6));
        p.push_back(range("subsample", ParamKind::Uniform, 0.5, 1.0));
        p.push_back(range("colsample_bytree", ParamKind::Uniform, 0.3, 1.0));
        p.push_back(range("min_child_weight", ParamKind::LogUniform, 0.5, 10.0));
        p.push_back(range("lambda", ParamKind::LogUniform, 0.1, 20.0));
        p.push_back(range("n_rounds", ParamKind::IntegerLog, 100, 600));
    } else if (algorithm == "svm") {
        p.push_back(range("C", ParamKind::LogUniform, 0.05, 50.0));
        p.push_back(range("gamma", ParamKind::LogUniform, 1e-3, 0.2));
    } else if (algorithm == "ensemble") {
        // Stacking costs (stack_folds + 1) member fits per fold, about six votes: it is
        // offered through params.yaml, not searched by default.
        p.push_back(choice("method", {ParamValue(std::string("vote"))}));
    }
    return space;
}

std::uint64_t trialSeed(std::uint64_t runSeed, const std::string& algorithm, std::size_t trial)
{
    return SeededRandom::deriveSeed(runSeed, "trial/" + algorithm, trial);
}

std::string paramKindName(ParamKind kind)
{
    switch (kind) {
    case ParamKind::Uniform:
        return "uniform";
    case ParamKind::LogUniform:
        return "log-uniform";
    case ParamKind::Integer:
        return "integer";
    case ParamKind::IntegerLog:
        return "integer-log";
    case ParamKind::Choice:
        return "choice";
    }
    return "uniform";
}

ParamKind parseParamKind(const std::string& name)
{
    for (const ParamKind kind : {ParamKind::Uniform, ParamKind::LogUniform, ParamKind::Integer,
                                 ParamKind::IntegerLog, ParamKind::Choice}) {
        if (paramKindName(kind) == name) {
            return kind;
        }
    }
    throw std::invalid_argument("unknown parameter kind '" + name +
                                "' (expected uniform, log-uniform, integer, integer-log or "
                                "choice)");
}

} // namespace credit::core
