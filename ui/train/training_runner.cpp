// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "train/training_runner.h"

#include "common/thread_priority.h"
#include "explain/model_insight.h"
#include "io/model_bundle.h"

#include <QFile>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>

namespace credit::ui {

struct TrainingRunner::Channel
{
    std::atomic<bool> cancel{false};
    std::atomic<double> fraction{0.0};
    std::mutex mutex;
    std::vector<core::ProgressEvent> events;
    std::string lastStage;
};

namespace {

TrainingOutcome runTraining(const std::shared_ptr<const core::Dataset>& data,
                            const core::TrainingParams& params, const std::string& paramsYaml,
                            const QString& modelPath, const core::ProgressSink& sink)
{
    TrainingOutcome outcome;
    try {
        auto result =
            std::make_shared<core::TrainingResult>(core::trainModels(params, *data, sink));
        outcome.cancelled = result->cancelled;
        if (!result->cancelled && !result->models.empty()) {
            outcome.bundle = std::make_shared<const core::ModelBundle>(
                core::ModelBundle::fromTraining(*result, *data, paramsYaml));
            if (!modelPath.isEmpty()) {
                try {
                    outcome.bundle->save(QFile::encodeName(modelPath).toStdString());
                    outcome.savedModelPath = modelPath;
                } catch (const std::exception& error) {
                    outcome.saveError = QString::fromStdString(error.what());
                }
            }
        }
        outcome.result = std::move(result);
    } catch (const std::exception& error) {
        outcome.error = QString::fromStdString(error.what());
    }
    return outcome;
}

} // namespace

TrainingRunner::TrainingRunner(QObject* parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<TrainingOutcome>::finished, this,
            &TrainingRunner::onFinished);
}

TrainingRunner::~TrainingRunner()
{
    m_watcher.disconnect(this);
    if (m_channel) {
        m_channel->cancel.store(true);
    }
    m_watcher.waitForFinished();
}

bool TrainingRunner::start(std::shared_ptr<const core::Dataset> data, core::TrainingParams params,
                           std::string paramsYaml, QString modelPath)
{
    if (isRunning() || !data) {
        return false;
    }
    auto channel = std::make_shared<Channel>();
    m_channel = channel;
    m_clock.start();
    m_finalElapsed = 0;
    // The sink runs on worker threads: it only touches the channel, never a QObject.
    core::ProgressSink sink = [channel](const core::ProgressEvent& event) {
        channel->fraction.store(event.fraction, std::memory_order_relaxed);
        {
            const std::lock_guard lock(channel->mutex);
            if (!event.algorithm.empty() || event.stage != channel->lastStage) {
                channel->lastStage = event.stage;
                channel->events.push_back(event);
            }
        }
        return !channel->cancel.load(std::memory_order_relaxed);
    };
    m_watcher.setFuture(QtConcurrent::run([data = std::move(data), params = std::move(params),
                                           yaml = std::move(paramsYaml),
                                           path = std::move(modelPath), sink = std::move(sink)] {
        // The job runs on a thread of its own at nice +10, and its workers inherit that:
        // on a two-core machine they would otherwise share the cores equally with the GUI
        // thread, which then waited up to ~100 ms for a time slice. A thread of its own,
        // because an unprivileged thread cannot raise its priority again and QtConcurrent
        // reuses its threads.
        TrainingOutcome outcome;
        std::thread job([&] {
            core::lowerThreadPriority(10);
            outcome = runTraining(data, params, yaml, path, sink);
        });
        job.join();
        return outcome;
    }));
    return true;
}

void TrainingRunner::cancel()
{
    if (m_channel) {
        m_channel->cancel.store(true);
    }
}

bool TrainingRunner::isRunning() const
{
    return m_watcher.isRunning();
}

bool TrainingRunner::isCancelling() const
{
    return isRunning() && m_channel && m_channel->cancel.load();
}

void TrainingRunner::waitForFinished()
{
    m_watcher.waitForFinished();
}

std::vector<core::ProgressEvent> TrainingRunner::takeEvents()
{
    std::vector<core::ProgressEvent> events;
    if (m_channel) {
        const std::lock_guard lock(m_channel->mutex);
        events.swap(m_channel->events);
    }
    return events;
}

double TrainingRunner::fraction() const
{
    return m_channel ? m_channel->fraction.load(std::memory_order_relaxed) : 0.0;
}

qint64 TrainingRunner::elapsedMs() const
{
    if (!m_clock.isValid()) {
        return 0;
    }
    return isRunning() || m_finalElapsed == 0 ? m_clock.elapsed() : m_finalElapsed;
}

void TrainingRunner::onFinished()
{
    m_finalElapsed = m_clock.isValid() ? m_clock.elapsed() : 0;
    TrainingOutcome outcome = m_watcher.result();
    emit finished(outcome);
}

} // namespace credit::ui
