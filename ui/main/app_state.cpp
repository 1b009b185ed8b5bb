// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "main/app_state.h"

#include "io/model_bundle.h"
#include "train/training_job.h"

#include <utility>

namespace credit::ui {

AppState::AppState(QObject* parent) : QObject(parent)
{
    // Decision settings follow the bundle: connected first, so they are current before any
    // tab reacts to the new bundle.
    connect(this, &AppState::modelBundleChanged, this, &AppState::loadDecisionSettings);
}

std::shared_ptr<const core::Dataset> AppState::dataset() const
{
    return m_dataset;
}

QString AppState::datasetPath() const
{
    return m_datasetPath;
}

void AppState::setDataset(std::shared_ptr<const core::Dataset> dataset, const QString& path)
{
    m_dataset = std::move(dataset);
    m_datasetPath = path;
    emit datasetChanged();
}

void AppState::requestRowSelection(int datasetRow, int column)
{
    emit rowSelectionRequested(datasetRow, column);
}

// --- Model state ----------------------------------------------------------------------------

std::shared_ptr<const core::TrainingResult> AppState::trainingResult() const
{
    return m_trainingResult;
}

void AppState::setTrainingResult(std::shared_ptr<const core::TrainingResult> result)
{
    m_trainingResult = std::move(result);
    emit trainingResultChanged();
}

std::shared_ptr<const core::ModelBundle> AppState::modelBundle() const
{
    return m_modelBundle;
}

QString AppState::modelPath() const
{
    return m_modelPath;
}

void AppState::setModelBundle(std::shared_ptr<const core::ModelBundle> bundle, const QString& path)
{
    m_modelBundle = std::move(bundle);
    m_modelPath = path;
    m_currentAlgorithm =
        m_modelBundle ? QString::fromStdString(m_modelBundle->selected) : QString();
    if (m_modelBundle) {
        m_threshold = m_modelBundle->threshold;
    }
    emit modelBundleChanged();
    emit currentModelChanged();
    emit thresholdChanged(m_threshold);
}

void AppState::setModelPath(const QString& path)
{
    m_modelPath = path;
    emit modelBundleChanged();
}

QString AppState::currentAlgorithm() const
{
    return m_currentAlgorithm;
}

std::shared_ptr<const core::TrainedModel> AppState::currentModel() const
{
    if (!m_modelBundle) {
        return nullptr;
    }
    const auto it = m_modelBundle->models.find(m_currentAlgorithm.toStdString());
    return it == m_modelBundle->models.end() ? nullptr : it->second;
}

void AppState::setCurrentAlgorithm(const QString& algorithm)
{
    if (!m_modelBundle || algorithm == m_currentAlgorithm ||
        m_modelBundle->models.count(algorithm.toStdString()) == 0) {
        return;
    }
    m_currentAlgorithm = algorithm;
    emit currentModelChanged();
}

double AppState::threshold() const
{
    return m_threshold;
}

void AppState::setThreshold(double threshold)
{
    if (threshold == m_threshold) {
        return;
    }
    m_threshold = threshold;
    emit thresholdChanged(m_threshold);
}

AppState::DecisionSettings AppState::decisionSettings() const
{
    return m_decision;
}

void AppState::setDecisionSettings(const DecisionSettings& settings)
{
    m_decision = settings;
    emit decisionSettingsChanged();
}

void AppState::applyDecisionSettings(core::ModelBundle& bundle) const
{
    bundle.threshold = m_threshold;
    bundle.costs = m_decision.costs;
    bundle.profit = m_decision.profit;
    bundle.useProfitModel = m_decision.useProfitModel;
    bundle.populationBadRate = m_decision.populationBadRate;
    m_decision.scale.storeIn(bundle);
    m_decision.grading.storeIn(bundle);
}

void AppState::loadDecisionSettings()
{
    if (m_modelBundle.get() == m_decisionSource) {
        return; // only the path changed
    }
    m_decisionSource = m_modelBundle.get();
    if (m_modelBundle) {
        m_decision.costs = m_modelBundle->costs;
        m_decision.profit = m_modelBundle->profit;
        m_decision.useProfitModel = m_modelBundle->useProfitModel;
        m_decision.populationBadRate = m_modelBundle->populationBadRate;
        // A loaded bundle's scale and grades are valid (ModelBundle::load checks them).
        m_decision.scale = core::ScorecardScale::fromBundle(*m_modelBundle);
        m_decision.grading = core::RiskGrading::fromBundle(*m_modelBundle);
    }
    emit decisionSettingsChanged();
}

} // namespace credit::ui
