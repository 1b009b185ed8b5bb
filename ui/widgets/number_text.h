// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace credit::ui {

/// A share in [0, 1] as a percentage with `decimals` decimals: "12.3 %"; "–" for NaN (no
/// value, e.g. a bad rate of no rows).
QString percentText(double share, int decimals = 1);

} // namespace credit::ui
