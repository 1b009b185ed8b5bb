// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "main/tab_page.h"
#include "train/training_runner.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <QTimer>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTreeWidget;

namespace credit::core {
class ModelBundle;
}

namespace credit::ui {

class LeaderboardModel;
class TrainingSetupPanel;
class TrialChart;

/// The Train tab: the training setup, a run with live progress (overall bar with time left,
/// per-algorithm status, a chart of every trial's AUC, a log) and the leaderboard of the
/// result, from which the analyst picks the current model. Every run is recorded in the
/// experiment history; the History button lists, reopens and compares runs.
class TrainTab : public TabPage
{
    Q_OBJECT

public:
    static constexpr int kRefreshIntervalMs = 200;

    explicit TrainTab(AppState* state, QWidget* parent = nullptr);
    ~TrainTab() override;

    QString tabId() const override { return QStringLiteral("train"); }
    QString tabTitle() const override { return tr("Train"); }
    bool canClose() override;

    /// Starts a run with the setup shown; false (with a message in the status line) when the
    /// data or the setup are not usable.
    bool startTraining();
    void cancelTraining();
    bool isTraining() const;
    /// Whether closing the window during a run asks first (off in tests).
    void setConfirmClose(bool confirm) { m_confirmClose = confirm; }
    /// Overrides the history database (tests); empty = the default file.
    void setHistoryPath(const QString& path) { m_historyPath = path; }
    QString historyPath() const;

    TrainingSetupPanel* setupPanel() const { return m_setup; }
    QPushButton* trainButton() const { return m_trainButton; }
    QPushButton* cancelButton() const { return m_cancelButton; }
    QProgressBar* progressBar() const { return m_progress; }
    QTreeWidget* statusList() const { return m_statusList; }
    TrialChart* trialChart() const { return m_chart; }
    QPlainTextEdit* logView() const { return m_log; }
    QTableView* leaderboardView() const { return m_leaderboardView; }
    LeaderboardModel* leaderboardModel() const { return m_leaderboard; }
    QLabel* messageLabel() const { return m_message; }
    /// Number of trials finished in the current (or last) run.
    int finishedTrials() const;

signals:
    /// The run ended: finished, cancelled or refused; the leaderboard is up to date.
    void trainingFinished(bool cancelled);

private:
    struct AlgorithmProgress
    {
        QString name;
        int total = 0;
        int done = 0;
        int failed = 0;
        double bestAuc = -1.0;
        bool refitted = false;
    };

    void onTick();
    void onFinished(const TrainingOutcome& outcome);
    void onModelBundleChanged();
    void updateStatusList();
    void updateTimeLabel();
    /// Status line, progress, time and setup for a model opened from a file or the history.
    void showOpenedModel(const core::ModelBundle& bundle, const QString& source);
    void updateButtons();
    void useSelectedAsCurrent();
    void showHistory();
    void appendLog(const QString& line);
    void recordRun(const TrainingOutcome& outcome);

    TrainingSetupPanel* m_setup;
    QPushButton* m_trainButton;
    QPushButton* m_cancelButton;
    QPushButton* m_historyButton;
    QPushButton* m_useButton;
    QProgressBar* m_progress;
    QLabel* m_timeLabel;
    QLabel* m_message;
    QTreeWidget* m_statusList;
    TrialChart* m_chart;
    QPlainTextEdit* m_log;
    LeaderboardModel* m_leaderboard;
    QSortFilterProxyModel* m_leaderboardProxy;
    QTableView* m_leaderboardView;
    TrainingRunner* m_runner;
    QTimer m_refresh;

    QStringList m_order; ///< algorithms of the run, in search order
    QMap<QString, AlgorithmProgress> m_algorithms;
    QString m_stage;
    QString m_datasetName;
    /// The bundle our own last run produced (its trials are on the chart), so that
    /// onModelBundleChanged() tells it from a model opened from a file.
    const void* m_ownBundle = nullptr;
    QString m_datasetHash;
    std::string m_paramsYaml;
    QString m_historyPath;
    bool m_confirmClose = true;
};

} // namespace credit::ui
