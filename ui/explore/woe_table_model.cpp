// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "explore/woe_table_model.h"

#include "explore/explore_charts.h"
#include "main/help_text.h"

#include <QColor>
#include <QFont>
#include <QLocale>

namespace credit::ui {

WoeTableModel::WoeTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void WoeTableModel::setTable(const core::WoeTable& table, const QString& goodLabel,
                             const QString& badLabel)
{
    beginResetModel();
    m_table = table;
    m_good = goodLabel;
    m_bad = badLabel;
    endResetModel();
}

void WoeTableModel::clear()
{
    beginResetModel();
    m_table = {};
    endResetModel();
}

int WoeTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || m_table.bins.empty() ? 0 : int(m_table.bins.size()) + 1;
}

int WoeTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : kColumnCount;
}

QVariant WoeTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid()) {
        return {};
    }
    const bool total = index.row() == int(m_table.bins.size());
    const QLocale locale;
    if (total) {
        const std::size_t rows = m_table.totalGoods + m_table.totalBads;
        const double badRate = rows == 0 ? 0.0 : double(m_table.totalBads) / double(rows);
        if (role == Qt::DisplayRole) {
            switch (index.column()) {
            case kBin:
                return tr("Total");
            case kGoods:
                return locale.toString(qulonglong(m_table.totalGoods));
            case kBads:
                return locale.toString(qulonglong(m_table.totalBads));
            case kDistGood:
            case kDistBad:
                return locale.toString(100.0, 'f', 1);
            case kBadRate:
                return locale.toString(100.0 * badRate, 'f', 1);
            case kIvContribution:
                return tr("IV %1").arg(locale.toString(m_table.iv, 'f', 4));
            default:
                return {};
            }
        }
        if (role == Qt::EditRole) {
            switch (index.column()) {
            case kGoods:
                return qulonglong(m_table.totalGoods);
            case kBads:
                return qulonglong(m_table.totalBads);
            case kDistGood:
            case kDistBad:
                return 100.0;
            case kBadRate:
                return 100.0 * badRate;
            case kIvContribution:
                return m_table.iv;
            default:
                return data(index, Qt::DisplayRole);
            }
        }
        if (role == Qt::FontRole) {
            QFont font;
            font.setBold(true);
            return font;
        }
        if (role == Qt::TextAlignmentRole && index.column() != kBin) {
            return int(Qt::AlignRight | Qt::AlignVCenter);
        }
        if (role == Qt::ToolTipRole && index.column() == kIvContribution) {
            return ExploreCharts::strengthToolTip(m_table.strength);
        }
        return {};
    }

    const core::WoeBin& bin = m_table.bins[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case kBin:
            return bin.missingBin ? tr("missing") : QString::fromStdString(bin.label);
        case kGoods:
            return locale.toString(qulonglong(bin.goods));
        case kBads:
            return locale.toString(qulonglong(bin.bads));
        case kDistGood:
            return locale.toString(100.0 * bin.distGood, 'f', 1);
        case kDistBad:
            return locale.toString(100.0 * bin.distBad, 'f', 1);
        case kBadRate:
            return locale.toString(100.0 * bin.badRate, 'f', 1);
        case kWoe:
            return locale.toString(bin.woe, 'f', 3) +
                   (bin.smoothed ? QStringLiteral(" *") : QString());
        case kIvContribution:
            return locale.toString(bin.ivContribution, 'f', 4);
        }
        break;
    case Qt::EditRole:
        switch (index.column()) {
        case kGoods:
            return qulonglong(bin.goods);
        case kBads:
            return qulonglong(bin.bads);
        case kDistGood:
            return 100.0 * bin.distGood;
        case kDistBad:
            return 100.0 * bin.distBad;
        case kBadRate:
            return 100.0 * bin.badRate;
        case kWoe:
            return bin.woe;
        case kIvContribution:
            return bin.ivContribution;
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::TextAlignmentRole:
        if (index.column() != kBin) {
            return int(Qt::AlignRight | Qt::AlignVCenter);
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == kWoe) {
            return bin.woe < 0 ? QColor(170, 30, 45) : QColor(30, 90, 150);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == kWoe && bin.smoothed) {
            return tr("* This bin has no %1 or no %2 applicants: 0.5 was added to both counts "
                      "so that the WoE stays finite.")
                .arg(m_good, m_bad);
        }
        if (index.column() == kWoe) {
            return bin.woe < 0 ? tr("Negative WoE: riskier than the portfolio average")
                               : tr("Positive WoE: safer than the portfolio average");
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant WoeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) {
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (section) {
        case kBin:
            return tr("Bin / level");
        case kGoods:
            return m_good.isEmpty() ? tr("Goods") : m_good;
        case kBads:
            return m_bad.isEmpty() ? tr("Bads") : m_bad;
        case kDistGood:
            return tr("% of %1").arg(m_good.isEmpty() ? tr("goods") : m_good);
        case kDistBad:
            return tr("% of %1").arg(m_bad.isEmpty() ? tr("bads") : m_bad);
        case kBadRate:
            return tr("%1 rate (%)").arg(m_bad.isEmpty() ? tr("Bad") : m_bad);
        case kWoe:
            return tr("WoE");
        case kIvContribution:
            return tr("IV contribution");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case kDistGood:
            return tr("Share of all %1 applicants that fall in this bin").arg(m_good);
        case kDistBad:
            return tr("Share of all %1 applicants that fall in this bin").arg(m_bad);
        case kBadRate:
            return tr("%1 applicants among all applicants of this bin").arg(m_bad);
        case kWoe:
            return ExploreCharts::woeDefinition() + QLatin1Char('\n') +
                   glossaryPointer(GlossaryTerm::Woe);
        case kIvContribution:
            return ExploreCharts::ivDefinition() + QLatin1Char('\n') +
                   glossaryPointer(GlossaryTerm::InformationValue);
        default:
            break;
        }
    }
    return {};
}

} // namespace credit::ui
