// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "main/startup_trace.h"

#include "main/main_window.h"

#include <cstdio>

namespace credit::ui {

StartupTrace::StartupTrace(MainWindow* window, const QElapsedTimer& sinceMain)
    : QObject(window), m_sinceMain(sinceMain)
{
    connect(window, &MainWindow::painted, this, &StartupTrace::onPainted);
    connect(window, &MainWindow::datasetLoaded, this, [this, window] {
        m_dataLoaded = true;
        window->update();
    });
}

bool StartupTrace::isRequested()
{
    return qEnvironmentVariable("CREDIT_TRACE_STARTUP") == QLatin1String("1");
}

void StartupTrace::onPainted()
{
    const qint64 elapsed = m_sinceMain.elapsed();
    if (!m_firstPaintSeen) {
        m_firstPaintSeen = true;
        std::fprintf(stderr, "startup: first-paint %lld ms\n", static_cast<long long>(elapsed));
    }
    if (m_dataLoaded && !m_dataPaintSeen) {
        m_dataPaintSeen = true;
        std::fprintf(stderr, "startup: data-painted %lld ms\n", static_cast<long long>(elapsed));
        std::fflush(stderr);
    }
}

} // namespace credit::ui
