// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// The Threshold tab, offscreen: optimum against the evaluation library, prior correction,
// scales, the bootstrap spread off the GUI thread, the scorecard and grades dialog, settings
// saved with the model.
#include "support/test_output.h"
#include "threshold/threshold_tab.h"

#include "data/dataset_reader.h"
#include "eval/cost_analysis.h"
#include "explain/scorer.h"
#include "io/model_bundle.h"
#include "main/app_state.h"
#include "support/applicant_of.h"
#include "support/cli_run.h"
#include "support/quick_model.h"
#include "threshold/scorecard_dialog.h"
#include "train/model_file_actions.h"
#include "train/training_job.h"
#include "widgets/chart_widget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QGroupBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

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
        m_bundle = test::quickLrBundle(*m_data);
        m_state.setDataset(m_data, QStringLiteral(CREDIT_DATA_DIR "/credit-g.arff"));
        m_tab = std::make_unique<ui::ThresholdTab>(&m_state);
        m_tab->resize(1400, 950);
        m_tab->show();
        QVERIFY(!m_tab->analysis());
        m_state.setModelBundle(m_bundle);
        QVERIFY(m_tab->analysis());
        QTRY_VERIFY(m_tab->isContentReady());
    }

    void spreadArrivesAsynchronously()
    {
        QSignalSpy computed(m_tab.get(), &ui::ThresholdTab::spreadComputed);
        QSignalSpy ready(m_tab.get(), &ui::ThresholdTab::contentReady);
        // New inputs: a new analysis whose bootstrap runs off the GUI thread.
        m_tab->badAcceptedSpin()->setValue(8.0);
        QVERIFY(m_tab->isSpreadPending());
        QVERIFY(!m_tab->isContentReady());
        QVERIFY(std::isnan(m_tab->spread().lower));
        QVERIFY(m_tab->optimumLabel()->text().contains(QStringLiteral("computing")));
        // Take our time on the GUI thread (the job may well finish meanwhile), then change
        // the inputs again before the event loop runs: the first result is stale.
        const core::BootstrapInterval first = m_tab->analysis()->optimumSpread(100, 42);
        m_tab->badAcceptedSpin()->setValue(3.0);
        QVERIFY(m_tab->isSpreadPending());
        QTRY_VERIFY(m_tab->isContentReady());
        QCOMPARE(computed.count(), 1); // only the spread of the current inputs was shown
        QCOMPARE(ready.count(), 1);
        const core::BootstrapInterval expected = m_tab->analysis()->optimumSpread(100, 42);
        QVERIFY(first.lower != expected.lower || first.upper != expected.upper);
        QCOMPARE(m_tab->spread().lower, expected.lower);
        QCOMPARE(m_tab->spread().upper, expected.upper);
        QVERIFY(m_tab->optimumLabel()->text().contains(
            QStringLiteral("%1 %").arg(expected.upper * 100.0, 0, 'f', 2)));
        // Nothing late arrives.
        QCoreApplication::processEvents();
        QCOMPARE(computed.count(), 1);
        m_tab->badAcceptedSpin()->setValue(5.0);
        QTRY_VERIFY(m_tab->isContentReady());
    }

    void destroyedWhileSpreadRuns()
    {
        // A second tab on the same state starts its own bootstrap at once; deleting it while
        // the job runs cancels and waits, and nothing is delivered to the dead tab.
        auto tab = std::make_unique<ui::ThresholdTab>(&m_state);
        QVERIFY(tab->analysis());
        QVERIFY(tab->isSpreadPending());
        tab.reset();
        QCoreApplication::processEvents();
        QTRY_VERIFY(m_tab->isContentReady());
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

    void figuresSayWhichPopulationAndMode()
    {
        // Cost mode without the prior correction: the file's figures, named so, and no
        // profit whose margin and loss given default are hidden on another page.
        m_tab->priorCheck()->setChecked(false);
        m_tab->objectiveCombo()->setCurrentIndex(0);
        QVERIFY2(m_tab->figuresBox()->title().contains(QStringLiteral("figures of the file")),
                 qPrintable(m_tab->figuresBox()->title()));
        QVERIFY(!m_tab->figuresBox()->title().contains(QStringLiteral("population")));
        QVERIFY(!m_tab->figuresLabel()->text().contains(QStringLiteral("Total profit")));
        QVERIFY(m_tab->figuresLabel()->text().contains(QStringLiteral("bad accepted 5")));
        // The PD axis names the population only when the PDs are corrected to it.
        const auto xTitle = [this] {
            return m_tab->lossChart()->axisAt(Qt::AlignBottom)->titleText();
        };
        QCOMPARE(xTitle(), QStringLiteral("Cut-off: PD (%; reject above)"));
        m_tab->priorCheck()->setChecked(true);
        QVERIFY2(m_tab->figuresBox()->title().contains(QStringLiteral("population figures")),
                 qPrintable(m_tab->figuresBox()->title()));
        QCOMPARE(xTitle(), QStringLiteral("Cut-off: population PD (%; reject above)"));
        m_tab->priorCheck()->setChecked(false);
        // Profit mode: the total profit with its inputs beside it.
        m_tab->objectiveCombo()->setCurrentIndex(1);
        QVERIFY2(m_tab->figuresLabel()->text().contains(QStringLiteral("margin 10.0 %")),
                 qPrintable(m_tab->figuresLabel()->text()));
        // Profit in thousands of DM: axis labels like "200", not "200000.0" (item 19).
        auto* profitAxis = qobject_cast<QValueAxis*>(m_tab->lossChart()->axisAt(Qt::AlignLeft));
        QVERIFY(profitAxis != nullptr);
        QCOMPARE(profitAxis->titleText(), QStringLiteral("Total profit (1,000 DM)"));
        QCOMPARE(profitAxis->labelFormat(), QStringLiteral("%.0f"));
        QVERIFY(profitAxis->max() < 10000.0);
        m_tab->objectiveCombo()->setCurrentIndex(0);
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
        QCOMPARE(m_state.policy().populationBadRate, 0.05);
        // The decision rule stays where it was; its population PD is the corrected one.
        QCOMPARE(m_state.threshold(), modelThreshold);
        QVERIFY(std::fabs(m_tab->cutoff() - core::adjustForPrior(0.2, 0.3, 0.05)) < 1e-12);
        // Bad rate among everybody accepted = the population rate.
        QVERIFY(std::fabs(m_tab->analysis()->acceptAll().badRateAccepted - 0.05) < 1e-12);
        m_tab->badAcceptedSpin()->setValue(10.0);
        QCOMPARE(m_state.policy().costs.badAccepted, 10.0);

        // Saved with the model (File ▸ Save Model) and read back whole.
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("m.crs"));
        ui::ModelFileActions actions(&m_state, m_tab.get());
        QString error;
        QVERIFY2(actions.saveFile(file, &error), qPrintable(error));
        const core::ModelBundle loaded = core::ModelBundle::load(file.toStdString());
        QVERIFY(loaded.policy == m_state.policy());
        QCOMPARE(loaded.policy.populationBadRate, 0.05);
        QCOMPARE(loaded.policy.costs.badAccepted, 10.0);
        QCOMPARE(loaded.policy.threshold, modelThreshold);
        QCOMPARE(loaded.policy.sampleBadRate, 0.3);
        QCOMPARE(loaded.numericRanges.at("duration").second, 72.0);
    }

    void costRatioWalksToTheCommandLine()
    {
        // The cost ratio typed here, through the one DecisionPolicy, is what `credit-risk
        // score` decides with and `credit-risk evaluate` prices with after File ▸ Save Model.
        m_tab->priorCheck()->setChecked(false);
        m_tab->badAcceptedSpin()->setValue(12.0);
        m_tab->goodRejectedSpin()->setValue(2.0);
        m_tab->useOptimal();
        const core::DecisionPolicy policy = m_state.policy();
        QCOMPARE(policy.costs.badAccepted, 12.0);
        QCOMPARE(policy.costs.goodRejected, 2.0);
        QCOMPARE(policy.threshold, m_tab->analysis()->optimum().threshold);
        QTemporaryDir dir;
        const QString model = dir.filePath(QStringLiteral("ratio.crs"));
        ui::ModelFileActions actions(&m_state, m_tab.get());
        QString error;
        QVERIFY2(actions.saveFile(model, &error), qPrintable(error));

        // Row 0 of the data as a JSON applicant.
        QJsonObject applicant;
        for (const auto& [name, value] : test::applicantOf(*m_data, 0)) {
            applicant[QString::fromStdString(name)] = QString::fromStdString(value);
        }
        const QString input = dir.filePath(QStringLiteral("applicant.json"));
        QFile file(input);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(applicant).toJson());
        file.close();
        const test::CliRun scored =
            test::runCli({QStringLiteral("score"), QStringLiteral("--model"), model,
                          QStringLiteral("--applicant"), input});
        QVERIFY2(scored.exitCode == 0, scored.err.constData());
        const QJsonObject score = QJsonDocument::fromJson(scored.out).object();
        QCOMPARE(score.value(QStringLiteral("threshold")).toDouble(), policy.threshold);
        const double modelPd = score.value(QStringLiteral("model_pd")).toDouble();
        QCOMPARE(score.value(QStringLiteral("decision")).toString(),
                 policy.rejects(modelPd) ? QStringLiteral("reject") : QStringLiteral("accept"));

        const test::CliRun evaluated =
            test::runCli({QStringLiteral("evaluate"), QStringLiteral("--model"), model,
                          QStringLiteral("--out-of-fold"), QStringLiteral("--json")});
        QVERIFY2(evaluated.exitCode == 0, evaluated.err.constData());
        const QJsonObject evaluation = QJsonDocument::fromJson(evaluated.out).object();
        const QJsonObject cost = evaluation.value(QStringLiteral("cost")).toObject();
        QCOMPARE(cost.value(QStringLiteral("bad_accepted")).toDouble(), 12.0);
        QCOMPARE(cost.value(QStringLiteral("good_rejected")).toDouble(), 2.0);
        QCOMPARE(evaluation.value(QStringLiteral("threshold")).toDouble(), policy.threshold);
        // Back to the preset for the tests below.
        m_tab->badAcceptedSpin()->setValue(5.0);
        m_tab->goodRejectedSpin()->setValue(1.0);
    }

    void cutoffNamedWithItsScale()
    {
        // Issue 13 item 8: one number with its scale, the same text as core's.
        m_tab->populationRateSpin()->setValue(5.0);
        m_tab->priorCheck()->setChecked(true);
        m_tab->setCutoff(0.156);
        const QString text = QString::fromStdString(core::cutoffText(m_state.policy()));
        QVERIFY(text.contains(QStringLiteral("population scale")));
        QVERIFY2(m_tab->figuresLabel()->text().contains(text.toHtmlEscaped()),
                 qPrintable(m_tab->figuresLabel()->text()));
        m_tab->priorCheck()->setChecked(false);
    }

    void scorecardSettingsUpdateLive()
    {
        ui::ScorecardDialog* dialog = m_tab->scorecardDialog();
        QVERIFY(m_tab->scorecardButton()->isEnabled());
        m_tab->setCutoff(1.0 / 6.0);
        m_tab->scaleCombo()->setCurrentIndex(1); // cut-off on points
        dialog->pointsToDoubleSpin()->setValue(40.0);
        dialog->basePointsSpin()->setValue(500.0);
        const core::ScorecardScale scale{500.0, 50.0, 40.0};
        QVERIFY(m_state.policy().scale == scale);
        QVERIFY(std::fabs(m_tab->cutoffSpin()->value() - scale.points(1.0 / 6.0)) < 0.05);
        const QString points = QString::number(scale.points(1.0 / 6.0), 'f', 0);
        QVERIFY(m_tab->figuresLabel()->text().contains(points + QStringLiteral(" points")));
        QVERIFY(m_tab->optimumLabel()->text().contains(
            QString::number(scale.points(m_tab->analysis()->optimum().threshold), 'f', 0) +
            QStringLiteral(" points")));
        // The cut-off itself does not move with the scale.
        QCOMPARE(m_tab->cutoff(), 1.0 / 6.0);
        m_tab->scaleCombo()->setCurrentIndex(0);
    }

    void invalidScorecardSettingsAreBlocked()
    {
        ui::ScorecardDialog* dialog = m_tab->scorecardDialog();
        dialog->restoreDefaults();
        const core::DecisionPolicy before = m_state.policy();
        // Grade B below grade A: refused with a message next to B.
        dialog->gradeSpin(1)->setValue(1.5);
        QVERIFY(!dialog->gradeError(1)->isHidden());
        QVERIFY2(dialog->gradeError(1)->text().contains(QStringLiteral("must be above grade A's")),
                 qPrintable(dialog->gradeError(1)->text()));
        QVERIFY(dialog->gradeError(0)->isHidden());
        QVERIFY(dialog->statusLabel()->text().contains(QStringLiteral("Not applied")));
        QVERIFY(m_state.policy().grading == before.grading);
        // Odds of 0 and PDO of 0: refused beside their fields.
        dialog->gradeSpin(1)->setValue(5.0);
        QVERIFY(dialog->gradeError(1)->isHidden());
        dialog->baseOddsSpin()->setValue(0.0);
        QVERIFY(!dialog->baseOddsError()->isHidden());
        QVERIFY(dialog->baseOddsError()->text().contains(QStringLiteral("above 0")));
        dialog->pointsToDoubleSpin()->setValue(0.0);
        QVERIFY(!dialog->pointsToDoubleError()->isHidden());
        QVERIFY(m_state.policy().scale == before.scale);
        // Grade D at 100 % would leave nothing for E.
        dialog->restoreDefaults();
        dialog->gradeSpin(3)->setValue(100.0);
        QVERIFY(dialog->gradeError(3)->text().contains(QStringLiteral("below 100 %")));
        // Restore defaults clears every message and applies the defaults.
        dialog->gradeSpin(3)->setValue(30.0);
        dialog->pointsToDoubleSpin()->setValue(25.0);
        QCOMPARE(m_state.policy().grading.grades()[3].upperPd, 0.3);
        dialog->restoreDefaults();
        QVERIFY(dialog->gradeError(3)->isHidden());
        QVERIFY(!dialog->statusLabel()->text().contains(QStringLiteral("Not applied")));
        QVERIFY(m_state.policy().scale == core::ScorecardScale{});
        QVERIFY(m_state.policy().grading == core::RiskGrading{});
        QCOMPARE(dialog->basePointsSpin()->value(), 600.0);
        QCOMPARE(dialog->gradeSpin(3)->value(), 20.0);
    }

    void scorecardSettingsSavedWithTheModel()
    {
        ui::ScorecardDialog* dialog = m_tab->scorecardDialog();
        dialog->pointsToDoubleSpin()->setValue(40.0);
        dialog->gradeSpin(3)->setValue(25.0);
        core::ModelBundle copy = *m_bundle;
        copy.policy = m_state.policy();
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("scale.crs")).toStdString();
        copy.save(path);
        const auto loaded =
            std::make_shared<const core::ModelBundle>(core::ModelBundle::load(path));
        QCOMPARE(loaded->policy.scale.pointsToDouble, 40.0);
        QCOMPARE(loaded->policy.grading.grades().size(), std::size_t(5));
        QCOMPARE(loaded->policy.grading.grades()[3].upperPd, 0.25);
        // Scoring from the saved model (CLI, batch) uses them.
        const core::Scorer scorer(*loaded);
        QCOMPARE(scorer.settings().policy.scale.pointsToDouble, 40.0);
        QCOMPARE(scorer.settings().policy.grading.grade(0.22).name, std::string("D"));

        // Like the other decision settings, they follow the model: opening another model
        // replaces them (the dialog shows the new ones), reopening the saved one restores them.
        m_state.setModelBundle(std::make_shared<const core::ModelBundle>(*m_bundle));
        QVERIFY(m_state.policy().scale == core::ScorecardScale{});
        QCOMPARE(dialog->pointsToDoubleSpin()->value(), 20.0);
        m_state.setModelBundle(loaded);
        QCOMPARE(m_state.policy().scale.pointsToDouble, 40.0);
        QCOMPARE(dialog->gradeSpin(3)->value(), 25.0);
        QTRY_VERIFY(m_tab->isContentReady());
        m_state.setModelBundle(m_bundle);
        QVERIFY(m_state.policy().grading == core::RiskGrading{});
        QTRY_VERIFY(m_tab->isContentReady());
    }

    void grab()
    {
        m_tab->badAcceptedSpin()->setValue(5.0);
        m_tab->useOptimal();
        // Let layouts and charts process their pending layout requests before painting.
        for (int i = 0; i < 5; ++i) {
            QCoreApplication::processEvents();
        }
        QVERIFY(m_tab->grab().save(credit::test::testOutput(QStringLiteral("threshold_tab.png"))));
        ui::ScorecardDialog* dialog = m_tab->scorecardDialog();
        dialog->show();
        dialog->gradeSpin(1)->setValue(1.5); // one message on show
        for (int i = 0; i < 5; ++i) {
            QCoreApplication::processEvents();
        }
        QVERIFY(dialog->grab().save(credit::test::testOutput(QStringLiteral("scorecard_dialog.png"))));
        dialog->close();
    }

private:
    ui::AppState m_state;
    std::shared_ptr<const core::Dataset> m_data;
    std::shared_ptr<const core::ModelBundle> m_bundle;
    std::unique_ptr<ui::ThresholdTab> m_tab;
};

QTEST_MAIN(TestThresholdTab)
#include "test_threshold_tab.moc"
