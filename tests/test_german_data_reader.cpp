// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
//
// fixtures/german.data was generated once from data/credit-g.arff (the UCI original is not on
// the build machines) with
//     python3 tests/fixtures/make_german_data.py data/credit-g.arff tests/fixtures/german.data
// which maps every label back to its A-code using the "Relabeled values in attribute ..."
// comments of the ARFF header. Its first line equals the UCI file's first line.
#include "data/data_error.h"
#include "data/dataset_reader.h"

#include <QTest>

#include <cmath>
#include <string>

using credit::core::DataError;
using credit::core::Dataset;
using credit::core::FileFormat;
using credit::core::parseDataset;
using credit::core::readDataset;
using credit::core::ReadOptions;

namespace {

constexpr const char* kRow1 =
    "A11 6 A34 A43 1169 A65 A75 4 A93 A101 4 A121 67 A143 A152 2 A173 1 A192 A201 1\n";
constexpr const char* kRow2 =
    "A12 48 A32 A43 5951 A61 A73 2 A92 A101 2 A121 22 A143 A152 1 A173 1 A191 A201 2\n";

} // namespace

class TestGermanDataReader : public QObject
{
    Q_OBJECT

private slots:
    void equalToArffOnAllRows()
    {
        const auto arff = readDataset(CREDIT_DATA_DIR "/credit-g.arff");
        const auto german = readDataset(CREDIT_FIXTURES_DIR "/german.data");
        QCOMPARE(german.format, FileFormat::GermanData);
        const Dataset& a = arff.dataset;
        const Dataset& g = german.dataset;
        QVERIFY(a.schema() == g.schema());
        QCOMPARE(g.rowCount(), std::size_t(1000));
        QCOMPARE(g.positiveCount(), std::size_t(300));
        for (std::size_t c = 0; c < a.columnCount(); ++c) {
            QCOMPARE(g.column(c).numeric, a.column(c).numeric);
            QCOMPARE(g.column(c).codes, a.column(c).codes);
        }
        QCOMPARE(g.labels(), a.labels());
        QCOMPARE(g.contentHash(), a.contentHash());
    }

    void decodesCodes()
    {
        const std::string text = std::string(kRow1) + "\n" + kRow2;
        const auto result = parseDataset(text, "german.data");
        const Dataset& ds = result.dataset;
        QCOMPARE(ds.rowCount(), std::size_t(2));
        QCOMPARE(QString::fromStdString(ds.column(0).text(0)), QStringLiteral("<0"));
        QCOMPARE(QString::fromStdString(ds.column(0).text(1)), QStringLiteral("0<=X<200"));
        QCOMPARE(QString::fromStdString(ds.column(3).text(0)), QStringLiteral("radio/tv"));
        QCOMPARE(ds.column(1).numeric, (std::vector<double>{6.0, 48.0}));
        QCOMPARE(QString::fromStdString(ds.target().text(0)), QStringLiteral("good"));
        QCOMPARE(QString::fromStdString(ds.target().text(1)), QStringLiteral("bad"));
        QCOMPARE(ds.labels(), (std::vector<std::uint8_t>{0, 1}));
    }

    void detectedFromContent()
    {
        const std::string text = std::string(kRow1) + kRow2;
        QCOMPARE(parseDataset(text, "applicants.txt").format, FileFormat::GermanData);
        QCOMPARE(parseDataset("a,class\n1,good\n2,bad\n", "other.data").format, FileFormat::Csv);
        ReadOptions options;
        options.format = FileFormat::GermanData;
        QCOMPARE(parseDataset(text, "whatever.csv", options).dataset.rowCount(), std::size_t(2));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("detail");

        QTest::newRow("unknown code")
            << (QByteArray(kRow1) + "A15 6 A34 A43 1169 A65 A75 4 A93 A101 4 A121 67 A143 A152 2 "
                                    "A173 1 A192 A201 2\n")
            << 2 << "checking_status"
            << "unknown code \"A15\" (expected one of 'A11', 'A12', 'A13', 'A14')";
        QTest::newRow("too few fields")
            << (QByteArray(kRow2) + "\nA11 6 A34 A43 1169 A65 A75 4 A93 A101\n") << 3
            << "residence_since"
            << "expected 21 blank-separated fields, got 10";
        QTest::newRow("number expected")
            << (QByteArray(kRow2) + "A11 six A34 A43 1169 A65 A75 4 A93 A101 4 A121 67 A143 A152 "
                                    "2 A173 1 A192 A201 1\n")
            << 2 << "duration"
            << "expected a number, got \"six\"";
        QTest::newRow("class 3") << (QByteArray(kRow1) +
                                     "A11 6 A34 A43 1169 A65 A75 4 A93 A101 4 A121 67 A143 A152 2 "
                                     "A173 1 A192 A201 3\n")
                                 << 2 << "class"
                                 << "unknown code \"3\" (expected one of '1', '2')";
        QTest::newRow("only good") << QByteArray(kRow1) << 0 << "class"
                                   << "only one class present ('good')";
        QTest::newRow("blank file") << QByteArray("\n\n") << 0 << QString() << "empty";
    }

    void malformed()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(QString, column);
        QFETCH(QString, detail);
        try {
            parseDataset(std::string_view(text.constData(), std::size_t(text.size())),
                         "german.data");
            QFAIL("no DataError thrown");
        } catch (const DataError& error) {
            const QString message = QString::fromStdString(error.what());
            QCOMPARE(error.line(), std::size_t(line));
            QCOMPARE(QString::fromStdString(error.column()), column);
            QVERIFY2(message.contains(detail), qPrintable(message));
            QString prefix = line > 0 ? QStringLiteral("german.data:%1: ").arg(line)
                                      : QStringLiteral("german.data: ");
            if (!column.isEmpty()) {
                prefix += QStringLiteral("column '%1': ").arg(column);
            }
            QVERIFY2(message.startsWith(prefix), qPrintable(message));
        }
    }
};

QTEST_GUILESS_MAIN(TestGermanDataReader)
#include "test_german_data_reader.moc"
