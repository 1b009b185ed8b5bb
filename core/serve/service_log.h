// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstdio>
#include <functional>
#include <mutex>
#include <string>

namespace credit::core {

/// Severity of a service log line; a line is written when its level is at or above the
/// configured one (LOG_LEVEL).
enum class LogLevel
{
    Debug,
    Info,
    Warn,
    Error,
};

/// "debug", "info", "warn" (or "warning"), "error", any case; throws std::invalid_argument
/// naming the accepted words.
LogLevel parseLogLevel(const std::string& name);
const char* logLevelName(LogLevel level);

/// The service's log: one JSON object per line, {"time", "level", "event", …fields}, written
/// whole (one write per line, under a mutex) to stderr or to a sink the caller installs.
///
/// Request lines (event "request") carry request_id, method, route, status, latency_ms and
/// model_id; 2xx answers are info, 4xx warn, 5xx error, so LOG_LEVEL=warn keeps only the
/// refused requests.
class ServiceLog
{
public:
    using Sink = std::function<void(const std::string& line)>;

    explicit ServiceLog(LogLevel level = LogLevel::Info, Sink sink = {});

    LogLevel level() const { return m_level; }
    bool enabled(LogLevel level) const { return level >= m_level; }

    /// Writes `fields` (a JSON object; time, level and event are put first) when `level` is
    /// enabled.
    void write(LogLevel level, const std::string& event, const nlohmann::ordered_json& fields);
    /// Writes an info line whatever the level (where the service listens, that it stopped):
    /// what an operator and a supervising program must always see.
    void notice(const std::string& event, const nlohmann::ordered_json& fields);
    /// The request line; level from the status.
    void request(const std::string& requestId, const std::string& method, const std::string& route,
                 int status, double latencyMs, const std::string& modelId);

private:
    void writeLine(LogLevel level, const std::string& event, const nlohmann::ordered_json& fields);
    void put(std::string& line);

    LogLevel m_level;
    Sink m_sink;
    std::mutex m_mutex;
};

} // namespace credit::core
