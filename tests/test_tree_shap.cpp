// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// TreeShap against XGBoost's own pred_contribs (the reference implementation of the same
// algorithm), on boosters trained here through the C API: deep trees, features split several
// times on one path, missing values, forests and boosting.
#include "models/param_binder.h"
#include "models/tree_shap.h"
#include "models/xgboost_matrix.h"
#include "models/xgboost_model.h"

#include <xgboost/c_api.h>

#include <QtTest/QtTest>

#include <cmath>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace credit::core;

namespace {

void check(int rc)
{
    if (rc != 0) {
        QFAIL(XGBGetLastError());
    }
}

struct Fixture
{
    int rows = 400;
    int cols = 7;
    std::vector<float> x; ///< row-major
    std::vector<float> y;

    explicit Fixture(unsigned seed, double missingShare)
    {
        std::mt19937 rng(seed);
        std::normal_distribution<float> normal;
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        x.resize(std::size_t(rows * cols));
        for (int r = 0; r < rows; ++r) {
            for (int c = 0; c < cols; ++c) {
                float v = normal(rng);
                if (c == 3) {
                    v = float(int(v > 0.3f)); // a one-hot-like column
                }
                if (unit(rng) < missingShare) {
                    v = std::numeric_limits<float>::quiet_NaN();
                }
                x[std::size_t(r * cols + c)] = v;
            }
            const float* row = &x[std::size_t(r * cols)];
            auto value = [](float v) { return std::isnan(v) ? 0.0f : v; };
            const double logit = 1.2 * value(row[0]) - 0.8 * value(row[1]) * value(row[2]) +
                                 0.9 * value(row[3]) + std::sin(2.0 * value(row[0]));
            y.push_back(unit(rng) < 1.0 / (1.0 + std::exp(-logit)) ? 1.0f : 0.0f);
        }
    }

    std::vector<std::uint8_t> labels() const { return {y.begin(), y.end()}; }

    Matrix eigen() const
    {
        Matrix m(rows, cols);
        for (int r = 0; r < rows; ++r) {
            for (int c = 0; c < cols; ++c) {
                m(r, c) = double(x[std::size_t(r * cols + c)]);
            }
        }
        return m;
    }
};

struct Booster
{
    DMatrixHandle data = nullptr;
    BoosterHandle handle = nullptr;
    ~Booster()
    {
        XGBoosterFree(handle);
        XGDMatrixFree(data);
    }
};

} // namespace

class TestTreeShap : public QObject
{
    Q_OBJECT

private slots:
    void matchesXGBoost_data()
    {
        QTest::addColumn<int>("parallelTrees");
        QTest::addColumn<int>("rounds");
        QTest::addColumn<int>("depth");
        QTest::addColumn<double>("missing");
        QTest::addColumn<double>("baseScore");
        QTest::newRow("boosting, depth 3") << 1 << 40 << 3 << 0.0 << 0.5;
        QTest::newRow("boosting, depth 8, missing values") << 1 << 15 << 8 << 0.15 << 0.5;
        QTest::newRow("forest, depth 12") << 50 << 1 << 12 << 0.0 << 0.5;
        QTest::newRow("forest, depth 8") << 40 << 1 << 8 << 0.0 << 0.5;
        QTest::newRow("forest, depth 6, missing values, base 0.3") << 30 << 1 << 6 << 0.1 << 0.3;
    }

    void matchesXGBoost()
    {
        QFETCH(int, parallelTrees);
        QFETCH(int, rounds);
        QFETCH(int, depth);
        QFETCH(double, missing);
        QFETCH(double, baseScore);
        const Fixture f(7u + unsigned(depth), missing);
        Booster b;
        check(XGDMatrixCreateFromMat(f.x.data(), bst_ulong(f.rows), bst_ulong(f.cols),
                                     std::numeric_limits<float>::quiet_NaN(), &b.data));
        check(XGDMatrixSetFloatInfo(b.data, "label", f.y.data(), bst_ulong(f.rows)));
        check(XGBoosterCreate(&b.data, 1, &b.handle));
        const std::vector<std::pair<const char*, std::string>> params{
            {"objective", "binary:logistic"},
            {"tree_method", "hist"},
            {"nthread", "1"},
            {"verbosity", "0"},
            {"max_depth", std::to_string(depth)},
            {"min_child_weight", "0.5"},
            {"subsample", parallelTrees > 1 ? "0.632" : "1"},
            {"colsample_bynode", parallelTrees > 1 ? "0.6" : "1"},
            {"num_parallel_tree", std::to_string(parallelTrees)},
            {"eta", parallelTrees > 1 ? "1" : "0.3"},
            {"base_score", std::to_string(baseScore)},
        };
        for (const auto& [name, value] : params) {
            check(XGBoosterSetParam(b.handle, name, value.c_str()));
        }
        for (int r = 0; r < rounds; ++r) {
            check(XGBoosterUpdateOneIter(b.handle, r, b.data));
        }
        bst_ulong length = 0;
        const char* json = nullptr;
        check(XGBoosterSaveModelToBuffer(b.handle, "{\"format\": \"json\"}", &length, &json));
        const std::string_view text(json, length);
        const TreeShap recursion = TreeShap::fromXGBoostJson(text, 0);
        const TreeShap tables = TreeShap::fromXGBoostJson(text, std::size_t(1) << 24);
        QVERIFY(!recursion.usesTables());
        QVERIFY(tables.usesTables()); // seven features: at most 7 · 2^7 values per leaf
        QVERIFY(!TreeShap::fromXGBoostJson(text, 16).usesTables()); // over the budget
        {
            // The model is parsed and read by path: an attribute named like a tree array (the
            // old text scan took it for one and refused the model) changes nothing.
            check(XGBoosterSetAttr(b.handle, "left_children", "[9, 9]"));
            bst_ulong attrLength = 0;
            const char* attrJson = nullptr;
            check(XGBoosterSaveModelToBuffer(b.handle, "{\"format\": \"json\"}", &attrLength,
                                             &attrJson));
            const std::string withAttribute(attrJson, attrLength);
            QVERIFY(withAttribute.find("\"left_children\":\"[9, 9]\"") != std::string::npos ||
                    withAttribute.find("\"left_children\": \"[9, 9]\"") != std::string::npos);
            const TreeShap reread = TreeShap::fromXGBoostJson(withAttribute, 0);
            QCOMPARE(reread.trees(), recursion.trees());
            QCOMPARE(reread.maxDepth(), recursion.maxDepth());
        }
        // Depth-3 trees (at most 7 internal nodes) get whole-tree tables, deeper ones do not.
        if (depth <= 3) {
            QCOMPARE(tables.treesWithTreeTables(), tables.trees());
        } else {
            QVERIFY(tables.treesWithTreeTables() < tables.trees());
        }
        QCOMPARE(int(recursion.trees()), parallelTrees * rounds);
        QVERIFY(recursion.maxDepth() <= depth);
        QVERIFY(recursion.maxDepth() >= std::min(depth, 3));

        const char* config = "{\"type\": 2, \"training\": false, \"iteration_begin\": 0, "
                             "\"iteration_end\": 0, \"strict_shape\": false}";
        const bst_ulong* shape = nullptr;
        bst_ulong dim = 0;
        const float* result = nullptr;
        check(XGBoosterPredictFromDMatrix(b.handle, b.data, config, &shape, &dim, &result));
        // The booster owns the result buffer and reuses it on the next call: copy it.
        const std::vector<float> reference(result, result + f.rows * (f.cols + 1));
        const char* marginConfig = "{\"type\": 1, \"training\": false, \"iteration_begin\": 0, "
                                   "\"iteration_end\": 0, \"strict_shape\": false}";
        const float* margins = nullptr;
        check(XGBoosterPredictFromDMatrix(b.handle, b.data, marginConfig, &shape, &dim, &margins));

        const Matrix x = f.eigen();
        const Contributions ours = recursion.contributions(x);
        const Vector ourMargin = recursion.margin(x);
        // Both ways give the same values (the tables only regroup the same terms).
        QVERIFY((tables.contributions(x) - ours).cwiseAbs().maxCoeff() < 1e-12);
        QCOMPARE(ours.rows(), Eigen::Index(f.rows));
        QCOMPARE(ours.cols(), Eigen::Index(f.cols + 1));
        double worst = 0.0;
        for (int r = 0; r < f.rows; ++r) {
            for (int c = 0; c <= f.cols; ++c) {
                const double expected = double(reference[r * (f.cols + 1) + c]);
                worst = std::max(worst, std::abs(ours(r, c) - expected));
            }
            // Local accuracy: the contributions add up to the row's margin (float sums).
            QVERIFY2(std::abs(ours.row(r).sum() - ourMargin[r]) < 1e-5,
                     qPrintable(QStringLiteral("row %1").arg(r)));
            // The walk reproduces XGBoost's prediction bit for bit.
            QVERIFY2(ourMargin[r] == double(margins[r]),
                     qPrintable(QStringLiteral("row %1 margin").arg(r)));
        }
        // XGBoost accumulates in single precision.
        QVERIFY2(worst < 2e-4, qPrintable(QStringLiteral("largest difference %1").arg(worst)));
    }

    void xgboostModelUsesIt()
    {
        const Fixture f(3, 0.0);
        const Matrix x = f.eigen();
        const std::vector<std::uint8_t> y = f.labels();
        for (const auto mode : {XGBoostModel::Mode::RandomForest, XGBoostModel::Mode::Boosting}) {
            XGBoostModel model(mode);
            model.fit(x, y, FitOptions{});
            const auto c = model.contributions(x);
            QVERIFY(c.has_value());
            const Vector margin = model.decisionFunction(x);
            // Small batches are walked by TreeShap, larger ones predicted by XGBoost: the same
            // values either way.
            for (Eigen::Index r = 0; r < 40; ++r) {
                const Matrix one = x.row(r);
                QCOMPARE(model.decisionFunction(one)[0], margin[r]);
                QCOMPARE(model.predictProba(one)[0], model.predictProba(x)[r]);
            }
            for (Eigen::Index r = 0; r < x.rows(); ++r) {
                QVERIFY(std::abs(c->row(r).sum() - margin[r]) < 1e-4);
            }
            // A copy shares the trees and gives the same values; a refit replaces them.
            const auto copy = model.clone();
            QVERIFY(*copy->contributions(x) == *c);
            Matrix shifted = x;
            shifted.col(0).array() += 3.0;
            model.fit(shifted, y, FitOptions{});
            const auto after = model.contributions(shifted);
            const Vector afterMargin = model.decisionFunction(shifted);
            QVERIFY(std::abs(after->row(0).sum() - afterMargin[0]) < 1e-4);
        }
    }

    // The indicator column (3) is given to XGBoost with its zeros as missing values, at fit
    // and at prediction, in both prediction paths and in the contributions: a NaN there must
    // give exactly what a 0 gives. (Trained on the zeros as values, a NaN would follow each
    // split's default branch and the 0 its threshold, which differ.) The numeric columns keep
    // their zeros as values.
    void indicatorZerosAreMissing()
    {
        const Fixture f(5, 0.0);
        const Matrix x = f.eigen();
        const std::vector<std::uint8_t> y = f.labels();
        Matrix asNaN = x;
        int zeros = 0;
        for (Eigen::Index r = 0; r < x.rows(); ++r) {
            if (x(r, 3) == 0.0) {
                asNaN(r, 3) = std::numeric_limits<double>::quiet_NaN();
                ++zeros;
            }
        }
        QVERIFY(zeros > 100);
        for (const auto mode : {XGBoostModel::Mode::RandomForest, XGBoostModel::Mode::Boosting}) {
            XGBoostModel model(mode);
            model.fit(x, y, FitOptions{});
            QVERIFY(model.decisionFunction(asNaN) == model.decisionFunction(x));
            QVERIFY(*model.contributions(asNaN) == *model.contributions(x));
            for (Eigen::Index r = 0; r < 40; ++r) {
                QCOMPARE(model.decisionFunction(asNaN.row(r))[0],
                         model.decisionFunction(x.row(r))[0]);
            }
            // Saved and loaded, the model keeps the rule.
            std::stringstream file;
            model.save(file);
            XGBoostModel loaded(mode);
            loaded.load(file);
            QVERIFY(loaded.decisionFunction(asNaN) == model.decisionFunction(x));
        }
    }

    // Only indicator columns get the rule, and only up to kSparseRowsMax rows: above, XGBoost's
    // sparse index would take more memory than the dense one-byte index.
    void indicatorMaskOnlyForSmallData()
    {
        const Matrix small = Fixture(5, 0.0).eigen();
        const xgb::ZeroIsMissing mask = xgb::indicatorColumns(small);
        QCOMPARE(mask, xgb::ZeroIsMissing({0, 0, 0, 1, 0, 0, 0}));
        Matrix large = Matrix::Zero(xgb::kSparseRowsMax + 1, 2);
        large.col(0).setOnes();
        large(0, 0) = 0.0;
        QCOMPARE(xgb::indicatorColumns(large), xgb::ZeroIsMissing());
        QCOMPARE(xgb::indicatorColumns(Matrix::Constant(3, 2, 0.5f)), xgb::ZeroIsMissing());
        QCOMPARE(xgb::indicatorColumns(large.topRows(xgb::kSparseRowsMax)),
                 xgb::ZeroIsMissing({1, 1}));
    }

    // Models saved in format 1 (before the indicator rule) were trained on the zeros as values
    // and still load, and are predicted as they were: the zeros stay values.
    void readsFormatOneModels()
    {
        const Fixture f(9, 0.0);
        Booster b;
        check(XGDMatrixCreateFromMat(f.x.data(), bst_ulong(f.rows), bst_ulong(f.cols),
                                     std::numeric_limits<float>::quiet_NaN(), &b.data));
        check(XGDMatrixSetFloatInfo(b.data, "label", f.y.data(), bst_ulong(f.rows)));
        check(XGBoosterCreate(&b.data, 1, &b.handle));
        for (const auto& [name, value] : std::vector<std::pair<const char*, const char*>>{
                 {"objective", "binary:logistic"},
                 {"tree_method", "hist"},
                 {"nthread", "1"},
                 {"verbosity", "0"},
                 {"max_depth", "3"}}) {
            check(XGBoosterSetParam(b.handle, name, value));
        }
        for (int r = 0; r < 20; ++r) {
            check(XGBoosterUpdateOneIter(b.handle, r, b.data));
        }
        bst_ulong length = 0;
        const char* data = nullptr;
        check(XGBoosterSaveModelToBuffer(b.handle, "{\"format\": \"ubj\"}", &length, &data));
        const std::string booster(data, length);
        bst_ulong n = 0;
        const float* margins = nullptr;
        check(XGBoosterPredict(b.handle, b.data, 1, 0, 0, &n, &margins));

        // The format-1 layout: header, parameters, fitted flag, features, best iteration,
        // booster.
        std::stringstream file;
        BinaryWriter w(file);
        writeModelHeader(w, "gbdt", 1);
        writeParamMap(w, XGBoostModel(XGBoostModel::Mode::Boosting).params());
        w.flag(true);
        w.pod(std::int64_t(f.cols));
        w.pod(std::int64_t(-1));
        w.string(booster);
        XGBoostModel model(XGBoostModel::Mode::Boosting);
        model.load(file);
        const Matrix x = f.eigen();
        const Vector ours = model.decisionFunction(x);
        for (Eigen::Index r = 0; r < x.rows(); ++r) {
            QCOMPARE(ours[r], double(margins[r]));
            QCOMPARE(model.decisionFunction(x.row(r))[0], double(margins[r]));
        }
    }

    void refusesBrokenJson_data()
    {
        QTest::addColumn<QString>("json");
        // XGBoost's layout: learner.{gradient_booster.{name, model.trees}, learner_model_param,
        // objective.name}.
        const auto model = [](const char* booster, const char* tree) {
            return QStringLiteral("{\"learner\":{\"gradient_booster\":{\"name\":\"%1\","
                                  "\"model\":{\"trees\":[%2]}},\"learner_model_param\":{"
                                  "\"base_score\":\"5E-1\",\"num_feature\":\"2\"},"
                                  "\"objective\":{\"name\":\"binary:logistic\"}}}")
                .arg(QString::fromLatin1(booster), QString::fromLatin1(tree));
        };
        QTest::newRow("empty") << "";
        QTest::newRow("not JSON") << "{\"learner\": [";
        QTest::newRow("flat, not XGBoost's layout")
            << "{\"name\":\"gbtree\",\"base_score\":\"5E-1\",\"num_feature\":\"2\","
               "\"objective\":{\"name\":\"binary:logistic\"},\"trees\":[]}";
        QTest::newRow("not a tree model") << model("gblinear", "");
        QTest::newRow("no trees") << model("gbtree", "");
        QTest::newRow("arrays of different lengths")
            << model("gbtree", "{\"left_children\":[1,-1,-1],\"right_children\":[2,-1,-1],"
                               "\"split_indices\":[0,0],\"split_conditions\":[0.5,1,2],"
                               "\"default_left\":[1,0,0],\"sum_hessian\":[2,1,1],"
                               "\"split_type\":[0,0,0]}");
        QTest::newRow("child before parent")
            << model("gbtree", "{\"left_children\":[0,-1,-1],\"right_children\":[2,-1,-1],"
                               "\"split_indices\":[0,0,0],\"split_conditions\":[0.5,1,2],"
                               "\"default_left\":[1,0,0],\"sum_hessian\":[2,1,1],"
                               "\"split_type\":[0,0,0]}");
        QTest::newRow("feature out of range")
            << model("gbtree", "{\"left_children\":[1,-1,-1],\"right_children\":[2,-1,-1],"
                               "\"split_indices\":[5,0,0],\"split_conditions\":[0.5,1,2],"
                               "\"default_left\":[1,0,0],\"sum_hessian\":[2,1,1],"
                               "\"split_type\":[0,0,0]}");
        QTest::newRow("a split condition is text")
            << model("gbtree", "{\"left_children\":[1,-1,-1],\"right_children\":[2,-1,-1],"
                               "\"split_indices\":[0,0,0],\"split_conditions\":[\"x\",1,2],"
                               "\"default_left\":[1,0,0],\"sum_hessian\":[2,1,1],"
                               "\"split_type\":[0,0,0]}");
    }

    // The refusals above differ from this accepted model in one place each.
    void readsXGBoostsLayout()
    {
        const std::string text =
            "{\"learner\":{\"attributes\":{\"split_indices\":\"x\"},\"feature_names\":["
            "\"left_children\"],\"gradient_booster\":{\"name\":\"gbtree\",\"model\":{"
            "\"trees\":[{\"left_children\":[1,-1,-1],\"right_children\":[2,-1,-1],"
            "\"split_indices\":[0,0,0],\"split_conditions\":[0.5,1,2],\"default_left\":[1,0,"
            "0],\"sum_hessian\":[2,1,1],\"split_type\":[0,0,0]}]}},\"learner_model_param\":{"
            "\"base_score\":\"5E-1\",\"num_feature\":\"2\"},\"objective\":{\"name\":"
            "\"binary:logistic\"}}}";
        const TreeShap shap = TreeShap::fromXGBoostJson(text);
        QCOMPARE(shap.trees(), std::size_t(1));
        QCOMPARE(shap.maxDepth(), 1);
    }

    void refusesBrokenJson()
    {
        QFETCH(QString, json);
        const std::string text = json.toStdString();
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, TreeShap::fromXGBoostJson(text));
    }

    void handBuiltStump()
    {
        // One split on feature 0 at 0.5: left leaf −1 (cover 3), right leaf +2 (cover 1).
        // Expected value = (−3 + 2) / 4 = −0.25; a row going right gets 2 − (−0.25) = 2.25.
        std::vector<TreeShap::Node> tree(3);
        tree[0] = {1, 2, 0, 0.5f, true, 0.0, 4.0};
        tree[1] = {-1, -1, -1, 0.0f, true, -1.0, 3.0};
        tree[2] = {-1, -1, -1, 0.0f, true, 2.0, 1.0};
        const TreeShap shap({tree}, 2, 0.1, 0);
        const TreeShap tables({tree}, 2, 0.1);
        QVERIFY(tables.usesTables());
        Matrix x(3, 2);
        x << 0.9, 5.0, 0.1, 5.0, std::numeric_limits<double>::quiet_NaN(), 0.0;
        const Contributions c = shap.contributions(x);
        QCOMPARE(c(0, 0), 2.25);
        QCOMPARE(c(1, 0), -0.75);
        QCOMPARE(c(2, 0), -0.75); // missing goes to the default (left) side
        QCOMPARE(c(0, 1), 0.0);
        QCOMPARE(c(0, 2), -0.15);
        QCOMPARE(shap.margin(x)[0], double(0.1f + 2.0f)); // summed in float, as XGBoost
        QCOMPARE(tables.contributions(x), c);
    }
};

QTEST_APPLESS_MAIN(TestTreeShap)
#include "test_tree_shap.moc"
