// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "features/feature_pipeline.h"

#include <QtTest/QtTest>

#include <cmath>
#include <limits>
#include <sstream>

using namespace credit::core;

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

// Eight rows; rows 0-5 train, rows 6-7 test. purpose level "d" is declared but only in a test
// row; row 2 has a missing amount, row 4 a missing purpose.
Dataset smallData()
{
    std::vector<Column> columns;
    columns.push_back(numeric("duration", {12, 24, 6, 36, 48, 12, 30, 9}));
    columns.push_back(numeric("credit_amount", {1200, 4800, kNaN, 7200, 9600, 3000, 600, 900}));
    columns.push_back(numeric("age", {22, 35, 45, 30, 50, 28, 61, 19}));
    columns.push_back(categorical("purpose", {"a", "b", "c", "d"}, {0, 1, 0, 2, -1, 0, 3, 1}));
    columns.push_back(categorical("class", {"good", "bad"}, {0, 1, 0, 1, 1, 0, 0, 1}));
    return Dataset::create(std::move(columns), TargetSpec{});
}

const std::vector<std::size_t> kTrain = {0, 1, 2, 3, 4, 5};

std::size_t indexOf(const std::vector<std::string>& names, const std::string& name)
{
    const auto it = std::find(names.begin(), names.end(), name);
    return it == names.end() ? names.size() : std::size_t(it - names.begin());
}

} // namespace

class TestFeaturePipeline : public QObject
{
    Q_OBJECT

private slots:
    void fittedStatisticsComeFromTrainingRows()
    {
        FeaturePipeline pipeline;
        const auto warnings = pipeline.fit(smallData(), kTrain);
        const auto& attributes = pipeline.attributes();
        QCOMPARE(attributes.size(), std::size_t(7)); // 4 columns + 3 business variables
        // duration over rows 0-5: 12 24 6 36 48 12 → median (12+24)/2 = 18, mean 23.
        const AttributeStats& duration = attributes[0];
        QCOMPARE(duration.name, std::string("duration"));
        QCOMPARE(duration.median, 18.0);
        QCOMPARE(duration.mean, 23.0);
        const double sd = std::sqrt((121.0 + 1.0 + 289.0 + 169.0 + 625.0 + 121.0) / 6.0);
        QVERIFY(std::abs(duration.sd - sd) < 1e-12);
        QVERIFY(!duration.missingFlag);
        // credit_amount: one missing among the training rows → median of 5 values = 4800.
        const AttributeStats& amount = attributes[1];
        QCOMPARE(amount.missingCount, std::size_t(1));
        QVERIFY(amount.missingFlag);
        QCOMPARE(amount.median, 4800.0);
        // purpose: a×3, b×1, c×1 seen, missing → mode a; d never seen in training.
        const AttributeStats& purpose = attributes[3];
        QCOMPARE(purpose.levels, (std::vector<std::string>{"a", "b", "c"}));
        QCOMPARE(purpose.levelCount, (std::vector<std::size_t>{4, 1, 1}));
        QCOMPARE(purpose.mode, std::size_t(0));
        bool warnedUnseen = false;
        for (const auto& w : warnings) {
            warnedUnseen = warnedUnseen || w.find("'d'") != std::string::npos;
        }
        QVERIFY(warnedUnseen);
    }

    void featureNamesAndAttributes()
    {
        FeaturePipeline pipeline;
        pipeline.fit(smallData(), kTrain);
        const auto names = pipeline.featureNames();
        const std::vector<std::string> expectedStart = {"duration",
                                                        "credit_amount",
                                                        "credit_amount_missing",
                                                        "age",
                                                        "purpose=a",
                                                        "purpose=b",
                                                        "purpose=c",
                                                        "purpose_missing",
                                                        "monthly_instalment",
                                                        "monthly_instalment_missing",
                                                        "amount_per_age",
                                                        "amount_per_age_missing"};
        QVERIFY(names.size() > expectedStart.size());
        for (std::size_t i = 0; i < expectedStart.size(); ++i) {
            QCOMPARE(names[i], expectedStart[i]);
        }
        QVERIFY(names[expectedStart.size()].rfind("duration_age_band=", 0) == 0);
        const auto source = pipeline.featureAttributes();
        QCOMPARE(source.size(), names.size());
        QCOMPARE(source[2], std::size_t(1)); // credit_amount_missing → credit_amount
        QCOMPARE(source[6], std::size_t(3)); // purpose=c → purpose
        QCOMPARE(pipeline.attributes()[source.back()].name, std::string("duration_age_band"));
    }

    void transformImputesStandardisesAndEncodes()
    {
        const Dataset data = smallData();
        FeaturePipeline pipeline;
        pipeline.fit(data, kTrain);
        const auto names = pipeline.featureNames();
        std::vector<std::string> warnings;
        const DesignMatrix x = pipeline.transform(data, {}, &warnings);
        QCOMPARE(x.rows(), Eigen::Index(8));
        QCOMPARE(x.cols(), Eigen::Index(names.size()));
        const AttributeStats& amount = pipeline.attributes()[1];
        // Row 2: amount missing → median, flag 1.
        const auto a = Eigen::Index(indexOf(names, "credit_amount"));
        // Single precision: the value to 7 significant digits.
        QCOMPARE(x(2, a), float((4800.0 - amount.mean) / amount.sd));
        QCOMPARE(x(2, a + 1), 1.0);
        QCOMPARE(x(1, a + 1), 0.0);
        // Row 4: purpose missing → mode "a".
        const auto pa = Eigen::Index(indexOf(names, "purpose=a"));
        QCOMPARE(x(4, pa), 1.0);
        QCOMPARE(x(4, pa + 3), 1.0); // purpose_missing
        // Row 6: unseen level "d" → all-zero one-hot plus a warning naming it.
        QCOMPARE(x(6, pa) + x(6, pa + 1) + x(6, pa + 2), 0.0);
        QCOMPARE(x(6, pa + 3), 0.0);
        QCOMPARE(warnings.size(), std::size_t(1));
        QVERIFY(warnings.front().find("'d'") != std::string::npos);
        // Business variable on row 1: 4800 / 24 = 200 per month, standardised.
        const AttributeStats& instalment = pipeline.attributes()[4];
        const auto mi = Eigen::Index(indexOf(names, "monthly_instalment"));
        QVERIFY(std::abs(double(x(1, mi)) * instalment.sd + instalment.mean - 200.0) < 1e-4);
        // Band of row 3: duration 36 (long), age 30 (adult).
        const auto band = Eigen::Index(indexOf(names, "duration_age_band=long/adult"));
        QVERIFY(band < x.cols());
        QCOMPARE(x(3, band), 1.0);
        // Training columns of a standardised numeric have mean 0.
        const auto d = Eigen::Index(indexOf(names, "duration"));
        QVERIFY(std::abs(x.col(d).head(6).cast<double>().mean()) < 1e-6);
    }

    void statisticsIgnoreNonTrainingRows()
    {
        FeaturePipeline one;
        one.fit(smallData(), kTrain);
        std::vector<Column> columns = smallData().columns();
        columns[0].numeric[6] = 1e6; // change test rows only
        columns[3].codes[7] = 2;
        FeaturePipeline two;
        two.fit(Dataset::create(columns, TargetSpec{}), kTrain);
        QCOMPARE(one.attributes()[0].mean, two.attributes()[0].mean);
        QCOMPARE(one.attributes()[0].median, two.attributes()[0].median);
        QCOMPARE(one.attributes()[3].levelCount, two.attributes()[3].levelCount);
        QCOMPARE(one.featureNames(), two.featureNames());
    }

    void woeTableWithSmoothing()
    {
        FeatureOptions options;
        options.encoding = CategoricalEncoding::Woe;
        options.durationAgeBand = false;
        FeaturePipeline pipeline;
        pipeline.fit(smallData(), kTrain, options);
        const AttributeStats& purpose = pipeline.attributes()[3];
        // Training rows (missing → mode a): a: rows 0,2,5 good, row 4 bad → g3 b1;
        // b: row 1 bad → g0 b1; c: row 3 bad → g0 b1. Totals: G = 3, B = 3, K = 3, s = 0.5.
        auto woe = [](double g, double b) {
            return std::log(((g + 0.5) / 4.5) / ((b + 0.5) / 4.5));
        };
        QCOMPARE(purpose.woe.size(), std::size_t(3));
        QVERIFY(std::abs(purpose.woe[0] - woe(3, 1)) < 1e-12);
        QVERIFY(std::abs(purpose.woe[1] - woe(0, 1)) < 1e-12);
        QVERIFY(std::abs(purpose.woe[2] - woe(0, 1)) < 1e-12);
        const auto names = pipeline.featureNames();
        const auto col = Eigen::Index(indexOf(names, "purpose_woe"));
        QVERIFY(col < Eigen::Index(names.size()));
        std::vector<std::string> warnings;
        const DesignMatrix x = pipeline.transform(smallData(), {}, &warnings);
        QCOMPARE(x(1, col), float(purpose.woe[1]));
        QCOMPARE(x(6, col), 0.0); // unseen "d" → WoE 0
        QCOMPARE(warnings.size(), std::size_t(1));

        options.woeSmoothing = 0.0; // empty cells are then an error, not an infinity
        FeaturePipeline strict;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, strict.fit(smallData(), kTrain, options));
    }

    void transformOneMatchesTransform()
    {
        const Dataset data = smallData();
        FeaturePipeline pipeline;
        pipeline.fit(data, kTrain);
        const DesignMatrix all = pipeline.transform(data);
        for (std::size_t r = 0; r < data.rowCount(); ++r) {
            std::map<std::string, std::string> values;
            for (std::size_t c = 0; c < data.columnCount(); ++c) {
                values[data.column(c).name()] = data.column(c).text(r);
            }
            std::vector<std::string> warnings;
            const DesignMatrix one = pipeline.transformOne(values, &warnings);
            QCOMPARE(one.rows(), Eigen::Index(1));
            QVERIFY2((one.row(0) - all.row(Eigen::Index(r))).cwiseAbs().maxCoeff() < 1e-12,
                     qPrintable(QString::number(r)));
            const bool hasMissing = r == 2 || r == 4;
            QCOMPARE(!warnings.empty(), hasMissing || r == 6);
        }
        std::vector<std::string> warnings;
        pipeline.transformOne({{"purpose", "zzz"}, {"duration", "12"}, {"colour", "red"}},
                              &warnings);
        bool unseen = false;
        bool ignored = false;
        for (const auto& w : warnings) {
            unseen = unseen || w.find("'zzz'") != std::string::npos;
            ignored = ignored || w.find("'colour'") != std::string::npos;
        }
        QVERIFY(unseen);
        QVERIFY(ignored);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 pipeline.transformOne({{"duration", "twelve"}}));
    }

    // A number whose standardised value does not fit the single-precision design matrix is
    // refused with the field's name, in all three ways of transforming; derived variables name
    // their inputs. 1e30 still fits and is kept.
    void tooLargeNumbersAreRefused()
    {
        const Dataset data = smallData();
        FeaturePipeline pipeline;
        pipeline.fit(data, kTrain);
        const std::map<std::string, std::string> base{
            {"duration", "12"}, {"credit_amount", "1200"}, {"age", "30"}, {"purpose", "a"}};
        auto message = [&](const std::map<std::string, std::string>& values) -> std::string {
            try {
                pipeline.transformOne(values);
            } catch (const std::invalid_argument& e) {
                return e.what();
            }
            return {};
        };
        auto with = [&](const std::string& name, const std::string& value) {
            auto values = base;
            values[name] = value;
            return values;
        };
        QCOMPARE(message(base), std::string());
        QCOMPARE(message(with("credit_amount", "1e30")), std::string());
        const std::string amount = message(with("credit_amount", "1e300"));
        QVERIFY2(amount.find("field 'credit_amount' is too large") == 0, amount.c_str());
        const std::string ratio = message(with("duration", "1e-300"));
        QVERIFY2(ratio.find("(from credit_amount and duration)") != std::string::npos,
                 ratio.c_str());

        const std::vector<std::string> names{"duration", "credit_amount", "age", "purpose"};
        const std::vector<std::string_view> cells{"12", "1200", "30", "a",
                                                  "12", "1e300", "30", "a"};
        DesignMatrix x;
        std::vector<std::string> rowErrors;
        pipeline.transformTexts(names, cells, x, rowErrors);
        QCOMPARE(rowErrors.size(), std::size_t(2));
        QVERIFY(rowErrors[0].empty());
        QVERIFY(rowErrors[1].find("field 'credit_amount' is too large") == 0);
        QVERIFY(x.row(1).isZero());
        QVERIFY(x.allFinite());

        std::vector<Column> columns;
        columns.push_back(numeric("duration", {12, 24}));
        columns.push_back(numeric("credit_amount", {1200, 1e300}));
        columns.push_back(numeric("age", {22, 35}));
        columns.push_back(categorical("purpose", {"a", "b"}, {0, 1}));
        columns.push_back(categorical("class", {"good", "bad"}, {0, 1}));
        const Dataset huge = Dataset::create(std::move(columns), TargetSpec{});
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, pipeline.transform(huge));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, pipeline.transform(huge, {1}));
        QCOMPARE(pipeline.transform(huge, {0}).rows(), Eigen::Index(1));
    }

    void optionsSwitchFeatures()
    {
        FeatureOptions options;
        options.monthlyInstalment = false;
        options.amountPerAge = false;
        options.durationAgeBand = false;
        options.dropReferenceLevel = true;
        options.missingFlags = false;
        options.standardize = false;
        FeaturePipeline pipeline;
        pipeline.fit(smallData(), kTrain, options);
        const std::vector<std::string> expected = {"duration", "credit_amount", "age", "purpose=b",
                                                   "purpose=c"};
        QCOMPARE(pipeline.featureNames(), expected);
        const DesignMatrix x = pipeline.transform(smallData());
        QCOMPARE(x(1, 1), 4800.0);        // raw value
        QCOMPARE(x(0, 3) + x(0, 4), 0.0); // reference level "a" → all zero
    }

    void businessVariablesNeedTheirColumns()
    {
        std::vector<Column> columns = smallData().columns();
        columns.erase(columns.begin() + 2); // no "age"
        FeaturePipeline pipeline;
        const auto warnings = pipeline.fit(Dataset::create(columns, TargetSpec{}), kTrain);
        const auto names = pipeline.featureNames();
        QVERIFY(indexOf(names, "monthly_instalment") < names.size());
        QCOMPARE(indexOf(names, "amount_per_age"), names.size());
        int skipped = 0;
        for (const auto& w : warnings) {
            skipped += w.find("skipped: no numeric column 'age'") != std::string::npos;
        }
        QCOMPARE(skipped, 2); // amount_per_age and duration_age_band
        // Scoring data without a needed column is an error naming it.
        columns.erase(columns.begin()); // no "duration"
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 pipeline.transform(Dataset::create(columns, TargetSpec{})));
    }

    void saveLoadRoundTrip()
    {
        for (const auto encoding : {CategoricalEncoding::OneHot, CategoricalEncoding::Woe}) {
            FeatureOptions options;
            options.encoding = encoding;
            FeaturePipeline pipeline;
            pipeline.fit(smallData(), kTrain, options);
            std::stringstream stream;
            pipeline.save(stream);
            FeaturePipeline loaded;
            loaded.load(stream);
            QCOMPARE(loaded.featureNames(), pipeline.featureNames());
            QCOMPARE(loaded.featureAttributes(), pipeline.featureAttributes());
            QVERIFY(loaded.transform(smallData()) == pipeline.transform(smallData()));
            const std::map<std::string, std::string> applicant = {
                {"duration", "18"}, {"credit_amount", "2500"}, {"age", "33"}, {"purpose", "b"}};
            QVERIFY(loaded.transformOne(applicant) == pipeline.transformOne(applicant));

            std::string bytes = stream.str();
            std::stringstream truncated(bytes.substr(0, bytes.size() / 2));
            FeaturePipeline broken;
            QVERIFY_THROWS_EXCEPTION(std::runtime_error, broken.load(truncated));
            QVERIFY(!broken.isFitted());
        }
    }
};

QTEST_GUILESS_MAIN(TestFeaturePipeline)
#include "test_feature_pipeline.moc"
