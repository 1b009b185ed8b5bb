// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace credit::ui {

/// `path` with ".suffix" appended unless its file name already ends with it (any case), so
/// that a file saved as "applicant" is found again by a "*.json" filter. Empty stays empty.
QString withSuffix(const QString& path, const QString& suffix);

} // namespace credit::ui
