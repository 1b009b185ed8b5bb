// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// credit-risk log export|prune: the prediction log read by people and other programs, and
// kept to a size.
#include "cli_support.h"

#include "common/atomic_file.h"
#include "monitor/prediction_log.h"

#include <QCommandLineParser>
#include <QFile>

#include <fstream>
#include <iostream>
#include <sstream>

namespace credit::cli {

namespace {

void addLogOption(QCommandLineParser& parser)
{
    parser.addOption({QStringLiteral("log"),
                      QStringLiteral("The prediction log (default: $CREDIT_RISK_LOG, else "
                                     "$XDG_DATA_HOME/credit-risk-studio/predictions.sqlite)."),
                      QStringLiteral("PATH")});
}

/// The log named by --log or the environment; it must exist (reading never creates one).
bool openLog(const QCommandLineParser& parser, const QString& command,
             std::unique_ptr<core::PredictionLog>& log)
{
    core::LogLocationInputs where;
    where.flagPath = parser.value(QStringLiteral("log")).toStdString();
    const std::string path = core::resolveLogPath(where);
    if (!QFile::exists(QString::fromStdString(path))) {
        printError(QStringLiteral("%1: there is no prediction log at %2 (nothing has been "
                                  "scored with logging on there; see --log)")
                       .arg(command, QString::fromStdString(path)));
        return false;
    }
    try {
        log = std::make_unique<core::PredictionLog>(path);
    } catch (const core::LogError& error) {
        printError(QStringLiteral("%1: %2").arg(command, QString::fromUtf8(error.what())));
        return false;
    }
    if (!log->notice().empty()) {
        printError(QStringLiteral("%1: %2").arg(command, QString::fromStdString(log->notice())));
    }
    return true;
}

int runExport(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Write the prediction log as CSV or JSON Lines, oldest first.\n\nExamples:\n"
        "  credit-risk log export --format csv --out predictions.csv\n"
        "  credit-risk log export --format jsonl --since 2026-11-01 --until 2026-12-01"));
    addLogOption(parser);
    parser.addOptions({
        {QStringLiteral("format"), QStringLiteral("csv or jsonl (default csv)."),
         QStringLiteral("FORMAT"), QStringLiteral("csv")},
        {QStringLiteral("since"),
         QStringLiteral("Only records at or after this UTC time (ISO 8601, e.g. 2026-11-01)."),
         QStringLiteral("TIME")},
        {QStringLiteral("until"), QStringLiteral("Only records before this UTC time."),
         QStringLiteral("TIME")},
        {QStringLiteral("out"), QStringLiteral("Write to FILE instead of stdout."),
         QStringLiteral("FILE")},
    });
    int exitCode = kExitOk;
    if (!parseArguments(parser, arguments, exitCode)) {
        return exitCode;
    }
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("csv") && format != QLatin1String("jsonl")) {
        printError(QStringLiteral("credit-risk log export: --format must be csv or jsonl, not "
                                  "'%1'")
                       .arg(format));
        return kExitUsage;
    }
    std::unique_ptr<core::PredictionLog> log;
    if (!openLog(parser, QStringLiteral("credit-risk log export"), log)) {
        return kExitRefused;
    }
    try {
        std::ostringstream text;
        const std::size_t rows =
            core::exportLog(*log, parser.value(QStringLiteral("since")).toStdString(),
                            parser.value(QStringLiteral("until")).toStdString(),
                            format == QLatin1String("csv") ? core::LogExportFormat::Csv
                                                           : core::LogExportFormat::JsonLines,
                            text);
        if (parser.isSet(QStringLiteral("out"))) {
            core::writeFileAtomically(parser.value(QStringLiteral("out")).toStdString(),
                                      text.str());
            printError(QStringLiteral("credit-risk log export: %1 records written to %2")
                           .arg(rows)
                           .arg(parser.value(QStringLiteral("out"))));
        } else {
            printOut(text.str());
        }
    } catch (const std::exception& error) {
        printError(
            QStringLiteral("credit-risk log export: %1").arg(QString::fromUtf8(error.what())));
        return kExitRefused;
    }
    return kExitOk;
}

int runPrune(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Delete the records older than an age from the prediction log.\n\nExample:\n"
                       "  credit-risk log prune --older-than 90d"));
    addLogOption(parser);
    parser.addOption({QStringLiteral("older-than"),
                      QStringLiteral("Age of the records to delete: days, hours or minutes "
                                     "(90d, 12h, 30m)."),
                      QStringLiteral("AGE")});
    int exitCode = kExitOk;
    if (!parseArguments(parser, arguments, exitCode)) {
        return exitCode;
    }
    if (!parser.isSet(QStringLiteral("older-than"))) {
        printError(QStringLiteral("credit-risk log prune: --older-than is required\n") +
                   usageText(parser, arguments));
        return kExitUsage;
    }
    std::string before;
    try {
        before = core::timeBefore(parser.value(QStringLiteral("older-than")).toStdString());
    } catch (const std::invalid_argument& error) {
        printError(
            QStringLiteral("credit-risk log prune: %1").arg(QString::fromUtf8(error.what())));
        return kExitUsage;
    }
    std::unique_ptr<core::PredictionLog> log;
    if (!openLog(parser, QStringLiteral("credit-risk log prune"), log)) {
        return kExitRefused;
    }
    try {
        const std::size_t removed = log->prune(before);
        printOut(QStringLiteral("deleted %1 records older than %2; %3 remain\n")
                     .arg(removed)
                     .arg(QString::fromStdString(before))
                     .arg(log->count()));
    } catch (const core::LogError& error) {
        printError(
            QStringLiteral("credit-risk log prune: %1").arg(QString::fromUtf8(error.what())));
        return kExitRefused;
    }
    return kExitOk;
}

} // namespace

int runLog(const QStringList& arguments)
{
    const QString usage =
        QStringLiteral("Usage: credit-risk log <export|prune> [options]\n\n"
                       "  export  Write the prediction log as CSV or JSON Lines.\n"
                       "  prune   Delete records older than an age.\n\n"
                       "Run 'credit-risk log <command> --help' for its options.\n");
    if (arguments.size() < 2 || arguments[1] == QLatin1String("--help") ||
        arguments[1] == QLatin1String("-h")) {
        (arguments.size() < 2 ? printError(usage) : printOut(usage));
        return arguments.size() < 2 ? kExitUsage : kExitOk;
    }
    QStringList rest = arguments.mid(1);
    rest[0] = QStringLiteral("credit-risk log %1").arg(arguments[1]);
    if (arguments[1] == QLatin1String("export")) {
        return runExport(rest);
    }
    if (arguments[1] == QLatin1String("prune")) {
        return runPrune(rest);
    }
    printError(QStringLiteral("credit-risk log: unknown command '%1'\n").arg(arguments[1]) + usage);
    return kExitUsage;
}

} // namespace credit::cli
