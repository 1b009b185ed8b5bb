// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// `credit-risk score`: score a file of applicants (CSV, ARFF, german.data) into a CSV, or one
// applicant given as JSON, with a model bundle's selected model, threshold and decision settings.
#include "cli_support.h"

#include "explain/applicant_json.h"
#include "explain/batch_scorer.h"
#include "explain/scorer.h"
#include "io/model_bundle.h"
#include "io/params_file.h"
#include "monitor/prediction_log.h"
#include "monitor/score_record.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>

#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>

namespace credit::cli {
namespace {

/// The prediction log of one `score` run. A log that cannot be opened or written never stops
/// scoring: the run goes on and says, on stderr, that it was not logged.
struct ScoreLog
{
    std::unique_ptr<core::PredictionLog> log;
    core::ModelIdentity model;
    std::string requestId = core::newRequestId();
    std::string idField = "id";

    void open(const QCommandLineParser& parser, const core::ModelBundle& bundle,
              const QString& modelPath)
    {
        idField = parser.value(QStringLiteral("id-field")).toStdString();
        core::LogLocationInputs where;
        where.noLog = parser.isSet(QStringLiteral("no-log"));
        where.flagPath = parser.value(QStringLiteral("log")).toStdString();
        // monitoring.log and monitoring.inputs of --params, below the flags.
        core::InputStorage storage = core::InputStorage::Full;
        if (parser.isSet(QStringLiteral("params"))) {
            const core::MonitoringSettings monitoring =
                core::ParamsFile::load(parser.value(QStringLiteral("params")).toStdString())
                    .monitoring;
            where.paramsPath = monitoring.log;
            storage = monitoring.inputs;
        }
        const std::string path = core::resolveLogPath(where);
        if (path.empty()) {
            return;
        }
        try {
            if (parser.isSet(QStringLiteral("log-inputs"))) {
                storage = core::parseInputStorage(
                    parser.value(QStringLiteral("log-inputs")).toStdString());
            }
            log = std::make_unique<core::PredictionLog>(path, storage);
            if (!log->notice().empty()) {
                printError(QStringLiteral("credit-risk score: %1")
                               .arg(QString::fromStdString(log->notice())));
            }
            model = core::modelIdentity(bundle, QFileInfo(modelPath).fileName().toStdString());
        } catch (const std::exception& error) {
            log.reset();
            printError(QStringLiteral("credit-risk score: warning: not logged: %1")
                           .arg(QString::fromUtf8(error.what())));
        }
    }
    void append(core::PredictionRecord record)
    {
        if (log) {
            log->append(std::move(record));
        }
    }
    void flush()
    {
        if (!log) {
            return;
        }
        try {
            log->flush();
        } catch (const core::LogError& error) {
            printError(QStringLiteral("credit-risk score: warning: not logged: %1")
                           .arg(QString::fromUtf8(error.what())));
            log.reset();
        }
    }
};

int scoreApplicant(const core::Scorer& scorer, const QString& path, ScoreLog& log)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        printError(
            QStringLiteral("credit-risk score: cannot read %1: %2").arg(path, file.errorString()));
        return kExitRefused;
    }
    core::Applicant applicant;
    try {
        applicant = core::readApplicantJson(file.readAll().toStdString());
    } catch (const std::invalid_argument& error) {
        printError(
            QStringLiteral("credit-risk score: %1: %2").arg(path, QString::fromUtf8(error.what())));
        return kExitRefused;
    }
    const auto started = std::chrono::steady_clock::now();
    const core::ScoreResult result = scorer.score(applicant);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    log.append(core::predictionRecord(result, applicant, log.model, "cli", log.requestId,
                                      log.idField, ms));
    log.flush();
    printOut(core::scoreResultJson(scorer.settings(), result));
    if (!result.valid()) {
        for (const core::FieldIssue& issue : result.errors) {
            printError(QStringLiteral("credit-risk score: %1: %2")
                           .arg(path, QString::fromStdString(issue.message)));
        }
        return kExitRefused;
    }
    return kExitOk;
}

int scoreFile(const core::Scorer& scorer, const QString& input, const QString& output,
              std::size_t reasons, int threads, bool quiet, ScoreLog& log)
{
    core::BatchScoreParams params;
    params.inputPath = input.toStdString();
    params.outputPath = output.toStdString();
    params.reasons = reasons;
    params.threads = threads;
    if (log.log) {
        params.idColumn = log.idField;
        const double thresholdPd = scorer.settings().policy.thresholdPd();
        params.onRow = [&log, thresholdPd](const core::BatchRowOutcome& row) {
            log.append(core::predictionRecord(row, thresholdPd, log.model, log.requestId));
        };
    }
    auto last = std::chrono::steady_clock::now();
    if (!quiet) {
        params.progress = [&last](const core::ProgressEvent& event) {
            const auto now = std::chrono::steady_clock::now();
            if (now - last > std::chrono::milliseconds(200) || event.fraction >= 1.0) {
                last = now;
                std::fprintf(stderr, "\rscoring: %5.1f %%  %zu rows", event.fraction * 100.0,
                             event.done);
                std::fflush(stderr);
            }
            return true;
        };
    }
    const core::BatchScoreResult result = core::BatchScorer(scorer, params).run();
    log.flush();
    if (!quiet) {
        std::fputc('\n', stderr);
    }
    printError(QStringLiteral("scored %1 of %2 rows in %3 s (%4 rejected, %5 with values "
                              "outside the training range, %6 with errors) → %7")
                   .arg(result.scored)
                   .arg(result.rows)
                   .arg(result.seconds, 0, 'f', 2)
                   .arg(result.rejected)
                   .arg(result.outOfRange)
                   .arg(result.failed)
                   .arg(output));
    if (reasons > 0) {
        printError(QStringLiteral("reasons: method %1 (%2)")
                       .arg(QString::fromStdString(
                                core::explanationMethodName(scorer.explainer().method())),
                            QString::fromStdString(scorer.explainer().methodDetail())));
    }
    return kExitOk;
}

} // namespace

int runScore(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Score applicants with a model bundle: PD (prior-corrected when the bundle has a "
        "population bad rate), decision at the bundle's threshold, risk grade, scorecard "
        "points and the reasons.\n"
        "Examples:\n  credit-risk score --model model.crs --input in.csv --output out.csv\n"
        "  credit-risk score --model model.crs --applicant applicant.json"));
    parser.addOptions({
        {QStringLiteral("model"), QStringLiteral("Model bundle written by 'train'."),
         QStringLiteral("MODEL")},
        {QStringLiteral("input"),
         QStringLiteral("Applicants to score: CSV, ARFF or german.data, read as File > Open "
                        "reads them (the model's columns; others are copied through)."),
         QStringLiteral("FILE")},
        {QStringLiteral("output"), QStringLiteral("CSV to write (input columns + scores)."),
         QStringLiteral("FILE")},
        {QStringLiteral("applicant"),
         QStringLiteral("JSON object attribute → value of one applicant; prints a JSON result."),
         QStringLiteral("FILE")},
        {QStringLiteral("reasons"), QStringLiteral("Reason columns in the CSV (default 3)."),
         QStringLiteral("N")},
        {QStringLiteral("threads"), QStringLiteral("Worker threads (default: all cores)."),
         QStringLiteral("T")},
        {QStringLiteral("quiet"), QStringLiteral("No progress on stderr.")},
        {QStringLiteral("log"),
         QStringLiteral("Prediction log to append every scored row to (default: "
                        "$CREDIT_RISK_LOG, else $XDG_DATA_HOME/credit-risk-studio/"
                        "predictions.sqlite)."),
         QStringLiteral("PATH")},
        {QStringLiteral("no-log"), QStringLiteral("Do not log the predictions.")},
        {QStringLiteral("params"),
         QStringLiteral("Settings file: monitoring.log and monitoring.inputs set the log and "
                        "what it keeps (--log and --log-inputs win)."),
         QStringLiteral("FILE")},
        {QStringLiteral("log-inputs"),
         QStringLiteral("What the log keeps of the inputs: full, hashed (SHA-256) or none "
                        "(default full, or monitoring.inputs of --params)."),
         QStringLiteral("WHAT"), QStringLiteral("full")},
        {QStringLiteral("id-field"),
         QStringLiteral("Input column or JSON field that identifies the applicant in the log "
                        "(default id)."),
         QStringLiteral("NAME"), QStringLiteral("id")},
    });
    int exitCode = kExitOk;
    if (!parseArguments(parser, arguments, exitCode)) {
        return exitCode;
    }
    const bool batch =
        parser.isSet(QStringLiteral("input")) || parser.isSet(QStringLiteral("output"));
    const bool single = parser.isSet(QStringLiteral("applicant"));
    if (!parser.isSet(QStringLiteral("model")) || batch == single ||
        (batch &&
         (!parser.isSet(QStringLiteral("input")) || !parser.isSet(QStringLiteral("output")))) ||
        !parser.positionalArguments().isEmpty()) {
        printError(QStringLiteral("credit-risk score: --model and either --input with --output "
                                  "or --applicant are required\n") +
                   usageText(parser, arguments));
        return kExitUsage;
    }
    try {
        core::parseInputStorage(parser.value(QStringLiteral("log-inputs")).toStdString());
    } catch (const std::invalid_argument& error) {
        printError(QStringLiteral("credit-risk score: --log-inputs: %1")
                       .arg(QString::fromUtf8(error.what())));
        return kExitUsage;
    }
    std::size_t reasons = 3;
    if (parser.isSet(QStringLiteral("reasons"))) {
        bool ok = false;
        const uint value = parser.value(QStringLiteral("reasons")).toUInt(&ok);
        if (!ok || value > 10) {
            printError(QStringLiteral("credit-risk score: --reasons expects an integer from 0 to "
                                      "10"));
            return kExitUsage;
        }
        reasons = value;
    }
    int threads = int(std::max(1U, std::thread::hardware_concurrency()));
    if (parser.isSet(QStringLiteral("threads"))) {
        bool ok = false;
        threads = parser.value(QStringLiteral("threads")).toInt(&ok);
        if (!ok || threads < 1) {
            printError(QStringLiteral("credit-risk score: --threads expects an integer >= 1"));
            return kExitUsage;
        }
    }
    try {
        const core::ModelBundle bundle =
            core::ModelBundle::load(parser.value(QStringLiteral("model")).toStdString());
        const core::Scorer scorer(bundle);
        ScoreLog log;
        log.open(parser, bundle, parser.value(QStringLiteral("model")));
        if (single) {
            return scoreApplicant(scorer, parser.value(QStringLiteral("applicant")), log);
        }
        return scoreFile(scorer, parser.value(QStringLiteral("input")),
                         parser.value(QStringLiteral("output")), reasons, threads,
                         parser.isSet(QStringLiteral("quiet")), log);
    } catch (const core::Cancelled&) {
        printError(QStringLiteral("credit-risk score: cancelled"));
        return kExitCancelled;
    } catch (const std::exception& error) {
        printError(QStringLiteral("credit-risk score: ") + QString::fromUtf8(error.what()));
        return kExitRefused;
    }
}

} // namespace credit::cli
