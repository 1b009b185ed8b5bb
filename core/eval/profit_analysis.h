// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace credit::core {

/// Amount-aware economics of accepting a loan. A rejected applicant earns and loses nothing.
///
/// Defaults: a good loan earns 10 % of its amount over its life (net interest margin of about
/// 6–8 % a year over the German Credit median duration of 18 months, after funding and
/// servicing costs); a defaulted loan loses 60 % of its amount (unsecured consumer credit;
/// Basel's foundation-IRB 45 % for senior unsecured claims plus collection costs). Their
/// break-even P(bad) is 0.10 / 0.70 = 1/7, close to the 1/6 of the German Credit cost matrix.
struct ProfitParams
{
    double marginGood = 0.10;       ///< share of the amount earned on a good accepted loan, > 0
    double lossGivenDefault = 0.60; ///< share of the amount lost on a bad accepted loan, > 0

    /// Messages naming the offending field; empty = valid. Both must be finite and > 0.
    std::vector<std::string> validate() const;
    bool operator==(const ProfitParams&) const = default;
};

/// Calibrated P(bad) above which an applicant's expected profit is negative whatever the
/// amount: p·LGD·a > (1 − p)·margin·a ⇔ p > margin / (margin + LGD). Reject when p > this.
/// Throws std::invalid_argument for invalid params.
double breakEvenProbability(const ProfitParams& params);

/// Total profit (in the currency of `amounts`) of "accept when score <= threshold":
/// Σ over accepted rows of (good ? marginGood·amount : −lossGivenDefault·amount).
/// Empty input: 0. Throws std::invalid_argument for invalid params, mismatched lengths,
/// labels other than 0/1, non-finite scores, a NaN threshold, or an amount that is negative
/// or not finite.
/// Cost O(n).
double profitAt(std::span<const double> scores, std::span<const std::uint8_t> labels,
                std::span<const double> amounts, double threshold, const ProfitParams& params = {});

/// One point of the profit curve.
struct ProfitPoint
{
    double threshold = 0.0;      ///< accept when score <= threshold
    double profit = 0.0;         ///< total profit of the accepted book
    double acceptanceRate = 0.0; ///< share of applicants accepted, in [0, 1]
    double acceptedAmount = 0.0; ///< total amount lent
};

struct ProfitCurve
{
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

    /// Ordered by rising threshold, as CostCurve: first rejects everybody (profit 0), last
    /// accepts everybody; one point per distinct score plus one; equal scores never split.
    std::vector<ProfitPoint> points;
    double bestThreshold = kNaN; ///< threshold of the most profitable point
    double bestProfit = kNaN;
    double bestAcceptanceRate = kNaN;
    double totalAmount = 0.0; ///< Σ amounts
    std::vector<std::string> warnings;
};

/// Profit at every distinct score threshold and the profit-maximising one.
/// - Ties in profit (within 1e-12 relative) go to the highest threshold (most accepted).
/// - Empty input: no points, NaN figures and a warning.
/// - Throws as profitAt(). Cost O(n log n).
ProfitCurve profitCurve(std::span<const double> scores, std::span<const std::uint8_t> labels,
                        std::span<const double> amounts, const ProfitParams& params = {});

} // namespace credit::core
