// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "train/training_job.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <vector>

namespace credit::ui {

/// One training run as recorded in the history.
struct ExperimentRecord
{
    qint64 id = 0;
    QDateTime time;
    QString datasetName;
    QString datasetHash;     ///< Dataset::contentHash() as 16 hex digits
    QString paramsYaml;      ///< the run's settings (params.yaml text)
    QString leaderboardJson; ///< see ExperimentHistory::leaderboardToJson()
    QString modelPath;       ///< the bundle saved for the run; empty when none
    QString bestAlgorithm;
    bool cancelled = false;
};

/// The experiment history: an SQLite database (Qt SQL) in QStandardPaths::AppDataLocation
/// with one row per training run. Each instance uses its own connection.
class ExperimentHistory
{
    Q_DECLARE_TR_FUNCTIONS(ExperimentHistory)

public:
    /// Opens (and creates) the database at `path`; empty = the default file.
    explicit ExperimentHistory(const QString& path = {});
    ~ExperimentHistory();
    ExperimentHistory(const ExperimentHistory&) = delete;
    ExperimentHistory& operator=(const ExperimentHistory&) = delete;

    bool isOpen() const { return m_open; }
    QString errorString() const { return m_error; }
    QString path() const { return m_path; }

    /// AppDataLocation/experiments.sqlite
    static QString defaultPath();
    /// AppDataLocation/models: where each run's bundle is kept for the history.
    static QString modelDirectory();

    /// Stores `record` (its id is ignored); returns the new id, or -1 with errorString().
    qint64 add(const ExperimentRecord& record);
    /// Every run, newest first.
    QList<ExperimentRecord> runs() const;

    /// The leaderboard in the schema of `credit-risk train --leaderboard`
    /// (core/train/leaderboard_json.h, the one writer), without the run's settings.
    static QString leaderboardToJson(const std::vector<core::LeaderboardRow>& rows);
    /// Back to rows (core::readLeaderboardJson): also the bare arrays stored by earlier
    /// versions (params as text, no folds). Unreadable text gives no rows.
    static std::vector<core::LeaderboardRow> leaderboardFromJson(const QString& json);

private:
    QString m_connection;
    QString m_path;
    QString m_error;
    bool m_open = false;
};

} // namespace credit::ui
