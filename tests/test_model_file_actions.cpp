// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
//
// File ▸ Save Model and Open Model keep both picks (issue 13 item 3): "best" is what the
// selection rule chose, "current" what the analyst uses; after save and open the leaderboard
// still marks the run's best "★ best" and the analyst's model "current".

#include "train/model_file_actions.h"

#include "data/dataset_reader.h"
#include "io/model_bundle.h"
#include "main/app_state.h"
#include "train/leaderboard_model.h"
#include "train/train_tab.h"
#include "train/training_job.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace credit;

namespace {

/// The status cell ("★ best · current") of `algorithm`'s leaderboard row.
QString statusOf(const ui::LeaderboardModel& model, const QString& algorithm)
{
    for (int r = 0; r < model.rowCount(); ++r) {
        const QModelIndex name = model.index(r, ui::LeaderboardModel::AlgorithmColumn);
        const QModelIndex status = model.index(r, ui::LeaderboardModel::StatusColumn);
        if (name.data(ui::LeaderboardModel::AlgorithmRole).toString() == algorithm) {
            return status.data().toString();
        }
    }
    return QStringLiteral("(no row)");
}

} // namespace

class TestModelFileActions : public QObject
{
    Q_OBJECT

private slots:
    void bestAndCurrentSurviveSaveAndOpen()
    {
        QStandardPaths::setTestModeEnabled(true);
        const auto data = std::make_shared<const core::Dataset>(
            core::readDataset(CREDIT_DATA_DIR "/credit-g.arff").dataset);
        core::TrainingParams params;
        params.algorithms = {"lr", "gbdt"};
        params.folds = 3;
        params.repeats = 1;
        params.trials = 1;
        params.threads = 2;
        const core::TrainingResult result = core::TrainingJob(params).run(*data);
        const auto bundle = std::make_shared<const core::ModelBundle>(
            core::ModelBundle::fromTraining(result, *data));
        const QString best = QString::fromStdString(bundle->best);
        QCOMPARE(best, QString::fromStdString(result.bestAlgorithm));
        const QString other =
            best == QLatin1String("lr") ? QStringLiteral("gbdt") : QStringLiteral("lr");

        ui::AppState state;
        state.setDataset(data, {});
        ui::TrainTab tab(&state);
        state.setModelBundle(bundle);
        state.setCurrentAlgorithm(other);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("picks.crs"));
        ui::ModelFileActions actions(&state, &tab);
        QString error;
        QVERIFY2(actions.saveFile(path, &error), qPrintable(error));
        state.setModelBundle(nullptr);
        QVERIFY2(actions.openFile(path, &error), qPrintable(error));

        QCOMPARE(state.currentAlgorithm(), other);
        QCOMPARE(QString::fromStdString(state.modelBundle()->best), best);
        const ui::LeaderboardModel& leaderboard = *tab.leaderboardModel();
        QCOMPARE(leaderboard.bestAlgorithm(), best);
        const QString bestStatus = statusOf(leaderboard, best);
        const QString otherStatus = statusOf(leaderboard, other);
        QVERIFY2(bestStatus.contains(QStringLiteral("★ best")) &&
                     !bestStatus.contains(QStringLiteral("current")),
                 qPrintable(bestStatus));
        QVERIFY2(otherStatus.contains(QStringLiteral("current")) &&
                     !otherStatus.contains(QStringLiteral("★ best")),
                 qPrintable(otherStatus));
    }
};

QTEST_MAIN(TestModelFileActions)
#include "test_model_file_actions.moc"
