// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace credit::core {

/// SHA-256 (FIPS 180-4) of `bytes` as 64 lower-case hex digits. For fingerprints that must
/// not be reversible or forgeable by accident (the prediction log's hashed inputs), where
/// fnv1a64 is too weak.
std::string sha256Hex(std::string_view bytes);

} // namespace credit::core
