// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QDoubleSpinBox>

namespace credit::ui {

/// A spin box for the Threshold tab's inputs: range, step, decimals and unit suffix; it
/// commits on Enter or focus loss (no keyboard tracking), so figures do not jump per key.
inline QDoubleSpinBox* makeSpinBox(double min, double max, double step, int decimals,
                                   const QString& suffix)
{
    auto* box = new QDoubleSpinBox;
    box->setRange(min, max);
    box->setSingleStep(step);
    box->setDecimals(decimals);
    box->setSuffix(suffix);
    box->setKeyboardTracking(false);
    return box;
}

} // namespace credit::ui
