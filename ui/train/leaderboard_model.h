// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "train/training_job.h"

#include <QAbstractTableModel>
#include <QString>

#include <vector>

namespace credit::ui {

/// Table adapter over a run's leaderboard: one row per algorithm's best configuration.
/// DisplayRole holds formatted text, Qt::UserRole the number to sort by (SortRole) and
/// EditRole the raw value (CSV export). The automatically selected best row is marked, the
/// analyst's current model is shown in bold.
class LeaderboardModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        AlgorithmColumn,
        StatusColumn,
        AucColumn,
        ApColumn,
        KsColumn,
        GiniColumn,
        BrierColumn,
        LogLossColumn,
        CostColumn,
        FitTimeColumn,
        TrialsColumn,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int AlgorithmRole = Qt::UserRole + 1;

    explicit LeaderboardModel(QObject* parent = nullptr);

    void setLeaderboard(std::vector<core::LeaderboardRow> rows, const QString& bestAlgorithm);
    void setCurrentAlgorithm(const QString& algorithm);
    QString bestAlgorithm() const { return m_best; }
    QString algorithmAt(int row) const;
    const std::vector<core::LeaderboardRow>& rows() const { return m_rows; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<core::LeaderboardRow> m_rows;
    QString m_best;
    QString m_current;
};

} // namespace credit::ui
