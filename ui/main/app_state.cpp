// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "main/app_state.h"

#include "io/model_bundle.h"
#include "train/training_job.h"

#include <utility>

namespace credit::ui {

AppState::AppState(QObject* parent) : QObject(parent) {}

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
    // The policy follows the bundle before any tab hears of the new bundle.
    if (m_modelBundle) {
        m_policy = m_modelBundle->policy;
        m_policy.sampleBadRate = m_modelBundle->sampleBadRate();
    }
    emit modelBundleChanged();
    emit currentModelChanged();
    emit thresholdChanged(m_policy.threshold);
    emit policyChanged();
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

void AppState::setThreshold(double threshold)
{
    if (threshold == m_policy.threshold) {
        return;
    }
    m_policy.threshold = threshold;
    emit thresholdChanged(threshold);
}

void AppState::setPolicy(const core::DecisionPolicy& policy)
{
    if (policy == m_policy) {
        return;
    }
    const bool thresholdMoved = policy.threshold != m_policy.threshold;
    m_policy = policy;
    if (thresholdMoved) {
        emit thresholdChanged(m_policy.threshold);
    }
    emit policyChanged();
}

} // namespace credit::ui
