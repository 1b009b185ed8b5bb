// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "explain/cutoff_analysis.h"

#include <QCoreApplication>

#include <functional>
#include <vector>

class QScatterSeries;

namespace credit::ui {

class ChartWidget;

/// The Threshold tab's two charts: expected cost (or total profit) by cut-off, and the strategy
/// curve (acceptance rate vs bad rate among accepted), each with the optimal and the current
/// cut-off marked. Every number comes from core::CutoffAnalysis.
class CutoffCharts
{
    Q_DECLARE_TR_FUNCTIONS(credit::ui::CutoffCharts)

public:
    CutoffCharts(ChartWidget* loss, ChartWidget* strategy);

    /// Redraws both charts from `curve` (CutoffAnalysis::curve()) with `optimum` and the current
    /// `cutoff` (population PD) marked. `toAxis` maps a population PD to the cut-off axis: PD
    /// in % or scorecard `points` (then PDs outside [0.001, 0.999] are left out).
    void draw(const core::CutoffAnalysis& analysis, const std::vector<core::CutoffPoint>& curve,
              const core::CutoffPoint& optimum, double cutoff, bool points,
              const std::function<double(double)>& toAxis);
    /// Moves the current cut-off markers to `current`, at `x` on the cut-off axis; nothing
    /// before the first draw().
    void moveCurrent(const core::CutoffPoint& current, double x, bool profit);

private:
    ChartWidget* m_lossChart;
    ChartWidget* m_strategyChart;
    QScatterSeries* m_lossCurrent = nullptr;
    QScatterSeries* m_strategyCurrent = nullptr;
};

} // namespace credit::ui
