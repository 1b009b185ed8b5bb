// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// The prediction log: records written and read back, input storage, the schema version,
// damaged and newer files, pruning, where the log goes, and a kill -9 while writing.
#include "common/sha256.h"
#include "monitor/prediction_log.h"
#include "support/sqlite_value.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <csignal>
#include <cstdlib>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

using credit::core::InputStorage;
using credit::core::LogError;
using credit::core::PredictionLog;
using credit::core::PredictionRecord;
using credit::core::StoredPrediction;

using credit::test::sqlValue;

namespace {

PredictionRecord record(int i)
{
    PredictionRecord r;
    r.time = "2026-12-0" + std::to_string(1 + i % 3) + "T10:00:00.000Z";
    r.requestId = "batch-1";
    r.source = "batch";
    r.modelId = "00ff00ff00ff00ff";
    r.modelName = "ensemble · m.crs";
    r.applicantId = "A" + std::to_string(i);
    r.inputs = {{"duration", std::to_string(12 + i)}, {"checking_status", "<0"}};
    r.pd = 0.25;
    r.modelPd = 0.4;
    r.decision = "reject";
    r.threshold = 0.1667;
    r.grade = "E";
    r.points = 512.5;
    r.reasons = {"Checking account balance below 0 DM", "Loan duration of 48 months"};
    r.latencyMs = 1.5;
    return r;
}

std::vector<StoredPrediction> readAll(const PredictionLog& log, const std::string& since = {},
                                      const std::string& until = {})
{
    std::vector<StoredPrediction> rows;
    log.read(since, until, [&](const StoredPrediction& row) { rows.push_back(row); });
    return rows;
}

/// A file that is no SQLite database at `path`; returns its bytes.
QByteArray writeGarbage(const QString& path)
{
    const QByteArray bytes(8192, 'x');
    QFile garbage(path);
    if (!garbage.open(QIODevice::WriteOnly) || garbage.write(bytes) != bytes.size()) {
        qFatal("cannot write %s", qPrintable(path));
    }
    return bytes;
}

} // namespace

class TestPredictionLog : public QObject
{
    Q_OBJECT

private slots:
    void sha256KnownVectors()
    {
        using credit::core::sha256Hex;
        QCOMPARE(sha256Hex(""),
                 std::string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        QCOMPARE(sha256Hex("abc"),
                 std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QCOMPARE(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                 std::string("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
        QCOMPARE(sha256Hex(std::string(1000000, 'a')),
                 std::string("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
    }

    void writesAndReadsBack()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("sub/log.sqlite")).toStdString();
        {
            PredictionLog log(path);
            for (int i = 0; i < 1200; ++i) { // more than one batch
                log.append(record(i));
            }
            QCOMPARE(log.count(), std::size_t(1200));
        }
        PredictionLog log(path);
        QVERIFY(log.notice().empty());
        const auto rows = readAll(log);
        QCOMPARE(rows.size(), std::size_t(1200));
        const StoredPrediction& first = rows.front();
        QCOMPARE(first.record.time, std::string("2026-12-01T10:00:00.000Z"));
        QCOMPARE(first.record.applicantId, std::string("A0"));
        QCOMPARE(first.inputsText, std::string(R"({"checking_status":"<0","duration":"12"})"));
        QCOMPARE(first.storage, std::string("full"));
        QCOMPARE(first.record.reasons.size(), std::size_t(2));
        QCOMPARE(first.record.points, 512.5);
        // Read by another program: the schema version and WAL mode.
        QCOMPARE(sqlValue(path, "SELECT value FROM meta WHERE key='schema_version'"),
                 std::string("2"));
        QCOMPARE(sqlValue(path, "PRAGMA journal_mode"), std::string("wal"));
        // A period: [12-02, 12-03) holds every third record.
        QCOMPARE(readAll(log, "2026-12-02", "2026-12-03").size(), std::size_t(400));
        QCOMPARE(log.prune("2026-12-02"), std::size_t(400));
        QCOMPARE(log.count(), std::size_t(800));
    }

    void inputStorageForDataProtection()
    {
        QTemporaryDir dir;
        const std::string hashedPath = dir.filePath(QStringLiteral("h.sqlite")).toStdString();
        {
            PredictionLog log(hashedPath, InputStorage::Hashed);
            log.append(record(0));
        }
        const auto hashed = readAll(PredictionLog(hashedPath, InputStorage::Hashed));
        QCOMPARE(hashed.front().inputsText,
                 "sha256:" +
                     credit::core::sha256Hex(R"({"checking_status":"<0","duration":"12"})"));
        QCOMPARE(hashed.front().storage, std::string("hashed"));
        const std::string nonePath = dir.filePath(QStringLiteral("n.sqlite")).toStdString();
        {
            PredictionLog log(nonePath, InputStorage::None);
            log.append(record(0));
        }
        QVERIFY(readAll(PredictionLog(nonePath)).front().inputsText.empty());
        QVERIFY(credit::core::parseInputStorage("hashed") == InputStorage::Hashed);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, credit::core::parseInputStorage("all"));
    }

    /// The stored inputs are valid JSON whatever the text: quotes, backslashes, control
    /// characters and UTF-8 survive the round trip.
    void inputsWithAwkwardTextRoundTrip()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("j.sqlite")).toStdString();
        PredictionRecord r = record(0);
        r.inputs = {{"a\"b\\c", "x\ny\t\x01"}, {"purpose", "r\xC3\xA9novation"}};
        r.reasons = {"Amount \"large\""};
        {
            PredictionLog log(path);
            log.append(r);
        }
        const auto rows = readAll(PredictionLog(path));
        const QJsonDocument doc =
            QJsonDocument::fromJson(QByteArray::fromStdString(rows.front().inputsText));
        QVERIFY(doc.isObject());
        QCOMPARE(doc.object().value(QStringLiteral("a\"b\\c")).toString(),
                 QStringLiteral("x\ny\t\x01"));
        QCOMPARE(doc.object().value(QStringLiteral("purpose")).toString(),
                 QString::fromUtf8("r\xC3\xA9novation"));
        QCOMPARE(rows.front().record.reasons.front(), std::string("Amount \"large\""));
    }

    void damagedFileIsSetAsideNeverOverwritten()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("log.sqlite"));
        const QByteArray bytes = writeGarbage(path);
        PredictionLog log(path.toStdString());
        QVERIFY(log.notice().find("was damaged") != std::string::npos);
        const QStringList aside =
            QDir(dir.path()).entryList({QStringLiteral("log.sqlite.damaged-*")}, QDir::Files);
        QCOMPARE(aside.size(), 1);
        QFile kept(dir.filePath(aside.first()));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), bytes); // the damaged file is kept as it was
        log.append(record(1));
        log.flush();
        QCOMPARE(log.count(), std::size_t(1));
    }

    void readersNeitherCheckNorSetAside()
    {
        // A reader (the Monitor, drift, export) skips the whole-file check; a damaged file is
        // refused by the first read that meets it and stays where it is, untouched.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("log.sqlite"));
        const QByteArray bytes = writeGarbage(path);
        QVERIFY_THROWS_EXCEPTION(LogError, PredictionLog(path.toStdString(), InputStorage::Full,
                                                         PredictionLog::Access::Read));
        QVERIFY(QDir(dir.path()).entryList({QStringLiteral("log.sqlite.damaged-*")}).isEmpty());
        QFile kept(path);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), bytes);
        // A sound log reads as well as with the checked open.
        const QString sound = dir.filePath(QStringLiteral("sound.sqlite"));
        {
            PredictionLog log(sound.toStdString());
            log.append(record(1));
        }
        const PredictionLog reader(sound.toStdString(), InputStorage::Full,
                                   PredictionLog::Access::Read);
        QCOMPARE(readAll(reader).size(), std::size_t(1));
    }

    void newerSchemaIsRefused()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("log.sqlite")).toStdString();
        {
            PredictionLog log(path);
        }
        sqlite3* db = nullptr;
        sqlite3_open(path.c_str(), &db);
        sqlite3_exec(db, "UPDATE meta SET value='7' WHERE key='schema_version'", nullptr, nullptr,
                     nullptr);
        sqlite3_close(db);
        try {
            PredictionLog log(path);
            QFAIL("a log of a newer schema was opened");
        } catch (const LogError& error) {
            QVERIFY(std::string(error.what()).find("newer Credit Risk Studio") !=
                    std::string::npos);
        }
    }

    void unwritableFolderIsAClearError()
    {
        try {
            PredictionLog log("/proc/no-such-place/log.sqlite");
            QFAIL("opened a log where none can be written");
        } catch (const LogError& error) {
            QVERIFY(std::string(error.what()).find("/proc/no-such-place/log.sqlite") !=
                    std::string::npos);
        }
    }

    void locationFromTheStrongestSetting()
    {
        using credit::core::resolveLogPath;
        qputenv("CREDIT_RISK_LOG", "/from/env.sqlite");
        qputenv("XDG_DATA_HOME", "/xdg");
        QCOMPARE(resolveLogPath({true, "/flag.sqlite", "/params.sqlite"}), std::string());
        QCOMPARE(resolveLogPath({false, "/flag.sqlite", "/params.sqlite"}),
                 std::string("/flag.sqlite"));
        QCOMPARE(resolveLogPath({false, "", "/params.sqlite"}), std::string("/from/env.sqlite"));
        qunsetenv("CREDIT_RISK_LOG");
        QCOMPARE(resolveLogPath({false, "", "/params.sqlite"}), std::string("/params.sqlite"));
        QCOMPARE(resolveLogPath({}), std::string("/xdg/credit-risk-studio/predictions.sqlite"));
        qunsetenv("XDG_DATA_HOME");
        qputenv("HOME", "/home/analyst");
        QCOMPARE(resolveLogPath({}),
                 std::string("/home/analyst/.local/share/credit-risk-studio/predictions.sqlite"));
    }

    /// A writer killed with SIGKILL at a random moment leaves a log that opens and holds
    /// every batch it had committed.
    void killedWriterLeavesEveryCommittedBatch()
    {
        QTemporaryDir dir;
        std::srand(7);
        for (int run = 0; run < 20; ++run) {
            const std::string path =
                dir.filePath(QStringLiteral("k%1.sqlite").arg(run)).toStdString();
            int pipeEnds[2];
            QVERIFY(pipe(pipeEnds) == 0);
            const pid_t child = fork();
            QVERIFY(child >= 0);
            if (child == 0) {
                close(pipeEnds[0]);
                PredictionLog log(path);
                for (int batch = 0;; ++batch) {
                    for (int i = 0; i < 50; ++i) {
                        log.append(record(i));
                    }
                    log.flush();
                    const int committed = (batch + 1) * 50;
                    if (write(pipeEnds[1], &committed, sizeof committed) < 0) {
                        _exit(1);
                    }
                }
            }
            close(pipeEnds[1]);
            usleep(useconds_t(2000 + std::rand() % 60000));
            kill(child, SIGKILL);
            waitpid(child, nullptr, 0);
            int committed = 0;
            int value = 0;
            while (read(pipeEnds[0], &value, sizeof value) == sizeof value) {
                committed = value;
            }
            close(pipeEnds[0]);
            if (!QFile::exists(QString::fromStdString(path))) {
                QCOMPARE(committed, 0); // killed before the file was made
                continue;
            }
            PredictionLog log(path);
            QVERIFY2(log.notice().empty(), log.notice().c_str());
            QVERIFY2(log.count() >= std::size_t(committed),
                     qPrintable(
                         QStringLiteral("%1 rows, %2 committed").arg(log.count()).arg(committed)));
            QCOMPARE(log.count() % 50, std::size_t(0)); // whole batches only
        }
    }
};

QTEST_GUILESS_MAIN(TestPredictionLog)
#include "test_prediction_log.moc"
