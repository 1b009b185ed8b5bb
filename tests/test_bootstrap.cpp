// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "eval/bootstrap.h"
#include "eval/roc_curve.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <stdexcept>
#include <vector>

using namespace credit::core; // NOLINT: test file only

using Scores = std::vector<double>;
using Labels = std::vector<std::uint8_t>;

namespace {

/// 300 rows, a third bad, bads shifted up by 0.3: AUC near 0.75.
void syntheticSample(Scores& scores, Labels& labels)
{
    std::mt19937_64 rng(5);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    scores.resize(300);
    labels.resize(300);
    for (std::size_t i = 0; i < scores.size(); ++i) {
        labels[i] = std::uint8_t(i % 3 == 0 ? 1 : 0);
        scores[i] = (uniform(rng) + (labels[i] != 0 ? 0.3 : 0.0)) / 1.3;
    }
}

double positivesIn(std::span<const double>, std::span<const std::uint8_t> labels)
{
    return double(std::count(labels.begin(), labels.end(), std::uint8_t{1}));
}

} // namespace

class TestBootstrap : public QObject
{
    Q_OBJECT

private slots:
    void quantileByHand_data()
    {
        QTest::addColumn<double>("probability");
        QTest::addColumn<double>("expected");
        // Type 7 on {1, 2, 3, 4}: h = 3p, interpolate between order statistics.
        QTest::newRow("min") << 0.0 << 1.0;
        QTest::newRow("quarter") << 0.25 << 1.75; // h 0.75 → 1 + 0.75·1
        QTest::newRow("median") << 0.5 << 2.5;    // h 1.5
        QTest::newRow("0.975") << 0.975 << 3.925; // h 2.925 → 3 + 0.925
        QTest::newRow("max") << 1.0 << 4.0;
    }

    void quantileByHand()
    {
        QFETCH(double, probability);
        QFETCH(double, expected);
        const Scores values{4.0, 1.0, 3.0, 2.0}; // order does not matter
        QVERIFY(std::abs(quantile(values, probability) - expected) < 1e-12);
    }

    void aucIntervalIsDeterministicAndContainsEstimate()
    {
        Scores scores;
        Labels labels;
        syntheticSample(scores, labels);
        BootstrapParams params;
        params.resamples = 400;
        params.seed = 7;
        const BootstrapInterval first = bootstrapAuc(scores, labels, params);
        const BootstrapInterval second = bootstrapAuc(scores, labels, params);
        QCOMPARE(first.lower, second.lower);
        QCOMPARE(first.upper, second.upper);
        QCOMPARE(first.standardError, second.standardError);
        QCOMPARE(first.estimate, rocAuc(scores, labels));
        QVERIFY(first.lower < first.estimate);
        QVERIFY(first.estimate < first.upper);
        QCOMPARE(first.validResamples, std::size_t(400));
        QVERIFY(first.warnings.empty());
        // Plausible width: the AUC's standard error for n = 300 is about 0.03.
        QVERIFY(first.standardError > 0.01 && first.standardError < 0.06);
        QVERIFY(first.upper - first.lower > 0.04 && first.upper - first.lower < 0.25);

        params.seed = 8;
        const BootstrapInterval other = bootstrapAuc(scores, labels, params);
        QVERIFY(other.lower != first.lower || other.upper != first.upper);
    }

    void stratifiedKeepsClassCounts()
    {
        Scores scores;
        Labels labels;
        syntheticSample(scores, labels);
        BootstrapParams params;
        params.resamples = 200;
        const BootstrapInterval stratified = bootstrapInterval(scores, labels, positivesIn, params);
        QCOMPARE(stratified.lower, 100.0);
        QCOMPARE(stratified.upper, 100.0);
        QCOMPARE(stratified.standardError, 0.0);
        params.stratified = false;
        const BootstrapInterval plain = bootstrapInterval(scores, labels, positivesIn, params);
        QVERIFY(plain.lower < 100.0);
        QVERIFY(plain.upper > 100.0);
    }

    void unstratifiedSkipsOneClassResamples()
    {
        // One bad among four rows: a plain resample misses it with probability (3/4)^4 ≈ 0.32,
        // leaving AUC undefined; those resamples are skipped and reported.
        BootstrapParams params;
        params.resamples = 200;
        params.stratified = false;
        const BootstrapInterval interval =
            bootstrapAuc(Scores{0.1, 0.2, 0.3, 0.9}, Labels{0, 0, 0, 1}, params);
        QVERIFY(interval.validResamples < 200);
        QVERIFY(interval.validResamples > 100);
        QVERIFY(!interval.warnings.empty());
        QCOMPARE(interval.estimate, 1.0);
        QCOMPARE(interval.upper, 1.0);
    }

    void costThresholdSpread()
    {
        Scores scores;
        Labels labels;
        syntheticSample(scores, labels);
        BootstrapParams params;
        params.resamples = 200;
        const BootstrapInterval spread = bootstrapCostThreshold(scores, labels, {}, params);
        const BootstrapInterval again = bootstrapCostThreshold(scores, labels, {}, params);
        QCOMPARE(spread.lower, again.lower);
        QCOMPARE(spread.upper, again.upper);
        QCOMPARE(spread.estimate, costCurve(scores, labels).bestThreshold);
        QVERIFY(spread.lower <= spread.upper);
        const auto [lowest, highest] = std::minmax_element(scores.begin(), scores.end());
        QVERIFY(spread.lower >= std::nextafter(*lowest, -1.0));
        QVERIFY(spread.upper <= *highest);
    }

    void degenerateAndInvalid()
    {
        const BootstrapInterval empty = bootstrapAuc(Scores{}, Labels{});
        QVERIFY(std::isnan(empty.lower));
        QVERIFY(!empty.warnings.empty());
        // Stratified resamples of one-class data stay one class: AUC never defined.
        BootstrapParams small;
        small.resamples = 20;
        const BootstrapInterval oneClass = bootstrapAuc(Scores{0.1, 0.2}, Labels{1, 1}, small);
        QCOMPARE(oneClass.validResamples, std::size_t(0));
        QVERIFY(std::isnan(oneClass.upper));

        BootstrapParams bad;
        bad.confidence = 1.0;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 bootstrapAuc(Scores{0.1, 0.2}, Labels{0, 1}, bad));
        bad = {};
        bad.resamples = 0;
        QVERIFY(!bad.validate().empty());
    }

    void honoursCancellation()
    {
        BootstrapParams params;
        int calls = 0;
        params.progress = [&calls](const ProgressEvent& event) {
            ++calls;
            return event.done < 5;
        };
        QVERIFY_THROWS_EXCEPTION(Cancelled,
                                 bootstrapAuc(Scores{0.1, 0.2, 0.3}, Labels{0, 1, 1}, params));
        QCOMPARE(calls, 5);
    }
};

QTEST_GUILESS_MAIN(TestBootstrap)
#include "test_bootstrap.moc"
