// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
//
// The Train tab end to end on the bundled German Credit data: a short run through the tab's own
// Train button, cancel and restart, closing the window mid-run, model save → open, the
// experiment history, and a picture of the tab for inspection.

#include "support/test_output.h"
#include "io/model_bundle.h"
#include "main/app_state.h"
#include "main/dataset_loader.h"
#include "main/main_window.h"
#include "support/quick_model.h"
#include "train/experiment_history.h"
#include "train/history_dialog.h"
#include "train/leaderboard_model.h"
#include "train/model_file_actions.h"
#include "train/train_tab.h"
#include "train/training_setup_panel.h"
#include "train/trial_chart.h"
#include "widgets/number_text.h"

#include <QCheckBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFontMetrics>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTreeWidget>

#include <memory>

using namespace credit;
using credit::ui::AppState;
using credit::ui::TrainTab;

namespace {

constexpr int kRunTimeoutMs = 280'000;

void setup(TrainTab& tab, const QStringList& algorithms, int folds, int trials)
{
    ui::TrainingSetupPanel* panel = tab.setupPanel();
    for (const QString& a : {QStringLiteral("lr"), QStringLiteral("rf"), QStringLiteral("gbdt"),
                             QStringLiteral("svm"), QStringLiteral("ensemble")}) {
        QCheckBox* box = panel->algorithmBox(a);
        QVERIFY(box != nullptr);
        box->setChecked(algorithms.contains(a));
    }
    panel->foldsBox()->setValue(folds);
    panel->repeatsBox()->setValue(1);
    panel->trialsBox()->setValue(trials);
    panel->threadsBox()->setValue(2);
}

} // namespace

class TestTrainTab : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void shortRunEndToEnd();
    void cancelKeepsTrialsAndRestartsClean();
    void saveThenOpenGivesIdenticalPredictions();
    void historyListsReopensAndCompares();
    void closingTheWindowDuringTrainingCancelsCleanly();
    void openedModelListsItsLeaderboard();

private:
    std::shared_ptr<const core::Dataset> m_data;
    AppState m_state;
    QTemporaryDir m_dir;
};

void TestTrainTab::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    const ui::DatasetLoadResult loaded =
        ui::loadDatasetFile(QStringLiteral(CREDIT_DATA_DIR "/credit-g.arff"));
    QVERIFY2(loaded.dataset != nullptr, qPrintable(loaded.error));
    m_data = loaded.dataset;
    m_state.setDataset(m_data, loaded.path);
}

void TestTrainTab::shortRunEndToEnd()
{
    TrainTab tab(&m_state);
    tab.setHistoryPath(m_dir.filePath(QStringLiteral("history.sqlite")));
    tab.resize(1280, 760);
    tab.show();
    setup(tab, {QStringLiteral("lr"), QStringLiteral("gbdt")}, 3, 2);
    QSignalSpy finished(&tab, &TrainTab::trainingFinished);
    QSignalSpy bundleChanged(&m_state, &AppState::modelBundleChanged);

    QVERIFY(tab.trainButton()->isEnabled());
    QTest::mouseClick(tab.trainButton(), Qt::LeftButton);
    QVERIFY(tab.isTraining());
    QVERIFY(!tab.trainButton()->isEnabled());
    QVERIFY(tab.cancelButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, kRunTimeoutMs);
    QCOMPARE(finished.first().first().toBool(), false);

    // Progress reached the end, one leaderboard row per algorithm, the best one marked.
    QCOMPARE(tab.progressBar()->value(), tab.progressBar()->maximum());
    QCOMPARE(tab.leaderboardModel()->rowCount(), 2);
    const QString best = tab.leaderboardModel()->bestAlgorithm();
    QVERIFY(best == QLatin1String("lr") || best == QLatin1String("gbdt"));
    for (int r = 0; r < 2; ++r) {
        const QString auc =
            tab.leaderboardModel()->index(r, ui::LeaderboardModel::AucColumn).data().toString();
        QVERIFY2(auc.contains(QStringLiteral("±")), qPrintable(auc));
        const double value = tab.leaderboardModel()
                                 ->index(r, ui::LeaderboardModel::AucColumn)
                                 .data(ui::LeaderboardModel::SortRole)
                                 .toDouble();
        QVERIFY2(value > 0.6 && value < 0.95, qPrintable(QString::number(value)));
    }
    // Live parts: 2 trials × 2 algorithms in the chart and the log, every status "done".
    QCOMPARE(tab.trialChart()->pointCount(), 4);
    QVERIFY(!tab.trialChart()->isShowingPlaceholder()); // our own run's bundle keeps the chart
    QCOMPARE(tab.finishedTrials(), 4);
    QVERIFY(tab.logView()->toPlainText().count(QStringLiteral(" trial ")) >= 4);
    // Sampled parameters (gbdt's eta, subsample…) are logged to 4 significant digits, not 16.
    const QRegularExpression longNumber(QStringLiteral("\\d\\.\\d{6,}"));
    QVERIFY2(!tab.logView()->toPlainText().contains(longNumber),
             qPrintable(tab.logView()->toPlainText()));
    QCOMPARE(ui::parameterText(QStringLiteral("0.2390238402380223")), QStringLiteral("0.239"));
    QCOMPARE(ui::parameterText(QStringLiteral("500")), QStringLiteral("500"));
    QCOMPARE(ui::parameterText(QStringLiteral("vote")), QStringLiteral("vote"));
    for (int i = 0; i < tab.statusList()->topLevelItemCount(); ++i) {
        QCOMPARE(tab.statusList()->topLevelItem(i)->text(1), QStringLiteral("done"));
    }
    // The model went to AppState, and the run to the history with its model file.
    QVERIFY(bundleChanged.count() >= 1);
    QVERIFY(m_state.modelBundle() != nullptr);
    QCOMPARE(m_state.currentAlgorithm(), best);
    QVERIFY(m_state.currentModel() != nullptr);
    QVERIFY(m_state.trainingResult() != nullptr);
    const ui::ExperimentHistory history(tab.historyPath());
    const QList<ui::ExperimentRecord> runs = history.runs();
    QCOMPARE(runs.size(), 1);
    QVERIFY(QFile::exists(runs.first().modelPath));
    QCOMPARE(runs.first().bestAlgorithm, best);

    // The analyst picks the other model as current.
    const QString other =
        best == QLatin1String("lr") ? QStringLiteral("gbdt") : QStringLiteral("lr");
    QTableView* view = tab.leaderboardView();
    for (int r = 0; r < view->model()->rowCount(); ++r) {
        if (view->model()->index(r, 0).data(ui::LeaderboardModel::AlgorithmRole) == other) {
            view->selectRow(r);
        }
    }
    QPushButton* use = tab.findChild<QPushButton*>(QStringLiteral("useModelButton"));
    QVERIFY(use != nullptr && use->isEnabled());
    QTest::mouseClick(use, Qt::LeftButton);
    QCOMPARE(m_state.currentAlgorithm(), other);

    QVERIFY(tab.grab().save(credit::test::testOutput(QStringLiteral("train_tab.png"))));
}

void TestTrainTab::cancelKeepsTrialsAndRestartsClean()
{
    TrainTab tab(&m_state);
    tab.setHistoryPath(m_dir.filePath(QStringLiteral("history.sqlite")));
    tab.show();
    const std::shared_ptr<const core::ModelBundle> before = m_state.modelBundle();
    setup(tab, {QStringLiteral("rf")}, 3, 200);
    QSignalSpy finished(&tab, &TrainTab::trainingFinished);
    QVERIFY(tab.startTraining());
    QTRY_VERIFY_WITH_TIMEOUT(tab.finishedTrials() >= 2, kRunTimeoutMs);

    const int atCancel = tab.finishedTrials();
    QTest::mouseClick(tab.cancelButton(), Qt::LeftButton);
    QVERIFY(!tab.cancelButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 30'000);
    QCOMPARE(finished.first().first().toBool(), true);

    // Finished trials are kept: the chart, the log and a leaderboard row for rf. No trial
    // starts after the cancel: only those already running on the run's threads may finish,
    // plus those that had finished but not yet reached the polled count (one per thread at
    // most). (The time a cancel takes is measured by bench_gui_training --limit.)
    const int kept = tab.finishedTrials();
    QVERIFY(kept >= 2);
    QVERIFY2(
        kept <= atCancel + 2 * tab.setupPanel()->threadsBox()->value(),
        qPrintable(QStringLiteral("%1 trials at the cancel, %2 after").arg(atCancel).arg(kept)));
    QCOMPARE(tab.trialChart()->pointCount(), kept);
    QCOMPARE(tab.leaderboardModel()->rowCount(), 1);
    QCOMPARE(tab.leaderboardModel()->algorithmAt(0), QStringLiteral("rf"));
    QVERIFY(m_state.trainingResult()->cancelled);
    // The model in use is untouched, and the app is usable again.
    QCOMPARE(m_state.modelBundle(), before);
    QVERIFY(!tab.isTraining());
    QVERIFY(tab.trainButton()->isEnabled());
    QVERIFY(tab.setupPanel()->foldsBox()->isEnabled());

    // A second run starts clean.
    setup(tab, {QStringLiteral("lr")}, 3, 1);
    QTest::mouseClick(tab.trainButton(), Qt::LeftButton);
    QVERIFY(tab.isTraining());
    QCOMPARE(tab.trialChart()->pointCount(), 0);
    QVERIFY(!tab.logView()->toPlainText().contains(QStringLiteral("Random forest trial")));
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 2, kRunTimeoutMs);
    QCOMPARE(finished.last().first().toBool(), false);
    QCOMPARE(tab.trialChart()->pointCount(), 1);
    QCOMPARE(tab.leaderboardModel()->rowCount(), 1);
    QCOMPARE(tab.leaderboardModel()->algorithmAt(0), QStringLiteral("lr"));
    QCOMPARE(tab.progressBar()->value(), tab.progressBar()->maximum());
}

void TestTrainTab::saveThenOpenGivesIdenticalPredictions()
{
    QVERIFY(m_state.modelBundle() != nullptr);
    ui::ModelFileActions actions(&m_state, nullptr);
    const QString path = m_dir.filePath(QStringLiteral("model.crsmodel"));
    QString error;
    QVERIFY2(actions.saveFile(path, &error), qPrintable(error));
    QCOMPARE(m_state.modelPath(), QFileInfo(path).absoluteFilePath());
    const QString algorithm = m_state.currentAlgorithm();
    const core::Vector before = m_state.currentModel()->predictProba(*m_data);

    m_state.setModelBundle(nullptr);
    QVERIFY(m_state.currentModel() == nullptr);
    QVERIFY2(actions.openFile(path, &error), qPrintable(error));
    QCOMPARE(m_state.currentAlgorithm(), algorithm);
    const core::Vector after = m_state.currentModel()->predictProba(*m_data);
    QCOMPARE(after.size(), before.size());
    for (Eigen::Index i = 0; i < before.size(); ++i) {
        QCOMPARE(after[i], before[i]);
    }

    // A damaged file is refused with the engine's message; the model in use stays.
    QByteArray bytes;
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        bytes = file.readAll();
    }
    bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x5a);
    const QString damaged = m_dir.filePath(QStringLiteral("damaged.crsmodel"));
    {
        QFile file(damaged);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }
    const auto bundle = m_state.modelBundle();
    error.clear();
    QVERIFY(!actions.openFile(damaged, &error));
    QVERIFY2(error.contains(QStringLiteral("damaged.crsmodel")), qPrintable(error));
    QCOMPARE(m_state.modelBundle(), bundle);
}

void TestTrainTab::historyListsReopensAndCompares()
{
    const ui::ExperimentHistory history(m_dir.filePath(QStringLiteral("history.sqlite")));
    QVERIFY2(history.isOpen(), qPrintable(history.errorString()));
    const QList<ui::ExperimentRecord> runs = history.runs();
    for (const ui::ExperimentRecord& run : runs) {
        qInfo("run %lld %s cancelled=%d", run.id, qPrintable(run.bestAlgorithm), run.cancelled);
    }
    QCOMPARE(runs.size(), 3); // the short run, the cancelled one and the restart
    QVERIFY(runs.at(1).cancelled);
    QVERIFY(runs.at(1).modelPath.isEmpty());

    QString opened;
    ui::HistoryDialog dialog(runs, [&opened](const QString& path, QString*) {
        opened = path;
        return true;
    });
    QCOMPARE(dialog.table()->rowCount(), 3);
    QString error;
    QVERIFY(!dialog.openRun(1, &error)); // the cancelled run has no model
    QVERIFY(!error.isEmpty());
    QVERIFY(dialog.openRun(2, &error));
    QCOMPARE(opened, runs.at(2).modelPath);

    // Newest (lr only) against the first run (lr + gbdt).
    QDialog* comparison = dialog.createComparison(0, 2);
    const auto tables = comparison->findChildren<QTableView*>();
    QCOMPARE(tables.size(), 2);
    int rows = 0;
    for (const QTableView* table : tables) {
        rows += table->model()->rowCount();
    }
    QCOMPARE(rows, 3);
}

void TestTrainTab::closingTheWindowDuringTrainingCancelsCleanly()
{
    auto* window = new ui::MainWindow(&m_state);
    window->show();
    auto* tab = qobject_cast<TrainTab*>(window->tabPage(QStringLiteral("train")));
    QVERIFY(tab != nullptr);
    tab->setHistoryPath(m_dir.filePath(QStringLiteral("history.sqlite")));
    tab->setConfirmClose(false);
    setup(*tab, {QStringLiteral("rf")}, 3, 200);
    QVERIFY(tab->startTraining());
    QTRY_VERIFY_WITH_TIMEOUT(tab->finishedTrials() >= 1, kRunTimeoutMs);
    QElapsedTimer closing;
    closing.start();
    QVERIFY(window->close());
    qInfo("close during training took %lld ms", static_cast<long long>(closing.elapsed()));
    QVERIFY(!tab->isTraining());
    delete window;
    QTRY_COMPARE_WITH_TIMEOUT(QThreadPool::globalInstance()->activeThreadCount(), 0, 10'000);
}

QTEST_MAIN(TestTrainTab)
/// A model opened from a file (not trained in this tab) fills the status list from its
/// leaderboard and explains the empty trial chart instead of showing a blank plot.
void TestTrainTab::openedModelListsItsLeaderboard()
{
    AppState state;
    state.setDataset(m_data, QStringLiteral(CREDIT_DATA_DIR "/credit-g.arff"));
    TrainTab tab(&state);
    tab.resize(1280, 760);
    state.setModelBundle(test::quickLrBundle(*m_data, 3), QStringLiteral("/tmp/earlier.crs"));
    QCOMPARE(tab.statusList()->topLevelItemCount(), 1);
    QCOMPARE(tab.statusList()->topLevelItem(0)->text(1), QStringLiteral("done"));
    QVERIFY(tab.statusList()->topLevelItem(0)->text(2).startsWith(QStringLiteral("0.")));
    // The AUC column is never narrower than its figures, however narrow the list.
    tab.statusList()->resize(200, 200);
    tab.show();
    QCoreApplication::processEvents();
    const QFontMetrics metrics(tab.statusList()->font());
    QVERIFY(tab.statusList()->columnWidth(2) >=
            metrics.horizontalAdvance(tab.statusList()->topLevelItem(0)->text(2)));
    QVERIFY(tab.trialChart()->isShowingPlaceholder());
    QVERIFY(tab.trialChart()->placeholderText().contains(QStringLiteral("earlier.crs")));

    // Issue 13 item 10: status and setup describe the opened model, not the run on screen
    // before it.
    tab.setupPanel()->foldsBox()->setValue(9);
    core::ModelBundle withParams = *state.modelBundle();
    core::ParamsFile params;
    params.training.folds = 4;
    params.training.repeats = 2;
    withParams.paramsYaml = params.toYaml();
    state.setModelBundle(std::make_shared<const core::ModelBundle>(std::move(withParams)),
                         QStringLiteral("/tmp/reopened.crs"));
    QCOMPARE(tab.setupPanel()->foldsBox()->value(), 4);
    QCOMPARE(tab.setupPanel()->repeatsBox()->value(), 2);
    QVERIFY(tab.messageLabel()->text().contains(QStringLiteral("reopened.crs")));
    QVERIFY(!tab.messageLabel()->text().contains(QStringLiteral("Cancelled")));
    QCOMPARE(tab.progressBar()->value(), tab.progressBar()->maximum());
    QCOMPARE(tab.progressBar()->format(), QStringLiteral("Trained earlier"));
}

#include "test_train_tab.moc"
