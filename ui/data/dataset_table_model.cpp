// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "data/dataset_table_model.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>

#include <utility>

namespace credit::ui {

namespace {

const QColor kMissingBackground(0xfd, 0xf1, 0xdc);
const QColor kMissingForeground(0x8a, 0x8a, 0x8a);
const QColor kTargetBackground(0xe6, 0xf0, 0xfa);
const QColor kPositiveForeground(0xb0, 0x1c, 0x1c);

} // namespace

DatasetTableModel::DatasetTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void DatasetTableModel::setDataset(std::shared_ptr<const core::Dataset> dataset)
{
    beginResetModel();
    m_dataset = std::move(dataset);
    m_levels.clear();
    if (m_dataset) {
        m_levels.resize(m_dataset->columnCount());
        for (std::size_t c = 0; c < m_dataset->columnCount(); ++c) {
            for (const std::string& level : m_dataset->column(c).schema.levels) {
                m_levels[c].append(QString::fromStdString(level));
            }
        }
    }
    endResetModel();
}

QString DatasetTableModel::missingText()
{
    return tr("missing");
}

const QString& DatasetTableModel::levelText(int column, std::int32_t code) const
{
    return m_levels[static_cast<std::size_t>(column)][code];
}

bool DatasetTableModel::isTargetColumn(int column) const
{
    return m_dataset && static_cast<std::size_t>(column) == m_dataset->schema().targetIndex;
}

QString DatasetTableModel::cellText(int row, int column) const
{
    const core::Column& data = m_dataset->column(static_cast<std::size_t>(column));
    const auto r = static_cast<std::size_t>(row);
    if (data.isMissing(r)) {
        return missingText();
    }
    if (data.isNumeric()) {
        return QString::fromStdString(data.text(r));
    }
    return levelText(column, data.codes[r]);
}

int DatasetTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_dataset ? 0 : static_cast<int>(m_dataset->rowCount());
}

int DatasetTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_dataset ? 0 : static_cast<int>(m_dataset->columnCount());
}

QVariant DatasetTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !m_dataset) {
        return {};
    }
    const int row = index.row();
    const int column = index.column();
    const core::Column& data = m_dataset->column(static_cast<std::size_t>(column));
    const bool missing = data.isMissing(static_cast<std::size_t>(row));
    switch (role) {
    case Qt::DisplayRole:
        return cellText(row, column);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignVCenter |
                                   (data.isNumeric() ? Qt::AlignRight : Qt::AlignLeft));
    case Qt::ForegroundRole:
        if (missing) {
            return QBrush(kMissingForeground);
        }
        if (isTargetColumn(column) && m_dataset->labels()[static_cast<std::size_t>(row)] != 0) {
            return QBrush(kPositiveForeground);
        }
        return {};
    case Qt::BackgroundRole:
        if (missing) {
            return QBrush(kMissingBackground);
        }
        if (isTargetColumn(column)) {
            return QBrush(kTargetBackground);
        }
        return {};
    case Qt::FontRole:
        if (missing) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        if (isTargetColumn(column)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        if (missing) {
            return tr("Missing value: column '%1', row %2")
                .arg(QString::fromStdString(data.name()))
                .arg(row + 1);
        }
        return {};
    case MissingRole:
        return missing;
    case DatasetRowRole:
        return row;
    default:
        return {};
    }
}

QVariant DatasetTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!m_dataset || section < 0) {
        return {};
    }
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole) {
            return section + 1;
        }
        if (role == Qt::TextAlignmentRole) {
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    }
    if (section >= columnCount()) {
        return {};
    }
    const core::Column& data = m_dataset->column(static_cast<std::size_t>(section));
    switch (role) {
    case Qt::DisplayRole:
        if (isTargetColumn(section)) {
            return tr("%1 (target)").arg(QString::fromStdString(data.name()));
        }
        return QString::fromStdString(data.name());
    case Qt::FontRole:
        if (isTargetColumn(section)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        return headerToolTip(section);
    default:
        return {};
    }
}

QVariant DatasetTableModel::headerToolTip(int column) const
{
    const core::Column& data = m_dataset->column(static_cast<std::size_t>(column));
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() & ~QLocale::OmitGroupSeparator);
    const auto missing = static_cast<qlonglong>(data.missingCount());
    const QString type =
        data.isNumeric()
            ? tr("numeric")
            : tr("categorical, %1 levels").arg(static_cast<qlonglong>(data.schema.levels.size()));
    QString tip = tr("<b>%1</b><br>Type: %2<br>Missing: %3 of %4")
                      .arg(QString::fromStdString(data.name()).toHtmlEscaped(), type,
                           locale.toString(missing),
                           locale.toString(static_cast<qlonglong>(m_dataset->rowCount())));
    if (isTargetColumn(column)) {
        const core::Schema& schema = m_dataset->schema();
        tip += tr("<br>Target column: positive class '%1' (%2 %), shown in red")
                   .arg(QString::fromStdString(schema.positiveLabel).toHtmlEscaped(),
                        locale.toString(m_dataset->positiveRate() * 100.0, 'f', 1));
    }
    tip += tr("<br><i>Click to sort; again to reverse; a third time for file order.</i>");
    return tip;
}

} // namespace credit::ui
