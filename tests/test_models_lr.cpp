// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "models/logistic_regression.h"

#include <QtTest/QtTest>

#include <cmath>
#include <random>

using namespace credit::core;

class TestModelsLr : public QObject
{
    Q_OBJECT

private slots:
    // One binary feature: x = 0 → 3 bad of 10, x = 1 → 7 bad of 10. Worked by hand, the
    // maximum-likelihood fit is the pair of group logits: intercept logit(0.3), slope
    // logit(0.7) - logit(0.3), with Wald errors sqrt(1/3 + 1/7) and sqrt(2/3 + 2/7).
    void coefficientTableMatchesHandWorkedFit()
    {
        Matrix x(20, 1);
        std::vector<std::uint8_t> y(20);
        for (int i = 0; i < 20; ++i) {
            x(i, 0) = i < 10 ? 0.0 : 1.0;
            y[std::size_t(i)] = (i < 10 ? i < 3 : i < 17) ? 1 : 0;
        }
        LogisticRegression lr;
        lr.setParams({{"C", 1e9}});
        FitOptions options;
        options.featureNames = {"flag"};
        lr.fit(x, y, options);
        QVERIFY(lr.converged());
        const auto table = lr.coefficientTable();
        QCOMPARE(table.size(), std::size_t(2));
        const double logit3 = std::log(0.3 / 0.7);
        QCOMPARE(table[0].name, std::string("(intercept)"));
        QVERIFY(std::abs(table[0].estimate - logit3) < 1e-6);
        QVERIFY(std::abs(table[0].standardError - std::sqrt(1.0 / 3 + 1.0 / 7)) < 1e-6);
        QCOMPARE(table[1].name, std::string("flag"));
        QVERIFY(std::abs(table[1].estimate + 2.0 * logit3) < 1e-6);
        const double se = std::sqrt(2.0 / 3 + 2.0 / 7);
        QVERIFY(std::abs(table[1].standardError - se) < 1e-6);
        QVERIFY(std::abs(table[1].z - table[1].estimate / se) < 1e-5);
        QVERIFY(std::abs(table[1].oddsRatio - (0.7 / 0.3) * (0.7 / 0.3)) < 1e-5);
        // Two-sided normal p-value of z = 1.7364: 0.0825.
        QVERIFY(std::abs(table[1].pValue - 0.0825) < 5e-4);
        const Vector p = lr.predictProba(x);
        QVERIFY(std::abs(p[0] - 0.3) < 1e-6);
        QVERIFY(std::abs(p[19] - 0.7) < 1e-6);
    }

    void penaltyShrinksSlopesNotIntercept()
    {
        std::mt19937_64 rng(3);
        std::normal_distribution<double> normal;
        Matrix x(500, 3);
        std::vector<std::uint8_t> y(500);
        for (int i = 0; i < 500; ++i) {
            for (int j = 0; j < 3; ++j) {
                x(i, j) = normal(rng);
            }
            const double eta = -1.0 + 1.5 * x(i, 0) - 0.5 * x(i, 1);
            y[std::size_t(i)] = std::bernoulli_distribution(1.0 / (1.0 + std::exp(-eta)))(rng);
        }
        LogisticRegression loose;
        loose.setParams({{"C", 1e6}});
        loose.fit(x, y, {});
        LogisticRegression tight;
        tight.setParams({{"C", 1e-3}});
        tight.fit(x, y, {});
        QVERIFY(std::abs(loose.coefficients()[0] - 1.5) < 0.3);
        QVERIFY(std::abs(loose.coefficients()[1] + 0.5) < 0.25);
        QVERIFY(tight.coefficients().norm() < 0.2 * loose.coefficients().norm());
        // The unpenalised intercept tracks the base rate even when the slopes vanish.
        double rate = 0.0;
        for (auto v : y) {
            rate += v;
        }
        rate /= 500.0;
        QVERIFY(std::abs(tight.predictProba(x).mean() - rate) < 0.01);
    }

    void resultDoesNotDependOnThreads()
    {
        std::mt19937_64 rng(5);
        std::normal_distribution<double> normal;
        const int n = 50000; // several 16k-row work units
        Matrix x(n, 8);
        std::vector<std::uint8_t> y(n);
        for (int i = 0; i < n; ++i) {
            for (int j = 0; j < 8; ++j) {
                x(i, j) = normal(rng);
            }
            y[std::size_t(i)] =
                std::bernoulli_distribution(1.0 / (1.0 + std::exp(-(x(i, 0) - x(i, 3)))))(rng);
        }
        LogisticRegression one;
        FitOptions options;
        options.threads = 1;
        one.fit(x, y, options);
        LogisticRegression two;
        options.threads = 2;
        two.fit(x, y, options);
        QVERIFY(one.coefficients() == two.coefficients());
        QCOMPARE(one.intercept(), two.intercept());
        QVERIFY(one.iterations() <= 10);
    }
};

QTEST_GUILESS_MAIN(TestModelsLr)
#include "test_models_lr.moc"
