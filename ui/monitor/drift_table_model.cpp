// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "monitor/drift_table_model.h"

#include "widgets/number_text.h"

#include <QColor>
#include <QLocale>

#include <cmath>

namespace credit::ui {

DriftTableModel::DriftTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void DriftTableModel::setReport(const core::DriftReport& report)
{
    beginResetModel();
    m_figures.clear();
    if (report.hasScore) {
        m_figures.push_back(report.score);
    }
    m_figures.insert(m_figures.end(), report.attributes.begin(), report.attributes.end());
    endResetModel();
}

const core::DriftFigure* DriftTableModel::figure(int row) const
{
    return row >= 0 && row < int(m_figures.size()) ? &m_figures[std::size_t(row)] : nullptr;
}

int DriftTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_figures.size());
}

int DriftTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QColor DriftTableModel::levelColour(core::DriftLevel level)
{
    switch (level) {
    case core::DriftLevel::Stable:
        return QColor(0x2e, 0x9d, 0x4f);
    case core::DriftLevel::Watch:
        return QColor(0xe8, 0xa3, 0x17);
    case core::DriftLevel::Shifted:
        return QColor(0xd0, 0x31, 0x2d);
    }
    return {};
}

QString DriftTableModel::levelText(core::DriftLevel level)
{
    switch (level) {
    case core::DriftLevel::Stable:
        return tr("stable");
    case core::DriftLevel::Watch:
        return tr("watch");
    case core::DriftLevel::Shifted:
        return tr("shifted");
    }
    return {};
}

QVariant DriftTableModel::data(const QModelIndex& index, int role) const
{
    const core::DriftFigure* f = figure(index.row());
    if (f == nullptr) {
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name:
            return f->isScore ? tr("score (PSI)") : QString::fromStdString(f->name);
        case Psi:
            return std::isnan(f->psi) ? tr("–") : QString::number(f->psi, 'f', 4);
        case PValue:
            return std::isnan(f->pValue) ? tr("–")
                   : f->pValue < 1e-4    ? tr("< 0.0001")
                                         : QString::number(f->pValue, 'f', 4);
        case Level:
            return levelText(f->level);
        case Rows:
            return QLocale().toString(qint64(f->rows));
        default:
            return {};
        }
    }
    if (role == Qt::EditRole) {
        // Full precision for CSV export (TableCsvWriter); NaN stays empty.
        switch (index.column()) {
        case Psi:
            return std::isnan(f->psi) ? QVariant() : QVariant(f->psi);
        case PValue:
            return std::isnan(f->pValue) ? QVariant() : QVariant(f->pValue);
        case Rows:
            return qulonglong(f->rows);
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::DecorationRole && index.column() == Level) {
        return levelColour(f->level);
    }
    if (role == Qt::TextAlignmentRole && index.column() != Name && index.column() != Level) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role == Qt::ToolTipRole) {
        return tr("%1: PSI %2, χ² statistic %3 on %4 degrees of freedom, p-value %5 "
                  "(the chance of a PSI this large from two samples of one population)")
            .arg(QString::fromStdString(f->name))
            .arg(f->psi, 0, 'f', 4)
            .arg(f->statistic, 0, 'f', 2)
            .arg(f->degreesOfFreedom)
            .arg(f->pValue, 0, 'g', 3);
    }
    return {};
}

QVariant DriftTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Name:
        return tr("Figure");
    case Psi:
        return tr("PSI / CSI");
    case PValue:
        return tr("p-value");
    case Level:
        return tr("Level");
    case Rows:
        return tr("Rows");
    default:
        return {};
    }
}

} // namespace credit::ui
