// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// `credit-risk serve`: the local REST scoring service. Argument parsing, signals and the
// periodic log flush only; the routes are core/serve/scoring_service, the HTTP layer
// core/serve/http_server.
#include "cli_support.h"

#include "common/build_info.h"
#include "monitor/prediction_log.h"
#include "serve/http_server.h"
#include "serve/scoring_service.h"

#include <QCommandLineParser>
#include <QFile>

#include <nlohmann/json.hpp>

#include <malloc.h>
#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <thread>

namespace credit::cli {
namespace {

constexpr const char* kName = "credit-risk serve";

/// "1MiB", "512KiB", "2MB", "65536": a byte count; nullopt when not one.
std::optional<std::size_t> parseBytes(const QString& text)
{
    static const std::pair<const char*, std::size_t> kUnits[] = {
        {"KiB", 1024}, {"MiB", 1024 * 1024}, {"KB", 1000}, {"MB", 1000 * 1000},
        {"K", 1024},   {"M", 1024 * 1024},   {"B", 1},
    };
    QString number = text.trimmed();
    std::size_t unit = 1;
    for (const auto& [suffix, factor] : kUnits) {
        if (number.endsWith(QLatin1String(suffix), Qt::CaseInsensitive)) {
            number.chop(qsizetype(std::strlen(suffix)));
            unit = factor;
            break;
        }
    }
    bool ok = false;
    const qulonglong value = number.trimmed().toULongLong(&ok);
    if (!ok || value == 0 || value > (qulonglong(1) << 40) / unit) {
        return std::nullopt;
    }
    return std::size_t(value) * unit;
}

bool isLoopback(const QString& host)
{
    return host == QLatin1String("localhost") || host == QLatin1String("::1") ||
           host.startsWith(QLatin1String("127."));
}

/// The setting from the flag, else the environment variable, else the default.
QString setting(const QCommandLineParser& parser, const char* flag, const char* variable,
                const QString& fallback)
{
    if (parser.isSet(QLatin1String(flag))) {
        return parser.value(QLatin1String(flag));
    }
    if (const char* value = std::getenv(variable); value && *value) {
        return QString::fromUtf8(value);
    }
    return fallback;
}

/// Waits for SIGTERM / SIGINT (stop) and SIGHUP (reload) on its own thread: the signals are
/// blocked in every thread (the mask is inherited), so none interrupts a request, and the
/// work a signal asks for runs as ordinary code rather than in a handler.
class SignalThread
{
public:
    SignalThread(core::ScoringService& service, core::HttpServer& server, std::string modelPath)
    {
        m_thread = std::thread([&service, &server, path = std::move(modelPath)] {
            sigset_t set;
            sigemptyset(&set);
            for (int s : {SIGTERM, SIGINT, SIGHUP, SIGUSR1}) {
                sigaddset(&set, s);
            }
            for (;;) {
                int signal = 0;
                if (sigwait(&set, &signal) != 0) {
                    continue;
                }
                if (signal == SIGHUP) {
                    service.serviceLog().notice("reload_requested", {{"path", path}});
                    service.reload(path);
                    continue;
                }
                if (signal != SIGUSR1) {
                    service.serviceLog().notice(
                        "stopping", {{"signal", signal == SIGTERM ? "SIGTERM" : "SIGINT"},
                                     {"message", "finishing the requests in flight"}});
                    server.stop();
                }
                return;
            }
        });
    }
    ~SignalThread()
    {
        // Wakes the thread when serve() returned for another reason than a signal.
        pthread_kill(m_thread.native_handle(), SIGUSR1);
        m_thread.join();
    }

private:
    std::thread m_thread;
};

/// Writes the prediction log's buffer four times a second: request threads only buffer the
/// records (an SQLite transaction of a few hundred records takes milliseconds that would
/// land on one request's latency), and the Monitor tab sees service traffic as it happens.
class FlushThread
{
public:
    explicit FlushThread(const core::ScoringService& service)
    {
        m_thread = std::thread([this, &service] {
            std::unique_lock lock(m_mutex);
            while (!m_stop) {
                m_wake.wait_for(lock, std::chrono::milliseconds(250));
                lock.unlock();
                service.flushLog();
                lock.lock();
            }
        });
    }
    ~FlushThread()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace

int runServe(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Serve a model bundle over HTTP (JSON): POST /predict, POST /predict/batch, GET /health, "
        "GET /model, GET /metrics, and MLflow's GET /ping and POST /invocations.\n"
        "Listens on 127.0.0.1 by default; any other address needs --token-file. Runs in the "
        "foreground: SIGTERM or Ctrl-C stops it after the requests in flight, SIGHUP reloads "
        "the model file (a bad file is refused and the current model keeps serving).\n"
        "Environment: API_HOST, API_PORT, LOG_LEVEL (error, warn, info, debug); flags win.\n"
        "Example:\n  credit-risk serve --model model.crs --port 5000"));
    parser.addOptions({
        {QStringLiteral("model"), QStringLiteral("Model bundle written by 'train'."),
         QStringLiteral("MODEL")},
        {QStringLiteral("host"),
         QStringLiteral("Address to listen on (default $API_HOST, else 127.0.0.1)."),
         QStringLiteral("ADDRESS")},
        {QStringLiteral("port"),
         QStringLiteral("Port (default $API_PORT, else 5000; 0 picks a free one)."),
         QStringLiteral("PORT")},
        {QStringLiteral("threads"),
         QStringLiteral("Worker threads = connections served at once (default 32)."),
         QStringLiteral("N")},
        {QStringLiteral("token-file"),
         QStringLiteral("File holding the bearer token that every route but /health and /ping "
                        "requires (Authorization: Bearer <token>). Required for an address "
                        "other than loopback."),
         QStringLiteral("FILE")},
        {QStringLiteral("allow-host"),
         QStringLiteral("Another name clients may send in the Host header (repeat); e.g. the "
                        "reverse proxy's public name."),
         QStringLiteral("NAME")},
        {QStringLiteral("max-body"),
         QStringLiteral("Largest request body (default 1MiB; units B, KiB, MiB, KB, MB)."),
         QStringLiteral("SIZE")},
        {QStringLiteral("max-batch"),
         QStringLiteral("Most rows in /predict/batch and /invocations (default 10000)."),
         QStringLiteral("ROWS")},
        {QStringLiteral("read-timeout"),
         QStringLiteral("Seconds to wait for the rest of a request (default 5)."),
         QStringLiteral("SECONDS")},
        {QStringLiteral("impute-missing"),
         QStringLiteral("Score applicants with missing fields with the training's imputation "
                        "(median / mode), naming the imputed fields in 'warnings'.")},
        {QStringLiteral("log"),
         QStringLiteral("Prediction log (default: $CREDIT_RISK_LOG, else $XDG_DATA_HOME/"
                        "credit-risk-studio/predictions.sqlite)."),
         QStringLiteral("PATH")},
        {QStringLiteral("no-log"), QStringLiteral("Do not log the predictions.")},
        {QStringLiteral("log-inputs"),
         QStringLiteral("What the log keeps of the inputs: full, hashed or none (default full)."),
         QStringLiteral("WHAT"), QStringLiteral("full")},
        {QStringLiteral("id-field"),
         QStringLiteral("Request field that identifies the applicant in the log (default id)."),
         QStringLiteral("NAME"), QStringLiteral("id")},
        {QStringLiteral("log-level"),
         QStringLiteral("error, warn, info or debug (default $LOG_LEVEL, else info)."),
         QStringLiteral("LEVEL")},
    });
    int exitCode = kExitOk;
    if (!parseArguments(parser, arguments, exitCode)) {
        return exitCode;
    }
    const auto usage = [&](const QString& message) {
        printError(QStringLiteral("%1: %2").arg(QLatin1String(kName), message));
        return kExitUsage;
    };
    if (!parser.isSet(QStringLiteral("model")) || !parser.positionalArguments().isEmpty()) {
        printError(QStringLiteral("%1: --model is required\n").arg(QLatin1String(kName)) +
                   usageText(parser, arguments));
        return kExitUsage;
    }
    const QString host = setting(parser, "host", "API_HOST", QStringLiteral("127.0.0.1"));
    bool ok = false;
    const int port = setting(parser, "port", "API_PORT", QStringLiteral("5000")).toInt(&ok);
    if (!ok || port < 0 || port > 65535) {
        return usage(QStringLiteral("the port (--port or API_PORT) must be 0 to 65535"));
    }
    core::LogLevel level = core::LogLevel::Info;
    try {
        level = core::parseLogLevel(
            setting(parser, "log-level", "LOG_LEVEL", QStringLiteral("info")).toStdString());
    } catch (const std::invalid_argument& error) {
        return usage(QString::fromUtf8(error.what()));
    }
    core::HttpServerParams http;
    if (parser.isSet(QStringLiteral("threads"))) {
        http.threads = parser.value(QStringLiteral("threads")).toInt(&ok);
        if (!ok || http.threads < 1 || http.threads > 1024) {
            return usage(QStringLiteral("--threads expects an integer from 1 to 1024"));
        }
    }
    if (parser.isSet(QStringLiteral("read-timeout"))) {
        const int seconds = parser.value(QStringLiteral("read-timeout")).toInt(&ok);
        if (!ok || seconds < 1 || seconds > 3600) {
            return usage(QStringLiteral("--read-timeout expects seconds from 1 to 3600"));
        }
        http.readTimeout = std::chrono::seconds(seconds);
    }
    core::ServiceConfig config;
    config.version = std::string(core::projectVersion());
    config.imputeMissing = parser.isSet(QStringLiteral("impute-missing"));
    config.idField = parser.value(QStringLiteral("id-field")).toStdString();
    if (parser.isSet(QStringLiteral("max-body"))) {
        const auto bytes = parseBytes(parser.value(QStringLiteral("max-body")));
        if (!bytes) {
            return usage(QStringLiteral("--max-body expects a size such as 1MiB or 65536"));
        }
        config.maxBody = *bytes;
    }
    if (parser.isSet(QStringLiteral("max-batch"))) {
        const int rows = parser.value(QStringLiteral("max-batch")).toInt(&ok);
        if (!ok || rows < 1) {
            return usage(QStringLiteral("--max-batch expects an integer >= 1"));
        }
        config.maxBatch = std::size_t(rows);
    }
    if (parser.isSet(QStringLiteral("token-file"))) {
        QFile file(parser.value(QStringLiteral("token-file")));
        if (!file.open(QIODevice::ReadOnly)) {
            printError(QStringLiteral("%1: cannot read the token file %2: %3")
                           .arg(QLatin1String(kName), file.fileName(), file.errorString()));
            return kExitRefused;
        }
        config.token = file.readAll().trimmed().toStdString();
        if (config.token.size() < 16) {
            printError(QStringLiteral("%1: the token in %2 is shorter than 16 characters")
                           .arg(QLatin1String(kName), file.fileName()));
            return kExitRefused;
        }
    }
    if (!isLoopback(host) && config.token.empty()) {
        return usage(QStringLiteral("listening on %1 (not loopback) needs --token-file: without "
                                    "a token anyone who reaches the address could score and "
                                    "read the model")
                         .arg(host));
    }
    // The Host header must name this service (DNS rebinding); an address that is every
    // interface accepts whatever --allow-host adds, or any name when none is given.
    if (isLoopback(host)) {
        config.allowedHosts = {"127.0.0.1", "localhost", "::1"};
    } else if (host != QLatin1String("0.0.0.0") && host != QLatin1String("::")) {
        config.allowedHosts = {host.toStdString()};
    }
    for (const QString& name : parser.values(QStringLiteral("allow-host"))) {
        config.allowedHosts.push_back(name.toStdString());
    }
    core::InputStorage storage = core::InputStorage::Full;
    try {
        storage = core::parseInputStorage(parser.value(QStringLiteral("log-inputs")).toStdString());
    } catch (const std::invalid_argument& error) {
        return usage(QStringLiteral("--log-inputs: ") + QString::fromUtf8(error.what()));
    }

    // Block the signals before any thread starts, so every thread inherits the mask and only
    // SignalThread receives them.
    sigset_t set;
    sigemptyset(&set);
    for (int s : {SIGTERM, SIGINT, SIGHUP, SIGUSR1}) {
        sigaddset(&set, s);
    }
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    ::signal(SIGPIPE, SIG_IGN); // a client that hangs up is a failed write, not a death
    // glibc gives each of up to 8 × cores threads its own heap; with dozens of workers on a few
    // cores the freed memory of one request stays in another heap, and RSS drifted up by tens
    // of MB over a million requests. Four heaps keep it flat at no measurable cost.
    mallopt(M_ARENA_MAX, 4);

    auto serviceLog = std::make_shared<core::ServiceLog>(level);
    const std::string modelPath = parser.value(QStringLiteral("model")).toStdString();
    std::shared_ptr<const core::ServedModel> model;
    try {
        model = core::ServedModel::load(modelPath);
    } catch (const std::exception& error) {
        printError(
            QStringLiteral("%1: %2").arg(QLatin1String(kName), QString::fromUtf8(error.what())));
        return kExitRefused;
    }
    std::shared_ptr<core::PredictionLog> log;
    core::LogLocationInputs where;
    where.noLog = parser.isSet(QStringLiteral("no-log"));
    where.flagPath = parser.value(QStringLiteral("log")).toStdString();
    const std::string logPath = core::resolveLogPath(where);
    if (!logPath.empty()) {
        try {
            log = std::make_shared<core::PredictionLog>(logPath, storage);
            if (!log->notice().empty()) {
                serviceLog->write(core::LogLevel::Warn, "prediction_log",
                                  {{"path", logPath}, {"message", log->notice()}});
            }
        } catch (const std::exception& error) {
            serviceLog->write(core::LogLevel::Error, "prediction_log",
                              {{"path", logPath},
                               {"error", error.what()},
                               {"message", "predictions are not logged"}});
        }
    }
    try {
        core::ScoringService service(model, config, log, serviceLog);
        core::HttpServer server(service, http);
        const int boundPort = server.bind(host.toStdString(), port);
        const std::string url = "http://" +
                                (host.contains(QLatin1Char(':')) ? "[" + host.toStdString() + "]"
                                                                 : host.toStdString()) +
                                ":" + std::to_string(boundPort);
        serviceLog->notice("listening", {{"url", url},
                                         {"host", host.toStdString()},
                                         {"port", boundPort},
                                         {"model_id", model->identity.id},
                                         {"model_name", model->identity.name},
                                         {"token", !config.token.empty()},
                                         {"threads", http.threads},
                                         {"prediction_log", log ? log->path() : std::string()},
                                         {"version", config.version}});
        {
            const FlushThread flusher(service);
            const SignalThread signalWaiter(service, server, modelPath);
            server.serve();
        }
        service.flushLog();
        serviceLog->notice("stopped", {{"uptime_seconds", service.uptimeSeconds()}});
        return kExitOk;
    } catch (const std::exception& error) {
        printError(
            QStringLiteral("%1: %2").arg(QLatin1String(kName), QString::fromUtf8(error.what())));
        return kExitRefused;
    }
}

} // namespace credit::cli
