// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "monitor/drift.h"

#include <QAbstractTableModel>

#include <vector>

namespace credit::ui {

/// The PSI/CSI table of a DriftReport: the score first, then the attributes worst first (as
/// evaluateDrift() sorts them). Columns: figure, PSI, p-value, level (a traffic light), rows.
class DriftTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Name,
        Psi,
        PValue,
        Level,
        Rows,
        ColumnCount
    };

    explicit DriftTableModel(QObject* parent = nullptr);

    void setReport(const core::DriftReport& report);
    /// The figure of `row`, or nullptr.
    const core::DriftFigure* figure(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// The traffic-light colour of a level (green, amber, red).
    static QColor levelColour(core::DriftLevel level);
    static QString levelText(core::DriftLevel level);

private:
    std::vector<core::DriftFigure> m_figures;
};

} // namespace credit::ui
