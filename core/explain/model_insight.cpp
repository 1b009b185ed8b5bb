// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "explain/model_insight.h"

#include "models/logistic_regression.h"

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

FeatureImportance featureImportance(const TrainedModel& model, const Dataset& data)
{
    FeatureImportance out;
    const Matrix x = model.pipeline().transform(data);
    const std::vector<std::string> names = model.pipeline().featureNames();
    std::vector<double> values;
    if (const auto* lr = dynamic_cast<const LogisticRegression*>(&model.classifier())) {
        out.kind = FeatureImportance::Kind::Coefficients;
        const Vector& beta = lr->coefficients();
        for (Eigen::Index j = 0; j < beta.size() && j < x.cols(); ++j) {
            const std::vector<double> column(x.col(j).data(), x.col(j).data() + x.rows());
            const double sd = spreadOf(column).sd;
            values.push_back(beta[j] * (std::isfinite(sd) ? sd : 0.0));
        }
    } else if (const std::optional<Contributions> shap = model.classifier().contributions(x)) {
        out.kind = FeatureImportance::Kind::MeanAbsShap;
        for (Eigen::Index j = 0; j + 1 < shap->cols(); ++j) {
            values.push_back(shap->rows() == 0 ? 0.0 : shap->col(j).cwiseAbs().mean());
        }
    } else {
        return out;
    }
    for (std::size_t j = 0; j < values.size() && j < names.size(); ++j) {
        out.values.emplace_back(names[j], values[j]);
    }
    std::stable_sort(out.values.begin(), out.values.end(), [](const auto& a, const auto& b) {
        return std::abs(a.second) > std::abs(b.second);
    });
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
