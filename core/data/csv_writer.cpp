// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "data/csv_writer.h"

#include "common/atomic_file.h"

#include <ostream>

namespace credit::core {

void appendCsvField(std::string& out, std::string_view text)
{
    const bool needsQuotes = text.empty() || text == "NA" || text == "?" ||
                             text.find_first_of(",;\t\"\r\n") != std::string_view::npos ||
                             text.front() == ' ' || text.back() == ' ';
    if (!needsQuotes) {
        out += text;
        return;
    }
    out += '"';
    for (const char c : text) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    out += '"';
}

std::string csvField(std::string_view text)
{
    std::string out;
    appendCsvField(out, text);
    return out;
}

void writeCsv(const Dataset& dataset, const std::string& path)
{
    writeFileAtomically(path, [&dataset](std::ostream& out) {
        const auto& columns = dataset.columns();
        // Quote each level once, not once per row.
        std::vector<std::vector<std::string>> quotedLevels(columns.size());
        for (std::size_t c = 0; c < columns.size(); ++c) {
            out << (c == 0 ? "" : ",") << csvField(columns[c].name());
            for (const std::string& level : columns[c].schema.levels) {
                quotedLevels[c].push_back(csvField(level));
            }
        }
        out << "\r\n";
        for (std::size_t r = 0; r < dataset.rowCount(); ++r) {
            for (std::size_t c = 0; c < columns.size(); ++c) {
                if (c > 0) {
                    out << ',';
                }
                const Column& column = columns[c];
                if (column.isMissing(r)) {
                    continue;
                }
                if (column.isNumeric()) {
                    out << column.text(r);
                } else {
                    out << quotedLevels[c][static_cast<std::size_t>(column.codes[r])];
                }
            }
            out << "\r\n";
        }
    });
}

} // namespace credit::core
