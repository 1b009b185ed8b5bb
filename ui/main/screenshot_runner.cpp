// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "main/screenshot_runner.h"

#include "main/main_window.h"
#include "main/tab_page.h"

#include <QPixmap>
#include <QSaveFile>

#include <utility>

namespace credit::ui {

ScreenshotRunner::ScreenshotRunner(MainWindow* window, StartupOptions options, QObject* parent)
    : QObject(parent), m_window(window), m_options(std::move(options))
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(kTimeoutMs);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        fail(tr("Timed out after %1 s waiting for the tab to finish.").arg(kTimeoutMs / 1000));
    });
}

void ScreenshotRunner::start(const QString& datasetPath)
{
    m_timeout.start();
    if (!m_options.tab.isEmpty() && !m_window->tabIds().contains(m_options.tab)) {
        fail(tr("Unknown tab '%1'. Valid tabs: %2.")
                 .arg(m_options.tab, m_window->tabIds().join(QStringLiteral(", "))));
        return;
    }
    m_window->setErrorDialogsEnabled(false);
    connect(m_window, &MainWindow::datasetLoaded, this, &ScreenshotRunner::onDatasetLoaded);
    connect(m_window, &MainWindow::loadFailed, this, &ScreenshotRunner::fail);
    connect(m_window, &MainWindow::painted, this, &ScreenshotRunner::onPainted);

    m_window->resize(m_options.size);
    m_window->show();
    if (m_window->size() != m_options.size) {
        fail(tr("The window cannot be %1x%2 (it is %3x%4).")
                 .arg(m_options.size.width())
                 .arg(m_options.size.height())
                 .arg(m_window->width())
                 .arg(m_window->height()));
        return;
    }
    if (datasetPath.isEmpty()) {
        fail(tr("No dataset given and the bundled credit-g.arff was not found."));
        return;
    }
    m_window->openFile(datasetPath, false);
}

QString ScreenshotRunner::errorMessage() const
{
    return m_error;
}

void ScreenshotRunner::onDatasetLoaded()
{
    if (m_done) {
        return;
    }
    if (!m_options.tab.isEmpty()) {
        m_window->showTab(m_options.tab);
    }
    TabPage* page = m_window->currentTabPage();
    if (page == nullptr) {
        fail(tr("The window has no tabs."));
        return;
    }
    // Connect before asking, so a tab that finishes in between is not missed.
    connect(page, &TabPage::contentReady, this, &ScreenshotRunner::onContentReady);
    if (page->isContentReady()) {
        onContentReady();
    }
}

void ScreenshotRunner::onContentReady()
{
    if (m_done || m_waitingForPaint) {
        return;
    }
    // Let the window paint the new content once on screen before grabbing it.
    m_waitingForPaint = true;
    m_window->update();
}

void ScreenshotRunner::onPainted()
{
    if (!m_waitingForPaint || m_done) {
        return;
    }
    m_waitingForPaint = false;
    // Grab after the paint event has been fully handled.
    QTimer::singleShot(0, this, &ScreenshotRunner::grabAndSave);
}

void ScreenshotRunner::grabAndSave()
{
    if (m_done) {
        return;
    }
    const QPixmap pixmap = m_window->grab();
    QSaveFile file(m_options.screenshotPath);
    if (!file.open(QIODevice::WriteOnly) || !pixmap.save(&file, "PNG") || !file.commit()) {
        fail(tr("Cannot write the screenshot to %1: %2")
                 .arg(m_options.screenshotPath, file.errorString()));
        return;
    }
    finish(0);
}

void ScreenshotRunner::fail(const QString& message)
{
    if (m_done) {
        return;
    }
    m_error = message;
    finish(1);
}

void ScreenshotRunner::finish(int exitCode)
{
    m_done = true;
    m_timeout.stop();
    // Always asynchronous, so the caller can connect finished() to QCoreApplication::exit
    // before the event loop runs.
    QMetaObject::invokeMethod(
        this, [this, exitCode] { emit finished(exitCode); }, Qt::QueuedConnection);
}

} // namespace credit::ui
