// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "data/dataset.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <memory>
#include <vector>

namespace credit::ui {

/// A read-only table over the columns of a core Dataset: one row per applicant, one column
/// per dataset column (target included). Values are read from the Dataset on demand; only the
/// level names of categorical columns are kept as QStrings.
///
/// Missing cells show the text "missing" (grey italic, tinted, with a tooltip); the target
/// column has its own tint; the vertical header is the 1-based dataset row.
class DatasetTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role
    {
        MissingRole = Qt::UserRole + 1, ///< bool: the cell is missing
        DatasetRowRole,                 ///< int: 0-based dataset row
    };

    explicit DatasetTableModel(QObject* parent = nullptr);

    /// Resets the model to `dataset` (may be nullptr).
    void setDataset(std::shared_ptr<const core::Dataset> dataset);
    const core::Dataset* dataset() const { return m_dataset.get(); }

    /// The text shown in a cell: level name, number, or "missing". Row/column are dataset
    /// indices.
    QString cellText(int row, int column) const;
    /// The name of level `code` of categorical `column`.
    const QString& levelText(int column, std::int32_t code) const;
    /// The translated word shown for missing cells.
    static QString missingText();
    bool isTargetColumn(int column) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant headerToolTip(int column) const;

    std::shared_ptr<const core::Dataset> m_dataset;
    std::vector<QStringList> m_levels; ///< per column; empty for numeric columns
};

} // namespace credit::ui
