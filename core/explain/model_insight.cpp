// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "explain/model_insight.h"

#include "explain/attribute_explainer.h"

#include <algorithm>
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

FeatureImportance featureImportance(const std::shared_ptr<const TrainedModel>& model,
                                    const Dataset& data, std::size_t maxRows)
{
    FeatureImportance out;
    const AttributeExplainer explainer(model);
    out.method = explanationMethodName(explainer.method());
    out.methodDetail = explainer.methodDetail();
    std::vector<std::size_t> rows;
    const std::size_t n = data.rowCount();
    const std::size_t step = maxRows == 0 || n <= maxRows ? 1 : (n + maxRows - 1) / maxRows;
    for (std::size_t r = 0; r < n; r += step) {
        rows.push_back(r);
    }
    if (rows.empty()) {
        return out;
    }
    const Explanation e = explainer.explain(model->pipeline().transform(data, rows));
    out.rows = rows.size();
    const auto& attributes = model->pipeline().attributes();
    for (std::size_t a = 0; a < attributes.size(); ++a) {
        out.values.emplace_back(attributes[a].name,
                                e.contributions.col(Eigen::Index(a)).cwiseAbs().mean());
    }
    std::stable_sort(out.values.begin(), out.values.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    return out;
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
