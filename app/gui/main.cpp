// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
//
// credit-risk-studio: startup only. Options, screenshot mode and the window live in creditui.

#include "main/app_state.h"
#include "main/main_window.h"
#include "main/screenshot_runner.h"
#include "main/startup_options.h"
#include "main/startup_trace.h"
#include "train/model_file_actions.h"

#include <QApplication>
#include <QElapsedTimer>

#include <cstdio>
#include <utility>

namespace {

void printLine(std::FILE* stream, const QString& text)
{
    std::fputs(qPrintable(text.endsWith(QLatin1Char('\n')) ? text : text + QLatin1Char('\n')),
               stream);
    std::fflush(stream);
}

} // namespace

int main(int argc, char* argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();

    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("CreditRiskStudio"));
    QCoreApplication::setApplicationName(QStringLiteral("Credit Risk Studio"));
    QCoreApplication::setApplicationVersion(credit::ui::applicationVersion());
    QGuiApplication::setDesktopFileName(QStringLiteral("credit-risk-studio"));

    const credit::ui::StartupCommand command =
        credit::ui::parseStartupCommand(QCoreApplication::arguments());
    switch (command.action) {
    case credit::ui::StartupCommand::Action::ShowHelp:
    case credit::ui::StartupCommand::Action::ShowVersion:
        printLine(stdout, command.text);
        return 0;
    case credit::ui::StartupCommand::Action::Error:
        printLine(stderr, command.text);
        return 2;
    case credit::ui::StartupCommand::Action::Run:
        break;
    }
    const credit::ui::StartupOptions& options = command.options;
    const QString datasetPath =
        options.file.isEmpty() ? credit::ui::findBundledDataset(QStringLiteral(CREDIT_DATA_DIR))
                               : options.file;

    credit::ui::AppState state;
    credit::ui::MainWindow window(&state);
    if (!options.modelFile.isEmpty()) {
        credit::ui::ModelLoadResult model = credit::ui::loadModelBundleFile(options.modelFile);
        if (!model.bundle) {
            printLine(stderr, model.error);
            return 2;
        }
        state.setModelBundle(std::move(model.bundle), options.modelFile);
    }
    if (credit::ui::StartupTrace::isRequested()) {
        new credit::ui::StartupTrace(&window, sinceMain);
    }

    if (options.screenshotMode()) {
        credit::ui::ScreenshotRunner runner(&window, options);
        QObject::connect(&runner, &credit::ui::ScreenshotRunner::finished, &app,
                         [&runner](int exitCode) {
                             if (exitCode != 0) {
                                 printLine(stderr, runner.errorMessage());
                             }
                             QCoreApplication::exit(exitCode);
                         });
        runner.start(datasetPath);
        return QApplication::exec();
    }

    if (!options.tab.isEmpty() && !window.showTab(options.tab)) {
        printLine(stderr, QCoreApplication::translate("main", "Unknown tab '%1'. Valid tabs: %2.")
                              .arg(options.tab, window.tabIds().join(QStringLiteral(", "))));
        return 2;
    }
    window.restoreWindowState();
    if (options.sizeGiven) {
        window.resize(options.size);
    }
    window.show();
    if (!datasetPath.isEmpty()) {
        window.openFile(datasetPath, !options.file.isEmpty());
    }
    return QApplication::exec();
}
