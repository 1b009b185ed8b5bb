// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// core/explain: reasons for every model family (AttributeExplainer, InterventionalShapley,
// EnsembleModel::combineContributions) on German Credit.
#include "common/atomic_file.h"
#include "data/csv_writer.h"
#include "data/dataset_reader.h"
#include "explain/attribute_explainer.h"
#include "explain/batch_scorer.h"
#include "explain/interventional_shapley.h"
#include "explain/model_insight.h"
#include "explain/scorer.h"
#include "models/calibration.h"
#include "support/applicant_of.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>
#include <memory>
#include <sstream>

using namespace credit::core;
using credit::test::applicantOf;

namespace {

const std::string kCreditG = std::string(CREDIT_DATA_DIR) + "/credit-g.arff";

// "vote" and "stack" are the default ensemble (lr, rf, gbdt, svm) with that method.
std::shared_ptr<const TrainedModel>
fitChain(const Dataset& data, const std::string& family,
         CalibrationMethod calibration = CalibrationMethod::None)
{
    auto pipeline = std::make_shared<FeaturePipeline>();
    pipeline->fit(data, {});
    const Matrix x = pipeline->transform(data);
    const bool ensemble = family == "vote" || family == "stack";
    std::shared_ptr<Classifier> classifier = createClassifier(ensemble ? "ensemble" : family);
    if (ensemble) {
        classifier->setParams({{"method", family}, {"stack_folds", std::int64_t(3)}});
    }
    if (family == "gbdt") {
        classifier->setParams(
            {{"n_rounds", std::int64_t(60)}, {"early_stopping_rounds", std::int64_t(0)}});
    }
    FitOptions options;
    options.seed = 7;
    classifier->fit(x, data.labels(), options);
    auto calibrator = std::make_shared<Calibrator>(CalibrationParams{calibration});
    if (calibration != CalibrationMethod::None) {
        const Vector raw = classifier->predictProba(x);
        calibrator->fit(std::span<const double>(raw.data(), std::size_t(raw.size())),
                        data.labels());
    }
    return std::make_shared<const TrainedModel>(
        pipeline, classifier, calibrator,
        ExplanationBackground::draw(*pipeline, data, {}, ExplanationBackground::kDefaultRows, 11));
}

ScoringSettings settingsFor(const Dataset& data)
{
    ScoringSettings s;
    for (std::size_t i : data.schema().featureIndices()) {
        s.fields.push_back(data.schema().columns[i]);
    }
    s.policy.threshold = 1.0 / 6.0;
    s.policy.sampleBadRate = data.positiveRate();
    return s;
}

std::size_t attributeIndex(const TrainedModel& model, const std::string& name)
{
    const auto& attributes = model.pipeline().attributes();
    for (std::size_t a = 0; a < attributes.size(); ++a) {
        if (attributes[a].name == name) {
            return a;
        }
    }
    return attributes.size();
}

const Reason* reasonFor(const ScoreResult& r, const std::string& attribute)
{
    for (const Reason& reason : r.reasons) {
        if (reason.attribute == attribute) {
            return &reason;
        }
    }
    return nullptr;
}

// The families of the issue and the method each must report.
void familyRows()
{
    QTest::addColumn<QString>("family");
    QTest::addColumn<QString>("method");
    QTest::newRow("lr") << QStringLiteral("lr") << QStringLiteral("linear");
    QTest::newRow("rf") << QStringLiteral("rf") << QStringLiteral("treeshap");
    QTest::newRow("gbdt") << QStringLiteral("gbdt") << QStringLiteral("treeshap");
    QTest::newRow("svm") << QStringLiteral("svm") << QStringLiteral("shapley-permutation");
    QTest::newRow("vote") << QStringLiteral("vote") << QStringLiteral("soft-vote");
    QTest::newRow("stacking") << QStringLiteral("stack") << QStringLiteral("stacking");
}

} // namespace

class TestAttributeExplainer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void contributionsSumToTheModelsLogOdds_data() { familyRows(); }
    void contributionsSumToTheModelsLogOdds();
    void sameApplicantSameReasons_data() { familyRows(); }
    void sameApplicantSameReasons();
    void worseCheckingStatusIsAStrongerAdverseReason_data() { familyRows(); }
    void worseCheckingStatusIsAStrongerAdverseReason();
    void ensembleExplainsARejection();
    void permutationEstimateWithinItsErrorOfExactValues();
    void calibratedModelExplainsItsLogOdds();
    void oneRankingForSentencesChartAndBatch();
    void backgroundTravelsWithTheModel();
    void importanceForEveryFamily();

private:
    std::shared_ptr<const TrainedModel> model(const QString& family);

    std::unique_ptr<Dataset> m_data;
    std::map<QString, std::shared_ptr<const TrainedModel>> m_models;
};

void TestAttributeExplainer::initTestCase()
{
    m_data = std::make_unique<Dataset>(readDataset(kCreditG).dataset);
    QCOMPARE(m_data->rowCount(), std::size_t(1000));
}

std::shared_ptr<const TrainedModel> TestAttributeExplainer::model(const QString& family)
{
    auto& slot = m_models[family];
    if (!slot) {
        slot = fitChain(*m_data, family.toStdString());
    }
    return slot;
}

void TestAttributeExplainer::contributionsSumToTheModelsLogOdds()
{
    QFETCH(QString, family);
    QFETCH(QString, method);
    const auto chain = model(family);
    const Scorer scorer(chain, settingsFor(*m_data));
    QCOMPARE(QString::fromStdString(explanationMethodName(scorer.explainer().method())), method);
    const bool estimated = method == QStringLiteral("shapley-permutation") ||
                           family == QStringLiteral("vote") || family == QStringLiteral("stack");
    QCOMPARE(scorer.explainer().estimated(), estimated); // the svm member's estimate
    const double tolerance = 1e-9;
    double base = 0.0;
    for (std::size_t row = 0; row < 1000; row += 83) {
        const Applicant a = applicantOf(*m_data, row);
        const ScoreResult r = scorer.score(a);
        QVERIFY(r.valid() && r.hasReasons);
        QCOMPARE(QString::fromStdString(r.method), method);
        QCOMPARE(r.reasons.size(), chain->pipeline().attributes().size());
        // The explained log-odds are the classifier's own.
        const Matrix x = chain->pipeline().transformOne(a);
        const double modelLogOdds = probabilityLogOdds(chain->classifier().predictProba(x)[0]);
        QVERIFY2(std::abs(r.logOdds - modelLogOdds) < tolerance,
                 qPrintable(QStringLiteral("%1 vs %2").arg(r.logOdds).arg(modelLogOdds)));
        // One base for every applicant, and base + Σ contributions = the log-odds: the base
        // cannot hide a contribution that is missing or counted twice.
        if (row == 0) {
            base = r.baseValue;
        }
        double sum = base;
        for (const Reason& reason : r.reasons) {
            sum += reason.contribution;
            QVERIFY(std::isfinite(reason.contribution));
            QVERIFY(reason.standardError >= 0.0);
            QVERIFY(estimated || reason.standardError == 0.0);
        }
        QVERIFY2(std::abs(sum - modelLogOdds) < tolerance,
                 qPrintable(QStringLiteral("row %1: base + Σ = %2, log-odds %3")
                                .arg(row)
                                .arg(sum, 0, 'g', 17)
                                .arg(modelLogOdds, 0, 'g', 17)));
    }
}

void TestAttributeExplainer::sameApplicantSameReasons()
{
    QFETCH(QString, family);
    const auto chain = model(family);
    const Scorer scorer(chain, settingsFor(*m_data));
    const Applicant a = applicantOf(*m_data, 3);
    const ScoreResult first = scorer.score(a);
    const ScoreResult second = Scorer(chain, settingsFor(*m_data)).score(a);
    QCOMPARE(first.reasons.size(), second.reasons.size());
    for (std::size_t i = 0; i < first.reasons.size(); ++i) {
        QCOMPARE(first.reasons[i].attribute, second.reasons[i].attribute);
        QCOMPARE(first.reasons[i].contribution, second.reasons[i].contribution);
        QCOMPARE(first.reasons[i].standardError, second.reasons[i].standardError);
    }
    QCOMPARE(first.reasonTexts, second.reasonTexts);

    // Batch files with 1 and 2 threads (chunks of 7 rows) are byte for byte the same, and
    // their reason_1 … reason_3 are the sentences of the single-applicant path.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::vector<std::size_t> rows(40);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        rows[i] = i;
    }
    const std::string input = dir.filePath(QStringLiteral("in.csv")).toStdString();
    writeCsv(m_data->subset(rows), input);
    std::string outputs[2];
    for (int threads = 1; threads <= 2; ++threads) {
        BatchScoreParams params;
        params.inputPath = input;
        params.outputPath = dir.filePath(QStringLiteral("out%1.csv").arg(threads)).toStdString();
        params.reasons = 3;
        params.chunkRows = 7;
        params.threads = threads;
        const BatchScoreResult result = BatchScorer(scorer, params).run();
        QCOMPARE(result.scored, rows.size());
        outputs[threads - 1] = readWholeFile(params.outputPath);
    }
    QCOMPARE(outputs[0], outputs[1]);
    const ScoreResult third = scorer.score(applicantOf(*m_data, 3));
    std::istringstream lines(outputs[0]);
    std::string line;
    for (int i = 0; i <= 4; ++i) { // header, rows 0 … 3
        std::getline(lines, line);
    }
    for (std::size_t k = 0; k < std::min<std::size_t>(3, third.reasonTexts.size()); ++k) {
        QVERIFY2(line.find(third.reasonTexts[k]) != std::string::npos, line.c_str());
    }
}

void TestAttributeExplainer::worseCheckingStatusIsAStrongerAdverseReason()
{
    QFETCH(QString, family);
    const auto chain = model(family);
    const Scorer scorer(chain, settingsFor(*m_data));
    // Applicant 1 without a checking account, and the same applicant with an overdrawn one.
    Applicant better = applicantOf(*m_data, 1);
    better["checking_status"] = "no checking";
    Applicant worse = better;
    worse["checking_status"] = "<0";
    const ScoreResult b = scorer.score(better);
    const ScoreResult w = scorer.score(worse);
    const Reason* before = reasonFor(b, "checking_status");
    const Reason* after = reasonFor(w, "checking_status");
    QVERIFY(before && after);
    QVERIFY2(after->contribution > 0.0, qPrintable(QString::number(after->contribution)));
    const double noise = 3.0 * (before->standardError + after->standardError);
    QVERIFY2(after->contribution > before->contribution + noise,
             qPrintable(QStringLiteral("%1 -> %2 (± %3)")
                            .arg(before->contribution)
                            .arg(after->contribution)
                            .arg(noise)));
    QVERIFY(w.logOdds > b.logOdds);
    const auto rankOf = [](const ScoreResult& r, const std::string& attribute) {
        for (std::size_t i = 0; i < r.reasons.size(); ++i) {
            if (r.reasons[i].attribute == attribute) {
                return i;
            }
        }
        return r.reasons.size();
    };
    QVERIFY(rankOf(w, "checking_status") < rankOf(b, "checking_status"));
}

void TestAttributeExplainer::ensembleExplainsARejection()
{
    const auto chain = model(QStringLiteral("vote"));
    const Scorer scorer(chain, settingsFor(*m_data));
    std::size_t rejected = 0;
    for (std::size_t row = 0; row < 200 && rejected < 5; ++row) {
        const ScoreResult r = scorer.score(applicantOf(*m_data, row));
        if (!r.reject) {
            continue;
        }
        ++rejected;
        QVERIFY(r.hasReasons);
        QVERIFY(!r.reasonTexts.empty());
        QCOMPARE(r.reasonTexts.front(), r.reasons.front().text);
        QVERIFY(r.reasons.front().contribution > 0.0);
        QVERIFY(r.reasons.front().stated);
    }
    QCOMPARE(rejected, std::size_t(5));
    // The detail names every member's method.
    const std::string detail = scorer.explainer().methodDetail();
    QVERIFY2(detail.find("svm: interventional Shapley") != std::string::npos, detail.c_str());
    QVERIFY2(detail.find("gbdt: TreeSHAP") != std::string::npos, detail.c_str());
}

void TestAttributeExplainer::permutationEstimateWithinItsErrorOfExactValues()
{
    // A small model: the SVM over 8 attribute groups of its features, exact (2^8 coalitions)
    // and estimated from 200 antithetic pairs against the same 12 background rows.
    const auto chain = model(QStringLiteral("svm"));
    const Classifier& svm = chain->classifier();
    std::vector<std::size_t> groups = chain->pipeline().featureAttributes();
    for (std::size_t& g : groups) {
        g %= 8;
    }
    // The SVM predicts blocks of rows with one matrix product: a row's probability is the same
    // alone or among others, so an applicant's log-odds do not depend on the batch.
    {
        const Matrix all = chain->pipeline().transform(*m_data);
        const Vector together = svm.predictProba(all);
        for (Eigen::Index r = 0; r < all.rows(); r += 97) {
            QCOMPARE(svm.predictProba(all.middleRows(r, 1))[0], together[r]);
            QCOMPARE(
                svm.predictProba(all.middleRows(r, std::min<Eigen::Index>(7, all.rows() - r)))[0],
                together[r]);
        }
    }
    const Matrix background = chain->background().rows.topRows(12);
    ShapleyParams exactParams;
    ShapleyParams sampledParams;
    sampledParams.exactMaxAttributes = 4;
    sampledParams.permutationPairs = 200;
    sampledParams.seed = 5;
    const InterventionalShapley exact(svm, background, groups, 8, exactParams);
    const InterventionalShapley sampled(svm, background, groups, 8, sampledParams);
    QVERIFY(exact.exact() && !sampled.exact());
    // The SVM's kernel walk gives the values of predicting every coalition row.
    sampledParams.useModelStructure = false;
    const InterventionalShapley predicted(svm, background, groups, 8, sampledParams);
    QVERIFY(sampled.usesModelStructure() && !predicted.usesModelStructure());
    std::vector<std::size_t> rows{0, 1, 2, 3, 4, 5};
    const Matrix x = chain->pipeline().transform(*m_data, rows);
    const ShapleyValues e = exact.explain(x);
    const ShapleyValues s = sampled.explain(x);
    const ShapleyValues byPrediction = predicted.explain(x);
    QVERIFY2((s.values - byPrediction.values).cwiseAbs().maxCoeff() < 1e-9,
             qPrintable(QString::number((s.values - byPrediction.values).cwiseAbs().maxCoeff())));
    QVERIFY((s.standardError - byPrediction.standardError).cwiseAbs().maxCoeff() < 1e-9);
    QCOMPARE(s.logOdds, byPrediction.logOdds);
    std::size_t outside = 0;
    for (Eigen::Index r = 0; r < x.rows(); ++r) {
        const double logOdds = probabilityLogOdds(svm.predictProba(x.row(r))[0]);
        QVERIFY(std::abs(e.logOdds[r] - logOdds) < 1e-12);
        QVERIFY(std::abs(e.base + e.values.row(r).sum() - logOdds) < 1e-9);
        QVERIFY(std::abs(s.base + s.values.row(r).sum() - logOdds) < 1e-9);
        for (Eigen::Index a = 0; a < 8; ++a) {
            const double error = std::abs(s.values(r, a) - e.values(r, a));
            QVERIFY(s.standardError(r, a) > 0.0 || error < 1e-12);
            QVERIFY2(error <= 4.0 * s.standardError(r, a) + 1e-12,
                     qPrintable(QStringLiteral("row %1 attribute %2: |%3 − %4| > 4 × %5")
                                    .arg(r)
                                    .arg(a)
                                    .arg(s.values(r, a))
                                    .arg(e.values(r, a))
                                    .arg(s.standardError(r, a))));
            outside += error > 2.0 * s.standardError(r, a);
        }
    }
    // About 5 % of normal errors lie beyond 2 SE: far more means the SE is too small.
    QVERIFY2(outside <= 6, qPrintable(QString::number(outside)));
    // Exact values: the base is the background's mean log-odds.
    Eigen::VectorXd b(background.rows());
    for (Eigen::Index i = 0; i < background.rows(); ++i) {
        b[i] = probabilityLogOdds(svm.predictProba(background.row(i))[0]);
    }
    QVERIFY(std::abs(exact.base() - b.mean()) < 1e-12);
}

void TestAttributeExplainer::calibratedModelExplainsItsLogOdds()
{
    const auto chain = fitChain(*m_data, "gbdt", CalibrationMethod::Isotonic);
    const Scorer scorer(chain, settingsFor(*m_data));
    const Applicant a = applicantOf(*m_data, 10);
    const ScoreResult r = scorer.score(a);
    QVERIFY(r.hasReasons && r.calibrated);
    const double raw = chain->classifier().predictProba(chain->pipeline().transformOne(a))[0];
    QVERIFY(std::abs(r.rawPd - raw) < 1e-12);
    QVERIFY(std::abs(r.logOdds - probabilityLogOdds(raw)) < 1e-9);
    QVERIFY(std::abs(r.modelPd - chain->calibrator().apply(raw)) < 1e-12);
    QVERIFY(std::abs(r.modelPd - r.rawPd) > 1e-6); // isotonic moves it: two numbers to show
    QVERIFY(!Scorer(model(QStringLiteral("gbdt")), settingsFor(*m_data)).score(a).calibrated);
}

void TestAttributeExplainer::oneRankingForSentencesChartAndBatch()
{
    const auto chain = model(QStringLiteral("vote"));
    ScoringSettings settings = settingsFor(*m_data);
    settings.adverseReasons = 4;
    const Scorer scorer(chain, settings);
    for (std::size_t row = 0; row < 60; row += 7) {
        const ScoreResult r = scorer.score(applicantOf(*m_data, row));
        // Sentences: the first adverse entries of the ranking, marked stated.
        std::size_t stated = 0;
        for (std::size_t i = 0; i < r.reasons.size(); ++i) {
            if (i > 0) {
                QVERIFY(r.reasons[i - 1].contribution >= r.reasons[i].contribution);
            }
            if (r.reasons[i].stated) {
                QCOMPARE(i, stated);
                QCOMPARE(r.reasonTexts[stated], r.reasons[i].text);
                ++stated;
            }
        }
        QCOMPARE(stated, r.reasonTexts.size());
        // The chart shows every stated reason, in ranking order, ten at most.
        const std::vector<std::size_t> chart = r.chartReasons(10);
        QVERIFY(chart.size() == std::min<std::size_t>(10, r.reasons.size()));
        for (std::size_t k = 0; k < stated; ++k) {
            QCOMPARE(chart[k], k);
        }
        QVERIFY(std::is_sorted(chart.begin(), chart.end()));
        // A chart of three still shows all four sentences' first three.
        const std::vector<std::size_t> small = r.chartReasons(3);
        for (std::size_t k = 0; k < std::min<std::size_t>(3, stated); ++k) {
            QCOMPARE(small[k], k);
        }
        // The batch path ranks the same attributes.
        std::vector<std::size_t> top;
        QVERIFY(scorer.adverseAttributes(chain->pipeline().transformOne(applicantOf(*m_data, row)),
                                         4, top));
        for (std::size_t k = 0; k < stated; ++k) {
            QCOMPARE(chain->pipeline().attributes()[top[k]].name, r.reasons[k].attribute);
        }
    }
}

void TestAttributeExplainer::backgroundTravelsWithTheModel()
{
    const auto chain = model(QStringLiteral("svm"));
    QCOMPARE(chain->background().rows.rows(), Eigen::Index(ExplanationBackground::kDefaultRows));
    std::stringstream buffer;
    chain->save(buffer);
    const auto loaded = TrainedModel::load(buffer);
    QVERIFY(loaded->background().rows == chain->background().rows);
    QCOMPARE(loaded->background().seed, chain->background().seed);
    const Applicant a = applicantOf(*m_data, 5);
    const ScoreResult before = Scorer(chain, settingsFor(*m_data)).score(a);
    const ScoreResult after = Scorer(loaded, settingsFor(*m_data)).score(a);
    for (std::size_t i = 0; i < before.reasons.size(); ++i) {
        QCOMPARE(after.reasons[i].attribute, before.reasons[i].attribute);
        QCOMPARE(after.reasons[i].contribution, before.reasons[i].contribution);
    }
    // Without a background (a model file from before format 2) the reference applicant stands
    // in, and the detail says so; the sums still hold.
    const auto bare = std::make_shared<const TrainedModel>(
        std::shared_ptr<const FeaturePipeline>(chain, &chain->pipeline()),
        std::shared_ptr<const Classifier>(chain, &chain->classifier()),
        std::shared_ptr<const Calibrator>(chain, &chain->calibrator()));
    const Scorer scorer(bare, settingsFor(*m_data));
    QVERIFY(scorer.explainer().methodDetail().find("median/mode") != std::string::npos);
    const ScoreResult r = scorer.score(a);
    double sum = r.baseValue;
    for (const Reason& reason : r.reasons) {
        sum += reason.contribution;
    }
    QVERIFY(std::abs(sum - r.logOdds) < 1e-9);
}

void TestAttributeExplainer::importanceForEveryFamily()
{
    for (const QString& family :
         {QStringLiteral("lr"), QStringLiteral("svm"), QStringLiteral("vote")}) {
        const auto chain = model(family);
        const FeatureImportance importance = featureImportance(chain, *m_data, 50);
        QCOMPARE(importance.rows, std::size_t(50));
        QCOMPARE(importance.values.size(), chain->pipeline().attributes().size());
        // Mean |contribution| of each attribute over every 20th row, largest first.
        std::vector<std::size_t> rows;
        for (std::size_t r = 0; r < 1000; r += 20) {
            rows.push_back(r);
        }
        const Explanation e =
            AttributeExplainer(chain).explain(chain->pipeline().transform(*m_data, rows));
        for (std::size_t i = 0; i < importance.values.size(); ++i) {
            const auto& [name, value] = importance.values[i];
            const std::size_t a = attributeIndex(*chain, name);
            QVERIFY(std::abs(value - e.contributions.col(Eigen::Index(a)).cwiseAbs().mean()) <
                    1e-12);
            QVERIFY(i == 0 || importance.values[i - 1].second >= value);
        }
        QVERIFY(importance.values.front().second > 0.0);
    }
}

QTEST_GUILESS_MAIN(TestAttributeExplainer)
#include "test_attribute_explainer.moc"
