// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "eval/cost_analysis.h"
#include "eval/profit_analysis.h"

#include <QTest>

#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

using namespace credit::core; // NOLINT: test file only

Q_DECLARE_METATYPE(credit::core::CostMatrix)

#include "support/eval_test_support.h" // Scores, Labels, CREDIT_COMPARE_NEAR

namespace {

// Six applicants, two bads (0.9 and 0.6), sample bad rate 1/3.
const Scores kScores{0.9, 0.7, 0.6, 0.4, 0.3, 0.1};
const Labels kLabels{1, 0, 1, 0, 0, 0};

double below(double x)
{
    return std::nextafter(x, -std::numeric_limits<double>::infinity());
}

} // namespace

class TestCost : public QObject
{
    Q_OBJECT

private slots:
    void bayesThreshold_data()
    {
        QTest::addColumn<CostMatrix>("costs");
        QTest::addColumn<double>("threshold");
        // Regrets: FP 1 − 0 = 1, FN 5 − 0 = 5 → 1/(1 + 5).
        QTest::newRow("German Credit") << CostMatrix{} << 1.0 / 6.0;
        QTest::newRow("4:1") << CostMatrix{4.0, 1.0, 0.0, 0.0} << 1.0 / 5.0;
        // FP regret 1 − (−0.5) = 1.5, FN regret 5 − 1 = 4 → 1.5/5.5 = 3/11.
        QTest::newRow("with gains") << CostMatrix{5.0, 1.0, 1.0, -0.5} << 3.0 / 11.0;
        QTest::newRow("symmetric") << CostMatrix{1.0, 1.0, 0.0, 0.0} << 0.5;
    }

    void bayesThreshold()
    {
        QFETCH(CostMatrix, costs);
        QFETCH(double, threshold);
        QVERIFY(costs.validate().empty());
        CREDIT_COMPARE_NEAR(credit::core::bayesThreshold(costs), threshold, 1e-15);
    }

    void invalidCostMatrix()
    {
        const CostMatrix backwards{1.0, 1.0, 2.0, 0.0}; // rejecting a bad costs more
        QCOMPARE(backwards.validate().size(), std::size_t(1));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, credit::core::bayesThreshold(backwards));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 costCurve(kScores, kLabels, CostParams{backwards, {}}));
        const CostMatrix notFinite{std::numeric_limits<double>::infinity(), 1.0, 0.0, 0.0};
        QVERIFY(!notFinite.validate().empty());
    }

    void costCurveByHand()
    {
        // Default matrix, cost per applicant = (5·FN + 1·FP)/6 after rejecting the top k:
        // k0 accept all FN 2: 10/6 (t 0.9) | k1 −0.9 B: 5/6 (t 0.7) | k2 −0.7 G: 6/6 (t 0.6) |
        // k3 −0.6 B: 1/6 (t 0.4) | k4: 2/6 (t 0.3) | k5: 3/6 (t 0.1) | k6: 4/6 (t below 0.1).
        // Minimum 1/6 at t = 0.4, rejecting 3 of 6: TP 2 FP 1 TN 3 FN 0.
        const CostCurve curve = costCurve(kScores, kLabels);
        const std::vector<CostPoint> expected = {
            {below(0.1), 4.0 / 6, 1.0}, {0.1, 3.0 / 6, 5.0 / 6}, {0.3, 2.0 / 6, 4.0 / 6},
            {0.4, 1.0 / 6, 3.0 / 6},    {0.6, 6.0 / 6, 2.0 / 6}, {0.7, 5.0 / 6, 1.0 / 6},
            {0.9, 10.0 / 6, 0.0}};
        QCOMPARE(curve.points.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            CREDIT_COMPARE_NEAR(curve.points[i].threshold, expected[i].threshold, 0.0);
            CREDIT_COMPARE_NEAR(curve.points[i].costPerApplicant, expected[i].costPerApplicant,
                                1e-15);
            CREDIT_COMPARE_NEAR(curve.points[i].rejectionRate, expected[i].rejectionRate, 1e-15);
        }
        CREDIT_COMPARE_NEAR(curve.bestThreshold, 0.4, 0.0);
        CREDIT_COMPARE_NEAR(curve.bestCost, 1.0 / 6.0, 1e-15);
        CREDIT_COMPARE_NEAR(curve.bestRejectionRate, 0.5, 1e-15);
        QVERIFY(curve.bestCounts == (ConfusionCounts{2, 1, 3, 0}));
        QVERIFY(curve.warnings.empty());

        // The point cost equals a direct evaluation at that threshold, and any threshold in
        // [0.4, 0.6) takes the same decisions.
        CREDIT_COMPARE_NEAR(expectedCost(kScores, kLabels, 0.4), 1.0 / 6.0, 1e-15);
        CREDIT_COMPARE_NEAR(expectedCost(kScores, kLabels, 0.55), 1.0 / 6.0, 1e-15);
        CREDIT_COMPARE_NEAR(expectedCost(confusionAt(kScores, kLabels, 0.65), CostMatrix{}),
                            6.0 / 6.0, 1e-15);
    }

    void costTiesGoToHighestThreshold()
    {
        // Symmetric costs: cost = errors/6. k0: 2/6, k1: 1/6 (t 0.7), k2: 2/6, k3: 1/6
        // (t 0.4), k4: 2/6 … The two minima tie; the higher threshold (0.7) wins.
        const CostCurve curve = costCurve(kScores, kLabels, CostParams{{1.0, 1.0, 0.0, 0.0}, {}});
        CREDIT_COMPARE_NEAR(curve.bestThreshold, 0.7, 0.0);
        CREDIT_COMPARE_NEAR(curve.bestCost, 1.0 / 6.0, 1e-15);
    }

    void costCurveDegenerate()
    {
        const CostCurve empty = costCurve(Scores{}, Labels{});
        QVERIFY(empty.points.empty());
        QVERIFY(std::isnan(empty.bestThreshold));
        QVERIFY(!empty.warnings.empty());
        // All bad: rejecting everybody costs 0 (badRejected), accepting costs 5 each.
        const CostCurve allBad = costCurve(Scores{0.2, 0.5}, Labels{1, 1});
        CREDIT_COMPARE_NEAR(allBad.bestCost, 0.0, 0.0);
        CREDIT_COMPARE_NEAR(allBad.bestRejectionRate, 1.0, 0.0);
        CREDIT_COMPARE_NEAR(allBad.bestThreshold, below(0.2), 0.0);
        // One class with a prior shift: weights are meaningless, ignored with a warning.
        CostParams shifted;
        shifted.prior.populationBadRate = 0.1;
        const CostCurve allGood = costCurve(Scores{0.2, 0.5}, Labels{0, 0}, shifted);
        QVERIFY(!allGood.warnings.empty());
        CREDIT_COMPARE_NEAR(allGood.bestCost, 0.0, 0.0);
        CREDIT_COMPARE_NEAR(allGood.bestThreshold, 0.5, 0.0);
    }

    void priorCorrection_data()
    {
        QTest::addColumn<double>("p");
        QTest::addColumn<double>("sampleRate");
        QTest::addColumn<double>("populationRate");
        QTest::addColumn<double>("adjusted");
        // bad = 0.5·0.1/0.3 = 1/6, good = 0.5·0.9/0.7 = 9/14 → (7/42)/(7/42 + 27/42) = 7/34.
        QTest::newRow("0.5 from 30% to 10%") << 0.5 << 0.3 << 0.1 << 7.0 / 34.0;
        // bad = 0.2·0.2/0.5 = 0.08, good = 0.8·0.8/0.5 = 1.28 → 0.08/1.36 = 1/17.
        QTest::newRow("0.2 from 50% to 20%") << 0.2 << 0.5 << 0.2 << 1.0 / 17.0;
        QTest::newRow("same rates") << 0.37 << 0.3 << 0.3 << 0.37;
        QTest::newRow("zero stays") << 0.0 << 0.3 << 0.1 << 0.0;
        QTest::newRow("one stays") << 1.0 << 0.3 << 0.1 << 1.0;
    }

    void priorCorrection()
    {
        QFETCH(double, p);
        QFETCH(double, sampleRate);
        QFETCH(double, populationRate);
        QFETCH(double, adjusted);
        CREDIT_COMPARE_NEAR(adjustForPrior(p, sampleRate, populationRate), adjusted, 1e-15);
        // The inverse map swaps the rates.
        CREDIT_COMPARE_NEAR(adjustForPrior(adjusted, populationRate, sampleRate), p, 1e-15);
        const std::vector<double> many = adjustForPrior(Scores{p, p}, sampleRate, populationRate);
        CREDIT_COMPARE_NEAR(many[1], adjusted, 1e-15);
    }

    void priorCorrectionRejectsBadRates()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, adjustForPrior(0.5, 0.0, 0.1));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, adjustForPrior(0.5, 0.3, 1.0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, adjustForPrior(1.5, 0.3, 0.1));
    }

    void bayesThresholdOnSampleScale()
    {
        // 1/6 mapped from 10% back to 30%: bad = (1/6)·0.3/0.1 = 1/2,
        // good = (5/6)·0.7/0.9 = 35/54 → (27/54)/(27/54 + 35/54) = 27/62.
        CREDIT_COMPARE_NEAR(bayesThresholdForSample(CostMatrix{}, 0.3, 0.1), 27.0 / 62.0, 1e-15);
        CREDIT_COMPARE_NEAR(adjustForPrior(27.0 / 62.0, 0.3, 0.1), 1.0 / 6.0, 1e-15);
    }

    void priorWeightedCost()
    {
        // Sample rate 1/3 (labels), population 2%: bad weight 0.02/(1/3) = 0.06, good weight
        // 0.98/(2/3) = 1.47; Σ weights = 2·0.06 + 4·1.47 = 6.
        // k0 accept all: 2·0.06·5/6 = 0.1 | k1 (FN 1): 0.3/6 = 0.05 | k2 (FN 1, FP 1):
        // (0.3 + 1.47)/6 | k3 (FP 1): 1.47/6 … → optimum moves to t = 0.7, cost 0.05,
        // weighted rejection rate 0.06/6 = 0.01.
        CostParams params;
        params.prior.populationBadRate = 0.02;
        const CostCurve curve = costCurve(kScores, kLabels, params);
        CREDIT_COMPARE_NEAR(curve.bestThreshold, 0.7, 0.0);
        CREDIT_COMPARE_NEAR(curve.bestCost, 0.05, 1e-15);
        CREDIT_COMPARE_NEAR(curve.bestRejectionRate, 0.01, 1e-15);
        CREDIT_COMPARE_NEAR(curve.points.back().costPerApplicant, 0.1, 1e-15);
        CREDIT_COMPARE_NEAR(expectedCost(kScores, kLabels, 0.4, params), 1.47 / 6.0, 1e-15);
        // An explicit sample rate equal to the labels' rate gives the same figures.
        params.prior.sampleBadRate = 1.0 / 3.0;
        CREDIT_COMPARE_NEAR(expectedCost(kScores, kLabels, 0.4, params), 1.47 / 6.0, 1e-15);
    }

    void profitByHand()
    {
        // Amounts 1000 B, 2000 G, 500 B, 4000 G, 1000 G, 3000 G; margin 10 %, LGD 60 %.
        // Accepting from the lowest score up: reject all 0 | +0.1 G 3000: 300 | +0.3 G 1000:
        // 400 | +0.4 G 4000: 800 | +0.6 B 500: 500 | +0.7 G 2000: 700 | +0.9 B 1000: 100.
        // Best 800 at t = 0.4 with 3 of 6 accepted.
        const Scores amounts{1000, 2000, 500, 4000, 1000, 3000};
        const ProfitCurve curve = profitCurve(kScores, kLabels, amounts);
        const std::vector<ProfitPoint> expected = {
            {below(0.1), 0.0, 0.0, 0.0},   {0.1, 300.0, 1.0 / 6, 3000.0},
            {0.3, 400.0, 2.0 / 6, 4000.0}, {0.4, 800.0, 3.0 / 6, 8000.0},
            {0.6, 500.0, 4.0 / 6, 8500.0}, {0.7, 700.0, 5.0 / 6, 10500.0},
            {0.9, 100.0, 1.0, 11500.0}};
        QCOMPARE(curve.points.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            CREDIT_COMPARE_NEAR(curve.points[i].threshold, expected[i].threshold, 0.0);
            CREDIT_COMPARE_NEAR(curve.points[i].profit, expected[i].profit, 1e-9);
            CREDIT_COMPARE_NEAR(curve.points[i].acceptanceRate, expected[i].acceptanceRate, 1e-15);
            CREDIT_COMPARE_NEAR(curve.points[i].acceptedAmount, expected[i].acceptedAmount, 1e-9);
        }
        CREDIT_COMPARE_NEAR(curve.bestThreshold, 0.4, 0.0);
        CREDIT_COMPARE_NEAR(curve.bestProfit, 800.0, 1e-9);
        CREDIT_COMPARE_NEAR(curve.bestAcceptanceRate, 0.5, 1e-15);
        CREDIT_COMPARE_NEAR(curve.totalAmount, 11500.0, 1e-9);
        // Direct evaluation: t = 0.65 accepts 0.1, 0.3, 0.4, 0.6 → 500.
        CREDIT_COMPARE_NEAR(profitAt(kScores, kLabels, amounts, 0.65), 500.0, 1e-9);
        // Break-even P(bad) = 0.10/(0.10 + 0.60) = 1/7.
        CREDIT_COMPARE_NEAR(breakEvenProbability(ProfitParams{}), 1.0 / 7.0, 1e-15);
        // Other economics, margin 20 %, LGD 20 %: 0 | 600 | 800 | 1600 | −100 → 1500 |
        // +400 → 1900 (t 0.7) | −200 → 1700. Best 1900: only the riskiest bad is refused.
        const ProfitCurve generous = profitCurve(kScores, kLabels, amounts, {0.2, 0.2});
        CREDIT_COMPARE_NEAR(generous.bestProfit, 1900.0, 1e-9);
        CREDIT_COMPARE_NEAR(generous.bestThreshold, 0.7, 0.0);
        CREDIT_COMPARE_NEAR(generous.points.back().profit, 1700.0, 1e-9);
    }

    void profitRejectsInvalidInput()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 profitCurve(Scores{0.1, 0.2}, Labels{0, 1}, Scores{100, -1}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 profitCurve(Scores{0.1, 0.2}, Labels{0, 1}, Scores{100}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 profitAt(Scores{0.1}, Labels{0}, Scores{100}, 0.5, {0.0, 0.6}));
        QVERIFY(!(ProfitParams{0.1, -0.6}.validate().empty()));
        const ProfitCurve empty = profitCurve(Scores{}, Labels{}, Scores{});
        QVERIFY(empty.points.empty());
        QVERIFY(std::isnan(empty.bestProfit));
    }
};

QTEST_GUILESS_MAIN(TestCost)
#include "test_cost.moc"
