// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// core/train/leaderboard_json: the one leaderboard writer and its reader, including the
// experiment history's older form.
#include "train/leaderboard_json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace credit::core;

namespace {

LeaderboardRow sampleRow()
{
    LeaderboardRow row;
    row.algorithm = "gbdt";
    row.displayName = "Gradient boosting";
    row.params = {{"eta", 0.1},
                  {"max_depth", std::int64_t(4)},
                  {"monotone", true},
                  {"objective", std::string("binary:logistic")}};
    row.trialsRun = 7;
    row.aucMean = 0.78125;
    row.aucSd = 0.015625;
    row.ks = 0.5;
    row.brier = 0.17;
    row.costThreshold = 0.1666;
    row.fitSeconds = 1.25;
    FoldScores fold;
    fold.repeat = 0;
    fold.fold = 2;
    fold.auc = 0.75;
    fold.threshold = 0.2;
    row.folds.push_back(fold);
    return row; // ap, gini, log loss … stay NaN
}

} // namespace

class TestLeaderboardJson : public QObject
{
    Q_OBJECT

private slots:
    void runDocumentIsTheCliSchema()
    {
        TrainingResult result;
        result.bestAlgorithm = "gbdt";
        result.params.seed = 11;
        result.leaderboard = {sampleRow()};
        const std::string text = leaderboardJson(result);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(text), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject o = doc.object();
        QCOMPARE(o.value(QStringLiteral("best")).toString(), QStringLiteral("gbdt"));
        QCOMPARE(o.value(QStringLiteral("seed")).toInteger(), 11);
        const QJsonObject model = o.value(QStringLiteral("models")).toArray().at(0).toObject();
        QCOMPARE(model.value(QStringLiteral("name")).toString(),
                 QStringLiteral("Gradient boosting"));
        QVERIFY(model.value(QStringLiteral("ap")).isNull()); // NaN → null
        QCOMPARE(
            model.value(QStringLiteral("params")).toObject().value(QStringLiteral("max_depth")),
            QJsonValue(4));
        QVERIFY(!model.contains(QStringLiteral("nested_auc_mean")));
        // The keys keep the documented order (not sorted).
        QCOMPARE(o.keys().size(), 15);
        QVERIFY(text.find("\"best\"") < text.find("\"objective\""));
    }

    void roundTrip()
    {
        const std::vector<LeaderboardRow> rows =
            readLeaderboardJson(leaderboardJson(std::vector<LeaderboardRow>{sampleRow()}));
        QCOMPARE(rows.size(), std::size_t(1));
        const LeaderboardRow& r = rows.front();
        const LeaderboardRow e = sampleRow();
        QCOMPARE(r.algorithm, e.algorithm);
        QCOMPARE(r.displayName, e.displayName);
        QVERIFY(r.params == e.params); // types kept: double, integer, bool, string
        QCOMPARE(r.trialsRun, e.trialsRun);
        QCOMPARE(r.aucMean, e.aucMean);
        QCOMPARE(r.aucSd, e.aucSd);
        QCOMPARE(r.costThreshold, e.costThreshold);
        QVERIFY(std::isnan(r.ap));
        QCOMPARE(r.folds.size(), std::size_t(1));
        QCOMPARE(r.folds[0].fold, std::size_t(2));
        QCOMPARE(r.folds[0].auc, 0.75);
    }

    // What ExperimentHistory stored before the schema was shared: a bare array, display_name,
    // parameters as strings, null for a missing figure.
    void readsTheHistorysOlderForm()
    {
        const std::string old =
            R"([{"algorithm":"lr","display_name":"Logistic regression","trials":3,)"
            R"("auc_mean":0.79,"auc_sd":null,"ap":0.6,"ks":0.45,"gini":0.58,"brier":0.16,)"
            R"("log_loss":0.48,"expected_cost":0.55,"cost_threshold":0.17,"fit_seconds":0.5,)"
            R"("params":{"C":"1","penalty":"l2"}}])";
        const std::vector<LeaderboardRow> rows = readLeaderboardJson(old);
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(rows[0].displayName, std::string("Logistic regression"));
        QCOMPARE(rows[0].trialsRun, std::size_t(3));
        QCOMPARE(rows[0].aucMean, 0.79);
        QVERIFY(std::isnan(rows[0].aucSd));
        QCOMPARE(rows[0].expectedCost, 0.55);
        QCOMPARE(std::get<std::string>(rows[0].params.at("C")), std::string("1"));
        QVERIFY(rows[0].folds.empty());
    }

    void refusesWhatIsNoLeaderboard()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, readLeaderboardJson("{\"models\": 3}"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, readLeaderboardJson("[1, 2"));
    }
};

QTEST_GUILESS_MAIN(TestLeaderboardJson)
#include "test_leaderboard_json.moc"
