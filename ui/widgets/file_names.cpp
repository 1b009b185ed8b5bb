// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "widgets/file_names.h"

#include <QFileInfo>

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

} // namespace credit::ui
