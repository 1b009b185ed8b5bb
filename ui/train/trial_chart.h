// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/chart_widget.h"

#include <QColor>
#include <QList>
#include <QMap>
#include <QPointF>
#include <QString>

class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace credit::ui {

/// The live chart of a random search: one point per finished trial (cross-validated ROC-AUC
/// against the trial's number within its algorithm), one colour per algorithm, and a line of
/// each algorithm's running best. addTrial() only stores; refresh() (called a few times a
/// second) pushes what changed into the series.
class TrialChart : public ChartWidget
{
    Q_OBJECT

public:
    explicit TrialChart(QWidget* parent = nullptr);

    /// Removes every point and declares the algorithms of the new run (legend order).
    void reset(const QStringList& algorithms, const QStringList& displayNames);
    /// Stores one finished trial: its 1-based number within the algorithm and its AUC.
    void addTrial(const QString& algorithm, int number, double auc);
    /// Redraws the series that received trials since the last call.
    void refresh();

    int pointCount() const;
    /// The colour used for `algorithm` in every Train/Evaluate chart.
    static QColor colourFor(const QString& algorithm);

private:
    struct Track
    {
        QScatterSeries* points = nullptr;
        QLineSeries* best = nullptr;
        QList<QPointF> trials;
        QList<QPointF> bestLine;
        bool dirty = false;
    };
    void updateAxes();

    QMap<QString, Track> m_tracks;
    QValueAxis* m_x = nullptr;
    QValueAxis* m_y = nullptr;
    double m_minAuc = 1.0;
    double m_maxAuc = 0.0;
    int m_maxTrial = 0;
};

} // namespace credit::ui
