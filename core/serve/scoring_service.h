// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "serve/served_model.h"
#include "serve/service_log.h"
#include "serve/service_metrics.h"
#include "serve/service_request.h"

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace credit::core {

class PredictionLog;

/// The routes of `credit-risk serve` as plain functions: a ServiceRequest in, a
/// ServiceResponse out, no socket. The HTTP layer (HttpServer) only moves bytes.
///
/// Routes (JSON, UTF-8; every answer carries X-Request-Id):
/// - POST /predict: one applicant, attribute → value, as `credit-risk score --applicant`
///   reads it (readApplicantJson's value rules); answers scoreResultObject() (the CLI's
///   object) plus "model_id" and "request_id". A body may add "impute_missing": true.
/// - POST /predict/batch: {"data": [applicant, …]} (and optionally "impute_missing");
///   answers {"model_id", "request_id", "scored", "refused", "results": […]}, one result
///   per row in order: {"index": i, …the /predict object} or {"index": i, "error", "field",
///   "errors"} for a refused row (the others are still scored).
/// - GET /health: {"status": "ok", "model_id", "model_name", "algorithm", "version",
///   "uptime_seconds", "loaded_at"}; needs no token.
/// - GET /model: ServedModel::schemaJson (fields, types, levels with meanings, training
///   ranges, threshold, grades, points scale).
/// - GET /metrics: ServiceMetrics::exposition (text/plain; version=0.0.4).
/// - GET /ping, POST /invocations: MLflow's scoring protocol. /invocations takes
///   {"dataframe_split": {"columns": […], "data": [[…], …]}}, {"dataframe_records": [{…}, …]}
///   or {"instances": [{…}, …]} ("inputs" is read as "instances") and answers
///   {"predictions": [pd, …]}: all rows or none (a bad row is a 400 naming its index).
///
/// Refusals are {"error": sentence, "field": name or null} (validation adds "errors":
/// [{field, message}] with every problem), in this order of checks:
/// - 400 Host header not among ServiceConfig::allowedHosts (DNS rebinding);
/// - 404 unknown path; 405 known path, other method (Allow lists the methods);
/// - 401 missing or wrong "Authorization: Bearer <token>" when a token is set (compared in
///   constant time: SHA-256 of both, then every byte); /health and /ping are open;
/// - 415 a POST whose Content-Type is not application/json (charset, if given, utf-8);
/// - 413 Content-Length or body above maxBody, JSON nested deeper than maxDepth, more rows
///   than maxBatch;
/// - 400 bad JSON (syntax, invalid UTF-8, numbers beyond double), not an object, a field of
///   the wrong type (array, object, boolean), an unknown field (not in the model's schema,
///   not the id field), a missing field (every one named; unless imputing), a number that is
///   not one, a negative amount, an unknown category — the Scorer's rules, as in the CLI.
/// The head checks (all but the JSON ones) are screen(), which the HTTP layer runs before it
/// reads the body.
///
/// Every applicant scored or refused by validation goes to the prediction log (when one is
/// given) with source "service" and the request's id; a log that fails is reported in the
/// service log and never stops scoring.
///
/// Thread safety: handle() and screen() run concurrently; setModel() swaps the model for
/// requests that start afterwards (each request holds the shared_ptr it started with).
class ScoringService
{
public:
    ScoringService(std::shared_ptr<const ServedModel> model, ServiceConfig config,
                   std::shared_ptr<PredictionLog> log = nullptr,
                   std::shared_ptr<ServiceLog> serviceLog = nullptr);

    /// Answers one request (screen() first). Never throws.
    ServiceResponse handle(ServiceRequest request) const;
    /// The checks that need only the head (method, path, headers): a refusal, or nullopt.
    std::optional<ServiceResponse> screen(const ServiceRequest& head) const;

    std::shared_ptr<const ServedModel> model() const;
    void setModel(std::shared_ptr<const ServedModel> model);
    /// Loads `path` and serves it; on failure keeps the current model. Counts the reload in the
    /// metrics and writes a log line. Returns the refusal's message, empty on success.
    std::string reload(const std::string& path);

    /// Writes the prediction log's buffered records; request threads only buffer them, so the
    /// caller calls this from a thread of its own a few times a second and at shutdown (a
    /// full buffer, PredictionLog::kMaxBuffered, is written by the request that fills it). A
    /// failure is reported in the service log. No-op without a log.
    void flushLog() const;

    /// Counts one answered request (the HTTP layer calls it for every answer, its own
    /// refusals included) and writes its request log line.
    void observe(const std::string& requestId, const std::string& method, const std::string& path,
                 int status, double seconds) const;

    ServiceMetrics& metrics() const { return *m_metrics; }
    ServiceLog& serviceLog() const { return *m_serviceLog; }
    const ServiceConfig& config() const { return m_config; }
    double uptimeSeconds() const;

private:
    ServiceResponse route(const ServiceRequest& request, const ServedModel& model) const;
    ServiceResponse predict(const ServiceRequest& request, const ServedModel& model) const;
    ServiceResponse predictBatch(const ServiceRequest& request, const ServedModel& model) const;
    ServiceResponse invocations(const ServiceRequest& request, const ServedModel& model) const;
    ServiceResponse health(const ServedModel& model) const;
    void logPrediction(const ServedModel& model, const ScoreResult& result,
                       const Applicant& applicant, const std::string& requestId,
                       double latencyMs) const;

    ServiceConfig m_config;
    std::string m_tokenDigest; ///< SHA-256 of the token (empty without one)
    std::shared_ptr<PredictionLog> m_log;
    std::shared_ptr<ServiceLog> m_serviceLog;
    std::unique_ptr<ServiceMetrics> m_metrics;
    std::chrono::steady_clock::time_point m_started;
    mutable std::mutex m_modelMutex;
    std::shared_ptr<const ServedModel> m_model;
};

} // namespace credit::core
