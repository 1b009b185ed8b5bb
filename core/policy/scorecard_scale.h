// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

namespace credit::core {

/// The points scale of a scorecard: points = offset + factor · ln(odds good:bad), with
///
///     factor = pointsToDouble / ln 2,   offset = basePoints − factor · ln(baseOdds)
///
/// Defaults: 600 points at odds 50:1 (good:bad), 20 points to double the odds, so
/// factor = 28.85 and offset = 487.12; PD 1/51 (odds 50:1) scores 600, PD 1/101 scores 620,
/// PD 0.5 scores 487. Higher points = lower risk. The scale is monotone: a cut-off on PD and a
/// cut-off on points are the same rule (reject when PD > t ⇔ points < points(t)).
///
/// Per-attribute points: an attribute contributing c to the log-odds of *bad* lowers the
/// points by factor · c, i.e. its points are −factor · c (see Scorer for calibration).
struct ScorecardScale
{
    double basePoints = 600.0;    ///< points at baseOdds; finite
    double baseOdds = 50.0;       ///< odds good:bad that score basePoints; > 0
    double pointsToDouble = 20.0; ///< PDO: points that double the odds; > 0

    double factor() const;
    double offset() const;
    /// Points of a probability of bad pd in (0, 1). pd ≤ 0 or ≥ 1 is clipped to
    /// [1e-12, 1 − 1e-12] so the result stays finite; NaN gives NaN.
    double points(double pd) const;
    /// Inverse of points(): the PD that scores `points`.
    double probability(double points) const;
    /// Points of one log-odds contribution (to bad): −factor · contribution.
    double contributionPoints(double contribution) const { return -factor() * contribution; }

    /// Messages naming the offending field ("base_points: …", "base_odds: …",
    /// "points_to_double: …"); empty = valid.
    std::vector<std::string> validate() const;

    bool operator==(const ScorecardScale&) const = default;
};

} // namespace credit::core
