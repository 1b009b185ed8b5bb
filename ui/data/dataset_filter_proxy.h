// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "data/row_filter.h"

#include <QSortFilterProxyModel>
#include <QString>

#include <string>

namespace credit::ui {

class DatasetTableModel;

/// Sorts and filters a DatasetTableModel straight from the Dataset's columns:
/// - numeric columns sort by value, categorical ones by level name (case-insensitive), and
///   missing cells always come last, in either order; ties keep the dataset order;
/// - the filter keeps rows where the filter text occurs (case-insensitive) in the shown text
///   of any column, or of one chosen column; a number or a comparison (core::RowFilterQuery:
///   "24", ">24", "12-24") is compared with the value of numeric columns instead, while
///   categorical levels are still searched as text ("<0" is a checking_status level).
class DatasetFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit DatasetFilterProxy(QObject* parent = nullptr);

    void setDatasetModel(DatasetTableModel* model);

    QString filterText() const { return m_text; }
    /// Why the text is not read as a comparison although it looks like one, else empty.
    QString filterProblem() const { return QString::fromStdString(m_query.problem); }
    /// True when a comparison (">24", "12-24") is typed but the chosen column is categorical.
    bool comparisonOnCategoricalColumn() const;
    void setFilterText(const QString& text);
    /// Dataset column to search, or -1 for all columns.
    int filterColumnIndex() const { return m_column; }
    void setFilterColumnIndex(int column);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    bool cellMatches(int row, int column) const;

    DatasetTableModel* m_model = nullptr;
    QString m_text;
    std::string m_numericNeedle; ///< m_text lower-cased, for numbers formatted by core
    core::RowFilterQuery m_query;
    bool m_missingMatches = false;
    int m_column = -1;
};

} // namespace credit::ui
