// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "data/data_error.h"
#include "data/dataset_reader.h"

#include <QTest>

#include <cmath>
#include <string>

using credit::core::Column;
using credit::core::ColumnType;
using credit::core::DataError;
using credit::core::Dataset;
using credit::core::FileFormat;
using credit::core::parseDataset;
using credit::core::ReadOptions;
using credit::core::ReadResult;

namespace {

QStringList strs(std::initializer_list<const char*> items)
{
    QStringList out;
    for (const char* item : items) {
        out << QString::fromUtf8(item);
    }
    return out;
}

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

ReadResult parse(const QByteArray& text, const ReadOptions& options = {})
{
    return parseDataset(std::string_view(text.constData(), std::size_t(text.size())), "t.csv",
                        options);
}

QStringList levels(const Column& column)
{
    QStringList out;
    for (const std::string& level : column.schema.levels) {
        out << qs(level);
    }
    return out;
}

// Every value of a column as text, missing as "<NA>".
QStringList texts(const Column& column)
{
    QStringList out;
    for (std::size_t r = 0; r < column.size(); ++r) {
        out << (column.isMissing(r) ? QStringLiteral("<NA>") : qs(column.text(r)));
    }
    return out;
}

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private slots:
    // Each case: the CSV text, then for column `column` its expected type, levels and values.
    void layout_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("numeric");
        QTest::addColumn<QStringList>("levels");
        QTest::addColumn<QStringList>("values");

        QTest::newRow("utf-8 bom") << QByteArray("\xEF\xBB\xBF"
                                                 "amount,class\n1,good\n2,bad\n")
                                   << 0 << "amount" << true << QStringList() << strs({"1", "2"});
        QTest::newRow("crlf") << QByteArray("a,b,class\r\n1,x,good\r\n2,y,bad\r\n") << 1 << "b"
                              << false << strs({"x", "y"}) << strs({"x", "y"});
        QTest::newRow("crlf target has no CR")
            << QByteArray("a,b,class\r\n1,x,good\r\n2,y,bad") << 2 << "class" << false
            << strs({"good", "bad"}) << strs({"good", "bad"});
        QTest::newRow("semicolon decimal comma")
            << QByteArray("amount;rate;class\n1234,5;0,25;good\n10;\"1,5\";bad\n") << 0 << "amount"
            << true << QStringList() << strs({"1234.5", "10"});
        QTest::newRow("semicolon quoted decimal comma")
            << QByteArray("amount;rate;class\n1234,5;0,25;good\n10;\"1,5\";bad\n") << 1 << "rate"
            << true << QStringList() << strs({"0.25", "1.5"});
        QTest::newRow("comma file keeps 1,5 apart")
            << QByteArray("a,b,class\n\"1,5\",2,good\n3,4,bad\n") << 0 << "a" << false
            << strs({"1,5", "3"}) << strs({"1,5", "3"});
        QTest::newRow("quoted newline and doubled quote")
            << QByteArray("id,note,class\n1,\"line one\nline two\",good\n2,\"a,b\"\"c\",bad\n"
                          "3,plain,good\n")
            << 1 << "note" << false << strs({"line one\nline two", "a,b\"c", "plain"})
            << strs({"line one\nline two", "a,b\"c", "plain"});
        QTest::newRow("tab") << QByteArray("a\tb\tclass\n1\tx y\tgood\n2.5\tz\tbad\n") << 0 << "a"
                             << true << QStringList() << strs({"1", "2.5"});
        QTest::newRow("tab text with comma")
            << QByteArray("a\tb\tclass\n1\tx, y\tgood\n2.5\tz\tbad\n") << 1 << "b" << false
            << strs({"x, y", "z"}) << strs({"x, y", "z"});
        QTest::newRow("semicolons inside quotes do not vote")
            << QByteArray("\"a;b\",c,class\n\"x;y;z\",1,good\n\"w\",2,bad\n") << 0 << "a;b" << false
            << strs({"x;y;z", "w"}) << strs({"x;y;z", "w"});
        QTest::newRow("levels in order of first appearance")
            << QByteArray("c,class\nb,good\na,bad\nb,good\nc,bad\n") << 0 << "c" << false
            << strs({"b", "a", "c"}) << strs({"b", "a", "b", "c"});
        QTest::newRow("late text turns a number column categorical")
            << QByteArray("n,class\n2,good\n1,bad\n2,good\nx,bad\n1.0,good\n") << 0 << "n" << false
            << strs({"2", "1", "x", "1.0"}) << strs({"2", "1", "2", "x", "1.0"});
        QTest::newRow("missing markers numeric")
            << QByteArray("n,class\n1,good\n,bad\nNA,good\n?,bad\n\"\",good\n-2e3,bad\n") << 0
            << "n" << true << QStringList() << strs({"1", "<NA>", "<NA>", "<NA>", "<NA>", "-2000"});
        QTest::newRow("missing markers categorical, quoted NA is a level")
            << QByteArray("c,class\nx,good\n,bad\nNA,good\n?,bad\n\"NA\",good\n") << 0 << "c"
            << false << strs({"x", "NA"}) << strs({"x", "<NA>", "<NA>", "<NA>", "NA"});
        QTest::newRow("all missing is numeric")
            << QByteArray("m,class\n,good\nNA,bad\n") << 0 << "m" << true << QStringList()
            << strs({"<NA>", "<NA>"});
        QTest::newRow("blanks around unquoted fields")
            << QByteArray("a , b,class\n 12 , x ,good\n3,\" y \",bad\n") << 1 << "b" << false
            << strs({"x", " y "}) << strs({"x", " y "});
        QTest::newRow("plus sign and exponent")
            << QByteArray("a,class\n+1.5,good\n1e-999,bad\n.5,good\n") << 0 << "a" << true
            << QStringList() << strs({"1.5", "0", "0.5"});
        QTest::newRow("nan as a label in a text column")
            << QByteArray("who,class\nNan,good\nBob,bad\n") << 0 << "who" << false
            << strs({"Nan", "Bob"}) << strs({"Nan", "Bob"});
        QTest::newRow("blank lines skipped") << QByteArray("a,class\n\n1,good\n\r\n2,bad\n\n") << 0
                                             << "a" << true << QStringList() << strs({"1", "2"});
        QTest::newRow("empty header name")
            << QByteArray("a,,class\n1,2,good\n3,4,bad\n") << 1 << "column2" << true
            << QStringList() << strs({"2", "4"});
    }

    void layout()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, column);
        QFETCH(QString, name);
        QFETCH(bool, numeric);
        QFETCH(QStringList, levels);
        QFETCH(QStringList, values);
        const ReadResult result = parse(text);
        QCOMPARE(result.format, FileFormat::Csv);
        const Column& c = result.dataset.column(std::size_t(column));
        QCOMPARE(qs(c.name()), name);
        QCOMPARE(c.isNumeric(), numeric);
        QCOMPARE(::levels(c), levels);
        QCOMPARE(texts(c), values);
    }

    void largeFileLateSwitch()
    {
        // More rows than the sizing sample (1,000), and a column that turns categorical on
        // row 2,501 after the columns were reserved: its first 2,500 rows are re-read. (A
        // sixth of its values are labels, too many to be typos in a numeric column.)
        QByteArray text = "id,late,class\r\n";
        for (int row = 0; row < 3000; ++row) {
            const QByteArray late = row == 2500  ? QByteArray("\"x, y\"")
                                    : row > 2500 ? QByteArray("z")
                                                 : QByteArray::number(row % 7);
            text += QByteArray::number(row) + "," + late + (row % 3 ? ",good\r\n" : ",bad\r\n");
        }
        const ReadResult result = parse(text);
        const Dataset& ds = result.dataset;
        QCOMPARE(ds.rowCount(), std::size_t(3000));
        QVERIFY(ds.column(0).isNumeric());
        QCOMPARE(ds.column(0).numeric[2999], 2999.0);
        const Column& late = ds.column(1);
        QCOMPARE(late.type(), ColumnType::Categorical);
        QCOMPARE(::levels(late), strs({"0", "1", "2", "3", "4", "5", "6", "x, y", "z"}));
        QCOMPARE(late.codes.size(), std::size_t(3000));
        QCOMPARE(qs(late.text(2499)), QStringLiteral("0")); // 2499 = 7 * 357
        QCOMPARE(qs(late.text(2500)), QStringLiteral("x, y"));
        QCOMPARE(qs(late.text(2999)), QStringLiteral("z"));
        QCOMPARE(ds.positiveCount(), std::size_t(1000));
    }

    void targetOptions()
    {
        ReadOptions options;
        options.target.column = "default";
        options.target.positive = "1";
        const ReadResult result = parse("age;default\n30;0\n41;1\n52;0\n", options);
        const Dataset& ds = result.dataset;
        QCOMPARE(ds.target().type(), ColumnType::Categorical);
        QCOMPARE(::levels(ds.target()), (strs({"0", "1"})));
        QCOMPARE(ds.labels(), (std::vector<std::uint8_t>{0, 1, 0}));
        QCOMPARE(qs(ds.schema().negativeLabel), QStringLiteral("0"));
    }

    void warnings()
    {
        const ReadResult result = parse("a,,k,class\n1,,5,good\n2,,5,bad\n");
        const QStringList expected =
            strs({"column 2 has no name in the header; it is called "
                  "'column2'",
                  "column 'column2' has no values (all missing)", "column 'k' is constant"});
        QStringList got;
        for (const std::string& w : result.warnings) {
            got << qs(w);
        }
        QCOMPARE(got, expected);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("detail");

        QTest::newRow("empty") << QByteArray("") << 0 << QString() << "the file is empty";
        QTest::newRow("bom only") << QByteArray("\xEF\xBB\xBF\r\n") << 0 << QString()
                                  << "the file is empty";
        QTest::newRow("header only")
            << QByteArray("a,b,class\n\n") << 1 << QString() << "header but no data rows";
        QTest::newRow("too few fields") << QByteArray("a,b,class\n1,x,good\n2,y\n") << 3 << "class"
                                        << "expected 3 fields, got 2";
        QTest::newRow("too many fields") << QByteArray("a,b,class\n1,x,good,extra\n") << 2
                                         << QString() << "expected 3 fields, got 4";
        QTest::newRow("line after quoted newline")
            << QByteArray("a,b,class\n1,\"x\ny\",good\n2,z\n") << 4 << "class"
            << "expected 3 fields, got 2";
        QTest::newRow("crlf line count")
            << QByteArray("a,b,class\r\n1,x,good\r\n\r\n2,y\r\n") << 4 << "class"
            << "expected 3 fields, got 2";
        QTest::newRow("unterminated quote")
            << QByteArray("a,b,class\n1,x,good\n2,\"open,bad\n3,y,good\n") << 3 << "b"
            << "unterminated quote";
        QTest::newRow("unterminated quote in header")
            << QByteArray("a,\"b,class\n1,2,3\n") << 1 << QString() << "unterminated quote";
        QTest::newRow("text after closing quote")
            << QByteArray("a,b,class\n1,x,good\n1,\"x\"y,good\n") << 3 << "b"
            << "unexpected text after a closing quote";
        QTest::newRow("inf") << QByteArray("a,b,class\n1,x,good\ninf,y,bad\n") << 3 << "a"
                             << "the number \"inf\" is not finite";
        QTest::newRow("nan") << QByteArray("a,b,class\nnan,x,good\n2,y,bad\n") << 2 << "a"
                             << "the number \"nan\" is not finite";
        QTest::newRow("1e999 after quoted newline")
            << QByteArray("a,b,class\n1,\"x\n\ny\",good\n1e999,y,bad\n") << 5 << "a"
            << "the number \"1e999\" is not finite";
        QTest::newRow("-1e999 semicolon")
            << QByteArray("a;b;class\n1,5;x;good\n-1e999;y;bad\n") << 3 << "a"
            << "the number \"-1e999\" is not finite";
        QTest::newRow("duplicate column") << QByteArray("a,b,a,class\n1,2,3,good\n") << 1 << "a"
                                          << "appears twice in the header (columns 1 and 3)";
        QTest::newRow("no target column") << QByteArray("a,b\n1,2\n3,4\n") << 0 << QString()
                                          << "no target column 'class' (columns: a, b)";
        QTest::newRow("one class") << QByteArray("a,class\n1,good\n2,good\n") << 0 << "class"
                                   << "exactly two classes, it declares 1";
        QTest::newRow("three classes")
            << QByteArray("a,class\n1,good\n2,bad\n3,ugly\n") << 0 << "class"
            << "exactly two classes, it declares 3";
        QTest::newRow("missing target value")
            << QByteArray("a,class\n1,good\n2,\n3,bad\n") << 3 << "class"
            << "the target value is missing";
        QTest::newRow("positive label absent")
            << QByteArray("a,class\n1,yes\n2,no\n") << 0 << "class"
            << "positive class 'bad' is not one of";
        QTest::newRow("NUL byte") << (QByteArray("a,class\n1,good\n2,go") + QByteArray(1, '\0') +
                                      "od\n")
                                  << 3 << QString() << "NUL byte";
        QTest::newRow("utf-16") << QByteArray("\xFF\xFE"
                                              "a\0,\0")
                                << 1 << QString() << "UTF-16";
    }

    void malformed()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(QString, column);
        QFETCH(QString, detail);
        try {
            parse(text);
            QFAIL("no DataError thrown");
        } catch (const DataError& error) {
            const QString message = QString::fromStdString(error.what());
            QCOMPARE(error.line(), std::size_t(line));
            QCOMPARE(QString::fromStdString(error.column()), column);
            QVERIFY2(message.contains(detail), qPrintable(message));
            QString prefix =
                line > 0 ? QStringLiteral("t.csv:%1: ").arg(line) : QStringLiteral("t.csv: ");
            if (!column.isEmpty()) {
                prefix += QStringLiteral("column '%1': ").arg(column);
            }
            QVERIFY2(message.startsWith(prefix), qPrintable(message));
        }
    }

    void typoInANumberColumnIsRefused()
    {
        // 116 numbers, then a word on line 118: a typo, not a categorical column. Read as
        // one it would score that applicant with a duration of 0.
        QByteArray text = "duration,class\n";
        for (int line = 2; line < 118; ++line) {
            text += QByteArray::number(line % 3) + (line % 2 ? ",good\n" : ",bad\n");
        }
        text += "six,good\n";
        try {
            parse(text);
            QFAIL("a numeric column with a typo was accepted");
        } catch (const credit::core::NotANumberError& error) {
            QCOMPARE(error.line(), std::size_t(118));
            QCOMPARE(qs(error.column()), QStringLiteral("duration"));
            QVERIFY2(qs(error.what())
                         .startsWith(
                             QStringLiteral("t.csv:118: column 'duration': expected a number, got "
                                            "\"six\"")),
                     error.what());
        }
    }

    void everyTypoIsNamedWithItsLine()
    {
        QByteArray text = "amount,class\n";
        for (int line = 2; line <= 201; ++line) {
            const QByteArray value = line == 40    ? QByteArray("12o0")
                                     : line == 150 ? QByteArray("n/a")
                                                   : QByteArray::number(line * 10);
            text += value + ",good\n";
        }
        text += "5,bad\n";
        try {
            parse(text);
            QFAIL("typos accepted");
        } catch (const credit::core::NotANumberError& error) {
            const QString message = qs(error.what());
            QVERIFY2(message.startsWith(QStringLiteral("t.csv:40: column 'amount'")),
                     qPrintable(message));
            QVERIFY2(message.contains(QStringLiteral("line 150: \"n/a\"")), qPrintable(message));
            QVERIFY2(message.contains(QStringLiteral("199 of 201 values are numbers")),
                     qPrintable(message));
        }
    }

    void mostlyLabelsStayCategorical()
    {
        // 15 % labels are too many for typos: the column is categorical, no error.
        QByteArray text = "code,class\n";
        for (int row = 0; row < 100; ++row) {
            text += (row % 20 < 3 ? QByteArray("other") : QByteArray::number(row % 4)) +
                    (row % 2 ? ",good\n" : ",bad\n");
        }
        const ReadResult result = parse(text);
        QCOMPARE(result.dataset.column(0).type(), ColumnType::Categorical);
    }

    void declaredCategoricalReadsTheTypoAsALabel()
    {
        // The same file as typoInANumberColumnIsRefused, with the column declared
        // categorical: levels in order of first appearance.
        QByteArray text = "duration,class\n";
        for (int line = 2; line < 118; ++line) {
            text += QByteArray::number(line % 3) + (line % 2 ? ",good\n" : ",bad\n");
        }
        text += "six,good\n";
        ReadOptions options;
        options.categoricalColumns = {"duration"};
        const ReadResult result = parse(text, options);
        QCOMPARE(result.dataset.rowCount(), std::size_t(117));
        QCOMPARE(result.dataset.column(0).type(), ColumnType::Categorical);
        QCOMPARE(::levels(result.dataset.column(0)), strs({"2", "0", "1", "six"}));
        QCOMPARE(result.dataset.column(0).codes[0], 0);
        QCOMPARE(result.dataset.column(0).codes[116], 3);
        // Declared categorical, a column of plain numbers is categorical too.
        options.categoricalColumns = {"duration"};
        const ReadResult codes = parse("duration,class\n1,good\n2,bad\n1,bad\n", options);
        QCOMPARE(codes.dataset.column(0).type(), ColumnType::Categorical);
        QCOMPARE(::levels(codes.dataset.column(0)), strs({"1", "2"}));
    }

    void declaredCategoricalMustExist()
    {
        ReadOptions options;
        options.categoricalColumns = {"durration"};
        try {
            parse("duration,class\n1,good\n2,bad\n", options);
            QFAIL("an unknown column was accepted");
        } catch (const credit::core::DataError& error) {
            QVERIFY2(qs(error.what()).contains(QStringLiteral("'durration'")), error.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "test_csv_reader.moc"
