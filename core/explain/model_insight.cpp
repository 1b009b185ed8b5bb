// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "explain/model_insight.h"

#include "explain/attribute_explainer.h"

#include "common/seeded_random.h"
#include "train/task_pool.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <optional>

namespace credit::core {

Spread spreadOf(const std::vector<double>& values)
{
    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    Spread s{kNaN, kNaN, kNaN, kNaN, 0};
    double sum = 0.0;
    for (const double v : values) {
        if (!std::isfinite(v)) {
            continue;
        }
        s.min = s.count == 0 ? v : std::min(s.min, v);
        s.max = s.count == 0 ? v : std::max(s.max, v);
        sum += v;
        ++s.count;
    }
    if (s.count == 0) {
        return s;
    }
    s.mean = sum / double(s.count);
    if (s.count > 1) {
        double squares = 0.0;
        for (const double v : values) {
            if (std::isfinite(v)) {
                squares += (v - s.mean) * (v - s.mean);
            }
        }
        s.sd = std::sqrt(squares / double(s.count - 1));
    }
    return s;
}

namespace {

/// Every `step`-th row index of the data (rows r with r % step == 0), for bounded averages.
std::size_t sampleStep(std::size_t n, std::size_t maxRows)
{
    return maxRows == 0 || n <= maxRows ? 1 : (n + maxRows - 1) / maxRows;
}

using NamedSums = std::vector<std::pair<std::string, double>>;

/// (attribute, Σ |contribution|) in the pipeline's attribute order over `rows` of `data`,
/// explained by `model`; `names` receives the explainer's method and detail.
NamedSums absoluteContributionSums(const std::shared_ptr<const TrainedModel>& model,
                                   const Dataset& data, const std::vector<std::size_t>& rows,
                                   FeatureImportance& names)
{
    const AttributeExplainer explainer(model);
    names.method = explanationMethodName(explainer.method());
    names.methodDetail = explainer.methodDetail();
    const auto& attributes = model->pipeline().attributes();
    NamedSums sums;
    Explanation e;
    if (!rows.empty()) {
        e = explainer.explain(model->pipeline().transform(data, rows));
    }
    for (std::size_t a = 0; a < attributes.size(); ++a) {
        sums.emplace_back(attributes[a].name,
                          rows.empty() ? 0.0 : e.contributions.col(Eigen::Index(a)).cwiseAbs().sum());
    }
    return sums;
}

/// Fills `out.values` with sum / rows per attribute, largest first (ties in the given order).
void rankMeans(const NamedSums& sums, std::size_t rows, FeatureImportance& out)
{
    out.rows = rows;
    out.values.clear();
    if (rows == 0) {
        return;
    }
    for (const auto& [name, sum] : sums) {
        out.values.emplace_back(name, sum / double(rows));
    }
    std::stable_sort(out.values.begin(), out.values.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
}

} // namespace

FeatureImportance featureImportance(const std::shared_ptr<const TrainedModel>& model,
                                    const Dataset& data, std::size_t maxRows)
{
    FeatureImportance out;
    out.basis = FeatureImportance::Rows::Training;
    std::vector<std::size_t> rows;
    const std::size_t step = sampleStep(data.rowCount(), maxRows);
    for (std::size_t r = 0; r < data.rowCount(); r += step) {
        rows.push_back(r);
    }
    rankMeans(absoluteContributionSums(model, data, rows, out), rows.size(), out);
    return out;
}

void addOutOfFoldImportance(TrainingResult& result, const Dataset& data,
                            const ProgressSink& progress, std::size_t maxRows)
{
    const FoldPlan& plan = result.folds;
    const std::size_t k = plan.foldsPerRepeat;
    std::vector<std::string> algorithms;
    for (const auto& [algorithm, model] : result.models) {
        if (model && result.row(algorithm) != nullptr) {
            algorithms.push_back(algorithm);
        }
    }
    if (k == 0 || plan.folds.size() < k || algorithms.empty()) {
        return;
    }
    const std::size_t step = sampleStep(data.rowCount(), maxRows);
    struct Part
    {
        FeatureImportance names;
        NamedSums sums;
        std::size_t rows = 0;
    };
    std::vector<Part> parts(algorithms.size() * k);
    std::atomic<bool> stop{false};
    std::atomic<std::size_t> done{0};
    TaskPool(result.params.threads)
        .run(
            parts.size(),
            [&](std::size_t task) {
                const std::string& algorithm = algorithms[task / k];
                const std::size_t f = task % k;
                const Fold& fold = plan.folds[f];
                std::vector<std::size_t> held;
                for (const std::size_t r : fold.test) {
                    if (r % step == 0) {
                        held.push_back(r);
                    }
                }
                Part& part = parts[task];
                try {
                    const auto model = fitConfiguration(
                        result.params, data, *result.row(algorithm), fold.train,
                        SeededRandom::deriveSeed(result.params.seed, "importance/" + algorithm, f),
                        stop);
                    part.sums = absoluteContributionSums(model, data, held, part.names);
                    part.rows = held.size();
                } catch (const Cancelled&) {
                    return;
                }
                ProgressEvent event;
                event.stage = "importance";
                event.done = done.fetch_add(1) + 1;
                event.total = parts.size();
                event.fraction = double(event.done) / double(event.total);
                event.algorithm = algorithm;
                event.message = "out-of-fold importance: fold " + std::to_string(f + 1) +
                                " of " + std::to_string(k) + " explained";
                if (!report(progress, event)) {
                    stop = true;
                }
            },
            stop);
    if (stop.load()) {
        return;
    }
    for (std::size_t i = 0; i < algorithms.size(); ++i) {
        FeatureImportance out = parts[i * k].names;
        out.basis = FeatureImportance::Rows::OutOfFold;
        // By name, in the final model's attribute order; folds in order, so the sums do not
        // depend on the thread count.
        NamedSums sums;
        for (const auto& attribute : result.models.at(algorithms[i])->pipeline().attributes()) {
            sums.emplace_back(attribute.name, 0.0);
        }
        std::size_t rows = 0;
        for (std::size_t f = 0; f < k; ++f) {
            const Part& part = parts[i * k + f];
            for (const auto& [name, sum] : part.sums) {
                const auto it = std::find_if(sums.begin(), sums.end(),
                                             [&](const auto& s) { return s.first == name; });
                if (it != sums.end()) {
                    it->second += sum;
                }
            }
            rows += part.rows;
        }
        rankMeans(sums, rows, out);
        result.importance[algorithms[i]] = std::move(out);
    }
}

TrainingResult trainModels(const TrainingParams& params, const Dataset& data,
                           const ProgressSink& progress)
{
    // The importance refits each algorithm once per fold of one repeat: about 1 / (trials ×
    // repeats) of the search, plus the explanations.
    constexpr double kTrainShare = 0.95;
    const auto scaled = [&progress](double begin, double end) -> ProgressSink {
        return [&progress, begin, end](const ProgressEvent& event) {
            if (event.stage == "done") {
                return true; // said once, after the importance
            }
            ProgressEvent e = event;
            e.fraction = begin + (end - begin) * event.fraction;
            return report(progress, e);
        };
    };
    TrainingResult result = TrainingJob(params).run(data, scaled(0.0, kTrainShare));
    if (result.cancelled || result.models.empty()) {
        return result;
    }
    std::atomic<bool> stopped{false}; // the sink runs on worker threads
    const ProgressSink tail = scaled(kTrainShare, 1.0);
    addOutOfFoldImportance(result, data, [&](const ProgressEvent& event) {
        if (!tail(event)) {
            stopped = true;
        }
        return !stopped.load();
    });
    if (stopped.load()) {
        result.cancelled = true;
        return result;
    }
    (void)report(progress, {"done", 1.0, 1, 1, "training finished", {}, {}, {}});
    return result;
}

RepeatSpread scoreSpreadAcrossRepeats(const OutOfFold& oof)
{
    RepeatSpread out;
    if (oof.repeats < 2 || oof.calibrated.size() != oof.repeats * oof.rows) {
        return out;
    }
    out.mean.reserve(oof.rows);
    out.sd.reserve(oof.rows);
    std::vector<double> perRepeat(oof.repeats);
    for (std::size_t row = 0; row < oof.rows; ++row) {
        for (std::size_t r = 0; r < oof.repeats; ++r) {
            perRepeat[r] = oof.calibrated[r * oof.rows + row];
        }
        const Spread s = spreadOf(perRepeat);
        out.mean.push_back(s.mean);
        out.sd.push_back(s.sd);
    }
    return out;
}

} // namespace credit::core
