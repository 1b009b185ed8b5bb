// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "threshold/cutoff_charts.h"

#include "widgets/chart_widget.h"

#include <QChart>
#include <QLegend>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <initializer_list>

namespace credit::ui {

namespace {

/// The loss chart's y value: expected cost per applicant, or total profit in thousands of DM
/// (axis labels such as "200" rather than "200000.0").
double lossValue(const core::CutoffPoint& p, bool profit)
{
    return profit ? p.profitTotal / 1000.0 : p.costPerApplicant;
}

} // namespace

CutoffCharts::CutoffCharts(ChartWidget* loss, ChartWidget* strategy)
    : m_lossChart(loss), m_strategyChart(strategy)
{
}

void CutoffCharts::moveCurrent(const core::CutoffPoint& current, double x, bool profit)
{
    if (!m_lossCurrent || !m_strategyCurrent) {
        return;
    }
    m_lossCurrent->replace(QList<QPointF>{{x, lossValue(current, profit)}});
    m_strategyCurrent->replace(QList<QPointF>{
        {current.acceptanceRate * 100.0,
         std::isnan(current.badRateAccepted) ? 0.0 : current.badRateAccepted * 100.0}});
}

void CutoffCharts::draw(const core::CutoffAnalysis& analysis,
                        const std::vector<core::CutoffPoint>& curvePoints,
                        const core::CutoffPoint& best, double cutoff, bool points,
                        const std::function<double(double)>& toAxis)
{
    m_lossCurrent = nullptr;
    m_strategyCurrent = nullptr;
    if (curvePoints.empty()) {
        return;
    }
    const bool profit = analysis.params().objective == core::CutoffObjective::Profit;
    auto lossOf = [&](const core::CutoffPoint& p) { return lossValue(p, profit); };

    m_lossChart->clear(profit ? tr("Total profit by cut-off") : tr("Expected cost by cut-off"));
    auto* curve = new QLineSeries;
    curve->setName(profit ? tr("Total profit (1,000 DM)")
                          : tr("Expected cost per applicant (cost units)"));
    double lo = 1e300;
    double hi = -1e300;
    for (const core::CutoffPoint& p : curvePoints) {
        const double x = toAxis(p.threshold);
        if (points && (p.threshold < 0.001 || p.threshold > 0.999)) {
            continue;
        }
        curve->append(x, lossOf(p));
        lo = std::min(lo, lossOf(p));
        hi = std::max(hi, lossOf(p));
    }
    auto* optimum = new QScatterSeries;
    optimum->setName(tr("Optimal cut-off"));
    optimum->setMarkerSize(11);
    optimum->setColor(QColor(0x2e, 0x7d, 0x32));
    optimum->append(toAxis(best.threshold), lossOf(best));
    m_lossCurrent = new QScatterSeries;
    m_lossCurrent->setName(tr("Current cut-off"));
    m_lossCurrent->setMarkerSize(11);
    m_lossCurrent->setColor(QColor(0xc6, 0x28, 0x28));
    const core::CutoffPoint current = analysis.at(cutoff);
    m_lossCurrent->append(toAxis(cutoff), lossOf(current));
    auto* theory = new QLineSeries;
    theory->setName(profit ? tr("Break-even PD") : tr("Bayes cut-off"));
    QPen dashed(QColor(0x55, 0x55, 0x55));
    dashed.setStyle(Qt::DashLine);
    dashed.setWidthF(1.5);
    theory->setPen(dashed);
    const double tx = toAxis(analysis.theoreticalThreshold());
    theory->append(tx, lo);
    theory->append(tx, hi);
    QChart* chart = m_lossChart->chart();
    for (QAbstractSeries* s :
         std::initializer_list<QAbstractSeries*>{curve, theory, optimum, m_lossCurrent}) {
        chart->addSeries(s);
    }
    // The PD axis names its scale: the population's only when the PDs are prior-corrected.
    const bool population = !std::isnan(analysis.params().populationBadRate);
    QValueAxis* x = m_lossChart->addValueAxis(
        Qt::AlignBottom, points       ? tr("Cut-off (scorecard points; reject below)")
                         : population ? tr("Cut-off: population PD (%; reject above)")
                                      : tr("Cut-off: PD (%; reject above)"));
    QValueAxis* y = m_lossChart->addValueAxis(Qt::AlignLeft, profit ? tr("Total profit (1,000 DM)")
                                                                    : tr("Cost / applicant"));
    if (profit) {
        y->setLabelFormat(QStringLiteral("%.0f"));
    }
    for (QAbstractSeries* s : chart->series()) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    if (!points) {
        x->setRange(0.0, 100.0);
    }
    x->applyNiceNumbers();
    y->applyNiceNumbers();

    m_strategyChart->clear(tr("Strategy curve: acceptance rate vs bad rate among accepted"));
    auto* strategy = new QLineSeries;
    strategy->setName(tr("All cut-offs"));
    for (const core::CutoffPoint& p : curvePoints) {
        if (p.acceptanceRate > 0.0) {
            strategy->append(p.acceptanceRate * 100.0, p.badRateAccepted * 100.0);
        }
    }
    auto* strategyOptimum = new QScatterSeries;
    strategyOptimum->setName(tr("Optimal cut-off"));
    strategyOptimum->setMarkerSize(11);
    strategyOptimum->setColor(QColor(0x2e, 0x7d, 0x32));
    strategyOptimum->append(best.acceptanceRate * 100.0,
                            std::isnan(best.badRateAccepted) ? 0.0 : best.badRateAccepted * 100.0);
    m_strategyCurrent = new QScatterSeries;
    m_strategyCurrent->setName(tr("Current cut-off"));
    m_strategyCurrent->setMarkerSize(11);
    m_strategyCurrent->setColor(QColor(0xc6, 0x28, 0x28));
    m_strategyCurrent->append(
        current.acceptanceRate * 100.0,
        std::isnan(current.badRateAccepted) ? 0.0 : current.badRateAccepted * 100.0);
    QChart* strategyChart = m_strategyChart->chart();
    strategyChart->addSeries(strategy);
    strategyChart->addSeries(strategyOptimum);
    strategyChart->addSeries(m_strategyCurrent);
    QValueAxis* sx =
        m_strategyChart->addValueAxis(Qt::AlignBottom, tr("Acceptance rate (% of applicants)"));
    QValueAxis* sy = m_strategyChart->addValueAxis(Qt::AlignLeft, tr("Bad rate, accepted (%)"));
    for (QAbstractSeries* s : strategyChart->series()) {
        s->attachAxis(sx);
        s->attachAxis(sy);
    }
    sx->setRange(0.0, 100.0);
    sy->setMin(0.0);
    sy->applyNiceNumbers();
}

} // namespace credit::ui
