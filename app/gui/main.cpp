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
#include <string_view>
#include <utility>

namespace {

void printLine(std::FILE* stream, const QString& text)
{
    std::fputs(qPrintable(text.endsWith(QLatin1Char('\n')) ? text : text + QLatin1Char('\n')),
               stream);
    std::fflush(stream);
}

/// True when argv asks only for text (--help, --version): then no QApplication is made, so
/// the answer comes without a display or a Qt platform plugin.
bool asksForTextOnly(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "--help-all" || arg == "--version" ||
            arg == "-v") {
            return true;
        }
    }
    return false;
}

QStringList argumentList(int argc, char* argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i) {
        arguments.append(QString::fromLocal8Bit(argv[i]));
    }
    return arguments;
}

/// Prints what a non-Run command asks for; returns its exit code, or -1 to go on and run.
int answerWithoutWindow(const credit::ui::StartupCommand& command)
{
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
    return -1;
}

} // namespace

int main(int argc, char* argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();

    QCoreApplication::setOrganizationName(QStringLiteral("CreditRiskStudio"));
    QCoreApplication::setApplicationName(QStringLiteral("Credit Risk Studio"));
    QCoreApplication::setApplicationVersion(credit::ui::applicationVersion());
    if (asksForTextOnly(argc, argv)) {
        const int code =
            answerWithoutWindow(credit::ui::parseStartupCommand(argumentList(argc, argv)));
        if (code >= 0) {
            return code;
        }
    }

    QApplication app(argc, argv);
    QGuiApplication::setDesktopFileName(QStringLiteral("org.creditriskstudio.CreditRiskStudio"));

    const credit::ui::StartupCommand command =
        credit::ui::parseStartupCommand(QCoreApplication::arguments());
    if (const int code = answerWithoutWindow(command); code >= 0) {
        return code;
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
