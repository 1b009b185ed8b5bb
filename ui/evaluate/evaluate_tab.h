// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "evaluate/evaluation_job.h"
#include "main/tab_page.h"

#include <QFutureWatcher>
#include <QList>
#include <QString>

class QLabel;
class QListWidget;
class QStackedWidget;
class QTabWidget;
class QTableWidget;

namespace credit::ui {

class ChartWidget;

/// The Evaluate tab: for the current model (others overlaid on demand) the ROC and
/// precision–recall curves from out-of-fold predictions with bootstrap intervals, calibration
/// (reliability diagram, histogram of predicted probabilities, before/after calibration), the
/// confusion matrix at the current threshold, feature importance (mean |SHAP| or standardised
/// coefficients and the coefficient table) and stability across folds and repeats. Curves are
/// computed off the GUI thread.
class EvaluateTab : public TabPage
{
    Q_OBJECT

public:
    explicit EvaluateTab(AppState* state, QWidget* parent = nullptr);
    ~EvaluateTab() override;

    QString tabId() const override { return QStringLiteral("evaluate"); }
    QString tabTitle() const override { return tr("Evaluate"); }
    bool isContentReady() const override;

    /// Algorithms drawn: the current one first, then the checked overlays.
    QStringList shownAlgorithms() const;
    /// Checks or unchecks an overlay; recomputes.
    void setOverlay(const QString& algorithm, bool shown);

    bool isShowingEmptyState() const;
    QString emptyStateText() const;
    QTabWidget* pages() const { return m_pages; }
    ChartWidget* rocChart() const { return m_roc; }
    ChartWidget* prChart() const { return m_pr; }
    ChartWidget* reliabilityChart() const { return m_reliability; }
    ChartWidget* histogramChart() const { return m_histogram; }
    ChartWidget* importanceChart() const { return m_importance; }
    ChartWidget* spreadChart() const { return m_spread; }
    QTableWidget* confusionTable() const { return m_confusion; }
    QTableWidget* ratesTable() const { return m_rates; }
    QTableWidget* coefficientTable() const { return m_coefficients; }
    QTableWidget* stabilityTable() const { return m_stability; }
    const EvaluationResult& result() const { return m_result; }

private:
    void onModelChanged();
    void recompute();
    void onComputed();
    void showResult();
    void fillRoc();
    void fillPr();
    void fillCalibration();
    void fillConfusion();
    void fillImportance();
    void fillStability();
    void rebuildOverlayList();

    QStackedWidget* m_stack;
    QLabel* m_empty;
    QLabel* m_header;
    QListWidget* m_overlays;
    QTabWidget* m_pages;
    ChartWidget* m_roc;
    ChartWidget* m_pr;
    ChartWidget* m_reliability;
    ChartWidget* m_histogram;
    QLabel* m_calibrationNote;
    QTableWidget* m_confusion;
    QTableWidget* m_rates;
    QLabel* m_confusionNote;
    ChartWidget* m_importance;
    QLabel* m_importanceNote;
    QTableWidget* m_coefficients;
    QTableWidget* m_stability;
    ChartWidget* m_spread;
    QLabel* m_spreadNote;

    QFutureWatcher<EvaluationResult> m_watcher;
    EvaluationResult m_result;
    bool m_pending = false;
    bool m_ready = true;
};

} // namespace credit::ui
