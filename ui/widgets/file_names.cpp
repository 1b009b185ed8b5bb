// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "widgets/file_names.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QMainWindow>
#include <QStatusBar>

namespace credit::ui {

QString withSuffix(const QString& path, const QString& suffix)
{
    if (path.isEmpty() || suffix.isEmpty()) {
        return path;
    }
    const QString dotted = suffix.startsWith(QLatin1Char('.')) ? suffix : QLatin1Char('.') + suffix;
    if (QFileInfo(path).fileName().endsWith(dotted, Qt::CaseInsensitive)) {
        return path;
    }
    return path + dotted;
}

void announceSaved(const QWidget* from, const QString& path)
{
    auto* window = from != nullptr ? qobject_cast<QMainWindow*>(from->window()) : nullptr;
    if (window == nullptr) {
        return;
    }
    window->statusBar()->showMessage(
        QCoreApplication::translate("FileNames", "Saved %1").arg(QFileInfo(path).fileName()),
        8'000);
}

} // namespace credit::ui
