// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "explain/scorer.h"
#include "policy/decision_policy.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFont>
#include <QRect>
#include <QString>

#include <vector>

class QFontMetrics;
class QPdfWriter;

namespace credit::ui {

/// One line of the applicant table: the attribute's meaning and its value as shown.
struct SheetEntry
{
    QString label; ///< "Number of people liable to provide maintenance for"
    QString value; ///< "1", "radio/tv (radio / television)"
};

/// Where one entry of the applicant table goes, in device units from the top-left of the
/// printable area.
struct SheetRow
{
    QRect label;
    QRect value;
    int labelFlags = 0; ///< Qt::AlignmentFlag | Qt::TextFlag for QPainter::drawText
    int valueFlags = 0;
};

/// The applicant table's columns: labels as wide as the longest needs, up to labelArea;
/// a label or value that does not fit wraps onto more lines (between words, or anywhere for
/// a single word too long for its column). Rows never overlap; the value column starts `gap`
/// right of the label column and ends at the width given.
struct SheetTableLayout
{
    int labelArea = 0;  ///< the most the label column may take (kLabelShare of the width)
    int labelWidth = 0; ///< ≤ labelArea
    int gap = 0;
    int valueLeft = 0;  ///< labelWidth + gap
    int valueWidth = 0; ///< width − valueLeft
    int bottom = 0;     ///< y below the last row
    std::vector<SheetRow> rows;
};

/// The one-page PDF decision sheet of one scored applicant (Score tab): decision, PD, grade,
/// points, main reasons, the applicant's attributes and the grade and points legend.
class DecisionSheet
{
    Q_DECLARE_TR_FUNCTIONS(credit::ui::DecisionSheet)

public:
    static constexpr double kLabelShare = 0.45; ///< of the width, for the label column

    QString modelName; ///< "Logistic regression"
    QString modelFile; ///< file name, empty for an unsaved model
    QDateTime printed = QDateTime::currentDateTime();
    core::ScoreResult result;          ///< must be valid()
    core::DecisionPolicy policy;       ///< the policy the result was decided by
    std::vector<SheetEntry> applicant; ///< in form order

    /// A4 portrait, 18 mm margins, 300 dpi, title and creator.
    static void setUpPage(QPdfWriter& pdf);
    /// The body font at `pointSize` (the sheet shrinks it when the page would overflow).
    static QFont bodyFont(double pointSize = 9.0);
    /// Lays out `entries` on `width` from y = `top` with `metrics` (of the paint device).
    static SheetTableLayout layoutTable(const QFontMetrics& metrics,
                                        const std::vector<SheetEntry>& entries, int width, int top);

    /// Writes the sheet atomically to `path` (one page); false with `error` on failure.
    bool write(const QString& path, QString* error = nullptr) const;
};

} // namespace credit::ui
