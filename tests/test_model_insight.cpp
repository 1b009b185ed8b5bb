// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// The Evaluate tab's importance and stability figures, computed in core (explain).
#include "data/dataset_reader.h"
#include "explain/attribute_explainer.h"
#include "explain/model_evaluation.h"
#include "explain/model_insight.h"
#include "io/model_bundle.h"
#include "models/logistic_regression.h"
#include "common/seeded_random.h"
#include "train/training_job.h"

#include <QtTest/QtTest>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <mutex>
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

    void outOfFoldImportanceForEveryFamily()
    {
        // Item 4 of issue 12: every family measured the same way, each row explained by the
        // fold model that did not see it. Every ⌈1000 / 60⌉ = 17th row: 59 rows in all.
        TrainingParams params;
        params.algorithms = {"lr", "rf", "gbdt", "svm", "ensemble"};
        params.folds = 3;
        params.repeats = 1;
        params.trials = 1;
        params.threads = 2;
        params.baseParams["gbdt"] = {{"n_rounds", std::int64_t(30)}};
        params.baseParams["rf"] = {{"n_trees", std::int64_t(60)}};
        TrainingResult result = TrainingJob(params).run(m_data);
        QVERIFY(result.importance.empty()); // the job alone does not explain
        addOutOfFoldImportance(result, m_data, {}, 60);
        QCOMPARE(result.importance.size(), std::size_t(5));
        for (const auto& [algorithm, importance] : result.importance) {
            QVERIFY2(importance.basis == FeatureImportance::Rows::OutOfFold, algorithm.c_str());
            QCOMPARE(importance.rows, std::size_t(59));
            QVERIFY(!importance.method.empty());
            QCOMPARE(importance.values.size(),
                     result.models.at(algorithm)->pipeline().attributes().size());
            for (std::size_t i = 0; i < importance.values.size(); ++i) {
                QVERIFY(importance.values[i].second >= 0.0);
                if (i > 0) {
                    QVERIFY(importance.values[i - 1].second >= importance.values[i].second);
                }
            }
            QVERIFY2(importance.values.front().second > 0.0, algorithm.c_str());
        }
        QCOMPARE(result.importance.at("ensemble").method, std::string("soft-vote"));

        // The same figures on one thread.
        TrainingResult single = result;
        single.params.threads = 1;
        single.importance.clear();
        addOutOfFoldImportance(single, m_data, {}, 60);
        for (const auto& [algorithm, importance] : result.importance) {
            QVERIFY(single.importance.at(algorithm).values == importance.values);
        }

        // By hand for the linear model: fold models fitted on each fold's training rows,
        // held-out rows explained, mean |contribution| per attribute.
        std::map<std::string, double> sums;
        std::size_t rows = 0;
        std::atomic<bool> stop{false};
        for (std::size_t f = 0; f < result.folds.foldsPerRepeat; ++f) {
            const Fold& fold = result.folds.folds[f];
            std::vector<std::size_t> held;
            for (const std::size_t r : fold.test) {
                if (r % 17 == 0) {
                    held.push_back(r);
                }
            }
            const auto model = fitConfiguration(
                result.params, m_data, *result.row("lr"), fold.train,
                SeededRandom::deriveSeed(result.params.seed, "importance/lr", f), stop);
            const Explanation e =
                AttributeExplainer(model).explain(model->pipeline().transform(m_data, held));
            const auto& attributes = model->pipeline().attributes();
            for (std::size_t a = 0; a < attributes.size(); ++a) {
                sums[attributes[a].name] += e.contributions.col(Eigen::Index(a)).cwiseAbs().sum();
            }
            rows += held.size();
        }
        QCOMPARE(rows, std::size_t(59));
        for (const auto& [attribute, value] : result.importance.at("lr").values) {
            QVERIFY(std::abs(value - sums.at(attribute) / 59.0) < 1e-12);
        }

        // The bundle keeps it, and the Evaluate analysis uses it without the data.
        const ModelBundle bundle = ModelBundle::deserialize(
            ModelBundle::fromTraining(result, m_data).serialize(), "memory");
        QCOMPARE(bundle.importance.size(), std::size_t(5));
        QVERIFY(bundle.importance.at("svm").values == result.importance.at("svm").values);
        for (const std::string& algorithm : params.algorithms) {
            EvaluationOptions options;
            options.algorithms = {algorithm};
            options.intervals = false;
            const Evaluation evaluation = evaluate(bundle, nullptr, options);
            QVERIFY2(evaluation.importance.basis == FeatureImportance::Rows::OutOfFold,
                     algorithm.c_str());
            QVERIFY(evaluation.importance.values == result.importance.at(algorithm).values);
            QVERIFY(evaluation.importanceNote.find("out-of-fold") != std::string::npos);
        }

        // A bundle without it (written before the section): measured on the training rows,
        // and the note says so.
        ModelBundle old = bundle;
        old.importance.clear();
        EvaluationOptions options;
        options.algorithms = {"gbdt"};
        options.intervals = false;
        QVERIFY(evaluate(old, nullptr, options).importance.empty());
        const Evaluation fallback = evaluate(old, &m_data, options);
        QVERIFY(fallback.importance.basis == FeatureImportance::Rows::Training);
        QVERIFY(!fallback.importance.empty());
        QVERIFY(fallback.importanceNote.find("trained on") != std::string::npos);
    }

    void trainModelsCarriesImportanceAndOneDone()
    {
        TrainingParams params;
        params.algorithms = {"lr"};
        params.folds = 3;
        params.repeats = 1;
        params.trials = 1;
        std::vector<ProgressEvent> events;
        std::mutex mutex;
        const TrainingResult result = trainModels(params, m_data, [&](const ProgressEvent& e) {
            const std::lock_guard lock(mutex);
            events.push_back(e);
            return true;
        });
        QCOMPARE(result.importance.count("lr"), std::size_t(1));
        QCOMPARE(std::count_if(events.begin(), events.end(),
                               [](const ProgressEvent& e) { return e.stage == "done"; }),
                 std::ptrdiff_t(1));
        QCOMPARE(events.back().stage, std::string("done"));
        double last = 0.0;
        for (const ProgressEvent& e : events) {
            if (e.stage != "importance") { // importance events may arrive out of order
                QVERIFY2(e.fraction + 1e-12 >= last, e.stage.c_str());
                last = e.fraction;
            }
        }
        QVERIFY(std::any_of(events.begin(), events.end(),
                            [](const ProgressEvent& e) { return e.stage == "importance"; }));

        // Stopped during the importance: cancelled, no importance.
        const TrainingResult stopped = trainModels(params, m_data, [](const ProgressEvent& e) {
            return e.stage != "importance";
        });
        QVERIFY(stopped.cancelled);
        QVERIFY(stopped.importance.empty());
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
