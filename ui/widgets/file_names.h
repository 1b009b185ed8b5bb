// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class QWidget;

namespace credit::ui {

/// `path` with ".suffix" appended unless its file name already ends with it (any case), so
/// that a file saved as "applicant" is found again by a "*.json" filter. Empty stays empty.
QString withSuffix(const QString& path, const QString& suffix);

/// Says "Saved NAME" for a few seconds in the status bar of the main window that `from`
/// belongs to (nothing when it has none, as in tests of a lone widget): every save and
/// export confirms itself the same way.
void announceSaved(const QWidget* from, const QString& path);

} // namespace credit::ui
