// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "common/atomic_file.h"
#include "data/csv_writer.h"
#include "data/dataset_reader.h"

#include <QTemporaryDir>
#include <QTest>

#include <string>

using credit::core::csvField;
using credit::core::Dataset;
using credit::core::parseDataset;
using credit::core::readDataset;
using credit::core::readWholeFile;
using credit::core::writeCsv;

class TestCsvWriter : public QObject
{
    Q_OBJECT

private slots:
    void field_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "radio/tv"
                               << "radio/tv";
        QTest::newRow("inner blank") << "new car"
                                     << "new car";
        QTest::newRow("comma") << "a,b"
                               << "\"a,b\"";
        QTest::newRow("quote") << "say \"hi\""
                               << "\"say \"\"hi\"\"\"";
        QTest::newRow("newline") << "a\nb"
                                 << "\"a\nb\"";
        QTest::newRow("CR") << "a\rb"
                            << "\"a\rb\"";
        QTest::newRow("semicolon") << "a;b"
                                   << "\"a;b\"";
        QTest::newRow("tab") << "a\tb"
                             << "\"a\tb\"";
        QTest::newRow("leading blank") << " a"
                                       << "\" a\"";
        QTest::newRow("NA is not missing") << "NA"
                                           << "\"NA\"";
        QTest::newRow("? is not missing") << "?"
                                          << "\"?\"";
        QTest::newRow("empty") << QString() << "\"\"";
    }

    void field()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(csvField(text.toStdString())), expected);
    }

    void roundTrip()
    {
        // Levels appear in declared order and are not all numbers, so the CSV says it all.
        const char* csv = "amount,\"note, with comma\",flag,class\n"
                          "0.1,\"say \"\"hi\"\"\",NA,good\n"
                          "-1e-300,\"two\nlines\",,bad\n"
                          ",\" padded \",x,good\n"
                          "1169,plain,?,bad\n";
        const Dataset original = parseDataset(csv, "in.csv").dataset;
        QCOMPARE(original.column(2).missingCount(), std::size_t(3));
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("out.csv")).toStdString();
        writeCsv(original, path);
        const Dataset back = readDataset(path).dataset;
        QVERIFY(back.schema() == original.schema());
        for (std::size_t c = 0; c < original.columnCount(); ++c) {
            QCOMPARE(back.column(c).codes, original.column(c).codes);
            const auto& a = original.column(c).numeric;
            const auto& b = back.column(c).numeric;
            QCOMPARE(b.size(), a.size());
            for (std::size_t r = 0; r < a.size(); ++r) {
                QVERIFY((std::isnan(a[r]) && std::isnan(b[r])) || a[r] == b[r]);
            }
        }
        QCOMPARE(back.contentHash(), original.contentHash());
        const std::string text = readWholeFile(path);
        QVERIFY(text.starts_with("amount,\"note, with comma\",flag,class\r\n0.1,"));
    }

    void creditGValuesSurvive()
    {
        // CSV rebuilds levels in order of first appearance, so compare values as text.
        const Dataset arff = readDataset(CREDIT_DATA_DIR "/credit-g.arff").dataset;
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("credit-g.csv")).toStdString();
        writeCsv(arff, path);
        const Dataset csv = readDataset(path).dataset;
        QCOMPARE(csv.rowCount(), arff.rowCount());
        QCOMPARE(csv.columnCount(), arff.columnCount());
        QCOMPARE(csv.labels(), arff.labels());
        for (std::size_t c = 0; c < arff.columnCount(); ++c) {
            QCOMPARE(csv.column(c).type(), arff.column(c).type());
            for (std::size_t r = 0; r < arff.rowCount(); ++r) {
                QCOMPARE(csv.column(c).text(r), arff.column(c).text(r));
            }
        }
    }

    void unwritablePathThrows()
    {
        const Dataset ds = parseDataset("a,class\n1,good\n2,bad\n", "in.csv").dataset;
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 writeCsv(ds, "/nonexistent-dir-for-test/out.csv"));
    }
};

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "test_csv_writer.moc"
