// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// `credit-risk drift` and `credit-risk log outcomes` through the real binary: the exit codes
// (0, 4 with --fail-on when a figure reaches the band, 2 for a file whose columns do not
// match, naming them), the JSON read back by another parser, drift over a log period after
// batch scoring, outcomes imported into the log and `log performance` over them.
#include "data/csv_writer.h"
#include "data/dataset_reader.h"
#include "monitor/prediction_log.h"

#include "support/cli_run.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <map>

namespace {

using credit::test::CliRun;
using credit::test::runCli;

const QString kGerman = QStringLiteral(CREDIT_DATA_DIR "/credit-g.arff");

} // namespace

class TestCliDrift : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_model = m_dir.filePath(QStringLiteral("m.crs"));
        const CliRun run = credit::test::trainQuickModel(m_model);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        // credit-g with older applicants (+15 years) and doubled amounts, and an id column.
        credit::core::Dataset data = credit::core::readDataset(kGerman.toStdString()).dataset;
        std::vector<credit::core::Column> columns = data.columns();
        for (credit::core::Column& c : columns) {
            for (double& v : c.numeric) {
                v = c.name() == "age" ? v + 15 : c.name() == "credit_amount" ? v * 2 : v;
            }
        }
        credit::core::Column id;
        id.schema.name = "id";
        id.schema.type = credit::core::ColumnType::Numeric;
        for (std::size_t row = 0; row < data.rowCount(); ++row) {
            id.numeric.push_back(double(row + 1));
        }
        columns.push_back(id);
        m_shifted = m_dir.filePath(QStringLiteral("shifted.csv"));
        credit::core::writeCsv(credit::core::Dataset::create(std::move(columns), {}),
                               m_shifted.toStdString());
    }

    void exitCodes()
    {
        const CliRun same = runCli({QStringLiteral("drift"), QStringLiteral("--model"), m_model,
                                    QStringLiteral("--data"), kGerman, QStringLiteral("--json"),
                                    QStringLiteral("--fail-on"), QStringLiteral("alert")});
        QVERIFY2(same.exitCode == 0, same.err.constData());
        const QJsonObject report = QJsonDocument::fromJson(same.out).object();
        QCOMPARE(report.value(QStringLiteral("worst")).toString(), QStringLiteral("stable"));
        QCOMPARE(report.value(QStringLiteral("rows")).toInt(), 1000);
        QCOMPARE(report.value(QStringLiteral("attributes")).toArray().size(), 20);

        const QStringList shifted{QStringLiteral("drift"), QStringLiteral("--model"), m_model,
                                  QStringLiteral("--data"), m_shifted};
        const CliRun warnOnly = runCli(shifted);
        QVERIFY2(warnOnly.exitCode == 0, warnOnly.err.constData());
        QVERIFY(warnOnly.out.contains("shifted"));
        const CliRun failing =
            runCli(shifted + QStringList{QStringLiteral("--fail-on"), QStringLiteral("alert")});
        QCOMPARE(failing.exitCode, 4);
        QVERIFY(failing.err.contains("shifted"));

        QFile wrong(m_dir.filePath(QStringLiteral("wrong.csv")));
        QVERIFY(wrong.open(QIODevice::WriteOnly));
        wrong.write("checking_status,duration\n<0,12\n");
        wrong.close();
        const CliRun refused = runCli({QStringLiteral("drift"), QStringLiteral("--model"), m_model,
                                       QStringLiteral("--data"), wrong.fileName(),
                                       QStringLiteral("--fail-on"), QStringLiteral("alert")});
        QCOMPARE(refused.exitCode, 2);
        for (const char* name : {"'age'", "'purpose'", "'credit_amount'", "wrong.csv"}) {
            QVERIFY2(refused.err.contains(name), refused.err.constData());
        }
        QCOMPARE(runCli({QStringLiteral("drift"), QStringLiteral("--model"), m_model}).exitCode, 1);
        QCOMPARE(runCli(shifted + QStringList{QStringLiteral("--fail-on"), QStringLiteral("x")})
                     .exitCode,
                 1);
    }

    void logPeriodAndOutcomes()
    {
        const QString log = m_dir.filePath(QStringLiteral("log.sqlite"));
        const CliRun batch =
            runCli({QStringLiteral("score"), QStringLiteral("--model"), m_model,
                    QStringLiteral("--input"), m_shifted, QStringLiteral("--output"),
                    m_dir.filePath(QStringLiteral("out.csv")), QStringLiteral("--log"), log});
        QVERIFY2(batch.exitCode == 0, batch.err.constData());
        const QStringList drift{QStringLiteral("drift"),
                                QStringLiteral("--model"),
                                m_model,
                                QStringLiteral("--log"),
                                log,
                                QStringLiteral("--json")};
        const CliRun period =
            runCli(drift + QStringList{QStringLiteral("--fail-on"), QStringLiteral("alert")});
        QCOMPARE(period.exitCode, 4);
        const QJsonObject report = QJsonDocument::fromJson(period.out).object();
        QCOMPARE(report.value(QStringLiteral("rows")).toInt(), 1000);
        for (const QJsonValue& f : report.value(QStringLiteral("attributes")).toArray()) {
            const QString name = f.toObject().value(QStringLiteral("name")).toString();
            const bool moved =
                name == QLatin1String("age") || name == QLatin1String("credit_amount");
            QCOMPARE(f.toObject().value(QStringLiteral("level")).toString() ==
                         QLatin1String("shifted"),
                     moved);
        }
        // A period before any record: nothing to compare, no alert.
        const CliRun empty =
            runCli(drift + QStringList{QStringLiteral("--until"), QStringLiteral("2000-01-01")});
        QVERIFY2(empty.exitCode == 0, empty.err.constData());
        QCOMPARE(QJsonDocument::fromJson(empty.out).object().value(QStringLiteral("rows")).toInt(),
                 0);

        // Outcomes for the first 10 applicants (ids 1 … 10) and one the log never saw.
        QFile outcomes(m_dir.filePath(QStringLiteral("outcomes.csv")));
        QVERIFY(outcomes.open(QIODevice::WriteOnly));
        outcomes.write("id,outcome\n");
        for (int i = 1; i <= 10; ++i) {
            outcomes.write(QByteArray::number(i) + (i % 3 == 0 ? ",bad\n" : ",good\n"));
        }
        outcomes.write("99999,bad\n");
        outcomes.close();
        const CliRun imported =
            runCli({QStringLiteral("log"), QStringLiteral("outcomes"), QStringLiteral("--log"), log,
                    QStringLiteral("--file"), outcomes.fileName()});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        QVERIFY2(imported.out.contains("11 outcomes read; 10 ids found"), imported.out.constData());
        QVERIFY(imported.err.contains("99999"));
        std::size_t known = 0;
        std::size_t bads = 0;
        credit::core::PredictionLog(log.toStdString())
            .read({}, {}, [&](const credit::core::StoredPrediction& row) {
                known += row.outcome >= 0 ? 1 : 0;
                bads += row.outcome == 1 ? 1 : 0;
            });
        QCOMPARE(known, std::size_t(10));
        QCOMPARE(bads, std::size_t(3));

        // The export carries them: applicant 3 is bad, 4 good, 11 unknown.
        const CliRun exported =
            runCli({QStringLiteral("log"), QStringLiteral("export"), QStringLiteral("--log"), log,
                    QStringLiteral("--format"), QStringLiteral("jsonl")});
        QVERIFY2(exported.exitCode == 0, exported.err.constData());
        std::map<QString, QJsonValue> outcomeOf;
        for (const QByteArray& line : exported.out.split('\n')) {
            const QJsonObject row = QJsonDocument::fromJson(line).object();
            outcomeOf[row.value(QStringLiteral("applicant_id")).toString()] =
                row.value(QStringLiteral("outcome"));
        }
        QCOMPARE(outcomeOf[QStringLiteral("3")].toInt(), 1);
        QCOMPARE(outcomeOf[QStringLiteral("4")].toInt(), 0);
        QVERIFY(outcomeOf[QStringLiteral("11")].isNull());

        // Estimated figures over every scored record, realised ones over the ten.
        const CliRun performance =
            runCli({QStringLiteral("log"), QStringLiteral("performance"), QStringLiteral("--log"),
                    log, QStringLiteral("--model"), m_model, QStringLiteral("--json")});
        QVERIFY2(performance.exitCode == 0, performance.err.constData());
        const QJsonObject figures = QJsonDocument::fromJson(performance.out).object();
        QCOMPARE(figures.value(QStringLiteral("rows")).toInt(), 1000);
        const QJsonObject realised = figures.value(QStringLiteral("realised")).toObject();
        QCOMPARE(realised.value(QStringLiteral("rows")).toInt(), 10);
        QCOMPARE(realised.value(QStringLiteral("bad_rate"))
                     .toObject()
                     .value(QStringLiteral("estimate"))
                     .toDouble(),
                 0.3);
        QCOMPARE(figures.value(QStringLiteral("grades")).toArray().size(), 5);
        QCOMPARE(runCli({QStringLiteral("log"), QStringLiteral("outcomes"), QStringLiteral("--log"),
                         log})
                     .exitCode,
                 1);
    }

private:
    QTemporaryDir m_dir;
    QString m_model;
    QString m_shifted;
};

QTEST_GUILESS_MAIN(TestCliDrift)
#include "test_cli_drift.moc"
