// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace credit::ui {

/// The text of Help ▸ About (rich text): version and commit, what the program does, the
/// bundled data's origin and licence, and every library with its version and licence.
QString aboutHtml();

} // namespace credit::ui
