// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// The Evaluate tab's importance and stability figures, computed in core (explain).
#include "data/dataset_reader.h"
#include "explain/model_insight.h"
#include "models/logistic_regression.h"
#include "train/training_job.h"

#include <QtTest/QtTest>

#include <cmath>
#include <limits>

using namespace credit::core;

namespace {

std::shared_ptr<const TrainedModel> train(const Dataset& data, const std::string& algorithm)
{
    TrainingParams params;
    params.algorithms = {algorithm};
    params.folds = 3;
    params.repeats = 1;
    params.trials = 1;
    params.threads = 2;
    params.baseParams["gbdt"] = {{"n_rounds", std::int64_t(30)}};
    return TrainingJob(params).run(data).models.at(algorithm);
}

} // namespace

class TestModelInsight : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_data = readDataset(CREDIT_DATA_DIR "/credit-g.arff").dataset; }

    void spreadSkipsMissingValues()
    {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const Spread s = spreadOf({1.0, nan, 2.0, 3.0});
        QCOMPARE(s.count, std::size_t(3));
        QCOMPARE(s.mean, 2.0);
        QCOMPARE(s.sd, 1.0);
        QCOMPARE(s.min, 1.0);
        QCOMPARE(s.max, 3.0);
        QVERIFY(std::isnan(spreadOf({}).mean));
        QVERIFY(std::isnan(spreadOf({5.0}).sd));
        QCOMPARE(spreadOf({5.0}).mean, 5.0);
    }

    void meanAbsoluteLinearTermsForLogisticRegression()
    {
        // Every family the same way: mean |contribution| per attribute. For logistic
        // regression a contribution is Σ over the attribute's features of β_j (x_j − x̄_j).
        const auto model = train(m_data, "lr");
        const FeatureImportance importance = featureImportance(model, m_data, 0);
        QCOMPARE(importance.method, std::string("linear"));
        QCOMPARE(importance.rows, m_data.rowCount());
        const auto& lr = dynamic_cast<const LogisticRegression&>(model->classifier());
        const Matrix x = model->pipeline().transform(m_data);
        const auto owner = model->pipeline().featureAttributes();
        const auto& attributes = model->pipeline().attributes();
        QCOMPARE(importance.values.size(), attributes.size());
        Eigen::MatrixXd perAttribute =
            Eigen::MatrixXd::Zero(x.rows(), Eigen::Index(attributes.size()));
        for (Eigen::Index j = 0; j < x.cols(); ++j) {
            const Eigen::VectorXd column = x.col(j).cast<double>();
            perAttribute.col(Eigen::Index(owner[std::size_t(j)])) +=
                lr.coefficients()[j] * (column.array() - column.mean()).matrix();
        }
        for (std::size_t a = 0; a < attributes.size(); ++a) {
            const auto it =
                std::find_if(importance.values.begin(), importance.values.end(),
                             [&](const auto& v) { return v.first == attributes[a].name; });
            QVERIFY(it != importance.values.end());
            const double expected = perAttribute.col(Eigen::Index(a)).cwiseAbs().mean();
            QVERIFY2(std::abs(it->second - expected) < 1e-5,
                     qPrintable(QStringLiteral("%1: %2 vs %3")
                                    .arg(QString::fromStdString(attributes[a].name))
                                    .arg(it->second)
                                    .arg(expected)));
        }
        for (std::size_t i = 1; i < importance.values.size(); ++i) {
            QVERIFY(importance.values[i - 1].second >= importance.values[i].second);
        }
    }

    void meanAbsoluteShapForTrees()
    {
        const auto model = train(m_data, "gbdt");
        const FeatureImportance importance = featureImportance(model, m_data, 0);
        QCOMPARE(importance.method, std::string("treeshap"));
        const Matrix x = model->pipeline().transform(m_data);
        const Contributions shap = *model->classifier().contributions(x);
        const auto owner = model->pipeline().featureAttributes();
        const auto& attributes = model->pipeline().attributes();
        QCOMPARE(importance.values.size(), attributes.size());
        Eigen::MatrixXd perAttribute =
            Eigen::MatrixXd::Zero(x.rows(), Eigen::Index(attributes.size()));
        for (Eigen::Index j = 0; j + 1 < shap.cols(); ++j) {
            perAttribute.col(Eigen::Index(owner[std::size_t(j)])) += shap.col(j);
        }
        for (std::size_t a = 0; a < attributes.size(); ++a) {
            const auto it =
                std::find_if(importance.values.begin(), importance.values.end(),
                             [&](const auto& v) { return v.first == attributes[a].name; });
            // The contributions are rescaled by XGBoost's single-precision rounding (1 ± 1e-6).
            const double expected = perAttribute.col(Eigen::Index(a)).cwiseAbs().mean();
            QVERIFY(std::abs(it->second - expected) <= 1e-5 * expected + 1e-12);
            QVERIFY(it->second >= 0.0);
        }
        QVERIFY(importance.values.front().second > importance.values.back().second);
    }

    void kernelModelsToo()
    {
        // The SVM has no structure to exploit: Shapley values, on every ⌈1000 / 40⌉-th row.
        const auto model = train(m_data, "svm");
        const FeatureImportance importance = featureImportance(model, m_data, 40);
        QCOMPARE(importance.method, std::string("shapley-permutation"));
        QCOMPARE(importance.rows, std::size_t(40));
        QCOMPARE(importance.values.size(), model->pipeline().attributes().size());
        QVERIFY(importance.values.front().second > 0.0);
        QVERIFY(importance.values.front().second > importance.values.back().second);
    }

    void scoreSpreadAcrossRepeats()
    {
        OutOfFold oof;
        oof.rows = 2;
        oof.repeats = 3;
        oof.calibrated = {0.1, 0.2, 0.3, 0.2, 0.5, 0.2}; // [repeat · rows + row]
        const RepeatSpread spread = credit::core::scoreSpreadAcrossRepeats(oof);
        QCOMPARE(spread.mean.size(), std::size_t(2));
        QVERIFY(std::abs(spread.mean[0] - 0.3) < 1e-12);
        QVERIFY(std::abs(spread.sd[0] - 0.2) < 1e-12);
        QVERIFY(std::abs(spread.mean[1] - 0.2) < 1e-12);
        QVERIFY(std::abs(spread.sd[1]) < 1e-12);
        oof.repeats = 1;
        oof.calibrated.resize(2);
        QVERIFY(credit::core::scoreSpreadAcrossRepeats(oof).mean.empty());
    }

private:
    Dataset m_data;
};

QTEST_APPLESS_MAIN(TestModelInsight)
#include "test_model_insight.moc"
