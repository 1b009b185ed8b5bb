// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "main/tab_page.h"

#include "explain/batch_scorer.h"
#include "explain/scorer.h"
#include "monitor/score_record.h"

#include <QFutureWatcher>

#include <memory>
#include <optional>
#include <vector>

class QAction;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace credit::ui {

class ApplicantForm;
class ChartWidget;

/// The Score tab: a form generated from the model's schema (ApplicantForm), the result
/// (PD, decision at the current threshold, grade, points, reasons as a chart and as sentences),
/// what-if against the previous result, applicant JSON files, loading a row of the data, a
/// one-page PDF decision sheet (DecisionSheet) and batch scoring of CSV files off the GUI
/// thread. Every number comes from core::Scorer, with the threshold, population bad rate,
/// scorecard scale and risk grades of AppState's DecisionPolicy.
class ScoreTab : public TabPage
{
    Q_OBJECT

public:
    explicit ScoreTab(AppState* state, QWidget* parent = nullptr);
    ~ScoreTab() override;

    QString tabId() const override { return QStringLiteral("score"); }
    QString tabTitle() const override { return tr("Score"); }

    /// The applicant as currently entered in the form (attribute → text).
    core::Applicant applicant() const;
    /// Fills the form (unknown attributes ignored) and scores.
    void setApplicant(const core::Applicant& applicant);
    /// Fills the form from row `row` of the current dataset and scores it. False, with the
    /// form unchanged and `error` naming each field, when there is no such row or its values
    /// do not fit the model's schema (a missing value, text in a numeric field, a level the
    /// model does not know): an unreadable value never becomes 0.
    bool loadDatasetRow(int row, QString* error = nullptr);
    /// Resets every field to its default (training median / mode).
    void clearForm();
    /// Scores the form now; the result is also shown. Invalid fields block scoring.
    void scoreNow();
    /// The prediction log the tab writes to, or nullptr (off, or it could not be opened).
    const core::PredictionLog* predictionLogInUse() const { return m_log.get(); }
    /// Why the last score was not logged; empty when it was (or logging is off).
    QString logProblem() const { return m_logProblem; }
    /// The warnings under the result (out-of-range values, not logged).
    QString flagsText() const;

    /// The last result (valid() false when the form had errors); nullopt before any scoring.
    const std::optional<core::ScoreResult>& result() const { return m_result; }
    const std::optional<core::ScoreResult>& previousResult() const { return m_previous; }
    bool hasModel() const { return m_scorer != nullptr; }

    bool saveApplicantJson(const QString& path, QString* error = nullptr) const;
    /// Reads an applicant saved by saveApplicantJson() (or written for `credit-risk score
    /// --applicant`); refuses, with the form unchanged, what the model cannot score.
    bool loadApplicantJson(const QString& path, QString* error = nullptr);
    /// Writes the one-page PDF decision sheet of the current result; false with `error` when
    /// there is no valid result or the file cannot be written.
    bool exportDecisionSheet(const QString& path, QString* error = nullptr) const;

    /// Starts batch scoring of a CSV file off the GUI thread; batchFinished() follows.
    void startBatch(const QString& input, const QString& output);
    bool isBatchRunning() const;
    /// The menu action (File ▸ Batch Score…) that asks for the files and starts a batch.
    QAction* batchAction() const { return m_batchAction; }

    // Widgets, for tests.
    QWidget* fieldWidget(const QString& attribute) const;
    QLabel* fieldError(const QString& attribute) const;
    QLabel* resultLabel() const { return m_resultLabel; }
    QLabel* reasonsLabel() const { return m_reasonsLabel; }
    QLabel* legendLabel() const { return m_legendLabel; }
    /// The scorer in use (nullptr without a model).
    const core::Scorer* scorer() const { return m_scorer.get(); }
    ChartWidget* reasonsChart() const { return m_reasonsChart; }

signals:
    void scored();
    void batchProgress(double fraction);
    /// `message` is empty on success, else the error.
    void batchFinished(const QString& message);
    /// Opening the prediction log set a damaged file aside: what happened, for the status bar.
    void logNotice(const QString& message);

private:
    /// setApplicant() when the model can score `values`; else false with `error` naming
    /// `what` and every field the model refuses.
    bool setApplicantIfScorable(const core::Applicant& values, const QString& what, QString* error);

    struct BatchOutcome
    {
        core::BatchScoreResult result;
        QString error;
        QString logProblem; ///< why the rows were not logged; empty when they were
    };

    void rebuildScorer();
    void rebuildForm();
    void showResult();
    void showReasonsChart(const core::ScoreResult& r);
    void batchWithDialog();

    /// Opens the prediction log on first use (resolveLogPath: CREDIT_RISK_LOG, else the XDG
    /// data folder); a log that cannot be opened or written is reported, never fatal.
    core::PredictionLog* predictionLog();
    void logScore(const core::ScoreResult& result, const core::Applicant& values, double ms);
    /// m_modelIdentity of `bundle` with the current algorithm, recomputed when either changes.
    void refreshModelIdentity(const core::ModelBundle& bundle);

    std::shared_ptr<const core::Scorer> m_scorer;
    std::shared_ptr<core::PredictionLog> m_log;
    QString m_logProblem;                ///< why scores are not logged; empty when they are
    core::ModelIdentity m_modelIdentity; ///< of the bundle below
    const void* m_identityOf = nullptr;
    std::string m_identityAlgorithm; ///< the algorithm m_modelIdentity was made for
    ApplicantForm* m_form;
    QLabel* m_modelLabel;
    QLabel* m_resultLabel;
    QLabel* m_reasonsLabel;
    QLabel* m_flagsLabel;
    QLabel* m_legendLabel;
    ChartWidget* m_reasonsChart;
    QSpinBox* m_rowSpin;
    QPushButton* m_scoreButton;
    QProgressBar* m_batchBar;
    QLabel* m_batchLabel;
    QAction* m_batchAction;
    QFutureWatcher<BatchOutcome> m_batchWatcher;
    std::optional<core::ScoreResult> m_result;
    /// The last valid result before m_result, always from the current scorer (rescored when
    /// the model or the decision policy changes), and the form values it was scored from.
    std::optional<core::ScoreResult> m_previous;
    std::optional<core::Applicant> m_previousApplicant;
    core::Applicant m_resultApplicant;
};

} // namespace credit::ui
