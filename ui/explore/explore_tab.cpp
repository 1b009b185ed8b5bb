// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "explore/explore_tab.h"

#include "explore/attribute_table_model.h"
#include "explore/explore_charts.h"
#include "explore/outlier_table_model.h"
#include "explore/summary_table_model.h"
#include "explore/woe_table_model.h"
#include "main/app_state.h"
#include "widgets/chart_widget.h"
#include "widgets/correlation_heatmap.h"
#include "widgets/file_names.h"
#include "widgets/table_csv_writer.h"

#include <QChart>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <exception>

namespace credit::ui {
namespace {

constexpr int kProgressSteps = 1000;

QTableView* makeTable(QWidget* parent)
{
    auto* view = new QTableView(parent);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->setVisible(false);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setHighlightSections(false);
    return view;
}

QLabel* sectionLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

ExploreTab::ExploreTab(AppState* state, QWidget* parent)
    : TabPage(state, parent), m_status(new QLabel(this)), m_progress(new QProgressBar(this)),
      m_sections(new QTabWidget(this)), m_paramsTimer(new QTimer(this))
{
    m_progress->setRange(0, kProgressSteps);
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);
    m_progress->setFormat(tr("%p %"));
    m_progress->hide();
    m_paramsTimer->setSingleShot(true);
    m_paramsTimer->setInterval(250);
    connect(m_paramsTimer, &QTimer::timeout, this, &ExploreTab::startAnalysis);

    m_sections->addTab(createAttributesPage(), tr("Attributes"));
    m_sections->addTab(createOverviewPage(), tr("Overview"));
    m_sections->addTab(createOutliersPage(), tr("Outliers"));
    m_sections->setTabToolTip(0, tr("Each attribute against the outcome: distribution, bad "
                                    "rates, Weight of Evidence"));
    m_sections->setTabToolTip(1, tr("All attributes at once: IV ranking, correlations, class "
                                    "balance"));
    m_sections->setTabToolTip(2, tr("Unusual numeric values (IQR fences or z-scores)"));

    auto* top = new QHBoxLayout;
    top->addWidget(m_status, 1);
    top->addWidget(m_progress);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(top);
    layout->addWidget(m_sections, 1);

    connect(&m_watcher, &QFutureWatcher<JobOutput>::progressValueChanged, m_progress,
            &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcher<JobOutput>::finished, this,
            &ExploreTab::onAnalysisFinished);
    connect(&m_outlierWatcher, &QFutureWatcher<OutlierOutput>::finished, this,
            &ExploreTab::onOutliersFinished);
    connect(appState(), &AppState::datasetChanged, this, &ExploreTab::onDatasetChanged);
    onDatasetChanged();
}

ExploreTab::~ExploreTab()
{
    m_watcher.cancel();
    m_watcher.waitForFinished();
    m_outlierWatcher.waitForFinished();
}

QString ExploreTab::tabId() const
{
    return QStringLiteral("explore");
}

QString ExploreTab::tabTitle() const
{
    return tr("Explore");
}

bool ExploreTab::isContentReady() const
{
    return m_ready;
}

QWidget* ExploreTab::createAttributesPage()
{
    auto* page = new QWidget(this);
    auto* split = new QSplitter(Qt::Horizontal, page);

    // Left: the attribute list.
    auto* left = new QWidget(split);
    m_attributeModel = new AttributeTableModel(this);
    m_attributeProxy = new QSortFilterProxyModel(this);
    m_attributeProxy->setSourceModel(m_attributeModel);
    m_attributeProxy->setSortRole(AttributeTableModel::kSortRole);
    m_attributeView = makeTable(left);
    m_attributeView->setModel(m_attributeProxy);
    m_attributeView->setSortingEnabled(true);
    m_attributeView->sortByColumn(AttributeTableModel::kIv, Qt::DescendingOrder);
    m_attributeView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_attributeView->horizontalHeader()->setSectionResizeMode(AttributeTableModel::kName,
                                                              QHeaderView::Stretch);
    m_attributeView->setToolTip(tr("Click an attribute to see it against the outcome. "
                                   "Click a header to sort."));
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(sectionLabel(tr("Attributes by Information Value"), left));
    leftLayout->addWidget(m_attributeView, 1);
    connect(m_attributeView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid()) {
                    showAttribute(m_attributeModel->attributeIndex(
                        m_attributeProxy->mapToSource(current).row()));
                }
            });

    // Right: details of the selected attribute.
    auto* right = new QWidget(split);
    m_attributeHeader = new QLabel(right);
    m_attributeHeader->setTextFormat(Qt::RichText);
    m_bins = new QSpinBox(right);
    m_bins->setRange(2, 20);
    m_bins->setValue(5);
    m_bins->setToolTip(tr("Number of quantile bins for numeric attributes (bad rate, WoE, IV). "
                          "Tied values can give fewer bins."));
    connect(m_bins, &QSpinBox::valueChanged, this, [this] { m_paramsTimer->start(); });
    auto* summaryCsv = new QPushButton(tr("Summary to CSV…"), right);
    summaryCsv->setToolTip(tr("Save the summary table of this attribute as CSV"));
    connect(summaryCsv, &QPushButton::clicked, this, [this] { exportTableWithDialog(false); });
    auto* woeCsv = new QPushButton(tr("WoE table to CSV…"), right);
    woeCsv->setToolTip(tr("Save the Weight-of-Evidence table of this attribute as CSV"));
    connect(woeCsv, &QPushButton::clicked, this, [this] { exportTableWithDialog(true); });
    auto* binsLabel = new QLabel(tr("Quantile bins:"), right);
    binsLabel->setBuddy(m_bins);
    auto* header = new QHBoxLayout;
    header->addWidget(m_attributeHeader, 1);
    header->addWidget(binsLabel);
    header->addWidget(m_bins);
    header->addSpacing(12);
    header->addWidget(summaryCsv);
    header->addWidget(woeCsv);

    m_histogram = new ChartWidget(right);
    m_boxPlot = new ChartWidget(right);
    m_badRate = new ChartWidget(right);
    m_levels = new ChartWidget(right);
    m_histogram->setObjectName(QStringLiteral("histogramChart"));
    m_levels->setObjectName(QStringLiteral("levelChart"));

    auto* numericPage = new QWidget(right);
    auto* grid = new QGridLayout(numericPage);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_histogram, 0, 0);
    grid->addWidget(m_boxPlot, 0, 1);
    grid->addWidget(m_badRate, 1, 0, 1, 2);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 2);
    m_detailStack = new QStackedWidget(right);
    m_detailStack->addWidget(numericPage);
    m_detailStack->addWidget(m_levels);

    m_summaryModel = new SummaryTableModel(this);
    m_summaryView = makeTable(right);
    m_summaryView->setModel(m_summaryModel);
    m_summaryView->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_summaryView->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_summaryView->setMinimumWidth(200);
    m_summaryView->setMaximumWidth(280);
    auto* summaryBox = new QWidget(right);
    auto* summaryLayout = new QVBoxLayout(summaryBox);
    summaryLayout->setContentsMargins(0, 0, 0, 0);
    summaryLayout->addWidget(sectionLabel(tr("Summary"), summaryBox));
    summaryLayout->addWidget(m_summaryView, 1);

    m_woeModel = new WoeTableModel(this);
    m_woeView = makeTable(right);
    m_woeView->setModel(m_woeModel);
    m_woeView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_woeView->horizontalHeader()->setSectionResizeMode(WoeTableModel::kBin,
                                                        QHeaderView::ResizeToContents);
    auto* woeBox = new QWidget(right);
    auto* woeLayout = new QVBoxLayout(woeBox);
    woeLayout->setContentsMargins(0, 0, 0, 0);
    auto* woeTitle = sectionLabel(tr("Weight of Evidence and Information Value"), woeBox);
    woeTitle->setToolTip(ExploreCharts::woeDefinition() + QLatin1Char('\n') +
                         ExploreCharts::ivDefinition());
    woeLayout->addWidget(woeTitle);
    woeLayout->addWidget(m_woeView, 1);

    // Each chart keeps the height its labels need; a small window scrolls the charts rather
    // than squeezing them until every label reads "…".
    m_histogram->setMinimumHeight(240);
    m_boxPlot->setMinimumHeight(240);
    m_badRate->setMinimumHeight(270);
    m_levels->setMinimumHeight(360);
    auto* chartsScroll = new QScrollArea(right);
    chartsScroll->setObjectName(QStringLiteral("exploreChartsScroll"));
    chartsScroll->setWidgetResizable(true);
    chartsScroll->setFrameShape(QFrame::NoFrame);
    chartsScroll->setWidget(m_detailStack);
    auto* charts = new QWidget(right);
    auto* chartsLayout = new QHBoxLayout(charts);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    chartsLayout->addWidget(chartsScroll, 1);
    chartsLayout->addWidget(summaryBox);

    auto* vertical = new QSplitter(Qt::Vertical, right);
    vertical->addWidget(charts);
    vertical->addWidget(woeBox);
    vertical->setStretchFactor(0, 2);
    vertical->setStretchFactor(1, 1);
    vertical->setSizes({520, 280});
    vertical->setChildrenCollapsible(false);

    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(header);
    rightLayout->addWidget(vertical, 1);

    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setSizes({430, 970});
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(split);
    return page;
}

QWidget* ExploreTab::createOverviewPage()
{
    auto* page = new QWidget(this);
    m_ivRanking = new ChartWidget(page);
    m_ivRanking->setObjectName(QStringLiteral("ivRankingChart"));
    m_balance = new ChartWidget(page);
    m_heatmap = new CorrelationHeatmap;
    m_heatmapPanel = new ExportablePanel(page);
    m_heatmapPanel->setContent(m_heatmap);
    m_heatmapPanel->setExportName(QStringLiteral("correlations"));
    m_correlationMethod = new QComboBox(page);
    m_correlationMethod->addItem(tr("Pearson"));
    m_correlationMethod->addItem(tr("Spearman (ranks)"));
    m_correlationMethod->setToolTip(
        tr("Pearson measures linear association; Spearman correlates the ranks (ties get their "
           "average rank), so it catches any monotone relation and resists outliers. Each cell "
           "uses the rows where both values are present."));
    connect(m_correlationMethod, &QComboBox::currentIndexChanged, this,
            &ExploreTab::showCorrelation);

    auto* correlation = new QWidget(page);
    auto* corrLayout = new QVBoxLayout(correlation);
    corrLayout->setContentsMargins(0, 0, 0, 0);
    auto* corrHeader = new QHBoxLayout;
    corrHeader->addWidget(sectionLabel(tr("Correlation of numeric attributes"), correlation));
    corrHeader->addStretch(1);
    corrHeader->addWidget(new QLabel(tr("Method:"), correlation));
    corrHeader->addWidget(m_correlationMethod);
    corrLayout->addLayout(corrHeader);
    corrLayout->addWidget(m_heatmapPanel, 1);

    auto* grid = new QGridLayout(page);
    grid->setContentsMargins(0, 4, 0, 0);
    grid->addWidget(m_ivRanking, 0, 0, 2, 1);
    grid->addWidget(correlation, 0, 1);
    grid->addWidget(m_balance, 1, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(0, 3);
    grid->setRowStretch(1, 2);
    return page;
}

QWidget* ExploreTab::createOutliersPage()
{
    auto* page = new QWidget(this);
    m_outlierMethod = new QComboBox(page);
    m_outlierMethod->addItem(tr("IQR fences"));
    m_outlierMethod->addItem(tr("z-score"));
    m_outlierMethod->setToolTip(tr("IQR: flag values below Q1 − k·IQR or above Q3 + k·IQR.\n"
                                   "z-score: flag values with |x − mean| / sd above the "
                                   "threshold."));
    m_iqrK = new QDoubleSpinBox(page);
    m_iqrK->setRange(0.5, 10.0);
    m_iqrK->setSingleStep(0.5);
    m_iqrK->setDecimals(1);
    m_iqrK->setValue(1.5);
    m_iqrK->setToolTip(tr("Fence multiplier k: 1.5 is Tukey's usual fence, 3 flags only far-out "
                          "values"));
    m_zThreshold = new QDoubleSpinBox(page);
    m_zThreshold->setRange(1.0, 10.0);
    m_zThreshold->setSingleStep(0.5);
    m_zThreshold->setDecimals(1);
    m_zThreshold->setValue(3.0);
    m_zThreshold->setToolTip(tr("Flag values more than this many standard deviations from the "
                                "mean"));
    m_zThreshold->setEnabled(false);
    m_outlierAttribute = new QComboBox(page);
    m_outlierAttribute->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_outlierAttribute->setToolTip(tr("Show the flags of one attribute only"));
    m_outlierCount = new QLabel(page);

    auto* form = new QHBoxLayout;
    form->addWidget(new QLabel(tr("Method:"), page));
    form->addWidget(m_outlierMethod);
    form->addSpacing(12);
    form->addWidget(new QLabel(tr("IQR k:"), page));
    form->addWidget(m_iqrK);
    form->addSpacing(12);
    form->addWidget(new QLabel(tr("|z| above:"), page));
    form->addWidget(m_zThreshold);
    form->addSpacing(12);
    form->addWidget(new QLabel(tr("Attribute:"), page));
    form->addWidget(m_outlierAttribute);
    form->addStretch(1);
    m_outlierCount->setWordWrap(true);
    m_outlierCount->setObjectName(QStringLiteral("outlierCount"));

    m_outlierModel = new OutlierTableModel(this);
    m_outlierProxy = new QSortFilterProxyModel(this);
    m_outlierProxy->setSourceModel(m_outlierModel);
    m_outlierProxy->setFilterKeyColumn(OutlierTableModel::kAttribute);
    m_outlierProxy->setSortRole(Qt::EditRole);
    m_outlierView = makeTable(page);
    m_outlierView->setModel(m_outlierProxy);
    m_outlierView->setSortingEnabled(true);
    m_outlierView->sortByColumn(-1, Qt::AscendingOrder);
    m_outlierView->horizontalHeader()->setStretchLastSection(true);
    m_outlierView->setColumnWidth(OutlierTableModel::kRow, 70);
    m_outlierView->setColumnWidth(OutlierTableModel::kAttribute, 170);
    m_outlierView->setColumnWidth(OutlierTableModel::kValue, 110);
    connect(m_outlierView, &QTableView::activated, this, &ExploreTab::activateOutlier);

    const auto changed = [this] {
        m_iqrK->setEnabled(m_outlierMethod->currentIndex() == 0);
        m_zThreshold->setEnabled(m_outlierMethod->currentIndex() == 1);
        startOutliers();
    };
    connect(m_outlierMethod, &QComboBox::currentIndexChanged, this, changed);
    connect(m_iqrK, &QDoubleSpinBox::valueChanged, this, changed);
    connect(m_zThreshold, &QDoubleSpinBox::valueChanged, this, changed);
    connect(m_outlierAttribute, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_outlierProxy->setFilterFixedString(index <= 0 ? QString()
                                                        : m_outlierAttribute->currentText());
        showOutlierCount();
    });

    auto* hint = new QLabel(tr("Double-click a row (or press Enter) to show the applicant in the "
                               "Data tab."),
                            page);
    hint->setStyleSheet(QStringLiteral("color: palette(mid);"));
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_outlierCount);
    layout->addWidget(m_outlierView, 1);
    layout->addWidget(hint);
    return page;
}

core::ExploreParams ExploreTab::currentParams() const
{
    core::ExploreParams params;
    params.quantileBins = std::size_t(m_bins->value());
    params.outliers.method = m_outlierMethod->currentIndex() == 1 ? core::OutlierMethod::ZScore
                                                                  : core::OutlierMethod::Iqr;
    params.outliers.iqrK = m_iqrK->value();
    params.outliers.zThreshold = m_zThreshold->value();
    return params;
}

void ExploreTab::onDatasetChanged()
{
    m_dataset = appState()->dataset();
    m_ready = false;
    startAnalysis();
}

void ExploreTab::startAnalysis()
{
    if (m_watcher.isRunning()) {
        // Restarted from onAnalysisFinished once the running job has stopped.
        m_restartPending = true;
        m_watcher.cancel();
        return;
    }
    if (!m_dataset) {
        m_result.reset();
        m_attributeModel->setResult(nullptr);
        m_status->setText(tr("Open a dataset to explore it."));
        m_ready = true;
        emit contentReady();
        return;
    }
    m_ready = false;
    m_status->setText(tr("Computing statistics for %1 rows…")
                          .arg(QLocale().toString(qulonglong(m_dataset->rowCount()))));
    m_progress->setValue(0);
    m_progress->show();
    const std::shared_ptr<const core::Dataset> dataset = m_dataset;
    const core::ExploreParams params = currentParams();
    m_watcher.setFuture(QtConcurrent::run([dataset, params](QPromise<JobOutput>& promise) {
        promise.setProgressRange(0, kProgressSteps);
        JobOutput out;
        try {
            auto result = std::make_shared<core::ExploreResult>(core::analyseDataset(
                *dataset, params, [&promise](const core::ProgressEvent& event) {
                    promise.setProgressValue(int(event.fraction * kProgressSteps));
                    return !promise.isCanceled();
                }));
            out.result = std::move(result);
        } catch (const core::Cancelled&) {
            return;
        } catch (const std::exception& e) {
            out.error = QString::fromStdString(e.what());
        }
        promise.addResult(std::move(out));
    }));
}

void ExploreTab::onAnalysisFinished()
{
    if (m_restartPending) {
        m_restartPending = false;
        startAnalysis();
        return;
    }
    m_progress->hide();
    const QFuture<JobOutput> future = m_watcher.future();
    if (future.isCanceled() || future.resultCount() == 0) {
        return;
    }
    const JobOutput out = future.result();
    if (!out.error.isEmpty()) {
        m_status->setText(tr("The statistics could not be computed: %1").arg(out.error));
        m_ready = true;
        emit contentReady();
        return;
    }
    m_result = out.result;
    showResult();
    m_ready = true;
    emit contentReady();
}

void ExploreTab::showResult()
{
    const QString previous = currentAttribute();
    const core::ExploreResult& r = *m_result;
    QString status = tr("%1 rows · %2 attributes · %3 rate %4 %")
                         .arg(QLocale().toString(qulonglong(r.rows)))
                         .arg(r.attributes.size())
                         .arg(QString::fromStdString(r.balance.positiveLabel))
                         .arg(QLocale().toString(100.0 * r.balance.positiveRate, 'f', 1));
    if (!r.warnings.empty()) {
        status += QStringLiteral(" · ") + tr("%n warning(s)", nullptr, int(r.warnings.size()));
        QStringList lines;
        for (const std::string& w : r.warnings) {
            lines << QString::fromStdString(w);
        }
        m_status->setToolTip(lines.join(QLatin1Char('\n')));
    } else {
        m_status->setToolTip({});
    }
    m_status->setText(status);

    m_shownAttribute = -1;
    m_attributeModel->setResult(m_result);
    const int sourceRow = previous.isEmpty() ? -1 : m_attributeModel->rowOf(previous);
    const QModelIndex target =
        sourceRow >= 0 ? m_attributeProxy->mapFromSource(m_attributeModel->index(sourceRow, 0))
                       : m_attributeProxy->index(0, 0);
    if (target.isValid()) {
        m_attributeView->setCurrentIndex(target);
        m_attributeView->scrollTo(target);
        showAttribute(
            m_attributeModel->attributeIndex(m_attributeProxy->mapToSource(target).row()));
    }

    ExploreCharts::fillIvRanking(m_ivRanking, r);
    ExploreCharts::fillClassBalance(m_balance, r.balance);
    m_ivRanking->layoutNow();
    m_balance->layoutNow();
    showCorrelation();

    const QString selectedAttribute = m_outlierAttribute->currentText();
    {
        const QSignalBlocker blocker(m_outlierAttribute);
        m_outlierAttribute->clear();
        m_outlierAttribute->addItem(tr("All numeric attributes"));
        for (const core::OutlierFences& f : r.outliers.fences) {
            m_outlierAttribute->addItem(QString::fromStdString(f.attribute));
        }
        m_outlierAttribute->setCurrentIndex(
            std::max(0, m_outlierAttribute->findText(selectedAttribute)));
    }
    m_outlierProxy->setFilterFixedString(
        m_outlierAttribute->currentIndex() <= 0 ? QString() : m_outlierAttribute->currentText());
    m_outlierModel->setReport(std::shared_ptr<const core::OutlierReport>(m_result, &r.outliers));
    showOutlierCount();
    const core::OutlierParams wanted = currentParams().outliers;
    if (wanted.method != r.outliers.params.method || wanted.iqrK != r.outliers.params.iqrK ||
        wanted.zThreshold != r.outliers.params.zThreshold) {
        startOutliers();
    }
}

bool ExploreTab::selectAttribute(const QString& name)
{
    const int row = m_attributeModel->rowOf(name);
    if (row < 0) {
        return false;
    }
    const QModelIndex index = m_attributeProxy->mapFromSource(m_attributeModel->index(row, 0));
    m_attributeView->setCurrentIndex(index);
    m_attributeView->scrollTo(index);
    m_sections->setCurrentIndex(0);
    return currentAttribute() == name;
}

QString ExploreTab::currentAttribute() const
{
    if (!m_result || m_shownAttribute < 0 || m_shownAttribute >= int(m_result->attributes.size())) {
        return {};
    }
    return QString::fromStdString(m_result->attributes[std::size_t(m_shownAttribute)].summary.name);
}

void ExploreTab::showAttribute(int attributeIndex)
{
    if (!m_result || attributeIndex < 0 || attributeIndex >= int(m_result->attributes.size()) ||
        attributeIndex == m_shownAttribute) {
        return;
    }
    m_shownAttribute = attributeIndex;
    const core::ExploreResult& r = *m_result;
    const core::AttributeExploration& a = r.attributes[std::size_t(attributeIndex)];
    const ExploreCharts::Labels labels{QString::fromStdString(r.balance.negativeLabel),
                                       QString::fromStdString(r.balance.positiveLabel)};
    const bool numeric = a.summary.type == core::ColumnType::Numeric;
    const QString name = QString::fromStdString(a.summary.name);
    m_attributeHeader->setText(
        tr("<b>%1</b> · %2 · IV %3 (<span style='color:%4'>%5</span>)")
            .arg(name.toHtmlEscaped(), numeric ? tr("numeric") : tr("categorical"),
                 QLocale().toString(a.woe.iv, 'f', 3),
                 ExploreCharts::strengthColour(a.woe.strength).darker(140).name(),
                 ExploreCharts::strengthLabel(a.woe.strength)));
    m_attributeHeader->setToolTip(ExploreCharts::strengthToolTip(a.woe.strength));
    if (numeric) {
        ExploreCharts::fillHistogram(m_histogram, a, labels);
        ExploreCharts::fillBoxPlot(m_boxPlot, a, labels);
        ExploreCharts::fillBadRate(m_badRate, a, labels, r.balance.positiveRate);
        m_detailStack->setCurrentIndex(0);
    } else {
        ExploreCharts::fillLevels(m_levels, a, labels);
        m_detailStack->setCurrentIndex(1);
    }
    QStringList levels;
    if (!numeric) {
        for (const std::string& level : a.binning.labels) {
            levels << QString::fromStdString(level);
        }
    }
    for (ChartWidget* chart : {m_histogram, m_boxPlot, m_badRate, m_levels}) {
        chart->layoutNow();
    }
    m_summaryModel->setSummary(a.summary, levels);
    m_woeModel->setTable(a.woe, labels.good, labels.bad);
    m_bins->setEnabled(numeric);
}

void ExploreTab::showCorrelation()
{
    if (!m_result) {
        return;
    }
    const bool spearman = m_correlationMethod->currentIndex() == 1;
    const core::CorrelationMatrix& m = spearman ? m_result->spearman : m_result->pearson;
    QStringList names;
    for (const std::string& n : m.names) {
        names << QString::fromStdString(n);
    }
    QList<double> values(m.values.begin(), m.values.end());
    QList<int> pairs;
    for (std::size_t p : m.pairCounts) {
        pairs << int(p);
    }
    m_heatmap->setMatrix(names, values, pairs, spearman ? tr("Spearman ρ") : tr("Pearson r"));
    m_heatmapPanel->setExportName(spearman ? QStringLiteral("correlations_spearman")
                                           : QStringLiteral("correlations_pearson"));
}

void ExploreTab::startOutliers()
{
    if (!m_dataset || !m_result) {
        return; // the next analysis uses the current settings
    }
    if (m_outlierWatcher.isRunning()) {
        return;
    }
    m_outlierCount->setText(tr("Searching…"));
    const std::shared_ptr<const core::Dataset> dataset = m_dataset;
    const core::OutlierParams params = currentParams().outliers;
    m_outlierWatcher.setFuture(QtConcurrent::run([dataset, params] {
        OutlierOutput out;
        try {
            out.report =
                std::make_shared<core::OutlierReport>(core::detectOutliers(*dataset, params));
        } catch (const std::exception& e) {
            out.error = QString::fromStdString(e.what());
        }
        return out;
    }));
}

void ExploreTab::onOutliersFinished()
{
    const OutlierOutput out = m_outlierWatcher.result();
    if (!out.error.isEmpty()) {
        m_outlierCount->setText(tr("Outlier search failed: %1").arg(out.error));
        return;
    }
    const core::OutlierParams wanted = currentParams().outliers;
    const core::OutlierParams& got = out.report->params;
    if (wanted.method != got.method || wanted.iqrK != got.iqrK ||
        wanted.zThreshold != got.zThreshold) {
        startOutliers(); // the settings changed while it ran
        return;
    }
    m_outlierModel->setReport(out.report);
    showOutlierCount();
    emit outliersReady();
}

void ExploreTab::showOutlierCount()
{
    const core::OutlierReport* report = m_outlierModel->report();
    if (report == nullptr) {
        m_outlierCount->clear();
        return;
    }
    QString text = tr("%1 flagged values shown (%2 in all numeric attributes)")
                       .arg(QLocale().toString(m_outlierProxy->rowCount()),
                            QLocale().toString(qulonglong(report->flags.size())));
    QStringList skipped;
    QStringList details;
    for (const core::OutlierFences& fences : report->fences) {
        if (!fences.skipped.empty()) {
            skipped << QString::fromStdString(fences.attribute);
            details << QStringLiteral("%1: %2").arg(QString::fromStdString(fences.attribute),
                                                    QString::fromStdString(fences.skipped));
        }
    }
    if (!skipped.isEmpty()) {
        text += tr(" · not checked: %1 (%2)")
                    .arg(skipped.join(QStringLiteral(", ")), details.join(QStringLiteral("; ")));
    }
    m_outlierCount->setText(text);
    m_outlierCount->setToolTip(details.join(QLatin1Char('\n')));
}

void ExploreTab::activateOutlier(const QModelIndex& index)
{
    if (!index.isValid()) {
        return;
    }
    const QVariant row = index.data(OutlierTableModel::kDatasetRowRole);
    if (row.isValid()) {
        // Shows the flagged cell itself: its row, scrolled to its column.
        appState()->requestRowSelection(row.toInt(),
                                        index.data(OutlierTableModel::kDatasetColumnRole).toInt());
    }
}

bool ExploreTab::exportWoeCsv(const QString& path, QString* error) const
{
    return TableCsvWriter::save(*m_woeModel, path, error);
}

bool ExploreTab::exportSummaryCsv(const QString& path, QString* error) const
{
    return TableCsvWriter::save(*m_summaryModel, path, error);
}

void ExploreTab::exportTableWithDialog(bool woe)
{
    const QString attribute = currentAttribute();
    if (attribute.isEmpty()) {
        return;
    }
    const QString stem = (woe ? QStringLiteral("woe_") : QStringLiteral("summary_")) + attribute;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path =
        withSuffix(QFileDialog::getSaveFileName(
                       this, woe ? tr("Export WoE table") : tr("Export summary"),
                       QDir(dir).filePath(stem + QStringLiteral(".csv")), tr("CSV files (*.csv)")),
                   QStringLiteral("csv"));
    if (path.isEmpty()) {
        return;
    }
    QString error;
    if (!(woe ? exportWoeCsv(path, &error) : exportSummaryCsv(path, &error))) {
        QMessageBox::warning(this, tr("Export failed"), error);
        return;
    }
    announceSaved(this, path);
}

} // namespace credit::ui
