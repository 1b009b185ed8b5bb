// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "data/dataset.h"

#include <string>
#include <string_view>

namespace credit::core {

/// Writes `dataset` as CSV: a header row with the column names, then one record per row.
///
/// - Delimiter ',', records end with CRLF (RFC 4180).
/// - Numbers in shortest round-trip form ("1169", "0.1"), categorical values as their level
///   label, missing values as an empty field.
/// - A field is quoted when it holds a delimiter, a quote, CR or LF, leading or trailing blanks,
///   is empty (a name) or would read back as missing ("NA", "?"); quotes inside are doubled.
/// - The file is replaced atomically (common/atomic_file.h): on failure the old file is intact
///   and std::runtime_error names `path`.
///
/// Reading the file back with readDataset gives an equal dataset when every categorical column
/// has labels that are not all numbers and its levels occur in declared order (CSV carries no
/// schema: levels are rebuilt in order of first appearance, unused levels vanish).
void writeCsv(const Dataset& dataset, const std::string& path);

/// One CSV field, quoted per the rules above: the one field quoter of the engine (batch
/// scoring output, the UI's table export).
std::string csvField(std::string_view text);

/// csvField(text) appended to `out`, without a temporary string (for writers of many fields).
void appendCsvField(std::string& out, std::string_view text);

} // namespace credit::core
