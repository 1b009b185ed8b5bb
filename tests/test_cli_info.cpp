// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// Runs the real `credit-risk info` binary and checks its output and exit codes.
#include "support/cli_run.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = credit::test::CliRun;

Run runCli(const QStringList& arguments)
{
    return credit::test::runCli(arguments, 60000);
}

QString bundled()
{
    return QStringLiteral(CREDIT_DATA_DIR "/credit-g.arff");
}

} // namespace

class TestCliInfo : public QObject
{
    Q_OBJECT

private slots:
    void versionNamesProjectVersionAndCommit()
    {
        const Run run = runCli({QStringLiteral("--version")});
        QCOMPARE(run.exitCode, 0);
        const QString out = QString::fromUtf8(run.out).trimmed();
        // "credit-risk 0.1.0 (commit 0123abcdef)": the version from CMake, a non-empty commit.
        QVERIFY2(out.startsWith(QStringLiteral("credit-risk " CREDIT_PROJECT_VERSION " (commit ")),
                 qPrintable(out));
        QVERIFY2(out.endsWith(QLatin1Char(')')) && !out.contains(QStringLiteral("(commit )")),
                 qPrintable(out));
    }

    void jsonDescribesCreditG()
    {
        const Run run = runCli({QStringLiteral("info"), bundled(), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(run.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(root.value(QStringLiteral("rows")).toInt(), 1000);
        QCOMPARE(root.value(QStringLiteral("target")).toString(), QStringLiteral("class"));
        QCOMPARE(root.value(QStringLiteral("positive")).toString(), QStringLiteral("bad"));
        const QJsonObject counts = root.value(QStringLiteral("class_counts")).toObject();
        QCOMPARE(counts.value(QStringLiteral("bad")).toInt(), 300);
        QCOMPARE(counts.value(QStringLiteral("good")).toInt(), 700);
        const QJsonArray columns = root.value(QStringLiteral("columns")).toArray();
        QCOMPARE(columns.size(), 21);
        int numeric = 0;
        for (const QJsonValue& value : columns) {
            const QJsonObject column = value.toObject();
            QVERIFY(column.contains(QStringLiteral("name")));
            QCOMPARE(column.value(QStringLiteral("missing")).toInt(-1), 0);
            numeric += column.value(QStringLiteral("type")).toString() == QStringLiteral("numeric");
        }
        QCOMPARE(numeric, 7);
        const QJsonObject first = columns.first().toObject();
        QCOMPARE(first.value(QStringLiteral("name")).toString(), QStringLiteral("checking_status"));
        QCOMPARE(first.value(QStringLiteral("levels")).toArray().size(), 4);
    }

    void textTableListsEveryColumn()
    {
        const Run run = runCli({QStringLiteral("info"), bundled()});
        QCOMPARE(run.exitCode, 0);
        const QString text = QString::fromUtf8(run.out);
        QVERIFY2(text.contains(QStringLiteral("1000 rows, 21 columns")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("300 bad (30.0 %)")));
        QVERIFY(text.contains(QStringLiteral("credit_amount")));
    }

    void otherTargetAndPositive()
    {
        // Any binary column can be the target: own_telephone with positive label "yes".
        const Run run = runCli({QStringLiteral("info"), bundled(), QStringLiteral("--json"),
                                QStringLiteral("--target"), QStringLiteral("own_telephone"),
                                QStringLiteral("--positive"), QStringLiteral("yes")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(root.value(QStringLiteral("target")).toString(), QStringLiteral("own_telephone"));
        QCOMPARE(root.value(QStringLiteral("class_counts"))
                     .toObject()
                     .value(QStringLiteral("yes"))
                     .toInt(),
                 404);
    }

    void refusedFilesExitTwo_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QByteArray() << QStringList() << QStringLiteral("bad.csv");
        QTest::newRow("no target")
            << QByteArray("a,b\n1,2\n3,4\n") << QStringList() << QStringLiteral("'class'");
        QTest::newRow("bad positive")
            << QByteArray("a,class\n1,x\n3,y\n") << QStringList() << QStringLiteral("'bad'");
    }

    void refusedFilesExitTwo()
    {
        QFETCH(QByteArray, content);
        QFETCH(QStringList, extra);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        const Run run = runCli(QStringList{QStringLiteral("info"), path} + extra);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(QString::fromUtf8(run.err).contains(expected), run.err.constData());
    }

    void typoInNumericColumnRefusedUnlessDeclaredCategorical()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("credit.csv"));
        QByteArray text = "duration,class\n";
        for (int line = 2; line <= 130; ++line) {
            text += (line == 118 ? QByteArray("six") : QByteArray::number(6 + line % 30)) +
                    (line % 3 ? ",good\n" : ",bad\n");
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
        file.close();
        const Run refused = runCli({QStringLiteral("info"), path});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(QString::fromUtf8(refused.err)
                     .contains(QStringLiteral(
                         "credit.csv:118: column 'duration': expected a number, got \"six\"")),
                 refused.err.constData());
        const Run declared = runCli({QStringLiteral("info"), path, QStringLiteral("--json"),
                                     QStringLiteral("--categorical"), QStringLiteral("duration")});
        QCOMPARE(declared.exitCode, 0);
        const QJsonArray columns = QJsonDocument::fromJson(declared.out)
                                       .object()
                                       .value(QStringLiteral("columns"))
                                       .toArray();
        QCOMPARE(columns.first().toObject().value(QStringLiteral("type")).toString(),
                 QStringLiteral("categorical"));
    }

    void missingFileAndUsage()
    {
        Run run = runCli({QStringLiteral("info"), QStringLiteral("/nonexistent/x.arff")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("/nonexistent/x.arff"));
        run = runCli({QStringLiteral("info")});
        QCOMPARE(run.exitCode, 1);
        run = runCli({QStringLiteral("no-such-command")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("unknown command"));
    }
};

QTEST_GUILESS_MAIN(TestCliInfo)
#include "test_cli_info.moc"
