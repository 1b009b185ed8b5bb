// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "main/tab_page.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace credit::ui {

class DatasetFilterProxy;
class DatasetTableModel;

/// The Data tab: the whole dataset in a sortable, filterable virtual table.
class DataTab : public TabPage
{
    Q_OBJECT

public:
    explicit DataTab(AppState* state, QWidget* parent = nullptr);

    QString tabId() const override;
    QString tabTitle() const override;

    /// Selects and scrolls to a 0-based dataset row (and to dataset column `column` unless it
    /// is -1), clearing the filter if it hides the row. False when there is no such row.
    bool selectDatasetRow(int datasetRow, int column = -1);
    /// Focuses the filter box and selects its text.
    void focusFilter();

    QTableView* tableView() const { return m_view; }
    DatasetTableModel* datasetModel() const { return m_model; }
    DatasetFilterProxy* proxyModel() const { return m_proxy; }
    QLineEdit* filterEdit() const { return m_filterEdit; }
    QComboBox* filterColumnBox() const { return m_columnBox; }
    /// "Showing N of M rows".
    QString rowCountText() const;

private:
    void onDatasetChanged();
    void onFilterColumnChanged();
    void updateRowCount();
    void resizeColumns();

    DatasetTableModel* m_model;
    DatasetFilterProxy* m_proxy;
    QLineEdit* m_filterEdit;
    QComboBox* m_columnBox;
    QLabel* m_countLabel;
    QTableView* m_view;
};

} // namespace credit::ui
