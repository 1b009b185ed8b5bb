// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "explain/scorer.h"

#include <QString>
#include <QStringList>

namespace credit::ui {

/// The texts about a score's reasons that the Score tab and the decision sheet share, so the
/// two say the same: the numbered sentences, how they were computed, and what they explain.

/// "1. <sentence>" per stated reason, in ranking order; an estimated contribution adds its
/// size and standard error ("(+0.42 ± 0.03 log-odds)").
QStringList reasonLines(const core::ScoreResult& result);
/// "Reasons by <method>: <detail>." (empty without reasons).
QString methodNote(const core::ScoreResult& result);
/// What the reasons explain: the model's log-odds and raw PD, and, for a calibrated model,
/// that the PD shown is the calibrated one beside them.
QString calibrationNote(const core::ScoreResult& result);

} // namespace credit::ui
