// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "data/data_error.h"
#include "data/dataset.h"
#include "data/row_filter.h"

#include <QTest>

#include <cmath>
#include <cstring>
#include <limits>
#include <string>

using credit::core::Column;
using credit::core::ColumnType;
using credit::core::DataError;
using credit::core::Dataset;
using credit::core::TargetSpec;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Column numeric(const std::string& name, std::vector<double> values)
{
    Column c;
    c.schema.name = name;
    c.schema.type = ColumnType::Numeric;
    c.numeric = std::move(values);
    return c;
}

Column categorical(const std::string& name, std::vector<std::string> levels,
                   std::vector<std::int32_t> codes)
{
    Column c;
    c.schema.name = name;
    c.schema.type = ColumnType::Categorical;
    c.schema.levels = std::move(levels);
    c.codes = std::move(codes);
    return c;
}

Column target(std::vector<std::int32_t> codes)
{
    return categorical("class", {"good", "bad"}, std::move(codes));
}

// x = {1.5, NaN, -2}, colour = {red, ?, blue}, class = {good, bad, bad}.
Dataset small(double first = 1.5)
{
    return Dataset::create({numeric("x", {first, kNaN, -2.0}),
                            categorical("colour", {"red", "blue"}, {0, -1, 1}), target({0, 1, 1})},
                           TargetSpec{}, "small");
}

// Reference FNV-1a 64 over the documented layout, written out independently of dataset.cpp.
struct Fnv
{
    std::uint64_t h = 1469598103934665603ULL;
    void bytes(const void* data, std::size_t size)
    {
        const auto* p = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < size; ++i) {
            h = (h ^ p[i]) * 1099511628211ULL;
        }
    }
    void text(const std::string& s)
    {
        const std::uint64_t n = s.size();
        bytes(&n, sizeof n);
        bytes(s.data(), s.size());
    }
    void number(double v)
    {
        std::uint64_t bits = 0;
        std::memcpy(&bits, &v, sizeof bits);
        bytes(&bits, sizeof bits);
    }
};

} // namespace

class TestDataset : public QObject
{
    Q_OBJECT

private slots:
    void rowFilterQueries()
    {
        using credit::core::NumericCondition;
        using credit::core::RowFilterQuery;
        const auto op = [](const char* text) { return RowFilterQuery::parse(text).number->op; };
        QVERIFY(!RowFilterQuery::parse("car").number);
        QVERIFY(RowFilterQuery::parse("car").problem.empty());
        QVERIFY(op(">24") == NumericCondition::Op::Greater);
        QVERIFY(op(" >= 24 ") == NumericCondition::Op::GreaterOrEqual);
        QVERIFY(op("<=1e3") == NumericCondition::Op::LessOrEqual);
        QVERIFY(op("=+3") == NumericCondition::Op::Equal);
        QVERIFY(op("-5") == NumericCondition::Op::Equal); // a negative number, not a range
        const auto range = *RowFilterQuery::parse("-5-5").number;
        QVERIFY(range.op == NumericCondition::Op::Between);
        QCOMPARE(range.low, -5.0);
        QCOMPARE(range.high, 5.0);
        QVERIFY(range.matches(0) && range.matches(5) && !range.matches(5.5));
        QCOMPARE(RowFilterQuery::parse("12..24").number->high, 24.0);
        QVERIFY(!RowFilterQuery::parse("<abc").number);
        QVERIFY(RowFilterQuery::parse("<abc").problem.find("'<' needs a number") == 0);
        QVERIFY(!RowFilterQuery::parse("24-12").number);
        QVERIFY(!RowFilterQuery::parse("24-12").problem.empty());
        QVERIFY(!RowFilterQuery::parse("4<=X<7").number); // a level name, searched as text
    }

    void basics()
    {
        const Dataset ds = small();
        QCOMPARE(ds.rowCount(), std::size_t(3));
        QCOMPARE(ds.columnCount(), std::size_t(3));
        QCOMPARE(ds.schema().targetIndex, std::size_t(2));
        QCOMPARE(ds.schema().featureIndices(), (std::vector<std::size_t>{0, 1}));
        QCOMPARE(ds.schema().indexOf("colour"), std::optional<std::size_t>(1));
        QVERIFY(!ds.schema().indexOf("nope"));
        QCOMPARE(ds.labels(), (std::vector<std::uint8_t>{0, 1, 1}));
        QCOMPARE(ds.positiveCount(), std::size_t(2));
        QCOMPARE(ds.positiveRate(), 2.0 / 3.0);
        QCOMPARE(QString::fromStdString(ds.schema().negativeLabel), QStringLiteral("good"));
        QCOMPARE(ds.column(0).missingCount(), std::size_t(1));
        QCOMPARE(ds.column(1).missingCount(), std::size_t(1));
        QCOMPARE(QString::fromStdString(ds.column(0).text(0)), QStringLiteral("1.5"));
        QCOMPARE(QString::fromStdString(ds.column(0).text(1)), QString());
        QCOMPARE(QString::fromStdString(ds.column(1).text(2)), QStringLiteral("blue"));
    }

    void numericTargetConverted()
    {
        TargetSpec spec;
        spec.column = "y";
        spec.positive = "2";
        const Dataset ds =
            Dataset::create({numeric("x", {1, 2, 3}), numeric("y", {2, 1, 1})}, spec, "n");
        QCOMPARE(ds.target().type(), ColumnType::Categorical);
        QCOMPARE(ds.target().schema.levels, (std::vector<std::string>{"1", "2"}));
        QCOMPARE(ds.target().codes, (std::vector<std::int32_t>{1, 0, 0}));
        QCOMPARE(ds.labels(), (std::vector<std::uint8_t>{1, 0, 0}));
        QCOMPARE(QString::fromStdString(ds.schema().negativeLabel), QStringLiteral("1"));
    }

    void invalid_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("detail");
        QTest::newRow("no columns") << 0 << QString() << "the data has no columns";
        QTest::newRow("unequal lengths") << 1 << "class"
                                         << "has 3 values, expected 2";
        QTest::newRow("duplicate names") << 2 << "x"
                                         << "the column name appears twice";
        QTest::newRow("no rows") << 3 << QString() << "the data has no rows";
        QTest::newRow("no target column")
            << 4 << QString() << "no target column 'outcome' (columns: x, class)";
        QTest::newRow("three levels") << 5 << "class"
                                      << "exactly two classes, it declares 3";
        QTest::newRow("positive label absent") << 6 << "class"
                                               << "the positive class 'bad' is not one of 'no', "
                                                  "'yes'";
        QTest::newRow("missing target value") << 7 << "class"
                                              << "row 2 has no target value";
        QTest::newRow("one class present") << 8 << "class"
                                           << "only one class present ('bad'); two are needed";
        QTest::newRow("numeric target, three values") << 9 << "class"
                                                      << "exactly two classes, found 3";
        QTest::newRow("code outside the levels") << 10 << "colour"
                                                 << "row 2 has level code 2, but the column has "
                                                    "2 levels";
    }

    void invalid()
    {
        QFETCH(int, which);
        QFETCH(QString, column);
        QFETCH(QString, detail);
        std::vector<Column> columns;
        TargetSpec spec;
        switch (which) {
        case 0:
            break;
        case 1:
            columns = {numeric("x", {1, 2}), target({0, 1, 1})};
            break;
        case 2:
            columns = {numeric("x", {1, 2}), numeric("x", {1, 2}), target({0, 1})};
            break;
        case 3:
            columns = {numeric("x", {}), target({})};
            break;
        case 4:
            columns = {numeric("x", {1, 2}), target({0, 1})};
            spec.column = "outcome";
            break;
        case 5:
            columns = {categorical("class", {"a", "b", "c"}, {0, 1})};
            break;
        case 6:
            columns = {categorical("class", {"no", "yes"}, {0, 1})};
            break;
        case 7:
            columns = {numeric("x", {1, 2, 3}), target({0, -1, 1})};
            break;
        case 8:
            columns = {numeric("x", {1, 2}), target({1, 1})};
            break;
        case 9:
            columns = {numeric("class", {0, 1, 2})};
            break;
        case 10:
            columns = {categorical("colour", {"r", "b"}, {0, 2}), target({0, 1})};
            break;
        default:
            QFAIL("unknown case");
        }
        try {
            Dataset::create(std::move(columns), spec, "src");
            QFAIL("no DataError thrown");
        } catch (const DataError& error) {
            QCOMPARE(QString::fromStdString(error.column()), column);
            QCOMPARE(QString::fromStdString(error.file()), QStringLiteral("src"));
            QVERIFY2(QString::fromStdString(error.detail()).contains(detail), error.what());
        }
    }

    void subset()
    {
        const Dataset ds = small();
        const Dataset sub = ds.subset({2, 0, 2});
        QVERIFY(sub.schema() == ds.schema());
        QCOMPARE(sub.rowCount(), std::size_t(3));
        QCOMPARE(sub.column(0).numeric, (std::vector<double>{-2.0, 1.5, -2.0}));
        QCOMPARE(sub.column(1).codes, (std::vector<std::int32_t>{1, 0, 1}));
        QCOMPARE(sub.labels(), (std::vector<std::uint8_t>{1, 0, 1}));
        QCOMPARE(sub.positiveCount(), std::size_t(2));
        QCOMPARE(QString::fromStdString(sub.sourceName()), QStringLiteral("small"));
        QCOMPARE(ds.subset({0, 1, 2}).contentHash(), ds.contentHash());
        QCOMPARE(ds.subset({}).rowCount(), std::size_t(0));
    }

    void contentHash()
    {
        const Dataset ds = small();
        QCOMPARE(small().contentHash(), ds.contentHash());
        QVERIFY(small(1.25).contentHash() != ds.contentHash());
        // -0 and 0 hash alike; every NaN (missing) hashes alike.
        QCOMPARE(small(-0.0).contentHash(), small(0.0).contentHash());
        QCOMPARE(small(-kNaN).contentHash(), small(kNaN).contentHash());
        const Dataset renamed = Dataset::create(
            {numeric("x", {1.5, kNaN, -2.0}), categorical("colour", {"red", "azure"}, {0, -1, 1}),
             target({0, 1, 1})},
            TargetSpec{}, "small");
        QVERIFY(renamed.contentHash() != ds.contentHash());

        // The documented layout, recomputed independently: stable across runs and platforms.
        Fnv fnv;
        fnv.text("x");
        const std::uint8_t numericType = 0;
        const std::uint8_t categoricalType = 1;
        fnv.bytes(&numericType, 1);
        fnv.number(1.5);
        fnv.number(std::numeric_limits<double>::quiet_NaN());
        fnv.number(-2.0);
        fnv.text("colour");
        fnv.bytes(&categoricalType, 1);
        fnv.text("red");
        fnv.text("blue");
        const std::int32_t colour[] = {0, -1, 1};
        fnv.bytes(colour, sizeof colour);
        fnv.text("class");
        fnv.bytes(&categoricalType, 1);
        fnv.text("good");
        fnv.text("bad");
        const std::int32_t classes[] = {0, 1, 1};
        fnv.bytes(classes, sizeof classes);
        fnv.text("bad");
        QCOMPARE(ds.contentHash(), fnv.h);
    }
};

QTEST_GUILESS_MAIN(TestDataset)
#include "test_dataset.moc"
