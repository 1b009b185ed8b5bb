// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "score/decision_sheet.h"

#include "score/reason_notes.h"
#include "widgets/number_text.h"

#include <QFile>
#include <QFontMetrics>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>
#include <cmath>

namespace credit::ui {
namespace {

// Tall enough for any wrapped cell; boundingRect() only needs a bound.
constexpr int kUnbounded = 1 << 24;

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

/// Word wrap, or wrap anywhere when a single word is wider than `width`.
int wrapFlags(const QFontMetrics& metrics, int width, const QString& text)
{
    const int words = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;
    if (metrics.boundingRect(QRect(0, 0, width, kUnbounded), words, text).width() <= width) {
        return words;
    }
    return Qt::AlignLeft | Qt::AlignTop | Qt::TextWrapAnywhere;
}

int textHeight(const QFontMetrics& metrics, int width, int flags, const QString& text)
{
    return std::max(metrics.height(),
                    metrics.boundingRect(QRect(0, 0, width, kUnbounded), flags, text).height());
}

/// Draws (or, with draw = false, only measures) the sheet with the body at `pointSize`;
/// returns the y below the last line.
class Painter
{
public:
    Painter(QPainter& painter, int width, bool draw) : m_p(painter), m_width(width), m_draw(draw) {}

    void font(const QFont& font) { m_p.setFont(font); }
    void pen(const QColor& colour) { m_p.setPen(colour); }
    int y() const { return m_y; }
    void skip(int dy) { m_y += dy; }

    /// A paragraph over the full width, wrapped; advances by its height plus `after`.
    void paragraph(const QString& text, int after)
    {
        const QFontMetrics metrics = m_p.fontMetrics();
        const int flags = wrapFlags(metrics, m_width, text);
        const int height = textHeight(metrics, m_width, flags, text);
        if (m_draw) {
            m_p.drawText(QRect(0, m_y, m_width, height), flags, text);
        }
        m_y += height + after;
    }

    void table(const std::vector<SheetEntry>& entries)
    {
        const SheetTableLayout layout =
            DecisionSheet::layoutTable(m_p.fontMetrics(), entries, m_width, m_y);
        if (m_draw) {
            for (std::size_t i = 0; i < entries.size(); ++i) {
                const SheetRow& row = layout.rows[i];
                m_p.drawText(row.label, row.labelFlags, entries[i].label);
                m_p.drawText(row.value, row.valueFlags, entries[i].value);
            }
        }
        m_y = layout.bottom;
    }

private:
    QPainter& m_p;
    int m_width;
    bool m_draw;
    int m_y = 0;
};

} // namespace

void DecisionSheet::setUpPage(QPdfWriter& pdf)
{
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
    pdf.setResolution(300);
    pdf.setTitle(tr("Credit decision sheet"));
    pdf.setCreator(QStringLiteral("Credit Risk Studio"));
}

QFont DecisionSheet::bodyFont(double pointSize)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(pointSize);
    return font;
}

SheetTableLayout DecisionSheet::layoutTable(const QFontMetrics& metrics,
                                            const std::vector<SheetEntry>& entries, int width,
                                            int top)
{
    SheetTableLayout layout;
    layout.labelArea = int(width * kLabelShare);
    layout.gap = metrics.horizontalAdvance(QStringLiteral("MM"));
    int widest = 0;
    for (const SheetEntry& entry : entries) {
        widest = std::max(widest, metrics.horizontalAdvance(entry.label));
    }
    layout.labelWidth = std::min(widest, layout.labelArea);
    layout.valueLeft = layout.labelWidth + layout.gap;
    layout.valueWidth = std::max(1, width - layout.valueLeft);
    const int padding = std::max(1, metrics.lineSpacing() / 3);
    int y = top;
    for (const SheetEntry& entry : entries) {
        SheetRow row;
        row.labelFlags = wrapFlags(metrics, layout.labelWidth, entry.label);
        row.valueFlags = wrapFlags(metrics, layout.valueWidth, entry.value);
        const int height =
            std::max(textHeight(metrics, layout.labelWidth, row.labelFlags, entry.label),
                     textHeight(metrics, layout.valueWidth, row.valueFlags, entry.value));
        row.label = QRect(0, y, layout.labelWidth, height);
        row.value = QRect(layout.valueLeft, y, layout.valueWidth, height);
        layout.rows.push_back(row);
        y += height + padding;
    }
    layout.bottom = y;
    return layout;
}

bool DecisionSheet::write(const QString& path, QString* error) const
{
    if (!result.valid()) {
        if (error) {
            *error = tr("There is no valid score to print: score an applicant first.");
        }
        return false;
    }
    const core::ScoreResult& r = result;
    QStringList grades;
    for (const std::string& line : policy.grading.legend()) {
        grades << qs(line);
    }
    const QString footnote =
        tr("Reasons are the attributes that raise this applicant's log-odds of default most "
           "above the reference applicant, in the ranking of the Score tab and the batch file. "
           "%1 %2 Grades on the PD: %3. Points: %4 at odds %5:1 (good:bad), %6 points double "
           "the odds.")
            .arg(calibrationNote(r), methodNote(r), grades.join(QStringLiteral("; ")))
            .arg(policy.scale.basePoints)
            .arg(policy.scale.baseOdds)
            .arg(policy.scale.pointsToDouble);

    // The whole sheet at the largest body size that keeps it on one page.
    auto paint = [&](QPainter& p, int width, double size, bool draw) {
        Painter sheet(p, width, draw);
        const QFont body = bodyFont(size);
        QFont bold = body;
        bold.setBold(true);
        QFont title = bodyFont(16);
        title.setBold(true);
        const int gap = QFontMetrics(body, p.device()).lineSpacing() / 2;
        sheet.pen(Qt::black); // a measuring pass may have left another pen
        sheet.font(title);
        sheet.paragraph(tr("Credit decision sheet"), gap);
        sheet.font(body);
        sheet.paragraph(tr("Model: %1 · %2 · printed %3")
                            .arg(modelName, modelFile.isEmpty() ? tr("unsaved model") : modelFile,
                                 printed.toString(Qt::ISODate)),
                        2 * gap);
        sheet.font(title);
        sheet.pen(r.reject ? QColor(0xb0, 0, 0x20) : QColor(0x1b, 0x5e, 0x20));
        sheet.paragraph(r.reject ? tr("Decision: REJECT") : tr("Decision: ACCEPT"), gap);
        sheet.pen(Qt::black);
        sheet.font(body);
        sheet.paragraph(tr("Probability of default (PD): %1").arg(percentText(r.pd, 2)), gap / 2);
        sheet.paragraph(tr("Cut-off: reject when %1 (%2 points)")
                            .arg(qs(core::cutoffText(policy)))
                            .arg(policy.thresholdPoints(), 0, 'f', 0),
                        gap / 2);
        sheet.paragraph(
            tr("Risk grade: %1 · Scorecard points: %2").arg(qs(r.grade)).arg(r.points, 0, 'f', 0),
            gap / 2);
        sheet.paragraph(policy.priorCorrected()
                            ? tr("PD corrected to a population bad rate of %1")
                                  .arg(percentText(policy.populationBadRate, 2))
                            : tr("PD on the training sample's bad rate (no population correction)"),
                        2 * gap);
        sheet.font(bold);
        sheet.paragraph(tr("Main reasons (most adverse first)"), gap / 2);
        sheet.font(body);
        for (const QString& line : reasonLines(r)) {
            sheet.paragraph(line, gap / 2);
        }
        if (r.reasonTexts.empty()) {
            sheet.paragraph(tr("No attribute raises the risk above the reference applicant."),
                            gap / 2);
        }
        sheet.paragraph(tr("Method: %1").arg(qs(r.method)), gap / 2);
        for (const core::FieldIssue& issue : r.outOfRange) {
            sheet.paragraph(tr("Warning: %1").arg(qs(issue.message)), gap / 2);
        }
        sheet.skip(gap + gap / 2);
        sheet.font(bold);
        sheet.paragraph(tr("Applicant"), gap / 2);
        sheet.font(body);
        sheet.table(applicant);
        sheet.skip(gap);
        QFont small = bodyFont(std::min(7.0, size));
        sheet.font(small);
        sheet.pen(QColor(0x55, 0x55, 0x55));
        sheet.paragraph(footnote, 0);
        return sheet.y();
    };

    const QString temporary = path + QStringLiteral(".part");
    {
        QPdfWriter pdf(temporary);
        setUpPage(pdf);
        QPainter p(&pdf);
        if (!p.isActive()) {
            if (error) {
                *error = tr("Cannot write %1").arg(path);
            }
            return false;
        }
        const int width = p.viewport().width();
        const int height = p.viewport().height();
        double size = 9.0;
        while (size > 6.0 && paint(p, width, size, false) > height) {
            size -= 0.5;
        }
        paint(p, width, size, true);
    }
    QFile::remove(path);
    if (!QFile::rename(temporary, path)) {
        QFile::remove(temporary);
        if (error) {
            *error = tr("Cannot write %1").arg(path);
        }
        return false;
    }
    return true;
}

} // namespace credit::ui
