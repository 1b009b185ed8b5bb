// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "explore/outlier_table_model.h"

#include <QLocale>

namespace credit::ui {

OutlierTableModel::OutlierTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void OutlierTableModel::setReport(std::shared_ptr<const core::OutlierReport> report)
{
    beginResetModel();
    m_report = std::move(report);
    endResetModel();
}

int OutlierTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_report ? 0 : int(m_report->flags.size());
}

int OutlierTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : kColumnCount;
}

QVariant OutlierTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !m_report) {
        return {};
    }
    const core::OutlierFlag& f = m_report->flags[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case kRow:
            return qulonglong(f.row + 1);
        case kAttribute:
            return QString::fromStdString(f.attribute);
        case kValue:
            return QLocale().toString(f.value, 'g', 10);
        case kReason:
            return QString::fromStdString(f.reason);
        }
        break;
    case Qt::EditRole:
        switch (index.column()) {
        case kRow:
            return qulonglong(f.row + 1);
        case kValue:
            return f.value;
        default:
            return data(index, Qt::DisplayRole);
        }
    case kDatasetRowRole:
        return int(f.row);
    case kDatasetColumnRole:
        return int(f.columnIndex);
    case Qt::TextAlignmentRole:
        if (index.column() == kRow || index.column() == kValue) {
            return int(Qt::AlignRight | Qt::AlignVCenter);
        }
        break;
    case Qt::ToolTipRole:
        return tr("Double-click or press Enter to show row %1 in the Data tab").arg(f.row + 1);
    default:
        break;
    }
    return {};
}

QVariant OutlierTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) {
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (section) {
        case kRow:
            return tr("Row");
        case kAttribute:
            return tr("Attribute");
        case kValue:
            return tr("Value");
        case kReason:
            return tr("Reason");
        }
    }
    if (role == Qt::ToolTipRole && section == kRow) {
        return tr("Row number in the data (1 = first applicant), as in the Data tab");
    }
    return {};
}

} // namespace credit::ui
