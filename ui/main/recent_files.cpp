// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "main/recent_files.h"

#include <QFileInfo>
#include <QSettings>

namespace credit::ui {

namespace {

QString settingsKey()
{
    return QStringLiteral("recentFiles");
}

QString normalised(const QString& path)
{
    return QFileInfo(path).absoluteFilePath();
}

} // namespace

RecentFiles::RecentFiles(QObject* parent) : QObject(parent) {}

QStringList RecentFiles::files() const
{
    QStringList list = QSettings().value(settingsKey()).toStringList();
    list.removeAll(QString());
    if (list.size() > kMaxFiles) {
        list = list.mid(0, kMaxFiles);
    }
    return list;
}

void RecentFiles::add(const QString& path)
{
    const QString file = normalised(path);
    QStringList list = files();
    list.removeAll(file);
    list.prepend(file);
    store(list.mid(0, kMaxFiles));
}

void RecentFiles::remove(const QString& path)
{
    QStringList list = files();
    if (list.removeAll(normalised(path)) + list.removeAll(path) > 0) {
        store(list);
    }
}

void RecentFiles::clear()
{
    store({});
}

void RecentFiles::store(const QStringList& files)
{
    QSettings().setValue(settingsKey(), files);
    emit changed();
}

} // namespace credit::ui
