// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// Performance without and with labels (issue 15 item 3): the estimated figures from PDs, the
// realised ones with bootstrap intervals, the per-grade binomial back-test; and the log side:
// schema migration v1 → v2, outcomes imported, the SQL aggregates of a period, the drift of a
// log period equal to that of the same rows read from a file.
#include "data/dataset_reader.h"
#include "monitor/log_summary.h"
#include "monitor/model_drift.h"
#include "monitor/outcome_file.h"
#include "monitor/performance.h"
#include "monitor/prediction_log.h"
#include "monitor/score_record.h"
#include "support/quick_model.h"
#include "support/sqlite_value.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <cmath>
#include <numeric>

using namespace credit::core;

using credit::test::sqlValue;

namespace {

PredictionRecord record(int i, double pd, const std::string& grade, bool reject)
{
    PredictionRecord r;
    r.time = "2026-12-0" + std::to_string(1 + i % 3) + "T10:00:00.000Z";
    r.requestId = "batch-" + std::to_string(i % 2);
    r.source = "batch";
    r.modelId = "m1";
    r.modelName = "lr · m.crs";
    r.applicantId = "A" + std::to_string(i);
    r.pd = pd;
    r.modelPd = pd;
    r.decision = reject ? "reject" : "accept";
    r.grade = grade;
    r.latencyMs = double(i % 10);
    return r;
}

} // namespace

class TestMonitorPerformance : public QObject
{
    Q_OBJECT

private slots:
    void estimatedFiguresFromPdsAlone()
    {
        const std::vector<double> pds{0.1, 0.2, 0.3, 0.6};
        const std::vector<std::uint8_t> rejected{0, 0, 1, 1};
        CostMatrix costs; // 5 for a bad accepted, 1 for a good rejected
        const PerformanceEstimate e = estimatePerformance(pds, rejected, costs);
        QCOMPARE(e.rows, std::size_t(4));
        // The estimated bad rate of a period is its mean PD.
        QVERIFY(std::abs(e.expectedBadRate - 0.3) < 1e-12);
        QCOMPARE(e.acceptanceRate, 0.5);
        QVERIFY(std::abs(e.expectedBadRateAccepted - 0.15) < 1e-12);
        // Accepted: 5·(0.1 + 0.2); rejected: 1·(0.7 + 0.4); per applicant.
        QVERIFY(std::abs(e.expectedCost - (1.5 + 1.1) / 4) < 1e-12);
        // Expected AUC by hand: pairs (i bad, j good), i ≠ j, weight p_i (1 − p_j), counted
        // when p_i > p_j.
        double num = 0.0;
        double den = 0.0;
        for (std::size_t i = 0; i < 4; ++i) {
            for (std::size_t j = 0; j < 4; ++j) {
                if (i != j) {
                    const double w = pds[i] * (1 - pds[j]);
                    den += w;
                    num += pds[i] > pds[j] ? w : 0.0;
                }
            }
        }
        QVERIFY(std::abs(e.expectedAuc - num / den) < 1e-12);
        QVERIFY(std::isnan(estimatePerformance({}, {}, costs).expectedBadRate));
    }

    void perGradeBinomialBacktest()
    {
        // Grade A (PD < 2 %): 100 rows of PD 0.01 and 6 bads: P(X >= 6 | B(100, 0.01)) ≈ 5e-4.
        // Grade C: 50 rows of PD 0.08 and 4 bads: consistent. Grade E: no outcome known.
        PeriodPredictions period;
        for (int i = 0; i < 100; ++i) {
            period.pds.push_back(0.01);
            period.grades.push_back("A");
            period.rejected.push_back(0);
            period.outcomes.push_back(i < 6 ? 1 : 0);
        }
        for (int i = 0; i < 50; ++i) {
            period.pds.push_back(0.08);
            period.grades.push_back("C");
            period.rejected.push_back(0);
            period.outcomes.push_back(i < 4 ? 1 : 0);
        }
        period.pds.push_back(0.5);
        period.grades.push_back("E");
        period.rejected.push_back(1);
        period.outcomes.push_back(-1);
        const std::vector<GradeBacktest> tests = backtestGrades(period, RiskGrading());
        QCOMPARE(tests.size(), std::size_t(5));
        QCOMPARE(tests[0].grade, std::string("A"));
        QCOMPARE(tests[0].rows, std::size_t(100));
        QCOMPARE(tests[0].bads, std::size_t(6));
        QCOMPARE(tests[0].upperPd, 0.02);
        QVERIFY(std::abs(tests[0].meanPd - 0.01) < 1e-12);
        QCOMPARE(tests[0].verdict, std::string("too many defaults"));
        // 1 − Σ_{k<6} C(100,k) 0.01^k 0.99^(100−k), computed independently here.
        double below = 0.0;
        for (int k = 0; k < 6; ++k) {
            below += std::exp(std::lgamma(101.0) - std::lgamma(k + 1.0) - std::lgamma(101.0 - k) +
                              k * std::log(0.01) + (100 - k) * std::log(0.99));
        }
        QVERIFY(std::abs(tests[0].test.upperTail - (1 - below)) < 1e-12);
        QVERIFY(tests[0].test.upperTail < 0.001);
        QCOMPARE(tests[2].verdict, std::string("consistent"));
        QCOMPARE(tests[2].lowerPd, 0.05);
        QCOMPARE(tests[4].verdict, std::string("no outcomes"));
    }

    void realisedFiguresWithIntervals()
    {
        PeriodPredictions period;
        for (int i = 0; i < 400; ++i) {
            const double pd = (i % 20) / 20.0 + 0.01;
            period.pds.push_back(pd);
            period.rejected.push_back(pd > 0.5 ? 1 : 0);
            period.grades.push_back("E");
            // Bad for the riskiest half of each block of 20, with noise every 7th row.
            period.outcomes.push_back(std::int8_t(((i % 20) >= 10) != (i % 7 == 0)));
        }
        period.outcomes[3] = -1; // unknown: left out
        BootstrapParams params;
        params.resamples = 200;
        const RealisedPerformance r = realisedPerformance(period, CostMatrix(), 0.95, params);
        QCOMPARE(r.rows, std::size_t(399));
        QVERIFY(r.badRate.lower <= r.badRate.estimate && r.badRate.estimate <= r.badRate.upper);
        QVERIFY(r.badRate.upper > r.badRate.lower);
        QVERIFY(r.auc.estimate > 0.7 && r.auc.estimate < 0.95);
        QVERIFY(r.auc.lower < r.auc.estimate && r.auc.estimate < r.auc.upper);
        // Below monitoring.performance_threshold: the alert.
        QVERIFY(r.belowThreshold);
        QVERIFY(!realisedPerformance(period, CostMatrix(), 0.5, params).belowThreshold);
        QCOMPARE(r.estimateOnSameRows.rows, std::size_t(399));
    }

    void migratesVersionOneAndImportsOutcomes()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("v1.sqlite")).toStdString();
        {
            // A log as version 1 wrote it.
            sqlite3* db = nullptr;
            QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
            const char* sql =
                "PRAGMA journal_mode=WAL;"
                "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                "CREATE TABLE predictions (id INTEGER PRIMARY KEY, time TEXT NOT NULL,"
                " request_id TEXT, source TEXT, model_id TEXT, model_name TEXT,"
                " applicant_id TEXT, inputs TEXT, input_storage TEXT, pd REAL, model_pd REAL,"
                " decision TEXT, threshold REAL, grade TEXT, points REAL, reasons TEXT,"
                " latency_ms REAL, error TEXT);"
                "CREATE INDEX predictions_time ON predictions(time);"
                "INSERT INTO meta VALUES ('schema_version', '1');"
                "INSERT INTO predictions (time, applicant_id, model_id, pd, decision, grade,"
                " reasons, error) VALUES ('2026-11-01T00:00:00.000Z', 'A1', 'm1', 0.1,"
                " 'accept', 'D', '[]', ''), ('2026-11-02T00:00:00.000Z', 'A2', 'm1', 0.3,"
                " 'reject', 'E', '[]', '');";
            QCOMPARE(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK);
            sqlite3_close(db);
        }
        {
            PredictionLog log(path);
            QCOMPARE(log.count(), std::size_t(2));
            QCOMPARE(sqlValue(path, "SELECT value FROM meta WHERE key='schema_version'"),
                     std::string("2"));
            log.read({}, {}, [](const StoredPrediction& row) { QCOMPARE(row.outcome, -1); });
            const OutcomeImport result = log.importOutcomes({{"A1", 0}, {"A2", 1}, {"nobody", 1}});
            QCOMPARE(result.outcomes, std::size_t(3));
            QCOMPARE(result.matchedIds, std::size_t(2));
            QCOMPARE(result.records, std::size_t(2));
            QCOMPARE(result.unknownIds, std::vector<std::string>{"nobody"});
        }
        // Reopened (no second migration), read by another program.
        PredictionLog log(path);
        QCOMPARE(sqlValue(path, "SELECT SUM(outcome) || '/' || COUNT(outcome) FROM predictions"),
                 std::string("1/2"));
        const PeriodPredictions period = readPeriodPredictions(log, {});
        QCOMPARE(period.outcomes, (std::vector<std::int8_t>{0, 1}));
    }

    void outcomesFileIsReadAndRefusedByValue()
    {
        QTemporaryDir dir;
        const QString good = dir.filePath(QStringLiteral("outcomes.csv"));
        QFile file(good);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("id,outcome\n007,bad\n8,GOOD\n9,1\n,0\n10,no\n");
        file.close();
        const auto outcomes = readOutcomeFile(good.toStdString());
        QCOMPARE(outcomes.size(), std::size_t(4));
        QCOMPARE(outcomes[0], (std::pair<std::string, int>{"007", 1})); // leading zeros kept
        QCOMPARE(outcomes[1].second, 0);
        QCOMPARE(outcomes[2].second, 1);
        QCOMPARE(outcomes[3], (std::pair<std::string, int>{"10", 0}));
        const QString bad = dir.filePath(QStringLiteral("bad.csv"));
        QFile badFile(bad);
        QVERIFY(badFile.open(QIODevice::WriteOnly));
        badFile.write("id,outcome\n1,bad\n2,maybe\n");
        badFile.close();
        try {
            readOutcomeFile(bad.toStdString());
            QFAIL("an outcome 'maybe' was accepted");
        } catch (const std::exception& error) {
            const std::string message = error.what();
            QVERIFY2(message.find("row 2") != std::string::npos, message.c_str());
            QVERIFY2(message.find("maybe") != std::string::npos, message.c_str());
        }
    }

    void summaryOfAPeriodIsAggregated()
    {
        QTemporaryDir dir;
        PredictionLog log(dir.filePath(QStringLiteral("log.sqlite")).toStdString());
        for (int i = 0; i < 300; ++i) {
            PredictionRecord r = record(i, 0.01 * (i % 50), "C", i % 4 == 0);
            if (i % 30 == 0) {
                r.error = i % 60 == 0 ? "field 'age': expected a number" : "field 'x' missing";
                r.decision.clear();
            }
            log.append(r);
        }
        log.flush();
        const LogSummary s = summarizeLog(log, {}, PeriodUnit::Day);
        QCOMPARE(s.rows, std::size_t(300));
        QCOMPARE(s.refused, std::size_t(10));
        QCOMPARE(s.scored, std::size_t(290));
        QCOMPARE(s.periods.size(), std::size_t(3));
        QCOMPARE(s.periods[0].period, std::string("2026-12-01"));
        QCOMPARE(s.periods[0].rows, std::size_t(100));
        QCOMPARE(s.topRefusals.size(), std::size_t(2));
        QCOMPARE(s.topRefusals[0].second, std::size_t(5));
        QCOMPARE(s.latencyP50, 4.5);
        QCOMPARE(s.models.size(), std::size_t(1));
        QCOMPARE(summarizeLog(log, {}, PeriodUnit::Batch).periods.size(), std::size_t(2));
        QCOMPARE(summarizeLog(log, {}, PeriodUnit::Month).periods.size(), std::size_t(1));
        const LogSummary week = summarizeLog(log, {}, PeriodUnit::Week);
        QCOMPARE(week.periods.size(), std::size_t(1));
        QCOMPARE(week.periods[0].period, std::string("2026-11-30")); // the Monday
        LogSelection december2;
        december2.since = "2026-12-02";
        december2.until = "2026-12-03";
        QCOMPARE(summarizeLog(log, december2, PeriodUnit::Day).rows, std::size_t(100));
        // Estimated bad rate of a period = mean PD of its scored records.
        const PeriodPredictions period = readPeriodPredictions(log, december2);
        const double mean =
            std::accumulate(period.pds.begin(), period.pds.end(), 0.0) / double(period.pds.size());
        const PerformanceEstimate e = estimatePerformance(period.pds, period.rejected, {});
        QCOMPARE(e.expectedBadRate, mean);
    }

    void logPeriodDriftEqualsFileDrift()
    {
        const Dataset data = readDataset(CREDIT_DATA_DIR "/credit-g.arff").dataset;
        const auto bundle = credit::test::quickLrBundle(data, 3);
        const ModelDrift drift(*bundle, {}, "m.crs");
        const DriftReport fromFile = drift.ofColumns(data.columns(), "credit-g.arff");
        QTemporaryDir dir;
        PredictionLog log(dir.filePath(QStringLiteral("log.sqlite")).toStdString());
        const Vector pds = bundle->predictProba(data);
        for (std::size_t row = 0; row < data.rowCount(); ++row) {
            PredictionRecord r = record(int(row), pds[Eigen::Index(row)], "C", false);
            r.modelId = "m1";
            for (const std::size_t c : data.schema().featureIndices()) {
                r.inputs[data.column(c).name()] = data.column(c).text(row);
            }
            log.append(std::move(r));
        }
        log.flush();
        LogSelection selection;
        selection.modelId = "m1";
        const DriftReport fromLog = drift.ofLog(log, selection);
        QCOMPARE(fromLog.rows, std::size_t(1000));
        QCOMPARE(fromLog.attributes.size(), fromFile.attributes.size());
        for (const DriftFigure& f : fromLog.attributes) {
            QVERIFY2(f.psi < 1e-12, f.name.c_str());
        }
        QVERIFY(std::abs(fromLog.score.psi - fromFile.score.psi) < 1e-4);
        // Another model id selects nothing.
        LogSelection none;
        none.modelId = "nobody";
        QCOMPARE(drift.ofLog(log, none).rows, std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestMonitorPerformance)
#include "test_monitor_performance.moc"
