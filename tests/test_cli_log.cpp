// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// The prediction log through the real `credit-risk` binary: batch and single scoring append
// one record per applicant, --no-log writes nothing, --log-inputs hashed keeps no inputs, a
// log that cannot be written never stops scoring, and `log export` / `log prune`.
#include "monitor/prediction_log.h"

#include "support/cli_run.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

namespace {

using credit::test::CliRun;
using credit::test::runCli;

std::vector<credit::core::StoredPrediction> stored(const QString& path)
{
    std::vector<credit::core::StoredPrediction> rows;
    const credit::core::PredictionLog log(path.toStdString());
    log.read({}, {}, [&](const auto& row) { rows.push_back(row); });
    return rows;
}

} // namespace

class TestCliLog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_model = m_dir.filePath(QStringLiteral("m.crs"));
        const CliRun run = credit::test::trainQuickModel(m_model);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        m_applicant = m_dir.filePath(QStringLiteral("a.json"));
        QFile file(m_applicant);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"id": "APP-7", "checking_status": "<0", "duration": 48,
            "credit_history": "existing paid", "purpose": "new car", "credit_amount": 12000,
            "savings_status": "<100", "employment": "<1", "installment_commitment": 4,
            "personal_status": "male single", "other_parties": "none", "residence_since": 2,
            "property_magnitude": "car", "age": 23, "other_payment_plans": "none",
            "housing": "rent", "existing_credits": 1, "job": "skilled", "num_dependents": 1,
            "own_telephone": "none", "foreign_worker": "yes"})");
    }

    void batchAndSingleScoringAreLogged()
    {
        const QString log = m_dir.filePath(QStringLiteral("log.sqlite"));
        const CliRun batch =
            runCli({QStringLiteral("score"), QStringLiteral("--model"), m_model,
                    QStringLiteral("--input"), QStringLiteral(CREDIT_DATA_DIR "/credit-g.arff"),
                    QStringLiteral("--output"), m_dir.filePath(QStringLiteral("out.csv")),
                    QStringLiteral("--quiet"), QStringLiteral("--log"), log});
        QVERIFY2(batch.exitCode == 0, batch.err.constData());
        const CliRun single =
            runCli({QStringLiteral("score"), QStringLiteral("--model"), m_model,
                    QStringLiteral("--applicant"), m_applicant, QStringLiteral("--log"), log});
        QVERIFY2(single.exitCode == 0, single.err.constData());
        const auto rows = stored(log);
        QCOMPARE(rows.size(), std::size_t(1001));
        std::size_t rejected = 0;
        for (std::size_t i = 0; i < 1000; ++i) {
            QCOMPARE(rows[i].record.source, std::string("batch"));
            QCOMPARE(rows[i].record.requestId, rows[0].record.requestId);
            QVERIFY(rows[i].record.error.empty());
            rejected += rows[i].record.decision == "reject";
        }
        QVERIFY(batch.err.contains(QStringLiteral("(%1 rejected").arg(rejected).toUtf8()));
        const auto& last = rows.back().record;
        QCOMPARE(last.source, std::string("cli"));
        QCOMPARE(last.applicantId, std::string("APP-7"));
        QCOMPARE(last.modelId.size(), std::size_t(16));
        QCOMPARE(last.modelId, rows[0].record.modelId);
        QVERIFY(last.modelName.find("m.crs") != std::string::npos);
        const QJsonObject result = QJsonDocument::fromJson(single.out).object();
        QCOMPARE(last.pd, result.value(QStringLiteral("pd")).toDouble());
        QCOMPARE(QString::fromStdString(last.decision),
                 result.value(QStringLiteral("decision")).toString());
        QVERIFY(!last.reasons.empty());
        QVERIFY(rows.back().inputsText.find("\"duration\":\"48\"") != std::string::npos);

        // Export: one JSON object per line; CSV with a header.
        const CliRun jsonl =
            runCli({QStringLiteral("log"), QStringLiteral("export"), QStringLiteral("--log"), log,
                    QStringLiteral("--format"), QStringLiteral("jsonl")});
        QVERIFY2(jsonl.exitCode == 0, jsonl.err.constData());
        const QList<QByteArray> lines = jsonl.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 1001);
        const QJsonObject first = QJsonDocument::fromJson(lines.first()).object();
        QCOMPARE(first.value(QStringLiteral("inputs"))
                     .toObject()
                     .value(QStringLiteral("age"))
                     .toString(),
                 QStringLiteral("67"));
        const CliRun prune =
            runCli({QStringLiteral("log"), QStringLiteral("prune"), QStringLiteral("--log"), log,
                    QStringLiteral("--older-than"), QStringLiteral("0m")});
        QVERIFY2(prune.exitCode == 0, prune.err.constData());
        QVERIFY(prune.out.contains("deleted 1001 records"));
        const CliRun badAge =
            runCli({QStringLiteral("log"), QStringLiteral("prune"), QStringLiteral("--log"), log,
                    QStringLiteral("--older-than"), QStringLiteral("soon")});
        QCOMPARE(badAge.exitCode, 1);
        QVERIFY(badAge.err.contains("90d, 12h, 30m"));
    }

    void hashedInputsAndNoLog()
    {
        const QString hashed = m_dir.filePath(QStringLiteral("hashed.sqlite"));
        QCOMPARE(runCli({QStringLiteral("score"), QStringLiteral("--model"), m_model,
                         QStringLiteral("--applicant"), m_applicant, QStringLiteral("--log"),
                         hashed, QStringLiteral("--log-inputs"), QStringLiteral("hashed")})
                     .exitCode,
                 0);
        const auto rows = stored(hashed);
        QCOMPARE(rows.size(), std::size_t(1));
        QVERIFY(rows[0].inputsText.rfind("sha256:", 0) == 0);
        QCOMPARE(rows[0].inputsText.size(), std::size_t(7 + 64)); // "sha256:" and 64 hex digits
        QVERIFY(rows[0].inputsText.find("duration") == std::string::npos);

        const QString none = m_dir.filePath(QStringLiteral("none.sqlite"));
        QCOMPARE(runCli({QStringLiteral("score"), QStringLiteral("--model"), m_model,
                         QStringLiteral("--applicant"), m_applicant, QStringLiteral("--log"), none,
                         QStringLiteral("--no-log")})
                     .exitCode,
                 0);
        QVERIFY(!QFile::exists(none)); // logging off leaves no file

        const CliRun bad = runCli({QStringLiteral("score"), QStringLiteral("--model"), m_model,
                                   QStringLiteral("--applicant"), m_applicant,
                                   QStringLiteral("--log-inputs"), QStringLiteral("some")});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY(bad.err.contains("full, hashed or none"));
    }

    void unwritableLogNeverStopsScoring()
    {
        const CliRun run =
            runCli({QStringLiteral("score"), QStringLiteral("--model"), m_model,
                    QStringLiteral("--applicant"), m_applicant, QStringLiteral("--log"),
                    QStringLiteral("/proc/credit-risk/log.sqlite")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.err.contains("warning: not logged"));
        QVERIFY(QJsonDocument::fromJson(run.out).object().contains(QStringLiteral("pd")));
    }

    void lockedLogNeverStopsScoringAndIsNotSetAside()
    {
        const QString path = m_dir.filePath(QStringLiteral("locked.sqlite"));
        {
            const credit::core::PredictionLog created(path.toStdString());
        }
        // Another program holds the file with an exclusive transaction while we score.
        sqlite3* other = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &other), SQLITE_OK);
        QCOMPARE(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
        const CliRun run =
            runCli({QStringLiteral("score"), QStringLiteral("--model"), m_model,
                    QStringLiteral("--applicant"), m_applicant, QStringLiteral("--log"), path});
        sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(other);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains("warning: not logged") && run.err.contains("locked"),
                 run.err.constData());
        QVERIFY(QJsonDocument::fromJson(run.out).object().contains(QStringLiteral("pd")));
        // Not mistaken for a damaged file: nothing was set aside, and it still opens.
        const QStringList aside =
            QDir(m_dir.path()).entryList({QStringLiteral("locked.sqlite.damaged*")});
        QVERIFY2(aside.isEmpty(), qPrintable(aside.join(QLatin1Char(' '))));
        QCOMPARE(stored(path).size(), std::size_t(0));
    }

private:
    QTemporaryDir m_dir;
    QString m_model;
    QString m_applicant;
};

QTEST_GUILESS_MAIN(TestCliLog)
#include "test_cli_log.moc"
