// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
//
// The Evaluate tab on a small real run (German Credit, lr + gbdt, 3-fold × 2 repeats): empty
// state, curves with bootstrap intervals, overlays, confusion matrix at the threshold,
// importance for both model families, stability, exports and a picture for inspection.

#include "support/test_output.h"
#include "evaluate/evaluate_tab.h"
#include "explain/model_evaluation.h"
#include "explain/model_insight.h"
#include "io/model_bundle.h"
#include "main/app_state.h"
#include "main/dataset_loader.h"
#include "support/cli_run.h"
#include "train/training_job.h"
#include "widgets/chart_widget.h"

#include <QAbstractSeries>
#include <QChart>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace credit;
using credit::ui::AppState;
using credit::ui::EvaluateTab;

namespace {

QStringList seriesNames(const ui::ChartWidget* chart)
{
    QStringList names;
    const auto series = chart->chart()->series();
    for (const QAbstractSeries* s : series) {
        names.append(s->name());
    }
    return names;
}

qlonglong tableCount(const QTableWidget* table, int row, int column)
{
    QString text = table->item(row, column)->text();
    text = text.section(QLatin1Char(' '), 0, 0).remove(QLatin1Char(',')).remove(QChar(0xa0));
    return text.toLongLong();
}

} // namespace

class TestEvaluateTab : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void emptyStateTellsWhatToDo();
    void showsCurvesOfTheCurrentModel();
    void overlaysAndModelSwitch();
    void thresholdUpdatesTheConfusionMatrix();
    void sameFiguresAsCoreAndTheCommandLine();

private:
    std::shared_ptr<const core::Dataset> m_data;
    std::shared_ptr<const core::ModelBundle> m_bundle;
    QTemporaryDir m_dir;
};

void TestEvaluateTab::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const ui::DatasetLoadResult loaded =
        ui::loadDatasetFile(QStringLiteral(CREDIT_DATA_DIR "/credit-g.arff"));
    QVERIFY2(loaded.dataset != nullptr, qPrintable(loaded.error));
    m_data = loaded.dataset;
    core::TrainingParams params;
    params.algorithms = {"lr", "gbdt"};
    params.folds = 3;
    params.repeats = 2;
    params.trials = 2;
    params.threads = 2;
    const core::TrainingResult result = core::trainModels(params, *m_data);
    QVERIFY(!result.cancelled);
    m_bundle =
        std::make_shared<const core::ModelBundle>(core::ModelBundle::fromTraining(result, *m_data));
}

void TestEvaluateTab::emptyStateTellsWhatToDo()
{
    AppState state;
    state.setDataset(m_data, {});
    EvaluateTab tab(&state);
    QVERIFY(tab.isContentReady());
    QVERIFY(tab.isShowingEmptyState());
    QVERIFY(tab.emptyStateText().contains(QStringLiteral("Train a model")));
    QVERIFY(tab.emptyStateText().contains(QStringLiteral("Open Model")));
}

void TestEvaluateTab::showsCurvesOfTheCurrentModel()
{
    AppState state;
    state.setDataset(m_data, {});
    EvaluateTab tab(&state);
    tab.resize(1280, 760);
    tab.show();
    QSignalSpy ready(&tab, &ui::TabPage::contentReady);
    state.setModelBundle(m_bundle);
    state.setCurrentAlgorithm(QStringLiteral("lr"));
    QVERIFY(!tab.isContentReady());
    QTRY_VERIFY_WITH_TIMEOUT(tab.isContentReady(), 60'000);
    QVERIFY(ready.count() >= 1);
    QVERIFY(!tab.isShowingEmptyState());
    QCOMPARE(tab.shownAlgorithms(), QStringList{QStringLiteral("lr")});

    // ROC: the model with AUC and its bootstrap interval, and the chance diagonal.
    const QStringList roc = seriesNames(tab.rocChart());
    QCOMPARE(roc.size(), 2);
    // The legend entry stays short (name, AUC, interval); the title says what they are.
    QVERIFY2(roc.first().contains(QStringLiteral("AUC")) &&
                 roc.first().contains(QStringLiteral("–")),
             qPrintable(roc.first()));
    QVERIFY(tab.rocChart()->chart()->title().contains(QStringLiteral("pooled AUC with its 95 %")));
    QVERIFY(roc.last().contains(QStringLiteral("Chance")));
    const ui::ModelCurves& curves = tab.result().curves.front();
    QVERIFY(curves.aucInterval.lower < curves.roc.auc && curves.roc.auc < curves.aucInterval.upper);
    QVERIFY(seriesNames(tab.prChart()).last().contains(QStringLiteral("Bad rate 30")));
    // Calibration: after and before (Platt was used), the diagonal, and the histogram.
    QCOMPARE(seriesNames(tab.reliabilityChart()).size(), 3);
    QVERIFY(curves.calibrated);
    QVERIFY(!tab.histogramChart()->isShowingPlaceholder());
    // Confusion matrix: counts add up to the applicants.
    const QTableWidget* confusion = tab.confusionTable();
    const qlonglong total = tableCount(confusion, 0, 1) + tableCount(confusion, 0, 2) +
                            tableCount(confusion, 1, 1) + tableCount(confusion, 1, 2);
    QCOMPARE(total, qlonglong(m_data->rowCount()));
    QCOMPARE(tableCount(confusion, 0, 3), qlonglong(m_data->positiveCount()));
    QVERIFY(tab.ratesTable()->rowCount() >= 5);
    // LR: mean |linear term| per attribute, and the coefficient table (intercept + features).
    QCOMPARE(tab.result().importanceKind, QStringLiteral("linear"));
    QVERIFY(!tab.importanceChart()->isShowingPlaceholder());
    QVERIFY(tab.coefficientTable()->rowCount() > 10);
    // Stability over 3 folds × 2 repeats, and the per-applicant spread.
    QCOMPARE(tab.stabilityTable()->rowCount(), 6);
    QCOMPARE(tab.result().foldSpread.front().count, std::size_t(6));
    QCOMPARE(tab.result().applicantSd.size(), std::size_t(m_data->rowCount()));
    QVERIFY(!tab.spreadChart()->isShowingPlaceholder());

    // Every chart exports.
    QString error;
    QVERIFY2(tab.rocChart()->exportSvg(m_dir.filePath(QStringLiteral("roc.svg")), &error),
             qPrintable(error));
    QVERIFY2(tab.prChart()->exportPng(m_dir.filePath(QStringLiteral("pr.png")), 1.0, &error),
             qPrintable(error));
    QVERIFY(QFile(m_dir.filePath(QStringLiteral("roc.svg"))).size() > 1000);

    QVERIFY(tab.grab().save(credit::test::testOutput(QStringLiteral("evaluate_tab.png"))));
    for (int page = 1; page < tab.pages()->count(); ++page) {
        tab.pages()->setCurrentIndex(page);
        QVERIFY(tab.grab().save(credit::test::testOutput(QStringLiteral("evaluate_tab_page%1.png").arg(page))));
    }
}

void TestEvaluateTab::overlaysAndModelSwitch()
{
    AppState state;
    state.setDataset(m_data, {});
    EvaluateTab tab(&state);
    state.setModelBundle(m_bundle);
    state.setCurrentAlgorithm(QStringLiteral("lr"));
    QTRY_VERIFY_WITH_TIMEOUT(tab.isContentReady(), 60'000);
    tab.setOverlay(QStringLiteral("gbdt"), true);
    QVERIFY(!tab.isContentReady());
    QTRY_VERIFY_WITH_TIMEOUT(tab.isContentReady(), 60'000);
    QCOMPARE(tab.shownAlgorithms(), (QStringList{QStringLiteral("lr"), QStringLiteral("gbdt")}));
    QCOMPARE(seriesNames(tab.rocChart()).size(), 3);
    tab.resize(1024, 700);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    // Item 17 of issue 13: three entries do not fit below a half-width chart, so the legend
    // moves into the plot where it covers no curve (below the ROC diagonal), AUCs whole.
    for (ui::ChartWidget* chart : {tab.rocChart(), tab.prChart()}) {
        chart->layoutNow();
        chart->fitLegend();
        QVERIFY2(chart->legendInsidePlot(), qPrintable(chart->chart()->title()));
        QVERIFY(chart->chart()->plotArea().contains(chart->chart()->legend()->geometry()));
    }
    QVERIFY(tab.grab().save(credit::test::testOutput(QStringLiteral("evaluate_tab_overlay.png")))); // for a look

    // Gradient boosting as the current model: TreeSHAP importance, no coefficient table.
    state.setCurrentAlgorithm(QStringLiteral("gbdt"));
    QTRY_VERIFY_WITH_TIMEOUT(tab.isContentReady(), 60'000);
    QCOMPARE(tab.result().curves.front().algorithm, QStringLiteral("gbdt"));
    QCOMPARE(tab.result().importanceKind, QStringLiteral("treeshap"));
    // Stored in the bundle by trainModels(): averaged over held-out rows.
    QVERIFY(tab.result().importanceOutOfFold);
    QVERIFY(tab.result().importanceNote.contains(QStringLiteral("out-of-fold rows")));
    QVERIFY(tab.result().importance.front().value >= tab.result().importance.back().value);
    QVERIFY(tab.result().coefficients.empty());
}

void TestEvaluateTab::thresholdUpdatesTheConfusionMatrix()
{
    AppState state;
    state.setDataset(m_data, {});
    EvaluateTab tab(&state);
    state.setModelBundle(m_bundle);
    QTRY_VERIFY_WITH_TIMEOUT(tab.isContentReady(), 60'000);
    state.setThreshold(0.0);
    QTRY_VERIFY_WITH_TIMEOUT(tab.isContentReady() && tab.result().threshold == 0.0, 60'000);
    // Reject when P(bad) > 0: (nearly) everybody is rejected, so recall is 100 %.
    QCOMPARE(tab.result().confusion.counts.falseNegatives, std::size_t(0));
    state.setThreshold(1.0);
    QTRY_VERIFY_WITH_TIMEOUT(tab.isContentReady() && tab.result().threshold == 1.0, 60'000);
    QCOMPARE(tab.result().confusion.counts.truePositives, std::size_t(0));
}

void TestEvaluateTab::sameFiguresAsCoreAndTheCommandLine()
{
    // The tab, core::evaluate and `credit-risk evaluate --out-of-fold` are one recipe: the
    // same figures of the same saved model, whatever the prior correction of the policy.
    const QString path = m_dir.filePath(QStringLiteral("same.crs"));
    core::ModelBundle saved = *m_bundle;
    saved.policy.populationBadRate = 0.05;
    saved.save(path.toStdString());
    const auto bundle =
        std::make_shared<const core::ModelBundle>(core::ModelBundle::load(path.toStdString()));
    AppState state;
    state.setDataset(m_data, {});
    EvaluateTab tab(&state);
    state.setModelBundle(bundle);
    QTRY_VERIFY_WITH_TIMEOUT(tab.isContentReady(), 60'000);

    core::EvaluationOptions options;
    options.source = core::EvaluationSource::OutOfFold;
    options.algorithms = {bundle->selected};
    const core::Evaluation core = core::evaluate(*bundle, m_data.get(), options);
    const core::AlgorithmEvaluation& model = core.models.front();
    const ui::ModelCurves& shown = tab.result().curves.front();
    QCOMPARE(shown.roc.auc, model.roc.auc);
    QCOMPARE(shown.aucInterval.lower, model.aucInterval.lower);
    QCOMPARE(shown.aucInterval.upper, model.aucInterval.upper);
    QCOMPARE(shown.brier, model.brier);
    QCOMPARE(shown.reliability.bins.size(), model.reliability.bins.size());
    const core::ConfusionCounts& c = core.confusion.counts;
    QCOMPARE(tab.result().confusion.counts.truePositives, c.truePositives);
    QCOMPARE(tab.result().confusion.counts.falsePositives, c.falsePositives);
    const QTableWidget* table = tab.confusionTable();
    QCOMPARE(tableCount(table, 0, 1), qlonglong(c.truePositives));
    QCOMPARE(tableCount(table, 0, 2), qlonglong(c.falseNegatives));
    QCOMPARE(tableCount(table, 1, 1), qlonglong(c.falsePositives));
    QCOMPARE(tableCount(table, 1, 2), qlonglong(c.trueNegatives));
    // The cut-off reads as everywhere else: one number with its scale named.
    const QString cutoff = QString::fromStdString(core::cutoffText(state.policy()));
    QVERIFY(cutoff.contains(QStringLiteral("population scale")));
    const QLabel* header = tab.findChild<QLabel*>(QStringLiteral("evaluateHeader"));
    QVERIFY(header != nullptr);
    QVERIFY2(header->text().contains(cutoff.toHtmlEscaped()), qPrintable(header->text()));

    const test::CliRun run =
        test::runCli({QStringLiteral("evaluate"), QStringLiteral("--model"), path,
                      QStringLiteral("--out-of-fold"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(json.value(QStringLiteral("auc")).toDouble(), shown.roc.auc);
    QCOMPARE(json.value(QStringLiteral("auc")).toDouble(), model.metrics.auc);
    QCOMPARE(json.value(QStringLiteral("brier")).toDouble(), shown.brier);
    QCOMPARE(json.value(QStringLiteral("threshold")).toDouble(), tab.result().threshold);
    QCOMPARE(json.value(QStringLiteral("rows")).toInteger(), qint64(m_data->rowCount()));
    const QJsonObject confusion = json.value(QStringLiteral("confusion")).toObject();
    QCOMPARE(confusion.value(QStringLiteral("bad_rejected")).toInteger(), tableCount(table, 0, 1));
    QCOMPARE(confusion.value(QStringLiteral("bad_accepted")).toInteger(), tableCount(table, 0, 2));
    QCOMPARE(confusion.value(QStringLiteral("good_rejected")).toInteger(), tableCount(table, 1, 1));
    QCOMPARE(confusion.value(QStringLiteral("good_accepted")).toInteger(), tableCount(table, 1, 2));
    // The text output names the same cut-off.
    const test::CliRun text = test::runCli({QStringLiteral("evaluate"), QStringLiteral("--model"),
                                            path, QStringLiteral("--out-of-fold")});
    QVERIFY2(text.out.contains(cutoff.toUtf8()), text.out.constData());
}

QTEST_MAIN(TestEvaluateTab)
#include "test_evaluate_tab.moc"
