// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "cli_support.h"

#include <QCoreApplication>

#include <cstdio>

namespace credit::cli {

void printError(const QString& message)
{
    const QByteArray bytes = message.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
}

void printOut(const QString& text)
{
    printOut(text.toStdString());
}

void printOut(const std::string& text)
{
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
}

void addTargetOptions(QCommandLineParser& parser)
{
    parser.addOption({QStringLiteral("target"),
                      QStringLiteral("Name of the outcome column (default: class)."),
                      QStringLiteral("NAME"), QStringLiteral("class")});
    parser.addOption({QStringLiteral("positive"),
                      QStringLiteral("Label of the positive (default) class (default: bad)."),
                      QStringLiteral("LABEL"), QStringLiteral("bad")});
}

core::ReadOptions readOptionsFrom(const QCommandLineParser& parser)
{
    core::ReadOptions options;
    options.target.column = parser.value(QStringLiteral("target")).toStdString();
    options.target.positive = parser.value(QStringLiteral("positive")).toStdString();
    applyCategoricalOption(parser, options);
    return options;
}

void addCategoricalOption(QCommandLineParser& parser)
{
    parser.addOption(
        {QStringLiteral("categorical"),
         QStringLiteral("Read CSV column NAME as categorical, even where its values are numbers "
                        "(repeat, or separate names by commas). Without it a column of numbers "
                        "but for a few values is refused, naming each."),
         QStringLiteral("NAME")});
}

void applyCategoricalOption(const QCommandLineParser& parser, core::ReadOptions& options)
{
    if (!parser.optionNames().contains(QStringLiteral("categorical"))) {
        return;
    }
    for (const QString& value : parser.values(QStringLiteral("categorical"))) {
        for (const QString& name : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            options.categoricalColumns.push_back(name.trimmed().toStdString());
        }
    }
}

QString usageText(const QCommandLineParser& parser, const QStringList& arguments)
{
    QString text = parser.helpText();
    // Qt writes "Usage: <argv[0]>"; main() puts "credit-risk <command>" in arguments[0].
    const QString program = QCoreApplication::arguments().value(0);
    const QString prefix = QStringLiteral("Usage: ") + program;
    if (!arguments.isEmpty() && text.startsWith(prefix)) {
        text.replace(0, prefix.size(), QStringLiteral("Usage: ") + arguments.first());
    }
    return text;
}

bool parseArguments(QCommandLineParser& parser, const QStringList& arguments, int& exitCode)
{
    const QCommandLineOption help = parser.addHelpOption();
    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        printError(usageText(parser, arguments));
        exitCode = kExitUsage;
        return false;
    }
    if (parser.isSet(help)) {
        printOut(usageText(parser, arguments));
        exitCode = kExitOk;
        return false;
    }
    return true;
}

} // namespace credit::cli
