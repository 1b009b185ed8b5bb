// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "main/startup_options.h"

#include "common/build_info.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace credit::ui {

namespace {

constexpr int kMaximumSide = 16384;

} // namespace

std::optional<QSize> parseWindowSize(const QString& text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*(\\d{1,5})\\s*[xX]\\s*(\\d{1,5})\\s*$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch()) {
        return std::nullopt;
    }
    const QSize size(match.captured(1).toInt(), match.captured(2).toInt());
    if (size.width() < StartupOptions::kMinimumSize.width() ||
        size.height() < StartupOptions::kMinimumSize.height() || size.width() > kMaximumSide ||
        size.height() > kMaximumSide) {
        return std::nullopt;
    }
    return size;
}

StartupCommand parseStartupCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(StartupOptions::tr(
        "Credit Risk Studio: explore credit data, train and compare credit-risk models."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption tabOption(QStringLiteral("tab"),
                                       StartupOptions::tr("Open on tab NAME (data, explore, ...)."),
                                       StartupOptions::tr("NAME"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        StartupOptions::tr("Load the data, show the tab, save the window as PNG to FILE and exit."),
        StartupOptions::tr("FILE"));
    const QCommandLineOption sizeOption(
        QStringLiteral("size"),
        StartupOptions::tr("Window size WIDTHxHEIGHT (default %1x%2).")
            .arg(StartupOptions::kDefaultSize.width())
            .arg(StartupOptions::kDefaultSize.height()),
        StartupOptions::tr("WxH"));
    parser.addOption(tabOption);
    parser.addOption(screenshotOption);
    parser.addOption(sizeOption);
    const QCommandLineOption modelOption(
        QStringLiteral("model"),
        StartupOptions::tr("Open the model file FILE (saved with File > Save Model or by "
                           "credit-risk train)."),
        StartupOptions::tr("FILE"));
    parser.addOption(modelOption);
    parser.addPositionalArgument(
        StartupOptions::tr("FILE"),
        StartupOptions::tr("Dataset to open: ARFF, CSV or UCI german.data (default: the bundled "
                           "German Credit data)."),
        StartupOptions::tr("[FILE]"));

    StartupCommand command;
    if (!parser.parse(arguments)) {
        command.action = StartupCommand::Action::Error;
        command.text = parser.errorText();
        return command;
    }
    if (parser.isSet(helpOption)) {
        command.action = StartupCommand::Action::ShowHelp;
        command.text = parser.helpText();
        // Without an application object (help asked before any window) Qt cannot name the
        // program itself.
        command.text.replace(QStringLiteral("<executable_name>"),
                             QStringLiteral("credit-risk-studio"));
        return command;
    }
    if (parser.isSet(versionOption)) {
        command.action = StartupCommand::Action::ShowVersion;
        command.text = QString::fromStdString(core::versionLine("credit-risk-studio"));
        return command;
    }

    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        command.action = StartupCommand::Action::Error;
        command.text = StartupOptions::tr("Expected at most one FILE, got %1: %2")
                           .arg(positional.size())
                           .arg(positional.join(QStringLiteral(", ")));
        return command;
    }
    StartupOptions& options = command.options;
    if (!positional.isEmpty()) {
        options.file = positional.first();
    }
    options.tab = parser.value(tabOption).trimmed().toLower();
    if (parser.isSet(tabOption) && options.tab.isEmpty()) {
        command.action = StartupCommand::Action::Error;
        command.text = StartupOptions::tr("--tab needs a tab name.");
        return command;
    }
    options.screenshotPath = parser.value(screenshotOption);
    if (parser.isSet(screenshotOption) && options.screenshotPath.isEmpty()) {
        command.action = StartupCommand::Action::Error;
        command.text = StartupOptions::tr("--screenshot needs an output file name.");
        return command;
    }
    options.modelFile = parser.value(modelOption);
    if (parser.isSet(modelOption) && options.modelFile.isEmpty()) {
        command.action = StartupCommand::Action::Error;
        command.text = StartupOptions::tr("--model needs a model file name.");
        return command;
    }
    if (parser.isSet(sizeOption)) {
        const std::optional<QSize> size = parseWindowSize(parser.value(sizeOption));
        if (!size) {
            command.action = StartupCommand::Action::Error;
            command.text =
                StartupOptions::tr(
                    "Invalid --size '%1': expected WIDTHxHEIGHT, at least %2x%3 and at most "
                    "%4x%4, e.g. 1280x800.")
                    .arg(parser.value(sizeOption))
                    .arg(StartupOptions::kMinimumSize.width())
                    .arg(StartupOptions::kMinimumSize.height())
                    .arg(kMaximumSide);
            return command;
        }
        options.size = *size;
        options.sizeGiven = true;
    }
    return command;
}

QString findBundledDataset(const QString& compiledDataDir)
{
    const QString fileName = QStringLiteral("credit-g.arff");
    QStringList candidates;
    if (QCoreApplication::instance() != nullptr) {
        candidates.append(QDir(QCoreApplication::applicationDirPath())
                              .filePath(QStringLiteral("../share/credit-risk-studio/data/")));
    }
    if (!compiledDataDir.isEmpty()) {
        candidates.append(compiledDataDir);
    }
    for (const QString& dir : candidates) {
        const QFileInfo info(QDir(dir).filePath(fileName));
        if (info.isFile()) {
            return info.canonicalFilePath();
        }
    }
    return {};
}

QString applicationVersion()
{
    return QString::fromUtf8(core::projectVersion().data(),
                             static_cast<qsizetype>(core::projectVersion().size()));
}

} // namespace credit::ui
