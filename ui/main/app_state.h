// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "data/dataset.h"
#include "eval/cost_analysis.h"
#include "eval/profit_analysis.h"
#include "explain/risk_grading.h"
#include "explain/scorecard_scale.h"

#include <QObject>
#include <QString>

#include <limits>
#include <memory>

namespace credit::core {
class ModelBundle;
class TrainedModel;
struct TrainingResult;
} // namespace credit::core

namespace credit::ui {

/// The shared application state. Tabs read it and react to its signals; they never talk to
/// each other directly. Lives on the GUI thread.
class AppState : public QObject
{
    Q_OBJECT

public:
    explicit AppState(QObject* parent = nullptr);

    /// The current dataset, or nullptr before the first successful load.
    std::shared_ptr<const core::Dataset> dataset() const;
    /// The file the current dataset came from (absolute path), empty when none.
    QString datasetPath() const;
    /// Replaces the dataset and emits datasetChanged().
    void setDataset(std::shared_ptr<const core::Dataset> dataset, const QString& path);

    /// Asks whoever shows rows (the Data tab) to select `datasetRow` (0-based dataset row)
    /// and to scroll to dataset column `column` when it is not -1.
    void requestRowSelection(int datasetRow, int column = -1);

signals:
    void datasetChanged();
    void rowSelectionRequested(int datasetRow, int column);

private:
    std::shared_ptr<const core::Dataset> m_dataset;
    QString m_datasetPath;

    // --- Model state (Train / Evaluate tabs; read by Threshold, Score, Monitor) -------------
public:
    /// The latest training run of this session (also a cancelled one, with what finished), or
    /// nullptr.
    std::shared_ptr<const core::TrainingResult> trainingResult() const;
    /// Replaces the training run and emits trainingResultChanged().
    void setTrainingResult(std::shared_ptr<const core::TrainingResult> result);

    /// The model bundle in use (from the last finished training or File ▸ Open Model), or
    /// nullptr. Its `selected` algorithm is the bundle's own choice; currentAlgorithm() is the
    /// analyst's.
    std::shared_ptr<const core::ModelBundle> modelBundle() const;
    /// The file the bundle was saved to or opened from; empty when not saved yet.
    QString modelPath() const;
    /// Replaces the bundle, sets the current algorithm to its `selected` one and the threshold
    /// to its threshold; emits modelBundleChanged(), currentModelChanged() and
    /// thresholdChanged().
    void setModelBundle(std::shared_ptr<const core::ModelBundle> bundle, const QString& path = {});
    /// Records where the current bundle was saved (emits modelBundleChanged()).
    void setModelPath(const QString& path);

    /// The algorithm ("lr", "gbdt", …) the analyst works with; empty without a bundle.
    QString currentAlgorithm() const;
    /// The current algorithm's fitted chain, or nullptr.
    std::shared_ptr<const core::TrainedModel> currentModel() const;
    /// Chooses another algorithm of the bundle as current; ignored when the bundle has no such
    /// model. Emits currentModelChanged() when it changes.
    void setCurrentAlgorithm(const QString& algorithm);

    /// Decision threshold on calibrated P(bad): reject when P(bad) > threshold.
    double threshold() const;
    void setThreshold(double threshold);

signals:
    void trainingResultChanged();
    void modelBundleChanged();
    void currentModelChanged();
    void thresholdChanged(double threshold);

private:
    std::shared_ptr<const core::TrainingResult> m_trainingResult;
    std::shared_ptr<const core::ModelBundle> m_modelBundle;
    QString m_modelPath;
    QString m_currentAlgorithm;
    double m_threshold = 0.5;

    // --- Decision settings (Threshold tab; read by Score and batch scoring) -----------------
public:
    /// Business inputs of the cut-off. Loaded from every new model bundle; written into the
    /// bundle when it is saved (applyDecisionSettings), so they travel with the threshold.
    struct DecisionSettings
    {
        core::CostMatrix costs;      ///< cost matrix (German Credit preset by default)
        core::ProfitParams profit;   ///< margin and LGD as shares of the amount
        bool useProfitModel = false; ///< optimise profit instead of cost
        /// Bad rate of the population scored, in (0, 1); NaN = the training sample's (no
        /// prior correction).
        double populationBadRate = std::numeric_limits<double>::quiet_NaN();
        core::ScorecardScale scale; ///< points shown on the Threshold and Score tabs; valid
        core::RiskGrading grading;  ///< risk grades on the population PD
    };
    DecisionSettings decisionSettings() const;
    /// Replaces the settings and emits decisionSettingsChanged().
    void setDecisionSettings(const DecisionSettings& settings);
    /// Copies the threshold and the decision settings (scale and grades included) into
    /// `bundle` (before saving it).
    void applyDecisionSettings(core::ModelBundle& bundle) const;

signals:
    void decisionSettingsChanged();

private:
    void loadDecisionSettings();

    DecisionSettings m_decision;
    const core::ModelBundle* m_decisionSource = nullptr;
};

} // namespace credit::ui
