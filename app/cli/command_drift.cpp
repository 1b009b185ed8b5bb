// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// `credit-risk drift`: PSI of the score and CSI of every attribute of new applicants (a file,
// or a period of the prediction log) against the training population frozen in the bundle.
#include "cli_support.h"

#include "io/model_bundle.h"
#include "io/params_file.h"
#include "monitor/model_drift.h"
#include "monitor/score_record.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>

namespace credit::cli {

namespace {

/// Bands: --params wins, else the training run's params.yaml stored in the bundle, else the
/// defaults.
core::MonitoringSettings monitoringSettings(const QCommandLineParser& parser,
                                            const core::ModelBundle& bundle)
{
    if (parser.isSet(QStringLiteral("params"))) {
        return core::ParamsFile::load(parser.value(QStringLiteral("params")).toStdString())
            .monitoring;
    }
    return core::monitoringSettingsOf(bundle);
}

} // namespace

int runDrift(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Population stability of new applicants against the training population frozen in "
        "the model bundle: PSI of the score and CSI of every attribute, each with its traffic "
        "light (psi_warning / psi_alert, csi_warning / csi_alert of params.yaml) and the "
        "p-value of the figure under no drift.\n\nExamples:\n"
        "  credit-risk drift --model m.crs --data new.csv\n"
        "  credit-risk drift --model m.crs --data new.csv --json --fail-on alert\n"
        "  credit-risk drift --model m.crs --log predictions.sqlite --since 2026-11-01 "
        "--until 2026-12-01\n\n"
        "Exit codes: 0 done, 1 bad arguments, 2 refused input (a file whose columns do not "
        "match the model's schema, a model without a drift reference), 4 with --fail-on when "
        "a figure reaches the band."));
    parser.addOptions({
        {QStringLiteral("model"), QStringLiteral("The model bundle (.crs)."),
         QStringLiteral("FILE")},
        {QStringLiteral("data"),
         QStringLiteral("New applicants: CSV, ARFF or german.data naming the model's columns "
                        "(an outcome column, if present, gives the bad rate per bin)."),
         QStringLiteral("FILE")},
        {QStringLiteral("log"),
         QStringLiteral("Compare a period of this prediction log instead of a file (the "
                        "records of this model, from the inputs stored in them)."),
         QStringLiteral("PATH")},
        {QStringLiteral("since"), QStringLiteral("With --log: records at or after this UTC time."),
         QStringLiteral("TIME")},
        {QStringLiteral("until"), QStringLiteral("With --log: records before this UTC time."),
         QStringLiteral("TIME")},
        {QStringLiteral("params"),
         QStringLiteral("Settings file for the bands (default: the training run's)."),
         QStringLiteral("FILE")},
        {QStringLiteral("json"), QStringLiteral("Print the table as JSON.")},
        {QStringLiteral("fail-on"),
         QStringLiteral("alert or watch: exit with code 4 when any figure reaches that band."),
         QStringLiteral("LEVEL")},
    });
    addCategoricalOption(parser);
    int exitCode = kExitOk;
    if (!parseArguments(parser, arguments, exitCode)) {
        return exitCode;
    }
    const QString command = QStringLiteral("credit-risk drift");
    if (!parser.isSet(QStringLiteral("model")) ||
        parser.isSet(QStringLiteral("data")) == parser.isSet(QStringLiteral("log"))) {
        printError(command + QStringLiteral(": --model and one of --data or --log are required\n") +
                   usageText(parser, arguments));
        return kExitUsage;
    }
    core::DriftLevel failLevel = core::DriftLevel::Stable;
    if (parser.isSet(QStringLiteral("fail-on"))) {
        const QString level = parser.value(QStringLiteral("fail-on"));
        if (level == QLatin1String("alert")) {
            failLevel = core::DriftLevel::Shifted;
        } else if (level == QLatin1String("watch")) {
            failLevel = core::DriftLevel::Watch;
        } else {
            printError(command +
                       QStringLiteral(": --fail-on must be alert or watch, not '%1'").arg(level));
            return kExitUsage;
        }
    }
    try {
        const QString modelPath = parser.value(QStringLiteral("model"));
        const core::ModelBundle bundle = core::ModelBundle::load(modelPath.toStdString());
        const core::ModelDrift drift(bundle, monitoringSettings(parser, bundle),
                                     modelPath.toStdString());
        core::DriftReport report;
        if (parser.isSet(QStringLiteral("data"))) {
            core::ReadOptions options;
            applyCategoricalOption(parser, options);
            report = drift.ofFile(parser.value(QStringLiteral("data")).toStdString(), options);
        } else {
            const QString path = parser.value(QStringLiteral("log"));
            if (!QFile::exists(path)) {
                printError(command +
                           QStringLiteral(": there is no prediction log at %1").arg(path));
                return kExitRefused;
            }
            const core::PredictionLog log(path.toStdString(), core::InputStorage::Full,
                                          core::PredictionLog::Access::Read);
            core::LogSelection selection;
            selection.since = parser.value(QStringLiteral("since")).toStdString();
            selection.until = parser.value(QStringLiteral("until")).toStdString();
            selection.modelId =
                core::modelIdentity(bundle, QFileInfo(modelPath).fileName().toStdString()).id;
            report = drift.ofLog(log, selection);
            if (report.rows == 0) {
                report.warnings.push_back("the log holds no scored record of this model in "
                                          "the period");
            }
        }
        printOut(parser.isSet(QStringLiteral("json")) ? core::driftReportJson(report)
                                                      : core::driftReportText(report));
        if (failLevel != core::DriftLevel::Stable &&
            static_cast<int>(report.worst()) >= static_cast<int>(failLevel)) {
            printError(command + QStringLiteral(": drift reached '%1'")
                                     .arg(QLatin1String(core::driftLevelName(report.worst()))));
            return kExitDrift;
        }
    } catch (const std::exception& error) {
        printError(command + QStringLiteral(": ") + QString::fromUtf8(error.what()));
        return kExitRefused;
    }
    return kExitOk;
}

} // namespace credit::cli
