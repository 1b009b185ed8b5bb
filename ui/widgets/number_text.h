// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace credit::ui {

/// A share in [0, 1] as a percentage with `decimals` decimals: "12.3 %"; "–" for NaN (no
/// value, e.g. a bad rate of no rows).
QString percentText(double share, int decimals = 1);

/// A hyper-parameter value for people: a number with a fraction ("0.2390238402380223",
/// "1e-05") to 4 significant digits ("0.239", "1e-05"); whole numbers and words unchanged.
/// Files keep the exact text (core::paramToString); this is for logs and tooltips.
QString parameterText(const QString& exact);

} // namespace credit::ui
