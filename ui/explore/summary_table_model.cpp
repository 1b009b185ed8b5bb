// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "explore/summary_table_model.h"

#include <QLocale>

#include <cmath>

namespace credit::ui {

SummaryTableModel::SummaryTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void SummaryTableModel::setSummary(const core::ColumnSummary& s, const QStringList& levels)
{
    beginResetModel();
    m_rows.clear();
    m_rows.append({tr("Count"), double(s.count), true, tr("Rows with a value")});
    m_rows.append({tr("Missing"), double(s.missing), true, tr("Rows without a value")});
    if (s.type == core::ColumnType::Numeric) {
        m_rows.append({tr("Mean"), s.mean, false, tr("Arithmetic mean")});
        m_rows.append({tr("SD"), s.sd, false, tr("Sample standard deviation (divisor n − 1)")});
        m_rows.append({tr("Min"), s.min, false, {}});
        const QString type7 = tr("Sample quantile, linear interpolation (Hyndman & Fan type 7, "
                                 "as R and NumPy by default)");
        m_rows.append({tr("Q1 (25 %)"), s.q1, false, type7});
        m_rows.append({tr("Median"), s.median, false, type7});
        m_rows.append({tr("Q3 (75 %)"), s.q3, false, type7});
        m_rows.append({tr("Max"), s.max, false, {}});
        m_rows.append({tr("Skewness"), s.skewness, false,
                       tr("Adjusted Fisher–Pearson coefficient G1 (as Excel's SKEW): 0 for a "
                          "symmetric distribution, > 0 for a long right tail")});
        m_rows.append({tr("Distinct values"), double(s.distinct), true, {}});
    } else {
        for (int i = 0; i < levels.size() && i < int(s.levelCounts.size()); ++i) {
            m_rows.append({levels[i], double(s.levelCounts[std::size_t(i)]), true,
                           tr("Rows with this level")});
        }
    }
    endResetModel();
}

int SummaryTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SummaryTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : 2;
}

QVariant SummaryTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid()) {
        return {};
    }
    const Row& row = m_rows[index.row()];
    if (role == Qt::DisplayRole) {
        if (index.column() == 0) {
            return row.name;
        }
        if (std::isnan(row.value)) {
            return tr("n/a");
        }
        return row.integer ? QLocale().toString(qlonglong(row.value))
                           : QLocale().toString(row.value, 'f', std::fabs(row.value) < 10 ? 3 : 1);
    }
    if (role == Qt::EditRole) {
        return index.column() == 0 ? QVariant(row.name) : QVariant(row.value);
    }
    if (role == Qt::ToolTipRole) {
        return row.toolTip.isEmpty() ? QVariant() : QVariant(row.toolTip);
    }
    if (role == Qt::TextAlignmentRole && index.column() == 1) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant SummaryTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole) {
        return section == 0 ? tr("Statistic") : tr("Value");
    }
    return {};
}

} // namespace credit::ui
