// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "models/classifier.h"
#include "models/ensemble_model.h"
#include "models/logistic_regression.h"
#include "models/xgboost_model.h"

#include <QtTest/QtTest>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <sstream>
#include <thread>

using namespace credit::core;

namespace {

struct Problem
{
    Matrix xTrain;
    std::vector<std::uint8_t> yTrain;
    Matrix xTest;
    std::vector<std::uint8_t> yTest;
};

// Rank-based AUC (ties count one half); independent of the eval library.
double auc(const Vector& score, const std::vector<std::uint8_t>& y)
{
    std::vector<std::size_t> order(y.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return score[Eigen::Index(a)] < score[Eigen::Index(b)];
    });
    double rankSum = 0.0;
    double positives = 0.0;
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j < order.size() && score[Eigen::Index(order[j])] == score[Eigen::Index(order[i])]) {
            ++j;
        }
        const double rank = 0.5 * double(i + j + 1);
        for (std::size_t k = i; k < j; ++k) {
            if (y[order[k]]) {
                rankSum += rank;
                positives += 1.0;
            }
        }
        i = j;
    }
    const double negatives = double(y.size()) - positives;
    return (rankSum - positives * (positives + 1.0) / 2.0) / (positives * negatives);
}

// Separable: the class is the sign of x0 + 0.5·x1, with a margin of 0.3 around the boundary;
// the other features are noise.
Problem separable(std::uint64_t seed, int nTrain = 400, int nTest = 400, int p = 6)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal;
    auto draw = [&](int n, Matrix& x, std::vector<std::uint8_t>& y) {
        x.resize(n, p);
        y.clear();
        for (int i = 0; i < n;) {
            Eigen::RowVectorXd row(p);
            for (int j = 0; j < p; ++j) {
                row[j] = normal(rng);
            }
            const double s = row[0] + 0.5 * row[1];
            if (std::abs(s) < 0.3) {
                continue;
            }
            x.row(i++) = row.cast<float>();
            y.push_back(s > 0 ? 1 : 0);
        }
    };
    Problem problem;
    draw(nTrain, problem.xTrain, problem.yTrain);
    draw(nTest, problem.xTest, problem.yTest);
    return problem;
}

// Pure noise: labels independent of the features (30 % positives).
Problem noise(std::uint64_t seed, int nTrain = 500, int nTest = 3000, int p = 6)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal;
    std::bernoulli_distribution label(0.3);
    auto draw = [&](int n, Matrix& x, std::vector<std::uint8_t>& y) {
        x.resize(n, p);
        y.resize(std::size_t(n));
        for (int i = 0; i < n; ++i) {
            for (int j = 0; j < p; ++j) {
                x(i, j) = normal(rng);
            }
            y[std::size_t(i)] = label(rng) ? 1 : 0;
        }
    };
    Problem problem;
    draw(nTrain, problem.xTrain, problem.yTrain);
    draw(nTest, problem.xTest, problem.yTest);
    return problem;
}

// Small settings so that the whole suite stays fast; quality floors still apply.
std::unique_ptr<Classifier> make(const std::string& algorithm)
{
    auto model = createClassifier(algorithm);
    if (algorithm == "rf") {
        model->setParams({{"n_trees", std::int64_t(100)}});
    } else if (algorithm == "ensemble") {
        model->setParams({{"rf.n_trees", std::int64_t(100)}});
    }
    return model;
}

FitOptions seeded(std::uint64_t seed = 7)
{
    FitOptions options;
    options.seed = seed;
    options.threads = 2;
    return options;
}

bool allProbabilities(const Vector& p)
{
    return p.allFinite() && p.minCoeff() >= 0.0 && p.maxCoeff() <= 1.0;
}

} // namespace

class TestModels : public QObject
{
    Q_OBJECT

private slots:
    void registry()
    {
        const auto names = availableAlgorithms();
        QCOMPARE(names, (std::vector<std::string>{"lr", "rf", "gbdt", "svm", "ensemble"}));
        for (const auto& name : names) {
            const auto model = createClassifier(name);
            QCOMPARE(model->algorithm(), name);
            QVERIFY(!model->isFitted());
            QVERIFY2(model->validate().empty(), name.c_str());
            QVERIFY(!model->params().empty());
        }
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, createClassifier("knn"));
    }

    void learnsSeparable_data()
    {
        QTest::addColumn<QString>("algorithm");
        for (const auto& name : availableAlgorithms()) {
            QTest::newRow(name.c_str()) << QString::fromStdString(name);
        }
    }
    void learnsSeparable()
    {
        QFETCH(QString, algorithm);
        const Problem problem = separable(11);
        auto model = make(algorithm.toStdString());
        model->fit(problem.xTrain, problem.yTrain, seeded());
        QVERIFY(model->isFitted());
        const Vector p = model->predictProba(problem.xTest);
        QCOMPARE(p.size(), problem.xTest.rows());
        QVERIFY(allProbabilities(p));
        const double a = auc(p, problem.yTest);
        QVERIFY2(a > 0.97, qPrintable(QStringLiteral("AUC %1").arg(a)));
    }

    void chanceOnNoise_data() { learnsSeparable_data(); }
    void chanceOnNoise()
    {
        QFETCH(QString, algorithm);
        const Problem problem = noise(23);
        auto model = make(algorithm.toStdString());
        model->fit(problem.xTrain, problem.yTrain, seeded());
        const Vector p = model->predictProba(problem.xTest);
        QVERIFY(allProbabilities(p));
        const double a = auc(p, problem.yTest);
        // 3,000 test rows: the sd of a chance AUC is about 0.011.
        QVERIFY2(std::abs(a - 0.5) < 0.05, qPrintable(QStringLiteral("AUC %1").arg(a)));
    }

    void saveLoadCloneIdentical_data() { learnsSeparable_data(); }
    void saveLoadCloneIdentical()
    {
        QFETCH(QString, algorithm);
        const Problem problem = separable(5, 200, 100);
        auto model = make(algorithm.toStdString());
        model->fit(problem.xTrain, problem.yTrain, seeded());
        const Vector expected = model->predictProba(problem.xTest);

        std::stringstream stream;
        model->save(stream);
        auto loaded = createClassifier(algorithm.toStdString());
        loaded->load(stream);
        QVERIFY(loaded->isFitted());
        QVERIFY(loaded->predictProba(problem.xTest) == expected);
        QCOMPARE(loaded->params().size(), model->params().size());

        const auto copy = model->clone();
        QVERIFY(copy->predictProba(problem.xTest) == expected);
        // One-row scoring gives the same number as batch scoring.
        const Vector single = model->predictProba(problem.xTest.topRows(1));
        QVERIFY(std::abs(single[0] - expected[0]) < 1e-12);

        const std::string bytes = stream.str();
        std::stringstream truncated(bytes.substr(0, bytes.size() - 10));
        auto broken = createClassifier(algorithm.toStdString());
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, broken->load(truncated));
        std::stringstream other;
        createClassifier(algorithm == QStringLiteral("lr") ? "svm" : "lr")->save(other);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, broken->load(other));
    }

    void sameSeedSameModel_data() { learnsSeparable_data(); }
    void sameSeedSameModel()
    {
        QFETCH(QString, algorithm);
        const Problem problem = noise(3, 300, 200);
        auto a = make(algorithm.toStdString());
        auto b = make(algorithm.toStdString());
        a->fit(problem.xTrain, problem.yTrain, seeded(99));
        b->fit(problem.xTrain, problem.yTrain, seeded(99));
        QVERIFY(a->predictProba(problem.xTest) == b->predictProba(problem.xTest));
    }

    void contributionsSumToLogOdds_data()
    {
        QTest::addColumn<QString>("algorithm");
        QTest::addColumn<bool>("expected");
        QTest::newRow("lr") << QStringLiteral("lr") << true;
        QTest::newRow("rf") << QStringLiteral("rf") << true;
        QTest::newRow("gbdt") << QStringLiteral("gbdt") << true;
        QTest::newRow("svm") << QStringLiteral("svm") << false;
        QTest::newRow("ensemble with svm") << QStringLiteral("ensemble") << false;
        QTest::newRow("ensemble lr+gbdt") << QStringLiteral("ensemble:lr,gbdt") << true;
        QTest::newRow("stack lr+gbdt") << QStringLiteral("ensemble:lr,gbdt:stack") << true;
    }
    void contributionsSumToLogOdds()
    {
        QFETCH(QString, algorithm);
        QFETCH(bool, expected);
        const QStringList parts = algorithm.split(QLatin1Char(':'));
        auto model = make(parts[0].toStdString());
        if (parts.size() > 1) {
            model->setParams({{"members", parts[1].toStdString()}});
        }
        if (parts.size() > 2) {
            model->setParams({{"method", parts[2].toStdString()}});
        }
        const Problem problem = separable(8, 300, 50);
        model->fit(problem.xTrain, problem.yTrain, seeded());
        const auto c = model->contributions(problem.xTest);
        QCOMPARE(c.has_value(), expected);
        if (!c) {
            return;
        }
        QCOMPARE(c->cols(), problem.xTest.cols() + 1);
        const Vector p = model->predictProba(problem.xTest);
        for (Eigen::Index i = 0; i < p.size(); ++i) {
            const double logOdds = probabilityLogOdds(p[i]);
            QVERIFY2(
                std::abs(c->row(i).sum() - logOdds) < 2e-4 * std::max(1.0, std::abs(logOdds)),
                qPrintable(
                    QStringLiteral("row %1: %2 vs %3").arg(i).arg(c->row(i).sum()).arg(logOdds)));
        }
    }

    void setParamsChecksNamesAndTypes_data() { learnsSeparable_data(); }
    void setParamsChecksNamesAndTypes()
    {
        QFETCH(QString, algorithm);
        auto model = createClassifier(algorithm.toStdString());
        const ParamMap before = model->params();
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 model->setParams({{"no_such_param", std::int64_t(1)}}));
        // Every parameter rejects a value of another kind (a string for numbers and flags,
        // a boolean for strings), and a failed call changes nothing.
        for (const auto& [name, value] : before) {
            const ParamValue wrong = std::holds_alternative<std::string>(value)
                                         ? ParamValue(true)
                                         : ParamValue(std::string("x"));
            QVERIFY_THROWS_EXCEPTION(std::invalid_argument, model->setParams({{name, wrong}}));
        }
        QCOMPARE(model->params(), before);
        // Setting the current values back is accepted.
        model->setParams(before);
        QCOMPARE(model->params(), before);
    }

    void validateFlagsOutOfRange()
    {
        auto lr = createClassifier("lr");
        lr->setParams({{"C", -1.0}});
        QCOMPARE(lr->validate().size(), std::size_t(1));
        QVERIFY(lr->validate().front().rfind("C ", 0) == 0);
        lr->setParams({{"C", std::int64_t(2)}}); // an integer is accepted for a real
        QVERIFY(lr->validate().empty());
        QCOMPARE(std::get<double>(lr->params().at("C")), 2.0);

        auto gbdt = createClassifier("gbdt");
        gbdt->setParams({{"eta", 0.0}, {"max_depth", std::int64_t(0)}});
        QCOMPARE(gbdt->validate().size(), std::size_t(2));
        const Problem problem = separable(1, 100, 10);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 gbdt->fit(problem.xTrain, problem.yTrain, seeded()));

        auto ensemble = createClassifier("ensemble");
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 ensemble->setParams({{"members", std::string("lr,knn")}}));
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument,
            ensemble->setParams({{"svm.C", 2.0}, {"members", std::string("lr,rf")}}));
        ensemble->setParams({{"members", std::string("lr,gbdt")}, {"gbdt.eta", 0.1}});
        QCOMPARE(std::get<double>(ensemble->params().at("gbdt.eta")), 0.1);
        QVERIFY(!ensemble->params().count("svm.C"));
        ensemble->setParams({{"weights", std::string("1,2,3")}});
        QVERIFY(!ensemble->validate().empty());
    }

    void fitRejectsBadInput()
    {
        const Problem problem = separable(2, 50, 10);
        for (const auto& name : availableAlgorithms()) {
            auto model = createClassifier(name);
            std::vector<std::uint8_t> oneClass(problem.yTrain.size(), 0);
            QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                     model->fit(problem.xTrain, oneClass, seeded()));
            Matrix withNaN = problem.xTrain;
            withNaN(3, 1) = std::nan("");
            QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                     model->fit(withNaN, problem.yTrain, seeded()));
            QVERIFY(!model->isFitted());
        }
    }

    void cancelStopsTheFit_data()
    {
        QTest::addColumn<QString>("algorithm");
        for (const auto& name : availableAlgorithms()) {
            QTest::newRow(name.c_str()) << QString::fromStdString(name);
        }
    }
    void cancelStopsTheFit()
    {
        QFETCH(QString, algorithm);
        const Problem problem = separable(4, 200, 10);
        auto model = make(algorithm.toStdString());
        FitOptions options = seeded();
        std::atomic<int> calls{0};
        options.progress = [&](const ProgressEvent& e) { return ++calls < 3 && e.fraction < 0.5; };
        bool cancelled = false;
        try {
            model->fit(problem.xTrain, problem.yTrain, options);
        } catch (const Cancelled&) {
            cancelled = true;
        }
        QVERIFY(cancelled);
        QVERIFY(!model->isFitted());
        QVERIFY(calls >= 1);
    }

    void concurrentPrediction_data() { learnsSeparable_data(); }
    void concurrentPrediction()
    {
        // A fitted model is shared between threads: concurrent calls give the serial answers.
        QFETCH(QString, algorithm);
        const Problem problem = separable(21, 200, 300);
        auto model = make(algorithm.toStdString());
        model->fit(problem.xTrain, problem.yTrain, seeded());
        const Vector expected = model->predictProba(problem.xTest);
        const auto expectedContributions = model->contributions(problem.xTest);
        std::atomic<int> mismatches{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&, t] {
                for (int rep = 0; rep < 20; ++rep) {
                    // Alternate single rows (serial path) and the whole batch.
                    const Eigen::Index row = (t * 20 + rep) % problem.xTest.rows();
                    const Vector one = model->predictProba(problem.xTest.middleRows(row, 1));
                    mismatches += std::abs(one[0] - expected[row]) > 1e-12;
                    mismatches += !(model->predictProba(problem.xTest) == expected);
                    if (expectedContributions && rep % 5 == 0) {
                        mismatches +=
                            !(*model->contributions(problem.xTest) == *expectedContributions);
                    }
                }
            });
        }
        for (auto& thread : threads) {
            thread.join();
        }
        QCOMPARE(mismatches.load(), 0);
    }

    void gbdtEarlyStoppingAndMonotone()
    {
        const Problem problem = noise(9, 600, 10);
        XGBoostModel gbdt(XGBoostModel::Mode::Boosting);
        gbdt.setParams({{"refit", false}});
        gbdt.fit(problem.xTrain, problem.yTrain, seeded());
        // On noise the validation loss stops improving early: far fewer than 300 rounds kept.
        QVERIFY2(gbdt.rounds() < 150, qPrintable(QString::number(gbdt.rounds())));
        QCOMPARE(gbdt.rounds(), gbdt.bestIteration() + 1);

        // A feature whose true effect is negative, constrained to act positively.
        const Problem s = separable(10, 400, 10);
        Matrix flipped = s.xTrain;
        flipped.col(0) *= -1.0;
        FitOptions options = seeded();
        options.monotone = {1, 0, 0, 0, 0, 0};
        XGBoostModel constrained(XGBoostModel::Mode::Boosting);
        constrained.fit(flipped, s.yTrain, options);
        Matrix grid = Matrix::Zero(41, 6);
        for (int i = 0; i < 41; ++i) {
            grid(i, 0) = -3.0 + 0.15 * i;
        }
        const Vector p = constrained.predictProba(grid);
        for (int i = 1; i < 41; ++i) {
            QVERIFY(p[i] >= p[i - 1] - 1e-7);
        }
        options.monotone = {1, 0};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 constrained.fit(flipped, s.yTrain, options));
    }

    void stackingLearnsWeights()
    {
        const Problem problem = separable(12, 300, 300);
        EnsembleModel ensemble;
        ensemble.setParams({{"method", std::string("stack")},
                            {"members", std::string("lr,gbdt")},
                            {"stack_folds", std::int64_t(3)}});
        ensemble.fit(problem.xTrain, problem.yTrain, seeded());
        QVERIFY(ensemble.stacker() != nullptr);
        QCOMPARE(ensemble.stacker()->coefficients().size(), Eigen::Index(2));
        QVERIFY(ensemble.stacker()->coefficients().maxCoeff() > 0.0);
        QVERIFY(auc(ensemble.predictProba(problem.xTest), problem.yTest) > 0.97);
    }
};

QTEST_GUILESS_MAIN(TestModels)
#include "test_models.moc"
