// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "train/experiment_history.h"

#include <QDialog>
#include <QList>

#include <functional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace credit::ui {

/// Lists the recorded training runs (newest first). "Open model" reopens the selected run's
/// model file; "Compare" shows the leaderboards of two selected runs side by side.
class HistoryDialog : public QDialog
{
    Q_OBJECT

public:
    /// `openModel` opens a model file and returns false with a message when it is refused.
    using ModelOpener = std::function<bool(const QString& path, QString* error)>;

    HistoryDialog(const QList<ExperimentRecord>& runs, ModelOpener openModel,
                  QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    /// Opens the model of the run in table row `row`; false with `error` when it fails.
    bool openRun(int row, QString* error);
    /// A dialog with the leaderboards of rows `a` and `b` side by side (not shown).
    QDialog* createComparison(int a, int b);

private:
    void updateButtons();
    void openSelected();
    void compareSelected();
    QList<int> selectedRows() const;

    QList<ExperimentRecord> m_runs;
    ModelOpener m_openModel;
    QTableWidget* m_table;
    QPushButton* m_openButton;
    QPushButton* m_compareButton;
    QLabel* m_hint;
};

} // namespace credit::ui
