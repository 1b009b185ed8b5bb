// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
//
// CSV with a header row, RFC 4180 quoting, delimiter sniffed among ',' ';' TAB.
//
// Built for large files: the text is tokenised in place (fields are string_views into it, the
// field vector is reused), numbers go through std::from_chars, and no field is kept as a
// string. Every column starts as a numeric candidate holding doubles; the first value that is
// not a number turns it categorical, and only then are the earlier rows of that one column
// re-read (from recorded record offsets) to build level codes in order of first appearance.
// Typical categorical columns turn at row 1, so the re-read is rare and bounded by one pass
// per column.
#include "data/csv_tokenizer.h"
#include "data/reader_support.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <limits>

namespace credit::core::detail {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t kSampleRows = 1000;
// A categorical column with fewer non-numbers than this share of its values is refused as a
// numeric column with typos; this many of them are named in the message.
constexpr double kTypoShare = 0.10;
constexpr std::size_t kTyposNamed = 10;

using Field = CsvField;

struct ColumnState
{
    bool numeric = true; // still a numeric candidate
    std::vector<double> values;
    std::vector<std::int32_t> codes;
    LevelTable levels;
    std::size_t nonFiniteLine = 0; // first inf/nan/1e999 while numeric; 0 = none
    std::string nonFiniteValue;
    bool declaredCategorical = false; // ReadOptions::categoricalColumns: no typo check
    // Once categorical: how many values are numbers, and the first non-numbers with lines.
    std::size_t numbers = 0;
    std::size_t nonNumbers = 0;
    std::vector<std::pair<std::size_t, std::string>> firstNonNumbers;
};

class CsvParser
{
public:
    CsvParser(std::string_view text, const std::string& source, const TargetSpec& target,
              const std::vector<std::string>& categoricalColumns)
        : m_text(text), m_source(source), m_target(target),
          m_categoricalColumns(categoricalColumns), m_delimiter(sniffDelimiter(text)),
          m_tokenizer(text, m_delimiter, source)
    {
    }

    ParsedTable run();

private:
    void readHeader();
    void addValue(std::size_t column, const Field& field, std::size_t row, std::size_t line);
    void makeCategorical(std::size_t column, std::size_t rows);
    void countForTypoCheck(ColumnState& state, std::string_view value, std::size_t line) const;
    void refuseTypos(std::size_t column) const;
    void reserveFor(std::size_t sampledBytesEnd);
    std::string_view unescape(const Field& field)
    {
        return CsvTokenizer::unescape(field, m_scratch);
    }
    static bool isMissing(std::string_view value, bool quoted)
    {
        return value.empty() || (!quoted && (value == "NA" || value == "?"));
    }

    std::string_view m_text;
    const std::string& m_source;
    const TargetSpec& m_target;
    const std::vector<std::string>& m_categoricalColumns;
    char m_delimiter;
    CsvTokenizer m_tokenizer;
    std::vector<std::string> m_names;
    std::vector<ColumnState> m_states;
    std::vector<std::size_t> m_recordStarts;
    std::size_t m_targetIndex = std::numeric_limits<std::size_t>::max();
    std::size_t m_headerLine = 1;
    std::string m_scratch;
    std::vector<std::string> m_warnings;
};

void CsvParser::readHeader()
{
    std::vector<Field> fields;
    std::size_t start = 0;
    if (!m_tokenizer.next(fields, start, m_headerLine, {})) {
        throw DataError(m_source, 0, {}, "the file is empty");
    }
    for (std::size_t i = 0; i < fields.size(); ++i) {
        std::string name(trimBlanks(unescape(fields[i])));
        if (name.empty()) {
            name = "column" + std::to_string(i + 1);
            m_warnings.push_back("column " + std::to_string(i + 1) +
                                 " has no name in the header; it is called '" + name + "'");
        }
        const auto previous = std::find(m_names.begin(), m_names.end(), name);
        if (previous != m_names.end()) {
            throw DataError(m_source, m_headerLine, name,
                            "the column name appears twice in the header (columns " +
                                std::to_string(previous - m_names.begin() + 1) + " and " +
                                std::to_string(i + 1) + ")");
        }
        if (name == m_target.column) {
            m_targetIndex = i;
        }
        m_names.push_back(std::move(name));
    }
    m_states.resize(m_names.size());
    for (const std::string& name : m_categoricalColumns) {
        const auto found = std::find(m_names.begin(), m_names.end(), name);
        if (found == m_names.end()) {
            throw DataError(m_source, m_headerLine, name,
                            "the column to read as categorical is not in the header");
        }
        ColumnState& state = m_states[std::size_t(found - m_names.begin())];
        state.numeric = false;
        state.declaredCategorical = true;
    }
}

void CsvParser::addValue(std::size_t column, const Field& field, std::size_t row, std::size_t line)
{
    ColumnState& state = m_states[column];
    const std::string_view value = unescape(field);
    if (isMissing(value, field.quoted)) {
        if (column == m_targetIndex) {
            throw DataError(m_source, line, m_names[column], "the target value is missing");
        }
        if (state.numeric) {
            state.values.push_back(kNaN);
        } else {
            state.codes.push_back(Column::kMissingCode);
        }
        return;
    }
    if (state.numeric) {
        double number = 0.0;
        const NumberStatus status = parseNumber(value, number, m_delimiter == ';');
        if (status == NumberStatus::Ok) {
            state.values.push_back(number);
            return;
        }
        if (status == NumberStatus::NonFinite) {
            // An error only if the column stays numeric; "NaN" may be someone's label.
            if (state.nonFiniteLine == 0) {
                state.nonFiniteLine = line;
                state.nonFiniteValue = std::string(value);
            }
            state.values.push_back(kNaN);
            return;
        }
        makeCategorical(column, row);
        if (field.doubledQuotes) {
            // makeCategorical reused the scratch buffer.
            const std::string_view again = unescape(field);
            countForTypoCheck(state, again, line);
            state.codes.push_back(state.levels.findOrAdd(again));
            return;
        }
    }
    countForTypoCheck(state, value, line);
    state.codes.push_back(state.levels.findOrAdd(value));
}

void CsvParser::countForTypoCheck(ColumnState& state, std::string_view value,
                                  std::size_t line) const
{
    if (state.declaredCategorical) {
        return;
    }
    double number = 0.0;
    if (parseNumber(value, number, m_delimiter == ';') != NumberStatus::NotNumber) {
        ++state.numbers;
        return;
    }
    ++state.nonNumbers;
    if (state.firstNonNumbers.size() < kTyposNamed) {
        state.firstNonNumbers.emplace_back(line, std::string(value));
    }
}

// A column of numbers but for a few is a numeric column with typos: read as categorical it
// would turn "duration" into 34 levels, and a form would score the typo'd applicant with a
// duration of 0. Refuse it and name every bad value (up to kTyposNamed).
void CsvParser::refuseTypos(std::size_t column) const
{
    const ColumnState& state = m_states[column];
    const std::size_t values = state.numbers + state.nonNumbers;
    if (column == m_targetIndex || state.declaredCategorical || state.numbers == 0 ||
        double(state.nonNumbers) >= kTypoShare * double(values)) {
        return;
    }
    const auto& [line, first] = state.firstNonNumbers.front();
    std::string detail = "expected a number, got " + quoteValue(first);
    for (std::size_t i = 1; i < state.firstNonNumbers.size(); ++i) {
        detail += (i == 1 ? "; also line " : ", line ") +
                  std::to_string(state.firstNonNumbers[i].first) + ": " +
                  quoteValue(state.firstNonNumbers[i].second);
    }
    if (state.nonNumbers > state.firstNonNumbers.size()) {
        detail +=
            " and " + std::to_string(state.nonNumbers - state.firstNonNumbers.size()) + " more";
    }
    detail += " (" + std::to_string(state.numbers) + " of " + std::to_string(values) +
              " values are numbers). Correct the value" + (state.nonNumbers > 1 ? "s" : "") +
              ", or read the column as categorical if these are labels";
    throw NotANumberError(m_source, line, m_names[column], detail);
}

void CsvParser::makeCategorical(std::size_t column, std::size_t rows)
{
    ColumnState& state = m_states[column];
    state.numeric = false;
    state.nonFiniteLine = 0;
    state.codes.reserve(state.values.capacity());
    std::vector<double>().swap(state.values);
    CsvTokenizer tokenizer(m_text, m_delimiter, m_source);
    std::vector<Field> fields;
    std::size_t start = 0;
    std::size_t line = 0;
    for (std::size_t r = 0; r < rows; ++r) {
        tokenizer.seek(m_recordStarts[r], 0);
        tokenizer.next(fields, start, line, m_names);
        const std::string_view value = unescape(fields[column]);
        if (isMissing(value, fields[column].quoted)) {
            state.codes.push_back(Column::kMissingCode);
            continue;
        }
        ++state.numbers; // every earlier value was a number (or non-finite)
        state.codes.push_back(state.levels.findOrAdd(value));
    }
}

// After kSampleRows records, size the columns for the rest of the file from their average
// length: growing by doubling would briefly hold 1.5x the final columns at the peak.
void CsvParser::reserveFor(std::size_t sampledBytesEnd)
{
    const std::size_t sampled = sampledBytesEnd - m_recordStarts.front();
    if (sampled == 0) {
        return;
    }
    const double bytesPerRow = double(sampled) / double(kSampleRows);
    const auto estimate = static_cast<std::size_t>(double(m_text.size() - m_recordStarts.front()) /
                                                   bytesPerRow * 1.02) +
                          16;
    m_recordStarts.reserve(estimate);
    for (ColumnState& state : m_states) {
        if (state.numeric) {
            state.values.reserve(estimate);
        } else {
            state.codes.reserve(estimate);
        }
    }
}

ParsedTable CsvParser::run()
{
    readHeader();
    const std::size_t expected = m_names.size();
    std::vector<Field> fields;
    fields.reserve(expected + 1);
    std::size_t start = 0;
    std::size_t line = 0;
    std::size_t rows = 0;
    while (m_tokenizer.next(fields, start, line, m_names)) {
        if (fields.size() != expected) {
            throw DataError(m_source, line,
                            fields.size() < expected ? m_names[fields.size()] : std::string(),
                            "expected " + std::to_string(expected) + " fields, got " +
                                std::to_string(fields.size()));
        }
        if (rows == kSampleRows) {
            reserveFor(start);
        }
        m_recordStarts.push_back(start);
        for (std::size_t c = 0; c < expected; ++c) {
            addValue(c, fields[c], rows, line);
        }
        ++rows;
    }
    if (rows == 0) {
        throw DataError(m_source, m_headerLine, {}, "the file has a header but no data rows");
    }
    ParsedTable table;
    table.columns.resize(expected);
    for (std::size_t c = 0; c < expected; ++c) {
        ColumnState& state = m_states[c];
        Column& column = table.columns[c];
        column.schema.name = m_names[c];
        if (state.numeric) {
            if (state.nonFiniteLine != 0) {
                throw DataError(m_source, state.nonFiniteLine, m_names[c],
                                "the number " + quoteValue(state.nonFiniteValue) +
                                    " is not finite (inf, nan and out-of-range values are not "
                                    "allowed)");
            }
            column.schema.type = ColumnType::Numeric;
            state.values.shrink_to_fit();
            column.numeric = std::move(state.values);
        } else {
            refuseTypos(c);
            column.schema.type = ColumnType::Categorical;
            column.schema.levels = state.levels.levels();
            state.codes.shrink_to_fit();
            column.codes = std::move(state.codes);
        }
    }
    table.warnings = std::move(m_warnings);
    return table;
}

} // namespace

ParsedTable parseCsv(std::string_view text, const std::string& source, const TargetSpec& target,
                     const std::vector<std::string>& categoricalColumns)
{
    return CsvParser(text, source, target, categoricalColumns).run();
}

} // namespace credit::core::detail
