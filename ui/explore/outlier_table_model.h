// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "explore/outlier_report.h"

#include <QAbstractTableModel>

#include <memory>

namespace credit::ui {

/// Flagged outlier values: row (1-based, as the Data tab shows it), attribute, value, reason.
/// Qt::UserRole of any cell holds the 0-based dataset row.
class OutlierTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        kRow,
        kAttribute,
        kValue,
        kReason,
        kColumnCount
    };
    static constexpr int kDatasetRowRole = Qt::UserRole;
    /// The dataset column index of the flagged value.
    static constexpr int kDatasetColumnRole = Qt::UserRole + 1;

    explicit OutlierTableModel(QObject* parent = nullptr);

    void setReport(std::shared_ptr<const core::OutlierReport> report);
    const core::OutlierReport* report() const { return m_report.get(); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::shared_ptr<const core::OutlierReport> m_report;
};

} // namespace credit::ui
