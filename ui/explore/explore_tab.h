// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "explore/explore_result.h"
#include "main/tab_page.h"

#include <QFutureWatcher>

#include <memory>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QSortFilterProxyModel;
class QSpinBox;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTimer;

namespace credit::ui {

class AttributeTableModel;
class ChartWidget;
class CorrelationHeatmap;
class ExportablePanel;
class OutlierTableModel;
class SummaryTableModel;
class WoeTableModel;

/// "What drives default, attribute by attribute": summaries, histograms, bad rates, WoE/IV,
/// correlations, outliers and the class balance of the current dataset. Everything is computed
/// by core::analyseDataset off the GUI thread; the tab shows a progress bar meanwhile.
class ExploreTab : public TabPage
{
    Q_OBJECT

public:
    explicit ExploreTab(AppState* state, QWidget* parent = nullptr);
    ~ExploreTab() override;

    QString tabId() const override;
    QString tabTitle() const override;
    bool isContentReady() const override;

    /// The latest result, or nullptr while none is ready.
    std::shared_ptr<const core::ExploreResult> result() const { return m_result; }
    /// Selects `name` in the attribute list (and shows it); false when there is no such one.
    bool selectAttribute(const QString& name);
    /// The attribute shown on the right, empty when none.
    QString currentAttribute() const;

    // Parts, for tests and the report.
    ChartWidget* histogramChart() const { return m_histogram; }
    ChartWidget* boxPlotChart() const { return m_boxPlot; }
    ChartWidget* badRateChart() const { return m_badRate; }
    ChartWidget* levelChart() const { return m_levels; }
    ChartWidget* ivRankingChart() const { return m_ivRanking; }
    ChartWidget* classBalanceChart() const { return m_balance; }
    CorrelationHeatmap* heatmap() const { return m_heatmap; }
    QTableView* attributeView() const { return m_attributeView; }
    QTableView* woeView() const { return m_woeView; }
    QTableView* outlierView() const { return m_outlierView; }
    QTabWidget* sections() const { return m_sections; }
    QSpinBox* binsSpinBox() const { return m_bins; }
    QComboBox* outlierMethodBox() const { return m_outlierMethod; }
    QDoubleSpinBox* iqrSpinBox() const { return m_iqrK; }
    QDoubleSpinBox* zSpinBox() const { return m_zThreshold; }
    WoeTableModel* woeModel() const { return m_woeModel; }
    SummaryTableModel* summaryModel() const { return m_summaryModel; }
    OutlierTableModel* outlierModel() const { return m_outlierModel; }

    /// Writes the WoE / summary table of the current attribute as CSV, atomically.
    bool exportWoeCsv(const QString& path, QString* error = nullptr) const;
    bool exportSummaryCsv(const QString& path, QString* error = nullptr) const;

signals:
    /// Emitted when new outliers (after a change of method or thresholds) are shown.
    void outliersReady();

private:
    struct JobOutput
    {
        std::shared_ptr<const core::ExploreResult> result;
        QString error;
    };
    struct OutlierOutput
    {
        std::shared_ptr<const core::OutlierReport> report;
        QString error;
    };

    QWidget* createAttributesPage();
    QWidget* createOverviewPage();
    QWidget* createOutliersPage();
    void onDatasetChanged();
    void startAnalysis();
    void onAnalysisFinished();
    void startOutliers();
    void onOutliersFinished();
    void showResult();
    void showAttribute(int attributeIndex);
    void showCorrelation();
    void showOutlierCount();
    void activateOutlier(const QModelIndex& index);
    void exportTableWithDialog(bool woe);
    core::ExploreParams currentParams() const;

    std::shared_ptr<const core::Dataset> m_dataset;
    std::shared_ptr<const core::ExploreResult> m_result;
    QFutureWatcher<JobOutput> m_watcher;
    QFutureWatcher<OutlierOutput> m_outlierWatcher;
    bool m_ready = true;
    bool m_restartPending = false;

    QLabel* m_status = nullptr;
    QProgressBar* m_progress = nullptr;
    QTabWidget* m_sections = nullptr;
    QTimer* m_paramsTimer = nullptr;

    // Attributes page
    AttributeTableModel* m_attributeModel = nullptr;
    QSortFilterProxyModel* m_attributeProxy = nullptr;
    QTableView* m_attributeView = nullptr;
    QLabel* m_attributeHeader = nullptr;
    QStackedWidget* m_detailStack = nullptr;
    ChartWidget* m_histogram = nullptr;
    ChartWidget* m_boxPlot = nullptr;
    ChartWidget* m_badRate = nullptr;
    ChartWidget* m_levels = nullptr;
    SummaryTableModel* m_summaryModel = nullptr;
    QTableView* m_summaryView = nullptr;
    WoeTableModel* m_woeModel = nullptr;
    QTableView* m_woeView = nullptr;
    QSpinBox* m_bins = nullptr;
    int m_shownAttribute = -1;

    // Overview page
    ChartWidget* m_ivRanking = nullptr;
    ChartWidget* m_balance = nullptr;
    CorrelationHeatmap* m_heatmap = nullptr;
    ExportablePanel* m_heatmapPanel = nullptr;
    QComboBox* m_correlationMethod = nullptr;

    // Outliers page
    QComboBox* m_outlierMethod = nullptr;
    QDoubleSpinBox* m_iqrK = nullptr;
    QDoubleSpinBox* m_zThreshold = nullptr;
    QComboBox* m_outlierAttribute = nullptr;
    OutlierTableModel* m_outlierModel = nullptr;
    QSortFilterProxyModel* m_outlierProxy = nullptr;
    QTableView* m_outlierView = nullptr;
    QLabel* m_outlierCount = nullptr;
};

} // namespace credit::ui
