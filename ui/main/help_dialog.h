// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QTextBrowser;

namespace credit::ui {

/// Help ▸ Help and Help ▸ Glossary: the help document (help_text.h) in a browser that stays
/// open beside the window (not modal), scrolled to an anchor.
class HelpDialog : public QDialog
{
    Q_OBJECT

public:
    explicit HelpDialog(QWidget* parent = nullptr);

    /// Shows the dialog scrolled to `anchor` (a tab's section or a glossary term).
    void showAt(const QString& anchor);
    QTextBrowser* browser() const { return m_browser; }

private:
    QTextBrowser* m_browser;
};

} // namespace credit::ui
