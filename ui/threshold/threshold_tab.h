// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "main/tab_page.h"

#include "explain/cutoff_analysis.h"
#include "policy/decision_policy.h"

#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QSlider;
class QStackedWidget;

namespace credit::ui {

class ChartWidget;
class CutoffCharts;
class OptimumSpreadJob;
class ScorecardDialog;

/// The Threshold tab: business inputs (cost matrix or profit model, population bad rate), the
/// cut-off on PD or on scorecard points, its figures live, the cost/profit and strategy curves
/// and the optimal cut-off with its bootstrap spread. Every figure comes from
/// core::CutoffAnalysis on the current model's out-of-fold predictions. The chosen cut-off
/// goes to AppState's DecisionPolicy (threshold on the model's calibrated scale) with the inputs.
/// The scorecard scale and risk grades are set in a ScorecardDialog opened from the tab.
///
/// The bootstrap spread runs off the GUI thread; isContentReady() is false until it is shown.
/// A result whose inputs changed meanwhile is discarded, and the destructor cancels the job.
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
    /// The bootstrap spread of the optimum shown; NaN bounds while it is being computed.
    const core::BootstrapInterval& spread() const { return m_spread; }
    bool isSpreadPending() const;
    bool isContentReady() const override { return !isSpreadPending(); }

    /// The "Scorecard and grades" dialog (created on first use, not shown).
    ScorecardDialog* scorecardDialog();
    /// Shows and raises it.
    void showScorecardDialog();

    // Widgets, for tests.
    QDoubleSpinBox* cutoffSpin() const { return m_cutoffSpin; }
    QComboBox* scaleCombo() const { return m_scale; }
    QComboBox* objectiveCombo() const { return m_objective; }
    QDoubleSpinBox* badAcceptedSpin() const { return m_badAccepted; }
    QDoubleSpinBox* goodRejectedSpin() const { return m_goodRejected; }
    QDoubleSpinBox* populationRateSpin() const { return m_populationRate; }
    QCheckBox* priorCheck() const { return m_prior; }
    QLabel* figuresLabel() const { return m_figures; }
    QGroupBox* figuresBox() const { return m_figuresBox; }
    ChartWidget* lossChart() const { return m_lossChart; }
    QLabel* optimumLabel() const { return m_optimumLabel; }
    QPushButton* scorecardButton() const { return m_scorecardButton; }

signals:
    /// The bootstrap spread of the current inputs has arrived and is shown.
    void spreadComputed();

private:
    void rebuild();
    void onInputsChanged();
    void onSpinChanged();
    void onSliderChanged(int value);
    void updateFigures();
    void updateCharts();
    void updateOptimumLabel();
    void syncControls();
    void onPolicyChanged();
    const core::ScorecardScale& scale() const;
    void onSpreadFinished(const core::BootstrapInterval& spread, const QString& error);
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
    QPushButton* m_scorecardButton;
    ScorecardDialog* m_scorecardDialog = nullptr;
    QLabel* m_optimumLabel;
    QLabel* m_figures;
    QGroupBox* m_figuresBox;
    QLabel* m_emptyState;
    ChartWidget* m_lossChart;
    ChartWidget* m_strategyChart;

    std::shared_ptr<const core::CutoffAnalysis> m_analysis; ///< shared with the spread job
    std::vector<core::CutoffPoint> m_curve;
    core::CutoffPoint m_optimum;
    core::BootstrapInterval m_spread;
    double m_cutoff = 0.5;
    bool m_updating = false;
    OptimumSpreadJob* m_spreadJob;
    std::unique_ptr<CutoffCharts> m_charts;
};

} // namespace credit::ui
