// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// credit-risk log export|prune|outcomes: the prediction log read by people and other programs,
// kept to a size, and given the realised outcomes for back-testing.
#include "cli_support.h"

#include "common/atomic_file.h"
#include "io/model_bundle.h"
#include "io/params_file.h"
#include "monitor/log_summary.h"
#include "monitor/model_drift.h"
#include "monitor/outcome_file.h"
#include "monitor/prediction_log.h"
#include "monitor/score_record.h"

#include <nlohmann/json.hpp>
#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>

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
             std::unique_ptr<core::PredictionLog>& log,
             core::PredictionLog::Access access = core::PredictionLog::Access::Write)
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
        log = std::make_unique<core::PredictionLog>(path, core::InputStorage::Full, access);
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
    if (!openLog(parser, QStringLiteral("credit-risk log export"), log,
                 core::PredictionLog::Access::Read)) {
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

int runOutcomes(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Import realised outcomes into the prediction log: every record whose applicant id is "
        "in the file gets its outcome (1 bad, 0 good), for the realised performance and the "
        "back-test per grade.\n\nExample:\n"
        "  credit-risk log outcomes --file outcomes.csv        # columns id, outcome"));
    addLogOption(parser);
    parser.addOptions({
        {QStringLiteral("file"),
         QStringLiteral("CSV with the applicant id and the outcome (bad/good, 1/0)."),
         QStringLiteral("FILE")},
        {QStringLiteral("id-column"), QStringLiteral("The id column (default id)."),
         QStringLiteral("NAME"), QStringLiteral("id")},
        {QStringLiteral("outcome-column"), QStringLiteral("The outcome column (default outcome)."),
         QStringLiteral("NAME"), QStringLiteral("outcome")},
    });
    int exitCode = kExitOk;
    if (!parseArguments(parser, arguments, exitCode)) {
        return exitCode;
    }
    const QString command = QStringLiteral("credit-risk log outcomes");
    if (!parser.isSet(QStringLiteral("file"))) {
        printError(command + QStringLiteral(": --file is required\n") +
                   usageText(parser, arguments));
        return kExitUsage;
    }
    std::vector<std::pair<std::string, int>> outcomes;
    try {
        core::OutcomeFileParams params;
        params.idColumn = parser.value(QStringLiteral("id-column")).toStdString();
        params.outcomeColumn = parser.value(QStringLiteral("outcome-column")).toStdString();
        outcomes =
            core::readOutcomeFile(parser.value(QStringLiteral("file")).toStdString(), params);
    } catch (const std::exception& error) {
        printError(command + QStringLiteral(": ") + QString::fromUtf8(error.what()));
        return kExitRefused;
    }
    std::unique_ptr<core::PredictionLog> log;
    if (!openLog(parser, command, log)) {
        return kExitRefused;
    }
    try {
        const core::OutcomeImport result = log->importOutcomes(outcomes);
        printOut(QStringLiteral("%1 outcomes read; %2 ids found in the log, %3 records updated\n")
                     .arg(result.outcomes)
                     .arg(result.matchedIds)
                     .arg(result.records));
        if (!result.unknownIds.empty()) {
            QString ids;
            for (const std::string& id : result.unknownIds) {
                ids +=
                    (ids.isEmpty() ? QString() : QStringLiteral(", ")) + QString::fromStdString(id);
            }
            printError(command + QStringLiteral(": %1 ids are not in the log (first: %2)")
                                     .arg(result.outcomes - result.matchedIds)
                                     .arg(ids));
        }
    } catch (const core::LogError& error) {
        printError(command + QStringLiteral(": ") + QString::fromUtf8(error.what()));
        return kExitRefused;
    }
    return kExitOk;
}

using Json = nlohmann::ordered_json; // keys in the order written; NaN is written as null

Json intervalJson(const core::BootstrapInterval& i)
{
    return {{"estimate", i.estimate}, {"lower", i.lower}, {"upper", i.upper}};
}

int runPerformance(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Performance of a model over a period of the prediction log: bad rate, acceptance, "
        "AUC and expected cost estimated from the PDs alone, and, for the records with an "
        "imported outcome, the realised figures with 95 % bootstrap intervals and the "
        "back-test of each risk grade (exact binomial test). With --fail-on alert, exit code 4 "
        "when the realised AUC is below monitoring.performance_threshold.\n\nExample:\n"
        "  credit-risk log performance --model m.crs --since 2026-11-01 --json"));
    addLogOption(parser);
    parser.addOptions({
        {QStringLiteral("model"), QStringLiteral("The model bundle whose records are read."),
         QStringLiteral("FILE")},
        {QStringLiteral("since"), QStringLiteral("Records at or after this UTC time."),
         QStringLiteral("TIME")},
        {QStringLiteral("until"), QStringLiteral("Records before this UTC time."),
         QStringLiteral("TIME")},
        {QStringLiteral("params"),
         QStringLiteral("Settings file for performance_threshold (default: the training "
                        "run's)."),
         QStringLiteral("FILE")},
        {QStringLiteral("json"), QStringLiteral("Print JSON.")},
        {QStringLiteral("fail-on"),
         QStringLiteral("alert: exit with code 4 when the realised AUC is below the threshold."),
         QStringLiteral("LEVEL")},
    });
    int exitCode = kExitOk;
    if (!parseArguments(parser, arguments, exitCode)) {
        return exitCode;
    }
    const QString command = QStringLiteral("credit-risk log performance");
    if (parser.isSet(QStringLiteral("fail-on")) &&
        parser.value(QStringLiteral("fail-on")) != QLatin1String("alert")) {
        printError(command + QStringLiteral(": --fail-on must be alert"));
        return kExitUsage;
    }
    if (!parser.isSet(QStringLiteral("model"))) {
        printError(command + QStringLiteral(": --model is required\n") +
                   usageText(parser, arguments));
        return kExitUsage;
    }
    std::unique_ptr<core::PredictionLog> log;
    if (!openLog(parser, command, log, core::PredictionLog::Access::Read)) {
        return kExitRefused;
    }
    try {
        const QString modelPath = parser.value(QStringLiteral("model"));
        const core::ModelBundle bundle = core::ModelBundle::load(modelPath.toStdString());
        const core::MonitoringSettings settings =
            parser.isSet(QStringLiteral("params"))
                ? core::ParamsFile::load(parser.value(QStringLiteral("params")).toStdString())
                      .monitoring
                : core::monitoringSettingsOf(bundle);
        core::LogSelection selection;
        selection.since = parser.value(QStringLiteral("since")).toStdString();
        selection.until = parser.value(QStringLiteral("until")).toStdString();
        selection.modelId =
            core::modelIdentity(bundle, QFileInfo(modelPath).fileName().toStdString()).id;
        const core::PeriodPredictions period = core::readPeriodPredictions(*log, selection);
        const core::PerformanceEstimate e =
            core::estimatePerformance(period.pds, period.rejected, bundle.policy.costs);
        const core::RealisedPerformance r =
            core::realisedPerformance(period, bundle.policy.costs, settings.performanceThreshold);
        const std::vector<core::GradeBacktest> grades =
            core::backtestGrades(period, bundle.policy.grading);
        if (parser.isSet(QStringLiteral("json"))) {
            Json gradesJson = Json::array();
            for (const core::GradeBacktest& g : grades) {
                gradesJson.push_back({{"grade", g.grade},
                                      {"lower_pd", g.lowerPd},
                                      {"upper_pd", g.upperPd},
                                      {"rows", static_cast<std::uint64_t>(g.rows)},
                                      {"bads", static_cast<std::uint64_t>(g.bads)},
                                      {"mean_pd", g.meanPd},
                                      {"bad_rate", g.badRate},
                                      {"p_value", g.test.twoSided},
                                      {"verdict", g.verdict}});
            }
            Json out;
            out["rows"] = static_cast<std::uint64_t>(e.rows);
            out["estimated"] = {{"bad_rate", e.expectedBadRate},
                                {"acceptance_rate", e.acceptanceRate},
                                {"bad_rate_accepted", e.expectedBadRateAccepted},
                                {"auc", e.expectedAuc},
                                {"expected_cost", e.expectedCost}};
            out["realised"] = {{"rows", static_cast<std::uint64_t>(r.rows)},
                               {"bad_rate", intervalJson(r.badRate)},
                               {"acceptance_rate", intervalJson(r.acceptanceRate)},
                               {"bad_rate_accepted", intervalJson(r.badRateAccepted)},
                               {"auc", intervalJson(r.auc)},
                               {"cost", intervalJson(r.cost)},
                               {"auc_below_threshold", r.belowThreshold}};
            out["grades"] = std::move(gradesJson);
            out["warnings"] = r.warnings;
            printOut(out.dump() + "\n");
        } else {
            QString text = QStringLiteral("%1 scored records; estimated from the PDs: bad rate "
                                          "%2, acceptance %3, AUC %4, cost %5\n")
                               .arg(e.rows)
                               .arg(e.expectedBadRate, 0, 'f', 4)
                               .arg(e.acceptanceRate, 0, 'f', 4)
                               .arg(e.expectedAuc, 0, 'f', 4)
                               .arg(e.expectedCost, 0, 'f', 4);
            text += QStringLiteral("%1 with an outcome; realised: bad rate %2 [%3, %4], AUC %5 "
                                   "[%6, %7]\n")
                        .arg(r.rows)
                        .arg(r.badRate.estimate, 0, 'f', 4)
                        .arg(r.badRate.lower, 0, 'f', 4)
                        .arg(r.badRate.upper, 0, 'f', 4)
                        .arg(r.auc.estimate, 0, 'f', 4)
                        .arg(r.auc.lower, 0, 'f', 4)
                        .arg(r.auc.upper, 0, 'f', 4);
            for (const core::GradeBacktest& g : grades) {
                text += QStringLiteral("grade %1: %2 rows, %3 bads, mean PD %4, p %5, %6\n")
                            .arg(QString::fromStdString(g.grade))
                            .arg(g.rows)
                            .arg(g.bads)
                            .arg(g.meanPd, 0, 'f', 4)
                            .arg(g.test.twoSided, 0, 'g', 3)
                            .arg(QString::fromStdString(g.verdict));
            }
            printOut(text);
        }
        if (r.belowThreshold) {
            printError(command + QStringLiteral(": alert: the realised AUC %1 is below the "
                                                "performance threshold %2")
                                     .arg(r.auc.estimate, 0, 'f', 4)
                                     .arg(settings.performanceThreshold));
            if (parser.isSet(QStringLiteral("fail-on"))) {
                return kExitDrift;
            }
        }
    } catch (const std::exception& error) {
        printError(command + QStringLiteral(": ") + QString::fromUtf8(error.what()));
        return kExitRefused;
    }
    return kExitOk;
}

} // namespace

int runLog(const QStringList& arguments)
{
    const QString usage =
        QStringLiteral("Usage: credit-risk log <export|prune|outcomes|performance> [options]\n\n"
                       "  export    Write the prediction log as CSV or JSON Lines.\n"
                       "  prune     Delete records older than an age.\n"
                       "  outcomes  Import realised outcomes (id, outcome) for back-testing.\n"
                       "  performance  Estimated and realised performance of a period.\n\n"
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
    if (arguments[1] == QLatin1String("outcomes")) {
        return runOutcomes(rest);
    }
    if (arguments[1] == QLatin1String("performance")) {
        return runPerformance(rest);
    }
    printError(QStringLiteral("credit-risk log: unknown command '%1'\n").arg(arguments[1]) + usage);
    return kExitUsage;
}

} // namespace credit::cli
