// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "train/experiment_history.h"

#include "train/leaderboard_json.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

#include <atomic>
#include <cmath>
#include <limits>

namespace credit::ui {

namespace {

std::atomic<int> g_connectionCounter{0};

/// SQLite stores a null QString as NULL, which the NOT NULL columns refuse.
QString text(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace

ExperimentHistory::ExperimentHistory(const QString& path)
    : m_connection(QStringLiteral("credit_history_%1").arg(g_connectionCounter.fetch_add(1))),
      m_path(path.isEmpty() ? defaultPath() : path)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    if (!db.open()) {
        m_error =
            tr("Cannot open the experiment history %1: %2").arg(m_path, db.lastError().text());
        return;
    }
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS runs ("
                                   " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                                   " time TEXT NOT NULL,"
                                   " dataset_name TEXT NOT NULL,"
                                   " dataset_hash TEXT NOT NULL,"
                                   " params TEXT NOT NULL,"
                                   " leaderboard TEXT NOT NULL,"
                                   " model_path TEXT NOT NULL,"
                                   " best_algorithm TEXT NOT NULL,"
                                   " cancelled INTEGER NOT NULL DEFAULT 0)"))) {
        m_error =
            tr("Cannot create the history table in %1: %2").arg(m_path, query.lastError().text());
        return;
    }
    m_open = true;
}

ExperimentHistory::~ExperimentHistory()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen()) {
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QString ExperimentHistory::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("experiments.sqlite"));
}

QString ExperimentHistory::modelDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("models"));
}

qint64 ExperimentHistory::add(const ExperimentRecord& record)
{
    if (!m_open) {
        return -1;
    }
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(QStringLiteral(
        "INSERT INTO runs (time, dataset_name, dataset_hash, params, leaderboard, model_path,"
        " best_algorithm, cancelled) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(record.time.toUTC().toString(Qt::ISODateWithMs));
    query.addBindValue(text(record.datasetName));
    query.addBindValue(text(record.datasetHash));
    query.addBindValue(text(record.paramsYaml));
    query.addBindValue(text(record.leaderboardJson));
    query.addBindValue(text(record.modelPath));
    query.addBindValue(text(record.bestAlgorithm));
    query.addBindValue(record.cancelled ? 1 : 0);
    if (!query.exec()) {
        m_error = tr("Cannot record the run in %1: %2").arg(m_path, query.lastError().text());
        return -1;
    }
    return query.lastInsertId().toLongLong();
}

QList<ExperimentRecord> ExperimentHistory::runs() const
{
    QList<ExperimentRecord> records;
    if (!m_open) {
        return records;
    }
    QSqlQuery query(QSqlDatabase::database(m_connection));
    if (!query.exec(QStringLiteral(
            "SELECT id, time, dataset_name, dataset_hash, params, leaderboard, model_path,"
            " best_algorithm, cancelled FROM runs ORDER BY id DESC"))) {
        return records;
    }
    while (query.next()) {
        ExperimentRecord r;
        r.id = query.value(0).toLongLong();
        r.time = QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs).toLocalTime();
        r.datasetName = query.value(2).toString();
        r.datasetHash = query.value(3).toString();
        r.paramsYaml = query.value(4).toString();
        r.leaderboardJson = query.value(5).toString();
        r.modelPath = query.value(6).toString();
        r.bestAlgorithm = query.value(7).toString();
        r.cancelled = query.value(8).toInt() != 0;
        records.append(r);
    }
    return records;
}

QString ExperimentHistory::leaderboardToJson(const std::vector<core::LeaderboardRow>& rows)
{
    return QString::fromStdString(core::leaderboardJson(rows));
}

std::vector<core::LeaderboardRow> ExperimentHistory::leaderboardFromJson(const QString& json)
{
    // Reads the shared schema and the bare arrays this class stored before it.
    try {
        return core::readLeaderboardJson(json.toStdString());
    } catch (const std::invalid_argument&) {
        return {};
    }
}

} // namespace credit::ui
