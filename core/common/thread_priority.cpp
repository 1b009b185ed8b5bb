// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "common/thread_priority.h"

#if defined(__linux__)
#include <cerrno>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace credit::core {

int threadNiceValue()
{
#if defined(__linux__)
    const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
    errno = 0;
    const int nice = ::getpriority(PRIO_PROCESS, tid);
    return errno == 0 ? nice : -100;
#else
    return -100;
#endif
}

int lowerThreadPriority(int increment)
{
#if defined(__linux__)
    const int current = threadNiceValue();
    if (current == -100 || increment <= 0) {
        return current;
    }
    const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
    const int target = current + increment > 19 ? 19 : current + increment;
    if (::setpriority(PRIO_PROCESS, tid, target) != 0) {
        return current;
    }
    return threadNiceValue();
#else
    (void)increment;
    return -100;
#endif
}

} // namespace credit::core
