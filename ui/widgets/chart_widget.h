// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/exportable_panel.h"

#include <QRectF>
#include <QSize>
#include <QString>

class QAbstractAxis;
class QAbstractBarSeries;
class QAbstractSeries;
class QChart;
class QChartView;
class QValueAxis;
class QBarCategoryAxis;

namespace credit::ui {

/// The shared base of every chart: a QChartView with the project's theme (light, no animation,
/// legend at the bottom, antialiasing), an empty/error placeholder and PNG/SVG export (see
/// ExportablePanel). Subclasses or callers fill it through chart() after clear().
class ChartWidget : public ExportablePanel
{
    Q_OBJECT

public:
    explicit ChartWidget(QWidget* parent = nullptr);

    QChart* chart() const { return m_chart; }
    QChartView* chartView() const { return m_view; }

    /// Replaces the chart by a fresh, empty one with the theme and `title`, and shows it (not
    /// the placeholder). Pointers from chart() before the call become invalid.
    void clear(const QString& title = {});

    /// A value axis at `alignment` titled `title`, attached to `series` (may be null).
    QValueAxis* addValueAxis(Qt::Alignment alignment, const QString& title,
                             QAbstractSeries* series = nullptr);
    /// A category axis at `alignment` with `categories`, attached to `series` (may be null).
    QBarCategoryAxis* addCategoryAxis(Qt::Alignment alignment, const QString& title,
                                      const QStringList& categories,
                                      QAbstractSeries* series = nullptr);
    /// Attaches an existing axis of the chart to `series`.
    static void attach(QAbstractSeries* series, QAbstractAxis* axis);

    /// Lays the chart out now instead of on the next event-loop turn, so that a grab or an
    /// export right after filling it shows the new title, axes and legend.
    void layoutNow();

    /// The axis of the chart with `alignment` (the first one), or nullptr.
    QAbstractAxis* axisAt(Qt::Alignment alignment) const;

    /// Keeps the labels of a bottom category axis and the value labels of `bars` (may be null)
    /// whole whatever the chart's width: category labels turn vertical when they no longer
    /// fit side by side, and a bar's value label is hidden (its tooltip and the table keep
    /// the number) when it is wider than the bar, instead of being clipped into another number.
    /// `bars` is a grouped (not stacked) series: each category holds one bar per set.
    void keepLabelsWhole(QBarCategoryAxis* axis, QAbstractBarSeries* bars = nullptr);

    /// Every chart's legend stays readable on its own (called on each layout of the chart):
    /// at the bottom while its labels fit in one row; when they do not, it moves into the
    /// first corner of the plot area (bottom right, top right, top left, bottom left) where
    /// it crosses no line or point of the data, as a list on a translucent box; when no
    /// corner is free (or the chart has bars or areas) it stays at the bottom with the cut
    /// labels' full text in tooltips. Public for tests.
    void fitLegend();
    /// True when fitLegend() has put the legend inside the plot area.
    bool legendInsidePlot() const;

    /// Exports are drawn at least kMinimumExportSize (logical pixels), so that a chart
    /// squeezed on screen is exported with every label whole.
    QSize exportSize() const override;
    static constexpr QSize kMinimumExportSize{960, 600};

protected:
    void prepareRender() const override;

private:
    void styleAxis(QAbstractAxis* axis) const;
    static QChart* makeChart();
    void watchLegend();
    /// Whether `rect` (chart coordinates) crosses a point or line of the chart's data; true for
    /// series that are not lines or points (bars, areas), which a legend box would hide.
    bool coversData(const QRectF& rect) const;

    QChart* m_chart;
    QChartView* m_view;
    bool m_fittingLegend = false;
    /// Chart width at which no free corner was found: the legend stays at the bottom there,
    /// so that moving it back (which changes the plot area) cannot start a loop.
    double m_legendFallbackWidth = -1.0;
};

} // namespace credit::ui
