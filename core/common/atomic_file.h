// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace credit::core {

/// Writes `path` atomically: the content goes to a temporary file in the same folder, is
/// flushed, and is renamed over `path` only when `write` returned normally and the stream is
/// good. On any failure the temporary is removed, the old file (if any) is left untouched and
/// std::runtime_error is thrown with a message that names `path`.
void writeFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& write);

/// Convenience overload for content already in memory.
void writeFileAtomically(const std::string& path, std::string_view content);

/// Reads a whole file into a string. Throws std::runtime_error naming `path` on failure.
std::string readWholeFile(const std::string& path);

} // namespace credit::core
