// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "widgets/correlation_heatmap.h"

#include <QFontMetrics>
#include <QHelpEvent>
#include <QLinearGradient>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace credit::ui {
namespace {

constexpr int kMargin = 8;
constexpr int kLegendWidth = 14;
constexpr int kLegendGap = 46; // room for the legend's tick labels

QColor mix(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

} // namespace

CorrelationHeatmap::CorrelationHeatmap(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent, false);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
}

void CorrelationHeatmap::setMatrix(const QStringList& names, const QList<double>& values,
                                   const QList<int>& pairs, const QString& measure)
{
    m_names = names;
    m_values = values;
    m_pairs = pairs;
    m_measure = measure;
    updateGeometry();
    update();
}

double CorrelationHeatmap::value(int row, int column) const
{
    const qsizetype index = qsizetype(row) * m_names.size() + column;
    return index >= 0 && index < m_values.size() ? m_values[index] : std::nan("");
}

QColor CorrelationHeatmap::colourFor(double r)
{
    if (std::isnan(r)) {
        return QColor(220, 220, 220);
    }
    r = std::clamp(r, -1.0, 1.0);
    static const QColor blue(33, 102, 172);
    static const QColor red(178, 24, 43);
    static const QColor white(247, 247, 247);
    return r < 0 ? mix(white, blue, -r) : mix(white, red, r);
}

int CorrelationHeatmap::labelWidth() const
{
    const QFontMetrics fm(font());
    int width = 0;
    for (const QString& name : m_names) {
        width = std::max(width, fm.horizontalAdvance(name));
    }
    return width + 8;
}

CorrelationHeatmap::Geometry CorrelationHeatmap::geometry() const
{
    Geometry g;
    const int n = std::max<int>(1, int(m_names.size()));
    const int labels = labelWidth();
    // Column labels are drawn at 45°, so they need about 0.71 × their width below the grid.
    const int bottom = int(labels * 0.72) + 4;
    const int availW = width() - labels - 2 * kMargin - kLegendGap - kLegendWidth;
    const int availH = height() - bottom - 2 * kMargin;
    g.cell = std::max(12, std::min(availW, availH) / n);
    g.grid = QRect(kMargin + labels, kMargin, g.cell * n, g.cell * n);
    g.legend = QRect(g.grid.right() + 18, g.grid.top(), kLegendWidth, g.grid.height());
    return g;
}

QPoint CorrelationHeatmap::cellAt(const QPoint& pos) const
{
    const Geometry g = geometry();
    if (!g.grid.contains(pos) || m_names.isEmpty()) {
        return {-1, -1};
    }
    const int column = (pos.x() - g.grid.left()) / g.cell;
    const int row = (pos.y() - g.grid.top()) / g.cell;
    return {row, column}; // (x = row, y = column)
}

QRect CorrelationHeatmap::cellRect(int row, int column) const
{
    const Geometry g = geometry();
    return QRect(g.grid.left() + column * g.cell, g.grid.top() + row * g.cell, g.cell, g.cell);
}

QString CorrelationHeatmap::cellToolTip(int row, int column) const
{
    if (row < 0 || column < 0 || row >= m_names.size() || column >= m_names.size()) {
        return {};
    }
    const double r = value(row, column);
    const qsizetype index = qsizetype(row) * m_names.size() + column;
    const int pairs = index < m_pairs.size() ? m_pairs[index] : 0;
    const QString coefficient = std::isnan(r)
                                    ? tr("undefined (constant column or fewer than 2 pairs)")
                                    : QLocale().toString(r, 'f', 3);
    return tr("%1 × %2\n%3 = %4\nfrom %5 rows with both values")
        .arg(m_names[row], m_names[column], m_measure, coefficient, QLocale().toString(pairs));
}

QSize CorrelationHeatmap::sizeHint() const
{
    const int n = std::max<int>(1, int(m_names.size()));
    const int labels = labelWidth();
    return {labels + n * 56 + kLegendGap + kLegendWidth + 2 * kMargin + 20,
            n * 56 + int(labels * 0.72) + 2 * kMargin + 4};
}

QSize CorrelationHeatmap::minimumSizeHint() const
{
    return {240, 200};
}

bool CorrelationHeatmap::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QPoint cell = cellAt(help->pos());
        const QString text = cellToolTip(cell.x(), cell.y());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this, cellRect(cell.x(), cell.y()));
        }
        return true;
    }
    return QWidget::event(event);
}

void CorrelationHeatmap::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    if (m_names.isEmpty()) {
        p.drawText(rect(), Qt::AlignCenter, tr("No numeric attributes to correlate"));
        return;
    }
    const Geometry g = geometry();
    const int n = int(m_names.size());
    QFont cellFont = font();
    cellFont.setPointSizeF(std::clamp(g.cell / 5.5, 6.5, 10.0));
    for (int row = 0; row < n; ++row) {
        for (int column = 0; column < n; ++column) {
            const QRect cell = cellRect(row, column);
            const double r = value(row, column);
            p.fillRect(cell, colourFor(r));
            p.setPen(QColor(255, 255, 255));
            p.drawRect(cell.adjusted(0, 0, -1, -1));
            p.setFont(cellFont);
            p.setPen(!std::isnan(r) && std::fabs(r) > 0.6 ? Qt::white : QColor(30, 30, 30));
            p.drawText(cell, Qt::AlignCenter,
                       std::isnan(r) ? QStringLiteral("–") : QLocale().toString(r, 'f', 2));
        }
    }
    p.setFont(font());
    p.setPen(palette().color(QPalette::WindowText));
    const QFontMetrics fm(font());
    for (int i = 0; i < n; ++i) {
        const QRect rowCell = cellRect(i, 0);
        p.drawText(QRect(kMargin, rowCell.top(), g.grid.left() - kMargin - 6, rowCell.height()),
                   Qt::AlignRight | Qt::AlignVCenter, m_names[i]);
        // Column names at 45°, ending just below their column.
        const QRect colCell = cellRect(n - 1, i);
        p.save();
        p.translate(colCell.center().x(), g.grid.bottom() + 4);
        p.rotate(-45);
        const int w = fm.horizontalAdvance(m_names[i]);
        p.drawText(QRect(-w, 0, w, fm.height()), Qt::AlignRight | Qt::AlignTop, m_names[i]);
        p.restore();
    }

    // Colour legend: +1 at the top, −1 at the bottom.
    QLinearGradient gradient(g.legend.topLeft(), g.legend.bottomLeft());
    for (int k = 0; k <= 10; ++k) {
        gradient.setColorAt(k / 10.0, colourFor(1.0 - k / 5.0));
    }
    p.fillRect(g.legend, gradient);
    p.setPen(palette().color(QPalette::Mid));
    p.drawRect(g.legend.adjusted(0, 0, -1, -1));
    p.setPen(palette().color(QPalette::WindowText));
    for (double tick : {1.0, 0.5, 0.0, -0.5, -1.0}) {
        const int y = g.legend.top() + int((1.0 - tick) / 2.0 * g.legend.height());
        p.drawLine(g.legend.right(), y, g.legend.right() + 3, y);
        p.drawText(QRect(g.legend.right() + 5, y - fm.height() / 2, kLegendGap, fm.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, QLocale().toString(tick, 'f', 1));
    }
}

} // namespace credit::ui
