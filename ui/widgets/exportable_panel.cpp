// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "widgets/exportable_panel.h"

#include "common/atomic_file.h"
#include "widgets/file_names.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QStackedLayout>
#include <QStandardPaths>
#include <QStyle>
#include <QSvgGenerator>
#include <QToolButton>
#include <QVBoxLayout>

#include <exception>
#include <string_view>

namespace credit::ui {
namespace {

bool writeBytes(const QString& path, const QByteArray& bytes, QString* error)
{
    try {
        core::writeFileAtomically(QFile::encodeName(path).toStdString(),
                                  std::string_view(bytes.constData(), std::size_t(bytes.size())));
        return true;
    } catch (const std::exception& e) {
        if (error != nullptr) {
            *error = QString::fromStdString(e.what());
        }
        return false;
    }
}

} // namespace

class ExportablePanel::ExportLayout
{
public:
    explicit ExportLayout(const ExportablePanel& panel)
        : m_content(panel.m_content), m_screenSize(m_content->size())
    {
        const QSize size = panel.exportSize();
        if (size != m_screenSize) {
            m_content->resize(size);
        }
        panel.prepareRender();
    }
    ~ExportLayout()
    {
        if (m_content->size() != m_screenSize) {
            m_content->resize(m_screenSize);
        }
    }
    ExportLayout(const ExportLayout&) = delete;
    ExportLayout& operator=(const ExportLayout&) = delete;

    QSize size() const { return m_content->size(); }

private:
    QWidget* m_content;
    QSize m_screenSize;
};

ExportablePanel::ExportablePanel(QWidget* parent)
    : QWidget(parent), m_emptyState(new QLabel(this)), m_menu(new QMenu(this)),
      m_button(new QToolButton(this))
{
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setStyleSheet(QStringLiteral("color: palette(mid); font-size: 11pt;"));

    QAction* png = m_menu->addAction(tr("Export as PNG…"));
    png->setToolTip(tr("Save the picture at its size on screen"));
    connect(png, &QAction::triggered, this, [this] { exportWithDialog(Format::Png); });
    QAction* png2 = m_menu->addAction(tr("Export as PNG (2×, for print)…"));
    connect(png2, &QAction::triggered, this, [this] { exportWithDialog(Format::Png2x); });
    QAction* svg = m_menu->addAction(tr("Export as SVG…"));
    connect(svg, &QAction::triggered, this, [this] { exportWithDialog(Format::Svg); });

    m_button->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    m_button->setToolTip(tr("Export this chart as PNG or SVG"));
    m_button->setPopupMode(QToolButton::InstantPopup);
    m_button->setMenu(m_menu);
    m_button->setAutoRaise(true);

    auto* top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addStretch(1);
    top->addWidget(m_button);
    m_stack = new QStackedLayout;
    m_stack->addWidget(m_emptyState);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addLayout(m_stack, 1);
}

void ExportablePanel::setContent(QWidget* content)
{
    Q_ASSERT(m_content == nullptr);
    m_content = content;
    m_stack->addWidget(content);
    m_stack->setCurrentWidget(content);
    content->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(content, &QWidget::customContextMenuRequested, this, &ExportablePanel::showContextMenu);
}

void ExportablePanel::showPlaceholder(const QString& text)
{
    m_emptyState->setText(text);
    m_stack->setCurrentWidget(m_emptyState);
    m_button->setEnabled(false);
}

void ExportablePanel::showContent()
{
    if (m_content != nullptr) {
        m_stack->setCurrentWidget(m_content);
        m_button->setEnabled(true);
    }
}

bool ExportablePanel::isShowingPlaceholder() const
{
    return m_stack->currentWidget() == m_emptyState;
}

QString ExportablePanel::placeholderText() const
{
    return m_emptyState->text();
}

QSize ExportablePanel::exportSize() const
{
    return m_content != nullptr ? m_content->size() : QSize();
}

QImage ExportablePanel::renderImage(qreal scale) const
{
    if (m_content == nullptr) {
        return {};
    }
    const ExportLayout layout(*this);
    const QSize size = layout.size();
    QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    m_content->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
    painter.end();
    return image;
}

bool ExportablePanel::exportPng(const QString& path, qreal scale, QString* error) const
{
    const QImage image = renderImage(scale);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (image.isNull() || !image.save(&buffer, "PNG")) {
        if (error != nullptr) {
            *error = tr("Could not render the picture for %1").arg(path);
        }
        return false;
    }
    return writeBytes(path, bytes, error);
}

bool ExportablePanel::exportSvg(const QString& path, QString* error) const
{
    if (m_content == nullptr) {
        return false;
    }
    const ExportLayout layout(*this);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(layout.size());
    generator.setViewBox(QRect(QPoint(0, 0), layout.size()));
    generator.setTitle(m_exportName);
    generator.setDescription(tr("Exported from Credit Risk Studio"));
    QPainter painter(&generator);
    m_content->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
    painter.end();
    return writeBytes(path, bytes, error);
}

void ExportablePanel::exportWithDialog(Format format)
{
    const bool svg = format == Format::Svg;
    const QString suffix = svg ? QStringLiteral(".svg") : QStringLiteral(".png");
    QString stem = m_exportName.isEmpty() ? QStringLiteral("chart") : m_exportName;
    if (format == Format::Png2x) {
        stem += QStringLiteral("@2x");
    }
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString path = withSuffix(
        QFileDialog::getSaveFileName(this, tr("Export chart"), QDir(dir).filePath(stem + suffix),
                                     svg ? tr("SVG images (*.svg)") : tr("PNG images (*.png)")),
        suffix);
    if (path.isEmpty()) {
        return;
    }
    QString error;
    const bool ok = svg ? exportSvg(path, &error)
                        : exportPng(path, format == Format::Png2x ? 2.0 : 1.0, &error);
    if (!ok) {
        QMessageBox::warning(this, tr("Export failed"), error);
        return;
    }
    announceSaved(this, path);
    emit exported(path);
}

void ExportablePanel::showContextMenu(const QPoint& pos)
{
    if (!isShowingPlaceholder() && m_content != nullptr) {
        m_menu->popup(m_content->mapToGlobal(pos));
    }
}

} // namespace credit::ui
