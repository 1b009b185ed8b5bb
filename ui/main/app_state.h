// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "data/dataset.h"
#include "policy/decision_policy.h"

#include <QObject>
#include <QString>

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
    /// Replaces the bundle, sets the current algorithm to its `selected` one and the decision
    /// policy to its policy (with its sample bad rate, ModelBundle::sampleBadRate()); emits
    /// modelBundleChanged(), currentModelChanged(), thresholdChanged() and policyChanged().
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

signals:
    void trainingResultChanged();
    void modelBundleChanged();
    void currentModelChanged();

private:
    std::shared_ptr<const core::TrainingResult> m_trainingResult;
    std::shared_ptr<const core::ModelBundle> m_modelBundle;
    QString m_modelPath;
    QString m_currentAlgorithm;

    // --- Decision policy (Threshold tab, scorecard dialog; read by Evaluate, Score) ---------
public:
    /// The policy in use: loaded from every new model bundle, edited by the Threshold tab and
    /// the scorecard dialog, written back whole into the bundle when it is saved.
    const core::DecisionPolicy& policy() const { return m_policy; }
    /// Replaces the policy; emits policyChanged(), and thresholdChanged() first when the
    /// threshold differs.
    void setPolicy(const core::DecisionPolicy& policy);
    /// The policy's threshold on calibrated P(bad): reject when P(bad) > threshold.
    double threshold() const { return m_policy.threshold; }
    /// Sets only the threshold; emits thresholdChanged() when it changes.
    void setThreshold(double threshold);

signals:
    void thresholdChanged(double threshold);
    /// Any field of the policy changed (the threshold alone emits only thresholdChanged()).
    void policyChanged();

private:
    core::DecisionPolicy m_policy;
};

} // namespace credit::ui
