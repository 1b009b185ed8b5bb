// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "eval/probability_metrics.h"
#include "eval/reliability_curve.h"
#include "models/calibration.h"

#include <QTest>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <sstream>
#include <stdexcept>
#include <vector>

using namespace credit::core; // NOLINT: test file only

Q_DECLARE_METATYPE(credit::core::PlattInput)
Q_DECLARE_METATYPE(credit::core::CalibrationMethod)

#include "support/eval_test_support.h" // Scores, Labels, CREDIT_COMPARE_NEAR

namespace {

constexpr double kEps = 1e-4; // CalibrationParams::clipEpsilon default

double sigmoid(double z)
{
    return 1.0 / (1.0 + std::exp(-z));
}

/// x ~ U(−3, 3), y ~ Bernoulli(σ(a·x + b)); `scores` holds x or σ(x) (a probability whose
/// logit is x).
void plattSample(double a, double b, bool asProbability, Scores& scores, Labels& labels)
{
    std::mt19937_64 rng(2026);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    scores.resize(20000);
    labels.resize(20000);
    for (std::size_t i = 0; i < scores.size(); ++i) {
        const double x = -3.0 + 6.0 * uniform(rng);
        labels[i] = std::uint8_t(uniform(rng) < sigmoid(a * x + b) ? 1 : 0);
        scores[i] = asProbability ? sigmoid(x) : x;
    }
}

} // namespace

class TestCalibration : public QObject
{
    Q_OBJECT

private slots:
    void isotonicByHand_data()
    {
        QTest::addColumn<Scores>("scores");
        QTest::addColumn<Labels>("labels");
        QTest::addColumn<Scores>("knotX");
        QTest::addColumn<Scores>("knotY");
        QTest::addColumn<Scores>("queries");
        QTest::addColumn<Scores>("expected");

        // Labels 0 1 0 1 1: 1 > 0 at scores 0.2/0.3 violates → pool to 0.5.
        // Blocks [0.1]: 0, [0.2, 0.3]: 0.5, [0.4, 0.5]: 1. Knots at each block's ends.
        // apply: 0.15 halfway 0 → 0.5 = 0.25; 0.35 halfway 0.5 → 1 = 0.75; ends clipped.
        QTest::newRow("one violation")
            << Scores{0.1, 0.2, 0.3, 0.4, 0.5} << Labels{0, 1, 0, 1, 1}
            << Scores{0.1, 0.2, 0.3, 0.4, 0.5} << Scores{0.0, 0.5, 0.5, 1.0, 1.0}
            << Scores{0.05, 0.1, 0.15, 0.25, 0.35, 0.45, 0.6}
            << Scores{kEps, kEps, 0.25, 0.5, 0.75, 1 - kEps, 1 - kEps};
        // Scores 1, 2, 2, 3, 4 with labels 1, 0, 0, 1, 0. Tie group 2 = (0 of 2).
        // Rates 1 | 0 → pool [1, 2] = 1/3; then 1 | 0 → pool [3, 4] = 1/2 ≥ 1/3, stop.
        // apply(2.5) = 1/3 + 0.5·(1/2 − 1/3) = 5/12.
        QTest::newRow("tie group and two pools")
            << Scores{1, 2, 2, 3, 4} << Labels{1, 0, 0, 1, 0} << Scores{1, 2, 3, 4}
            << Scores{1.0 / 3, 1.0 / 3, 0.5, 0.5} << Scores{0.0, 2.0, 2.5, 3.5, 9.0}
            << Scores{1.0 / 3, 1.0 / 3, 5.0 / 12, 0.5, 0.5};
        // Ties pooled first: score 1 = (1 of 2) = 0.5, score 2 = (3 of 4) = 0.75 — already
        // monotone, so no pooling across scores (row by row it would wrongly merge).
        QTest::newRow("ties pooled first")
            << Scores{1, 1, 2, 2, 2, 2} << Labels{1, 0, 0, 1, 1, 1} << Scores{1, 2}
            << Scores{0.5, 0.75} << Scores{1.0, 1.5, 2.0} << Scores{0.5, 0.625, 0.75};
    }

    void isotonicByHand()
    {
        QFETCH(Scores, scores);
        QFETCH(Labels, labels);
        QFETCH(Scores, knotX);
        QFETCH(Scores, knotY);
        QFETCH(Scores, queries);
        QFETCH(Scores, expected);

        Calibrator calibrator({.method = CalibrationMethod::Isotonic});
        calibrator.fit(scores, labels);
        QVERIFY(calibrator.isFitted());
        QCOMPARE(calibrator.knotScores(), knotX);
        QCOMPARE(calibrator.knotRates().size(), knotY.size());
        for (std::size_t i = 0; i < knotY.size(); ++i) {
            CREDIT_COMPARE_NEAR(calibrator.knotRates()[i], knotY[i], 1e-15);
        }
        for (std::size_t i = 0; i < queries.size(); ++i) {
            CREDIT_COMPARE_NEAR(calibrator.apply(queries[i]), expected[i], 1e-15);
        }
        // Clipping keeps the log loss finite even for the confidently wrong training rows.
        QVERIFY(std::isfinite(logLoss(calibrator.apply(scores), labels, 1e-300)));
    }

    void plattTwoPointsByHand()
    {
        // Separable x = −1 (good), +1 (bad). Targets: t+ = (1+1)/(1+2) = 2/3, t− = 1/3.
        // Optimum fits both exactly: σ(a + b) = 2/3, σ(−a + b) = 1/3 → a + b = ln 2,
        // b − a = −ln 2 → a = ln 2, b = 0.
        Calibrator calibrator(
            {.method = CalibrationMethod::Platt, .plattInput = PlattInput::Score});
        const CalibrationFitResult fit = calibrator.fit(Scores{-1.0, 1.0}, Labels{0, 1});
        QVERIFY(fit.converged);
        CREDIT_COMPARE_NEAR(calibrator.plattSlope(), std::log(2.0), 1e-8);
        CREDIT_COMPARE_NEAR(calibrator.plattIntercept(), 0.0, 1e-8);
        CREDIT_COMPARE_NEAR(calibrator.apply(1.0), 2.0 / 3.0, 1e-8);
    }

    void plattRecoversParameters_data()
    {
        QTest::addColumn<PlattInput>("input");
        QTest::addColumn<double>("a");
        QTest::addColumn<double>("b");
        QTest::newRow("raw score") << PlattInput::Score << 1.5 << -0.5;
        QTest::newRow("logit of probability") << PlattInput::Logit << 0.7 << 0.4;
    }

    void plattRecoversParameters()
    {
        QFETCH(PlattInput, input);
        QFETCH(double, a);
        QFETCH(double, b);
        Scores scores;
        Labels labels;
        plattSample(a, b, input == PlattInput::Logit, scores, labels);
        Calibrator calibrator({.method = CalibrationMethod::Platt, .plattInput = input});
        const CalibrationFitResult fit = calibrator.fit(scores, labels);
        QVERIFY(fit.converged);
        QVERIFY(fit.iterations > 0 && fit.iterations < 30);
        // Standard errors for n = 20000 are about 0.01–0.02; allow ~4 of them.
        CREDIT_COMPARE_NEAR(calibrator.plattSlope(), a, 0.07);
        CREDIT_COMPARE_NEAR(calibrator.plattIntercept(), b, 0.07);
    }

    void noneIsIdentity()
    {
        Calibrator calibrator({.method = CalibrationMethod::None});
        QVERIFY(calibrator.isFitted());
        CREDIT_COMPARE_NEAR(calibrator.apply(0.123), 0.123, 0.0);
    }

    void saveLoadRoundTrip_data()
    {
        QTest::addColumn<CalibrationMethod>("method");
        QTest::newRow("none") << CalibrationMethod::None;
        QTest::newRow("platt") << CalibrationMethod::Platt;
        QTest::newRow("isotonic") << CalibrationMethod::Isotonic;
    }

    void saveLoadRoundTrip()
    {
        QFETCH(CalibrationMethod, method);
        Scores scores;
        Labels labels;
        plattSample(2.0, -1.0, true, scores, labels);
        Calibrator original({.method = method});
        original.fit(scores, labels);
        std::stringstream buffer;
        original.save(buffer);
        Calibrator restored;
        restored.load(buffer);
        QVERIFY(restored.params().method == method);
        for (double s = 0.0; s <= 1.0; s += 0.01) {
            QCOMPARE(restored.apply(s), original.apply(s));
        }
    }

    void loadRejectsMalformedStreams()
    {
        Calibrator original({.method = CalibrationMethod::Isotonic});
        original.fit(Scores{0.1, 0.2, 0.3}, Labels{0, 1, 1});
        std::stringstream buffer;
        original.save(buffer);
        const std::string bytes = buffer.str();

        Calibrator target({.method = CalibrationMethod::Platt});
        std::istringstream truncated(bytes.substr(0, bytes.size() - 3));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, target.load(truncated));
        std::string wrongMagic = bytes;
        wrongMagic[0] = 'X';
        std::istringstream magic(wrongMagic);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, target.load(magic));
        // A failed load leaves the object as it was.
        QVERIFY(target.params().method == CalibrationMethod::Platt);
        QVERIFY(!target.isFitted());
    }

    void fitEdgeCases()
    {
        Calibrator platt; // Platt on logits by default
        QVERIFY(!platt.isFitted());
        QVERIFY_THROWS_EXCEPTION(std::logic_error, platt.apply(0.5));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, platt.fit(Scores{}, Labels{}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, platt.fit(Scores{1.5}, Labels{1}));
        const CalibrationFitResult oneClass = platt.fit(Scores{0.2, 0.4}, Labels{0, 0});
        QVERIFY(!oneClass.warnings.empty());
        QVERIFY(platt.apply(0.3) < 0.5);
        QVERIFY(std::isnan(platt.apply(std::numeric_limits<double>::quiet_NaN())));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Calibrator({.clipEpsilon = 0.0}));
    }

    void reliabilityEqualWidth()
    {
        // Two bins. [0, 0.5): 0.05, 0.15, 0.12 → mean 0.32/3, observed 1/3, gap 0.22667;
        // [0.5, 1]: 0.85, 0.95 → mean 0.9, observed 1, gap 0.1.
        // ECE = 3/5·(1/3 − 0.32/3) + 2/5·0.1 = 0.136 + 0.04 = 0.176; MCE = 0.68/3.
        const ReliabilityCurve curve = reliabilityCurve(Scores{0.05, 0.15, 0.12, 0.85, 0.95},
                                                        Labels{0, 0, 1, 1, 1}, {.bins = 2});
        QCOMPARE(curve.bins.size(), std::size_t(2));
        QCOMPARE(curve.bins[0].count, std::size_t(3));
        CREDIT_COMPARE_NEAR(curve.bins[0].meanPredicted, 0.32 / 3.0, 1e-15);
        CREDIT_COMPARE_NEAR(curve.bins[0].observedRate, 1.0 / 3.0, 1e-15);
        CREDIT_COMPARE_NEAR(curve.bins[1].meanPredicted, 0.9, 1e-15);
        CREDIT_COMPARE_NEAR(curve.bins[1].upper, 1.0, 0.0);
        CREDIT_COMPARE_NEAR(curve.ece, 0.176, 1e-15);
        CREDIT_COMPARE_NEAR(curve.mce, 0.68 / 3.0, 1e-15);

        // Ten bins: p = 1 lands in the last bin; empty bins stay, count 0 and NaN means.
        const ReliabilityCurve ten = reliabilityCurve(Scores{0.0, 1.0}, Labels{0, 1});
        QCOMPARE(ten.bins.size(), std::size_t(10));
        QCOMPARE(ten.bins[9].count, std::size_t(1));
        QCOMPARE(ten.bins[5].count, std::size_t(0));
        QVERIFY(std::isnan(ten.bins[5].meanPredicted));
        CREDIT_COMPARE_NEAR(ten.ece, 0.0, 0.0);
    }

    void reliabilityQuantile()
    {
        // Sorted 0.1 (0), 0.2 (0), 0.2 (1), 0.3 (0), 0.4 (1), 0.5 (1); 3 bins → nominal
        // boundaries at ranks 2 and 4. The 0.2 tie straddles rank 2, so bin 1 takes ranks
        // 0–2: mean 0.5/3, observed 1/3; bin 2 rank 3: 0.3 vs 0; bin 3: mean 0.45 vs 1.
        // ECE = 3/6·(1/6) + 1/6·0.3 + 2/6·0.55 = 0.083333 + 0.05 + 0.183333 = 19/60.
        const ReliabilityCurve curve =
            reliabilityCurve(Scores{0.1, 0.2, 0.2, 0.3, 0.4, 0.5}, Labels{0, 0, 1, 0, 1, 1},
                             {.bins = 3, .strategy = BinningStrategy::Quantile});
        QCOMPARE(curve.bins.size(), std::size_t(3));
        QCOMPARE(curve.bins[0].count, std::size_t(3));
        QCOMPARE(curve.bins[1].count, std::size_t(1));
        QCOMPARE(curve.bins[2].count, std::size_t(2));
        CREDIT_COMPARE_NEAR(curve.bins[0].upper, 0.2, 0.0);
        CREDIT_COMPARE_NEAR(curve.bins[2].lower, 0.4, 0.0);
        CREDIT_COMPARE_NEAR(curve.bins[0].meanPredicted, 0.5 / 3.0, 1e-15);
        CREDIT_COMPARE_NEAR(curve.ece, 19.0 / 60.0, 1e-15);
        CREDIT_COMPARE_NEAR(curve.mce, 0.55, 1e-15);
    }

    void reliabilityDegenerate()
    {
        const ReliabilityCurve empty = reliabilityCurve(Scores{}, Labels{});
        QVERIFY(std::isnan(empty.ece));
        QVERIFY(!empty.warnings.empty());
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 reliabilityCurve(Scores{0.5}, Labels{1}, {.bins = 0}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, reliabilityCurve(Scores{1.5}, Labels{1}));
    }
};

QTEST_GUILESS_MAIN(TestCalibration)
#include "test_calibration.moc"
