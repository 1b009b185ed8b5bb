// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "policy/scorecard_scale.h"

#include "io/model_bundle.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace credit::core {

double ScorecardScale::factor() const
{
    return pointsToDouble / std::numbers::ln2;
}

double ScorecardScale::offset() const
{
    return basePoints - factor() * std::log(baseOdds);
}

double ScorecardScale::points(double pd) const
{
    if (std::isnan(pd)) {
        return pd;
    }
    const double p = std::clamp(pd, 1e-12, 1.0 - 1e-12);
    return offset() + factor() * std::log((1.0 - p) / p);
}

double ScorecardScale::probability(double value) const
{
    if (std::isnan(value)) {
        return value;
    }
    // ln(odds) = (points − offset) / factor; PD = 1 / (1 + odds).
    const double logOdds = (value - offset()) / factor();
    return 1.0 / (1.0 + std::exp(logOdds));
}

std::vector<std::string> ScorecardScale::validate() const
{
    std::vector<std::string> problems;
    if (!std::isfinite(basePoints)) {
        problems.push_back("base_points: must be a finite number");
    }
    if (!(baseOdds > 0.0) || !std::isfinite(baseOdds)) {
        problems.push_back("base_odds: must be a number above 0");
    }
    if (!(pointsToDouble > 0.0) || !std::isfinite(pointsToDouble)) {
        problems.push_back("points_to_double: must be a number above 0");
    }
    return problems;
}

} // namespace credit::core
