// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

namespace credit::core {

/// Lowers the calling thread's scheduling priority by `increment` nice levels (> 0) and
/// returns the thread's nice value afterwards, or nothing changes and -100 is returned where
/// that is not supported.
///
/// On Linux the nice value belongs to the thread, and threads it creates afterwards (e.g. a
/// TaskPool's workers) inherit it. An unprivileged thread cannot raise its priority back, so
/// call this only on a thread that ends with the work (e.g. a std::thread made for it), never
/// on a pooled thread.
int lowerThreadPriority(int increment);

/// The calling thread's nice value (Linux), or -100 where unsupported.
int threadNiceValue();

} // namespace credit::core
