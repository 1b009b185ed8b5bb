// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "main/startup_options.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

namespace credit::ui {

class MainWindow;

/// Screenshot mode: loads the data, shows the chosen tab, waits until the tab's content is
/// ready and painted, saves the window to PNG and reports an exit code. Errors never open a
/// dialog; they end up in errorMessage().
class ScreenshotRunner : public QObject
{
    Q_OBJECT

public:
    static constexpr int kTimeoutMs = 120'000;

    ScreenshotRunner(MainWindow* window, StartupOptions options, QObject* parent = nullptr);

    /// Starts the run; `datasetPath` is the file to load. finished() follows asynchronously.
    void start(const QString& datasetPath);
    QString errorMessage() const;

signals:
    /// 0 on success; non-zero with errorMessage() set otherwise.
    void finished(int exitCode);

private:
    void onDatasetLoaded();
    void onContentReady();
    void onPainted();
    void grabAndSave();
    void fail(const QString& message);
    void finish(int exitCode);

    QPointer<MainWindow> m_window;
    StartupOptions m_options;
    QTimer m_timeout;
    QString m_error;
    bool m_waitingForPaint = false;
    bool m_done = false;
};

} // namespace credit::ui
