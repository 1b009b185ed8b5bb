// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "explore/explore_result.h"

#include <QAbstractTableModel>

#include <memory>

namespace credit::ui {

/// The attribute list of the Explore tab: name, type, missing, IV and strength of every
/// feature. Qt::UserRole holds the sort key (IV as a number, etc.).
class AttributeTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        kName,
        kType,
        kMissing,
        kIv,
        kStrength,
        kColumnCount
    };
    static constexpr int kSortRole = Qt::UserRole;

    explicit AttributeTableModel(QObject* parent = nullptr);

    void setResult(std::shared_ptr<const core::ExploreResult> result);
    /// Index into ExploreResult::attributes of `row`.
    int attributeIndex(int row) const { return row; }
    /// The row showing attribute `name`, or −1.
    int rowOf(const QString& name) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::shared_ptr<const core::ExploreResult> m_result;
};

} // namespace credit::ui
