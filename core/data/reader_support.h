// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

// Internal to core/data: pieces shared by the ARFF, CSV and german.data parsers. Not installed,
// not included outside core/data.

#include "data/data_error.h"
#include "data/dataset.h"
#include "data/dataset_reader.h"
#include "data/text_values.h"

#include <cstdint>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace credit::core::detail {

/// What a format parser hands back: the columns in file order plus non-fatal remarks. The
/// caller (dataset_reader.cpp) turns it into a Dataset.
struct ParsedTable
{
    std::vector<Column> columns;
    std::vector<std::string> warnings;
};

/// Format parsers. `text` has no BOM and no NUL byte (checked by the caller). They throw
/// DataError naming `source`, the 1-based physical line and the column.
ParsedTable parseArff(std::string_view text, const std::string& source, const TargetSpec& target);
ParsedTable parseCsv(std::string_view text, const std::string& source, const TargetSpec& target,
                     const std::vector<std::string>& categoricalColumns = {});
ParsedTable parseGermanData(std::string_view text, const std::string& source,
                            const TargetSpec& target);

enum class NumberStatus
{
    Ok,        ///< a finite number
    NotNumber, ///< not numeric syntax
    NonFinite, ///< numeric syntax but inf, nan or out of the double range (1e999)
};

/// Parses the whole of `text` (no surrounding blanks) as a decimal number: optional sign,
/// digits, optional fraction and exponent; also the words inf/infinity/nan (→ NonFinite).
/// With `decimalComma`, a single ',' is accepted as the decimal mark when there is no '.'.
/// A value that underflows (1e-999) becomes ±0.
NumberStatus parseNumber(std::string_view text, double& out, bool decimalComma = false);

/// ASCII case-insensitive equality.
bool equalsIgnoreCase(std::string_view a, std::string_view b);

/// `value` in double quotes for a message, cut to 40 bytes with "..." when longer.
std::string quoteValue(std::string_view value);

/// "'a', 'b', 'c', ... (7 levels)": the first few levels for a message.
std::string describeLevels(const std::vector<std::string>& levels, std::size_t shown = 5);

/// Levels of one categorical column with O(1) lookup by text. Strings live in a deque so the
/// views used as hash keys stay valid while levels are added.
class LevelTable
{
public:
    LevelTable() = default;
    // The index holds views into m_storage: a copy must rebuild it; a move keeps the strings
    // where they are (deque moves do not relocate elements), so the views stay valid.
    LevelTable(const LevelTable& other)
    {
        for (const std::string& level : other.m_storage) {
            add(level);
        }
    }
    LevelTable& operator=(const LevelTable& other)
    {
        if (this != &other) {
            LevelTable copy(other);
            *this = std::move(copy);
        }
        return *this;
    }
    LevelTable(LevelTable&&) = default;
    LevelTable& operator=(LevelTable&&) = default;
    ~LevelTable() = default;

    /// Index of `label`, or -1 when absent.
    std::int32_t find(std::string_view label) const
    {
        if (m_keys.size() <= kLinearLimit) {
            // Compare an 8-byte prefix key and the length first: for the short labels typical
            // of credit data that decides without touching the strings.
            const std::uint64_t key = prefixKey(label);
            for (std::size_t i = 0; i < m_keys.size(); ++i) {
                if (m_keys[i] == key && m_views[i].size() == label.size() &&
                    (label.size() <= 8 ||
                     std::memcmp(m_views[i].data() + 8, label.data() + 8, label.size() - 8) == 0)) {
                    return static_cast<std::int32_t>(i);
                }
            }
            return -1;
        }
        const auto it = m_index.find(label);
        return it == m_index.end() ? -1 : it->second;
    }
    /// Index of `label`, adding it at the end when absent.
    std::int32_t findOrAdd(std::string_view label)
    {
        const std::int32_t found = find(label);
        return found >= 0 ? found : add(label);
    }
    /// Appends `label` (the caller checked it is absent) and returns its index.
    std::int32_t add(std::string_view label)
    {
        const auto code = static_cast<std::int32_t>(m_storage.size());
        m_storage.emplace_back(label);
        m_views.emplace_back(m_storage.back());
        m_keys.push_back(prefixKey(label));
        m_index.emplace(m_views.back(), code);
        return code;
    }
    std::size_t size() const { return m_storage.size(); }
    std::vector<std::string> levels() const { return {m_storage.begin(), m_storage.end()}; }

private:
    // A few key compares beat hashing for the short level lists typical of credit data.
    static constexpr std::size_t kLinearLimit = 16;

    static std::uint64_t prefixKey(std::string_view text)
    {
        std::uint64_t key = 0;
        std::memcpy(&key, text.data(), text.size() < 8 ? text.size() : 8);
        return key;
    }

    std::deque<std::string> m_storage;
    std::vector<std::string_view> m_views; // m_views[i] views m_storage[i]
    std::vector<std::uint64_t> m_keys;     // first 8 bytes of each level, zero-padded
    std::unordered_map<std::string_view, std::int32_t> m_index;
};

} // namespace credit::core::detail
