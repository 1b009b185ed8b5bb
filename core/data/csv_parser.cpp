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
#include "data/reader_support.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <limits>

namespace credit::core::detail {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t kSniffLines = 20;
constexpr std::size_t kSampleRows = 1000;
// A categorical column with fewer non-numbers than this share of its values is refused as a
// numeric column with typos; this many of them are named in the message.
constexpr double kTypoShare = 0.10;
constexpr std::size_t kTyposNamed = 10;

// Position of the first delimiter or '\n' at or after `pos`, or `size`. Eight bytes at a time
// (SWAR): a byte equal to c becomes zero in w ^ broadcast(c), and (v - 0x01..) & ~v & 0x80..
// flags zero bytes; the lowest flag is exact, so countr_zero finds the first stop.
std::size_t findStop(const char* text, std::size_t pos, std::size_t size, char delimiter)
{
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
    const std::uint64_t delimiters = kOnes * static_cast<unsigned char>(delimiter);
    const std::uint64_t newlines = kOnes * static_cast<unsigned char>('\n');
    // Borrows run towards higher addresses only on little-endian machines.
    while (std::endian::native == std::endian::little && pos + 8 <= size) {
        std::uint64_t word = 0;
        std::memcpy(&word, text + pos, 8);
        const std::uint64_t a = word ^ delimiters;
        const std::uint64_t b = word ^ newlines;
        const std::uint64_t hits = ((a - kOnes) & ~a & kHighs) | ((b - kOnes) & ~b & kHighs);
        if (hits != 0) {
            return pos + static_cast<std::size_t>(std::countr_zero(hits)) / 8;
        }
        pos += 8;
    }
    while (pos < size && text[pos] != delimiter && text[pos] != '\n') {
        ++pos;
    }
    return pos;
}

struct Field
{
    std::string_view text; // without the enclosing quotes; doubled quotes still doubled
    bool quoted = false;
    bool doubledQuotes = false;
};

class CsvTokenizer
{
public:
    CsvTokenizer(std::string_view text, char delimiter, const std::string& source)
        : m_text(text), m_delimiter(delimiter), m_source(source)
    {
    }

    void seek(std::size_t pos, std::size_t line)
    {
        m_pos = pos;
        m_line = line;
    }

    /// Reads the next record, skipping blank lines. Sets the byte offset and the physical line
    /// where it starts. `names` (may be empty) names columns in error messages.
    bool next(std::vector<Field>& fields, std::size_t& start, std::size_t& startLine,
              const std::vector<std::string>& names);

private:
    [[noreturn]] void fail(std::size_t line, std::size_t field,
                           const std::vector<std::string>& names, const std::string& detail) const
    {
        throw DataError(m_source, line, field < names.size() ? names[field] : std::string(),
                        detail);
    }

    std::string_view m_text;
    char m_delimiter;
    const std::string& m_source;
    std::size_t m_pos = 0;
    std::size_t m_line = 1;
};

bool CsvTokenizer::next(std::vector<Field>& fields, std::size_t& start, std::size_t& startLine,
                        const std::vector<std::string>& names)
{
    // Locals, not members, in the loops: stores through a char pointer could alias members,
    // which would force a reload per byte.
    const std::size_t size = m_text.size();
    const char* text = m_text.data();
    const char delimiter = m_delimiter;
    std::size_t pos = m_pos;
    std::size_t line = m_line;
    for (;;) {
        if (pos >= size) {
            m_pos = pos;
            m_line = line;
            return false;
        }
        if (text[pos] == '\n') {
            ++pos;
            ++line;
        } else if (text[pos] == '\r' && pos + 1 < size && text[pos + 1] == '\n') {
            pos += 2;
            ++line;
        } else {
            break;
        }
    }
    start = pos;
    startLine = line;
    fields.clear();
    for (;;) {
        Field field;
        if (pos < size && text[pos] == '"') {
            const std::size_t openLine = line;
            const std::size_t begin = ++pos;
            for (;;) {
                const void* found = std::memchr(text + pos, '"', size - pos);
                if (found == nullptr) {
                    fail(openLine, fields.size(), names,
                         "unterminated quote: the field opened on this line never closes");
                }
                const auto quote = static_cast<std::size_t>(static_cast<const char*>(found) - text);
                if (quote + 1 < size && text[quote + 1] == '"') {
                    field.doubledQuotes = true;
                    pos = quote + 2;
                    continue;
                }
                field.text = m_text.substr(begin, quote - begin);
                pos = quote + 1;
                break;
            }
            field.quoted = true;
            if (std::memchr(field.text.data(), '\n', field.text.size()) != nullptr) {
                line += static_cast<std::size_t>(
                    std::count(field.text.begin(), field.text.end(), '\n'));
            }
            while (pos < size && (text[pos] == ' ' || text[pos] == '\t') &&
                   text[pos] != delimiter) {
                ++pos;
            }
            const bool endsField =
                pos >= size || text[pos] == delimiter || text[pos] == '\n' ||
                (text[pos] == '\r' && (pos + 1 >= size || text[pos + 1] == '\n'));
            if (!endsField) {
                fail(line, fields.size(), names,
                     std::string("unexpected text after a closing quote: '") + text[pos] +
                         "' (a quote inside a quoted field must be doubled)");
            }
        } else {
            const std::size_t begin = pos;
            pos = findStop(text, pos, size, delimiter);
            std::size_t end = pos;
            if (end > begin && text[end - 1] == '\r') {
                --end;
            }
            field.text = trimBlanks(m_text.substr(begin, end - begin));
        }
        fields.push_back(field);
        if (pos >= size) {
            m_pos = pos;
            m_line = line;
            return true;
        }
        if (text[pos] == delimiter) {
            ++pos;
            continue;
        }
        if (text[pos] == '\r') {
            ++pos;
        }
        if (pos < size && text[pos] == '\n') {
            ++pos;
            ++line;
        }
        m_pos = pos;
        m_line = line;
        return true;
    }
}

// Counts ',' ';' TAB outside quotes on the first lines and picks the delimiter whose count is
// the same, and non-zero, on every sampled line; ties go to the larger count, then to ','.
char sniffDelimiter(std::string_view text)
{
    constexpr std::array<char, 3> kCandidates = {',', ';', '\t'};
    std::vector<std::array<std::size_t, 3>> lines;
    std::array<std::size_t, 3> counts{};
    bool inQuotes = false;
    bool lineHasContent = false;
    for (std::size_t i = 0; i < text.size() && lines.size() < kSniffLines; ++i) {
        const char c = text[i];
        if (c == '"') {
            inQuotes = !inQuotes;
        } else if (!inQuotes && c == '\n') {
            if (lineHasContent) {
                lines.push_back(counts);
            }
            counts = {};
            lineHasContent = false;
            continue;
        }
        lineHasContent = lineHasContent || (c != '\r' && c != ' ');
        for (std::size_t k = 0; k < kCandidates.size(); ++k) {
            counts[k] += (!inQuotes && c == kCandidates[k]) ? 1 : 0;
        }
    }
    if (lineHasContent && lines.size() < kSniffLines) {
        lines.push_back(counts);
    }
    if (lines.empty()) {
        return ',';
    }
    char best = 0;
    std::size_t bestCount = 0;
    char fallback = ',';
    std::size_t fallbackCount = 0;
    for (std::size_t k = 0; k < kCandidates.size(); ++k) {
        const std::size_t header = lines.front()[k];
        if (header == 0) {
            continue;
        }
        const bool consistent = std::all_of(lines.begin(), lines.end(),
                                            [&](const auto& line) { return line[k] == header; });
        if (consistent && header > bestCount) {
            best = kCandidates[k];
            bestCount = header;
        }
        if (header > fallbackCount) {
            fallback = kCandidates[k];
            fallbackCount = header;
        }
    }
    return best != 0 ? best : fallback;
}

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
        if (!field.doubledQuotes) {
            return field.text;
        }
        m_scratch.clear();
        for (std::size_t i = 0; i < field.text.size(); ++i) {
            m_scratch += field.text[i];
            i += (field.text[i] == '"') ? 1 : 0; // skip the second quote of a pair
        }
        return m_scratch;
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
