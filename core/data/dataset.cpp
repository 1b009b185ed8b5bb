// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "data/dataset.h"

#include "data/data_error.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <set>

namespace credit::core {
namespace {

constexpr std::uint64_t kFnvOffset = 1469598103934665603ULL;
constexpr std::uint64_t kFnvPrime = 1099511628211ULL;

void hashBytes(std::uint64_t& h, const void* data, std::size_t size)
{
    const auto* bytes = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i) {
        h ^= bytes[i];
        h *= kFnvPrime;
    }
}

void hashString(std::uint64_t& h, const std::string& s)
{
    const std::uint64_t n = s.size();
    hashBytes(h, &n, sizeof n);
    hashBytes(h, s.data(), s.size());
}

// A numeric target with two distinct values becomes categorical, e.g. german.data's 1/2.
Column numericToCategorical(const Column& column, const std::string& source)
{
    std::set<double> distinct;
    for (double v : column.numeric) {
        if (!std::isnan(v)) {
            distinct.insert(v);
        }
    }
    if (distinct.size() != 2) {
        throw DataError(source, 0, column.name(),
                        "the target must have exactly two classes, found " +
                            std::to_string(distinct.size()));
    }
    Column out;
    out.schema.name = column.name();
    out.schema.type = ColumnType::Categorical;
    for (double v : distinct) {
        Column tmp;
        tmp.schema.type = ColumnType::Numeric;
        tmp.numeric = {v};
        out.schema.levels.push_back(tmp.text(0));
    }
    out.codes.reserve(column.numeric.size());
    for (double v : column.numeric) {
        out.codes.push_back(std::isnan(v) ? Column::kMissingCode
                                          : (v == *distinct.begin() ? 0 : 1));
    }
    return out;
}

} // namespace

std::optional<std::int32_t> ColumnSchema::levelIndex(const std::string& label) const
{
    const auto it = std::find(levels.begin(), levels.end(), label);
    if (it == levels.end()) {
        return std::nullopt;
    }
    return static_cast<std::int32_t>(it - levels.begin());
}

std::vector<std::size_t> Schema::featureIndices() const
{
    std::vector<std::size_t> out;
    out.reserve(columns.size());
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (i != targetIndex) {
            out.push_back(i);
        }
    }
    return out;
}

std::optional<std::size_t> Schema::indexOf(const std::string& name) const
{
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].name == name) {
            return i;
        }
    }
    return std::nullopt;
}

std::size_t Column::missingCount() const
{
    if (isNumeric()) {
        return static_cast<std::size_t>(
            std::count_if(numeric.begin(), numeric.end(), [](double v) { return std::isnan(v); }));
    }
    return static_cast<std::size_t>(std::count(codes.begin(), codes.end(), kMissingCode));
}

std::string Column::text(std::size_t row) const
{
    if (isMissing(row)) {
        return {};
    }
    if (!isNumeric()) {
        return schema.levels[static_cast<std::size_t>(codes[row])];
    }
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, numeric[row]);
    return std::string(buffer, result.ptr);
}

Dataset Dataset::create(std::vector<Column> columns, const TargetSpec& target,
                        const std::string& sourceName)
{
    if (columns.empty()) {
        throw DataError(sourceName, 0, {}, "the data has no columns");
    }
    const std::size_t rows = columns.front().size();
    std::set<std::string> names;
    for (const Column& c : columns) {
        if (c.size() != rows) {
            throw DataError(sourceName, 0, c.name(),
                            "has " + std::to_string(c.size()) + " values, expected " +
                                std::to_string(rows));
        }
        if (!names.insert(c.name()).second) {
            throw DataError(sourceName, 0, c.name(), "the column name appears twice");
        }
        // A code outside the levels would make text() and every consumer read out of bounds.
        const auto levelCount = static_cast<std::int32_t>(c.schema.levels.size());
        for (std::size_t r = 0; !c.isNumeric() && r < c.codes.size(); ++r) {
            if (c.codes[r] < Column::kMissingCode || c.codes[r] >= levelCount) {
                throw DataError(sourceName, 0, c.name(),
                                "row " + std::to_string(r + 1) + " has level code " +
                                    std::to_string(c.codes[r]) + ", but the column has " +
                                    std::to_string(levelCount) + " levels");
            }
        }
    }
    if (rows == 0) {
        throw DataError(sourceName, 0, {}, "the data has no rows");
    }

    Dataset ds;
    ds.m_source = sourceName;
    ds.m_rows = rows;
    std::optional<std::size_t> targetIndex;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i].name() == target.column) {
            targetIndex = i;
        }
    }
    if (!targetIndex) {
        std::string available;
        for (const Column& c : columns) {
            available += (available.empty() ? "" : ", ") + c.name();
        }
        throw DataError(sourceName, 0, {},
                        "no target column '" + target.column + "' (columns: " + available + ")");
    }
    Column& t = columns[*targetIndex];
    if (t.isNumeric()) {
        t = numericToCategorical(t, sourceName);
    }
    if (t.schema.levels.size() != 2) {
        throw DataError(sourceName, 0, t.name(),
                        "the target must have exactly two classes, it declares " +
                            std::to_string(t.schema.levels.size()));
    }
    const auto positive = t.schema.levelIndex(target.positive);
    if (!positive) {
        throw DataError(sourceName, 0, t.name(),
                        "the positive class '" + target.positive + "' is not one of '" +
                            t.schema.levels[0] + "', '" + t.schema.levels[1] + "'");
    }
    ds.m_labels.resize(rows);
    for (std::size_t r = 0; r < rows; ++r) {
        if (t.codes[r] == Column::kMissingCode) {
            throw DataError(sourceName, 0, t.name(),
                            "row " + std::to_string(r + 1) + " has no target value");
        }
        ds.m_labels[r] = t.codes[r] == *positive ? 1 : 0;
        ds.m_positives += ds.m_labels[r];
    }
    if (ds.m_positives == 0 || ds.m_positives == rows) {
        throw DataError(sourceName, 0, t.name(),
                        "the target has only one class present ('" +
                            t.schema.levels[ds.m_positives == 0 ? 1 - *positive : *positive] +
                            "'); two are needed");
    }
    ds.m_schema.targetIndex = *targetIndex;
    ds.m_schema.positiveLabel = target.positive;
    ds.m_schema.negativeLabel = t.schema.levels[static_cast<std::size_t>(1 - *positive)];
    for (const Column& c : columns) {
        ds.m_schema.columns.push_back(c.schema);
    }
    ds.m_columns = std::move(columns);
    return ds;
}

Dataset Dataset::subset(const std::vector<std::size_t>& rows) const
{
    Dataset out;
    out.m_schema = m_schema;
    out.m_source = m_source;
    out.m_rows = rows.size();
    out.m_columns.reserve(m_columns.size());
    for (const Column& c : m_columns) {
        Column copy;
        copy.schema = c.schema;
        if (c.isNumeric()) {
            copy.numeric.reserve(rows.size());
            for (std::size_t r : rows) {
                copy.numeric.push_back(c.numeric.at(r));
            }
        } else {
            copy.codes.reserve(rows.size());
            for (std::size_t r : rows) {
                copy.codes.push_back(c.codes.at(r));
            }
        }
        out.m_columns.push_back(std::move(copy));
    }
    out.m_labels.reserve(rows.size());
    for (std::size_t r : rows) {
        out.m_labels.push_back(m_labels[r]);
        out.m_positives += m_labels[r];
    }
    return out;
}

std::uint64_t Dataset::contentHash() const
{
    std::uint64_t h = kFnvOffset;
    for (const Column& c : m_columns) {
        hashString(h, c.name());
        const auto type = static_cast<std::uint8_t>(c.type());
        hashBytes(h, &type, 1);
        for (const std::string& level : c.schema.levels) {
            hashString(h, level);
        }
        if (c.isNumeric()) {
            for (double v : c.numeric) {
                // Canonical NaN so every missing value hashes the same.
                const double canonical =
                    std::isnan(v) ? std::numeric_limits<double>::quiet_NaN() : (v == 0.0 ? 0.0 : v);
                std::uint64_t bits = 0;
                std::memcpy(&bits, &canonical, sizeof bits);
                hashBytes(h, &bits, sizeof bits);
            }
        } else {
            hashBytes(h, c.codes.data(), c.codes.size() * sizeof(std::int32_t));
        }
    }
    hashString(h, m_schema.positiveLabel);
    return h;
}

} // namespace credit::core
