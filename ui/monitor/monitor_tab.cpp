// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "monitor/monitor_tab.h"

#include "io/model_bundle.h"
#include "main/app_state.h"
#include "monitor/drift_table_model.h"
#include "monitor/model_drift.h"
#include "monitor/outcome_file.h"
#include "monitor/prediction_log.h"
#include "widgets/chart_widget.h"
#include "widgets/number_text.h"
#include "widgets/table_csv_writer.h"

#include <QRegularExpression>
#include <QAction>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace credit::ui {

namespace {

const QColor kTrainingColour(150, 150, 150);
const QColor kPeriodColour(68, 119, 170);

QString number(double value, int decimals = 3)
{
    return std::isnan(value) ? QStringLiteral("–") : QString::number(value, 'f', decimals);
}

QString interval(const core::BootstrapInterval& i, bool percent)
{
    if (std::isnan(i.estimate)) {
        return QStringLiteral("–");
    }
    const auto text = [percent](double v) { return percent ? percentText(v) : number(v); };
    return QStringLiteral("%1 [%2, %3]").arg(text(i.estimate), text(i.lower), text(i.upper));
}

/// A bin's label as the axis can show it whole: "(0.058687, 0.086421]" becomes "0.0587–0.0864"
/// (or "5.87–8.64" for a PD shown in percent), "≤ 23" and "> 52" keep their form with the
/// number shortened; level names pass unchanged.
QString shortBinLabel(const std::string& label, bool percent)
{
    const auto shortNumber = [percent](const QString& text) {
        bool ok = false;
        const double v = text.toDouble(&ok);
        return ok ? QString::number(percent ? 100.0 * v : v, 'g', 3) : text;
    };
    const QString text = QString::fromStdString(label);
    static const QRegularExpression range(QStringLiteral(R"(^\(\s*([^,\s]+)\s*,\s*([^\]\s]+)\s*\]$)"));
    static const QRegularExpression bound(QStringLiteral(R"(^(≤|<=|>|<|≥)\s*(\S+)$)"));
    if (const auto m = range.match(text); m.hasMatch()) {
        return shortNumber(m.captured(1)) + QStringLiteral("–") + shortNumber(m.captured(2));
    }
    if (const auto m = bound.match(text); m.hasMatch()) {
        return m.captured(1) + QLatin1Char(' ') + shortNumber(m.captured(2));
    }
    return text;
}

/// Bars of two distributions (training, period) over the same bins.
void fillDistribution(ChartWidget* chart, const core::DriftFigure& f, const QString& title)
{
    chart->clear(title);
    auto* training = new QBarSet(QObject::tr("training"));
    auto* now = new QBarSet(QObject::tr("this period"));
    training->setColor(kTrainingColour);
    now->setColor(kPeriodColour);
    QStringList labels;
    double top = 0.0;
    for (const core::DriftBin& b : f.bins) {
        labels.append(shortBinLabel(b.label, f.isScore));
        *training << 100.0 * b.referenceShare;
        *now << 100.0 * b.share;
        top = std::max({top, b.referenceShare, b.share});
    }
    auto* series = new QBarSeries;
    series->append(training);
    series->append(now);
    chart->chart()->addSeries(series);
    auto* axis = chart->addCategoryAxis(
        Qt::AlignBottom,
        f.isScore ? QObject::tr("model PD bin (%), bins from training")
                  : QObject::tr("%1 bin (from training)").arg(QString::fromStdString(f.name)),
        labels, series);
    QValueAxis* y = chart->addValueAxis(Qt::AlignLeft, QObject::tr("share of rows (%)"), series);
    y->setRange(0.0, std::max(1.0, 100.0 * top * 1.1));
    y->applyNiceNumbers(); // whole ticks (0, 5, 10 …), not 3.1, 6.2, 9.4
    chart->keepLabelsWhole(axis); // no value labels: two thin bars per bin have no room
    chart->layoutNow();
}

void setCell(QTableWidget* table, int row, int column, const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    table->setItem(row, column, item);
}

} // namespace

MonitorTab::MonitorTab(AppState* state, QWidget* parent)
    : TabPage(state, parent), m_logPath(QString::fromStdString(core::resolveLogPath({}))),
      m_period(new QComboBox(this)), m_group(new QComboBox(this)), m_model(new QComboBox(this)),
      m_refresh(new QPushButton(tr("Refresh"), this)), m_progress(new QProgressBar(this)),
      m_status(new QLabel(this)), m_pages(new QTabWidget(this)), m_volume(new ChartWidget(this)),
      m_operations(new QLabel(this)), m_scoreChart(new ChartWidget(this)),
      m_driftTable(new QTableView(this)), m_driftModel(new DriftTableModel(this)),
      m_attributeChart(new ChartWidget(this)), m_driftNote(new QLabel(this)),
      m_performance(new QTableWidget(this)), m_grades(new QTableWidget(this)),
      m_performanceNote(new QLabel(this)),
      m_importAction(new QAction(tr("Import &Outcomes…"), this))
{
    m_period->addItem(tr("All records"), 0);
    m_period->addItem(tr("Last day"), 1);
    m_period->addItem(tr("Last 7 days"), 7);
    m_period->addItem(tr("Last 30 days"), 30);
    m_period->addItem(tr("Last 90 days"), 90);
    for (const core::PeriodUnit unit : {core::PeriodUnit::Day, core::PeriodUnit::Week,
                                        core::PeriodUnit::Month, core::PeriodUnit::Batch}) {
        static const char* names[] = {QT_TR_NOOP("by day"), QT_TR_NOOP("by week"),
                                      QT_TR_NOOP("by month"), QT_TR_NOOP("per batch")};
        m_group->addItem(tr(names[int(unit)]), int(unit));
    }
    m_model->setMinimumContentsLength(24);
    m_model->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* header = new QHBoxLayout;
    header->addWidget(new QLabel(tr("Period:"), this));
    header->addWidget(m_period);
    header->addWidget(m_group);
    header->addWidget(new QLabel(tr("Model:"), this));
    header->addWidget(m_model, 1);
    header->addWidget(m_refresh);
    header->addWidget(m_progress);

    // Activity: volume and acceptance over time; latency, errors, refusals.
    m_volume->setExportName(QStringLiteral("monitor_volume"));
    m_operations->setWordWrap(true);
    m_operations->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_operations->setMinimumWidth(260);
    auto* activity = new QSplitter(Qt::Horizontal, this);
    activity->addWidget(m_volume);
    activity->addWidget(m_operations);
    activity->setStretchFactor(0, 3);
    activity->setStretchFactor(1, 1);

    // Drift: the score distribution, the table, the clicked attribute's distribution.
    m_scoreChart->setExportName(QStringLiteral("monitor_score_distribution"));
    m_attributeChart->setExportName(QStringLiteral("monitor_attribute_distribution"));
    m_driftTable->setModel(m_driftModel);
    m_driftTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_driftTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_driftTable->verticalHeader()->hide();
    m_driftTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_driftTable->horizontalHeader()->setStretchLastSection(true);
    m_driftNote->setWordWrap(true);
    auto* tablePane = new QWidget(this);
    auto* tableLayout = new QVBoxLayout(tablePane);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(m_driftTable, 1);
    auto* driftCsv = new QPushButton(tr("Table to CSV…"), tablePane);
    driftCsv->setToolTip(tr("Save the PSI/CSI table as CSV"));
    connect(driftCsv, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Save the PSI/CSI table"),
                                         QStringLiteral("drift.csv"), tr("CSV files (*.csv)"));
        QString error;
        if (!path.isEmpty() && !exportDriftCsv(path, &error)) {
            QMessageBox::warning(this, tr("Save the PSI/CSI table"), error);
        }
    });
    tableLayout->addWidget(driftCsv, 0, Qt::AlignLeft);
    tableLayout->addWidget(m_driftNote);
    auto* charts = new QSplitter(Qt::Vertical, this);
    charts->addWidget(m_scoreChart);
    charts->addWidget(m_attributeChart);
    auto* drift = new QSplitter(Qt::Horizontal, this);
    drift->addWidget(tablePane);
    drift->addWidget(charts);
    drift->setStretchFactor(0, 1);
    drift->setStretchFactor(1, 1);

    // Performance: estimated against realised, and the back-test per grade.
    m_performance->setColumnCount(4);
    m_performance->setHorizontalHeaderLabels({tr("Figure"), tr("Estimated from PDs"),
                                              tr("Estimated, rows with an outcome"),
                                              tr("Realised (95 % bootstrap interval)")});
    m_performance->verticalHeader()->hide();
    m_performance->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_grades->setColumnCount(7);
    m_grades->setHorizontalHeaderLabels({tr("Grade"), tr("PD band"), tr("Rows with outcome"),
                                         tr("Mean PD"), tr("Realised bad rate"),
                                         tr("Binomial p (two-sided)"), tr("Verdict")});
    m_grades->verticalHeader()->hide();
    m_grades->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_performanceNote->setWordWrap(true);
    auto* performance = new QWidget(this);
    auto* performanceLayout = new QVBoxLayout(performance);
    performanceLayout->addWidget(m_performance, 1);
    performanceLayout->addWidget(new QLabel(tr("Back-test per risk grade"), this));
    performanceLayout->addWidget(m_grades, 1);
    performanceLayout->addWidget(m_performanceNote);

    // Drift first: whether the applicants still look like the training portfolio.
    m_pages->addTab(drift, tr("Drift"));
    m_pages->addTab(activity, tr("Activity"));
    m_pages->addTab(performance, tr("Performance"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_status);
    layout->addWidget(m_pages, 1);

    m_importAction->setObjectName(QStringLiteral("importOutcomesAction"));
    m_importAction->setStatusTip(
        tr("Add realised outcomes (a CSV with columns id and outcome) to the prediction log"));
    connect(m_importAction, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import Outcomes"), {},
                                                          tr("CSV files (*.csv);;All files (*)"));
        if (!path.isEmpty()) {
            QMessageBox::information(this, tr("Import Outcomes"), importOutcomes(path));
        }
    });
    connect(&m_summaryWatcher, &QFutureWatcher<MonitorSummary>::finished, this,
            &MonitorTab::onSummary);
    connect(&m_analysisWatcher, &QFutureWatcher<MonitorAnalysis>::finished, this,
            &MonitorTab::onAnalysis);
    connect(m_refresh, &QPushButton::clicked, this, &MonitorTab::reload);
    connect(m_period, &QComboBox::currentIndexChanged, this, &MonitorTab::reload);
    connect(m_group, &QComboBox::currentIndexChanged, this, &MonitorTab::reload);
    connect(m_model, &QComboBox::activated, this, &MonitorTab::reload);
    connect(m_driftTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& index) { showAttribute(index.row()); });
    connect(state, &AppState::modelBundleChanged, this, [this] {
        m_model->clear(); // the open model becomes the one shown
        if (m_loaded) {
            reload();
        }
    });
    m_volume->showPlaceholder(tr("Reading the prediction log…"));
    m_scoreChart->showPlaceholder(tr("Reading the prediction log…"));
    m_attributeChart->showPlaceholder(tr("Click an attribute of the table to compare its "
                                         "distribution with training."));
}

MonitorTab::~MonitorTab()
{
    m_summaryWatcher.disconnect(this);
    m_analysisWatcher.disconnect(this);
    m_summaryWatcher.waitForFinished();
    m_analysisWatcher.waitForFinished();
}

void MonitorTab::showEvent(QShowEvent* event)
{
    TabPage::showEvent(event);
    if (!m_loaded) {
        m_loaded = true;
        reload();
    }
}

void MonitorTab::setReady(bool ready)
{
    const bool was = m_ready;
    m_ready = ready;
    m_progress->setVisible(!ready);
    if (ready && !was) {
        emit contentReady();
    }
}

MonitorRequest MonitorTab::request() const
{
    MonitorRequest r;
    r.logPath = m_logPath.toStdString();
    r.unit = core::PeriodUnit(m_group->currentData().toInt());
    const int days = m_period->currentData().toInt();
    if (days > 0) {
        r.selection.since = core::timeBefore(std::to_string(days) + "d");
    }
    r.selection.modelId = m_model->currentData().toString().toStdString();
    r.bundle = appState()->modelBundle();
    r.bundleFileName = QFileInfo(appState()->modelPath()).fileName().toStdString();
    if (r.bundle) {
        r.settings = core::monitoringSettingsOf(*r.bundle);
    }
    return r;
}

void MonitorTab::reload()
{
    setReady(false);
    if (m_summaryWatcher.isRunning() || m_analysisWatcher.isRunning()) {
        m_pending = true;
        return;
    }
    m_status->setText(tr("Reading the prediction log %1…").arg(m_logPath));
    m_summaryWatcher.setFuture(QtConcurrent::run(&loadMonitorSummary, request()));
}

void MonitorTab::onSummary()
{
    if (m_pending) {
        m_pending = false;
        reload();
        return;
    }
    m_summary = m_summaryWatcher.result();
    showSummary();
    if (!m_summary.error.isEmpty() || m_summary.summary.rows == 0) {
        m_analysis = {};
        m_driftModel->setReport({});
        setReady(true);
        return;
    }
    MonitorRequest r = request();
    r.selection.modelId = m_summary.modelId;
    m_summaryText = m_status->text();
    m_status->setText(m_summaryText + QLatin1Char(' ') +
                      tr("Comparing with the training population…"));
    m_analysisWatcher.setFuture(QtConcurrent::run(&loadMonitorAnalysis, std::move(r)));
}

void MonitorTab::onAnalysis()
{
    if (m_pending) {
        m_pending = false;
        reload();
        return;
    }
    m_analysis = m_analysisWatcher.result();
    m_status->setText(m_summaryText);
    showAnalysis();
    setReady(true);
}

void MonitorTab::showSummary()
{
    const core::LogSummary& s = m_summary.summary;
    {
        const QSignalBlocker blocker(m_model);
        m_model->clear();
        for (const core::LoggedModel& m : s.models) {
            const bool open = m.id == m_summary.bundleModelId;
            m_model->addItem(tr("%1 (%2 records%3)")
                                 .arg(QString::fromStdString(m.name.empty() ? m.id : m.name))
                                 .arg(QLocale().toString(qint64(m.rows)))
                                 .arg(open ? tr(", open model") : QString()),
                             QString::fromStdString(m.id));
        }
        m_model->setCurrentIndex(m_model->findData(QString::fromStdString(m_summary.modelId)));
    }
    if (!m_summary.error.isEmpty()) {
        m_status->setText(m_summary.error);
        m_volume->showPlaceholder(m_summary.error);
        m_scoreChart->showPlaceholder(m_summary.error);
        m_operations->clear();
        return;
    }
    if (s.rows == 0) {
        const QString text = tr("No scored applicant in this period.");
        m_status->setText(text);
        m_volume->showPlaceholder(text);
        m_scoreChart->showPlaceholder(text);
        m_operations->clear();
        return;
    }
    m_status->setText(
        tr("%1 records in %2 · %3 scored, %4 refused · acceptance %5 · %6 with "
           "an outcome")
            .arg(QLocale().toString(qint64(s.rows)), m_logPath,
                 QLocale().toString(qint64(s.scored)), QLocale().toString(qint64(s.refused)),
                 percentText(s.scored > 0 ? double(s.accepted) / double(s.scored) : std::nan("")),
                 QLocale().toString(qint64(s.withOutcome))));
    m_volume->clear(tr("Volume and acceptance rate, %1").arg(m_group->currentText()));
    auto* volume = new QBarSet(tr("records"));
    volume->setColor(kPeriodColour);
    auto* acceptance = new QLineSeries;
    acceptance->setName(tr("acceptance rate (%)"));
    acceptance->setPointsVisible(true); // one period is one point
    QStringList labels;
    double top = 1.0;
    for (std::size_t i = 0; i < s.periods.size(); ++i) {
        const core::PeriodVolume& v = s.periods[i];
        labels.append(QString::fromStdString(v.period));
        *volume << double(v.rows);
        top = std::max(top, double(v.rows));
        if (!std::isnan(v.acceptanceRate)) {
            acceptance->append(double(i), 100.0 * v.acceptanceRate);
        }
    }
    auto* bars = new QBarSeries;
    bars->append(volume);
    m_volume->chart()->addSeries(bars);
    m_volume->chart()->addSeries(acceptance);
    QBarCategoryAxis* x = m_volume->addCategoryAxis(Qt::AlignBottom, {}, labels, bars);
    ChartWidget::attach(acceptance, x);
    m_volume->addValueAxis(Qt::AlignLeft, tr("records"), bars)->setRange(0.0, top * 1.1);
    m_volume->addValueAxis(Qt::AlignRight, tr("accepted (%)"), acceptance)->setRange(0.0, 100.0);
    m_volume->keepLabelsWhole(x);
    m_volume->layoutNow();

    QString ops =
        tr("<b>Latency</b> (ms per applicant)<br>p50 %1 · p95 %2 · p99 %3<br><br>"
           "<b>Error rate</b> %4 (%5 of %6 refused)")
            .arg(number(s.latencyP50, 2), number(s.latencyP95, 2), number(s.latencyP99, 2),
                 percentText(s.errorRate, 2), QLocale().toString(qint64(s.refused)),
                 QLocale().toString(qint64(s.rows)));
    if (!s.topRefusals.empty()) {
        ops += tr("<br><br><b>Most frequent refusals</b><ol>");
        for (const auto& [message, count] : s.topRefusals) {
            ops += QStringLiteral("<li>%1 × %2</li>")
                       .arg(QLocale().toString(qint64(count)),
                            QString::fromStdString(message).toHtmlEscaped());
        }
        ops += QStringLiteral("</ol>");
    }
    m_operations->setText(ops);
}

void MonitorTab::showAnalysis()
{
    const MonitorAnalysis& a = m_analysis;
    if (!a.error.isEmpty()) {
        m_driftNote->setText(a.error);
        m_scoreChart->showPlaceholder(a.error);
    } else if (a.hasDrift) {
        m_driftModel->setReport(a.drift);
        m_driftNote->setText(
            tr("Traffic lights: PSI/CSI at or above the warning band (watch) or the alert band "
               "(shifted) of params.yaml. The p-value is the chance of a figure this large "
               "between two samples of one population (PSI·nm/(n+m) ~ χ² with B − 1 degrees "
               "of freedom); a high PSI with a large p-value is a small batch's noise.") +
            (a.driftNote.isEmpty() ? QString() : QStringLiteral("\n") + a.driftNote.trimmed()));
        if (a.drift.hasScore) {
            fillDistribution(m_scoreChart, a.drift.score,
                             tr("Score (model PD) of the period over training: PSI %1")
                                 .arg(number(a.drift.score.psi, 4)));
        }
        m_driftTable->selectRow(a.drift.hasScore && a.drift.attributes.empty() ? 0 : 1);
    } else {
        m_driftModel->setReport({});
        m_driftNote->setText(a.driftNote);
        m_scoreChart->showPlaceholder(a.driftNote);
        m_attributeChart->showPlaceholder(a.driftNote);
    }

    const core::PerformanceEstimate& e = a.estimate;
    const core::RealisedPerformance& r = a.realised;
    const QString none = a.hasRealised ? QString() : tr("no outcomes imported");
    const core::PerformanceEstimate& same = r.estimateOnSameRows;
    const auto known = [&](const QString& text) { return a.hasRealised ? text : none; };
    struct Line
    {
        QString name;
        QString estimated;
        QString estimatedSame;
        QString realised;
    };
    const std::vector<Line> lines{
        {tr("Rows"), QLocale().toString(qint64(e.rows)),
         known(QLocale().toString(qint64(same.rows))), known(QLocale().toString(qint64(r.rows)))},
        {tr("Bad rate"), percentText(e.expectedBadRate), known(percentText(same.expectedBadRate)),
         known(interval(r.badRate, true))},
        {tr("Acceptance rate"), percentText(e.acceptanceRate),
         known(percentText(same.acceptanceRate)), known(interval(r.acceptanceRate, true))},
        {tr("Bad rate among accepted"), percentText(e.expectedBadRateAccepted),
         known(percentText(same.expectedBadRateAccepted)),
         known(interval(r.badRateAccepted, true))},
        {tr("AUC"), number(e.expectedAuc), known(number(same.expectedAuc)),
         known(interval(r.auc, false))},
        {tr("Expected cost per applicant"), number(e.expectedCost),
         known(number(same.expectedCost)), known(interval(r.cost, false))},
    };
    m_performance->setRowCount(int(lines.size()));
    for (std::size_t i = 0; i < lines.size(); ++i) {
        setCell(m_performance, int(i), 0, lines[i].name);
        setCell(m_performance, int(i), 1, lines[i].estimated);
        setCell(m_performance, int(i), 2, lines[i].estimatedSame);
        setCell(m_performance, int(i), 3, lines[i].realised);
    }
    if (a.hasRealised && r.belowThreshold) {
        for (int column = 0; column < 4; ++column) {
            m_performance->item(4, column)->setBackground(
                DriftTableModel::levelColour(core::DriftLevel::Shifted).lighter(170));
        }
    }
    m_grades->setRowCount(int(a.grades.size()));
    for (std::size_t i = 0; i < a.grades.size(); ++i) {
        const core::GradeBacktest& g = a.grades[i];
        const int row = int(i);
        setCell(m_grades, row, 0, QString::fromStdString(g.grade));
        setCell(m_grades, row, 1,
                QStringLiteral("%1 – %2").arg(percentText(g.lowerPd), percentText(g.upperPd)));
        setCell(m_grades, row, 2, QLocale().toString(qint64(g.rows)));
        setCell(m_grades, row, 3, percentText(g.meanPd, 2));
        setCell(m_grades, row, 4, percentText(g.badRate, 2));
        setCell(m_grades, row, 5, g.rows > 0 ? number(g.test.twoSided, 4) : QStringLiteral("–"));
        setCell(m_grades, row, 6, QString::fromStdString(g.verdict));
    }
    QString note = tr("Estimated figures count each applicant as bad with its PD (valid as far "
                      "as the PDs are calibrated for this population); realised ones use the "
                      "imported outcomes.");
    if (a.hasRealised && r.belowThreshold) {
        note += QLatin1Char(' ') + tr("Alert: the realised AUC is below the performance "
                                      "threshold (monitoring.performance_threshold).");
    }
    for (const std::string& warning : r.warnings) {
        if (warning.find("below the performance threshold") == std::string::npos) {
            note += QLatin1Char(' ') + QString::fromStdString(warning) + QLatin1Char('.');
        }
    }
    m_performanceNote->setText(note);
}

void MonitorTab::showAttribute(int row)
{
    const core::DriftFigure* f = m_driftModel->figure(row);
    if (f == nullptr) {
        return;
    }
    fillDistribution(m_attributeChart, *f,
                     tr("%1 now against training: %2 %3 (%4)")
                         .arg(f->isScore ? tr("Score") : QString::fromStdString(f->name),
                              f->isScore ? tr("PSI") : tr("CSI"), number(f->psi, 4),
                              DriftTableModel::levelText(f->level)));
}

bool MonitorTab::exportDriftCsv(const QString& path, QString* error) const
{
    return TableCsvWriter::save(*m_driftModel, path, error);
}

QString MonitorTab::importOutcomes(const QString& path)
{
    try {
        const auto outcomes = core::readOutcomeFile(QFile::encodeName(path).toStdString());
        core::PredictionLog log(m_logPath.toStdString());
        const core::OutcomeImport result = log.importOutcomes(outcomes);
        reload();
        return tr("%1 outcomes read from %2: %3 applicants found in the log, %4 records "
                  "updated.")
            .arg(result.outcomes)
            .arg(QFileInfo(path).fileName())
            .arg(result.matchedIds)
            .arg(result.records);
    } catch (const std::exception& error) {
        return tr("The outcomes were not imported: %1").arg(QString::fromUtf8(error.what()));
    }
}

} // namespace credit::ui
