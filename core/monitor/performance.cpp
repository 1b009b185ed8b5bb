// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "monitor/performance.h"

#include <algorithm>
#include <numeric>

namespace credit::core {

namespace {

/// Expected AUC when row i is bad with probability p_i and the score is p_i: rows sorted by
/// PD, each bad-weight p_i meets the good-weight (1 − p_j) of every lower row; equal PDs count
/// half; self-pairs are taken out of numerator (ties) and denominator.
double expectedAuc(std::span<const double> pds)
{
    std::vector<double> sorted(pds.begin(), pds.end());
    std::sort(sorted.begin(), sorted.end());
    double goodsBelow = 0.0;
    double numerator = 0.0;
    double badTotal = 0.0;
    double goodTotal = 0.0;
    double selfPairs = 0.0;
    for (std::size_t i = 0; i < sorted.size();) {
        std::size_t j = i;
        double groupBad = 0.0;
        double groupGood = 0.0;
        double groupSelf = 0.0;
        while (j < sorted.size() && sorted[j] == sorted[i]) {
            groupBad += sorted[j];
            groupGood += 1.0 - sorted[j];
            groupSelf += sorted[j] * (1.0 - sorted[j]);
            ++j;
        }
        numerator += groupBad * goodsBelow + 0.5 * (groupBad * groupGood - groupSelf);
        goodsBelow += groupGood;
        badTotal += groupBad;
        goodTotal += groupGood;
        selfPairs += groupSelf;
        i = j;
    }
    const double denominator = badTotal * goodTotal - selfPairs;
    return denominator > 0.0 ? numerator / denominator : PerformanceEstimate::kNaN;
}

double rowCost(double badShare, bool rejected, const CostMatrix& costs)
{
    return rejected ? badShare * costs.badRejected + (1.0 - badShare) * costs.goodRejected
                    : badShare * costs.badAccepted + (1.0 - badShare) * costs.goodAccepted;
}

} // namespace

PerformanceEstimate estimatePerformance(std::span<const double> pds,
                                        std::span<const std::uint8_t> rejected,
                                        const CostMatrix& costs)
{
    PerformanceEstimate e;
    e.rows = pds.size();
    if (pds.empty()) {
        return e;
    }
    double sum = 0.0;
    double acceptedBad = 0.0;
    double cost = 0.0;
    std::size_t accepted = 0;
    for (std::size_t i = 0; i < pds.size(); ++i) {
        const bool reject = rejected[i] != 0;
        sum += pds[i];
        cost += rowCost(pds[i], reject, costs);
        if (!reject) {
            ++accepted;
            acceptedBad += pds[i];
        }
    }
    const double n = double(pds.size());
    e.expectedBadRate = sum / n;
    e.acceptanceRate = double(accepted) / n;
    if (accepted > 0) {
        e.expectedBadRateAccepted = acceptedBad / double(accepted);
    }
    e.expectedAuc = expectedAuc(pds);
    e.expectedCost = cost / n;
    return e;
}

RealisedPerformance realisedPerformance(const PeriodPredictions& period, const CostMatrix& costs,
                                        double performanceThreshold, const BootstrapParams& params)
{
    RealisedPerformance r;
    std::vector<double> pds;
    std::vector<double> rejectedScores;
    std::vector<std::uint8_t> rejected;
    std::vector<std::uint8_t> labels;
    for (std::size_t i = 0; i < period.pds.size(); ++i) {
        if (period.outcomes[i] < 0) {
            continue;
        }
        pds.push_back(period.pds[i]);
        rejected.push_back(period.rejected[i]);
        rejectedScores.push_back(period.rejected[i] != 0 ? 1.0 : 0.0);
        labels.push_back(std::uint8_t(period.outcomes[i] == 1 ? 1 : 0));
    }
    r.rows = labels.size();
    r.bads = std::size_t(std::count(labels.begin(), labels.end(), std::uint8_t(1)));
    r.estimateOnSameRows = estimatePerformance(pds, rejected, costs);
    if (r.rows == 0) {
        r.warnings.push_back("no outcome is known for this period");
        return r;
    }
    BootstrapParams plain = params;
    plain.stratified = false;
    r.badRate = bootstrapInterval(
        rejectedScores, labels,
        [](std::span<const double>, std::span<const std::uint8_t> y) {
            return double(std::count(y.begin(), y.end(), std::uint8_t(1))) / double(y.size());
        },
        plain);
    r.acceptanceRate = bootstrapInterval(
        rejectedScores, labels,
        [](std::span<const double> s, std::span<const std::uint8_t>) {
            return double(std::count(s.begin(), s.end(), 0.0)) / double(s.size());
        },
        plain);
    r.badRateAccepted = bootstrapInterval(
        rejectedScores, labels,
        [](std::span<const double> s, std::span<const std::uint8_t> y) {
            std::size_t accepted = 0;
            std::size_t bads = 0;
            for (std::size_t i = 0; i < s.size(); ++i) {
                if (s[i] == 0.0) {
                    ++accepted;
                    bads += y[i];
                }
            }
            return accepted > 0 ? double(bads) / double(accepted) : PerformanceEstimate::kNaN;
        },
        plain);
    r.cost = bootstrapInterval(
        rejectedScores, labels,
        [&costs](std::span<const double> s, std::span<const std::uint8_t> y) {
            double total = 0.0;
            for (std::size_t i = 0; i < s.size(); ++i) {
                total += rowCost(double(y[i]), s[i] != 0.0, costs);
            }
            return total / double(s.size());
        },
        plain);
    if (r.bads == 0 || r.bads == r.rows) {
        r.warnings.push_back("the known outcomes are all of one class: no AUC");
    } else {
        r.auc = bootstrapAuc(pds, labels, params);
        r.belowThreshold = r.auc.estimate < performanceThreshold;
        if (r.belowThreshold) {
            r.warnings.push_back("the realised AUC is below the performance threshold");
        }
    }
    return r;
}

std::vector<GradeBacktest> backtestGrades(const PeriodPredictions& period,
                                          const RiskGrading& grading)
{
    const std::vector<RiskGrade>& grades = grading.grades();
    std::vector<GradeBacktest> tests(grades.size());
    std::vector<double> pdSums(grades.size(), 0.0);
    for (std::size_t g = 0; g < grades.size(); ++g) {
        tests[g].grade = grades[g].name;
        tests[g].lowerPd = grading.lowerPd(g);
        tests[g].upperPd = g + 1 == grades.size() ? 1.0 : grades[g].upperPd;
    }
    for (std::size_t i = 0; i < period.pds.size(); ++i) {
        if (period.outcomes[i] < 0) {
            continue;
        }
        const auto it = std::find_if(grades.begin(), grades.end(), [&](const RiskGrade& grade) {
            return grade.name == period.grades[i];
        });
        if (it == grades.end()) {
            continue;
        }
        GradeBacktest& t = tests[std::size_t(it - grades.begin())];
        ++t.rows;
        t.bads += std::size_t(period.outcomes[i] == 1);
        pdSums[std::size_t(it - grades.begin())] += period.pds[i];
    }
    for (std::size_t g = 0; g < tests.size(); ++g) {
        GradeBacktest& t = tests[g];
        if (t.rows == 0) {
            t.verdict = "no outcomes";
            continue;
        }
        t.meanPd = pdSums[g] / double(t.rows);
        t.badRate = double(t.bads) / double(t.rows);
        t.test = binomialTest(t.bads, t.rows, std::clamp(t.meanPd, 0.0, 1.0));
        t.verdict = t.test.upperTail < 0.05   ? "too many defaults"
                    : t.test.lowerTail < 0.05 ? "too few defaults"
                                              : "consistent";
    }
    return tests;
}

} // namespace credit::core
