// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// Drift (issue 15 item 2): PSI against hand-computed fixtures (an empty bin on either side),
// the χ² and binomial tails, the reference frozen in the bundle, the training data scored
// again (PSI 0), a generated shift that turns exactly the shifted attributes red, and files
// whose columns do not match the model.
#include "data/csv_writer.h"
#include "data/dataset_reader.h"
#include "monitor/model_drift.h"
#include "monitor/stat_tests.h"
#include "support/quick_model.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace credit::core;

namespace {

const std::string kGerman = CREDIT_DATA_DIR "/credit-g.arff";

const DriftFigure& figure(const DriftReport& report, const std::string& name)
{
    for (const DriftFigure& f : report.attributes) {
        if (f.name == name) {
            return f;
        }
    }
    throw std::logic_error("no figure " + name);
}

/// credit-g with age + 15 years and credit amounts doubled, the rest unchanged.
Dataset shifted(const Dataset& data)
{
    std::vector<Column> columns = data.columns();
    for (Column& c : columns) {
        if (c.name() == "age") {
            for (double& v : c.numeric) {
                v += 15;
            }
        } else if (c.name() == "credit_amount") {
            for (double& v : c.numeric) {
                v *= 2;
            }
        }
    }
    return Dataset::create(std::move(columns), TargetSpec{}, "shifted.csv");
}

} // namespace

class TestDrift : public QObject
{
    Q_OBJECT

private slots:
    void psiOfHandComputedFixtures_data()
    {
        QTest::addColumn<std::vector<double>>("reference");
        QTest::addColumn<std::vector<std::size_t>>("counts");
        QTest::addColumn<double>("psi");
        QTest::addColumn<std::size_t>("usedBins");
        // (0.4−0.5)ln(0.4/0.5) + 0 + (0.3−0.2)ln(0.3/0.2); the last bin is empty on both sides.
        QTest::newRow("no empty bin")
            << std::vector<double>{0.5, 0.3, 0.2, 0.0} << std::vector<std::size_t>{40, 30, 30, 0}
            << 0.0223143551 + 0.0405465108 << std::size_t(3);
        // A bin the training never filled: e = 0.5/100 → (0.1−0.005)ln(0.1/0.005).
        QTest::newRow("reference bin empty")
            << std::vector<double>{0.5, 0.5, 0.0} << std::vector<std::size_t>{50, 40, 10}
            << 0.0223143551 + 0.095 * std::log(20.0) << std::size_t(3);
        // A bin the new sample left empty: a = 0.5/10 → (0.05−0.5)ln(0.05/0.5).
        QTest::newRow("new bin empty")
            << std::vector<double>{0.5, 0.5} << std::vector<std::size_t>{10, 0}
            << 0.5 * std::log(2.0) + 0.45 * std::log(10.0) << std::size_t(2);
        QTest::newRow("identical") << std::vector<double>{0.25, 0.75}
                                   << std::vector<std::size_t>{1, 3} << 0.0 << std::size_t(2);
    }
    void psiOfHandComputedFixtures()
    {
        QFETCH(std::vector<double>, reference);
        QFETCH(std::vector<std::size_t>, counts);
        QFETCH(double, psi);
        QFETCH(std::size_t, usedBins);
        const PsiValue value = populationStability(reference, 100, counts);
        QVERIFY2(std::abs(value.psi - psi) < 1e-9, std::to_string(value.psi).c_str());
        QCOMPARE(value.usedBins, usedBins);
        QVERIFY(std::isnan(
            populationStability(reference, 100, std::vector<std::size_t>(counts.size(), 0)).psi));
    }

    void chiSquareAndBinomialTails()
    {
        QVERIFY(std::abs(chiSquareSurvival(3.841458820694124, 1) - 0.05) < 1e-10);
        QVERIFY(std::abs(chiSquareSurvival(18.307038053275146, 10) - 0.05) < 1e-10);
        QVERIFY(std::abs(chiSquareSurvival(2.0, 2) - std::exp(-1.0)) < 1e-12);
        // 3 degrees: P(X > x) = erfc(√(x/2)) + √(2x/π)·e^{−x/2}, far in the tail.
        const double tail = std::erfc(std::sqrt(50.0)) + std::sqrt(200.0 / M_PI) * std::exp(-50.0);
        QVERIFY(std::abs(chiSquareSurvival(100.0, 3) / tail - 1.0) < 1e-10);
        QVERIFY(std::abs(chiSquareSurvival(7.0, 3) /
                             (std::erfc(std::sqrt(3.5)) + std::sqrt(14.0 / M_PI) * std::exp(-3.5)) -
                         1.0) < 1e-10);
        QCOMPARE(chiSquareSurvival(0.0, 4), 1.0);
        QCOMPARE(chiSquareSurvival(5.0, 0), 1.0);
        // P(X >= 3), X ~ B(10, 0.1) = 1 − (0.9^10 + 10·0.1·0.9^9 + 45·0.01·0.9^8).
        const BinomialTest t = binomialTest(3, 10, 0.1);
        QVERIFY(std::abs(t.upperTail - 0.0701908264) < 1e-9);
        QVERIFY(std::abs(t.lowerTail - 0.9872048016) < 1e-9);
        QVERIFY(std::abs(t.twoSided - 0.1403816528) < 1e-9);
        QCOMPARE(binomialTest(0, 0, 0.3).twoSided, 1.0);
        QVERIFY(std::isnan(binomialTest(4, 3, 0.3).twoSided));
    }

    void pValueFollowsSampleSize()
    {
        // The same shares give the same PSI; the p-value falls as the batch grows.
        const std::vector<double> reference{0.5, 0.5};
        ReferenceBins bins;
        bins.name = "x";
        bins.kind = BinningKind::Levels;
        bins.labels = {"a", "b"};
        bins.shares = reference;
        bins.badRates = {0.1, 0.2};
        bins.rows = 1000;
        DriftReference ref;
        ref.rows = 1000;
        ref.attributes = {bins};
        MonitoringSettings bands;
        const auto report = [&](std::size_t scale) {
            DriftCounts counts = DriftCounts::shapedLike(ref, "lr");
            counts.attributes[0] = {6 * scale, 4 * scale};
            counts.rows = 10 * scale;
            return evaluateDrift(ref, "lr", counts, bands).attributes.front();
        };
        const DriftFigure small = report(1);
        const DriftFigure large = report(100);
        QVERIFY(std::abs(small.psi - large.psi) < 1e-12);
        QCOMPARE(small.degreesOfFreedom, std::size_t(1));
        QVERIFY(small.pValue > 0.5);
        // χ² = 0.0405 · 1000 · 1000 / 2000 ≈ 20.3 on 1 degree.
        QVERIFY(large.pValue < 1e-4);
        // PSI 0.0405 < csi_warning: stable whatever the p-value says.
        QCOMPARE(large.level, DriftLevel::Stable);
    }

    void binsOfNumbersAndLevels()
    {
        const Dataset data = readDataset(kGerman).dataset;
        const DriftReference ref = DriftReference::fromTraining(data, 10);
        QCOMPARE(ref.rows, std::size_t(1000));
        QCOMPARE(ref.attributes.size(), std::size_t(20));
        const ReferenceBins& duration = *ref.attribute("duration");
        QCOMPARE(duration.kind, BinningKind::Quantile);
        QCOMPARE(duration.labels.back(), std::string("missing"));
        QCOMPARE(duration.shares.back(), 0.0);
        QCOMPARE(duration.binOfNumber(std::nan("")), duration.missingBin);
        QCOMPARE(duration.binOfText("abc"), duration.missingBin);
        QCOMPARE(duration.binOfText(" 6 "), duration.binOfNumber(6.0));
        double sum = 0.0;
        for (const double s : duration.shares) {
            sum += s;
        }
        QVERIFY(std::abs(sum - 1.0) < 1e-12);
        const ReferenceBins& purpose = *ref.attribute("purpose");
        QCOMPARE(purpose.kind, BinningKind::Levels);
        QCOMPARE(purpose.binOfLevel("a level never seen"), purpose.otherBin);
        QCOMPARE(purpose.binOfLevel(""), purpose.missingBin);
        QCOMPARE(purpose.labels[purpose.binOfLevel("radio/tv")], std::string("radio/tv"));
        // Training bad rate per bin is kept.
        QVERIFY(purpose.badRates[purpose.binOfLevel("radio/tv")] > 0.0);
    }

    void referenceTravelsInTheBundle()
    {
        const Dataset data = readDataset(kGerman).dataset;
        const auto bundle = credit::test::quickLrBundle(data, 3);
        QVERIFY(!bundle->drift.empty());
        QVERIFY(bundle->drift.scores.count("lr") == 1);
        const ModelBundle back = ModelBundle::deserialize(bundle->serialize(), "m.crs");
        QCOMPARE(back.drift.attributes.size(), bundle->drift.attributes.size());
        QCOMPARE(back.drift.scores.at("lr").edges, bundle->drift.scores.at("lr").edges);
        QCOMPARE(back.drift.attribute("age")->shares, bundle->drift.attribute("age")->shares);
        // A bundle without the reference (an older file) is refused with the remedy.
        ModelBundle old = *bundle;
        old.drift = {};
        const ModelBundle oldBack = ModelBundle::deserialize(old.serialize(), "old.crs");
        QVERIFY(oldBack.drift.empty());
        try {
            ModelDrift(oldBack, {}, "old.crs");
            QFAIL("a bundle without a reference was accepted");
        } catch (const std::invalid_argument& error) {
            const std::string message = error.what();
            QVERIFY2(message.find("old.crs") != std::string::npos, message.c_str());
            QVERIFY2(message.find("retrain") != std::string::npos, message.c_str());
        }
    }

    void trainingDataScoredAgainHasNoDrift()
    {
        const Dataset data = readDataset(kGerman).dataset;
        const auto bundle = credit::test::quickLrBundle(data, 3);
        const ModelDrift drift(*bundle, {}, "m.crs");
        const DriftReport report = drift.ofFile(kGerman);
        QCOMPARE(report.rows, std::size_t(1000));
        QVERIFY(report.hasScore);
        // The same model on the same rows: equal PDs, up to a PD on a bin edge that rounds the
        // other way in another matrix shape.
        QVERIFY2(report.score.psi < 1e-4, std::to_string(report.score.psi).c_str());
        QCOMPARE(report.attributes.size(), std::size_t(20));
        for (const DriftFigure& f : report.attributes) {
            QVERIFY2(f.psi < 1e-9, f.name.c_str());
            QCOMPARE(f.level, DriftLevel::Stable);
            QVERIFY(f.pValue > 0.999);
        }
        QCOMPARE(report.worst(), DriftLevel::Stable);
        // The outcome column gives the bad rate by bin, equal to the training one.
        const DriftFigure& checking = figure(report, "checking_status");
        QCOMPARE(checking.bins.front().badRate, checking.bins.front().referenceBadRate);
    }

    void generatedShiftTurnsExactlyThoseAttributesRed()
    {
        const Dataset data = readDataset(kGerman).dataset;
        const auto bundle = credit::test::quickLrBundle(data, 3);
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("shifted.csv")).toStdString();
        writeCsv(shifted(data), path);
        const DriftReport report = ModelDrift(*bundle, {}, "m.crs").ofFile(path);
        for (const DriftFigure& f : report.attributes) {
            const bool moved = f.name == "age" || f.name == "credit_amount";
            QVERIFY2((f.level == DriftLevel::Shifted) == moved,
                     (f.name + " " + std::to_string(f.psi)).c_str());
            if (!moved) {
                QVERIFY2(f.psi < 1e-9, f.name.c_str());
            } else {
                QVERIFY(f.pValue < 1e-6);
            }
        }
        // Worst first.
        QVERIFY(report.attributes[0].name == "age" || report.attributes[0].name == "credit_amount");
        QCOMPARE(report.worst(), DriftLevel::Shifted);
        QVERIFY(report.score.psi > 0.0);
        // The JSON names the worst level and is one document.
        const std::string json = driftReportJson(report);
        const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(json));
        QVERIFY(document.isObject());
        QCOMPARE(document.object().value(QStringLiteral("worst")).toString(),
                 QStringLiteral("shifted"));
    }

    void mismatchedColumnsAreRefusedByName()
    {
        const Dataset data = readDataset(kGerman).dataset;
        const auto bundle = credit::test::quickLrBundle(data, 3);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("wrong.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        // No `age`, no `purpose`; `duration` holds words.
        file.write("checking_status,duration,credit_history\n<0,six,existing paid\n"
                   "0<=X<200,twelve,critical/other existing credit\n");
        file.close();
        try {
            ModelDrift(*bundle, {}, "m.crs").ofFile(path.toStdString());
            QFAIL("a file without the model's columns was accepted");
        } catch (const std::invalid_argument& error) {
            const std::string message = error.what();
            for (const char* name : {"wrong.csv", "'age'", "'purpose'", "'duration'"}) {
                QVERIFY2(message.find(name) != std::string::npos, message.c_str());
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestDrift)
#include "test_drift.moc"
