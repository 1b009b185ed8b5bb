// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QObject>

namespace credit::ui {

class MainWindow;

/// With CREDIT_TRACE_STARTUP=1, prints on stderr the milliseconds from main() to the first
/// paint of the main window, and to the first paint after the dataset was loaded:
///   startup: first-paint 123 ms
///   startup: data-painted 140 ms
class StartupTrace : public QObject
{
    Q_OBJECT

public:
    /// `sinceMain` was started at the top of main().
    StartupTrace(MainWindow* window, const QElapsedTimer& sinceMain);

    static bool isRequested();

private:
    void onPainted();

    QElapsedTimer m_sinceMain;
    bool m_firstPaintSeen = false;
    bool m_dataLoaded = false;
    bool m_dataPaintSeen = false;
};

} // namespace credit::ui
