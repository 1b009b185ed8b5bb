// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "train/leaderboard_model.h"

#include "main/help_text.h"
#include "widgets/number_text.h"

#include <QFont>
#include <QLocale>

#include <cmath>
#include <utility>

namespace credit::ui {

namespace {

QString number(double value, int decimals)
{
    return std::isfinite(value) ? QLocale().toString(value, 'f', decimals) : QStringLiteral("–");
}

} // namespace

LeaderboardModel::LeaderboardModel(QObject* parent) : QAbstractTableModel(parent) {}

void LeaderboardModel::setLeaderboard(std::vector<core::LeaderboardRow> rows,
                                      const QString& bestAlgorithm)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_best = bestAlgorithm;
    endResetModel();
}

void LeaderboardModel::setCurrentAlgorithm(const QString& algorithm)
{
    if (algorithm == m_current) {
        return;
    }
    m_current = algorithm;
    if (!m_rows.empty()) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}

QString LeaderboardModel::algorithmAt(int row) const
{
    if (row < 0 || row >= rowCount()) {
        return {};
    }
    return QString::fromStdString(m_rows[std::size_t(row)].algorithm);
}

int LeaderboardModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LeaderboardModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LeaderboardModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const core::LeaderboardRow& row = m_rows[std::size_t(index.row())];
    const QString algorithm = QString::fromStdString(row.algorithm);
    const bool best = algorithm == m_best;
    const bool current = algorithm == m_current;
    if (role == AlgorithmRole) {
        return algorithm;
    }
    if (role == Qt::FontRole) {
        if (current) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole) {
        return index.column() <= StatusColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                              : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    const auto value = [&](int column) -> double {
        switch (column) {
        case AucColumn:
            return row.aucMean;
        case ApColumn:
            return row.ap;
        case KsColumn:
            return row.ks;
        case GiniColumn:
            return row.gini;
        case BrierColumn:
            return row.brier;
        case LogLossColumn:
            return row.logLoss;
        case CostColumn:
            return row.expectedCost;
        case FitTimeColumn:
            return row.fitSeconds;
        case TrialsColumn:
            return double(row.trialsRun);
        default:
            return std::nan("");
        }
    };
    if (role == Qt::ToolTipRole) {
        if (index.column() == AlgorithmColumn) {
            QStringList params;
            for (const auto& [name, v] : row.params) {
                params.append(QStringLiteral("%1 = %2").arg(
                    QString::fromStdString(name),
                    parameterText(QString::fromStdString(core::paramToString(v)))));
            }
            return tr("Best configuration: %1").arg(params.join(QStringLiteral(", ")));
        }
        if (index.column() == StatusColumn) {
            return tr("★ best: selected automatically by the objective; current: the model the "
                      "other tabs use (bold)");
        }
        if (index.column() == AucColumn) {
            return tr("Mean ± standard deviation of the ROC-AUC over %1 test folds")
                .arg(row.folds.size());
        }
        return {};
    }
    if (role == SortRole || role == Qt::EditRole) {
        switch (index.column()) {
        case AlgorithmColumn:
            return QString::fromStdString(row.displayName);
        case StatusColumn:
            return (best ? 2 : 0) + (current ? 1 : 0);
        default: {
            const double v = value(index.column());
            return std::isfinite(v) ? QVariant(v) : QVariant();
        }
        }
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (index.column()) {
    case AlgorithmColumn:
        return QString::fromStdString(row.displayName);
    case StatusColumn: {
        QStringList parts;
        if (best) {
            parts.append(tr("★ best"));
        }
        if (current) {
            parts.append(tr("current"));
        }
        return parts.join(QStringLiteral(" · "));
    }
    case AucColumn:
        return QStringLiteral("%1 ± %2").arg(number(row.aucMean, 3), number(row.aucSd, 3));
    case ApColumn:
    case KsColumn:
    case GiniColumn:
    case BrierColumn:
    case LogLossColumn:
    case CostColumn:
        return number(value(index.column()), 3);
    case FitTimeColumn:
        return number(row.fitSeconds, 1);
    case TrialsColumn:
        return QString::number(row.trialsRun);
    default:
        return {};
    }
}

QVariant LeaderboardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) {
        return {};
    }
    if (role == Qt::ToolTipRole) {
        const auto withPointer = [](const QString& text, GlossaryTerm term) {
            return text + QLatin1Char('\n') + glossaryPointer(term);
        };
        switch (section) {
        case AucColumn:
            return withPointer(
                tr("Area under the ROC curve: the chance that a random bad applicant scores "
                   "riskier than a random good one (0.5 = chance).\nMean ± standard deviation "
                   "over the test folds; the Evaluate tab's ROC AUC is of the pooled "
                   "out-of-fold predictions, so it differs slightly."),
                GlossaryTerm::Auc);
        case ApColumn:
            return withPointer(tr("Average precision: area under the precision–recall curve "
                                  "(baseline = bad rate); mean over the test folds"),
                               GlossaryTerm::AveragePrecision);
        case KsColumn:
            return withPointer(tr("Kolmogorov–Smirnov: largest gap between the score "
                                  "distributions of bads and goods (0–1); mean over the test "
                                  "folds"),
                               GlossaryTerm::Ks);
        case GiniColumn:
            return withPointer(tr("Gini = 2·AUC − 1, from the mean AUC over the test folds"),
                               GlossaryTerm::Gini);
        case BrierColumn:
            return withPointer(tr("Brier score: mean squared error of the calibrated "
                                  "probabilities (lower is better)"),
                               GlossaryTerm::Brier);
        case LogLossColumn:
            return withPointer(tr("Log loss of the calibrated probabilities, in nats per "
                                  "applicant (lower is better)"),
                               GlossaryTerm::LogLoss);
        case CostColumn:
            return withPointer(tr("Expected cost per applicant with the threshold chosen on "
                                  "training folds (cost units of the cost matrix; lower is "
                                  "better)"),
                               GlossaryTerm::ExpectedCost);
        case FitTimeColumn:
            return tr("CPU time to fit the selected configuration in every fold, in seconds");
        case TrialsColumn:
            return tr("Random-search trials finished for this algorithm");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case AlgorithmColumn:
        return tr("Algorithm");
    case StatusColumn:
        return tr("Selection");
    case AucColumn:
        return tr("ROC-AUC (fold mean ± sd)");
    case ApColumn:
        return tr("AP");
    case KsColumn:
        return tr("KS");
    case GiniColumn:
        return tr("Gini");
    case BrierColumn:
        return tr("Brier");
    case LogLossColumn:
        return tr("Log loss");
    case CostColumn:
        return tr("Exp. cost / applicant");
    case FitTimeColumn:
        return tr("Fit time (s)");
    case TrialsColumn:
        return tr("Trials");
    default:
        return {};
    }
}

} // namespace credit::ui
