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
#include <QLegendMarker>
#include <QLineF>
#include <QPen>
#include <QTextDocumentFragment>
#include <QValueAxis>
#include <QXYSeries>

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
    watchLegend();
}

void ChartWidget::watchLegend()
{
    m_legendFallbackWidth = -1.0;
    m_chart->legend()->setShowToolTips(true); // a cut label's full text on hover
    connect(m_chart, &QChart::plotAreaChanged, this, &ChartWidget::fitLegend);
}

bool ChartWidget::legendInsidePlot() const
{
    return !m_chart->legend()->isAttachedToChart();
}

bool ChartWidget::coversData(const QRectF& rect) const
{
    const auto series = m_chart->series();
    for (QAbstractSeries* s : series) {
        if (!s->isVisible()) {
            continue;
        }
        const auto* xy = qobject_cast<const QXYSeries*>(s);
        if (xy == nullptr) {
            return true; // bars, areas, pies: a box over them always hides something
        }
        const QList<QPointF> points = xy->points();
        const bool line = s->type() != QAbstractSeries::SeriesTypeScatter;
        QPointF previous;
        for (qsizetype i = 0; i < points.size(); ++i) {
            const QPointF p = m_chart->mapToPosition(points[i], s);
            if (rect.contains(p)) {
                return true;
            }
            if (line && i > 0) {
                const QLineF segment(previous, p);
                const QLineF edges[] = {{rect.topLeft(), rect.topRight()},
                                        {rect.topRight(), rect.bottomRight()},
                                        {rect.bottomRight(), rect.bottomLeft()},
                                        {rect.bottomLeft(), rect.topLeft()}};
                for (const QLineF& edge : edges) {
                    if (segment.intersects(edge, nullptr) == QLineF::BoundedIntersection) {
                        return true;
                    }
                }
            }
            previous = p;
        }
    }
    return false;
}

void ChartWidget::fitLegend()
{
    QLegend* legend = m_chart->legend();
    const QList<QLegendMarker*> markers = legend->markers();
    if (m_fittingLegend || !legend->isVisible() || markers.isEmpty()) {
        return;
    }
    m_fittingLegend = true;
    const auto attachAtBottom = [&] {
        if (!legend->isAttachedToChart()) {
            legend->attachToChart();
            legend->setBackgroundVisible(false);
            legend->setAlignment(Qt::AlignBottom);
        }
    };
    // One row: per marker its label, the colour square and the gaps Qt draws around them.
    const QFontMetrics metrics(legend->font());
    double needed = 0.0;
    for (const QLegendMarker* marker : markers) {
        if (marker->isVisible()) {
            needed += metrics.horizontalAdvance(marker->label()) + 2.5 * metrics.height();
        }
    }
    const double width = m_chart->size().width();
    const QMarginsF margins = m_chart->margins();
    if (needed <= width - margins.left() - margins.right() || width <= 0.0 ||
        qFuzzyCompare(width, m_legendFallbackWidth)) {
        attachAtBottom();
        m_fittingLegend = false;
        return;
    }
    if (legend->isAttachedToChart()) {
        legend->detachFromChart();
        legend->setAlignment(Qt::AlignLeft); // a detached legend lists its entries top-down
        legend->setBackgroundVisible(true);
        legend->setBrush(QColor(255, 255, 255, 225));
        legend->setPen(QPen(QColor(0xbb, 0xbb, 0xbb)));
    }
    const QRectF plot = m_chart->plotArea();
    // Qt's hint for a detached legend is its widest entry, one entry high: the list is as
    // wide as that and as high as the visible entries stacked (Qt lays them out top-down).
    const QSizeF entry = legend->effectiveSizeHint(Qt::PreferredSize);
    const auto visible = std::count_if(markers.begin(), markers.end(),
                                       [](const QLegendMarker* m) { return m->isVisible(); });
    qreal left = 0.0;
    qreal top = 0.0;
    qreal right = 0.0;
    qreal bottom = 0.0;
    if (legend->layout() != nullptr) {
        legend->layout()->getContentsMargins(&left, &top, &right, &bottom);
    }
    const double row = entry.height() - top - bottom;
    const QSizeF size(entry.width() + 2.0, top + bottom + row * double(visible) + 2.0);
    constexpr double kGap = 6.0;
    const QPointF corners[] = {
        {plot.right() - kGap - size.width(), plot.bottom() - kGap - size.height()},
        {plot.right() - kGap - size.width(), plot.top() + kGap},
        {plot.left() + kGap, plot.top() + kGap},
        {plot.left() + kGap, plot.bottom() - kGap - size.height()},
    };
    for (const QPointF& corner : corners) {
        const QRectF box(corner, size);
        if (size.width() < plot.width() && size.height() < plot.height() && !coversData(box)) {
            legend->setGeometry(box);
            legend->update();
            m_fittingLegend = false;
            return;
        }
    }
    m_legendFallbackWidth = width;
    attachAtBottom();
    m_fittingLegend = false;
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
    watchLegend();
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
    auto* self = const_cast<ChartWidget*>(this);
    self->layoutNow();
    self->fitLegend(); // at the export's own size
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
