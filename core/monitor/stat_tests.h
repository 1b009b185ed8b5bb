// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>

namespace credit::core {

/// Regularised upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a), for a > 0, x >= 0:
/// the series of P(a, x) when x < a + 1, else Lentz's continued fraction (Numerical Recipes
/// §6.2), to a relative accuracy of about 1e-14. NaN for a <= 0, x < 0 or NaN inputs;
/// Q(a, 0) = 1; Q(a, +∞) = 0.
double regularizedGammaQ(double a, double x);

/// P(X >= x) for X ~ χ² with `degreesOfFreedom` degrees: Q(df / 2, x / 2). 1 for df = 0
/// (nothing can be tested) and for x <= 0; NaN for a NaN x.
double chiSquareSurvival(double x, std::size_t degreesOfFreedom);

/// Exact binomial test of `successes` out of `trials` against probability `p` in [0, 1].
struct BinomialTest
{
    double lowerTail = 1.0; ///< P(X <= successes)
    double upperTail = 1.0; ///< P(X >= successes)
    /// Two-sided: 2·min(lower, upper), capped at 1 (the doubling rule; conservative).
    double twoSided = 1.0;
};
/// Sums the binomial probabilities in log space (lgamma), so trials of any size are exact to
/// double precision. trials = 0 gives 1 everywhere; p outside [0, 1] or successes > trials
/// gives NaN. Cost O(trials).
BinomialTest binomialTest(std::size_t successes, std::size_t trials, double p);

} // namespace credit::core
