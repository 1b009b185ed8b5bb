// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "data/csv_tokenizer.h"

#include "data/data_error.h"
#include "data/text_values.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <vector>

namespace credit::core {
namespace {

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

} // namespace

void CsvTokenizer::fail(std::size_t line, std::size_t field, const std::vector<std::string>& names,
                        const std::string& detail) const
{
    throw DataError(m_source, line, field < names.size() ? names[field] : std::string(), detail);
}

std::string_view CsvTokenizer::unescape(const CsvField& field, std::string& scratch)
{
    if (!field.doubledQuotes) {
        return field.text;
    }
    scratch.clear();
    for (std::size_t i = 0; i < field.text.size(); ++i) {
        scratch += field.text[i];
        i += (field.text[i] == '"') ? 1 : 0; // skip the second quote of a pair
    }
    return scratch;
}

bool CsvTokenizer::next(std::vector<CsvField>& fields, std::size_t& start, std::size_t& startLine,
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
        CsvField field;
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
    constexpr std::size_t kSniffLines = 20;
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


} // namespace credit::core
