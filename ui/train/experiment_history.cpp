// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "train/experiment_history.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

QJsonValue jsonNumber(double value)
{
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

/// SQLite stores a null QString as NULL, which the NOT NULL columns refuse.
QString text(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

double numberOf(const QJsonObject& object, const QString& key)
{
    const QJsonValue value = object.value(key);
    return value.isDouble() ? value.toDouble() : std::numeric_limits<double>::quiet_NaN();
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
    QJsonArray array;
    for (const core::LeaderboardRow& row : rows) {
        QJsonObject params;
        for (const auto& [name, value] : row.params) {
            params.insert(QString::fromStdString(name),
                          QString::fromStdString(core::paramToString(value)));
        }
        QJsonObject object{
            {QStringLiteral("algorithm"), QString::fromStdString(row.algorithm)},
            {QStringLiteral("display_name"), QString::fromStdString(row.displayName)},
            {QStringLiteral("trials"), double(row.trialsRun)},
            {QStringLiteral("auc_mean"), jsonNumber(row.aucMean)},
            {QStringLiteral("auc_sd"), jsonNumber(row.aucSd)},
            {QStringLiteral("ap"), jsonNumber(row.ap)},
            {QStringLiteral("ks"), jsonNumber(row.ks)},
            {QStringLiteral("gini"), jsonNumber(row.gini)},
            {QStringLiteral("brier"), jsonNumber(row.brier)},
            {QStringLiteral("log_loss"), jsonNumber(row.logLoss)},
            {QStringLiteral("expected_cost"), jsonNumber(row.expectedCost)},
            {QStringLiteral("cost_threshold"), jsonNumber(row.costThreshold)},
            {QStringLiteral("fit_seconds"), jsonNumber(row.fitSeconds)},
            {QStringLiteral("params"), params},
        };
        array.append(object);
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

std::vector<core::LeaderboardRow> ExperimentHistory::leaderboardFromJson(const QString& json)
{
    std::vector<core::LeaderboardRow> rows;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue& value : array) {
        const QJsonObject o = value.toObject();
        core::LeaderboardRow row;
        row.algorithm = o.value(QStringLiteral("algorithm")).toString().toStdString();
        row.displayName = o.value(QStringLiteral("display_name")).toString().toStdString();
        row.trialsRun = std::size_t(o.value(QStringLiteral("trials")).toDouble());
        row.aucMean = numberOf(o, QStringLiteral("auc_mean"));
        row.aucSd = numberOf(o, QStringLiteral("auc_sd"));
        row.ap = numberOf(o, QStringLiteral("ap"));
        row.ks = numberOf(o, QStringLiteral("ks"));
        row.gini = numberOf(o, QStringLiteral("gini"));
        row.brier = numberOf(o, QStringLiteral("brier"));
        row.logLoss = numberOf(o, QStringLiteral("log_loss"));
        row.expectedCost = numberOf(o, QStringLiteral("expected_cost"));
        row.costThreshold = numberOf(o, QStringLiteral("cost_threshold"));
        const double fit = numberOf(o, QStringLiteral("fit_seconds"));
        row.fitSeconds = std::isfinite(fit) ? fit : 0.0;
        const QJsonObject params = o.value(QStringLiteral("params")).toObject();
        for (auto it = params.begin(); it != params.end(); ++it) {
            row.params[it.key().toStdString()] = it.value().toString().toStdString();
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace credit::ui
