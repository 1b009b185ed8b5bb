// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "main/tab_page.h"
#include "monitor/monitor_job.h"

#include <QFutureWatcher>

class QAction;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QTableWidget;
class QTabWidget;

namespace credit::ui {

class ChartWidget;
class DriftTableModel;

/// The Monitor tab: what the model decided and whether it still holds, from the prediction
/// log. A period (all, last day/7/30/90 days) grouped by day, week, month or batch, and a
/// model of the log; volume and acceptance over time, latency p50/p95/p99, error rate and the
/// most frequent refusals; the period's score distribution over the training one; the PSI/CSI
/// table with traffic lights, worst first (a row's click shows that attribute now against
/// training); estimated (from the PDs) against realised performance (from imported outcomes)
/// and the per-grade back-test. File ▸ Import Outcomes adds outcomes to the log.
///
/// Loading runs off the GUI thread in two stages: the SQL aggregates of the log (fast; shown
/// first), then drift and performance. isContentReady() is false until both are shown. Every
/// number comes from core/monitor.
class MonitorTab : public TabPage
{
    Q_OBJECT

public:
    explicit MonitorTab(AppState* state, QWidget* parent = nullptr);
    ~MonitorTab() override;

    QString tabId() const override { return QStringLiteral("monitor"); }
    QString tabTitle() const override { return tr("Monitor"); }
    bool isContentReady() const override { return m_ready; }

    /// The prediction log read (resolveLogPath: CREDIT_RISK_LOG, else the XDG data folder).
    QString logPath() const { return m_logPath; }
    /// Reads the log again (the period, grouping and model of the selectors).
    void reload();
    /// File ▸ Import Outcomes… (asks for a CSV with columns id, outcome).
    QAction* importOutcomesAction() const { return m_importAction; }
    /// Imports `path` into the log and reloads; returns the message shown, or the error.
    QString importOutcomes(const QString& path);

    // For tests.
    const MonitorSummary& summary() const { return m_summary; }
    const MonitorAnalysis& analysis() const { return m_analysis; }
    QComboBox* periodCombo() const { return m_period; }
    QComboBox* groupCombo() const { return m_group; }
    QComboBox* modelCombo() const { return m_model; }
    QTableView* driftTable() const { return m_driftTable; }
    ChartWidget* volumeChart() const { return m_volume; }
    ChartWidget* scoreChart() const { return m_scoreChart; }
    ChartWidget* attributeChart() const { return m_attributeChart; }
    QLabel* statusLabel() const { return m_status; }
    /// Writes the PSI/CSI table as CSV (TableCsvWriter); false with `error` naming the file.
    bool exportDriftCsv(const QString& path, QString* error = nullptr) const;
    /// Shows attribute `row` of the drift table in the distribution chart (as a click does).
    void showAttribute(int row);

protected:
    void showEvent(QShowEvent* event) override;

private:
    MonitorRequest request() const;
    void onSummary();
    void onAnalysis();
    void showSummary();
    void showAnalysis();
    void setReady(bool ready);

    QString m_logPath;
    QComboBox* m_period;
    QComboBox* m_group;
    QComboBox* m_model;
    QPushButton* m_refresh;
    QProgressBar* m_progress;
    QLabel* m_status;
    QTabWidget* m_pages;
    ChartWidget* m_volume;
    QLabel* m_operations;
    ChartWidget* m_scoreChart;
    QTableView* m_driftTable;
    DriftTableModel* m_driftModel;
    ChartWidget* m_attributeChart;
    QLabel* m_driftNote;
    QTableWidget* m_performance;
    QTableWidget* m_grades;
    QLabel* m_performanceNote;
    QAction* m_importAction;

    QFutureWatcher<MonitorSummary> m_summaryWatcher;
    QFutureWatcher<MonitorAnalysis> m_analysisWatcher;
    MonitorSummary m_summary;
    QString m_summaryText; ///< the status line of the shown summary
    MonitorAnalysis m_analysis;
    bool m_ready = false;
    bool m_loaded = false;  ///< loaded once (the first show loads)
    bool m_pending = false; ///< reload when the running stage ends
};

} // namespace credit::ui
