// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "data/data_error.h"
#include "data/dataset_reader.h"

#include <QTest>

#include <cmath>
#include <string>

using credit::core::ColumnType;
using credit::core::DataError;
using credit::core::Dataset;
using credit::core::FileFormat;
using credit::core::parseDataset;
using credit::core::readDataset;

namespace {

// Header shared by most malformed cases: the data starts on line 6.
constexpr const char* kHeader = "@relation t\n"
                                "@attribute x numeric\n"
                                "@attribute c {a, b}\n"
                                "@attribute class {good, bad}\n"
                                "@data\n";

QByteArray withHeader(const char* rows)
{
    return QByteArray(kHeader) + rows;
}

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

class TestArffReader : public QObject
{
    Q_OBJECT

private slots:
    void bundledCreditG()
    {
        const auto result = readDataset(CREDIT_DATA_DIR "/credit-g.arff");
        const Dataset& ds = result.dataset;
        QCOMPARE(result.format, FileFormat::Arff);
        QCOMPARE(ds.rowCount(), std::size_t(1000));
        QCOMPARE(ds.columnCount(), std::size_t(21));
        QCOMPARE(ds.positiveCount(), std::size_t(300));
        QCOMPARE(qs(ds.sourceName()), QStringLiteral("credit-g.arff"));
        QCOMPARE(qs(ds.schema().target().name), QStringLiteral("class"));
        QCOMPARE(ds.schema().targetIndex, std::size_t(20));
        QCOMPARE(qs(ds.schema().positiveLabel), QStringLiteral("bad"));
        QCOMPARE(qs(ds.schema().negativeLabel), QStringLiteral("good"));

        QStringList numeric;
        for (const auto& column : ds.schema().columns) {
            if (column.type == ColumnType::Numeric) {
                numeric << qs(column.name);
            }
        }
        QCOMPARE(numeric, (QStringList{QStringLiteral("duration"), QStringLiteral("credit_amount"),
                                       QStringLiteral("installment_commitment"),
                                       QStringLiteral("residence_since"), QStringLiteral("age"),
                                       QStringLiteral("existing_credits"),
                                       QStringLiteral("num_dependents")}));
        // Declared level order is kept, quotes removed.
        const auto& checking = ds.column(0).schema.levels;
        QCOMPARE(checking.size(), std::size_t(4));
        QCOMPARE(qs(checking[0]), QStringLiteral("<0"));
        QCOMPARE(qs(checking[3]), QStringLiteral("no checking"));
        QCOMPARE(ds.column(3).schema.levels.size(), std::size_t(11)); // purpose
        // First data row: '<0',6,...,1169,...,67,...,good
        QCOMPARE(qs(ds.column(0).text(0)), QStringLiteral("<0"));
        QCOMPARE(ds.column(1).numeric[0], 6.0);
        QCOMPARE(ds.column(4).numeric[0], 1169.0);
        QCOMPARE(ds.column(12).numeric[0], 67.0);
        QCOMPARE(ds.labels()[0], std::uint8_t(0));
        QCOMPARE(ds.labels()[1], std::uint8_t(1)); // second row is bad
        for (const auto& column : ds.columns()) {
            QCOMPARE(column.missingCount(), std::size_t(0));
        }
    }

    void features()
    {
        const char* text = "% leading comment\n"
                           "@RELATION 'my rel'\n"
                           "\n"
                           "@ATTRIBUTE 'the amount' REAL\n"
                           "@Attribute n INTEGER\n"
                           "@attribute \"c d\" {'x y', \"q\\\"z\", plain, 'it\\'s'}\n"
                           "@attribute class {bad, good}   % bad declared first\n"
                           "@DATA\n"
                           "% comment inside the data\n"
                           "1.5, 2, 'x y', good\n"
                           "?, -3, \"q\\\"z\", bad\r\n"
                           "+2e1,4,plain,good\n"
                           "  7 ,  ? , 'it\\'s' , bad\n"
                           "1,1,?,good\n";
        const auto result = parseDataset(text, "t.arff");
        const Dataset& ds = result.dataset;
        QCOMPARE(ds.rowCount(), std::size_t(5));
        QCOMPARE(qs(ds.column(0).name()), QStringLiteral("the amount"));
        QCOMPARE(qs(ds.column(2).name()), QStringLiteral("c d"));
        const auto& amount = ds.column(0).numeric;
        QCOMPARE(amount[0], 1.5);
        QVERIFY(std::isnan(amount[1]));
        QCOMPARE(amount[2], 20.0);
        QCOMPARE(amount[3], 7.0);
        const auto& n = ds.column(1).numeric;
        QCOMPARE(n[1], -3.0);
        QVERIFY(std::isnan(n[3]));
        const auto& levels = ds.column(2).schema.levels;
        QCOMPARE(levels.size(), std::size_t(4));
        QCOMPARE(qs(levels[0]), QStringLiteral("x y"));
        QCOMPARE(qs(levels[1]), QStringLiteral("q\"z"));
        QCOMPARE(qs(levels[2]), QStringLiteral("plain"));
        QCOMPARE(qs(levels[3]), QStringLiteral("it's"));
        QCOMPARE(ds.column(2).codes, (std::vector<std::int32_t>{0, 1, 2, 3, -1}));
        // Declared order {bad, good} is kept even though good appears first.
        QCOMPARE(qs(ds.target().schema.levels[0]), QStringLiteral("bad"));
        QCOMPARE(ds.target().codes, (std::vector<std::int32_t>{1, 0, 1, 0, 1}));
        QCOMPARE(ds.labels(), (std::vector<std::uint8_t>{0, 1, 0, 1, 0}));
        QCOMPARE(ds.positiveCount(), std::size_t(2));
    }

    void formatFromContent()
    {
        const auto result =
            parseDataset(withHeader("1,a,good\n2,b,bad\n").toStdString(), "no-extension");
        QCOMPARE(result.format, FileFormat::Arff);
        QCOMPARE(result.dataset.rowCount(), std::size_t(2));
        QCOMPARE(qs(credit::core::formatName(FileFormat::Arff)), QStringLiteral("arff"));
        QCOMPARE(qs(credit::core::formatName(FileFormat::Csv)), QStringLiteral("csv"));
        QCOMPARE(qs(credit::core::formatName(FileFormat::GermanData)),
                 QStringLiteral("german.data"));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("detail");

        QTest::newRow("empty file") << QByteArray("  \n\n") << 0 << QString() << "empty";
        QTest::newRow("string attribute")
            << QByteArray("@relation t\n@attribute name string\n@attribute class {good,bad}\n"
                          "@data\nx,good\n")
            << 2 << "name"
            << "attributes of type string are not supported";
        QTest::newRow("date attribute") << QByteArray("@relation t\n@attribute class {good,bad}\n"
                                                      "@attribute when date 'yyyy-MM-dd'\n@data\n")
                                        << 3 << "when"
                                        << "attributes of type date are not supported";
        QTest::newRow("unknown type") << QByteArray("@relation t\n@attribute x numbr\n") << 2 << "x"
                                      << "unknown attribute type \"numbr\"";
        QTest::newRow("unknown keyword") << QByteArray("@relation t\n@attrib x numeric\n") << 2
                                         << QString() << "unknown keyword \"@attrib\"";
        QTest::newRow("data before attributes") << QByteArray("@relation t\n% c\n@data\n1,2\n") << 3
                                                << QString() << "@data comes before any @attribute";
        QTest::newRow("no data section")
            << QByteArray("@relation t\n@attribute x numeric\n@attribute class {good,bad}\n") << 3
            << QString() << "no @data section";
        QTest::newRow("no data rows")
            << withHeader("% nothing here\n\n") << 7 << QString() << "has no rows";
        QTest::newRow("duplicate attribute")
            << QByteArray("@relation t\n@attribute x numeric\n@attribute x real\n") << 3 << "x"
            << "declared twice";
        QTest::newRow("too few fields") << withHeader("1,a,good\n2,b\n") << 7 << "class"
                                        << "expected 3 fields, got 2";
        QTest::newRow("too many fields")
            << withHeader("1,a,good,9\n") << 6 << QString() << "expected 3 fields, got 4";
        QTest::newRow("unterminated quote") << withHeader("1,'a,good\n") << 6 << "c"
                                            << "unterminated quote";
        QTest::newRow("undeclared nominal value")
            << withHeader("1,a,good\n% c\n\n1,z,good\n") << 9 << "c"
            << "value \"z\" is not a declared nominal value (declared: 'a', 'b')";
        QTest::newRow("unparsable number") << withHeader("six,a,good\n") << 6 << "x"
                                           << "expected a number, got \"six\"";
        QTest::newRow("inf") << withHeader("1,a,good\ninf,a,bad\n") << 7 << "x"
                             << "the number \"inf\" is not finite";
        QTest::newRow("nan") << withHeader("NaN,a,good\n") << 6 << "x"
                             << "the number \"NaN\" is not finite";
        QTest::newRow("1e999") << withHeader("1e999,a,good\n") << 6 << "x"
                               << "the number \"1e999\" is not finite";
        QTest::newRow("missing target") << withHeader("1,a,good\n2,b,?\n") << 7 << "class"
                                        << "target value is missing";
        QTest::newRow("one class") << withHeader("1,a,good\n2,b,good\n") << 0 << "class"
                                   << "only one class present ('good')";
        QTest::newRow("no target column")
            << QByteArray("@relation t\n@attribute x numeric\n@attribute y {a,b}\n@data\n1,a\n")
            << 0 << QString() << "no target column 'class' (columns: x, y)";
        QTest::newRow("NUL byte") << (withHeader("1,a,good\n2,a") + QByteArray(1, '\0') + ",bad\n")
                                  << 7 << QString() << "NUL byte";
        QTest::newRow("empty level list")
            << QByteArray("@relation t\n@attribute c {}\n") << 2 << "c"
            << "list of nominal values is empty";
        QTest::newRow("sparse row")
            << withHeader("{0 1, 2 bad}\n") << 6 << QString() << "sparse ARFF rows";
    }

    void malformed()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(QString, column);
        QFETCH(QString, detail);
        try {
            parseDataset(std::string_view(text.constData(), std::size_t(text.size())), "t.arff");
            QFAIL("no DataError thrown");
        } catch (const DataError& error) {
            const QString message = QString::fromStdString(error.what());
            QCOMPARE(error.line(), std::size_t(line));
            QCOMPARE(QString::fromStdString(error.column()), column);
            QVERIFY2(message.contains(detail), qPrintable(message));
            QString prefix =
                line > 0 ? QStringLiteral("t.arff:%1: ").arg(line) : QStringLiteral("t.arff: ");
            if (!column.isEmpty()) {
                prefix += QStringLiteral("column '%1': ").arg(column);
            }
            QVERIFY2(message.startsWith(prefix), qPrintable(message));
        }
    }

    void missingFileNamesPath()
    {
        try {
            readDataset("/nonexistent/dir/x.arff");
            QFAIL("no DataError thrown");
        } catch (const DataError& error) {
            QVERIFY(QString::fromStdString(error.what()).contains(QStringLiteral("x.arff")));
        }
    }
};

QTEST_GUILESS_MAIN(TestArffReader)
#include "test_arff_reader.moc"
