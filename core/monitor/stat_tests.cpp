// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "monitor/stat_tests.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace credit::core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kEpsilon = 1e-15;
constexpr int kMaxIterations = 10000;

/// P(a, x) by its series Σ x^n / (a (a+1) … (a+n)), times e^{−x} x^a / Γ(a); converges fast
/// for x < a + 1.
double lowerSeries(double a, double x)
{
    double term = 1.0 / a;
    double sum = term;
    for (int n = 1; n < kMaxIterations; ++n) {
        term *= x / (a + n);
        sum += term;
        if (std::abs(term) < std::abs(sum) * kEpsilon) {
            break;
        }
    }
    return sum * std::exp(-x + a * std::log(x) - std::lgamma(a));
}

/// Q(a, x) by the continued fraction of Γ(a, x) (modified Lentz), for x >= a + 1.
double upperFraction(double a, double x)
{
    constexpr double tiny = 1e-300;
    double b = x + 1.0 - a;
    double c = 1.0 / tiny;
    double d = 1.0 / b;
    double h = d;
    for (int i = 1; i < kMaxIterations; ++i) {
        const double an = -i * (i - a);
        b += 2.0;
        d = an * d + b;
        if (std::abs(d) < tiny) {
            d = tiny;
        }
        c = b + an / c;
        if (std::abs(c) < tiny) {
            c = tiny;
        }
        d = 1.0 / d;
        const double delta = d * c;
        h *= delta;
        if (std::abs(delta - 1.0) < kEpsilon) {
            break;
        }
    }
    return std::exp(-x + a * std::log(x) - std::lgamma(a)) * h;
}

} // namespace

double regularizedGammaQ(double a, double x)
{
    if (!(a > 0.0) || !(x >= 0.0)) {
        return kNaN;
    }
    if (x == 0.0) {
        return 1.0;
    }
    if (std::isinf(x)) {
        return 0.0;
    }
    if (x < a + 1.0) {
        return std::clamp(1.0 - lowerSeries(a, x), 0.0, 1.0);
    }
    return std::clamp(upperFraction(a, x), 0.0, 1.0);
}

double chiSquareSurvival(double x, std::size_t degreesOfFreedom)
{
    if (std::isnan(x)) {
        return kNaN;
    }
    if (degreesOfFreedom == 0 || x <= 0.0) {
        return 1.0;
    }
    return regularizedGammaQ(0.5 * double(degreesOfFreedom), 0.5 * x);
}

BinomialTest binomialTest(std::size_t successes, std::size_t trials, double p)
{
    BinomialTest test;
    if (!(p >= 0.0 && p <= 1.0) || successes > trials) {
        test.lowerTail = test.upperTail = test.twoSided = kNaN;
        return test;
    }
    if (trials == 0) {
        return test;
    }
    // Degenerate p: all mass on 0 or on `trials` successes.
    if (p == 0.0 || p == 1.0) {
        const std::size_t sure = p == 0.0 ? 0 : trials;
        test.lowerTail = successes >= sure ? 1.0 : 0.0;
        test.upperTail = successes <= sure ? 1.0 : 0.0;
        test.twoSided = std::min(1.0, 2.0 * std::min(test.lowerTail, test.upperTail));
        return test;
    }
    const double n = double(trials);
    const double logP = std::log(p);
    const double logQ = std::log1p(-p);
    const auto logMass = [&](std::size_t k) {
        const double kd = double(k);
        return std::lgamma(n + 1.0) - std::lgamma(kd + 1.0) - std::lgamma(n - kd + 1.0) +
               kd * logP + (n - kd) * logQ;
    };
    double lower = 0.0;
    double upper = 0.0;
    for (std::size_t k = 0; k <= trials; ++k) {
        const double mass = std::exp(logMass(k));
        if (k <= successes) {
            lower += mass;
        }
        if (k >= successes) {
            upper += mass;
        }
    }
    test.lowerTail = std::min(1.0, lower);
    test.upperTail = std::min(1.0, upper);
    test.twoSided = std::min(1.0, 2.0 * std::min(test.lowerTail, test.upperTail));
    return test;
}

} // namespace credit::core
