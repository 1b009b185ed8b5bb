// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

namespace credit::ui {

/// The GUI command line: `credit-risk-studio [FILE] [--tab NAME] [--screenshot OUT.png]
/// [--size WxH]`.
struct StartupOptions
{
    Q_DECLARE_TR_FUNCTIONS(StartupOptions)

public:
    static constexpr QSize kDefaultSize{1280, 800};
    static constexpr QSize kMinimumSize{640, 400};

    QString file;           ///< empty: the bundled German Credit data
    QString tab;            ///< empty: the first tab
    QString screenshotPath; ///< non-empty: screenshot mode
    QSize size = kDefaultSize;
    bool sizeGiven = false;
    QString modelFile; ///< --model FILE: a model bundle to open at startup

    bool screenshotMode() const { return !screenshotPath.isEmpty(); }
};

/// What the command line asks for.
struct StartupCommand
{
    enum class Action
    {
        Run,
        ShowHelp,    ///< print `text` on stdout, exit 0
        ShowVersion, ///< print `text` on stdout, exit 0
        Error,       ///< print `text` on stderr, exit non-zero
    };
    Action action = Action::Run;
    StartupOptions options;
    QString text;
};

/// Parses `arguments` (argv, program name first). Tab names are checked later, against the
/// tabs the window actually has.
StartupCommand parseStartupCommand(const QStringList& arguments);

/// "1280x800" → QSize; nullopt unless both parts are integers within the allowed range.
std::optional<QSize> parseWindowSize(const QString& text);

/// The bundled credit-g.arff: an installed copy in ../share/credit-risk-studio/data next to
/// the executable first, then `compiledDataDir`. Empty when neither exists.
QString findBundledDataset(const QString& compiledDataDir);

/// The project version ("0.1.0"), as CMake's project() sets it.
QString applicationVersion();

} // namespace credit::ui
