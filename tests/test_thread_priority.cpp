// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// Training runs on a thread of lowered priority so that the GUI thread wins the CPU: the
// lowered priority must reach the TaskPool workers that thread creates, and only them.
#include "common/thread_priority.h"
#include "train/task_pool.h"

#include <QtTest/QtTest>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

using namespace credit::core;

class TestThreadPriority : public QObject
{
    Q_OBJECT

private slots:
    void workersInheritTheLoweredPriority()
    {
        const int before = threadNiceValue();
        if (before == -100) {
            QSKIP("thread nice values are not supported on this platform");
        }
        if (before > 14) {
            QSKIP("the test process already runs at the lowest priorities");
        }
        int lowered = -100;
        std::set<int> workerValues;
        std::set<std::thread::id> workerThreads;
        std::thread background([&] {
            lowered = lowerThreadPriority(5);
            std::mutex mutex;
            std::atomic<bool> stop{false};
            TaskPool(2).run(
                64,
                [&](std::size_t) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
                    const std::lock_guard lock(mutex);
                    workerValues.insert(threadNiceValue());
                    workerThreads.insert(std::this_thread::get_id());
                },
                stop);
        });
        background.join();
        QCOMPARE(lowered, before + 5);
        QCOMPARE(workerValues, std::set<int>{before + 5});
        QCOMPARE(workerThreads.size(), std::size_t(2)); // the background thread and one helper
        QCOMPARE(threadNiceValue(), before);            // the caller keeps its priority
    }

    void nonPositiveIncrementChangesNothing()
    {
        const int before = threadNiceValue();
        QCOMPARE(lowerThreadPriority(0), before);
        QCOMPARE(lowerThreadPriority(-3), before);
        QCOMPARE(threadNiceValue(), before);
    }
};

QTEST_APPLESS_MAIN(TestThreadPriority)
#include "test_thread_priority.moc"
