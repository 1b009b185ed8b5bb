// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// The model bundle: save → load gives identical predictions and charts' data; truncated,
// tampered, foreign and newer-version files are refused with a message naming the file.
#include "common/atomic_file.h"
#include "data/dataset_reader.h"
#include "io/model_bundle.h"
#include "train/training_job.h"

#include <QTemporaryDir>
#include <QTest>

#include <cstring>

using namespace credit::core;

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
        QCOMPARE(bundle.threshold, m_result.row(bundle.selected)->costThreshold);
        bundle.save(path("model.crs"));
        const ModelBundle loaded = ModelBundle::load(path("model.crs"));

        QCOMPARE(loaded.formatVersion, ModelBundle::kFormatVersion);
        QVERIFY(loaded.schema == m_data.schema());
        QCOMPARE(loaded.selected, bundle.selected);
        QCOMPARE(loaded.threshold, bundle.threshold);
        QVERIFY(loaded.costs == bundle.costs);
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
