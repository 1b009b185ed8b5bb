// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "explore/column_summary.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace credit::ui {

/// Descriptive statistics of one attribute as a two-column table (statistic, value). For
/// categorical attributes the rows are the counts per level.
class SummaryTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    explicit SummaryTableModel(QObject* parent = nullptr);

    /// `levels` are the declared levels (categorical only).
    void setSummary(const core::ColumnSummary& summary, const QStringList& levels);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row
    {
        QString name;
        double value = 0.0;
        bool integer = false;
        QString toolTip;
    };
    QList<Row> m_rows;
};

} // namespace credit::ui
