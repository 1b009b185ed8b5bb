// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <span>

namespace credit::core {

/// The probability given to the observed class is floored at kLogLossEpsilon before the
/// logarithm (scikit-learn clips p to [ε, 1 − ε]; this is the same, without the rounding of
/// 1 − ε), so a confident mistake costs at most −ln(1e-15) ≈ 34.5 nats.
inline constexpr double kLogLossEpsilon = 1e-15;

/// Brier score: mean of (p − y)² over rows, in [0, 1]; lower is better (0.25 for a constant
/// 0.5). `probabilities` are P(bad) in [0, 1], `labels` 1 = bad.
/// - Empty input: NaN.
/// - Throws std::invalid_argument for mismatched lengths, labels other than 0/1, or a
///   probability that is NaN or outside [0, 1].
/// - Cost O(n).
double brierScore(std::span<const double> probabilities, std::span<const std::uint8_t> labels);

/// Log loss (binary cross-entropy) in nats per row: −mean(y·ln p + (1 − y)·ln(1 − p)) with p
/// and 1 − p floored at epsilon; in [0, −ln epsilon]. Same input rules as brierScore();
/// `epsilon` must lie in (0, 0.5) (else std::invalid_argument). Empty input: NaN. Cost O(n).
double logLoss(std::span<const double> probabilities, std::span<const std::uint8_t> labels,
               double epsilon = kLogLossEpsilon);

} // namespace credit::core
