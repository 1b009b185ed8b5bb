// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "score/reason_notes.h"

#include "widgets/number_text.h"

#include <QCoreApplication>

namespace credit::ui {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ReasonNotes", text);
}

} // namespace

QStringList reasonLines(const core::ScoreResult& result)
{
    QStringList lines;
    int n = 0;
    for (const core::Reason& reason : result.reasons) {
        if (!reason.stated) {
            continue;
        }
        QString line = QStringLiteral("%1. %2").arg(++n).arg(QString::fromStdString(reason.text));
        if (reason.standardError > 0.0) {
            line += tr(" (%1 ± %2 log-odds)")
                        .arg(reason.contribution, 0, 'f', 3)
                        .arg(reason.standardError, 0, 'f', 3);
        }
        lines << line;
    }
    return lines;
}

QString methodNote(const core::ScoreResult& result)
{
    if (!result.hasReasons) {
        return {};
    }
    return tr("Method %1: %2.")
        .arg(QString::fromStdString(result.method), QString::fromStdString(result.methodDetail));
}

QString calibrationNote(const core::ScoreResult& result)
{
    if (!result.hasReasons) {
        return {};
    }
    if (!result.calibrated) {
        return tr("The reasons explain the model's log-odds of default (%1, PD %2).")
            .arg(result.logOdds, 0, 'f', 2)
            .arg(percentText(result.rawPd));
    }
    return tr("The reasons explain the model's log-odds of default before calibration (%1, "
              "raw PD %2); the PD shown is the calibrated one (%3 on the training sample's "
              "scale).")
        .arg(result.logOdds, 0, 'f', 2)
        .arg(percentText(result.rawPd), percentText(result.modelPd));
}

} // namespace credit::ui
