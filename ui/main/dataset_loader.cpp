// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "main/dataset_loader.h"

#include "data/data_error.h"
#include "data/dataset_reader.h"

#include <QtConcurrent/QtConcurrentRun>

#include <exception>
#include <utility>

namespace credit::ui {

DatasetLoadResult loadDatasetFile(const QString& path, const QStringList& categoricalColumns)
{
    DatasetLoadResult result;
    result.path = path;
    result.categoricalColumns = categoricalColumns;
    try {
        core::ReadOptions options;
        for (const QString& name : categoricalColumns) {
            options.categoricalColumns.push_back(name.toStdString());
        }
        core::ReadResult read = core::readDataset(path.toStdString(), options);
        result.dataset = std::make_shared<const core::Dataset>(std::move(read.dataset));
        for (const std::string& warning : read.warnings) {
            result.warnings.append(QString::fromStdString(warning));
        }
    } catch (const core::NotANumberError& error) {
        result.error = QString::fromStdString(error.what());
        result.notNumericColumn = QString::fromStdString(error.column());
    } catch (const core::DataError& error) {
        result.error = QString::fromStdString(error.what());
    } catch (const std::exception& error) {
        // Not a data problem (e.g. out of memory): still a message, never a crash.
        result.error = QStringLiteral("%1: %2").arg(path, QString::fromLocal8Bit(error.what()));
    }
    return result;
}

DatasetLoader::DatasetLoader(QObject* parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<DatasetLoadResult>::finished, this,
            &DatasetLoader::onFinished);
}

DatasetLoader::~DatasetLoader()
{
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

void DatasetLoader::load(const QString& path, const QStringList& categoricalColumns)
{
    // Setting a new future detaches the watcher from the previous one, so a stale result is
    // never reported; the old job finishes on its own and only touches its own copies.
    m_watcher.setFuture(QtConcurrent::run(&loadDatasetFile, path, categoricalColumns));
}

bool DatasetLoader::isLoading() const
{
    return m_watcher.isRunning();
}

void DatasetLoader::onFinished()
{
    if (m_watcher.isCanceled()) {
        return;
    }
    const DatasetLoadResult result = m_watcher.result();
    if (result.dataset) {
        emit loaded(result.path, result.dataset, result.warnings);
    } else {
        emit failed(result.path, result.error, result.notNumericColumn, result.categoricalColumns);
    }
}

} // namespace credit::ui
