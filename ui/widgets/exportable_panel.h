// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QImage>
#include <QString>
#include <QWidget>

class QLabel;
class QMenu;
class QStackedLayout;
class QToolButton;

namespace credit::ui {

/// A frame around one picture-like widget (a chart, a heatmap) that can save it as PNG (at its
/// on-screen size or 2× for print) or SVG, from a context menu and from a small toolbar button
/// in its top-right corner, and that can show a placeholder text instead of the content
/// (empty data, an error, "computing…"). Shared by the Explore, Evaluate and Threshold tabs.
class ExportablePanel : public QWidget
{
    Q_OBJECT

public:
    explicit ExportablePanel(QWidget* parent = nullptr);

    /// Sets the exported widget; the panel takes ownership. Call once.
    void setContent(QWidget* content);
    QWidget* content() const { return m_content; }

    /// File name stem proposed by the export dialog, e.g. "histogram_credit_amount".
    void setExportName(const QString& name) { m_exportName = name; }
    QString exportName() const { return m_exportName; }

    /// Shows `text` centred instead of the content (and disables export).
    void showPlaceholder(const QString& text);
    /// Shows the content again.
    void showContent();
    bool isShowingPlaceholder() const;
    QString placeholderText() const;

    /// The content painted at exportSize() × `scale` (device pixel ratio = scale).
    QImage renderImage(qreal scale = 1.0) const;
    /// The logical size exports are drawn at: the size on screen, or more where a panel needs
    /// room to draw every label whole (ChartWidget). The widget is laid out at this size for
    /// the export and given its size back before the next paint.
    virtual QSize exportSize() const;
    /// Writes the content as PNG at `scale` × its size, atomically. On failure returns false
    /// and sets `error` to a message naming the file.
    bool exportPng(const QString& path, qreal scale = 1.0, QString* error = nullptr) const;
    /// Writes the content as SVG (vector), atomically.
    bool exportSvg(const QString& path, QString* error = nullptr) const;

    /// The menu with the export actions (also used by the context menu).
    QMenu* exportMenu() const { return m_menu; }
    QToolButton* exportButton() const { return m_button; }

signals:
    void exported(const QString& path);

protected:
    /// Called before the content is rendered for export; brings it up to date.
    virtual void prepareRender() const {}

private:
    /// Lays the content out at exportSize() for the lifetime of the object.
    class ExportLayout;

    enum class Format
    {
        Png,
        Png2x,
        Svg,
    };
    void exportWithDialog(Format format);
    void showContextMenu(const QPoint& pos);

    QWidget* m_content = nullptr;
    QStackedLayout* m_stack = nullptr;
    QLabel* m_emptyState = nullptr;
    QMenu* m_menu = nullptr;
    QToolButton* m_button = nullptr;
    QString m_exportName;
};

} // namespace credit::ui
