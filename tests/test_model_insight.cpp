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

double sampleSd(const Matrix& x, Eigen::Index j)
{
    const Eigen::VectorXd column = x.col(j).cast<double>();
    const double mean = column.mean();
    return std::sqrt((column.array() - mean).square().sum() / double(x.rows() - 1));
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

    void standardisedCoefficientsForLogisticRegression()
    {
        const auto model = train(m_data, "lr");
        const FeatureImportance importance = featureImportance(*model, m_data);
        QCOMPARE(importance.kind, FeatureImportance::Kind::Coefficients);
        const auto& lr = dynamic_cast<const LogisticRegression&>(model->classifier());
        const Matrix x = model->pipeline().transform(m_data);
        const auto names = model->pipeline().featureNames();
        QCOMPARE(importance.values.size(), names.size());
        for (Eigen::Index j = 0; j < x.cols(); ++j) {
            const double expected = lr.coefficients()[j] * sampleSd(x, j);
            const auto it =
                std::find_if(importance.values.begin(), importance.values.end(),
                             [&](const auto& v) { return v.first == names[std::size_t(j)]; });
            QVERIFY(it != importance.values.end());
            QVERIFY(std::abs(it->second - expected) < 1e-12);
        }
        for (std::size_t i = 1; i < importance.values.size(); ++i) {
            QVERIFY(std::abs(importance.values[i - 1].second) >=
                    std::abs(importance.values[i].second));
        }
        QVERIFY(std::any_of(importance.values.begin(), importance.values.end(),
                            [](const auto& v) { return v.second < 0.0; })); // signs kept
    }

    void meanAbsoluteShapForTrees()
    {
        const auto model = train(m_data, "gbdt");
        const FeatureImportance importance = featureImportance(*model, m_data);
        QCOMPARE(importance.kind, FeatureImportance::Kind::MeanAbsShap);
        const Matrix x = model->pipeline().transform(m_data);
        const Contributions shap = *model->classifier().contributions(x);
        const auto names = model->pipeline().featureNames();
        QCOMPARE(importance.values.size(), names.size());
        for (Eigen::Index j = 0; j + 1 < shap.cols(); ++j) {
            const auto it =
                std::find_if(importance.values.begin(), importance.values.end(),
                             [&](const auto& v) { return v.first == names[std::size_t(j)]; });
            QVERIFY(std::abs(it->second - shap.col(j).cwiseAbs().mean()) < 1e-12);
            QVERIFY(it->second >= 0.0);
        }
        QVERIFY(importance.values.front().second > importance.values.back().second);
    }

    void noneForKernelModels()
    {
        const auto model = train(m_data, "svm");
        const FeatureImportance importance = featureImportance(*model, m_data);
        QCOMPARE(importance.kind, FeatureImportance::Kind::None);
        QVERIFY(importance.values.empty());
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
