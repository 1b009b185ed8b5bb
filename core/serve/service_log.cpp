// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "serve/service_log.h"

#include "monitor/prediction_log.h"

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <stdexcept>

namespace credit::core {

LogLevel parseLogLevel(const std::string& name)
{
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    if (lower == "debug") {
        return LogLevel::Debug;
    }
    if (lower == "info") {
        return LogLevel::Info;
    }
    if (lower == "warn" || lower == "warning") {
        return LogLevel::Warn;
    }
    if (lower == "error") {
        return LogLevel::Error;
    }
    throw std::invalid_argument("log level '" + name + "' is not one of error, warn, info, debug");
}

const char* logLevelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Debug:
        return "debug";
    case LogLevel::Info:
        return "info";
    case LogLevel::Warn:
        return "warn";
    case LogLevel::Error:
        return "error";
    }
    return "info";
}

ServiceLog::ServiceLog(LogLevel level, Sink sink) : m_level(level), m_sink(std::move(sink)) {}

void ServiceLog::write(LogLevel level, const std::string& event,
                       const nlohmann::ordered_json& fields)
{
    if (enabled(level)) {
        writeLine(level, event, fields);
    }
}

void ServiceLog::notice(const std::string& event, const nlohmann::ordered_json& fields)
{
    writeLine(LogLevel::Info, event, fields);
}

void ServiceLog::writeLine(LogLevel level, const std::string& event,
                           const nlohmann::ordered_json& fields)
{
    nlohmann::ordered_json line;
    line["time"] = PredictionLog::utcNow();
    line["level"] = logLevelName(level);
    line["event"] = event;
    for (const auto& [key, value] : fields.items()) {
        line[key] = value;
    }
    std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    put(text);
}

void ServiceLog::request(const std::string& requestId, const std::string& method,
                         const std::string& route, int status, double latencyMs,
                         const std::string& modelId)
{
    const LogLevel level = status >= 500   ? LogLevel::Error
                           : status >= 400 ? LogLevel::Warn
                                           : LogLevel::Info;
    if (!enabled(level)) {
        return;
    }
    // The one line written per request: built by hand into one string (the same JSON as
    // write() makes; names and ids are escaped by nlohmann), about 3x cheaper than building a
    // JSON object per request, which showed at 10,000 requests/s.
    const auto quoted = [](const std::string& text) {
        return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    };
    char latency[32];
    std::snprintf(latency, sizeof latency, "%.3f", latencyMs);
    std::string line;
    line.reserve(256);
    line += "{\"time\":\"";
    line += PredictionLog::utcNow();
    line += "\",\"level\":\"";
    line += logLevelName(level);
    line += "\",\"event\":\"request\",\"request_id\":";
    line += quoted(requestId);
    line += ",\"method\":";
    line += quoted(method);
    line += ",\"route\":";
    line += quoted(route);
    line += ",\"status\":";
    line += std::to_string(status);
    line += ",\"latency_ms\":";
    line += latency;
    line += ",\"model_id\":";
    line += quoted(modelId);
    line += '}';
    put(line);
}

void ServiceLog::put(std::string& line)
{
    const std::lock_guard lock(m_mutex);
    if (m_sink) {
        m_sink(line);
        return;
    }
    // One write(2) per line, no stdio buffer: lines of concurrent requests never interleave
    // and nothing is lost when the process is killed.
    line += '\n';
    const char* data = line.data();
    std::size_t left = line.size();
    while (left > 0) {
        const ssize_t n = ::write(STDERR_FILENO, data, left);
        if (n <= 0) {
            if (n < 0 && errno == EINTR) {
                continue;
            }
            return; // stderr is gone: the log is best effort
        }
        data += n;
        left -= std::size_t(n);
    }
}

} // namespace credit::core
