// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "eval/bootstrap.h"
#include "eval/cost_analysis.h"
#include "monitor/stat_tests.h"
#include "policy/risk_grading.h"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace credit::core {

/// The scored rows of a period as the performance figures need them.
struct PeriodPredictions
{
    std::vector<double> pds;            ///< the PD decided on (population scale when corrected)
    std::vector<std::uint8_t> rejected; ///< 1 = rejected
    std::vector<std::int8_t> outcomes;  ///< 1 bad, 0 good, -1 unknown
    std::vector<std::string> grades;
};

/// Performance estimated from the calibrated PDs alone (confidence-based estimation): each
/// row counts as bad with probability p_i, so it adds p_i to the expected bads and 1 − p_i to
/// the expected goods of its decision's column of the confusion matrix.
///
/// - expectedBadRate = mean PD; acceptanceRate = share accepted;
/// - expectedBadRateAccepted = Σ_accepted p_i / accepted (NaN when none is accepted);
/// - expectedAuc = Σ_{i≠j} p_i (1 − p_j) [s_i > s_j] (ties ½) / Σ_{i≠j} p_i (1 − p_j), the
///   AUC expected when outcomes are drawn from the PDs and s = PD (O(n log n), a sort);
/// - expectedCost per applicant with the bundle's cost matrix: accepted rows cost
///   p·badAccepted + (1 − p)·goodAccepted, rejected ones p·badRejected + (1 − p)·goodRejected.
/// Empty input: every figure NaN, rows 0. Valid only as far as the PDs are calibrated for the
/// period's population: that is what the realised figures check.
struct PerformanceEstimate
{
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    std::size_t rows = 0;
    double expectedBadRate = kNaN;
    double acceptanceRate = kNaN;
    double expectedBadRateAccepted = kNaN;
    double expectedAuc = kNaN;
    double expectedCost = kNaN;
};
PerformanceEstimate estimatePerformance(std::span<const double> pds,
                                        std::span<const std::uint8_t> rejected,
                                        const CostMatrix& costs);

/// The same figures realised on the rows whose outcome is known, each with a percentile
/// bootstrap interval (eval/bootstrap.h: plain resampling for rates and cost, stratified for
/// the AUC). `auc` is NaN with a warning when the outcomes hold one class only.
/// `belowThreshold`: the realised AUC is below monitoring.performance_threshold (an alert).
struct RealisedPerformance
{
    std::size_t rows = 0; ///< rows with an outcome
    std::size_t bads = 0;
    BootstrapInterval badRate;
    BootstrapInterval acceptanceRate;
    BootstrapInterval badRateAccepted;
    BootstrapInterval auc;
    BootstrapInterval cost;
    /// The estimate over the same rows, to set beside the realised figures.
    PerformanceEstimate estimateOnSameRows;
    bool belowThreshold = false;
    std::vector<std::string> warnings;
};
/// Rows with an unknown outcome (−1) are left out. Cost: B resamples of O(n log n).
RealisedPerformance realisedPerformance(const PeriodPredictions& period, const CostMatrix& costs,
                                        double performanceThreshold,
                                        const BootstrapParams& params = {});

/// The back-test of one risk grade: its realised bad rate against its PD band, and an exact
/// binomial test of its bads against the grade's mean PD (H0: the PDs are right).
struct GradeBacktest
{
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    std::string grade;
    double lowerPd = 0.0; ///< the band [lowerPd, upperPd)
    double upperPd = 1.0;
    std::size_t rows = 0; ///< rows of the grade with an outcome
    std::size_t bads = 0;
    double meanPd = kNaN; ///< mean PD of those rows (the tested probability)
    double badRate = kNaN;
    BinomialTest test;
    /// "too many defaults" (upper tail < 0.05), "too few defaults" (lower tail < 0.05),
    /// "consistent", or "no outcomes".
    std::string verdict;
};
/// One entry per grade of `grading`, in its order; rows are assigned to grades by their
/// stored grade name (a name not in the grading is counted in none). Only rows with an
/// outcome count.
std::vector<GradeBacktest> backtestGrades(const PeriodPredictions& period,
                                          const RiskGrading& grading);

} // namespace credit::core
