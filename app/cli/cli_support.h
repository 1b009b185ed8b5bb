// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "data/dataset_reader.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

namespace credit::cli {

/// Exit codes shared by every subcommand.
enum ExitCode : int
{
    kExitOk = 0,
    kExitUsage = 1,     ///< bad arguments; the usage is printed
    kExitRefused = 2,   ///< a file or value was refused (message on stderr)
    kExitCancelled = 3, ///< interrupted
    kExitDrift = 4      ///< `drift --fail-on`: a figure reached the band
};

/// A subcommand: its name, a one-line summary for `credit-risk --help`, and its entry point,
/// which receives the arguments after the subcommand name (argv[0] replaced by
/// "credit-risk <name>").
struct Command
{
    const char* name;
    const char* summary;
    int (*run)(const QStringList& arguments);
};

/// Prints `message` to stderr with a trailing newline.
void printError(const QString& message);
/// Writes `text` to stdout as UTF-8.
void printOut(const QString& text);
void printOut(const std::string& text);

/// Adds --target and --positive to a parser.
void addTargetOptions(QCommandLineParser& parser);
/// ReadOptions from --target/--positive (and --categorical when the parser has it).
core::ReadOptions readOptionsFrom(const QCommandLineParser& parser);

/// Adds --categorical NAME (repeatable, or comma-separated): CSV columns to read as labels.
void addCategoricalOption(QCommandLineParser& parser);
/// The --categorical names, appended to `options.categoricalColumns`.
void applyCategoricalOption(const QCommandLineParser& parser, core::ReadOptions& options);

/// The parser's help text with the usage line naming the command ("Usage: credit-risk train
/// [options]") instead of the binary's path, which is what Qt puts there.
QString usageText(const QCommandLineParser& parser, const QStringList& arguments);

/// Parses `arguments` with --help handled; on error prints the message and usage.
/// Returns false when the command should stop with `exitCode`.
bool parseArguments(QCommandLineParser& parser, const QStringList& arguments, int& exitCode);

} // namespace credit::cli
