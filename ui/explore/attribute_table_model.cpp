// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "explore/attribute_table_model.h"

#include "explore/explore_charts.h"
#include "main/help_text.h"

#include <QLocale>

namespace credit::ui {

AttributeTableModel::AttributeTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void AttributeTableModel::setResult(std::shared_ptr<const core::ExploreResult> result)
{
    beginResetModel();
    m_result = std::move(result);
    endResetModel();
}

int AttributeTableModel::rowOf(const QString& name) const
{
    if (!m_result) {
        return -1;
    }
    for (int i = 0; i < int(m_result->attributes.size()); ++i) {
        if (QString::fromStdString(m_result->attributes[std::size_t(i)].summary.name) == name) {
            return i;
        }
    }
    return -1;
}

int AttributeTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_result ? 0 : int(m_result->attributes.size());
}

int AttributeTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : kColumnCount;
}

QVariant AttributeTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !m_result) {
        return {};
    }
    const core::AttributeExploration& a = m_result->attributes[std::size_t(index.row())];
    const bool numeric = a.summary.type == core::ColumnType::Numeric;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case kName:
            return QString::fromStdString(a.summary.name);
        case kType:
            return numeric ? tr("numeric") : tr("categorical");
        case kMissing:
            return QLocale().toString(qulonglong(a.summary.missing));
        case kIv:
            return QLocale().toString(a.woe.iv, 'f', 3);
        case kStrength:
            return ExploreCharts::strengthLabel(a.woe.strength);
        }
        break;
    case kSortRole:
        switch (index.column()) {
        case kName:
            return QString::fromStdString(a.summary.name);
        case kType:
            return numeric ? 0 : 1;
        case kMissing:
            return qulonglong(a.summary.missing);
        case kIv:
        case kStrength:
            return a.woe.iv;
        }
        break;
    case Qt::EditRole:
        if (index.column() == kIv) {
            return a.woe.iv;
        }
        if (index.column() == kMissing) {
            return qulonglong(a.summary.missing);
        }
        return data(index, Qt::DisplayRole);
    case Qt::BackgroundRole:
        if (index.column() == kStrength || index.column() == kIv) {
            return ExploreCharts::strengthColour(a.woe.strength).lighter(115);
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == kMissing || index.column() == kIv) {
            return int(Qt::AlignRight | Qt::AlignVCenter);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == kStrength || index.column() == kIv) {
            return ExploreCharts::strengthToolTip(a.woe.strength);
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant AttributeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) {
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (section) {
        case kName:
            return tr("Attribute");
        case kType:
            return tr("Type");
        case kMissing:
            return tr("Missing");
        case kIv:
            return tr("IV");
        case kStrength:
            return tr("Strength");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case kIv:
            return ExploreCharts::ivDefinition() + QLatin1Char('\n') +
                   glossaryPointer(GlossaryTerm::InformationValue);
        case kStrength:
            return ExploreCharts::strengthBandsDefinition() + QLatin1Char('\n') +
                   glossaryPointer(GlossaryTerm::InformationValue);
        case kMissing:
            return tr("Rows without a value for this attribute");
        default:
            break;
        }
    }
    return {};
}

} // namespace credit::ui
