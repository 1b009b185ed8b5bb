// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "explain/cutoff_analysis.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <memory>

namespace credit::ui {

/// Runs core::CutoffAnalysis::optimumSpread() off the GUI thread (the Threshold tab's bootstrap
/// of the optimal cut-off, ~50 ms for 100 resamples).
///
/// - start() supersedes the running job, which is cancelled: only the latest job reports, so a
///   result for inputs that changed meanwhile is never delivered.
/// - The job owns its inputs (a shared, immutable analysis) and touches no widget.
/// - The destructor cancels and waits; nothing is reported after it.
class OptimumSpreadJob : public QObject
{
    Q_OBJECT

public:
    explicit OptimumSpreadJob(QObject* parent = nullptr);
    ~OptimumSpreadJob() override;

    void start(std::shared_ptr<const core::CutoffAnalysis> analysis, std::size_t resamples,
               std::uint64_t seed);
    /// Drops the running job (if any); it will not report.
    void cancel();
    /// True from start() until finished() or cancel().
    bool isPending() const { return m_pending; }

signals:
    /// The spread of the latest started job; `error` is empty unless the engine threw.
    void finished(const credit::core::BootstrapInterval& spread, const QString& error);

private:
    struct Outcome
    {
        std::uint64_t generation = 0; ///< the start() it belongs to
        core::BootstrapInterval interval;
        QString error;
    };

    void onFinished();

    QFutureWatcher<Outcome> m_watcher;
    std::uint64_t m_generation = 0; ///< bumped by start() and cancel()
    bool m_pending = false;
};

} // namespace credit::ui
