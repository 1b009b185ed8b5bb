// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "eval/metric_set.h"
#include "eval/probability_metrics.h"
#include "eval/threshold_metrics.h"

#include <QTest>

#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

using namespace credit::core; // NOLINT: test file only

Q_DECLARE_METATYPE(credit::core::ConfusionCounts)

#include "support/eval_test_support.h" // Scores, Labels, CREDIT_COMPARE_NEAR

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Six applicants used by several cases. Bads (label 1): 0.35, 0.8, 0.2.
const Scores kSixScores{0.1, 0.4, 0.35, 0.8, 0.2, 0.6};
const Labels kSixLabels{0, 0, 1, 1, 1, 0};

} // namespace

class TestMetrics : public QObject
{
    Q_OBJECT

private slots:
    void thresholdMetrics_data()
    {
        QTest::addColumn<Scores>("scores");
        QTest::addColumn<Labels>("labels");
        QTest::addColumn<double>("threshold");
        QTest::addColumn<ConfusionCounts>("counts");
        // accuracy, precision, recall, f1, specificity, npv, fpr, acceptance, bad rate accepted
        QTest::addColumn<Scores>("rates");

        // t = 0.3 rejects 0.4 G (FP), 0.35 B (TP), 0.8 B (TP), 0.6 G (FP); accepts 0.1 G (TN),
        // 0.2 B (FN). TP 2 FP 2 TN 1 FN 1: accuracy 3/6, precision 2/4, recall 2/3,
        // F1 = 4/(4+2+1), specificity 1/3, NPV 1/2, FPR 2/3, accepted 2/6, bad rate 1/2.
        QTest::newRow("t=0.3") << kSixScores << kSixLabels << 0.3 << ConfusionCounts{2, 2, 1, 1}
                               << Scores{0.5, 0.5,     2.0 / 3, 4.0 / 7, 1.0 / 3,
                                         0.5, 2.0 / 3, 1.0 / 3, 0.5};
        // Boundary: "score > t" accepts the 0.35 bad itself. Rejected 0.4 G, 0.8 B, 0.6 G:
        // TP 1 FP 2 TN 1 FN 2: accuracy 2/6, precision 1/3, recall 1/3, F1 2/(2+2+2),
        // specificity 1/3, NPV 1/3, FPR 2/3, accepted 3/6, bad rate 2/3.
        QTest::newRow("t equals a score")
            << kSixScores << kSixLabels << 0.35 << ConfusionCounts{1, 2, 1, 2}
            << Scores{1.0 / 3, 1.0 / 3, 1.0 / 3, 1.0 / 3, 1.0 / 3, 1.0 / 3, 2.0 / 3, 0.5, 2.0 / 3};
        // Nobody rejected: precision 0/0 → NaN; F1 = 0/(0+0+3) = 0; everything accepted.
        QTest::newRow("reject nobody")
            << kSixScores << kSixLabels << 0.9 << ConfusionCounts{0, 0, 3, 3}
            << Scores{0.5, kNaN, 0.0, 0.0, 1.0, 0.5, 0.0, 1.0, 0.5};
        // Everybody rejected: NPV and bad rate among accepted are 0/0 → NaN.
        QTest::newRow("reject everybody")
            << kSixScores << kSixLabels << 0.0 << ConfusionCounts{3, 3, 0, 0}
            << Scores{0.5, 0.5, 1.0, 2.0 / 3, 0.0, kNaN, 1.0, 0.0, kNaN};
        // No bads: recall 0/0 → NaN; F1 = 0/(0+1+0) = 0.
        QTest::newRow("all good") << Scores{0.2, 0.7} << Labels{0, 0} << 0.5
                                  << ConfusionCounts{0, 1, 1, 0}
                                  << Scores{0.5, 0.0, kNaN, 0.0, 0.5, 1.0, 0.5, 0.5, 0.0};
        QTest::newRow("empty") << Scores{} << Labels{} << 0.5 << ConfusionCounts{}
                               << Scores{kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
    }

    void thresholdMetrics()
    {
        QFETCH(Scores, scores);
        QFETCH(Labels, labels);
        QFETCH(double, threshold);
        QFETCH(ConfusionCounts, counts);
        QFETCH(Scores, rates);

        QVERIFY(confusionAt(scores, labels, threshold) == counts);
        const ThresholdMetrics m = credit::core::thresholdMetrics(scores, labels, threshold);
        QVERIFY(m.counts == counts);
        CREDIT_COMPARE_NEAR(m.threshold, threshold, 0.0);
        CREDIT_COMPARE_NEAR(m.accuracy, rates[0], 1e-15);
        CREDIT_COMPARE_NEAR(m.precision, rates[1], 1e-15);
        CREDIT_COMPARE_NEAR(m.recall, rates[2], 1e-15);
        CREDIT_COMPARE_NEAR(m.f1, rates[3], 1e-15);
        CREDIT_COMPARE_NEAR(m.specificity, rates[4], 1e-15);
        CREDIT_COMPARE_NEAR(m.npv, rates[5], 1e-15);
        CREDIT_COMPARE_NEAR(m.fpr, rates[6], 1e-15);
        CREDIT_COMPARE_NEAR(m.acceptanceRate, rates[7], 1e-15);
        CREDIT_COMPARE_NEAR(m.badRateAccepted, rates[8], 1e-15);
    }

    void thresholdRejectsNaN()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, confusionAt(kSixScores, kSixLabels, kNaN));
    }

    void probabilityScores_data()
    {
        QTest::addColumn<Scores>("probabilities");
        QTest::addColumn<Labels>("labels");
        QTest::addColumn<double>("brier");
        QTest::addColumn<double>("logLoss");

        // Brier: (0.2² + 0.3² + 0.5² + 0.1²)/4 = 0.39/4.
        // Log loss: −(ln 0.8 + ln 0.7 + ln 0.5 + ln 0.9)/4.
        QTest::newRow("mixed") << Scores{0.8, 0.3, 0.5, 0.1} << Labels{1, 0, 1, 0} << 0.0975
                               << -(std::log(0.8) + std::log(0.7) + std::log(0.5) + std::log(0.9)) /
                                      4.0;
        // Confident and wrong: p clipped to 1e-15 / 1 − 1e-15, so each row costs
        // −ln(1e-15) = 34.538776394910684 nats instead of infinity.
        QTest::newRow("confidently wrong")
            << Scores{0.0, 1.0} << Labels{1, 0} << 1.0 << -std::log(1e-15);
        // Confident and right: Brier 0; the good's p = 0 is floored at 1e-15, costing
        // −ln(1 − 1e-15); the bad's p = 1 costs −ln 1 = 0. Mean: half of the first.
        QTest::newRow("confidently right")
            << Scores{0.0, 1.0} << Labels{0, 1} << 0.0 << -std::log1p(-1e-15) / 2.0;
        QTest::newRow("empty") << Scores{} << Labels{} << kNaN << kNaN;
    }

    void probabilityScores()
    {
        QFETCH(Scores, probabilities);
        QFETCH(Labels, labels);
        QFETCH(double, brier);
        QFETCH(double, logLoss);
        CREDIT_COMPARE_NEAR(brierScore(probabilities, labels), brier, 1e-15);
        CREDIT_COMPARE_NEAR(credit::core::logLoss(probabilities, labels), logLoss, 1e-14);
    }

    void probabilityScoresRejectNonProbabilities()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, brierScore(Scores{0.5, 1.2}, Labels{0, 1}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 credit::core::logLoss(Scores{-0.1}, Labels{0}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 credit::core::logLoss(Scores{0.5}, Labels{0}, 0.0));
    }

    void metricSetByHand()
    {
        // Sorted: 0.8 B, 0.6 G, 0.4 G, 0.35 B, 0.2 B, 0.1 G (P = N = 3).
        // AUC: good 0.6 and 0.4 each have 1 bad above, 0.1 has 3 → 5/9; Gini 1/9.
        // (FPR, TPR): (0,1/3) (1/3,1/3) (2/3,1/3) (2/3,2/3) (2/3,1) (1,1) → KS 1/3 first at t 0.6.
        // AP = 1/3·1 + 1/3·2/4 + 1/3·3/5 = 0.7.
        // Brier: (0.01 + 0.16 + 0.4225 + 0.04 + 0.64 + 0.36)/6 = 1.6325/6.
        // Cost threshold 1/6 rejects all but 0.1: TP 3 FP 2 TN 1 FN 0 → accuracy 4/6,
        // precision 3/5, recall 1, F1 6/8, specificity 1/3, NPV 1, cost 2·1/6 = 1/3.
        // Empirical: cost after rejecting k groups (5·FN + FP)/6 = 15, 10, 11, 12, 7, 2, 3
        // (/6) → minimum 2/6 with 0.1 the highest accepted score.
        const MetricSet set = computeMetricSet(kSixScores, kSixLabels);
        QCOMPARE(set.rows, std::size_t(6));
        QCOMPARE(set.positives, std::size_t(3));
        QVERIFY(!set.degenerate);
        CREDIT_COMPARE_NEAR(set.auc, 5.0 / 9.0, 1e-12);
        CREDIT_COMPARE_NEAR(set.gini, 1.0 / 9.0, 1e-12);
        CREDIT_COMPARE_NEAR(set.ks, 1.0 / 3.0, 1e-12);
        CREDIT_COMPARE_NEAR(set.ap, 0.7, 1e-12);
        CREDIT_COMPARE_NEAR(set.brier, 1.6325 / 6.0, 1e-12);
        CREDIT_COMPARE_NEAR(set.logLoss,
                            -(std::log(0.9) + std::log(0.6) + std::log(0.35) + std::log(0.8) +
                              std::log(0.2) + std::log(0.4)) /
                                6.0,
                            1e-12);
        CREDIT_COMPARE_NEAR(set.costThreshold, 1.0 / 6.0, 1e-15);
        QVERIFY(set.atCostThreshold.counts == (ConfusionCounts{3, 2, 1, 0}));
        CREDIT_COMPARE_NEAR(set.atCostThreshold.accuracy, 4.0 / 6.0, 1e-15);
        CREDIT_COMPARE_NEAR(set.atCostThreshold.precision, 0.6, 1e-15);
        CREDIT_COMPARE_NEAR(set.atCostThreshold.recall, 1.0, 1e-15);
        CREDIT_COMPARE_NEAR(set.atCostThreshold.f1, 0.75, 1e-15);
        CREDIT_COMPARE_NEAR(set.atCostThreshold.specificity, 1.0 / 3.0, 1e-15);
        CREDIT_COMPARE_NEAR(set.atCostThreshold.npv, 1.0, 1e-15);
        CREDIT_COMPARE_NEAR(set.expectedCost, 1.0 / 3.0, 1e-15);
        CREDIT_COMPARE_NEAR(set.empiricalThreshold, 0.1, 0.0);
        CREDIT_COMPARE_NEAR(set.empiricalCost, 1.0 / 3.0, 1e-15);

        const auto map = set.toMap();
        QCOMPARE(map.size(), std::size_t(16));
        CREDIT_COMPARE_NEAR(map.at("auc"), 5.0 / 9.0, 1e-12);
        CREDIT_COMPARE_NEAR(map.at("f1"), 0.75, 1e-15);
        CREDIT_COMPARE_NEAR(map.at("expected_cost"), 1.0 / 3.0, 1e-15);
        CREDIT_COMPARE_NEAR(map.at("cost_threshold"), 1.0 / 6.0, 1e-15);
    }

    void metricSetWithPriorShift()
    {
        // Sample bad rate 1/2 (labels), population 1/5, default matrix. Bayes threshold on
        // the sample scale: map 1/6 back with the rates swapped:
        // bad = (1/6)·(1/2)/(1/5) = 5/12, good = (5/6)·(1/2)/(4/5) = 25/48 → (20/48)/(45/48) = 4/9.
        // p > 4/9 rejects 0.8 B and 0.6 G: TP 1 FP 1 TN 2 FN 2. Weights: bad 0.2/0.5 = 0.4,
        // good 0.8/0.5 = 1.6; cost = (0.4·2·5 + 1.6·1)/6 = 5.6/6.
        MetricSetParams params;
        params.cost.prior.populationBadRate = 0.2;
        const MetricSet set = computeMetricSet(kSixScores, kSixLabels, params);
        CREDIT_COMPARE_NEAR(set.costThreshold, 4.0 / 9.0, 1e-15);
        QVERIFY(set.atCostThreshold.counts == (ConfusionCounts{1, 1, 2, 2}));
        CREDIT_COMPARE_NEAR(set.expectedCost, 5.6 / 6.0, 1e-14);
        CREDIT_COMPARE_NEAR(set.auc, 5.0 / 9.0, 1e-12); // ranking metrics unaffected
    }

    void metricSetDegenerate()
    {
        const MetricSet set = computeMetricSet(Scores{0.1, 0.3}, Labels{0, 0});
        QVERIFY(set.degenerate);
        QVERIFY(!set.warnings.empty());
        QVERIFY(std::isnan(set.auc));
        QVERIFY(std::isnan(set.ap));
        QVERIFY(std::isnan(set.ks));
        // Brier is still defined: (0.01 + 0.09)/2; nobody rejected at 1/6 except 0.3: cost 1/2.
        CREDIT_COMPARE_NEAR(set.brier, 0.05, 1e-15);
        CREDIT_COMPARE_NEAR(set.expectedCost, 0.5, 1e-15);
        // Best is accepting everybody: cost 0 at the highest score.
        CREDIT_COMPARE_NEAR(set.empiricalCost, 0.0, 0.0);
        CREDIT_COMPARE_NEAR(set.empiricalThreshold, 0.3, 0.0);

        const MetricSet empty = computeMetricSet(Scores{}, Labels{});
        QVERIFY(empty.degenerate);
        QVERIFY(std::isnan(empty.expectedCost));
        QVERIFY(std::isnan(empty.brier));
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "test_metrics.moc"
