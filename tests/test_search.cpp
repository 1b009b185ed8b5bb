// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// Search spaces (sampling, ranges, seeding) and RandomSearch (trial bookkeeping, the
// training-fold threshold, best-trial selection) on a slice of German Credit.
#include "data/dataset_reader.h"
#include "eval/cost_analysis.h"
#include "models/calibration.h"
#include "train/random_search.h"
#include "train/search_space.h"

#include <QTest>

#include <cmath>
#include <set>

using namespace credit::core;

class TestSearch : public QObject
{
    Q_OBJECT

private slots:
    void defaultSpacesMatchTheClassifiers()
    {
        for (const std::string algorithm : {"lr", "rf", "gbdt", "svm", "ensemble"}) {
            const SearchSpace space = defaultSearchSpace(algorithm);
            QVERIFY2(!space.params.empty(), algorithm.c_str());
            QVERIFY(space.validate().empty());
            const ParamMap defaults = createClassifier(algorithm)->params();
            for (const ParamRange& range : space.params) {
                QVERIFY2(defaults.count(range.name), (algorithm + "." + range.name).c_str());
            }
            // Every sample is accepted by the classifier and passes its validation.
            for (std::uint64_t seed = 0; seed < 20; ++seed) {
                std::unique_ptr<Classifier> c = createClassifier(algorithm);
                c->setParams(space.sample(seed));
                QVERIFY2(c->validate().empty(), algorithm.c_str());
            }
        }
    }

    void samplesStayInRangeAndFollowTheScale()
    {
        SearchSpace space;
        space.algorithm = "test";
        space.params = {{"u", ParamKind::Uniform, 2.0, 3.0, {}},
                        {"l", ParamKind::LogUniform, 1e-3, 10.0, {}},
                        {"i", ParamKind::Integer, 3, 7, {}},
                        {"g", ParamKind::IntegerLog, 10, 1000, {}},
                        {"c", ParamKind::Choice, 0, 0, {std::string("a"), std::string("b")}}};
        std::set<std::int64_t> integers;
        std::set<std::string> choices;
        int belowGeometricMean = 0;
        const int n = 4000;
        for (int s = 0; s < n; ++s) {
            const ParamMap p = space.sample(std::uint64_t(s));
            const double u = std::get<double>(p.at("u"));
            const double l = std::get<double>(p.at("l"));
            const std::int64_t i = std::get<std::int64_t>(p.at("i"));
            const std::int64_t g = std::get<std::int64_t>(p.at("g"));
            QVERIFY(u >= 2.0 && u <= 3.0);
            QVERIFY(l >= 1e-3 && l <= 10.0);
            QVERIFY(i >= 3 && i <= 7);
            QVERIFY(g >= 10 && g <= 1000);
            integers.insert(i);
            choices.insert(std::get<std::string>(p.at("c")));
            belowGeometricMean += l < 0.1 ? 1 : 0; // sqrt(1e-3 · 10) = 0.1
        }
        QCOMPARE(integers.size(), std::size_t(5)); // both ends are reachable
        QCOMPARE(choices.size(), std::size_t(2));
        // Log-uniform: half of the mass lies below the geometric mean (binomial sd ≈ 0.8 %).
        QVERIFY(std::abs(double(belowGeometricMean) / n - 0.5) < 0.04);
        QVERIFY(space.sample(5) == space.sample(5));
        QVERIFY(space.sample(5) != space.sample(6));
    }

    void validateNamesBadRanges()
    {
        SearchSpace space;
        space.algorithm = "svm";
        space.params = {{"C", ParamKind::LogUniform, 0.0, 1.0, {}},
                        {"gamma", ParamKind::Uniform, 2.0, 1.0, {}},
                        {"x", ParamKind::Choice, 0, 0, {}}};
        const std::vector<std::string> problems = space.validate();
        QCOMPARE(problems.size(), std::size_t(3));
        QVERIFY(problems[0].rfind("svm.C:", 0) == 0);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, parseParamKind("gaussian"));
        QCOMPARE(parseParamKind(paramKindName(ParamKind::IntegerLog)), ParamKind::IntegerLog);
    }

    void trialSeedsDependOnlyOnTheirInputs()
    {
        QCOMPARE(trialSeed(42, "rf", 3), trialSeed(42, "rf", 3));
        QVERIFY(trialSeed(42, "rf", 3) != trialSeed(42, "rf", 4));
        QVERIFY(trialSeed(42, "rf", 3) != trialSeed(42, "gbdt", 3));
        QVERIFY(trialSeed(42, "rf", 3) != trialSeed(43, "rf", 3));
        // The configurations of one algorithm do not depend on the others in the run.
        SearchParams a;
        a.algorithms = {"rf"};
        a.trials = 6;
        SearchParams b = a;
        b.algorithms = {"lr", "gbdt", "rf"};
        QVERIFY(RandomSearch(a).configurations("rf") == RandomSearch(b).configurations("rf"));
    }

    void configurationsStartAtDefaultsAndSkipDuplicates()
    {
        SearchParams params;
        params.trials = 10;
        params.baseParams["rf"] = {{"n_trees", std::int64_t(123)}};
        const RandomSearch search(params);
        const std::vector<ParamMap> rf = search.configurations("rf");
        QCOMPARE(rf.size(), std::size_t(10));
        ParamMap expected = createClassifier("rf")->params();
        expected["n_trees"] = std::int64_t(123);
        QVERIFY(rf[0] == expected);
        // A space of two choices gives two distinct configurations, however many trials.
        SearchParams withStack = params;
        withStack.spaces["ensemble"] = SearchSpace{
            "ensemble",
            {{"method", ParamKind::Choice, 0, 0, {std::string("vote"), std::string("stack")}}}};
        const std::vector<ParamMap> ensemble = RandomSearch(withStack).configurations("ensemble");
        QCOMPARE(ensemble.size(), std::size_t(2));
        QVERIFY(ensemble[0] != ensemble[1]);
    }

    void searchScoresTrialsAndPicksTheBest()
    {
        const Dataset full = readDataset(CREDIT_DATA_DIR "/credit-g.arff").dataset;
        std::vector<std::size_t> rows;
        for (std::size_t i = 0; i < 400; ++i) {
            rows.push_back(i);
        }
        const Dataset data = full.subset(rows);
        const FoldPlan plan = StratifiedKFold({4, 2, 5}).split(data.labels());
        SearchParams params;
        params.algorithms = {"lr"};
        params.trials = 5;
        params.threads = 2;
        std::size_t events = 0;
        std::size_t trialEvents = 0;
        std::size_t completeTrialEvents = 0;
        const SearchResult result =
            RandomSearch(params).run(data, plan, [&](const ProgressEvent& e) {
                ++events;
                if (!e.algorithm.empty()) {
                    ++trialEvents;
                    const bool complete = e.metrics.count("auc_mean") &&
                                          e.metrics.count("auc_sd") && e.params.count("C");
                    completeTrialEvents += complete ? 1 : 0;
                }
                return true;
            });
        QCOMPARE(completeTrialEvents, std::size_t(5));
        QVERIFY(!result.cancelled);
        QCOMPARE(result.trials.size(), std::size_t(5));
        QCOMPARE(events, std::size_t(5 * 8));
        QCOMPARE(trialEvents, std::size_t(5));
        std::size_t argmax = 0;
        for (std::size_t t = 0; t < result.trials.size(); ++t) {
            QVERIFY(result.trials[t].finished);
            if (result.trials[t].aucMean > result.trials[argmax].aucMean) {
                argmax = t;
            }
        }
        QCOMPARE(result.best.at("lr"), argmax);

        // Each fold's threshold is the cheapest on the *other* folds' out-of-fold scores.
        const TrialResult& best = result.trials[argmax];
        const Fold& fold = plan.folds[5]; // repeat 1, fold 1
        std::vector<double> s;
        std::vector<std::uint8_t> y;
        for (const std::size_t row : fold.train) {
            s.push_back(best.oof[1 * plan.rowCount + row]);
            y.push_back(data.labels()[row]);
        }
        QCOMPARE(best.folds[5].threshold,
                 RandomSearch::chooseThreshold(s, y, CostMatrix{}, params.thresholdRule));
        // PlattBayes: the threshold is where the Platt fit on the training scores crosses 1/6.
        CalibrationParams platt;
        platt.method = CalibrationMethod::Platt;
        Calibrator calibrator(platt);
        calibrator.fit(s, y);
        QVERIFY(std::abs(calibrator.apply(best.folds[5].threshold) - 1.0 / 6.0) < 1e-9);
        QVERIFY(RandomSearch::chooseThreshold(s, y, CostMatrix{}, ThresholdRule::Empirical) ==
                costCurve(s, y).bestThreshold);
        std::vector<double> ts;
        std::vector<std::uint8_t> ty;
        for (const std::size_t row : fold.test) {
            ts.push_back(best.oof[1 * plan.rowCount + row]);
            ty.push_back(data.labels()[row]);
        }
        QCOMPARE(best.folds[5].expectedCost, expectedCost(ts, ty, best.folds[5].threshold));

        // The cost objective picks the cheapest trial.
        params.objective = SearchObjective::ExpectedCost;
        const SearchResult byCost = RandomSearch(params).run(data, plan);
        std::size_t argmin = 0;
        for (std::size_t t = 0; t < byCost.trials.size(); ++t) {
            if (byCost.trials[t].expectedCost < byCost.trials[argmin].expectedCost) {
                argmin = t;
            }
        }
        QCOMPARE(byCost.best.at("lr"), argmin);
    }

    void invalidTrialIsReportedNotFatal()
    {
        const Dataset full = readDataset(CREDIT_DATA_DIR "/credit-g.arff").dataset;
        const FoldPlan plan = StratifiedKFold({3, 1, 1}).split(full.labels());
        SearchParams params;
        params.algorithms = {"lr"};
        params.trials = 2;
        // C = 0 is outside (0, 1e12]: every sampled trial is invalid, the defaults are fine.
        SearchSpace space;
        space.algorithm = "lr";
        space.params = {{"C", ParamKind::Uniform, -1.0, -0.5, {}}};
        params.spaces["lr"] = space;
        const SearchResult result = RandomSearch(params).run(full, plan);
        QCOMPARE(result.trials.size(), std::size_t(2));
        QVERIFY(result.trials[0].finished);
        QVERIFY(!result.trials[1].finished);
        QVERIFY(!result.trials[1].error.empty());
        QCOMPARE(result.best.at("lr"), std::size_t(0));
        QVERIFY(!result.warnings.empty());
    }
};

QTEST_GUILESS_MAIN(TestSearch)
#include "test_search.moc"
