// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "train/history_dialog.h"

#include "train/leaderboard_model.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <utility>

namespace credit::ui {

namespace {

QString bestAucText(const ExperimentRecord& run)
{
    const std::vector<core::LeaderboardRow> rows =
        ExperimentHistory::leaderboardFromJson(run.leaderboardJson);
    for (const core::LeaderboardRow& row : rows) {
        if (QString::fromStdString(row.algorithm) == run.bestAlgorithm &&
            std::isfinite(row.aucMean)) {
            return QLocale().toString(row.aucMean, 'f', 3);
        }
    }
    return QStringLiteral("–");
}

} // namespace

HistoryDialog::HistoryDialog(const QList<ExperimentRecord>& runs, ModelOpener openModel,
                             QWidget* parent)
    : QDialog(parent), m_runs(runs), m_openModel(std::move(openModel)),
      m_table(new QTableWidget(this)), m_openButton(new QPushButton(tr("Open model"), this)),
      m_compareButton(new QPushButton(tr("Compare"), this)), m_hint(new QLabel(this))
{
    setWindowTitle(tr("Experiment history"));
    resize(900, 420);
    const QStringList headers = {tr("Time"),     tr("Dataset"), tr("Data hash"), tr("Best model"),
                                 tr("Best AUC"), tr("Status"),  tr("Model file")};
    m_table->setColumnCount(int(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setRowCount(int(m_runs.size()));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    for (int i = 0; i < m_runs.size(); ++i) {
        const ExperimentRecord& run = m_runs.at(i);
        const QStringList cells = {
            QLocale().toString(run.time, QLocale::ShortFormat),
            run.datasetName,
            run.datasetHash,
            run.bestAlgorithm.isEmpty() ? QStringLiteral("–") : run.bestAlgorithm,
            bestAucText(run),
            run.cancelled ? tr("cancelled") : tr("finished"),
            run.modelPath.isEmpty() ? tr("(none)") : QFileInfo(run.modelPath).fileName()};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells.at(c));
            if (c == 6) {
                item->setToolTip(run.modelPath);
            }
            if (c == 4) {
                item->setToolTip(tr("Cross-validated ROC-AUC of the best model"));
            }
            m_table->setItem(i, c, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_openButton->setToolTip(tr("Open the model file of the selected run (File ▸ Open Model)"));
    m_compareButton->setToolTip(tr("Select two runs to see their leaderboards side by side"));
    m_hint->setText(m_runs.isEmpty() ? tr("No training run recorded yet.")
                                     : tr("Select one run to reopen it, or two to compare."));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_openButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_compareButton, QDialogButtonBox::ActionRole);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_hint);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_openButton, &QPushButton::clicked, this, &HistoryDialog::openSelected);
    connect(m_compareButton, &QPushButton::clicked, this, &HistoryDialog::compareSelected);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &HistoryDialog::updateButtons);
    updateButtons();
}

QList<int> HistoryDialog::selectedRows() const
{
    QList<int> rows;
    const auto indexes = m_table->selectionModel()->selectedRows();
    for (const QModelIndex& index : indexes) {
        rows.append(index.row());
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

void HistoryDialog::updateButtons()
{
    const QList<int> rows = selectedRows();
    m_openButton->setEnabled(rows.size() == 1 && !m_runs.at(rows.first()).modelPath.isEmpty());
    m_compareButton->setEnabled(rows.size() == 2);
}

bool HistoryDialog::openRun(int row, QString* error)
{
    if (row < 0 || row >= m_runs.size() || m_runs.at(row).modelPath.isEmpty()) {
        if (error != nullptr) {
            *error = tr("This run has no model file (it was cancelled before the final fit).");
        }
        return false;
    }
    return m_openModel(m_runs.at(row).modelPath, error);
}

void HistoryDialog::openSelected()
{
    const QList<int> rows = selectedRows();
    if (rows.size() != 1) {
        return;
    }
    QString error;
    if (!openRun(rows.first(), &error)) {
        QMessageBox::warning(this, tr("Cannot open the model"), error);
        return;
    }
    accept();
}

QDialog* HistoryDialog::createComparison(int a, int b)
{
    auto* dialog = new QDialog(this);
    dialog->setWindowTitle(tr("Compare training runs"));
    dialog->resize(1200, 420);
    auto* columns = new QHBoxLayout;
    for (const int row : {a, b}) {
        const ExperimentRecord& run = m_runs.at(row);
        auto* box = new QGroupBox(tr("%1 · %2 · best %3")
                                      .arg(QLocale().toString(run.time, QLocale::ShortFormat),
                                           run.datasetName, run.bestAlgorithm),
                                  dialog);
        auto* model = new LeaderboardModel(box);
        model->setLeaderboard(ExperimentHistory::leaderboardFromJson(run.leaderboardJson),
                              run.bestAlgorithm);
        auto* proxy = new QSortFilterProxyModel(box);
        proxy->setSourceModel(model);
        proxy->setSortRole(LeaderboardModel::SortRole);
        auto* view = new QTableView(box);
        view->setObjectName(QStringLiteral("comparison%1").arg(row == a ? 0 : 1));
        view->setModel(proxy);
        view->setSortingEnabled(true);
        view->verticalHeader()->hide();
        view->resizeColumnsToContents();
        auto* boxLayout = new QVBoxLayout(box);
        boxLayout->addWidget(view);
        box->setToolTip(run.paramsYaml);
        columns->addWidget(box);
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(dialog);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);
    return dialog;
}

void HistoryDialog::compareSelected()
{
    const QList<int> rows = selectedRows();
    if (rows.size() != 2) {
        return;
    }
    QDialog* dialog = createComparison(rows.at(0), rows.at(1));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace credit::ui
