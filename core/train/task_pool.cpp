// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "train/task_pool.h"

#include <algorithm>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace credit::core {

int TaskPool::threadsFor(std::size_t tasks) const
{
    int threads = m_threads;
    if (threads <= 0) {
        threads = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    }
    return static_cast<int>(
        std::min<std::size_t>(static_cast<std::size_t>(threads), std::max<std::size_t>(tasks, 1)));
}

std::size_t TaskPool::run(std::size_t count, const std::function<void(std::size_t)>& task,
                          std::atomic<bool>& stop) const
{
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> completed{0};
    std::mutex errorMutex;
    std::exception_ptr firstError;
    std::size_t firstErrorIndex = count;

    auto worker = [&] {
        while (!stop.load(std::memory_order_acquire)) {
            const std::size_t index = next.fetch_add(1);
            if (index >= count) {
                return;
            }
            try {
                task(index);
                completed.fetch_add(1);
            } catch (...) {
                const std::lock_guard lock(errorMutex);
                if (index < firstErrorIndex) {
                    firstErrorIndex = index;
                    firstError = std::current_exception();
                }
                stop.store(true, std::memory_order_release);
            }
        }
    };

    const int threads = threadsFor(count);
    std::vector<std::thread> helpers;
    helpers.reserve(static_cast<std::size_t>(threads - 1));
    for (int i = 1; i < threads; ++i) {
        helpers.emplace_back(worker);
    }
    worker();
    for (std::thread& t : helpers) {
        t.join();
    }
    if (firstError) {
        std::rethrow_exception(firstError);
    }
    return completed.load();
}

} // namespace credit::core
