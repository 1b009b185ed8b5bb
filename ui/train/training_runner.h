// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/progress.h"
#include "data/dataset.h"
#include "train/training_job.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <memory>
#include <string>
#include <vector>

namespace credit::core {
class ModelBundle;
} // namespace credit::core

namespace credit::ui {

/// What one training run produced, handed back on the GUI thread.
struct TrainingOutcome
{
    /// The run (also after a cancel: the finished trials and their leaderboard); nullptr when
    /// the engine refused the input (see `error`).
    std::shared_ptr<const core::TrainingResult> result;
    /// The bundle built from a complete run; nullptr after a cancel or a failure.
    std::shared_ptr<const core::ModelBundle> bundle;
    QString error; ///< the engine's message when it refused the input or the bundle
    bool cancelled = false;
    QString savedModelPath; ///< where the bundle was written (empty when not saved)
    QString saveError;      ///< why writing the bundle failed
};

/// Runs a core::TrainingJob on the thread pool. The job's progress sink stores its events in a
/// mutex-protected queue that the GUI drains from a timer (takeEvents()), so a burst of
/// thousands of fold events never floods the event loop. Cancel sets a flag that the sink
/// returns as "stop"; the engine then returns the finished trials normally, which a
/// QFuture::cancel() would discard, hence the own flag. The destructor cancels and waits.
class TrainingRunner : public QObject
{
    Q_OBJECT

public:
    explicit TrainingRunner(QObject* parent = nullptr);
    ~TrainingRunner() override;

    /// Starts a run on a copy of the inputs; false (nothing started) while one is running.
    /// When `modelPath` is not empty, a complete run's bundle is also written there (off the
    /// GUI thread).
    bool start(std::shared_ptr<const core::Dataset> data, core::TrainingParams params,
               std::string paramsYaml, QString modelPath = {});
    /// Asks the running job to stop; finished() follows once it did.
    void cancel();
    bool isRunning() const;
    bool isCancelling() const;
    /// Blocks until the job has returned (used when the window closes).
    void waitForFinished();

    /// The events received since the last call: finished trials, refits and stage changes
    /// (fold-level events only update fraction()).
    std::vector<core::ProgressEvent> takeEvents();
    /// Overall fraction done in [0, 1] as last reported by the engine.
    double fraction() const;
    /// Milliseconds since start() (frozen after the run finished).
    qint64 elapsedMs() const;

signals:
    void finished(const credit::ui::TrainingOutcome& outcome);

private:
    struct Channel;
    void onFinished();

    std::shared_ptr<Channel> m_channel;
    QFutureWatcher<TrainingOutcome> m_watcher;
    QElapsedTimer m_clock;
    qint64 m_finalElapsed = 0;
};

} // namespace credit::ui
