// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace credit::core {

/// A problem with user-supplied data (a file, a field, a value). `what()` is the full message
/// shown to the user, formatted as `file:line: column 'name': detail` with the parts that are
/// known; the parts are also kept separately for tests and UIs that highlight a field.
class DataError : public std::runtime_error
{
public:
    explicit DataError(const std::string& message) : std::runtime_error(message) {}
    DataError(std::string file, std::size_t line, std::string column, std::string detail);

    const std::string& file() const { return m_file; }
    std::size_t line() const { return m_line; }            ///< 1-based; 0 when not about a line
    const std::string& column() const { return m_column; } ///< empty when not about a column
    const std::string& detail() const { return m_detail; }

private:
    std::string m_file;
    std::size_t m_line = 0;
    std::string m_column;
    std::string m_detail;
};

/// A CSV column whose values are numbers but for a few: almost surely typos in a numeric
/// column, which must not silently turn it into a categorical one. column() names it; the
/// caller may offer to read it again with the column declared categorical
/// (ReadOptions::categoricalColumns).
class NotANumberError : public DataError
{
public:
    using DataError::DataError;
};

} // namespace credit::core
