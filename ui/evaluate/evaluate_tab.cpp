// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "evaluate/evaluate_tab.h"

#include "io/model_bundle.h"
#include "main/app_state.h"
#include "main/help_text.h"
#include "train/trial_chart.h"
#include "widgets/chart_widget.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QListWidget>
#include <QLocale>
#include <QPen>
#include <QScatterSeries>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace credit::ui {

namespace {

constexpr int kMaxImportanceBars = 15;

QString pct(double share, int decimals = 1)
{
    return std::isfinite(share)
               ? QLocale().toString(100.0 * share, 'f', decimals) + QStringLiteral(" %")
               : QStringLiteral("–");
}

QString num(double value, int decimals = 3)
{
    return std::isfinite(value) ? QLocale().toString(value, 'f', decimals) : QStringLiteral("–");
}

/// One hover-able point of a curve: its position and what the analyst reads off it.
struct HoverPoint
{
    QPointF position;
    QString text;
};

/// Shows the text of the curve point nearest to the mouse while it hovers the series.
void attachHover(QXYSeries* series, QList<HoverPoint> points)
{
    QObject::connect(series, &QXYSeries::hovered, series,
                     [points = std::move(points)](const QPointF& at, bool state) {
                         if (!state || points.isEmpty()) {
                             QToolTip::hideText();
                             return;
                         }
                         const HoverPoint* nearest = &points.first();
                         double best = 1e300;
                         for (const HoverPoint& p : points) {
                             const double d = std::pow(p.position.x() - at.x(), 2) +
                                              std::pow(p.position.y() - at.y(), 2);
                             if (d < best) {
                                 best = d;
                                 nearest = &p;
                             }
                         }
                         QToolTip::showText(QCursor::pos(), nearest->text);
                     });
}

QLineSeries* diagonal(const QString& name)
{
    auto* line = new QLineSeries;
    line->setName(name);
    line->append(0, 0);
    line->append(100, 100);
    QPen pen(QColor(0x88, 0x88, 0x88));
    pen.setStyle(Qt::DashLine);
    pen.setWidthF(1.2);
    line->setPen(pen);
    return line;
}

QPen curvePen(const QString& algorithm, bool current)
{
    QPen pen(TrialChart::colourFor(algorithm));
    pen.setWidthF(current ? 2.6 : 1.6);
    return pen;
}

QTableWidgetItem* cell(const QString& text, Qt::Alignment alignment = Qt::AlignRight)
{
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(alignment | Qt::AlignVCenter);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}

void setPercentAxes(ChartWidget* chart, QValueAxis* x, QValueAxis* y)
{
    Q_UNUSED(chart);
    for (QValueAxis* axis : {x, y}) {
        axis->setRange(0, 100);
        axis->setTickCount(6);
        axis->setLabelFormat(QStringLiteral("%d"));
    }
}

QTableWidget* makeTable(QWidget* parent, const QStringList& headers)
{
    auto* table = new QTableWidget(parent);
    table->setColumnCount(int(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

} // namespace

EvaluateTab::EvaluateTab(AppState* state, QWidget* parent)
    : TabPage(state, parent), m_stack(new QStackedWidget(this)), m_empty(new QLabel(this)),
      m_header(new QLabel(this)), m_overlays(new QListWidget(this)), m_pages(new QTabWidget(this)),
      m_roc(new ChartWidget(this)), m_pr(new ChartWidget(this)),
      m_reliability(new ChartWidget(this)), m_histogram(new ChartWidget(this)),
      m_calibrationNote(new QLabel(this)), m_confusion(nullptr), m_rates(nullptr),
      m_confusionNote(new QLabel(this)), m_importance(new ChartWidget(this)),
      m_importanceNote(new QLabel(this)), m_coefficients(nullptr), m_stability(nullptr),
      m_spread(new ChartWidget(this)), m_spreadNote(new QLabel(this))
{
    setObjectName(QStringLiteral("evaluateTab"));
    m_empty->setText(tr("No model yet.\n\nTrain a model (Train tab) or open one "
                        "(File ▸ Open Model)."));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setObjectName(QStringLiteral("evaluateEmpty"));
    QFont emptyFont = m_empty->font();
    emptyFont.setPointSizeF(emptyFont.pointSizeF() * 1.4);
    m_empty->setFont(emptyFont);

    m_roc->setExportName(QStringLiteral("roc_curve"));
    m_pr->setExportName(QStringLiteral("precision_recall_curve"));
    m_reliability->setExportName(QStringLiteral("reliability_diagram"));
    m_histogram->setExportName(QStringLiteral("predicted_probability_histogram"));
    m_importance->setExportName(QStringLiteral("feature_importance"));
    m_spread->setExportName(QStringLiteral("score_spread"));

    // Header: the current model and the overlays.
    m_header->setWordWrap(true);
    m_header->setObjectName(QStringLiteral("evaluateHeader"));
    m_overlays->setFlow(QListView::LeftToRight);
    m_overlays->setMaximumHeight(34);
    m_overlays->setObjectName(QStringLiteral("overlays"));
    m_overlays->setToolTip(tr("Overlay other trained models on the curves"));
    auto* headerRow = new QHBoxLayout;
    headerRow->addWidget(m_header, 1);
    headerRow->addWidget(new QLabel(tr("Overlay:"), this));
    headerRow->addWidget(m_overlays, 1);

    // Page 1: discrimination.
    auto* discrimination = new QSplitter(Qt::Horizontal, this);
    discrimination->addWidget(m_roc);
    discrimination->addWidget(m_pr);
    m_pages->addTab(discrimination, tr("ROC and precision–recall"));

    // Page 2: calibration.
    auto* calibration = new QWidget(this);
    auto* calibrationLayout = new QVBoxLayout(calibration);
    auto* calibrationSplit = new QSplitter(Qt::Vertical, calibration);
    calibrationSplit->addWidget(m_reliability);
    calibrationSplit->addWidget(m_histogram);
    calibrationSplit->setStretchFactor(0, 3);
    calibrationSplit->setStretchFactor(1, 2);
    m_calibrationNote->setWordWrap(true);
    calibrationLayout->addWidget(calibrationSplit, 1);
    calibrationLayout->addWidget(m_calibrationNote);
    m_pages->addTab(calibration, tr("Calibration"));

    // Page 3: confusion matrix.
    auto* confusion = new QWidget(this);
    auto* confusionLayout = new QVBoxLayout(confusion);
    m_confusion = makeTable(confusion, {tr("Actual outcome"), tr("Predicted bad (rejected)"),
                                        tr("Predicted good (accepted)"), tr("Total")});
    m_confusion->setObjectName(QStringLiteral("confusionMatrix"));
    // Columns as wide as their contents (the Total column no longer stretches) and the table
    // exactly as tall as its three rows (no empty row below them).
    m_confusion->horizontalHeader()->setStretchLastSection(false);
    m_confusion->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_confusion->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_confusion->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_rates = makeTable(confusion, {tr("Rate"), tr("Value"), tr("Meaning")});
    m_rates->setObjectName(QStringLiteral("confusionRates"));
    m_confusionNote->setWordWrap(true);
    confusionLayout->addWidget(m_confusionNote);
    confusionLayout->addWidget(m_confusion);
    confusionLayout->addWidget(m_rates, 1);
    m_pages->addTab(confusion, tr("Confusion matrix"));

    // Page 4: feature importance.
    auto* importance = new QSplitter(Qt::Horizontal, this);
    auto* importanceLeft = new QWidget(importance);
    auto* importanceLayout = new QVBoxLayout(importanceLeft);
    importanceLayout->setContentsMargins(0, 0, 0, 0);
    importanceLayout->addWidget(m_importance, 1);
    m_importanceNote->setWordWrap(true);
    importanceLayout->addWidget(m_importanceNote);
    importance->addWidget(importanceLeft);
    m_coefficients = makeTable(importance, {tr("Feature"), tr("Estimate"), tr("Std. error"),
                                            tr("z"), tr("p-value"), tr("Odds ratio")});
    m_coefficients->setObjectName(QStringLiteral("coefficientTable"));
    m_coefficients->setToolTip(tr("Logistic regression coefficients on the pipeline's "
                                  "(standardised) features, Wald tests"));
    importance->addWidget(m_coefficients);
    importance->setSizes({680, 560});
    m_pages->addTab(importance, tr("Feature importance"));

    // Page 5: stability.
    auto* stability = new QSplitter(Qt::Horizontal, this);
    m_stability = makeTable(
        stability, {tr("Figure over test folds"), tr("Mean"), tr("SD"), tr("Min"), tr("Max")});
    m_stability->setObjectName(QStringLiteral("stabilityTable"));
    // The figure's name takes the spare width, not the last number column.
    m_stability->horizontalHeader()->setStretchLastSection(false);
    m_stability->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < m_stability->columnCount(); ++c) {
        m_stability->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    }
    stability->addWidget(m_stability);
    auto* spreadBox = new QWidget(stability);
    auto* spreadLayout = new QVBoxLayout(spreadBox);
    spreadLayout->setContentsMargins(0, 0, 0, 0);
    spreadLayout->addWidget(m_spread, 1);
    m_spreadNote->setWordWrap(true);
    spreadLayout->addWidget(m_spreadNote);
    stability->addWidget(spreadBox);
    stability->setSizes({520, 720});
    m_pages->addTab(stability, tr("Stability"));

    auto* content = new QWidget(this);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addLayout(headerRow);
    contentLayout->addWidget(m_pages, 1);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(content);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_stack);

    connect(&m_watcher, &QFutureWatcher<EvaluationResult>::finished, this,
            &EvaluateTab::onComputed);
    connect(state, &AppState::modelBundleChanged, this, &EvaluateTab::onModelChanged);
    connect(state, &AppState::currentModelChanged, this, &EvaluateTab::onModelChanged);
    connect(state, &AppState::thresholdChanged, this, [this] {
        if (!m_result.curves.empty()) {
            recompute();
        }
    });
    // The costs and the prior correction name the cut-off and price the decisions.
    connect(state, &AppState::policyChanged, this, [this] {
        if (!m_result.curves.empty() && !(appState()->policy() == m_result.evaluation.policy)) {
            recompute();
        }
    });
    connect(m_overlays, &QListWidget::itemChanged, this, [this] { recompute(); });
    // Feature importance needs the data: recompute when it arrives or changes.
    connect(state, &AppState::datasetChanged, this, [this] {
        if (appState()->modelBundle() && !appState()->currentAlgorithm().isEmpty()) {
            recompute();
        }
    });
    onModelChanged();
}

EvaluateTab::~EvaluateTab()
{
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

bool EvaluateTab::isContentReady() const
{
    return m_ready;
}

bool EvaluateTab::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

QString EvaluateTab::emptyStateText() const
{
    return m_empty->text();
}

QStringList EvaluateTab::shownAlgorithms() const
{
    QStringList algorithms;
    const QString current = appState()->currentAlgorithm();
    if (current.isEmpty()) {
        return algorithms;
    }
    algorithms.append(current);
    for (int i = 0; i < m_overlays->count(); ++i) {
        const QListWidgetItem* item = m_overlays->item(i);
        const QString algorithm = item->data(Qt::UserRole).toString();
        if (item->checkState() == Qt::Checked && algorithm != current) {
            algorithms.append(algorithm);
        }
    }
    return algorithms;
}

void EvaluateTab::setOverlay(const QString& algorithm, bool shown)
{
    for (int i = 0; i < m_overlays->count(); ++i) {
        QListWidgetItem* item = m_overlays->item(i);
        if (item->data(Qt::UserRole).toString() == algorithm) {
            item->setCheckState(shown ? Qt::Checked : Qt::Unchecked);
        }
    }
}

void EvaluateTab::rebuildOverlayList()
{
    const QSignalBlocker blocker(m_overlays);
    QStringList checked;
    for (int i = 0; i < m_overlays->count(); ++i) {
        if (m_overlays->item(i)->checkState() == Qt::Checked) {
            checked.append(m_overlays->item(i)->data(Qt::UserRole).toString());
        }
    }
    m_overlays->clear();
    const auto bundle = appState()->modelBundle();
    if (!bundle) {
        return;
    }
    const QString current = appState()->currentAlgorithm();
    for (const core::LeaderboardRow& row : bundle->leaderboard) {
        const QString algorithm = QString::fromStdString(row.algorithm);
        if (algorithm == current || bundle->outOfFold.count(row.algorithm) == 0) {
            continue;
        }
        auto* item = new QListWidgetItem(QString::fromStdString(row.displayName), m_overlays);
        item->setData(Qt::UserRole, algorithm);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(algorithm) ? Qt::Checked : Qt::Unchecked);
        item->setForeground(TrialChart::colourFor(algorithm));
    }
}

void EvaluateTab::onModelChanged()
{
    rebuildOverlayList();
    const auto bundle = appState()->modelBundle();
    if (!bundle || appState()->currentAlgorithm().isEmpty()) {
        m_watcher.disconnect(this);
        m_stack->setCurrentWidget(m_empty);
        m_result = {};
        connect(&m_watcher, &QFutureWatcher<EvaluationResult>::finished, this,
                &EvaluateTab::onComputed);
        const bool wasReady = m_ready;
        m_ready = !m_watcher.isRunning();
        if (m_ready && !wasReady) {
            emit contentReady();
        }
        return;
    }
    m_stack->setCurrentIndex(1);
    recompute();
}

void EvaluateTab::recompute()
{
    const auto bundle = appState()->modelBundle();
    if (!bundle) {
        return;
    }
    m_ready = false;
    if (m_watcher.isRunning()) {
        m_pending = true; // recompute when the running job is done
        return;
    }
    m_header->setText(tr("Computing curves and bootstrap intervals…"));
    m_watcher.setFuture(QtConcurrent::run(&evaluateModels, bundle, appState()->dataset(),
                                          shownAlgorithms(), appState()->policy()));
}

void EvaluateTab::onComputed()
{
    if (m_pending) {
        m_pending = false;
        recompute();
        return;
    }
    m_result = m_watcher.result();
    if (appState()->modelBundle() && !appState()->currentAlgorithm().isEmpty()) {
        showResult();
    }
    m_ready = true;
    emit contentReady();
}

void EvaluateTab::showResult()
{
    const auto bundle = appState()->modelBundle();
    if (!m_result.error.isEmpty() || m_result.curves.empty()) {
        const QString message = m_result.error.isEmpty()
                                    ? tr("The model file holds no out-of-fold predictions.")
                                    : m_result.error;
        for (ChartWidget* chart : {m_roc, m_pr, m_reliability, m_histogram}) {
            chart->showPlaceholder(message);
        }
        m_header->setText(message);
        return;
    }
    const ModelCurves& current = m_result.curves.front();
    m_header->setText(tr("<b>Current model: %1</b> · out-of-fold predictions on %2 applicants "
                         "(%3 bad) · reject when %4")
                          .arg(current.name)
                          .arg(current.roc.positives + current.roc.negatives)
                          .arg(pct(current.badRate))
                          .arg(QString::fromStdString(core::cutoffText(m_result.evaluation.policy))
                                   .toHtmlEscaped()));
    fillRoc();
    fillPr();
    fillCalibration();
    fillConfusion();
    fillImportance();
    fillStability();
}

void EvaluateTab::fillRoc()
{
    m_roc->clear(tr("ROC curve (out-of-fold): pooled AUC with its 95 % interval"));
    // Item 9 of issue 13: this AUC is of the pooled out-of-fold predictions; the leaderboard's
    // is the mean over the folds, so the two differ slightly.
    m_roc->chartView()->setToolTip(
        tr("The AUC here is of all out-of-fold predictions pooled; the Train tab's leaderboard "
           "shows the mean of the per-fold AUCs.\n%1")
            .arg(glossaryPointer(GlossaryTerm::Auc)));
    auto* x = m_roc->addValueAxis(Qt::AlignBottom, tr("False positive rate: goods rejected (%)"));
    auto* y = m_roc->addValueAxis(Qt::AlignLeft, tr("True positive rate: bads rejected (%)"));
    setPercentAxes(m_roc, x, y);
    bool first = true;
    for (const ModelCurves& c : m_result.curves) {
        auto* series = new QLineSeries;
        series->setName(
            tr("%1: AUC %2 (%3–%4)")
                .arg(c.name, num(c.roc.auc), num(c.aucInterval.lower), num(c.aucInterval.upper)));
        series->setPen(curvePen(c.algorithm, first));
        QList<HoverPoint> hover;
        for (const core::RocPoint& p : c.roc.points) {
            series->append(100.0 * p.fpr, 100.0 * p.tpr);
            hover.append({QPointF(100.0 * p.fpr, 100.0 * p.tpr),
                          tr("%1\nReject when P(bad) > %2\nBads rejected (TPR): %3\nGoods "
                             "rejected (FPR): %4")
                              .arg(c.name, num(p.threshold), pct(p.tpr), pct(p.fpr))});
        }
        m_roc->chart()->addSeries(series);
        ChartWidget::attach(series, x);
        ChartWidget::attach(series, y);
        attachHover(series, hover);
        first = false;
    }
    QLineSeries* chance = diagonal(tr("Chance (AUC 0.5)"));
    m_roc->chart()->addSeries(chance);
    ChartWidget::attach(chance, x);
    ChartWidget::attach(chance, y);
}

void EvaluateTab::fillPr()
{
    m_pr->clear(tr("Precision–recall curve (out-of-fold)"));
    auto* x = m_pr->addValueAxis(Qt::AlignBottom, tr("Recall: bads rejected (%)"));
    auto* y = m_pr->addValueAxis(Qt::AlignLeft, tr("Precision: bads among rejected (%)"));
    setPercentAxes(m_pr, x, y);
    bool first = true;
    for (const ModelCurves& c : m_result.curves) {
        auto* series = new QLineSeries;
        series->setName(tr("%1: AP %2").arg(c.name, num(c.pr.averagePrecision)));
        series->setPen(curvePen(c.algorithm, first));
        QList<HoverPoint> hover;
        for (const core::PrPoint& p : c.pr.points) {
            series->append(100.0 * p.recall, 100.0 * p.precision);
            hover.append({QPointF(100.0 * p.recall, 100.0 * p.precision),
                          tr("%1\nReject when P(bad) > %2\nRecall (bads rejected): %3\n"
                             "Precision (bads among rejected): %4")
                              .arg(c.name, num(p.threshold), pct(p.recall), pct(p.precision))});
        }
        m_pr->chart()->addSeries(series);
        ChartWidget::attach(series, x);
        ChartWidget::attach(series, y);
        attachHover(series, hover);
        first = false;
    }
    const double badRate = m_result.curves.front().badRate;
    auto* baseline = new QLineSeries;
    baseline->setName(tr("Bad rate %1 (random model)").arg(pct(badRate)));
    baseline->append(0, 100.0 * badRate);
    baseline->append(100, 100.0 * badRate);
    QPen pen(QColor(0x88, 0x88, 0x88));
    pen.setStyle(Qt::DashLine);
    baseline->setPen(pen);
    m_pr->chart()->addSeries(baseline);
    ChartWidget::attach(baseline, x);
    ChartWidget::attach(baseline, y);
}

void EvaluateTab::fillCalibration()
{
    m_reliability->clear(tr("Reliability diagram (10 equal-width bins)"));
    auto* x = m_reliability->addValueAxis(Qt::AlignBottom, tr("Mean predicted P(bad) in bin (%)"));
    auto* y = m_reliability->addValueAxis(Qt::AlignLeft, tr("Observed bad rate in bin (%)"));
    setPercentAxes(m_reliability, x, y);
    const auto addCurve = [&](const ModelCurves& c, const core::ReliabilityCurve& curve,
                              const QString& name, bool dashed, bool current) {
        auto* series = new QLineSeries;
        series->setName(name);
        QPen pen = curvePen(c.algorithm, current);
        if (dashed) {
            pen.setStyle(Qt::DashDotLine);
        }
        series->setPen(pen);
        series->setPointsVisible(true);
        QList<HoverPoint> hover;
        for (const core::ReliabilityBin& bin : curve.bins) {
            if (bin.count == 0 || !std::isfinite(bin.meanPredicted)) {
                continue;
            }
            const QPointF p(100.0 * bin.meanPredicted, 100.0 * bin.observedRate);
            series->append(p);
            hover.append({p, tr("%1\nBin %2–%3\nApplicants: %4\nMean predicted: %5\nObserved "
                                "bad rate: %6")
                                 .arg(name, pct(bin.lower, 0), pct(bin.upper, 0))
                                 .arg(bin.count)
                                 .arg(pct(bin.meanPredicted), pct(bin.observedRate))});
        }
        m_reliability->chart()->addSeries(series);
        ChartWidget::attach(series, x);
        ChartWidget::attach(series, y);
        attachHover(series, hover);
    };
    bool first = true;
    for (const ModelCurves& c : m_result.curves) {
        addCurve(c, c.reliability,
                 tr("%1%2: Brier %3, ECE %4")
                     .arg(c.name, c.calibrated ? tr(" (calibrated)") : QString(), num(c.brier),
                          num(c.reliability.ece)),
                 false, first);
        if (first && c.calibrated) {
            addCurve(c, c.reliabilityRaw,
                     tr("%1 before calibration: Brier %2, ECE %3")
                         .arg(c.name, num(c.brierRaw), num(c.reliabilityRaw.ece)),
                     true, false);
        }
        first = false;
    }
    QLineSeries* perfect = diagonal(tr("Perfect calibration"));
    m_reliability->chart()->addSeries(perfect);
    ChartWidget::attach(perfect, x);
    ChartWidget::attach(perfect, y);

    const ModelCurves& current = m_result.curves.front();
    m_histogram->clear(tr("Predicted probabilities of %1 (out-of-fold)").arg(current.name));
    auto* set = new QBarSet(tr("Applicants per 5-point bin of P(bad)"));
    set->setColor(TrialChart::colourFor(current.algorithm));
    QStringList categories;
    double highest = 0.0;
    for (const core::ReliabilityBin& bin : current.histogram.bins) {
        set->append(double(bin.count));
        highest = std::max(highest, double(bin.count));
        categories.append(QString::number(std::lround(100.0 * bin.lower)));
    }
    auto* bars = new QBarSeries;
    bars->append(set);
    bars->setBarWidth(0.95);
    m_histogram->chart()->addSeries(bars);
    auto* bx = m_histogram->addCategoryAxis(
        Qt::AlignBottom, tr("Predicted P(bad), lower edge of bin (%)"), categories, bars);
    Q_UNUSED(bx);
    auto* by = m_histogram->addValueAxis(Qt::AlignLeft, tr("Applicants"), bars);
    by->setRange(0, std::max(1.0, highest * 1.1));
    by->applyNiceNumbers();
    by->setLabelFormat(QStringLiteral("%d"));

    m_calibrationNote->setText(
        current.calibrated
            ? tr("Calibration maps scores to probabilities that match observed bad rates. The "
                 "dash-dotted line is %1 before calibration; points near the diagonal are well "
                 "calibrated. ECE = average gap between predicted and observed, weighted by bin "
                 "size.")
                  .arg(current.name)
            : tr("No calibration was used for this run. Points near the diagonal are well "
                 "calibrated. ECE = average gap between predicted and observed, weighted by "
                 "bin size."));
}

void EvaluateTab::fillConfusion()
{
    const core::ThresholdMetrics& m = m_result.confusion;
    const core::ConfusionCounts& c = m.counts;
    const double n = double(std::max<std::size_t>(1, c.total()));
    const auto share = [&](std::size_t k) {
        return QStringLiteral("%1  (%2)")
            .arg(QLocale().toString(qulonglong(k)), pct(double(k) / n));
    };
    m_confusion->setRowCount(3);
    const QList<QStringList> rows = {
        {tr("Bad (defaulted)"), share(c.truePositives), share(c.falseNegatives),
         QLocale().toString(qulonglong(c.truePositives + c.falseNegatives))},
        {tr("Good (repaid)"), share(c.falsePositives), share(c.trueNegatives),
         QLocale().toString(qulonglong(c.falsePositives + c.trueNegatives))},
        {tr("Total"), QLocale().toString(qulonglong(c.truePositives + c.falsePositives)),
         QLocale().toString(qulonglong(c.trueNegatives + c.falseNegatives)),
         QLocale().toString(qulonglong(c.total()))},
    };
    for (int r = 0; r < rows.size(); ++r) {
        for (int col = 0; col < rows.at(r).size(); ++col) {
            m_confusion->setItem(
                r, col, cell(rows.at(r).at(col), col == 0 ? Qt::AlignLeft : Qt::AlignRight));
        }
    }
    m_confusion->item(0, 1)->setToolTip(tr("True positives: bads correctly rejected"));
    m_confusion->item(0, 2)->setToolTip(tr("False negatives: bads accepted (the costly error)"));
    m_confusion->item(1, 1)->setToolTip(tr("False positives: goods turned away"));
    m_confusion->item(1, 2)->setToolTip(tr("True negatives: goods accepted"));
    m_confusion->resizeColumnsToContents();

    const QList<QStringList> rates = {
        {tr("True positive rate (recall)"), pct(m.recall), tr("Share of bads that are rejected")},
        {tr("False positive rate"), pct(m.fpr), tr("Share of goods that are rejected")},
        {tr("Precision"), pct(m.precision), tr("Share of rejected applicants who are bad")},
        {tr("Negative predictive value"), pct(m.npv),
         tr("Share of accepted applicants who are good")},
        {tr("Specificity"), pct(m.specificity), tr("Share of goods that are accepted")},
        {tr("Accuracy"), pct(m.accuracy), tr("Share of correct decisions")},
        {tr("Acceptance rate"), pct(m.acceptanceRate), tr("Share of applicants accepted")},
        {tr("Bad rate among accepted"), pct(m.badRateAccepted),
         tr("Defaults expected in the accepted book")},
    };
    m_rates->setRowCount(int(rates.size()));
    for (int r = 0; r < rates.size(); ++r) {
        m_rates->setItem(r, 0, cell(rates.at(r).at(0), Qt::AlignLeft));
        m_rates->setItem(r, 1, cell(rates.at(r).at(1)));
        m_rates->setItem(r, 2, cell(rates.at(r).at(2), Qt::AlignLeft));
    }
    m_rates->resizeColumnsToContents();
    m_confusionNote->setText(
        tr("%1 at the current cut-off: reject when %2 (out-of-fold predictions, first repeat). "
           "Change the cut-off in the Threshold tab.")
            .arg(m_result.curves.front().name,
                 QString::fromStdString(core::cutoffText(m_result.evaluation.policy))));
}

void EvaluateTab::fillImportance()
{
    m_importanceNote->setText(m_result.importanceNote);
    if (m_result.importance.empty()) {
        m_importance->showPlaceholder(m_result.importanceNote);
    } else {
        m_importance->clear(
            m_result.importanceOutOfFold
                ? tr("Attribute importance: mean |contribution| out of fold (top %1)")
                      .arg(kMaxImportanceBars)
                : tr("Attribute importance: mean |contribution| on training rows (top %1)")
                      .arg(kMaxImportanceBars));
        m_importance->chart()->legend()->setVisible(false);
        const int count = std::min<int>(kMaxImportanceBars, int(m_result.importance.size()));
        auto* set = new QBarSet(tr("Mean |contribution|"));
        set->setColor(TrialChart::colourFor(m_result.curves.front().algorithm));
        QStringList categories;
        double low = 0.0;
        double high = 0.0;
        for (int i = count - 1; i >= 0; --i) { // largest at the top
            const FeatureWeight& w = m_result.importance[std::size_t(i)];
            set->append(w.value);
            categories.append(w.feature.toHtmlEscaped()); // labels are rich text: "<0"
            low = std::min(low, w.value);
            high = std::max(high, w.value);
        }
        auto* bars = new QHorizontalBarSeries;
        bars->append(set);
        m_importance->chart()->addSeries(bars);
        m_importance->addCategoryAxis(Qt::AlignLeft, {}, categories, bars);
        auto* axis = m_importance->addValueAxis(
            Qt::AlignBottom, tr("Mean |contribution| to the log-odds of default"), bars);
        const double pad = 0.05 * std::max(1e-9, high - low);
        axis->setRange(low < 0.0 ? low - pad : 0.0, high + pad);
        axis->applyNiceNumbers();
    }
    m_coefficients->setVisible(!m_result.coefficients.empty());
    m_coefficients->setRowCount(int(m_result.coefficients.size()));
    for (int r = 0; r < int(m_result.coefficients.size()); ++r) {
        const core::CoefficientRow& row = m_result.coefficients[std::size_t(r)];
        m_coefficients->setItem(r, 0, cell(QString::fromStdString(row.name), Qt::AlignLeft));
        m_coefficients->setItem(r, 1, cell(num(row.estimate)));
        m_coefficients->setItem(r, 2, cell(num(row.standardError)));
        m_coefficients->setItem(r, 3, cell(num(row.z, 2)));
        m_coefficients->setItem(
            r, 4, cell(row.pValue < 0.001 ? QStringLiteral("< 0.001") : num(row.pValue)));
        m_coefficients->setItem(r, 5, cell(num(row.oddsRatio)));
    }
    m_coefficients->resizeColumnsToContents();
}

void EvaluateTab::fillStability()
{
    m_stability->setRowCount(int(m_result.foldSpread.size()));
    for (int r = 0; r < int(m_result.foldSpread.size()); ++r) {
        const MetricSpread& s = m_result.foldSpread[std::size_t(r)];
        m_stability->setItem(r, 0, cell(s.name, Qt::AlignLeft));
        m_stability->setItem(r, 1, cell(num(s.mean)));
        m_stability->setItem(r, 2, cell(num(s.sd)));
        m_stability->setItem(r, 3, cell(num(s.min)));
        m_stability->setItem(r, 4, cell(num(s.max)));
    }
    m_stability->resizeColumnsToContents();
    if (m_result.applicantSd.empty()) {
        const QString text = tr("Per-applicant spread needs at least 2 repeats of the k-fold "
                                "split (this run: %1).")
                                 .arg(m_result.repeats);
        m_spread->showPlaceholder(text);
        m_spreadNote->setText(text);
        return;
    }
    m_spread->clear(tr("Per-applicant score spread across %1 repeats").arg(m_result.repeats));
    m_spread->chart()->legend()->setVisible(false);
    auto* x = m_spread->addValueAxis(Qt::AlignBottom, tr("Mean predicted P(bad) over repeats (%)"));
    auto* y = m_spread->addValueAxis(Qt::AlignLeft,
                                     tr("SD of P(bad) across repeats (percentage points)"));
    auto* points = new QScatterSeries;
    points->setName(tr("Applicants"));
    points->setMarkerSize(5.0);
    points->setColor(TrialChart::colourFor(m_result.curves.front().algorithm));
    points->setBorderColor(Qt::transparent);
    double top = 0.0;
    for (std::size_t i = 0; i < m_result.applicantSd.size(); ++i) {
        points->append(100.0 * m_result.applicantMean[i], 100.0 * m_result.applicantSd[i]);
        top = std::max(top, 100.0 * m_result.applicantSd[i]);
    }
    m_spread->chart()->addSeries(points);
    ChartWidget::attach(points, x);
    ChartWidget::attach(points, y);
    x->setRange(0, 100);
    y->setRange(0, std::max(1.0, std::ceil(top * 1.1)));
    const MetricSpread& s = m_result.spreadSummary;
    m_spreadNote->setText(tr("How much an applicant's out-of-fold P(bad) moves when the folds are "
                             "reshuffled: mean SD %1, max %2 percentage points.")
                              .arg(num(100.0 * s.mean, 2), num(100.0 * s.max, 2)));
}

} // namespace credit::ui
