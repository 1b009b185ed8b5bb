// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "data/dataset_filter_proxy.h"

#include "data/dataset_table_model.h"

namespace credit::ui {

DatasetFilterProxy::DatasetFilterProxy(QObject* parent) : QSortFilterProxyModel(parent) {}

void DatasetFilterProxy::setDatasetModel(DatasetTableModel* model)
{
    m_model = model;
    setSourceModel(model);
}

void DatasetFilterProxy::setFilterText(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text) {
        return;
    }
    m_text = trimmed;
    m_numericNeedle = m_text.toLower().toStdString();
    m_query = core::RowFilterQuery::parse(m_text.toStdString());
    m_missingMatches =
        !m_text.isEmpty() && DatasetTableModel::missingText().contains(m_text, Qt::CaseInsensitive);
    invalidateFilter();
}

void DatasetFilterProxy::setFilterColumnIndex(int column)
{
    if (column == m_column) {
        return;
    }
    m_column = column;
    if (!m_text.isEmpty()) {
        invalidateFilter();
    }
}

bool DatasetFilterProxy::cellMatches(int row, int column) const
{
    const core::Column& data = m_model->dataset()->column(static_cast<std::size_t>(column));
    const auto r = static_cast<std::size_t>(row);
    if (data.isMissing(r)) {
        return m_missingMatches;
    }
    if (data.isNumeric()) {
        if (m_query.number) {
            return m_query.number->matches(data.numeric[r]);
        }
        return data.text(r).find(m_numericNeedle) != std::string::npos;
    }
    // Levels are searched as text whatever the query: "<0" and ">=200" are checking_status
    // levels of German Credit.
    return m_model->levelText(column, data.codes[r]).contains(m_text, Qt::CaseInsensitive);
}

bool DatasetFilterProxy::comparisonOnCategoricalColumn() const
{
    if (!m_query.number || !m_query.number->isComparison() || m_model == nullptr ||
        m_model->dataset() == nullptr || m_column < 0 ||
        std::size_t(m_column) >= m_model->dataset()->columnCount()) {
        return false;
    }
    return !m_model->dataset()->column(std::size_t(m_column)).isNumeric();
}

bool DatasetFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_text.isEmpty() || m_model == nullptr || m_model->dataset() == nullptr ||
        sourceParent.isValid()) {
        return true;
    }
    const int columns = m_model->columnCount();
    if (m_column >= 0 && m_column < columns) {
        return cellMatches(sourceRow, m_column);
    }
    for (int column = 0; column < columns; ++column) {
        if (cellMatches(sourceRow, column)) {
            return true;
        }
    }
    return false;
}

bool DatasetFilterProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    if (m_model == nullptr || m_model->dataset() == nullptr) {
        return QSortFilterProxyModel::lessThan(left, right);
    }
    const int column = left.column();
    const core::Column& data = m_model->dataset()->column(static_cast<std::size_t>(column));
    const auto l = static_cast<std::size_t>(left.row());
    const auto r = static_cast<std::size_t>(right.row());
    const bool leftMissing = data.isMissing(l);
    const bool rightMissing = data.isMissing(r);
    if (leftMissing || rightMissing) {
        // Missing last in both orders: the view reverses lessThan for descending order.
        if (leftMissing == rightMissing) {
            return false;
        }
        return sortOrder() == Qt::AscendingOrder ? rightMissing : leftMissing;
    }
    if (data.isNumeric()) {
        return data.numeric[l] < data.numeric[r];
    }
    if (data.codes[l] == data.codes[r]) {
        return false;
    }
    return m_model->levelText(column, data.codes[l])
               .compare(m_model->levelText(column, data.codes[r]), Qt::CaseInsensitive) < 0;
}

} // namespace credit::ui
