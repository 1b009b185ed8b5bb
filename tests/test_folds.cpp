// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// Repeated stratified k-fold: partition, stratification, determinism, seed sensitivity, and
// the specified random draws it rests on.
#include "common/bootstrap_sampler.h"
#include "common/seeded_random.h"
#include "common/stratified_kfold.h"

#include <QTest>

#include <algorithm>
#include <set>
#include <stdexcept>

using namespace credit::core;

namespace {

std::vector<std::uint8_t> makeLabels(std::size_t n, std::size_t positives)
{
    // Positives spread through the rows (every row i with i * positives / n stepping up).
    std::vector<std::uint8_t> labels(n, 0);
    for (std::size_t i = 0; i < positives; ++i) {
        labels[i * n / positives] = 1;
    }
    return labels;
}

} // namespace

class TestFolds : public QObject
{
    Q_OBJECT

private slots:
    void partition_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("positives");
        QTest::addColumn<int>("folds");
        QTest::addColumn<int>("repeats");
        QTest::newRow("credit-g shape") << 1000 << 300 << 10 << 5;
        QTest::newRow("uneven") << 103 << 17 << 7 << 3;
        QTest::newRow("two folds") << 10 << 4 << 2 << 2;
        QTest::newRow("leave-one-out") << 12 << 5 << 12 << 1;
    }

    void partition()
    {
        QFETCH(int, rows);
        QFETCH(int, positives);
        QFETCH(int, folds);
        QFETCH(int, repeats);
        const auto labels = makeLabels(std::size_t(rows), std::size_t(positives));
        const FoldPlan plan =
            StratifiedKFold({std::size_t(folds), std::size_t(repeats), 7}).split(labels);
        QCOMPARE(plan.folds.size(), std::size_t(folds * repeats));
        QCOMPARE(plan.foldOfRow.size(), std::size_t(repeats));
        for (int r = 0; r < repeats; ++r) {
            std::vector<int> seen(std::size_t(rows), 0);
            for (int f = 0; f < folds; ++f) {
                const Fold& fold = plan.folds[std::size_t(r * folds + f)];
                QCOMPARE(fold.repeat, std::size_t(r));
                QCOMPARE(fold.index, std::size_t(f));
                QCOMPARE(fold.train.size() + fold.test.size(), std::size_t(rows));
                QVERIFY(std::is_sorted(fold.test.begin(), fold.test.end()));
                QVERIFY(std::is_sorted(fold.train.begin(), fold.train.end()));
                std::set<std::size_t> test(fold.test.begin(), fold.test.end());
                for (const std::size_t row : fold.train) {
                    QVERIFY(!test.count(row)); // train and test are disjoint
                }
                for (const std::size_t row : fold.test) {
                    ++seen[row];
                    QCOMPARE(plan.foldOfRow[std::size_t(r)][row], std::uint32_t(f));
                }
            }
            // Each row is tested exactly once per repeat.
            QVERIFY(std::all_of(seen.begin(), seen.end(), [](int c) { return c == 1; }));
        }
    }

    void stratification_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("positives");
        QTest::addColumn<int>("folds");
        QTest::newRow("credit-g") << 1000 << 300 << 10;
        QTest::newRow("uneven") << 103 << 17 << 7;
        QTest::newRow("rare") << 500 << 9 << 5;
        QTest::newRow("balanced") << 64 << 32 << 3;
    }

    void stratification()
    {
        QFETCH(int, rows);
        QFETCH(int, positives);
        QFETCH(int, folds);
        const auto labels = makeLabels(std::size_t(rows), std::size_t(positives));
        const FoldPlan plan = StratifiedKFold({std::size_t(folds), 4, 99}).split(labels);
        for (std::size_t r = 0; r < 4; ++r) {
            std::size_t minPos = SIZE_MAX, maxPos = 0, minNeg = SIZE_MAX, maxNeg = 0;
            std::size_t minSize = SIZE_MAX, maxSize = 0;
            for (std::size_t f = 0; f < std::size_t(folds); ++f) {
                const Fold& fold = plan.folds[r * std::size_t(folds) + f];
                std::size_t pos = 0;
                for (const std::size_t row : fold.test) {
                    pos += labels[row];
                }
                const std::size_t neg = fold.test.size() - pos;
                minPos = std::min(minPos, pos);
                maxPos = std::max(maxPos, pos);
                minNeg = std::min(minNeg, neg);
                maxNeg = std::max(maxNeg, neg);
                minSize = std::min(minSize, fold.test.size());
                maxSize = std::max(maxSize, fold.test.size());
            }
            QVERIFY2(maxPos - minPos <= 1, "positive counts differ by more than one");
            QVERIFY2(maxNeg - minNeg <= 1, "negative counts differ by more than one");
            QVERIFY2(maxSize - minSize <= 1, "fold sizes differ by more than one");
        }
    }

    void sameSeedSameFolds()
    {
        const auto labels = makeLabels(1000, 300);
        const FoldPlan a = StratifiedKFold({10, 3, 42}).split(labels);
        const FoldPlan b = StratifiedKFold({10, 3, 42}).split(labels);
        QCOMPARE(a.folds.size(), b.folds.size());
        for (std::size_t i = 0; i < a.folds.size(); ++i) {
            QCOMPARE(a.folds[i].test, b.folds[i].test);
            QCOMPARE(a.folds[i].train, b.folds[i].train);
        }
    }

    void differentSeedsOrRepeatsDiffer()
    {
        const auto labels = makeLabels(1000, 300);
        const FoldPlan a = StratifiedKFold({10, 2, 42}).split(labels);
        const FoldPlan b = StratifiedKFold({10, 2, 43}).split(labels);
        QVERIFY(a.foldOfRow[0] != b.foldOfRow[0]);
        // Two repeats of one run are different shuffles too.
        QVERIFY(a.foldOfRow[0] != a.foldOfRow[1]);
        // Not merely a relabelling of folds: the first test fold shares far from all rows.
        std::set<std::size_t> first(a.folds[0].test.begin(), a.folds[0].test.end());
        std::size_t shared = 0;
        for (const std::size_t row : b.folds[0].test) {
            shared += first.count(row);
        }
        QVERIFY(shared < a.folds[0].test.size() / 2);
    }

    void subsetSplitStaysInside()
    {
        const auto labels = makeLabels(200, 60);
        std::vector<std::size_t> rows;
        for (std::size_t i = 0; i < 200; i += 2) {
            rows.push_back(i);
        }
        const FoldPlan plan = StratifiedKFold({5, 1, 3}).split(labels, rows);
        std::vector<int> seen(200, 0);
        for (const Fold& fold : plan.folds) {
            for (const std::size_t row : fold.test) {
                QCOMPARE(row % 2, std::size_t(0));
                ++seen[row];
            }
        }
        for (std::size_t i = 0; i < 200; ++i) {
            QCOMPARE(seen[i], i % 2 == 0 ? 1 : 0);
        }
    }

    void refusesBadParams()
    {
        const auto labels = makeLabels(20, 5);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, StratifiedKFold({1, 1, 0}).split(labels));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, StratifiedKFold({21, 1, 0}).split(labels));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, StratifiedKFold({5, 0, 0}).split(labels));
        // Fewer positives than folds is allowed, with a warning.
        const FoldPlan plan = StratifiedKFold({10, 1, 0}).split(labels);
        QCOMPARE(plan.warnings.size(), std::size_t(1));
    }

    void randomDrawsAreUniformAndSpecified()
    {
        // The first SplitMix64 outputs for seed 0 are published reference values.
        SeededRandom zero(0);
        QCOMPARE(zero.next(), std::uint64_t(0xe220a8397b1dcdafULL));
        QCOMPARE(zero.next(), std::uint64_t(0x6e789e6aa1b965f4ULL));
        // below(6) is unbiased enough to pass a loose chi-square on 60,000 draws.
        SeededRandom random(12345);
        std::vector<int> counts(6, 0);
        for (int i = 0; i < 60000; ++i) {
            const auto v = random.below(6);
            QVERIFY(v < 6);
            ++counts[v];
        }
        double chi2 = 0.0;
        for (const int c : counts) {
            chi2 += (c - 10000.0) * (c - 10000.0) / 10000.0;
        }
        QVERIFY2(chi2 < 25.0, "chi-square with 5 d.o.f. far beyond the 0.01 % tail");
        for (int i = 0; i < 1000; ++i) {
            const double u = random.uniform();
            QVERIFY(u >= 0.0 && u < 1.0);
        }
        QVERIFY(SeededRandom::deriveSeed(1, "rf", 0) != SeededRandom::deriveSeed(1, "rf", 1));
        QVERIFY(SeededRandom::deriveSeed(1, "rf", 0) != SeededRandom::deriveSeed(1, "lr", 0));
        QVERIFY(SeededRandom::deriveSeed(1, "rf", 0) != SeededRandom::deriveSeed(2, "rf", 0));
    }

    // common/: the holdout keeps the class ratio, partitions the rows and depends on the seed
    // only through deriveSeed(seed, "holdout").
    void holdoutIsStratifiedAndSeeded()
    {
        std::vector<std::uint8_t> labels(100, 0);
        std::fill(labels.begin(), labels.begin() + 30, std::uint8_t(1));
        const Holdout a = stratifiedHoldout(labels, 0.2, 7);
        QCOMPARE(a.valid.size(), std::size_t(20)); // 6 bads + 14 goods
        QCOMPARE(std::count_if(a.valid.begin(), a.valid.end(),
                               [&](std::size_t r) { return labels[r] == 1; }),
                 6);
        std::set<std::size_t> all(a.train.begin(), a.train.end());
        all.insert(a.valid.begin(), a.valid.end());
        QCOMPARE(all.size(), labels.size());
        QCOMPARE(stratifiedHoldout(labels, 0.2, 7).valid, a.valid);
        QVERIFY(stratifiedHoldout(labels, 0.2, 8).valid != a.valid);
    }

    // Bootstrap draws: each stratum keeps its count, resample b depends only on (seed, b), and
    // the rows are those of SeededRandom(deriveSeed(seed, "bootstrap", b)).
    void bootstrapDrawsPerResample()
    {
        const std::vector<std::uint8_t> labels = {0, 1, 0, 0, 1, 0, 1, 0};
        const BootstrapSampler sampler(labels, true, 42);
        std::vector<std::size_t> rows;
        sampler.draw(3, rows);
        QCOMPARE(rows.size(), labels.size());
        for (std::size_t j = 0; j < rows.size(); ++j) {
            QCOMPARE(labels[rows[j]], std::uint8_t(j < 5 ? 0 : 1)); // goods first, then bads
        }
        const std::vector<std::size_t> goods = {0, 2, 3, 5, 7};
        SeededRandom random(SeededRandom::deriveSeed(42, "bootstrap", 3));
        for (std::size_t j = 0; j < 5; ++j) {
            QCOMPARE(rows[j], goods[random.below(5)]);
        }
        std::vector<std::size_t> again;
        BootstrapSampler(labels, true, 42).draw(3, again);
        QCOMPARE(again, rows);
        sampler.draw(4, again);
        QVERIFY(again != rows);
    }
};

QTEST_GUILESS_MAIN(TestFolds)
#include "test_folds.moc"
