// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "explore/woe_table.h"

#include <QAbstractTableModel>

namespace credit::ui {

/// A Weight-of-Evidence table (one row per bin or level, plus a total row with the IV).
class WoeTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        kBin,
        kGoods,
        kBads,
        kDistGood,
        kDistBad,
        kBadRate,
        kWoe,
        kIvContribution,
        kColumnCount
    };

    explicit WoeTableModel(QObject* parent = nullptr);

    void setTable(const core::WoeTable& table, const QString& goodLabel, const QString& badLabel);
    void clear();
    const core::WoeTable& table() const { return m_table; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    core::WoeTable m_table;
    QString m_good;
    QString m_bad;
};

} // namespace credit::ui
