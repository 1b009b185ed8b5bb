// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QRect>
#include <QString>
#include <QStringList>
#include <QWidget>

namespace credit::ui {

/// A square correlation matrix painted as a heatmap: a diverging colour scale (blue −1,
/// white 0, red +1) with the value written in each cell, the variable names on the left and
/// bottom, a colour legend on the right, and a tooltip per cell (names, coefficient, pairs).
/// NaN cells are grey and show "–".
class CorrelationHeatmap : public QWidget
{
    Q_OBJECT

public:
    explicit CorrelationHeatmap(QWidget* parent = nullptr);

    /// `values` and `pairs` are row-major names.size() × names.size(). `measure` names the
    /// coefficient in tooltips (e.g. "Pearson r").
    void setMatrix(const QStringList& names, const QList<double>& values, const QList<int>& pairs,
                   const QString& measure);
    int size() const { return int(m_names.size()); }
    double value(int row, int column) const;

    /// The cell (row, column) under `pos`, or (−1, −1).
    QPoint cellAt(const QPoint& pos) const;
    /// The rectangle of a cell in widget coordinates.
    QRect cellRect(int row, int column) const;
    /// Tooltip text for a cell (empty outside the matrix).
    QString cellToolTip(int row, int column) const;

    /// Blue–white–red colour of a coefficient in [−1, 1]; grey for NaN.
    static QColor colourFor(double r);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    struct Geometry
    {
        QRect grid;
        int cell = 0;
        QRect legend;
    };
    Geometry geometry() const;
    int labelWidth() const;

    QStringList m_names;
    QList<double> m_values;
    QList<int> m_pairs;
    QString m_measure;
};

} // namespace credit::ui
