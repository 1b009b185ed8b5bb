// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "train/trial_chart.h"

#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace credit::ui {

TrialChart::TrialChart(QWidget* parent) : ChartWidget(parent)
{
    setExportName(QStringLiteral("search_progress"));
    reset({}, {});
}

QColor TrialChart::colourFor(const QString& algorithm)
{
    if (algorithm == QLatin1String("lr")) {
        return QColor(0x1f, 0x77, 0xb4);
    }
    if (algorithm == QLatin1String("rf")) {
        return QColor(0x2c, 0xa0, 0x2c);
    }
    if (algorithm == QLatin1String("gbdt")) {
        return QColor(0xd6, 0x27, 0x28);
    }
    if (algorithm == QLatin1String("svm")) {
        return QColor(0x94, 0x67, 0xbd);
    }
    if (algorithm == QLatin1String("ensemble")) {
        return QColor(0xff, 0x7f, 0x0e);
    }
    return QColor(0x7f, 0x7f, 0x7f);
}

void TrialChart::reset(const QStringList& algorithms, const QStringList& displayNames)
{
    clear(tr("Random search: CV ROC-AUC per trial"));
    m_tracks.clear();
    m_minAuc = 1.0;
    m_maxAuc = 0.0;
    m_maxTrial = 0;
    m_x = addValueAxis(Qt::AlignBottom, tr("Trial number within its algorithm"));
    m_y = addValueAxis(Qt::AlignLeft, tr("ROC-AUC (mean over CV folds)"));
    m_x->setLabelFormat(QStringLiteral("%d"));
    m_y->setLabelFormat(QStringLiteral("%.3f"));
    for (int i = 0; i < algorithms.size(); ++i) {
        const QString& algorithm = algorithms.at(i);
        const QString name = i < displayNames.size() ? displayNames.at(i) : algorithm;
        Track track;
        const QColor colour = colourFor(algorithm);
        track.points = new QScatterSeries;
        track.points->setName(name);
        track.points->setMarkerSize(7.0);
        track.points->setColor(colour);
        track.points->setBorderColor(colour.darker(130));
        track.best = new QLineSeries;
        track.best->setName(tr("%1, best so far").arg(name));
        QPen pen(colour);
        pen.setWidthF(2.0);
        track.best->setPen(pen);
        chart()->addSeries(track.best);
        chart()->addSeries(track.points);
        for (QAbstractSeries* series : {static_cast<QAbstractSeries*>(track.best),
                                        static_cast<QAbstractSeries*>(track.points)}) {
            attach(series, m_x);
            attach(series, m_y);
        }
        // One legend entry per algorithm: the scatter marker carries the name.
        const auto markers = chart()->legend()->markers(track.best);
        for (QLegendMarker* marker : markers) {
            marker->setVisible(false);
        }
        m_tracks.insert(algorithm, track);
    }
    updateAxes();
}

void TrialChart::addTrial(const QString& algorithm, int number, double auc)
{
    auto it = m_tracks.find(algorithm);
    if (it == m_tracks.end() || !std::isfinite(auc)) {
        return;
    }
    Track& track = it.value();
    track.trials.append(QPointF(number, auc));
    // The running best in trial order: trials may finish out of order on several threads.
    std::sort(track.trials.begin(), track.trials.end(),
              [](const QPointF& a, const QPointF& b) { return a.x() < b.x(); });
    track.bestLine.clear();
    double best = -1.0;
    for (const QPointF& p : track.trials) {
        best = std::max(best, p.y());
        track.bestLine.append(QPointF(p.x(), best));
    }
    track.dirty = true;
    m_minAuc = std::min(m_minAuc, auc);
    m_maxAuc = std::max(m_maxAuc, auc);
    m_maxTrial = std::max(m_maxTrial, number);
}

void TrialChart::refresh()
{
    bool any = false;
    for (Track& track : m_tracks) {
        if (track.dirty) {
            track.points->replace(track.trials);
            track.best->replace(track.bestLine);
            track.dirty = false;
            any = true;
        }
    }
    if (any) {
        updateAxes();
    }
}

int TrialChart::pointCount() const
{
    int count = 0;
    for (const Track& track : m_tracks) {
        count += int(track.trials.size());
    }
    return count;
}

void TrialChart::updateAxes()
{
    const int top = std::max(5, m_maxTrial + 1);
    m_x->setRange(0, top);
    m_x->setTickType(QValueAxis::TicksDynamic);
    m_x->setTickAnchor(0);
    m_x->setTickInterval(std::max(1, int(std::ceil(top / 10.0))));
    if (m_maxAuc < m_minAuc) {
        m_y->setRange(0.5, 1.0);
        return;
    }
    // Round outwards to 0.01 with a little headroom so that points never sit on the frame.
    const double low = std::max(0.0, std::floor((m_minAuc - 0.005) * 100.0) / 100.0);
    const double high = std::min(1.0, std::ceil((m_maxAuc + 0.005) * 100.0) / 100.0);
    m_y->setRange(low, std::max(high, low + 0.02));
}

} // namespace credit::ui
