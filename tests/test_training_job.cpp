// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// TrainingJob and RandomSearch on German Credit: no information from a test fold reaches its
// training, the same seed gives bitwise-equal results for 1 and 2 threads, and a cancel stops
// the run quickly while keeping the finished trials.
#include "data/dataset_reader.h"
#include "train/random_search.h"
#include "train/training_job.h"

#include <QTest>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <mutex>

using namespace credit::core;

namespace {

Dataset creditG()
{
    return readDataset(CREDIT_DATA_DIR "/credit-g.arff").dataset;
}

/// `data` with the labels of `rows` flipped (good ↔ bad); every feature value unchanged.
Dataset withFlippedLabels(const Dataset& data, const std::vector<std::size_t>& rows)
{
    std::vector<Column> columns = data.columns();
    Column& target = columns[data.schema().targetIndex];
    for (const std::size_t row : rows) {
        target.codes[row] = 1 - target.codes[row];
    }
    return Dataset::create(std::move(columns),
                           TargetSpec{data.target().name(), data.schema().positiveLabel},
                           "flipped");
}

bool bitwiseEqual(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

} // namespace

class TestTrainingJob : public QObject
{
    Q_OBJECT

private slots:
    /// No leak: the labels of a test fold are flipped. The fold's pipeline (WoE tables use the
    /// labels), its model and hence its out-of-fold predictions must not change at all, while
    /// the predictions of the other folds — whose training includes those rows — must.
    void testFoldLabelsDoNotReachTraining()
    {
        const Dataset a = creditG();
        const FoldPlan plan = StratifiedKFold({5, 1, 11}).split(a.labels());
        const Fold& probe = plan.folds[0];
        const Dataset b = withFlippedLabels(a, probe.test);

        SearchParams params;
        params.algorithms = {"lr"};
        params.trials = 1;
        params.threads = 2;
        params.features.encoding = CategoricalEncoding::Woe;
        const RandomSearch search(params);
        std::atomic<bool> stop{false};
        const std::vector<FoldData> foldsA = search.prepareFolds(a, plan, stop);
        const std::vector<FoldData> foldsB = search.prepareFolds(b, plan, stop);

        // The probe fold's pipeline statistics equal those of a pipeline fitted on its training
        // rows alone, and differ from the full-data ones (which see the flipped labels).
        FeaturePipeline trainOnly;
        trainOnly.fit(a, probe.train, params.features);
        FeaturePipeline fullB;
        fullB.fit(b, {}, params.features);
        bool anyWoeDiffers = false;
        for (std::size_t i = 0; i < trainOnly.attributes().size(); ++i) {
            const AttributeStats& expected = trainOnly.attributes()[i];
            const AttributeStats& gotA = foldsA[0].pipeline.attributes()[i];
            const AttributeStats& gotB = foldsB[0].pipeline.attributes()[i];
            QCOMPARE(gotA.woe, expected.woe);
            QCOMPARE(gotB.woe, expected.woe);
            QCOMPARE(gotB.mean, expected.mean);
            QCOMPARE(gotB.sd, expected.sd);
            QCOMPARE(gotB.median, expected.median);
            anyWoeDiffers = anyWoeDiffers || fullB.attributes()[i].woe != expected.woe;
        }
        QVERIFY2(anyWoeDiffers, "the probe is not sensitive: full-data WoE equals fold WoE");
        QVERIFY(foldsA[0].xTrain == foldsB[0].xTrain);
        QVERIFY(foldsA[0].xTest == foldsB[0].xTest);

        const SearchResult ra = search.run(a, plan, foldsA, {}, stop);
        const SearchResult rb = search.run(b, plan, foldsB, {}, stop);
        QVERIFY(ra.trials.at(0).finished && rb.trials.at(0).finished);
        const auto& oofA = ra.trials[0].oof;
        const auto& oofB = rb.trials[0].oof;
        for (const std::size_t row : probe.test) {
            QVERIFY(bitwiseEqual(oofA[row], oofB[row]));
        }
        std::size_t changed = 0;
        for (const std::size_t row : probe.train) {
            changed += bitwiseEqual(oofA[row], oofB[row]) ? 0 : 1;
        }
        QVERIFY2(changed > probe.train.size() / 2,
                 "flipping training labels should move the other folds' predictions");
    }

    /// Same seed → bitwise-equal leaderboard, fold figures and final predictions for 1 and 2
    /// threads.
    void sameSeedSameResultsAcrossThreadCounts()
    {
        const Dataset data = creditG();
        TrainingParams params;
        params.algorithms = {"lr", "gbdt"};
        params.folds = 5;
        params.repeats = 2;
        params.trials = 3;
        params.seed = 7;
        params.threads = 1;
        const TrainingResult one = TrainingJob(params).run(data);
        params.threads = 2;
        const TrainingResult two = TrainingJob(params).run(data);
        QCOMPARE(one.leaderboard.size(), std::size_t(2));
        QCOMPARE(two.leaderboard.size(), one.leaderboard.size());
        QCOMPARE(two.bestAlgorithm, one.bestAlgorithm);
        for (std::size_t i = 0; i < one.leaderboard.size(); ++i) {
            const LeaderboardRow& x = one.leaderboard[i];
            const LeaderboardRow& y = two.leaderboard[i];
            QCOMPARE(y.algorithm, x.algorithm);
            QVERIFY(y.params == x.params);
            QVERIFY(bitwiseEqual(x.aucMean, y.aucMean));
            QVERIFY(bitwiseEqual(x.aucSd, y.aucSd));
            QVERIFY(bitwiseEqual(x.expectedCost, y.expectedCost));
            QVERIFY(bitwiseEqual(x.brier, y.brier));
            QVERIFY(bitwiseEqual(x.costThreshold, y.costThreshold));
            for (std::size_t f = 0; f < x.folds.size(); ++f) {
                QVERIFY(bitwiseEqual(x.folds[f].auc, y.folds[f].auc));
            }
            QVERIFY(one.outOfFold.at(x.algorithm).calibrated ==
                    two.outOfFold.at(x.algorithm).calibrated);
            const Vector p1 = one.models.at(x.algorithm)->predictProba(data);
            const Vector p2 = two.models.at(x.algorithm)->predictProba(data);
            QVERIFY(p1 == p2);
        }
        QCOMPARE(two.trials.size(), one.trials.size());
        for (std::size_t t = 0; t < one.trials.size(); ++t) {
            QVERIFY(bitwiseEqual(one.trials[t].aucMean, two.trials[t].aucMean));
        }
        // A different seed gives different folds, hence different figures.
        params.seed = 8;
        const TrainingResult other = TrainingJob(params).run(data);
        QVERIFY(!bitwiseEqual(other.row("lr")->aucMean, one.row("lr")->aucMean));
    }

    /// The figures are sane and the search improves on or keeps the defaults (trial 0).
    void leaderboardIsConsistent()
    {
        const Dataset data = creditG();
        TrainingParams params;
        params.algorithms = {"lr"};
        params.folds = 5;
        params.repeats = 1;
        params.trials = 4;
        params.threads = 2;
        const TrainingResult result = TrainingJob(params).run(data);
        QVERIFY(!result.cancelled);
        QCOMPARE(result.bestAlgorithm, std::string("lr"));
        const LeaderboardRow& row = *result.row("lr");
        QVERIFY(row.aucMean > 0.7 && row.aucMean < 0.9);
        for (const TrialResult& t : result.trials) {
            QVERIFY(t.finished);
            QVERIFY(t.aucMean <= row.aucMean);
        }
        QVERIFY(row.expectedCost > 0.3 && row.expectedCost < 0.7);
        QVERIFY(row.costThreshold > 0.0 && row.costThreshold < 0.5);
        QCOMPARE(row.folds.size(), std::size_t(5));
        const OutOfFold& oof = result.outOfFold.at("lr");
        QCOMPARE(oof.raw.size(), data.rowCount());
        QVERIFY(std::all_of(oof.calibrated.begin(), oof.calibrated.end(),
                            [](double p) { return p > 0.0 && p < 1.0; }));
        QCOMPARE(result.models.count("lr"), std::size_t(1));
        QCOMPARE(result.dataHash, data.contentHash());
    }

    /// A soft vote of the best configurations is scored from the members' out-of-fold
    /// predictions (same folds): its raw OOF is their weighted mean, no member is refitted
    /// per fold, and its leaderboard figures are those of that mean.
    void voteIsScoredFromMembersPredictions()
    {
        const Dataset data = creditG();
        TrainingParams params;
        params.algorithms = {"lr", "gbdt", "ensemble"};
        params.folds = 4;
        params.repeats = 2;
        params.trials = 2;
        params.threads = 2;
        params.baseParams["gbdt"] = {{"n_rounds", std::int64_t(40)}};
        params.baseParams["ensemble"] = {{"members", std::string("lr,gbdt")},
                                         {"weights", std::string("3,1")}};
        std::vector<std::string> ensembleMessages;
        const TrainingResult result = TrainingJob(params).run(data, [&](const ProgressEvent& e) {
            if (e.stage == "ensemble") {
                ensembleMessages.push_back(e.message);
            }
            return true;
        });
        QVERIFY(!result.cancelled);
        // One event for the vote, no per-fold fit events.
        QCOMPARE(ensembleMessages.size(), std::size_t(1));
        QVERIFY(ensembleMessages.front().find("fold predictions") != std::string::npos);
        const auto& lr = result.outOfFold.at("lr").raw;
        const auto& gbdt = result.outOfFold.at("gbdt").raw;
        const auto& vote = result.outOfFold.at("ensemble").raw;
        QCOMPARE(vote.size(), lr.size());
        for (std::size_t i = 0; i < vote.size(); ++i) {
            QVERIFY(std::abs(vote[i] - (0.75 * lr[i] + 0.25 * gbdt[i])) < 1e-12);
        }
        const LeaderboardRow& row = *result.row("ensemble");
        QVERIFY(row.aucMean > 0.7);
        QVERIFY(row.fitSeconds > 0.0);                             // the members' fold fits
        QCOMPARE(result.models.count("ensemble"), std::size_t(1)); // refitted on all rows
        // Stacking still fits its members fold by fold.
        params.baseParams["ensemble"]["method"] = std::string("stack");
        params.algorithms = {"lr", "ensemble"};
        params.baseParams["ensemble"]["members"] = std::string("lr");
        params.baseParams["ensemble"].erase("weights");
        std::size_t foldFits = 0;
        const TrainingResult stacked = TrainingJob(params).run(data, [&](const ProgressEvent& e) {
            foldFits += e.stage == "ensemble" && e.algorithm.empty();
            return true;
        });
        QVERIFY(!stacked.cancelled);
        QVERIFY(foldFits > 0);
    }

    /// The sink says stop after a few finished trials: the run comes back flagged as
    /// cancelled with the finished trials on the leaderboard, and no trial starts after the
    /// stop — at most the trials already running on the job's threads finish. (How fast it
    /// returns is measured by `bench_engine_cv cancel`, not asserted here.)
    void cancelStartsNoNewTrialAndKeepsFinishedOnes()
    {
        const Dataset data = creditG();
        TrainingParams params;
        // Boosting checks the sink between rounds. (A random forest is one XGBoost call and
        // an SVM one dlib call: those stop only when the running fit returns.)
        params.algorithms = {"gbdt", "lr"};
        params.folds = 5;
        params.repeats = 1;
        params.trials = 30;
        params.threads = 2;
        for (int run = 0; run < 2; ++run) {
            std::mutex mutex;
            std::size_t finishedTrials = 0;
            bool said = false;
            const TrainingResult result =
                TrainingJob(params).run(data, [&](const ProgressEvent& event) {
                    const std::lock_guard lock(mutex);
                    if (said) {
                        return false;
                    }
                    if (!event.algorithm.empty() && event.metrics.count("auc_mean")) {
                        ++finishedTrials;
                    }
                    if (finishedTrials >= 3) {
                        said = true;
                        return false;
                    }
                    return true;
                });
            QVERIFY(said);
            QVERIFY(result.cancelled);
            std::size_t finished = 0;
            for (const TrialResult& t : result.trials) {
                finished += t.finished ? 1 : 0;
            }
            QVERIFY(finished >= 3);
            QVERIFY2(finished <= finishedTrials + params.threads, "trials started after the stop");
            QVERIFY(!result.leaderboard.empty());
            QVERIFY(result.models.empty());
        }
    }

    void refusesInvalidParams()
    {
        const Dataset data = creditG();
        TrainingParams params;
        params.algorithms = {"nope"};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, TrainingJob(params).run(data));
        params.algorithms = {"lr"};
        params.folds = 1;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, TrainingJob(params).run(data));
    }
};

QTEST_GUILESS_MAIN(TestTrainingJob)
#include "test_training_job.moc"
