// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace credit::ui {

/// The terms of Help ▸ Glossary, each an anchor of helpHtml().
enum class GlossaryTerm
{
    Woe,
    InformationValue,
    Auc,
    Gini,
    Ks,
    AveragePrecision,
    Brier,
    LogLoss,
    Ece,
    Calibration,
    OutOfFold,
    ExpectedCost,
    Cutoff,
    PriorCorrection,
    Points,
    Psi,
};

/// The help document: what each tab is for (anchors "tab-<tabId>") and the glossary (anchors
/// "term-<name>"), as HTML for a QTextBrowser; terms link to each other.
QString helpHtml();
/// The anchor of a term or of a tab's section in helpHtml().
QString glossaryAnchor(GlossaryTerm term);
QString tabHelpAnchor(const QString& tabId);
/// The term's name as the glossary lists it ("KS (Kolmogorov–Smirnov)").
QString glossaryTitle(GlossaryTerm term);
/// One line to end a metric's tooltip with: where its full definition is.
QString glossaryPointer(GlossaryTerm term);
/// Every term, in glossary order.
QList<GlossaryTerm> glossaryTerms();

} // namespace credit::ui
