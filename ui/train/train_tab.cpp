// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "train/train_tab.h"

#include "io/model_bundle.h"
#include "main/app_state.h"
#include "train/experiment_history.h"
#include "train/history_dialog.h"
#include "train/leaderboard_model.h"
#include "train/model_file_actions.h"
#include "train/training_setup_panel.h"
#include "train/trial_chart.h"
#include "widgets/number_text.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace credit::ui {

namespace {

QString duration(qint64 ms)
{
    const qint64 seconds = std::max<qint64>(0, ms / 1000);
    if (seconds >= 3600) {
        return QStringLiteral("%1:%2:%3")
            .arg(seconds / 3600)
            .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    }
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

QString displayName(const QString& algorithm)
{
    if (algorithm == QLatin1String("lr")) {
        return TrainTab::tr("Logistic regression");
    }
    if (algorithm == QLatin1String("rf")) {
        return TrainTab::tr("Random forest");
    }
    if (algorithm == QLatin1String("gbdt")) {
        return TrainTab::tr("Gradient boosting");
    }
    if (algorithm == QLatin1String("svm")) {
        return TrainTab::tr("SVM (RBF)");
    }
    if (algorithm == QLatin1String("ensemble")) {
        return TrainTab::tr("Ensemble");
    }
    return algorithm;
}

QString auc(double value)
{
    return std::isfinite(value) ? QLocale().toString(value, 'f', 3) : QStringLiteral("–");
}

} // namespace

TrainTab::TrainTab(AppState* state, QWidget* parent)
    : TabPage(state, parent), m_setup(new TrainingSetupPanel(this)),
      m_trainButton(new QPushButton(tr("Train"), this)),
      m_cancelButton(new QPushButton(tr("Cancel"), this)),
      m_historyButton(new QPushButton(tr("History…"), this)),
      m_useButton(new QPushButton(tr("Use as current model"), this)),
      m_progress(new QProgressBar(this)), m_timeLabel(new QLabel(this)),
      m_message(new QLabel(this)), m_statusList(new QTreeWidget(this)),
      m_chart(new TrialChart(this)), m_log(new QPlainTextEdit(this)),
      m_leaderboard(new LeaderboardModel(this)),
      m_leaderboardProxy(new QSortFilterProxyModel(this)), m_leaderboardView(new QTableView(this)),
      m_runner(new TrainingRunner(this))
{
    setObjectName(QStringLiteral("trainTab"));

    // Left: the setup and the run buttons.
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_setup);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // At most 400 px: below 1280 px the setup scrolls sideways rather than pushing the
    // leaderboard out of a 1024 px window.
    scroll->setMinimumWidth(std::min(m_setup->sizeHint().width() + 24, 400));
    m_trainButton->setObjectName(QStringLiteral("trainButton"));
    m_trainButton->setDefault(true);
    m_trainButton->setToolTip(tr("Train every selected algorithm on the current dataset with "
                                 "this setup"));
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setToolTip(tr("Stop the run; finished trials are kept"));
    m_historyButton->setToolTip(tr("Earlier training runs: reopen a model or compare two runs"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_trainButton, 1);
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_historyButton);
    auto* left = new QVBoxLayout;
    left->addWidget(scroll, 1);
    left->addLayout(buttons);

    // Right: progress, status, chart, leaderboard and log.
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setFormat(QStringLiteral("%p %"));
    m_progress->setObjectName(QStringLiteral("trainingProgress"));
    m_progress->setToolTip(tr("Overall progress of the run"));
    m_timeLabel->setObjectName(QStringLiteral("timeLabel"));
    m_timeLabel->setMinimumWidth(180);
    m_timeLabel->setText(tr("Not started"));
    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("trainMessage"));
    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_timeLabel);

    m_statusList->setColumnCount(3);
    m_statusList->setHeaderLabels({tr("Algorithm"), tr("Status"), tr("Best AUC")});
    m_statusList->setRootIsDecorated(false);
    m_statusList->setObjectName(QStringLiteral("algorithmStatus"));
    m_statusList->setToolTip(tr("Progress of each algorithm's random search"));
    // The figures keep their width; a long algorithm name is elided first (item 19 of issue
    // 13: "Best AUC" read "0.7" in a narrow window).
    m_statusList->header()->setStretchLastSection(false);
    m_statusList->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_statusList->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_statusList->setMinimumWidth(220);

    m_leaderboardProxy->setSourceModel(m_leaderboard);
    m_leaderboardProxy->setSortRole(LeaderboardModel::SortRole);
    m_leaderboardView->setModel(m_leaderboardProxy);
    m_leaderboardView->setSortingEnabled(true);
    m_leaderboardView->sortByColumn(-1, Qt::AscendingOrder);
    m_leaderboardView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_leaderboardView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_leaderboardView->verticalHeader()->hide();
    m_leaderboardView->horizontalHeader()->setStretchLastSection(true);
    m_leaderboardView->setWordWrap(false);
    m_leaderboardView->setObjectName(QStringLiteral("leaderboard"));
    m_leaderboardView->setToolTip(tr("Out-of-fold figures of each algorithm's best "
                                     "configuration; click a header to sort"));
    m_useButton->setObjectName(QStringLiteral("useModelButton"));
    m_useButton->setToolTip(tr("Make the selected model the one the Evaluate, Threshold and "
                               "Score tabs use"));
    auto* leaderboardPage = new QWidget(this);
    auto* leaderboardLayout = new QVBoxLayout(leaderboardPage);
    leaderboardLayout->setContentsMargins(0, 4, 0, 0);
    leaderboardLayout->addWidget(m_leaderboardView, 1);
    auto* useRow = new QHBoxLayout;
    useRow->addStretch(1);
    useRow->addWidget(m_useButton);
    leaderboardLayout->addLayout(useRow);

    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(20000);
    m_log->setObjectName(QStringLiteral("trainingLog"));
    m_log->setPlaceholderText(tr("One line per finished trial: its parameters and its "
                                 "cross-validated AUC ± standard deviation."));
    auto* bottom = new QTabWidget(this);
    bottom->addTab(leaderboardPage, tr("Leaderboard"));
    bottom->addTab(m_log, tr("Log"));

    auto* top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(m_statusList);
    top->addWidget(m_chart);
    top->setStretchFactor(0, 0);
    top->setStretchFactor(1, 1);
    top->setSizes({300, 720});
    auto* vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(top);
    vertical->addWidget(bottom);
    // Half and half: after a run (or on opening a model) the leaderboard is what the analyst
    // reads, and with 3:2 it showed two and a half of its five rows at 1280 × 800.
    vertical->setStretchFactor(0, 1);
    vertical->setStretchFactor(1, 1);
    vertical->setSizes({360, 340});
    auto* right = new QVBoxLayout;
    right->addLayout(progressRow);
    right->addWidget(m_message);
    right->addWidget(vertical, 1);

    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left, 0);
    layout->addLayout(right, 1);

    m_refresh.setInterval(kRefreshIntervalMs);
    connect(&m_refresh, &QTimer::timeout, this, &TrainTab::onTick);
    connect(m_trainButton, &QPushButton::clicked, this, [this] { startTraining(); });
    connect(m_cancelButton, &QPushButton::clicked, this, &TrainTab::cancelTraining);
    connect(m_historyButton, &QPushButton::clicked, this, &TrainTab::showHistory);
    connect(m_useButton, &QPushButton::clicked, this, &TrainTab::useSelectedAsCurrent);
    connect(m_runner, &TrainingRunner::finished, this, &TrainTab::onFinished);
    connect(m_leaderboardView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &TrainTab::updateButtons);
    connect(state, &AppState::modelBundleChanged, this, &TrainTab::onModelBundleChanged);
    connect(state, &AppState::currentModelChanged, this, [this] {
        m_leaderboard->setCurrentAlgorithm(appState()->currentAlgorithm());
        updateButtons();
    });
    connect(state, &AppState::datasetChanged, this, &TrainTab::updateButtons);
    m_leaderboardView->resizeColumnsToContents();
    updateButtons();
}

TrainTab::~TrainTab()
{
    m_refresh.stop();
    m_runner->disconnect(this);
    m_runner->cancel();
    m_runner->waitForFinished();
}

bool TrainTab::canClose()
{
    if (!m_runner->isRunning()) {
        return true;
    }
    if (m_confirmClose) {
        const auto answer = QMessageBox::question(
            this, tr("Training is running"),
            tr("A training run is still going. Stop it and close Credit Risk Studio? Finished "
               "trials of this run will be lost."),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) {
            return false;
        }
    }
    // The engine stops within one check interval (a boosting round, a tree, a fold).
    m_runner->cancel();
    m_runner->waitForFinished();
    return true;
}

QString TrainTab::historyPath() const
{
    return m_historyPath.isEmpty() ? ExperimentHistory::defaultPath() : m_historyPath;
}

bool TrainTab::isTraining() const
{
    return m_runner->isRunning();
}

int TrainTab::finishedTrials() const
{
    int count = 0;
    for (const AlgorithmProgress& a : m_algorithms) {
        count += a.done;
    }
    return count;
}

bool TrainTab::startTraining()
{
    if (m_runner->isRunning()) {
        return false;
    }
    const std::shared_ptr<const core::Dataset> dataset = appState()->dataset();
    if (!dataset) {
        m_message->setText(tr("Open a dataset first (File ▸ Open…)."));
        return false;
    }
    core::ParamsFile file;
    try {
        file = m_setup->paramsFile();
    } catch (const std::exception& error) {
        m_message->setText(QString::fromStdString(error.what()));
        return false;
    }
    const std::vector<std::string> problems = file.training.validate();
    if (!problems.empty()) {
        QStringList lines;
        for (const std::string& p : problems) {
            lines.append(QString::fromStdString(p));
        }
        m_message->setText(
            tr("The setup cannot be used: %1").arg(lines.join(QStringLiteral("; "))));
        return false;
    }
    const core::TrainingParams& params = file.training;

    // The number of distinct configurations of each algorithm (duplicates are dropped).
    core::SearchParams search;
    search.algorithms = params.algorithms;
    search.trials = params.trials;
    search.spaces = params.spaces;
    search.baseParams = params.baseParams;
    search.seed = params.seed;
    const core::RandomSearch planner(search);
    m_order.clear();
    m_algorithms.clear();
    QStringList names;
    for (const std::string& a : params.algorithms) {
        const QString algorithm = QString::fromStdString(a);
        AlgorithmProgress progress;
        progress.name = displayName(algorithm);
        try {
            progress.total = int(planner.configurations(a).size());
        } catch (const std::exception&) {
            progress.total = int(params.trials);
        }
        m_order.append(algorithm);
        names.append(progress.name);
        m_algorithms.insert(algorithm, progress);
    }
    m_chart->reset(m_order, names);
    m_log->clear();
    m_progress->setValue(0);
    m_progress->setFormat(QStringLiteral("%p %"));
    m_stage.clear();
    m_leaderboard->setLeaderboard({}, {});
    m_datasetName = QString::fromStdString(dataset->sourceName());
    if (m_datasetName.isEmpty()) {
        m_datasetName = QFileInfo(appState()->datasetPath()).fileName();
    }
    m_datasetHash = QStringLiteral("%1").arg(dataset->contentHash(), 16, 16, QLatin1Char('0'));
    m_paramsYaml = file.toYaml();

    const QString modelDir = ExperimentHistory::modelDirectory();
    QDir().mkpath(modelDir);
    const QString modelPath = QDir(modelDir).filePath(
        QStringLiteral("run-%1.%2")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")),
                 ModelFileActions::suffix()));
    if (!m_runner->start(dataset, params, m_paramsYaml, modelPath)) {
        m_message->setText(tr("A run is already going."));
        return false;
    }
    m_message->setText(tr("Training on %1 (%2 rows): %3 algorithm(s), %4-fold CV × %5, "
                          "%6 trial(s) each.")
                           .arg(m_datasetName)
                           .arg(dataset->rowCount())
                           .arg(m_order.size())
                           .arg(params.folds)
                           .arg(params.repeats)
                           .arg(params.trials));
    appendLog(tr("Run started: %1").arg(m_message->text()));
    m_setup->setEditable(false);
    updateStatusList();
    updateTimeLabel();
    updateButtons();
    m_refresh.start();
    return true;
}

void TrainTab::cancelTraining()
{
    if (!m_runner->isRunning()) {
        return;
    }
    m_runner->cancel();
    m_message->setText(tr("Cancelling… finished trials are kept."));
    updateButtons();
}

void TrainTab::onTick()
{
    const std::vector<core::ProgressEvent> events = m_runner->takeEvents();
    for (const core::ProgressEvent& event : events) {
        const QString algorithm = QString::fromStdString(event.algorithm);
        const QString stage = QString::fromStdString(event.stage);
        if (stage != m_stage && !stage.isEmpty()) {
            m_stage = stage;
        }
        if (algorithm.isEmpty() || !m_algorithms.contains(algorithm)) {
            continue;
        }
        AlgorithmProgress& progress = m_algorithms[algorithm];
        if (stage == QLatin1String("importance")) {
            continue; // fold refits for out-of-fold importance: the status list says so
        }
        if (stage == QLatin1String("refit")) {
            progress.refitted = true;
            appendLog(tr("%1: best configuration refitted on all rows").arg(progress.name));
            continue;
        }
        const auto aucMean = event.metrics.find("auc_mean");
        if (aucMean == event.metrics.end()) {
            // A trial that ended without figures: it failed (the message says why).
            ++progress.failed;
            ++progress.done;
            appendLog(QString::fromStdString(event.message));
            continue;
        }
        ++progress.done;
        const auto sd = event.metrics.find("auc_sd");
        const auto trial = event.metrics.find("trial");
        const int number = trial != event.metrics.end() ? int(trial->second) + 1 : progress.done;
        if (std::isfinite(aucMean->second)) {
            progress.bestAuc = std::max(progress.bestAuc, aucMean->second);
        }
        m_chart->addTrial(algorithm, number, aucMean->second);
        QStringList params;
        for (const auto& [name, value] : event.params) {
            params.append(QStringLiteral("%1=%2").arg(
                QString::fromStdString(name), parameterText(QString::fromStdString(value))));
        }
        appendLog(tr("%1 trial %2/%3: AUC %4 ± %5  (%6)")
                      .arg(progress.name)
                      .arg(number)
                      .arg(progress.total)
                      .arg(auc(aucMean->second),
                           auc(sd != event.metrics.end() ? sd->second : std::nan("")),
                           params.join(QStringLiteral(", "))));
    }
    m_chart->refresh();
    if (m_runner->isRunning()) {
        m_progress->setValue(int(std::lround(m_runner->fraction() * 1000.0)));
    }
    updateStatusList();
    updateTimeLabel();
}

void TrainTab::updateStatusList()
{
    m_statusList->clear();
    bool searchingShown = false;
    const bool running = m_runner->isRunning();
    for (const QString& algorithm : m_order) {
        const AlgorithmProgress& p = m_algorithms.value(algorithm);
        QString status;
        if (p.refitted && running && m_stage == QLatin1String("importance")) {
            status = tr("measuring importance out of fold");
        } else if (p.refitted) {
            status = tr("done");
        } else if (running && m_stage == QLatin1String("refit") && p.done > 0) {
            status = tr("refitting");
        } else if (p.done >= p.total && p.total > 0) {
            status = running ? tr("search done (%1/%2)").arg(p.done).arg(p.total)
                             : tr("done (%1/%2)").arg(p.done).arg(p.total);
        } else if (!running) {
            status = p.done > 0 ? tr("stopped at %1/%2").arg(p.done).arg(p.total) : tr("not run");
        } else if (!searchingShown) {
            // Trials run algorithm by algorithm: the first unfinished one is searching.
            status = tr("searching %1/%2").arg(p.done).arg(p.total);
            searchingShown = true;
        } else {
            status = tr("waiting");
        }
        if (p.failed > 0) {
            status += tr(" · %n failed", nullptr, p.failed);
        }
        auto* item = new QTreeWidgetItem(
            {p.name, status, p.bestAuc >= 0.0 ? auc(p.bestAuc) : QStringLiteral("–")});
        item->setData(0, Qt::UserRole, algorithm);
        item->setForeground(0, TrialChart::colourFor(algorithm));
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        m_statusList->addTopLevelItem(item);
    }
}

void TrainTab::updateTimeLabel()
{
    const qint64 elapsed = m_runner->elapsedMs();
    if (!m_runner->isRunning()) {
        if (elapsed > 0) {
            m_timeLabel->setText(tr("Took %1").arg(duration(elapsed)));
        }
        return;
    }
    const double fraction = m_runner->fraction();
    QString left = tr("estimating time left…");
    if (fraction >= 0.01 && elapsed > 1500) {
        left = tr("about %1 left")
                   .arg(duration(qint64(double(elapsed) * (1.0 - fraction) / fraction)));
    }
    m_timeLabel->setText(tr("Elapsed %1 · %2").arg(duration(elapsed), left));
}

void TrainTab::onFinished(const TrainingOutcome& outcome)
{
    onTick(); // the last events
    m_refresh.stop();
    m_setup->setEditable(true);
    if (!outcome.result) {
        m_message->setText(tr("The engine refused the run: %1").arg(outcome.error));
        appendLog(m_message->text());
    } else {
        const core::TrainingResult& result = *outcome.result;
        appState()->setTrainingResult(outcome.result);
        if (outcome.cancelled) {
            m_message->setText(tr("Cancelled after %n finished trial(s); the leaderboard shows "
                                  "the best of those (no model was fitted on all rows).",
                                  nullptr, finishedTrials()));
            // No model was fitted on all rows: none is marked best.
            m_leaderboard->setLeaderboard(result.leaderboard, QString());
        } else {
            m_progress->setValue(m_progress->maximum());
            if (outcome.bundle) {
                m_ownBundle = outcome.bundle.get();
                appState()->setModelBundle(outcome.bundle, outcome.savedModelPath);
            } else {
                m_leaderboard->setLeaderboard(result.leaderboard,
                                              QString::fromStdString(result.bestAlgorithm));
            }
            QString text = tr("Finished in %1. Best model: %2.")
                               .arg(duration(qint64(result.seconds * 1000.0)),
                                    displayName(QString::fromStdString(result.bestAlgorithm)));
            if (!outcome.error.isEmpty()) {
                text += QLatin1Char(' ') + outcome.error;
            }
            if (!outcome.saveError.isEmpty()) {
                text +=
                    QLatin1Char(' ') +
                    tr("The model could not be kept for the history: %1").arg(outcome.saveError);
            }
            m_message->setText(text);
        }
        for (const std::string& warning : result.warnings) {
            appendLog(tr("Warning: %1").arg(QString::fromStdString(warning)));
        }
        appendLog(m_message->text());
        recordRun(outcome);
    }
    m_leaderboard->setCurrentAlgorithm(appState()->currentAlgorithm());
    m_leaderboardView->resizeColumnsToContents();
    updateStatusList();
    updateTimeLabel();
    updateButtons();
    emit trainingFinished(outcome.cancelled);
}

void TrainTab::recordRun(const TrainingOutcome& outcome)
{
    ExperimentHistory history(historyPath());
    ExperimentRecord record;
    record.time = QDateTime::currentDateTime();
    record.datasetName = m_datasetName;
    record.datasetHash = m_datasetHash;
    record.paramsYaml = QString::fromStdString(m_paramsYaml);
    record.leaderboardJson = ExperimentHistory::leaderboardToJson(outcome.result->leaderboard);
    record.modelPath = outcome.savedModelPath;
    record.bestAlgorithm = QString::fromStdString(outcome.result->bestAlgorithm);
    record.cancelled = outcome.cancelled;
    if (history.add(record) < 0) {
        appendLog(history.errorString());
    }
}

void TrainTab::onModelBundleChanged()
{
    const std::shared_ptr<const core::ModelBundle> bundle = appState()->modelBundle();
    if (!bundle || m_runner->isRunning()) {
        updateButtons();
        return;
    }
    // "Best" is the selection rule's pick stored in the bundle; "current" the analyst's.
    m_leaderboard->setLeaderboard(bundle->leaderboard, QString::fromStdString(bundle->best));
    m_leaderboard->setCurrentAlgorithm(appState()->currentAlgorithm());
    m_leaderboardView->resizeColumnsToContents();
    if (bundle.get() != m_ownBundle) {
        // A model opened from a file keeps its leaderboard, not each trial: list what it has
        // and say why the trial chart is empty instead of showing a blank plot.
        m_order.clear();
        m_algorithms.clear();
        for (const core::LeaderboardRow& row : bundle->leaderboard) {
            const QString algorithm = QString::fromStdString(row.algorithm);
            AlgorithmProgress progress;
            progress.name = displayName(algorithm);
            progress.total = int(row.trialsRun);
            progress.done = int(row.trialsRun);
            progress.bestAuc = row.aucMean;
            progress.refitted = bundle->models.count(row.algorithm) > 0;
            m_order.append(algorithm);
            m_algorithms.insert(algorithm, progress);
        }
        updateStatusList();
        const QString source = appState()->modelPath().isEmpty()
                                   ? tr("this model")
                                   : QFileInfo(appState()->modelPath()).fileName();
        m_chart->showPlaceholder(
            tr("Each trial's cross-validated AUC appears here while a training runs.\n"
               "%1 was trained earlier: its best configuration per algorithm is in the "
               "leaderboard below.")
                .arg(source));
        showOpenedModel(*bundle, source);
    }
    updateButtons();
}

void TrainTab::showOpenedModel(const core::ModelBundle& bundle, const QString& source)
{
    // Status and setup describe the model on screen, not the run before it (a cancelled
    // run's "32 %" and its setup would otherwise stay beside an opened model's leaderboard).
    m_progress->setValue(m_progress->maximum());
    m_progress->setFormat(tr("Trained earlier"));
    m_timeLabel->setText(tr("Opened %1").arg(source));
    const QString trainedOn = bundle.dataSource.empty()
                                  ? QString()
                                  : tr(" on %1").arg(QString::fromStdString(bundle.dataSource));
    QString text = tr("Showing %1, trained earlier%2. Current model: %3.")
                       .arg(source, trainedOn, displayName(appState()->currentAlgorithm()));
    if (!bundle.paramsYaml.empty()) {
        try {
            m_setup->setParamsFile(core::ParamsFile::parse(bundle.paramsYaml, source.toStdString()),
                                   QString(), tr("Settings %1 was trained with").arg(source));
            text += QLatin1Char(' ') + tr("The setup shows the settings it was trained with.");
        } catch (const std::exception& error) {
            text += QLatin1Char(' ') + tr("Its training settings cannot be shown: %1")
                                           .arg(QString::fromUtf8(error.what()));
        }
    }
    m_message->setText(text);
}

void TrainTab::updateButtons()
{
    const bool running = m_runner->isRunning();
    m_trainButton->setEnabled(!running && appState()->dataset() != nullptr);
    m_cancelButton->setEnabled(running && !m_runner->isCancelling());
    const QModelIndexList rows = m_leaderboardView->selectionModel()->selectedRows();
    bool usable = false;
    if (!rows.isEmpty()) {
        const QString algorithm =
            m_leaderboardProxy->data(rows.first(), LeaderboardModel::AlgorithmRole).toString();
        const std::shared_ptr<const core::ModelBundle> bundle = appState()->modelBundle();
        usable = bundle && bundle->models.count(algorithm.toStdString()) > 0 &&
                 algorithm != appState()->currentAlgorithm();
    }
    m_useButton->setEnabled(usable);
}

void TrainTab::useSelectedAsCurrent()
{
    const QModelIndexList rows = m_leaderboardView->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        return;
    }
    appState()->setCurrentAlgorithm(
        m_leaderboardProxy->data(rows.first(), LeaderboardModel::AlgorithmRole).toString());
}

void TrainTab::showHistory()
{
    const ExperimentHistory history(historyPath());
    if (!history.isOpen()) {
        QMessageBox::warning(this, tr("Experiment history"), history.errorString());
        return;
    }
    auto* dialog = new HistoryDialog(
        history.runs(),
        [this](const QString& path, QString* error) {
            ModelLoadResult loaded = loadModelBundleFile(path);
            if (!loaded.bundle) {
                if (error != nullptr) {
                    *error = loaded.error;
                }
                return false;
            }
            appState()->setModelBundle(std::move(loaded.bundle), path);
            return true;
        },
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void TrainTab::appendLog(const QString& line)
{
    m_log->appendPlainText(QStringLiteral("[%1] %2").arg(duration(m_runner->elapsedMs()), line));
}

} // namespace credit::ui
