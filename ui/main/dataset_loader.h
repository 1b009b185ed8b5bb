// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "data/dataset.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace credit::ui {

/// What reading one file produced: a dataset, or the reader's message.
struct DatasetLoadResult
{
    QString path;
    std::shared_ptr<const core::Dataset> dataset; ///< nullptr on failure
    QStringList warnings;
    QString error; ///< DataError::what() on failure
    /// On failure: the CSV column that holds numbers but for a few values (NotANumberError),
    /// which the user may choose to read as categorical; empty otherwise.
    QString notNumericColumn;
    QStringList categoricalColumns; ///< the columns this load read as categorical
};

/// Reads `path` with the core reader (format from the extension, then the content), reading
/// the CSV columns `categoricalColumns` as categorical. Never throws; safe from any thread.
DatasetLoadResult loadDatasetFile(const QString& path, const QStringList& categoricalColumns = {});

/// Runs loadDatasetFile() on the thread pool and reports back on the GUI thread. When a new
/// load starts before the previous one finished, only the newest is reported.
class DatasetLoader : public QObject
{
    Q_OBJECT

public:
    explicit DatasetLoader(QObject* parent = nullptr);
    ~DatasetLoader() override;

    void load(const QString& path, const QStringList& categoricalColumns = {});
    bool isLoading() const;

signals:
    void loaded(const QString& path, std::shared_ptr<const core::Dataset> dataset,
                const QStringList& warnings);
    /// `notNumericColumn`/`categoricalColumns` as in DatasetLoadResult.
    void failed(const QString& path, const QString& message, const QString& notNumericColumn,
                const QStringList& categoricalColumns);

private:
    void onFinished();

    QFutureWatcher<DatasetLoadResult> m_watcher;
};

} // namespace credit::ui
