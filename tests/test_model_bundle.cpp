// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// The model bundle: save → load gives identical predictions and charts' data; the decision
// policy (every field), the best pick and the integer columns round-trip; version-1 bundles and
// a bundle written by the program before the DecisionPolicy (tests/fixtures) still load;
// truncated, tampered, foreign, newer-version and invalid files are refused with a message
// naming the file.
#include "common/atomic_file.h"
#include "data/dataset_reader.h"
#include "io/model_bundle.h"
#include "train/training_job.h"

#include "explain/model_evaluation.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>
#include <functional>
#include <set>

using namespace credit::core;

namespace {

template <typename T> T readAt(const std::string& bytes, std::size_t& pos)
{
    T value;
    std::memcpy(&value, bytes.data() + pos, sizeof(T));
    pos += sizeof(T);
    return value;
}

template <typename T> void appendValue(std::string& out, T value)
{
    out.append(reinterpret_cast<const char*>(&value), sizeof(T));
}

/// Re-frames the sections of `bytes` under container `version` after `edit` changed them (by
/// name), with the checksum redone: what another writer could have produced.
std::string rewrite(const std::string& bytes, std::uint32_t version,
                    const std::function<void(const std::string&, std::string&)>& edit)
{
    std::size_t pos = ModelBundle::kMagic.size();
    readAt<std::uint32_t>(bytes, pos); // version
    const auto count = readAt<std::uint32_t>(bytes, pos);
    std::vector<std::pair<std::string, std::pair<std::uint64_t, std::uint64_t>>> table;
    for (std::uint32_t i = 0; i < count; ++i) {
        const auto length = readAt<std::uint64_t>(bytes, pos);
        std::string name = bytes.substr(pos, length);
        pos += length;
        const auto offset = readAt<std::uint64_t>(bytes, pos);
        const auto size = readAt<std::uint64_t>(bytes, pos);
        table.push_back({name, {offset, size}});
    }
    readAt<std::uint64_t>(bytes, pos); // payload size
    const std::size_t payload = pos;
    std::vector<std::pair<std::string, std::string>> sections;
    for (const auto& [name, place] : table) {
        std::string content = bytes.substr(payload + place.first, place.second);
        edit(name, content);
        sections.emplace_back(name, std::move(content));
    }
    std::string covered;
    appendValue(covered, version);
    appendValue(covered, std::uint32_t(sections.size()));
    std::uint64_t offset = 0;
    for (const auto& [name, content] : sections) {
        appendValue(covered, std::uint64_t(name.size()));
        covered += name;
        appendValue(covered, offset);
        appendValue(covered, std::uint64_t(content.size()));
        offset += content.size();
    }
    appendValue(covered, offset);
    for (const auto& [name, content] : sections) {
        covered += content;
    }
    std::string file(ModelBundle::kMagic);
    file += covered;
    appendValue(file, fnv1a64(covered));
    return file;
}

/// Offset in a "decision" section of the count of risk grades (after the numeric ranges).
std::size_t gradesOffset(const std::string& content)
{
    // layout u64, 2 bad rates, profit flag, margin, LGD, 3 scale values, ranges.
    std::size_t at = 8 + 2 * 8 + 1 + 2 * 8 + 3 * 8;
    const auto ranges = readAt<std::uint64_t>(content, at);
    for (std::uint64_t r = 0; r < ranges; ++r) {
        at += readAt<std::uint64_t>(content, at) + 2 * 8;
    }
    return at;
}

/// A current bundle as a version-1 writer would have written it: container version 1 and the
/// "decision" section in layout 1 (everything up to the numeric ranges).
std::string asVersion1(const std::string& bytes)
{
    return rewrite(bytes, 1, [](const std::string& name, std::string& content) {
        if (name == "decision") {
            content.resize(gradesOffset(content));
            const std::uint64_t layout = 1;
            std::memcpy(content.data(), &layout, sizeof layout);
        }
    });
}

} // namespace

class TestModelBundle : public QObject
{
    Q_OBJECT

private:
    Dataset m_data = readDataset(CREDIT_DATA_DIR "/credit-g.arff").dataset;
    TrainingResult m_result;
    QTemporaryDir m_dir;

    std::string path(const char* name) const
    {
        return (m_dir.path() + QLatin1Char('/') + QLatin1String(name)).toStdString();
    }

    void expectRefusal(const std::string& bytes, const char* name, const char* reason)
    {
        const std::string file = path(name);
        writeFileAtomically(file, bytes);
        try {
            ModelBundle::load(file);
            QFAIL("a damaged bundle was accepted");
        } catch (const std::runtime_error& error) {
            const std::string what = error.what();
            QVERIFY2(what.find(file) != std::string::npos, what.c_str());
            QVERIFY2(what.find(reason) != std::string::npos, what.c_str());
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TrainingParams params;
        params.algorithms = {"lr", "gbdt"};
        params.folds = 4;
        params.repeats = 2;
        params.trials = 2;
        params.threads = 2;
        params.calibration = CalibrationMethod::Isotonic;
        m_result = TrainingJob(params).run(m_data);
        QVERIFY(!m_result.cancelled);
        QCOMPARE(m_result.models.size(), std::size_t(2));
    }

    void roundTripGivesIdenticalPredictions()
    {
        const ModelBundle bundle = ModelBundle::fromTraining(m_result, m_data, "train: {}\n");
        QCOMPARE(bundle.selected, m_result.bestAlgorithm);
        QCOMPARE(bundle.best, m_result.bestAlgorithm);
        QCOMPARE(bundle.policy.threshold, m_result.row(bundle.selected)->costThreshold);
        QVERIFY(bundle.policy.costs == m_result.params.costs);
        QCOMPARE(bundle.policy.seed, m_result.params.seed);
        bundle.save(path("model.crs"));
        const ModelBundle loaded = ModelBundle::load(path("model.crs"));

        QCOMPARE(loaded.formatVersion, ModelBundle::kFormatVersion);
        QVERIFY(loaded.schema == m_data.schema());
        QCOMPARE(loaded.selected, bundle.selected);
        QVERIFY(loaded.policy == bundle.policy);
        QCOMPARE(loaded.dataHash, m_data.contentHash());
        QCOMPARE(loaded.paramsYaml, std::string("train: {}\n"));
        QCOMPARE(loaded.models.size(), std::size_t(2));
        for (const auto& [algorithm, model] : bundle.models) {
            const Vector before = model->predictProba(m_data);
            const Vector after = loaded.models.at(algorithm)->predictProba(m_data);
            QVERIFY2(before == after, algorithm.c_str()); // bitwise: same doubles
            QCOMPARE(loaded.models.at(algorithm)->calibrator().params().method,
                     CalibrationMethod::Isotonic);
        }
        QVERIFY(bundle.predictProba(m_data) == loaded.predictProba(m_data));
        // Out-of-fold data and the leaderboard come back for the charts.
        for (const auto& [algorithm, oof] : bundle.outOfFold) {
            const OutOfFold& back = loaded.outOfFold.at(algorithm);
            QVERIFY(back.raw == oof.raw);
            QVERIFY(back.calibrated == oof.calibrated);
            QVERIFY(back.labels == oof.labels);
            QVERIFY(back.foldOfRow == oof.foldOfRow);
        }
        QCOMPARE(loaded.leaderboard.size(), bundle.leaderboard.size());
        QCOMPARE(loaded.leaderboard[0].aucMean, bundle.leaderboard[0].aucMean);
        QVERIFY(loaded.leaderboard[0].params == bundle.leaderboard[0].params);
        QCOMPARE(loaded.leaderboard[0].folds.size(), std::size_t(8));
        QCOMPARE(loaded.leaderboard[0].folds[3].auc, bundle.leaderboard[0].folds[3].auc);

        // One applicant typed into a form scores like the same row of the dataset.
        std::map<std::string, std::string> applicant;
        for (const Column& column : m_data.columns()) {
            applicant[column.name()] = column.text(17);
        }
        const double one = loaded.predictOne(applicant);
        QVERIFY(std::abs(one - loaded.predictProba(m_data)[17]) < 1e-12);
        QVERIFY(one > 0.0 && one < 1.0);
    }

    void refusesDamagedFiles()
    {
        const std::string bytes = ModelBundle::fromTraining(m_result, m_data).serialize();
        expectRefusal(bytes.substr(0, bytes.size() / 2), "half.crs", "truncated");
        expectRefusal(bytes.substr(0, 5), "tiny.crs", "truncated");
        expectRefusal(bytes.substr(0, bytes.size() - 3), "short.crs", "truncated");
        expectRefusal("", "empty.crs", "truncated");
        std::string tampered = bytes;
        tampered[bytes.size() / 2] = char(tampered[bytes.size() / 2] ^ 0x20);
        expectRefusal(tampered, "tampered.crs", "checksum");
        expectRefusal("hello world, I am not a bundle", "foreign.crs", "not a Credit Risk");
        std::string newer = bytes;
        const std::uint32_t future = ModelBundle::kFormatVersion + 1;
        std::memcpy(newer.data() + 8, &future, sizeof future);
        expectRefusal(newer, "newer.crs", "newer");
        expectRefusal(bytes + "x", "trailing.crs", "unexpected bytes");
        // A missing file names the file too.
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, ModelBundle::load(path("absent.crs")));
    }

    void decisionSettingsRoundTrip()
    {
        ModelBundle bundle = ModelBundle::fromTraining(m_result, m_data);
        // Every numeric attribute of German Credit holds whole numbers only.
        const std::set<std::string> whole{
            "duration", "credit_amount",    "installment_commitment", "residence_since",
            "age",      "existing_credits", "num_dependents"};
        QVERIFY(bundle.integerColumns == whole);
        QVERIFY(bundle.policy.grading == RiskGrading()); // the default grades
        // Every field of the policy travels, and the best pick beside the analyst's current.
        DecisionPolicy& policy = bundle.policy;
        policy.costs = {8.0, 1.5, 0.0, -0.25};
        policy.useProfitModel = true;
        policy.profit = {0.12, 0.55};
        policy.amountColumn = "loan_amount";
        policy.populationBadRate = 0.05;
        policy.threshold = 0.4125;
        policy.seed = 7;
        policy.scale = {500.0, 20.0, 40.0};
        policy.grading = RiskGrading({{"A", 0.01, "very low risk"},
                                      {"B", 0.04, "low risk"},
                                      {"C", 0.12, "moderate risk"},
                                      {"D", 0.25, "high risk"},
                                      {"E", 1.0, "very high risk"}});
        const std::string best = bundle.best;
        bundle.selected = best == "lr" ? "gbdt" : "lr";
        bundle.save(path("decision.crs"));
        const ModelBundle loaded = ModelBundle::load(path("decision.crs"));
        QVERIFY(loaded.policy == bundle.policy);
        QCOMPARE(loaded.policy.costs.goodAccepted, -0.25);
        QCOMPARE(loaded.policy.amountColumn, std::string("loan_amount"));
        QCOMPARE(loaded.policy.seed, std::uint64_t(7));
        QCOMPARE(loaded.policy.scale.pointsToDouble, 40.0);
        QCOMPARE(loaded.policy.grading.grades()[2].upperPd, 0.12);
        QCOMPARE(loaded.selected, bundle.selected);
        QCOMPARE(loaded.best, best);
        QVERIFY(loaded.integerColumns == whole);

        // A column with one fractional value is real-valued.
        std::vector<Column> columns = m_data.columns();
        const auto amount = *m_data.schema().indexOf("credit_amount");
        columns[amount].numeric[5] += 0.25;
        const Dataset fractional = Dataset::create(columns, TargetSpec{}, "fractional.csv");
        const ModelBundle other = ModelBundle::fromTraining(m_result, fractional);
        QVERIFY(!other.integerColumns.count("credit_amount"));
        QVERIFY(other.integerColumns.count("duration"));
    }

    void loadsVersion1Bundles()
    {
        ModelBundle bundle = ModelBundle::fromTraining(m_result, m_data);
        bundle.policy.populationBadRate = 0.05;
        const std::string old = asVersion1(bundle.serialize());
        writeFileAtomically(path("v1.crs"), old);
        const ModelBundle loaded = ModelBundle::load(path("v1.crs"));
        QCOMPARE(loaded.formatVersion, std::uint32_t(1));
        QCOMPARE(loaded.policy.populationBadRate, 0.05);
        QCOMPARE(loaded.policy.scale.pointsToDouble, 20.0);
        QVERIFY(loaded.policy.grading == RiskGrading()); // the default grades, as before
        QVERIFY(loaded.integerColumns.empty());          // unknown before version 2
        QCOMPARE(loaded.numericRanges.at("duration").second, 72.0);
        QVERIFY(loaded.predictProba(m_data) == bundle.predictProba(m_data));
    }

    void loadsABundleOfTheProgramBeforeThePolicy()
    {
        // Written by `credit-risk train --algorithms lr --folds 3 --repeats 1 --trials 1` of the
        // program before the DecisionPolicy (flat fields, "decision" layout 2, no
        // "selection"); beside it that program's `credit-risk evaluate --json` on credit-g.
        const ModelBundle old = ModelBundle::load(CREDIT_FIXTURES_DIR "/bundle_format3_main.crs");
        QFile file(QStringLiteral(CREDIT_FIXTURES_DIR "/bundle_format3_main.evaluate.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject expected = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(old.formatVersion, std::uint32_t(3));
        QCOMPARE(old.selected, std::string("lr"));
        QCOMPARE(old.best, std::string("lr")); // unknown in the file: the selected one
        QCOMPARE(old.policy.threshold, expected[QStringLiteral("threshold")].toDouble());
        QCOMPARE(old.policy.costs.badAccepted, 5.0);
        QCOMPARE(old.policy.costs.goodRejected, 1.0);
        QCOMPARE(old.policy.sampleBadRate, 0.3);
        QVERIFY(std::isnan(old.policy.populationBadRate));
        QVERIFY(old.policy.grading == RiskGrading());
        QVERIFY(old.policy.scale == ScorecardScale());
        QCOMPARE(old.policy.amountColumn, std::string(DecisionPolicy::kDefaultAmountColumn));
        QCOMPARE(old.policy.seed, std::uint64_t(42));
        // It scores as that program scored it.
        EvaluationOptions options;
        options.source = EvaluationSource::Data;
        const Evaluation e = evaluate(old, &m_data, options);
        QCOMPARE(e.models.front().metrics.auc, expected[QStringLiteral("auc")].toDouble());
        QCOMPARE(e.models.front().metrics.brier, expected[QStringLiteral("brier")].toDouble());
        QCOMPARE(e.expectedCost, expected[QStringLiteral("expected_cost")].toDouble());
        QCOMPARE(qint64(e.confusion.counts.truePositives),
                 expected[QStringLiteral("confusion")]
                     .toObject()[QStringLiteral("bad_rejected")]
                     .toInteger());
        // Saved again, it keeps every figure of its policy.
        old.save(path("resaved.crs"));
        QVERIFY(ModelBundle::load(path("resaved.crs")).policy == old.policy);
    }

    void refusesInvalidDecisionSettings()
    {
        ModelBundle bundle = ModelBundle::fromTraining(m_result, m_data);
        // Grade B's bound below grade A's: only another writer could store that.
        const std::string grades =
            rewrite(bundle.serialize(), ModelBundle::kFormatVersion,
                    [](const std::string& name, std::string& content) {
                        if (name != "decision") {
                            return;
                        }
                        std::size_t at = gradesOffset(content) + 8;   // past the count
                        at += readAt<std::uint64_t>(content, at) + 8; // A's name and bound
                        at += readAt<std::uint64_t>(content, at);     // A's description
                        at += readAt<std::uint64_t>(content, at);     // B's name
                        const double below = 0.01;
                        std::memcpy(content.data() + at, &below, sizeof below);
                    });
        expectRefusal(grades, "grades.crs", "invalid risk grades (grade B");
        bundle.policy.scale.pointsToDouble = 0.0;
        expectRefusal(bundle.serialize(), "scale.crs", "points_to_double");
        bundle.policy.scale = {};
        bundle.policy.populationBadRate = 1.5;
        expectRefusal(bundle.serialize(), "rate.crs", "population_bad_rate");
    }

    void refusesIncompatibleData()
    {
        const ModelBundle bundle = ModelBundle::fromTraining(m_result, m_data);
        std::vector<Column> columns = m_data.columns();
        columns.erase(columns.begin() + 1); // drop the second attribute ("duration")
        const Dataset missing = Dataset::create(columns, TargetSpec{}, "slim.csv");
        try {
            bundle.predictProba(missing);
            QFAIL("scored data without a needed column");
        } catch (const std::invalid_argument& error) {
            const std::string what = error.what();
            QVERIFY2(what.find("slim.csv") != std::string::npos, what.c_str());
            QVERIFY2(what.find(m_data.column(1).name()) != std::string::npos, what.c_str());
        }
    }

    void neverFittedIsNeverBest()
    {
        // A run whose best configuration was never fitted on all rows (stopped before the
        // refit): the bundle marks no model best and selects one that was fitted.
        TrainingResult partial = m_result;
        partial.bestAlgorithm = "rf";
        const ModelBundle bundle = ModelBundle::fromTraining(partial, m_data);
        QVERIFY(bundle.best.empty());
        QVERIFY(bundle.models.count(bundle.selected));
        bundle.save(path("partial.crs"));
        QVERIFY(ModelBundle::load(path("partial.crs")).best.empty());
    }

    void refusesACancelledRun()
    {
        TrainingResult cancelled = m_result;
        cancelled.models.clear();
        cancelled.cancelled = true;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 ModelBundle::fromTraining(cancelled, m_data));
    }
};

QTEST_GUILESS_MAIN(TestModelBundle)
#include "test_model_bundle.moc"
