// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "threshold/optimum_spread_job.h"

#include <QPromise>
#include <QtConcurrent>

#include <exception>
#include <utility>

namespace credit::ui {

OptimumSpreadJob::OptimumSpreadJob(QObject* parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &OptimumSpreadJob::onFinished);
}

OptimumSpreadJob::~OptimumSpreadJob()
{
    m_watcher.disconnect(this);
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

void OptimumSpreadJob::start(std::shared_ptr<const core::CutoffAnalysis> analysis,
                             std::size_t resamples, std::uint64_t seed)
{
    cancel();
    const std::uint64_t generation = m_generation;
    m_pending = true;
    m_watcher.setFuture(QtConcurrent::run(
        [analysis = std::move(analysis), resamples, seed, generation](QPromise<Outcome>& promise) {
            Outcome outcome;
            outcome.generation = generation;
            try {
                // The sink is asked after every resample: a superseded job stops within ~1 ms.
                outcome.interval = analysis->optimumSpread(
                    resamples, seed, 0.95,
                    [&promise](const core::ProgressEvent&) { return !promise.isCanceled(); });
            } catch (const core::Cancelled&) {
                return; // superseded: no result
            } catch (const std::exception& e) {
                outcome.error = QString::fromUtf8(e.what());
            }
            promise.addResult(std::move(outcome));
        }));
}

void OptimumSpreadJob::cancel()
{
    ++m_generation; // whatever still runs belongs to old inputs now
    m_watcher.cancel();
    m_pending = false;
}

void OptimumSpreadJob::onFinished()
{
    // setFuture() detaches the watcher from the old future, but check the generation as well:
    // a result may only be reported for the latest start(). result() must not block either.
    if (!m_pending || m_watcher.isCanceled() || !m_watcher.isFinished() ||
        m_watcher.future().resultCount() == 0) {
        return;
    }
    const Outcome outcome = m_watcher.result();
    if (outcome.generation != m_generation) {
        return;
    }
    m_pending = false;
    emit finished(outcome.interval, outcome.error);
}

} // namespace credit::ui
