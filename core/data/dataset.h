// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace credit::core {

enum class ColumnType
{
    Numeric,
    Categorical,
};

/// Name, type and (for categoricals) the declared levels of one column, without its values.
/// The model bundle stores a `Schema`, so scoring can check an applicant against it.
struct ColumnSchema
{
    std::string name;
    ColumnType type = ColumnType::Numeric;
    std::vector<std::string> levels; ///< categorical only, in declared order

    /// Index of `label` in `levels`, or std::nullopt when it is not a declared level.
    std::optional<std::int32_t> levelIndex(const std::string& label) const;
    bool operator==(const ColumnSchema&) const = default;
};

/// Which column is the outcome and which of its two labels is the "positive" (default) class.
struct TargetSpec
{
    std::string column = "class";
    std::string positive = "bad";
};

/// The columns of a dataset plus its target. Every column except the target is a feature.
struct Schema
{
    std::vector<ColumnSchema> columns;
    std::size_t targetIndex = 0;
    std::string positiveLabel; ///< label of the positive class ("bad")
    std::string negativeLabel; ///< the other label ("good")

    const ColumnSchema& target() const { return columns.at(targetIndex); }
    /// Indices of all columns except the target, in file order.
    std::vector<std::size_t> featureIndices() const;
    /// Index of the column called `name`, or std::nullopt.
    std::optional<std::size_t> indexOf(const std::string& name) const;
    bool operator==(const Schema&) const = default;
};

/// One column of values. Numeric columns hold doubles (missing = NaN); categorical columns
/// hold level codes into `schema.levels` (missing = kMissingCode).
struct Column
{
    static constexpr std::int32_t kMissingCode = -1;

    ColumnSchema schema;
    std::vector<double> numeric;     ///< Numeric only; size = row count
    std::vector<std::int32_t> codes; ///< Categorical only; size = row count

    const std::string& name() const { return schema.name; }
    ColumnType type() const { return schema.type; }
    bool isNumeric() const { return schema.type == ColumnType::Numeric; }
    std::size_t size() const { return isNumeric() ? numeric.size() : codes.size(); }
    bool isMissing(std::size_t row) const
    {
        return isNumeric() ? std::isnan(numeric[row]) : codes[row] == kMissingCode;
    }
    std::size_t missingCount() const;
    /// The value as text: the level name, the number in shortest round-trip form, or "" if missing.
    std::string text(std::size_t row) const;
};

/// A columnar table of applicants with a binary target.
///
/// Invariants (checked by `Dataset::create`, which throws DataError otherwise):
/// - every column has the same number of rows, and names are unique;
/// - the target column is categorical with exactly two declared levels, one of them the
///   positive label; no row has a missing target;
/// - both classes occur at least once.
///
/// A Dataset is immutable once built; share it as `std::shared_ptr<const Dataset>`.
class Dataset
{
public:
    /// Builds a dataset from columns and a target spec. `sourceName` (usually the file name)
    /// prefixes error messages. Numeric target columns with exactly two distinct values are
    /// converted to categorical (levels in ascending numeric order).
    static Dataset create(std::vector<Column> columns, const TargetSpec& target,
                          const std::string& sourceName = {});

    const Schema& schema() const { return m_schema; }
    const std::vector<Column>& columns() const { return m_columns; }
    const Column& column(std::size_t index) const { return m_columns.at(index); }
    const Column& target() const { return m_columns[m_schema.targetIndex]; }
    std::size_t rowCount() const { return m_rows; }
    std::size_t columnCount() const { return m_columns.size(); }

    /// 1 where the row's target is the positive class, else 0. Size = rowCount().
    const std::vector<std::uint8_t>& labels() const { return m_labels; }
    std::size_t positiveCount() const { return m_positives; }
    /// Share of positive rows in [0, 1].
    double positiveRate() const
    {
        return m_rows == 0 ? 0.0 : double(m_positives) / double(m_rows);
    }

    /// A new dataset with only the given rows, in the given order (indices may repeat).
    Dataset subset(const std::vector<std::size_t>& rows) const;

    /// FNV-1a 64-bit hash over the schema and every value; stable across runs and platforms.
    std::uint64_t contentHash() const;

    /// Source name given at creation (file name), for messages and reports.
    const std::string& sourceName() const { return m_source; }

private:
    Schema m_schema;
    std::vector<Column> m_columns;
    std::vector<std::uint8_t> m_labels;
    std::size_t m_rows = 0;
    std::size_t m_positives = 0;
    std::string m_source;
};

} // namespace credit::core
