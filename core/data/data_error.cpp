// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "data/data_error.h"

namespace credit::core {
namespace {

std::string formatMessage(const std::string& file, std::size_t line, const std::string& column,
                          const std::string& detail)
{
    std::string message;
    if (!file.empty()) {
        message += file;
        if (line > 0) {
            message += ':' + std::to_string(line);
        }
        message += ": ";
    } else if (line > 0) {
        message += "line " + std::to_string(line) + ": ";
    }
    if (!column.empty()) {
        message += "column '" + column + "': ";
    }
    return message + detail;
}

} // namespace

DataError::DataError(std::string file, std::size_t line, std::string column, std::string detail)
    : std::runtime_error(formatMessage(file, line, column, detail)), m_file(std::move(file)),
      m_line(line), m_column(std::move(column)), m_detail(std::move(detail))
{
}

} // namespace credit::core
