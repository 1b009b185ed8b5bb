// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// credit-risk: the headless command line of Credit Risk Studio. Startup and dispatch only; each
// subcommand lives in its own command_<name>.cpp and calls the engine directly.
#include "cli_support.h"

#include "common/build_info.h"

#include <QCoreApplication>

#include <array>
#include <string>

namespace credit::cli {
int runInfo(const QStringList& arguments);
int runTrain(const QStringList& arguments);
int runEvaluate(const QStringList& arguments);
int runScore(const QStringList& arguments);
int runLog(const QStringList& arguments);
int runDrift(const QStringList& arguments);
int runServe(const QStringList& arguments);
} // namespace credit::cli

namespace {

using credit::cli::Command;

constexpr std::array kCommands{
    Command{"info", "Describe a dataset: columns, types, missing values, class balance.",
            &credit::cli::runInfo},
    Command{"train", "Cross-validate, tune and calibrate models; write a model bundle.",
            &credit::cli::runTrain},
    Command{"evaluate", "Metrics of a model bundle on a dataset.", &credit::cli::runEvaluate},
    Command{"score", "Score applicants (CSV or one JSON applicant): PD, decision, reasons.",
            &credit::cli::runScore},
    Command{"log", "The prediction log: export it (CSV, JSON Lines), prune it, import outcomes.",
            &credit::cli::runLog},
    Command{"drift", "Population stability (PSI/CSI) of new applicants or a log period.",
            &credit::cli::runDrift},
    Command{"serve", "Serve a model over HTTP: /predict, /predict/batch, /health, /metrics.",
            &credit::cli::runServe},
};

QString usage()
{
    QString text = QStringLiteral("Usage: credit-risk <command> [options]\n\n"
                                  "Credit Risk Studio on the command line.\n\nCommands:\n");
    for (const Command& command : kCommands) {
        text += QStringLiteral("  %1  %2\n")
                    .arg(QString::fromLatin1(command.name).leftJustified(10),
                         QString::fromLatin1(command.summary));
    }
    text += QStringLiteral("\nRun 'credit-risk <command> --help' for a command's options.\n"
                           "Exit codes: 0 success, 1 bad arguments, 2 refused input, "
                           "3 cancelled, 4 drift reached the --fail-on band.\n");
    return text;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("credit-risk"));
    QCoreApplication::setApplicationVersion(
        QString::fromStdString(std::string(credit::core::projectVersion())));

    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2 || arguments[1] == QLatin1String("--help") ||
        arguments[1] == QLatin1String("-h") || arguments[1] == QLatin1String("help")) {
        credit::cli::printOut(usage());
        return arguments.size() < 2 ? credit::cli::kExitUsage : credit::cli::kExitOk;
    }
    if (arguments[1] == QLatin1String("--version")) {
        credit::cli::printOut(QString::fromStdString(credit::core::versionLine("credit-risk")) +
                              QLatin1Char('\n'));
        return credit::cli::kExitOk;
    }
    for (const Command& command : kCommands) {
        if (arguments[1] == QLatin1String(command.name)) {
            QStringList rest = arguments.mid(1);
            rest[0] = QStringLiteral("credit-risk %1").arg(QLatin1String(command.name));
            return command.run(rest);
        }
    }
    credit::cli::printError(
        QStringLiteral("credit-risk: unknown command '%1'\n").arg(arguments[1]) + usage());
    return credit::cli::kExitUsage;
}
