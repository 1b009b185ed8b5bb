// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>

namespace credit::core {

/// Runs `count` independent tasks on `threads` std::threads (the calling thread is one of
/// them). Tasks are handed out in index order from an atomic counter; each task writes its
/// result into a slot owned by its index, so the outcome never depends on which thread ran
/// what, nor in which order tasks finished.
///
/// - A task that throws stops the pool: no new task starts, the running ones finish, and the
///   first exception (lowest task index among those that threw) is rethrown by run().
/// - When `stop` becomes true (set by a task or from outside) no new task starts; run()
///   returns once the running tasks return. Tasks should poll `stop` themselves to end early.
/// - threads <= 0 means std::thread::hardware_concurrency(); never more threads than tasks.
class TaskPool
{
public:
    explicit TaskPool(int threads) : m_threads(threads) {}

    /// Returns the number of tasks that ran to completion (without throwing).
    std::size_t run(std::size_t count, const std::function<void(std::size_t)>& task,
                    std::atomic<bool>& stop) const;

    /// The effective thread count for `tasks` tasks.
    int threadsFor(std::size_t tasks) const;

private:
    int m_threads;
};

} // namespace credit::core
