// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// The Threshold tab, offscreen: optimum against the evaluation library, prior correction,
// scales, settings saved with the model.
#include "threshold/threshold_tab.h"

#include "data/dataset_reader.h"
#include "eval/cost_analysis.h"
#include "io/model_bundle.h"
#include "main/app_state.h"
#include "train/training_job.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace credit;

class TestThresholdTab : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_data = std::make_shared<const core::Dataset>(
            core::readDataset(CREDIT_DATA_DIR "/credit-g.arff").dataset);
        core::TrainingParams params;
        params.algorithms = {"lr"};
        params.folds = 5;
        params.repeats = 1;
        params.trials = 1;
        params.threads = 2;
        const core::TrainingResult result = core::TrainingJob(params).run(*m_data);
        m_bundle = std::make_shared<const core::ModelBundle>(
            core::ModelBundle::fromTraining(result, *m_data));
        m_state.setDataset(m_data, QStringLiteral(CREDIT_DATA_DIR "/credit-g.arff"));
        m_tab = std::make_unique<ui::ThresholdTab>(&m_state);
        m_tab->resize(1400, 950);
        m_tab->show();
        QVERIFY(!m_tab->analysis());
        m_state.setModelBundle(m_bundle);
        QVERIFY(m_tab->analysis());
    }

    void optimumMatchesCostCurve()
    {
        // Without prior correction the optimum is the evaluation library's cheapest threshold
        // on the same out-of-fold probabilities (German Credit costs 5 and 1).
        const core::OutOfFold& oof = m_bundle->outOfFold.at("lr");
        const core::CostCurve expected = core::costCurve(oof.calibrated, oof.labels);
        QSignalSpy thresholdSpy(&m_state, &ui::AppState::thresholdChanged);
        m_tab->useOptimal();
        QCOMPARE(m_tab->cutoff(), expected.bestThreshold);
        QCOMPARE(m_state.threshold(), expected.bestThreshold);
        QVERIFY(std::fabs(m_tab->currentPoint().costPerApplicant - expected.bestCost) < 1e-12);
        QVERIFY(m_tab->optimumLabel()->text().contains(QStringLiteral("bootstrap")));
        QVERIFY(m_tab->figuresLabel()->text().contains(QStringLiteral("Acceptance rate")));
    }

    void spinMovesCutoff()
    {
        m_tab->cutoffSpin()->setValue(50.0); // percent
        QCOMPARE(m_tab->cutoff(), 0.5);
        QCOMPARE(m_state.threshold(), 0.5);
        // Everybody accepted at 100 %: acceptance 1, cost = bad share × 5.
        m_tab->cutoffSpin()->setValue(100.0);
        QCOMPARE(m_tab->currentPoint().acceptanceRate, 1.0);
        QVERIFY(std::fabs(m_tab->currentPoint().costPerApplicant - 0.3 * 5) < 1e-12);
        // Points scale: the spin shows the same cut-off in points.
        m_tab->setCutoff(1.0 / 6.0);
        m_tab->scaleCombo()->setCurrentIndex(1);
        QVERIFY(std::fabs(m_tab->cutoffSpin()->value() - core::ScorecardScale{}.points(1.0 / 6.0)) <
                0.05);
        m_tab->scaleCombo()->setCurrentIndex(0);
    }

    void priorCorrectionAndPersistence()
    {
        m_tab->setCutoff(0.2);
        const double modelThreshold = m_state.threshold();
        m_tab->populationRateSpin()->setValue(5.0);
        m_tab->priorCheck()->setChecked(true);
        QCOMPARE(m_state.decisionSettings().populationBadRate, 0.05);
        // The decision rule stays where it was; its population PD is the corrected one.
        QCOMPARE(m_state.threshold(), modelThreshold);
        QVERIFY(std::fabs(m_tab->cutoff() - core::adjustForPrior(0.2, 0.3, 0.05)) < 1e-12);
        // Bad rate among everybody accepted = the population rate.
        QVERIFY(std::fabs(m_tab->analysis()->acceptAll().badRateAccepted - 0.05) < 1e-12);
        m_tab->badAcceptedSpin()->setValue(10.0);
        QCOMPARE(m_state.decisionSettings().costs.badAccepted, 10.0);

        // Saved with the model and read back.
        core::ModelBundle copy = *m_bundle;
        m_state.applyDecisionSettings(copy);
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("m.crs")).toStdString();
        copy.save(path);
        const core::ModelBundle loaded = core::ModelBundle::load(path);
        QCOMPARE(loaded.populationBadRate, 0.05);
        QCOMPARE(loaded.costs.badAccepted, 10.0);
        QCOMPARE(loaded.threshold, modelThreshold);
        QCOMPARE(loaded.sampleBadRate, 0.3);
        QCOMPARE(loaded.numericRanges.at("duration").second, 72.0);
    }

    void grab()
    {
        m_tab->badAcceptedSpin()->setValue(5.0);
        m_tab->useOptimal();
        // Let layouts and charts process their pending layout requests before painting.
        for (int i = 0; i < 5; ++i) {
            QCoreApplication::processEvents();
        }
        QVERIFY(m_tab->grab().save(QStringLiteral("/tmp/threshold_tab.png")));
    }

private:
    ui::AppState m_state;
    std::shared_ptr<const core::Dataset> m_data;
    std::shared_ptr<const core::ModelBundle> m_bundle;
    std::unique_ptr<ui::ThresholdTab> m_tab;
};

QTEST_MAIN(TestThresholdTab)
#include "test_threshold_tab.moc"
