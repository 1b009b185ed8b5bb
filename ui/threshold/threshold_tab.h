// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "main/tab_page.h"

#include "explain/cutoff_analysis.h"
#include "explain/scorecard_scale.h"

#include <memory>

class QCheckBox;
class QScatterSeries;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSlider;
class QStackedWidget;

namespace credit::ui {

class ChartWidget;

/// The Threshold tab: business inputs (cost matrix or profit model, population bad rate), the
/// cut-off on PD or on scorecard points, its figures live, the cost/profit and strategy curves
/// and the optimal cut-off with its bootstrap spread. Every figure comes from
/// core::CutoffAnalysis on the current model's out-of-fold predictions. The chosen cut-off
/// goes to AppState (threshold on the model's calibrated scale) with the decision settings.
class ThresholdTab : public TabPage
{
    Q_OBJECT

public:
    explicit ThresholdTab(AppState* state, QWidget* parent = nullptr);
    ~ThresholdTab() override;

    QString tabId() const override { return QStringLiteral("threshold"); }
    QString tabTitle() const override { return tr("Threshold"); }

    /// Cut-off on the population PD scale, as shown.
    double cutoff() const { return m_cutoff; }
    /// Sets the cut-off (population PD) as if the analyst had moved the slider.
    void setCutoff(double populationPd);
    /// Sets the cut-off to the optimum ("Use optimal").
    void useOptimal();
    /// The analysis in use, or nullptr without a model.
    const core::CutoffAnalysis* analysis() const { return m_analysis.get(); }
    /// Figures at the current cut-off.
    core::CutoffPoint currentPoint() const;

    // Widgets, for tests.
    QDoubleSpinBox* cutoffSpin() const { return m_cutoffSpin; }
    QComboBox* scaleCombo() const { return m_scale; }
    QComboBox* objectiveCombo() const { return m_objective; }
    QDoubleSpinBox* badAcceptedSpin() const { return m_badAccepted; }
    QDoubleSpinBox* goodRejectedSpin() const { return m_goodRejected; }
    QDoubleSpinBox* populationRateSpin() const { return m_populationRate; }
    QCheckBox* priorCheck() const { return m_prior; }
    QLabel* figuresLabel() const { return m_figures; }
    QLabel* optimumLabel() const { return m_optimumLabel; }

private:
    void rebuild();
    void onInputsChanged();
    void onSpinChanged();
    void onSliderChanged(int value);
    void updateFigures();
    void updateCharts();
    void syncControls();
    double displayValue(double populationPd) const;
    double fromDisplay(double value) const;
    bool pointsScale() const;

    QComboBox* m_objective;
    QStackedWidget* m_inputsStack;
    QDoubleSpinBox* m_badAccepted;
    QDoubleSpinBox* m_goodRejected;
    QDoubleSpinBox* m_margin;
    QDoubleSpinBox* m_lgd;
    QCheckBox* m_prior;
    QDoubleSpinBox* m_populationRate;
    QLabel* m_theory;
    QLabel* m_inputError;
    QComboBox* m_scale;
    QSlider* m_slider;
    QDoubleSpinBox* m_cutoffSpin;
    QPushButton* m_useOptimal;
    QLabel* m_optimumLabel;
    QLabel* m_figures;
    QLabel* m_emptyState;
    ChartWidget* m_lossChart;
    ChartWidget* m_strategyChart;
    QScatterSeries* m_lossCurrent = nullptr;
    QScatterSeries* m_strategyCurrent = nullptr;

    std::unique_ptr<core::CutoffAnalysis> m_analysis;
    std::vector<core::CutoffPoint> m_curve;
    core::CutoffPoint m_optimum;
    core::BootstrapInterval m_spread;
    core::ScorecardScale m_scaleParams;
    double m_cutoff = 0.5;
    bool m_updating = false;
};

} // namespace credit::ui
