// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "widgets/chart_widget.h"

#include <QAbstractBarSeries>
#include <QAbstractSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFontMetrics>
#include <QGraphicsLayout>
#include <QLegend>
#include <QTextDocumentFragment>
#include <QValueAxis>

#include <algorithm>

namespace credit::ui {

ChartWidget::ChartWidget(QWidget* parent)
    // Given the chart at construction, the view owns it and makes no default chart of its own
    // (setChart() afterwards would orphan that default chart: a leak per widget).
    : ExportablePanel(parent), m_chart(makeChart()), m_view(new QChartView(m_chart))
{
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(240, 180);
    setContent(m_view);
}

QChart* ChartWidget::makeChart()
{
    auto* chart = new QChart;
    chart->setTheme(QChart::ChartThemeLight);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(6, 6, 6, 6));
    chart->legend()->setAlignment(Qt::AlignBottom);
    QFont titleFont = chart->titleFont();
    titleFont.setPointSizeF(10.5);
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    return chart;
}

void ChartWidget::clear(const QString& title)
{
    // A fresh chart rather than removing series and axes: Qt Charts deletes the graphics items
    // of removed axes only on the next event-loop turn, so a grab or export made right after
    // refilling would still show the old axes.
    QChart* old = m_chart;
    m_chart = makeChart();
    m_chart->setTitle(title);
    m_view->setChart(m_chart);
    delete old;
    showContent();
}

QValueAxis* ChartWidget::addValueAxis(Qt::Alignment alignment, const QString& title,
                                      QAbstractSeries* series)
{
    auto* axis = new QValueAxis;
    axis->setTitleText(title);
    styleAxis(axis);
    m_chart->addAxis(axis, alignment);
    if (series != nullptr) {
        series->attachAxis(axis);
    }
    return axis;
}

QBarCategoryAxis* ChartWidget::addCategoryAxis(Qt::Alignment alignment, const QString& title,
                                               const QStringList& categories,
                                               QAbstractSeries* series)
{
    auto* axis = new QBarCategoryAxis;
    axis->append(categories);
    axis->setTitleText(title);
    styleAxis(axis);
    m_chart->addAxis(axis, alignment);
    if (series != nullptr) {
        series->attachAxis(axis);
    }
    return axis;
}

void ChartWidget::attach(QAbstractSeries* series, QAbstractAxis* axis)
{
    series->attachAxis(axis);
}

QAbstractAxis* ChartWidget::axisAt(Qt::Alignment alignment) const
{
    const auto axes = m_chart->axes();
    for (QAbstractAxis* axis : axes) {
        if (axis->alignment() == alignment) {
            return axis;
        }
    }
    return nullptr;
}

void ChartWidget::layoutNow()
{
    if (m_chart->layout() != nullptr) {
        m_chart->layout()->activate();
    }
}

void ChartWidget::keepLabelsWhole(QBarCategoryAxis* axis, QAbstractBarSeries* bars)
{
    const auto fit = [axis, bars](const QRectF& area) {
        const QStringList categories = axis->categories();
        if (categories.isEmpty() || area.width() <= 0) {
            return;
        }
        const double perCategory = area.width() / double(categories.size());
        const QFontMetrics labelMetrics(axis->labelsFont());
        int widest = 0;
        for (const QString& category : categories) {
            // Categories are rich text ("&lt;0"): measure what is drawn.
            widest = std::max(widest, labelMetrics.horizontalAdvance(
                                          QTextDocumentFragment::fromHtml(category).toPlainText()));
        }
        const int angle = widest + 8 > perCategory ? -90 : 0;
        if (axis->labelsAngle() != angle) {
            axis->setLabelsAngle(angle);
        }
        if (bars == nullptr) {
            return;
        }
        const QList<QBarSet*> sets = bars->barSets();
        double widestValue = 0;
        for (const QBarSet* set : sets) {
            const QFontMetrics valueMetrics(set->labelFont());
            for (int i = 0; i < set->count(); ++i) {
                QString text = bars->labelsFormat();
                text.replace(QStringLiteral("@value"), QString::number(set->at(i)));
                widestValue = std::max(widestValue, double(valueMetrics.horizontalAdvance(text)));
            }
        }
        const double barWidth =
            perCategory * bars->barWidth() / std::max<qsizetype>(1, sets.size());
        const bool visible = widestValue + 4 <= barWidth;
        if (bars->isLabelsVisible() != visible) {
            bars->setLabelsVisible(visible);
        }
    };
    connect(m_chart, &QChart::plotAreaChanged, axis, fit);
    fit(m_chart->plotArea());
}

QSize ChartWidget::exportSize() const
{
    return ExportablePanel::exportSize().expandedTo(kMinimumExportSize);
}

void ChartWidget::prepareRender() const
{
    const_cast<ChartWidget*>(this)->layoutNow();
}

void ChartWidget::styleAxis(QAbstractAxis* axis) const
{
    QFont labels = axis->labelsFont();
    labels.setPointSizeF(8.5);
    axis->setLabelsFont(labels);
    QFont title = axis->titleFont();
    title.setPointSizeF(9);
    title.setBold(false);
    axis->setTitleFont(title);
}

} // namespace credit::ui
