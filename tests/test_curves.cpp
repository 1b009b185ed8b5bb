// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "eval/curve_downsampling.h"
#include "eval/pr_curve.h"
#include "eval/roc_curve.h"

#include <QTest>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <stdexcept>
#include <vector>

using namespace credit::core; // NOLINT: test file only

#include "support/eval_test_support.h" // Scores, Labels, CREDIT_COMPARE_NEAR

using Indices = std::vector<std::size_t>;
Q_DECLARE_METATYPE(Indices)

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double below(double x)
{
    return std::nextafter(x, -std::numeric_limits<double>::infinity());
}

} // namespace

class TestCurves : public QObject
{
    Q_OBJECT

private slots:
    void rocSummary_data()
    {
        QTest::addColumn<Scores>("scores");
        QTest::addColumn<Labels>("labels");
        QTest::addColumn<double>("auc");
        QTest::addColumn<double>("ks");
        QTest::addColumn<double>("ksThreshold");
        QTest::addColumn<int>("pointCount");

        // Sorted: 0.8 B, 0.4 G, 0.35 B, 0.1 G. Goods: 0.4 has 1 bad above, 0.1 has 2.
        // AUC = (1 + 2) / (2·2) = 0.75. Points (FPR,TPR): (0,0) (0,.5) (.5,.5) (.5,1) (1,1);
        // TPR − FPR peaks at .5 first after rejecting 0.8, i.e. threshold 0.4.
        QTest::newRow("brief example")
            << Scores{0.1, 0.4, 0.35, 0.8} << Labels{0, 0, 1, 1} << 0.75 << 0.5 << 0.4 << 5;
        // 0.9 B | 0.5 {G, B, B} | 0.2 G; P = 3, N = 2. Good 0.5: 1 bad above + ½·2 tied = 2;
        // good 0.2: 3 above. AUC = 5/6. Points: (0,0) (0,1/3) (.5,1) (1,1): KS = .5 at 0.2.
        QTest::newRow("ties across classes")
            << Scores{0.2, 0.5, 0.5, 0.5, 0.9} << Labels{0, 0, 1, 1, 1} << 5.0 / 6.0 << 0.5 << 0.2
            << 4;
        // Perfect ranking: TPR reaches 1 with FPR 0 after rejecting 0.9 and 0.8 (t = 0.2).
        QTest::newRow("perfect") << Scores{0.1, 0.2, 0.8, 0.9} << Labels{0, 0, 1, 1} << 1.0 << 1.0
                                 << 0.2 << 5;
        // One tie group: every pair counts ½; only (0,0) and (1,1) → KS 0 at the first point.
        QTest::newRow("all tied") << Scores{0.5, 0.5, 0.5} << Labels{0, 1, 1} << 0.5 << 0.0 << 0.5
                                  << 2;
        // Reversed: the good scores higher. AUC 0; KS stays 0 at the first point (t = 0.9).
        QTest::newRow("reversed") << Scores{0.9, 0.1} << Labels{0, 1} << 0.0 << 0.0 << 0.9 << 3;
    }

    void rocSummary()
    {
        QFETCH(Scores, scores);
        QFETCH(Labels, labels);
        QFETCH(double, auc);
        QFETCH(double, ks);
        QFETCH(double, ksThreshold);
        QFETCH(int, pointCount);

        const RocCurve roc = rocCurve(scores, labels);
        QVERIFY(!roc.degenerate);
        CREDIT_COMPARE_NEAR(roc.auc, auc, 1e-12);
        CREDIT_COMPARE_NEAR(roc.gini, 2.0 * auc - 1.0, 1e-12);
        CREDIT_COMPARE_NEAR(roc.ks, ks, 1e-12);
        CREDIT_COMPARE_NEAR(roc.ksThreshold, ksThreshold, 0.0);
        CREDIT_COMPARE_NEAR(rocAuc(scores, labels), auc, 1e-12);
        QCOMPARE(int(roc.points.size()), pointCount);
        CREDIT_COMPARE_NEAR(roc.points.front().fpr, 0.0, 0.0);
        CREDIT_COMPARE_NEAR(roc.points.front().tpr, 0.0, 0.0);
        CREDIT_COMPARE_NEAR(roc.points.back().fpr, 1.0, 0.0);
        CREDIT_COMPARE_NEAR(roc.points.back().tpr, 1.0, 0.0);
    }

    void rocPointsOfBriefExample()
    {
        // See rocSummary "brief example": thresholds are the next lower score; the last point
        // sits just below the lowest score so that "score > t" rejects everybody.
        const RocCurve roc = rocCurve(Scores{0.1, 0.4, 0.35, 0.8}, Labels{0, 0, 1, 1});
        const std::vector<RocPoint> expected = {{0.8, 0.0, 0.0},
                                                {0.4, 0.0, 0.5},
                                                {0.35, 0.5, 0.5},
                                                {0.1, 0.5, 1.0},
                                                {below(0.1), 1.0, 1.0}};
        QCOMPARE(roc.points.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            CREDIT_COMPARE_NEAR(roc.points[i].threshold, expected[i].threshold, 0.0);
            CREDIT_COMPARE_NEAR(roc.points[i].fpr, expected[i].fpr, 1e-15);
            CREDIT_COMPARE_NEAR(roc.points[i].tpr, expected[i].tpr, 1e-15);
        }
    }

    void rocDegenerate_data()
    {
        QTest::addColumn<Scores>("scores");
        QTest::addColumn<Labels>("labels");
        QTest::addColumn<bool>("tprDefined");
        QTest::addColumn<bool>("fprDefined");
        QTest::newRow("all bad") << Scores{0.2, 0.7} << Labels{1, 1} << true << false;
        QTest::newRow("all good") << Scores{0.2, 0.7, 0.7} << Labels{0, 0, 0} << false << true;
        QTest::newRow("empty") << Scores{} << Labels{} << false << false;
    }

    void rocDegenerate()
    {
        QFETCH(Scores, scores);
        QFETCH(Labels, labels);
        QFETCH(bool, tprDefined);
        QFETCH(bool, fprDefined);
        const RocCurve roc = rocCurve(scores, labels);
        QVERIFY(roc.degenerate);
        QVERIFY(!roc.warnings.empty());
        QVERIFY(std::isnan(roc.auc));
        QVERIFY(std::isnan(roc.gini));
        QVERIFY(std::isnan(roc.ks));
        QVERIFY(std::isnan(rocAuc(scores, labels)));
        QCOMPARE(roc.points.empty(), scores.empty());
        for (const auto& point : roc.points) {
            QCOMPARE(!std::isnan(point.tpr), tprDefined);
            QCOMPARE(!std::isnan(point.fpr), fprDefined);
        }
    }

    void rejectsInvalidInput_data()
    {
        QTest::addColumn<Scores>("scores");
        QTest::addColumn<Labels>("labels");
        QTest::newRow("length mismatch") << Scores{0.1, 0.2} << Labels{0};
        QTest::newRow("label 2") << Scores{0.1, 0.2} << Labels{0, 2};
        QTest::newRow("NaN score") << Scores{0.1, kNaN} << Labels{0, 1};
        QTest::newRow("infinite score")
            << Scores{0.1, std::numeric_limits<double>::infinity()} << Labels{0, 1};
    }

    void rejectsInvalidInput()
    {
        QFETCH(Scores, scores);
        QFETCH(Labels, labels);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rocCurve(scores, labels));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, prCurve(scores, labels));
    }

    void averagePrecision_data()
    {
        QTest::addColumn<Scores>("scores");
        QTest::addColumn<Labels>("labels");
        QTest::addColumn<double>("ap");

        // 0.8 B: R .5 P 1 | 0.4 G: R .5 P .5 | 0.35 B: R 1 P 2/3 | 0.1 G: R 1 P .5
        // AP = .5·1 + 0 + .5·2/3 + 0 = 5/6.
        QTest::newRow("brief example")
            << Scores{0.1, 0.4, 0.35, 0.8} << Labels{0, 0, 1, 1} << 5.0 / 6.0;
        // 0.9 G: R 0 P 0 | 0.8 B: R 1/3 P 1/2 | 0.7 B: R 2/3 P 2/3 | 0.6 G: R 2/3 P 1/2 |
        // 0.5 B: R 1 P 3/5. AP = 1/3·1/2 + 1/3·2/3 + 0 + 1/3·3/5 = 1/6 + 2/9 + 1/5 = 53/90.
        QTest::newRow("interleaved")
            << Scores{0.9, 0.8, 0.7, 0.6, 0.5} << Labels{0, 1, 1, 0, 1} << 53.0 / 90.0;
        // 0.9 B: R 1/3 P 1 | 0.5 {G,B,B}: R 1 P 3/4 | 0.2 G: R 1 P 3/5.
        // AP = 1/3·1 + 2/3·3/4 = 1/3 + 1/2 = 5/6 (a tie group is one step).
        QTest::newRow("ties across classes")
            << Scores{0.2, 0.5, 0.5, 0.5, 0.9} << Labels{0, 0, 1, 1, 1} << 5.0 / 6.0;
        // No goods: every precision is 1, so AP = 1.
        QTest::newRow("all bad") << Scores{0.3, 0.6} << Labels{1, 1} << 1.0;
        // No bads: recall undefined.
        QTest::newRow("all good") << Scores{0.3, 0.6} << Labels{0, 0} << kNaN;
        QTest::newRow("empty") << Scores{} << Labels{} << kNaN;
    }

    void averagePrecision()
    {
        QFETCH(Scores, scores);
        QFETCH(Labels, labels);
        QFETCH(double, ap);
        const PrCurve pr = prCurve(scores, labels);
        CREDIT_COMPARE_NEAR(pr.averagePrecision, ap, 1e-12);
        CREDIT_COMPARE_NEAR(credit::core::averagePrecision(scores, labels), ap, 1e-12);
        QCOMPARE(pr.degenerate, std::isnan(ap));
        QCOMPARE(pr.warnings.empty(), !std::isnan(ap));
    }

    void prPointsOfBriefExample()
    {
        const PrCurve pr = prCurve(Scores{0.1, 0.4, 0.35, 0.8}, Labels{0, 0, 1, 1});
        // First point: nobody rejected, precision 1 by convention; then one per score group.
        const std::vector<PrPoint> expected = {{0.8, 0.0, 1.0},
                                               {0.4, 0.5, 1.0},
                                               {0.35, 0.5, 0.5},
                                               {0.1, 1.0, 2.0 / 3.0},
                                               {below(0.1), 1.0, 0.5}};
        QCOMPARE(pr.points.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            CREDIT_COMPARE_NEAR(pr.points[i].threshold, expected[i].threshold, 0.0);
            CREDIT_COMPARE_NEAR(pr.points[i].recall, expected[i].recall, 1e-15);
            CREDIT_COMPARE_NEAR(pr.points[i].precision, expected[i].precision, 1e-15);
        }
    }

    void downsampleIndices_data()
    {
        QTest::addColumn<Scores>("x");
        QTest::addColumn<Scores>("y");
        QTest::addColumn<int>("maxPoints");
        QTest::addColumn<Indices>("expected");
        const Scores x{0, 1, 2, 3, 4};
        const Scores y{0, 0, 5, 0, 0};
        // One bucket {1, 2, 3} between the kept ends (0,0) and (4,0): doubled triangle areas
        // are 0, |(0−4)(5−0) − (0−2)(0−0)| = 20 and 0, so the peak (2,5) stays.
        QTest::newRow("peak kept") << x << y << 3 << Indices{0, 2, 4};
        QTest::newRow("no limit") << x << y << 0 << Indices{0, 1, 2, 3, 4};
        QTest::newRow("limit above size") << x << y << 9 << Indices{0, 1, 2, 3, 4};
        QTest::newRow("one") << x << y << 1 << Indices{0};
        QTest::newRow("two") << x << y << 2 << Indices{0, 4};
    }

    void downsampleIndices()
    {
        QFETCH(Scores, x);
        QFETCH(Scores, y);
        QFETCH(int, maxPoints);
        QFETCH(Indices, expected);
        QCOMPARE(credit::core::downsampleIndices(x, y, std::size_t(maxPoints)), expected);
    }

    void downsampledCurvesKeepEndsAndStatistics()
    {
        std::mt19937_64 rng(11);
        std::uniform_real_distribution<double> uniform(0.0, 1.0);
        Scores scores(400);
        Labels labels(400);
        for (std::size_t i = 0; i < scores.size(); ++i) {
            labels[i] = std::uint8_t(i % 3 == 0 ? 1 : 0);
            scores[i] = uniform(rng) + (labels[i] != 0 ? 0.3 : 0.0);
        }
        const RocCurve full = rocCurve(scores, labels);
        const RocCurve small = rocCurve(scores, labels, RocParams{25});
        QCOMPARE(full.points.size(), std::size_t(401));
        QCOMPARE(small.points.size(), std::size_t(25));
        CREDIT_COMPARE_NEAR(small.auc, full.auc, 0.0);
        CREDIT_COMPARE_NEAR(small.ks, full.ks, 0.0);
        CREDIT_COMPARE_NEAR(small.points.front().tpr, 0.0, 0.0);
        CREDIT_COMPARE_NEAR(small.points.back().fpr, 1.0, 0.0);
        for (std::size_t i = 1; i < small.points.size(); ++i) {
            QVERIFY(small.points[i].fpr >= small.points[i - 1].fpr);
            QVERIFY(small.points[i].threshold < small.points[i - 1].threshold);
        }
        const PrCurve pr = prCurve(scores, labels, PrParams{30});
        QCOMPARE(pr.points.size(), std::size_t(30));
        CREDIT_COMPARE_NEAR(pr.averagePrecision, prCurve(scores, labels).averagePrecision, 0.0);
    }
};

QTEST_GUILESS_MAIN(TestCurves)
#include "test_curves.moc"
