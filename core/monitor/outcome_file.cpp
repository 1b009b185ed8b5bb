// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "monitor/outcome_file.h"

#include "data/data_error.h"
#include "data/dataset_reader.h"

#include <algorithm>
#include <cctype>

namespace credit::core {

namespace {

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return text;
}

} // namespace

std::vector<std::pair<std::string, int>> readOutcomeFile(const std::string& path,
                                                         const OutcomeFileParams& params)
{
    ReadOptions options;
    options.format = FileFormat::Csv;
    options.categoricalColumns = {params.idColumn, params.outcomeColumn};
    const TableReadResult table = readTable(path, options);
    const Column* id = nullptr;
    const Column* outcome = nullptr;
    for (const Column& column : table.columns) {
        if (column.name() == params.idColumn) {
            id = &column;
        } else if (column.name() == params.outcomeColumn) {
            outcome = &column;
        }
    }
    for (const auto& [column, name] :
         {std::pair{id, params.idColumn}, std::pair{outcome, params.outcomeColumn}}) {
        if (column == nullptr) {
            throw DataError(path, 0, name, "the outcomes file has no column '" + name + "'");
        }
    }
    const std::string positive = lower(params.positiveLabel);
    const std::string negative = lower(params.negativeLabel);
    std::vector<std::pair<std::string, int>> outcomes;
    outcomes.reserve(id->size());
    for (std::size_t row = 0; row < id->size(); ++row) {
        const std::string key = id->text(row);
        if (key.empty()) {
            continue;
        }
        const std::string value = lower(outcome->text(row));
        int code = -1;
        if (value == positive || value == "1" || value == "true" || value == "yes") {
            code = 1;
        } else if (value == negative || value == "0" || value == "false" || value == "no") {
            code = 0;
        }
        if (code < 0) {
            throw DataError(path + ": row " + std::to_string(row + 1) + ": column '" +
                            params.outcomeColumn + "': expected " + params.positiveLabel + "/" +
                            params.negativeLabel + " or 1/0, got \"" + outcome->text(row) + "\"");
        }
        outcomes.emplace_back(key, code);
    }
    return outcomes;
}

} // namespace credit::core
