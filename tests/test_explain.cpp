// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// core/explain: reasons, reason sentences, validation, prior correction and batch scoring
// (scorecard points, grades and the cut-off analysis: test_explain_decision.cpp).
#include "common/atomic_file.h"
#include "data/csv_writer.h"
#include "data/data_error.h"
#include "data/dataset_reader.h"
#include "eval/cost_analysis.h"
#include "explain/applicant_json.h"
#include "explain/attribute_glossary.h"
#include "explain/batch_scorer.h"
#include "explain/scorer.h"
#include "models/calibration.h"
#include "support/applicant_of.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstdio>
#include <memory>
#include <sstream>

using namespace credit::core;
using credit::test::applicantOf;

namespace {

const std::string kCreditG = std::string(CREDIT_DATA_DIR) + "/credit-g.arff";

std::shared_ptr<const TrainedModel> fitChain(const Dataset& data, const std::string& algorithm,
                                             CalibrationMethod calibration)
{
    auto pipeline = std::make_shared<FeaturePipeline>();
    pipeline->fit(data, {});
    const Matrix x = pipeline->transform(data);
    std::shared_ptr<Classifier> classifier = createClassifier(algorithm);
    if (algorithm == "gbdt") {
        classifier->setParams(
            {{"n_rounds", std::int64_t(60)}, {"early_stopping_rounds", std::int64_t(0)}});
    }
    FitOptions options;
    classifier->fit(x, data.labels(), options);
    auto calibrator = std::make_shared<Calibrator>(CalibrationParams{calibration});
    if (calibration != CalibrationMethod::None) {
        const Vector raw = classifier->predictProba(x);
        calibrator->fit(std::span<const double>(raw.data(), std::size_t(raw.size())),
                        data.labels());
    }
    return std::make_shared<const TrainedModel>(pipeline, classifier, calibrator);
}

ScoringSettings settingsFor(const Dataset& data)
{
    ScoringSettings s;
    for (std::size_t i : data.schema().featureIndices()) {
        s.fields.push_back(data.schema().columns[i]);
        const Column& column = data.column(i);
        if (column.isNumeric()) {
            double lo = 1e300;
            double hi = -1e300;
            for (double v : column.numeric) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
            s.numericRanges[column.name()] = {lo, hi};
        }
    }
    s.policy.threshold = 1.0 / 6.0;
    s.policy.sampleBadRate = data.positiveRate();
    return s;
}

double logit(double p)
{
    return std::log(p / (1.0 - p));
}

// RFC 4180 records of a whole file (no blank-line or BOM handling: the writer emits none).
std::vector<std::vector<std::string>> csvRecords(const std::string& text)
{
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                fields.back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                fields.back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else if (c == '\n') {
            records.push_back(std::move(fields));
            fields.assign(1, std::string());
        } else if (c != '\r') {
            fields.back() += c;
        }
    }
    return records;
}

std::string joinedMessages(const std::vector<FieldIssue>& issues)
{
    std::string text;
    for (const FieldIssue& issue : issues) {
        text += (text.empty() ? "" : "; ") + issue.message;
    }
    return text;
}

} // namespace

class TestExplain : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void reasonSentences_data();
    void reasonSentences();
    void reasonsSumToLogOdds_data();
    void reasonsSumToLogOdds();
    void pointsDecompose();
    void validation();
    void priorCorrection();
    void batchScoringWithBadRows();
    void batchEqualsRowByRow_data();
    void batchEqualsRowByRow();
    void batchReadsEveryFormat_data();
    void batchReadsEveryFormat();
    void applicantJson();

private:
    std::unique_ptr<Dataset> m_data;
};

void TestExplain::initTestCase()
{
    m_data = std::make_unique<Dataset>(readDataset(kCreditG).dataset);
    QCOMPARE(m_data->rowCount(), std::size_t(1000));
}

void TestExplain::reasonSentences_data()
{
    QTest::addColumn<QString>("attribute");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("sentence");
    auto row = [](const char* a, const char* v, const char* s) {
        QTest::addRow("%s=%s", a, v)
            << QString::fromUtf8(a) << QString::fromUtf8(v) << QString::fromUtf8(s);
    };
    row("checking_status", "<0", "Checking account balance below 0 DM");
    row("duration", "48", "Loan duration of 48 months");
    row("credit_amount", "12000", "Credit amount of 12,000 DM");
    row("credit_amount", "1234.5", "Credit amount of 1,234.5 DM");
    row("savings_status", "<100", "Savings below 100 DM");
    row("credit_history", "delayed previously", "Delay in paying off in the past");
    row("monthly_instalment", "650", "Monthly instalment of 650 DM");
    row("duration_age_band", "long/young", "Long loan (over 24 months) for an applicant under 25");
    row("income", "3000", "income: 3,000");
    row("region", "north", "region: north");
}

void TestExplain::reasonSentences()
{
    QFETCH(QString, attribute);
    QFETCH(QString, value);
    QFETCH(QString, sentence);
    QCOMPARE(QString::fromStdString(
                 AttributeGlossary::reasonSentence(attribute.toStdString(), value.toStdString())),
             sentence);
}

void TestExplain::reasonsSumToLogOdds_data()
{
    QTest::addColumn<QString>("algorithm");
    QTest::newRow("lr") << QStringLiteral("lr");
    QTest::newRow("gbdt") << QStringLiteral("gbdt");
}

void TestExplain::reasonsSumToLogOdds()
{
    QFETCH(QString, algorithm);
    const auto model = fitChain(*m_data, algorithm.toStdString(), CalibrationMethod::None);
    const Scorer scorer(model, settingsFor(*m_data));
    const std::size_t attributes = model->pipeline().attributes().size();
    for (std::size_t row = 0; row < 1000; row += 37) {
        const Applicant a = applicantOf(*m_data, row);
        const ScoreResult r = scorer.score(a);
        QVERIFY2(r.valid(), r.errors.empty() ? "" : r.errors.front().message.c_str());
        QVERIFY(r.hasReasons);
        QCOMPARE(r.reasons.size(), attributes);
        double sum = r.baseValue;
        for (std::size_t k = 0; k < r.reasons.size(); ++k) {
            sum += r.reasons[k].contribution;
            if (k > 0) {
                QVERIFY(r.reasons[k - 1].contribution >= r.reasons[k].contribution);
            }
        }
        const Vector raw = model->classifier().predictProba(model->pipeline().transformOne(a));
        // XGBoost computes in float: allow its rounding.
        const double tolerance = algorithm == QLatin1String("lr") ? 1e-9 : 1e-4;
        QVERIFY2(
            std::fabs(sum - logit(raw[0])) < tolerance,
            qPrintable(QStringLiteral("row %1: %2 vs %3").arg(row).arg(sum).arg(logit(raw[0]))));
        QVERIFY(std::fabs(r.logOdds - sum) < 1e-12);
        // The calibrated PD (None) is the raw one, the decision follows the threshold.
        QVERIFY(std::fabs(r.pd - raw[0]) < 1e-12);
        QCOMPARE(r.reject, r.pd > 1.0 / 6.0);
        // Adverse sentences: only positive contributions, most adverse first, at most four.
        QVERIFY(r.reasonTexts.size() <= 4);
        for (std::size_t k = 0; k < r.reasonTexts.size(); ++k) {
            QVERIFY(r.reasons[k].contribution > 0);
            QCOMPARE(r.reasonTexts[k], r.reasons[k].text);
        }
    }
    // A recognisably risky applicant: the reasons name the checking account and the history.
    Applicant risky = applicantOf(*m_data, 0);
    risky["checking_status"] = "<0";
    risky["credit_history"] = "no credits/all paid";
    risky["duration"] = "60";
    risky["savings_status"] = "<100";
    const ScoreResult r = scorer.score(risky);
    bool named = false;
    for (const std::string& text : r.reasonTexts) {
        named = named || text == "Checking account balance below 0 DM" ||
                text == "Loan duration of 60 months";
    }
    QVERIFY(named);
}

void TestExplain::pointsDecompose()
{
    // With Platt calibration, base points are the same for every applicant and reason points
    // add up to the applicant's points.
    const auto model = fitChain(*m_data, "lr", CalibrationMethod::Platt);
    const Scorer scorer(model, settingsFor(*m_data));
    double firstBase = 0.0;
    for (std::size_t row = 0; row < 200; row += 41) {
        const ScoreResult r = scorer.score(applicantOf(*m_data, row));
        QVERIFY(r.valid());
        double points = r.basePoints;
        for (const Reason& reason : r.reasons) {
            points += reason.points;
        }
        QVERIFY(std::fabs(points - r.points) < 1e-6);
        QVERIFY(std::fabs(r.points - ScorecardScale{}.points(r.pd)) < 1e-9);
        if (row == 0) {
            firstBase = r.basePoints;
        } else {
            QVERIFY2(std::fabs(r.basePoints - firstBase) < 1e-6,
                     qPrintable(QStringLiteral("%1 vs %2").arg(r.basePoints).arg(firstBase)));
        }
    }
}

void TestExplain::validation()
{
    const auto model = fitChain(*m_data, "lr", CalibrationMethod::None);
    const Scorer scorer(model, settingsFor(*m_data));
    Applicant a = applicantOf(*m_data, 3);
    a["duration"] = "abc";
    a["credit_amount"] = "-100";
    a["purpose"] = "yacht";
    a.erase("age");
    const ScoreResult r = scorer.score(a);
    QVERIFY(!r.valid());
    QCOMPARE(r.errors.size(), std::size_t(4));
    std::map<std::string, std::string> byField;
    for (const FieldIssue& issue : r.errors) {
        byField[issue.field] = issue.message;
    }
    QCOMPARE(byField["duration"], std::string("duration: 'abc' is not a number"));
    QCOMPARE(byField["credit_amount"],
             std::string("credit_amount: must not be negative (got -100)"));
    QVERIFY(byField["purpose"].rfind("purpose: unknown category 'yacht' (expected one of 'new "
                                     "car'",
                                     0) == 0);
    QCOMPARE(byField["age"], std::string("age: a value is required"));

    Applicant outside = applicantOf(*m_data, 3);
    outside["duration"] = "120"; // training max is 72 months
    const ScoreResult o = scorer.score(outside);
    QVERIFY(o.valid());
    QCOMPARE(o.outOfRange.size(), std::size_t(1));
    QCOMPARE(o.outOfRange[0].field, std::string("duration"));
    QVERIFY(o.outOfRange[0].message.find("the model extrapolates") != std::string::npos);
    QVERIFY(std::isfinite(o.pd));
}

void TestExplain::priorCorrection()
{
    const auto model = fitChain(*m_data, "lr", CalibrationMethod::None);
    ScoringSettings settings = settingsFor(*m_data);
    settings.policy.populationBadRate = 0.05;
    const Scorer scorer(model, settings);
    const ScoreResult r = scorer.score(applicantOf(*m_data, 10));
    // Hand formula: p' = p·πt/πs / (p·πt/πs + (1 − p)(1 − πt)/(1 − πs)).
    const double p = r.modelPd;
    const double expected = p * 0.05 / 0.3 / (p * 0.05 / 0.3 + (1 - p) * 0.95 / 0.7);
    QVERIFY(std::fabs(r.pd - expected) < 1e-12);
    QVERIFY(std::fabs(r.thresholdPd - adjustForPrior(1.0 / 6.0, 0.3, 0.05)) < 1e-12);
    QCOMPARE(r.reject, r.pd > r.thresholdPd);
    QVERIFY(std::fabs(scorer.toModelScale(r.pd) - p) < 1e-12);
}

void TestExplain::batchScoringWithBadRows()
{
    const auto model = fitChain(*m_data, "lr", CalibrationMethod::Platt);
    const Scorer scorer(model, settingsFor(*m_data));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string input = dir.filePath(QStringLiteral("in.csv")).toStdString();
    const std::string output = dir.filePath(QStringLiteral("out.csv")).toStdString();
    writeCsv(m_data->subset({0, 1, 2, 3, 4}), input);
    std::string text = readWholeFile(input);
    // Row 6: a word as duration; row 7: an unknown purpose; row 8: one field too many.
    std::string good = text.substr(text.find("\r\n") + 2);
    good = good.substr(0, good.find("\r\n"));
    std::string badDuration = good;
    badDuration.replace(badDuration.find(",6,"), 3, ",six,");
    std::string badPurpose = good;
    badPurpose.replace(badPurpose.find("radio/tv"), 8, "yacht");
    text += badDuration + "\r\n" + badPurpose + "\r\n" + good + ",extra\r\n";
    writeFileAtomically(input, text);
    const std::string before = readWholeFile(input);

    BatchScoreParams params;
    params.inputPath = input;
    params.outputPath = output;
    params.chunkRows = 3; // several chunks
    params.threads = 2;
    std::size_t events = 0;
    params.progress = [&](const ProgressEvent&) {
        ++events;
        return true;
    };
    const BatchScoreResult result = BatchScorer(scorer, params).run();
    QCOMPARE(result.rows, std::size_t(8));
    QCOMPARE(result.scored, std::size_t(5));
    QCOMPARE(result.failed, std::size_t(3));
    QCOMPARE(events, std::size_t(3));
    QCOMPARE(readWholeFile(input), before); // input untouched

    const ReadResult read = readDataset(output, {FileFormat::Csv, {"class", "bad"}, {}});
    const Dataset& out = read.dataset;
    QCOMPARE(out.rowCount(), std::size_t(8));
    const auto pdIndex = out.schema().indexOf("pd");
    const auto errorIndex = out.schema().indexOf("error");
    const auto decisionIndex = out.schema().indexOf("decision");
    const auto reasonIndex = out.schema().indexOf("reason_1");
    QVERIFY(pdIndex && errorIndex && decisionIndex && reasonIndex);
    for (std::size_t row = 0; row < 5; ++row) {
        const double expected = scorer.probability(applicantOf(*m_data, row));
        QVERIFY(std::fabs(out.column(*pdIndex).numeric[row] - expected) < 1e-6);
        QCOMPARE(out.column(*decisionIndex).text(row),
                 std::string(expected > 1.0 / 6.0 ? "reject" : "accept"));
        QVERIFY(out.column(*errorIndex).isMissing(row));
    }
    QVERIFY(out.column(*errorIndex).text(5).find("duration: 'six' is not a number") !=
            std::string::npos);
    QVERIFY(out.column(*errorIndex).text(6).find("purpose: unknown category 'yacht'") !=
            std::string::npos);
    QVERIFY(out.column(*errorIndex).text(7).find("expected 21 fields, found 22") !=
            std::string::npos);
    QVERIFY(std::isnan(out.column(*pdIndex).numeric[5]));

    // A short row is reported too, and the run goes on.
    writeFileAtomically(input, before + "<0,12\r\n" + good + "\r\n");
    const BatchScoreResult second = BatchScorer(scorer, params).run();
    QCOMPARE(second.rows, std::size_t(10));
    QCOMPARE(second.failed, std::size_t(4));
    QVERIFY(readWholeFile(output).find("line 10: expected 21 fields, found 2") !=
            std::string::npos);

    // The tokenizer of File ▸ Open (data/csv_tokenizer.h), with its rules: a quote that never
    // closes is refused with its line, and the output is not replaced.
    const std::string scored = readWholeFile(output);
    writeFileAtomically(input, before + "\"<0,12\r\n");
    try {
        (void)BatchScorer(scorer, params).run();
        QFAIL("an unterminated quote was scored");
    } catch (const DataError& error) {
        const std::string what = error.what();
        QVERIFY2(what.find("in.csv:10: column 'checking_status'") != std::string::npos &&
                     what.find("unterminated quote") != std::string::npos,
                 what.c_str());
    }
    QCOMPARE(readWholeFile(output), scored);

    params.outputPath = input;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, BatchScorer(scorer, params).run());
}

void TestExplain::batchEqualsRowByRow_data()
{
    QTest::addColumn<QString>("algorithm");
    QTest::addColumn<int>("threads");
    QTest::newRow("lr, 1 thread") << QStringLiteral("lr") << 1;
    QTest::newRow("lr, 3 threads") << QStringLiteral("lr") << 3;
    QTest::newRow("gbdt, 2 threads") << QStringLiteral("gbdt") << 2;
}

// The batch path (column indices, chunked transform and model calls, partial sort of the
// reasons, to_chars formatting, parallel chunks) gives what Scorer::score gives row by row.
void TestExplain::batchEqualsRowByRow()
{
    QFETCH(QString, algorithm);
    QFETCH(int, threads);
    const auto model = fitChain(*m_data, algorithm.toStdString(), CalibrationMethod::Platt);
    ScoringSettings settings = settingsFor(*m_data);
    settings.policy.populationBadRate = 0.05;
    const Scorer scorer(model, settings);

    // Every credit-g row, with a few made invalid (and one out of range, still scored).
    std::vector<Applicant> applicants;
    for (std::size_t r = 0; r < m_data->rowCount(); ++r) {
        applicants.push_back(applicantOf(*m_data, r));
    }
    applicants[3]["duration"] = "six";
    applicants[10]["purpose"] = "yacht";
    applicants[11]["credit_amount"] = "-5";
    applicants[12]["age"] = "";
    applicants[13]["duration"] = "abc";
    applicants[13]["housing"] = "castle";
    applicants[500]["duration"] = "999"; // outside the training range: flagged
    applicants[501]["credit_amount"] = " 1234.5 ";
    const std::vector<std::size_t> features = m_data->schema().featureIndices();
    std::string text;
    for (std::size_t c = 0; c < features.size(); ++c) {
        text += (c ? "," : "") + csvField(m_data->column(features[c]).name());
    }
    text += "\r\n";
    for (const Applicant& a : applicants) {
        for (std::size_t c = 0; c < features.size(); ++c) {
            text += (c ? "," : "") + csvField(a.at(m_data->column(features[c]).name()));
        }
        text += "\r\n";
    }
    text += "1,2\r\n"; // too few fields
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string input = dir.filePath(QStringLiteral("in.csv")).toStdString();
    const std::string output = dir.filePath(QStringLiteral("out.csv")).toStdString();
    writeFileAtomically(input, text);

    BatchScoreParams params;
    params.inputPath = input;
    params.outputPath = output;
    params.chunkRows = 97; // many chunks, a short last one
    params.threads = threads;
    const BatchScoreResult result = BatchScorer(scorer, params).run();
    QCOMPARE(result.rows, applicants.size() + 1);
    QCOMPARE(result.failed, std::size_t(6));
    QCOMPARE(readWholeFile(input), text);

    const auto records = csvRecords(readWholeFile(output));
    QCOMPARE(records.size(), applicants.size() + 2);
    const std::size_t first = features.size(); // the pd column
    QCOMPARE(records[0][first], std::string("pd"));
    QCOMPARE(records[0][first + 8], std::string("error"));
    std::size_t flagged = 0;
    for (std::size_t r = 0; r < applicants.size(); ++r) {
        const ScoreResult expected = scorer.score(applicants[r]);
        const std::vector<std::string>& got = records[r + 1];
        QCOMPARE(got.size(), first + 9);
        if (!expected.valid()) {
            QCOMPARE(got[first], std::string());
            QCOMPARE(got[first + 8],
                     "line " + std::to_string(r + 2) + ": " + joinedMessages(expected.errors));
            continue;
        }
        char number[64];
        std::snprintf(number, sizeof number, "%.6f", expected.pd);
        QCOMPARE(got[first], std::string(number));
        QCOMPARE(got[first + 1], std::string(expected.reject ? "reject" : "accept"));
        QCOMPARE(got[first + 2], expected.grade);
        std::snprintf(number, sizeof number, "%.1f", expected.points);
        QCOMPARE(got[first + 3], std::string(number));
        for (std::size_t k = 0; k < 3; ++k) {
            const bool adverse =
                k < expected.reasons.size() && expected.reasons[k].contribution > 0.0;
            QCOMPARE(got[first + 4 + k], adverse ? expected.reasons[k].text : std::string());
        }
        QCOMPARE(got[first + 7], joinedMessages(expected.outOfRange));
        QCOMPARE(got[first + 8], std::string());
        flagged += !expected.outOfRange.empty();
    }
    QCOMPARE(flagged, std::size_t(1));
    QCOMPARE(records.back()[first + 8], "line " + std::to_string(applicants.size() + 2) +
                                            ": expected " + std::to_string(features.size()) +
                                            " fields, found 2");

    // The pieces, unformatted: the design matrix equals transformOne's exactly, the model PD
    // matches to 1e-12 and the adverse attributes are score()'s first reasons.
    std::vector<std::string> names;
    std::vector<std::string_view> cells;
    std::vector<const Applicant*> valid;
    for (const ColumnSchema& field : settings.fields) {
        names.push_back(field.name);
    }
    for (const Applicant& a : applicants) {
        if (scorer.validate(a).empty()) {
            valid.push_back(&a);
            for (const std::string& name : names) {
                cells.push_back(a.at(name));
            }
        }
    }
    DesignMatrix x;
    std::vector<std::string> rowErrors;
    model->pipeline().transformTexts(names, cells, x, rowErrors);
    const Vector modelPd = model->predictMatrix(x);
    std::vector<std::size_t> top;
    QVERIFY(scorer.adverseAttributes(x, 3, top));
    for (std::size_t i = 0; i < valid.size(); ++i) {
        QVERIFY(rowErrors[i].empty());
        const DesignMatrix one = model->pipeline().transformOne(*valid[i]);
        QVERIFY(one.row(0) == x.row(Eigen::Index(i)));
        const ScoreResult expected = scorer.score(*valid[i]);
        QVERIFY(std::fabs(modelPd[Eigen::Index(i)] - expected.modelPd) <= 1e-12);
        QVERIFY(std::fabs(scorer.toPopulation(modelPd[Eigen::Index(i)]) - expected.pd) <= 1e-12);
        for (std::size_t k = 0; k < 3; ++k) {
            const bool adverse =
                k < expected.reasons.size() && expected.reasons[k].contribution > 0.0;
            const std::size_t attribute = top[i * 3 + k];
            QCOMPARE(attribute == Scorer::kNoAttribute, !adverse);
            if (adverse) {
                QCOMPARE(model->pipeline().attributes()[attribute].name,
                         expected.reasons[k].attribute);
            }
        }
    }
}

void TestExplain::batchReadsEveryFormat_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("ARFF") << QString::fromStdString(kCreditG);
    QTest::newRow("german.data") << QString::fromStdString(std::string(CREDIT_FIXTURES_DIR) +
                                                           "/german.data");
}

// Issue 13 item 5: batch scoring reads what File > Open reads, and an ARFF (or german.data)
// file scores exactly as the same data written as CSV does, row for row.
void TestExplain::batchReadsEveryFormat()
{
    QFETCH(QString, path);
    const auto model = fitChain(*m_data, "lr", CalibrationMethod::Platt);
    const Scorer scorer(model, settingsFor(*m_data));
    const Dataset data = readDataset(path.toStdString()).dataset;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string csv = dir.filePath(QStringLiteral("same.csv")).toStdString();
    writeCsv(data, csv);

    BatchScoreParams params;
    params.chunkRows = 64;
    params.inputPath = path.toStdString();
    params.outputPath = dir.filePath(QStringLiteral("from-native.csv")).toStdString();
    const BatchScoreResult native = BatchScorer(scorer, params).run();
    params.inputPath = csv;
    params.outputPath = dir.filePath(QStringLiteral("from-csv.csv")).toStdString();
    const BatchScoreResult fromCsv = BatchScorer(scorer, params).run();

    QCOMPARE(native.rows, data.rowCount());
    QCOMPARE(native.scored, data.rowCount());
    QCOMPARE(native.rejected, fromCsv.rejected);
    const std::string nativeText =
        readWholeFile(dir.filePath(QStringLiteral("from-native.csv")).toStdString());
    const auto nativeRows = csvRecords(nativeText);
    const auto csvRows =
        csvRecords(readWholeFile(dir.filePath(QStringLiteral("from-csv.csv")).toStdString()));
    QCOMPARE(nativeRows.size(), data.rowCount() + 1);
    QCOMPARE(nativeRows.size(), csvRows.size());
    for (std::size_t r = 0; r < nativeRows.size(); ++r) {
        QCOMPARE(nativeRows[r], csvRows[r]);
    }
}

// The applicant reader parses real JSON: a key inside a string value is no field, numbers
// keep their text, null is missing; anything else is refused naming the field.
void TestExplain::applicantJson()
{
    const Applicant a = readApplicantJson(
        R"({"duration": 48, "credit_amount": 1234.5, "purpose": "radio/tv \"x\": 1",)"
        R"( "age": null})");
    QCOMPARE(a.size(), std::size_t(4));
    QCOMPARE(a.at("duration"), std::string("48"));
    QCOMPARE(a.at("credit_amount"), std::string("1234.5"));
    QCOMPARE(a.at("purpose"), std::string("radio/tv \"x\": 1"));
    QCOMPARE(a.at("age"), std::string());
    try {
        readApplicantJson(R"({"duration": [48]})");
        QFAIL("an array value was accepted");
    } catch (const std::invalid_argument& e) {
        QCOMPARE(std::string(e.what()),
                 std::string("field 'duration' must be a string or a number"));
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, readApplicantJson("[1, 2]"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, readApplicantJson("{\"a\": 1"));
}

QTEST_GUILESS_MAIN(TestExplain)
#include "test_explain.moc"
