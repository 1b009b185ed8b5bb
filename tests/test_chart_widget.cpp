// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// Item 17 of issue 13: a legend whose labels do not fit in one row must neither cut the values
// being compared nor cover the data.
#include "widgets/chart_widget.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>
#include <QXYSeries>
#include <QtTest/QtTest>

#include <cmath>

using credit::ui::ChartWidget;

namespace {

/// A ROC-like chart: `curves` concave curves above the diagonal plus the diagonal, named
/// with long labels.
void fillRocLike(ChartWidget& chart, int curves, const QString& suffix)
{
    chart.clear(QStringLiteral("ROC"));
    auto* x = chart.addValueAxis(Qt::AlignBottom, QStringLiteral("FPR (%)"));
    auto* y = chart.addValueAxis(Qt::AlignLeft, QStringLiteral("TPR (%)"));
    x->setRange(0, 100);
    y->setRange(0, 100);
    for (int c = 0; c < curves; ++c) {
        auto* series = new QLineSeries;
        series->setName(QStringLiteral("Model number %1%2").arg(c).arg(suffix));
        for (int i = 0; i <= 50; ++i) {
            const double f = i / 50.0;
            series->append(100.0 * f, 100.0 * std::pow(f, 0.25 + 0.1 * c));
        }
        chart.chart()->addSeries(series);
        ChartWidget::attach(series, x);
        ChartWidget::attach(series, y);
    }
    auto* chance = new QLineSeries;
    chance->setName(QStringLiteral("Chance"));
    chance->append(0, 0);
    chance->append(100, 100);
    chart.chart()->addSeries(chance);
    ChartWidget::attach(chance, x);
    ChartWidget::attach(chance, y);
}

/// Whether a series point or a line between two points lies in `box` (checked densely).
bool anyDataIn(const ChartWidget& chart, const QRectF& box)
{
    const auto series = chart.chart()->series();
    for (QAbstractSeries* s : series) {
        const QList<QPointF> points = static_cast<QXYSeries*>(s)->points();
        for (qsizetype i = 1; i < points.size(); ++i) {
            for (int step = 0; step <= 100; ++step) {
                const QPointF p = points[i - 1] + (points[i] - points[i - 1]) * (step / 100.0);
                if (box.contains(chart.chart()->mapToPosition(p, s))) {
                    return true;
                }
            }
        }
    }
    return false;
}

} // namespace

class TestChartWidget : public QObject
{
    Q_OBJECT

private slots:
    void shortLegendStaysBelow()
    {
        ChartWidget chart;
        chart.resize(900, 500);
        chart.show();
        fillRocLike(chart, 2, {});
        chart.layoutNow();
        chart.fitLegend();
        QVERIFY(!chart.legendInsidePlot());
        QCOMPARE(chart.chart()->legend()->alignment(), Qt::AlignBottom);
    }

    void longLegendMovesIntoAFreeCorner()
    {
        ChartWidget chart;
        chart.resize(760, 460);
        chart.show();
        fillRocLike(chart, 4, QStringLiteral(": AUC 0.790 (0.760–0.820)"));
        chart.layoutNow();
        chart.fitLegend();
        QVERIFY(chart.legendInsidePlot());
        const QRectF box = chart.chart()->legend()->geometry();
        const QRectF plot = chart.chart()->plotArea();
        QVERIFY2(plot.contains(box), "the legend stays inside the plot area");
        QVERIFY2(!anyDataIn(chart, box), "the legend covers no curve");
        // Below the diagonal: the bottom right corner of a ROC chart.
        QVERIFY(box.center().x() > plot.center().x());
        QVERIFY(box.center().y() > plot.center().y());
        // Wide again: back below the chart in one row.
        chart.resize(1600, 420);
        chart.layoutNow();
        chart.fitLegend();
        QVERIFY(!chart.legendInsidePlot());
    }

    void noFreeCornerKeepsTheLegendBelowWithTooltips()
    {
        // Bars fill the plot: a box over them would hide bars, so the legend stays below.
        ChartWidget chart;
        chart.resize(400, 300);
        chart.show();
        chart.clear(QStringLiteral("Bars"));
        auto* bars = new QBarSeries;
        for (int i = 0; i < 6; ++i) {
            auto* set = new QBarSet(QStringLiteral("A rather long bar set name %1").arg(i));
            *set << 1 << 2 << 3;
            bars->append(set);
        }
        chart.chart()->addSeries(bars);
        chart.layoutNow();
        chart.fitLegend();
        QVERIFY(!chart.legendInsidePlot());
        QVERIFY(chart.chart()->legend()->showToolTips());
    }
};

QTEST_MAIN(TestChartWidget)

#include "test_chart_widget.moc"
