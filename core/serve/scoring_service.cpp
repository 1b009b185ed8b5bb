// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "serve/scoring_service.h"

#include "common/sha256.h"
#include "explain/applicant_json.h"
#include "monitor/prediction_log.h"
#include "monitor/score_record.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <string_view>

namespace credit::core {
namespace {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

constexpr const char* kImputeKey = "impute_missing";

/// A request refused while it is being read: its status, sentence and field.
struct Refusal
{
    int status;
    std::string message;
    std::string field;
    std::vector<FieldIssue> issues;
};

struct RouteInfo
{
    std::string_view path;
    std::string_view method; ///< GET routes also answer HEAD
    bool open;               ///< no token needed
};

constexpr std::array<RouteInfo, 7> kRouteTable = {{
    {"/predict", "POST", false},
    {"/predict/batch", "POST", false},
    {"/invocations", "POST", false},
    {"/health", "GET", true},
    {"/ping", "GET", true},
    {"/model", "GET", false},
    {"/metrics", "GET", false},
}};

const RouteInfo* findRoute(std::string_view path)
{
    for (const RouteInfo& route : kRouteTable) {
        if (route.path == path) {
            return &route;
        }
    }
    return nullptr;
}

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return out;
}

std::string_view trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

std::string dump(const OrderedJson& j)
{
    return j.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

ServiceResponse jsonResponse(int status, const OrderedJson& body)
{
    ServiceResponse response;
    response.status = status;
    response.body = dump(body);
    return response;
}

OrderedJson issuesJson(const std::vector<FieldIssue>& issues)
{
    OrderedJson list = OrderedJson::array();
    for (const FieldIssue& issue : issues) {
        list.push_back(
            {{"field", issue.field.empty() ? OrderedJson(nullptr) : OrderedJson(issue.field)},
             {"message", issue.message}});
    }
    return list;
}

OrderedJson refusalJson(const Refusal& refusal)
{
    OrderedJson j;
    j["error"] = refusal.message;
    j["field"] = refusal.field.empty() ? OrderedJson(nullptr) : OrderedJson(refusal.field);
    if (!refusal.issues.empty()) {
        j["errors"] = issuesJson(refusal.issues);
    }
    return j;
}

ServiceResponse refuse(const Refusal& refusal)
{
    return jsonResponse(refusal.status, refusalJson(refusal));
}

ServiceResponse refuse(int status, std::string message, std::string field = {})
{
    return refuse(Refusal{status, std::move(message), std::move(field), {}});
}

/// The host name of a Host header value: "127.0.0.1:5000" → "127.0.0.1", "[::1]:5000" → "::1".
std::string hostName(std::string_view host)
{
    host = trim(host);
    if (!host.empty() && host.front() == '[') {
        const auto close = host.find(']');
        return lower(host.substr(1, close == std::string_view::npos ? host.npos : close - 1));
    }
    const auto colon = host.rfind(':');
    if (colon != std::string_view::npos && host.find(':') == colon) {
        host = host.substr(0, colon);
    }
    return lower(host);
}

/// Equal texts without an early exit: the digests have the same length whatever the token,
/// and every byte is compared, so the time says nothing about how much of a guess was right.
bool constantTimeEqual(const std::string& a, const std::string& b)
{
    if (a.size() != b.size()) {
        return false;
    }
    unsigned char diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    }
    return diff == 0;
}

/// Parses a body with nlohmann-json, refusing nesting deeper than `maxDepth` as soon as the
/// parser reaches it (the callback sees every value with its depth), so a body of a million
/// '[' is refused after maxDepth of them.
Json parseBody(const std::string& body, int maxDepth)
{
    struct TooDeep
    {
    };
    try {
        return Json::parse(
            body,
            [maxDepth](int depth, Json::parse_event_t, Json&) {
                if (depth > maxDepth) {
                    throw TooDeep{};
                }
                return true;
            },
            true);
    } catch (const TooDeep&) {
        throw Refusal{413,
                      "the JSON body is nested deeper than " + std::to_string(maxDepth) + " levels",
                      {},
                      {}};
    } catch (const Json::exception& error) {
        // parse_error: syntax, invalid UTF-8; out_of_range: a number beyond double (1e400).
        std::string what = error.what();
        if (const auto bracket = what.find("] "); bracket != std::string::npos) {
            what = what.substr(bracket + 2); // drop nlohmann's "[json.exception.…]" tag
        }
        throw Refusal{400, "the body is not valid JSON: " + what, {}, {}};
    }
}

/// Whether a request asks for imputation: the service's setting or "impute_missing": true.
MissingFields missingRule(const Json& document, bool serviceImputes)
{
    bool impute = serviceImputes;
    if (document.is_object()) {
        if (const auto it = document.find(kImputeKey); it != document.end()) {
            if (!it->is_boolean()) {
                throw Refusal{400, "field 'impute_missing' must be true or false", kImputeKey, {}};
            }
            impute = impute || it->get<bool>();
        }
    }
    return impute ? MissingFields::Impute : MissingFields::Refuse;
}

/// Unknown fields of an applicant: neither a model field nor the id field.
std::vector<FieldIssue> unknownFields(const Applicant& applicant, const ScoringSettings& settings,
                                      const std::string& idField)
{
    std::vector<FieldIssue> issues;
    for (const auto& [name, value] : applicant) {
        if (name == idField) {
            continue;
        }
        const bool known =
            std::any_of(settings.fields.begin(), settings.fields.end(),
                        [&name = name](const ColumnSchema& field) { return field.name == name; });
        if (!known) {
            issues.push_back({name, "unknown field '" + name +
                                        "': not an attribute of the model "
                                        "(GET /model lists them)"});
        }
    }
    return issues;
}

/// One applicant of a request: converted, then checked for unknown fields; the refusal (400)
/// names the field, prefixed by `where` ("row 3: ") in a list.
Applicant readApplicant(const Json& value, const ScoringSettings& settings,
                        const std::string& idField, const std::string& where)
{
    Applicant applicant;
    try {
        applicant = applicantFromJson(value, {kImputeKey});
    } catch (const ApplicantJsonError& error) {
        throw Refusal{400, where + error.what(), error.field(), {}};
    }
    if (auto unknown = unknownFields(applicant, settings, idField); !unknown.empty()) {
        std::string message = where + unknown.front().message;
        if (unknown.size() > 1) {
            message += " (and " + std::to_string(unknown.size() - 1) + " more)";
        }
        const std::string field = unknown.front().field;
        throw Refusal{400, message, field, std::move(unknown)};
    }
    return applicant;
}

/// The refusal of an applicant the Scorer found invalid: every problem listed, the missing
/// fields named together.
Refusal validationRefusal(const std::vector<FieldIssue>& issues, const std::string& where)
{
    std::vector<std::string> missing;
    for (const FieldIssue& issue : issues) {
        if (issue.message == issue.field + ": a value is required") {
            missing.push_back(issue.field);
        }
    }
    std::string message;
    if (missing.size() == issues.size() && !missing.empty()) {
        message = missing.size() == 1 ? "missing field: " : "missing fields: ";
        for (std::size_t i = 0; i < missing.size(); ++i) {
            message += (i ? ", " : "") + missing[i];
        }
    } else {
        for (std::size_t i = 0; i < issues.size(); ++i) {
            message += (i ? "; " : "") + issues[i].message;
        }
    }
    return Refusal{400, where + message, issues.empty() ? std::string() : issues.front().field,
                   issues};
}

double millisecondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

} // namespace

ScoringService::ScoringService(std::shared_ptr<const ServedModel> model, ServiceConfig config,
                               std::shared_ptr<PredictionLog> log,
                               std::shared_ptr<ServiceLog> serviceLog)
    : m_config(std::move(config)), m_log(std::move(log)),
      m_serviceLog(serviceLog ? std::move(serviceLog) : std::make_shared<ServiceLog>()),
      m_metrics(std::make_unique<ServiceMetrics>()), m_started(std::chrono::steady_clock::now()),
      m_model(std::move(model))
{
    if (!m_model) {
        throw std::invalid_argument("ScoringService: no model");
    }
    if (!m_config.token.empty()) {
        m_tokenDigest = sha256Hex(m_config.token);
    }
    for (std::string& host : m_config.allowedHosts) {
        host = lower(host);
    }
}

std::shared_ptr<const ServedModel> ScoringService::model() const
{
    const std::lock_guard lock(m_modelMutex);
    return m_model;
}

void ScoringService::setModel(std::shared_ptr<const ServedModel> model)
{
    if (!model) {
        return;
    }
    const std::lock_guard lock(m_modelMutex);
    m_model = std::move(model);
}

std::string ScoringService::reload(const std::string& path)
{
    try {
        auto loaded = ServedModel::load(path);
        OrderedJson fields;
        fields["path"] = path;
        fields["model_id"] = loaded->identity.id;
        fields["model_name"] = loaded->identity.name;
        fields["previous_model_id"] = model()->identity.id;
        setModel(std::move(loaded));
        m_metrics->countReload(true);
        m_serviceLog->write(LogLevel::Info, "reload", fields);
        return {};
    } catch (const std::exception& error) {
        m_metrics->countReload(false);
        OrderedJson fields;
        fields["path"] = path;
        fields["error"] = error.what();
        fields["model_id"] = model()->identity.id;
        fields["message"] = "the new model file was refused; the current model keeps serving";
        m_serviceLog->write(LogLevel::Error, "reload_refused", fields);
        return error.what();
    }
}

void ScoringService::flushLog() const
{
    if (!m_log) {
        return;
    }
    try {
        m_log->flush();
    } catch (const std::exception& error) {
        OrderedJson fields;
        fields["path"] = m_log->path();
        fields["error"] = error.what();
        m_serviceLog->write(LogLevel::Error, "prediction_log", fields);
    }
}

double ScoringService::uptimeSeconds() const
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count();
}

void ScoringService::observe(const std::string& requestId, const std::string& method,
                             const std::string& path, int status, double seconds) const
{
    m_metrics->countRequest(path, status, seconds);
    const std::string route(ServiceMetrics::kRoutes[ServiceMetrics::routeIndex(path)]);
    m_serviceLog->request(requestId, method, route == "other" ? path.substr(0, 200) : route, status,
                          seconds * 1e3, model()->identity.id);
}

std::optional<ServiceResponse> ScoringService::screen(const ServiceRequest& head) const
{
    if (!m_config.allowedHosts.empty()) {
        const std::string host = hostName(head.header("host"));
        if (std::find(m_config.allowedHosts.begin(), m_config.allowedHosts.end(), host) ==
            m_config.allowedHosts.end()) {
            return refuse(400,
                          "Host '" + head.header("host").substr(0, 200) +
                              "' is not this service's address",
                          "Host");
        }
    }
    const RouteInfo* route = findRoute(head.path);
    if (!route) {
        return refuse(404, "no route " + head.path.substr(0, 200) +
                               " (routes: /predict, /predict/batch, /health, /model, /metrics, "
                               "/ping, /invocations)");
    }
    const bool methodOk =
        head.method == route->method || (route->method == "GET" && head.method == "HEAD");
    if (!methodOk) {
        ServiceResponse response =
            refuse(405, "method " + head.method.substr(0, 20) + " is not allowed on " +
                            std::string(route->path) + " (use " + std::string(route->method) + ")");
        response.headers.emplace_back("Allow", route->method == "GET" ? "GET, HEAD"
                                                                      : std::string(route->method));
        return response;
    }
    if (!route->open && !m_tokenDigest.empty()) {
        const std::string authorization = head.header("authorization");
        const std::string scheme = lower(authorization.substr(0, 7));
        const bool ok =
            scheme == "bearer " &&
            constantTimeEqual(sha256Hex(trim(std::string_view(authorization).substr(7))),
                              m_tokenDigest);
        if (!ok) {
            ServiceResponse response =
                refuse(401,
                       authorization.empty() ? "this route needs Authorization: Bearer <token>"
                                             : "the bearer token is not accepted",
                       "Authorization");
            response.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"credit-risk\"");
            return response;
        }
    }
    if (route->method == "POST") {
        const std::string type = lower(head.header("content-type"));
        const auto semicolon = type.find(';');
        const std::string_view media = trim(std::string_view(type).substr(0, semicolon));
        bool ok = media == "application/json";
        if (ok && semicolon != std::string::npos) {
            const std::string_view parameters = std::string_view(type).substr(semicolon + 1);
            const auto charset = parameters.find("charset=");
            ok = charset == std::string_view::npos ||
                 trim(parameters.substr(charset + 8)).substr(0, 5) == "utf-8" ||
                 trim(parameters.substr(charset + 8)).substr(0, 7) == "\"utf-8\"";
        }
        if (!ok) {
            return refuse(415,
                          "Content-Type must be application/json (UTF-8), not '" +
                              head.header("content-type").substr(0, 100) + "'",
                          "Content-Type");
        }
        const std::string length = head.header("content-length");
        if (!length.empty()) {
            char* end = nullptr;
            const unsigned long long bytes = std::strtoull(length.c_str(), &end, 10);
            if (end == length.c_str() || *end != '\0') {
                return refuse(400, "Content-Length '" + length.substr(0, 40) + "' is not a number",
                              "Content-Length");
            }
            if (bytes > m_config.maxBody) {
                return refuse(413,
                              "the body (" + length + " bytes) is larger than the limit of " +
                                  std::to_string(m_config.maxBody) + " bytes",
                              "Content-Length");
            }
        }
    }
    return std::nullopt;
}

ServiceResponse ScoringService::handle(ServiceRequest request) const
{
    if (request.requestId.empty()) {
        request.requestId = newRequestId();
    }
    ServiceResponse response;
    try {
        if (auto refused = screen(request)) {
            response = std::move(*refused);
        } else if (request.body.size() > m_config.maxBody) {
            response = refuse(413, "the body (" + std::to_string(request.body.size()) +
                                       " bytes) is larger than the limit of " +
                                       std::to_string(m_config.maxBody) + " bytes");
        } else {
            // One snapshot per request: a reload meanwhile does not change its model.
            const std::shared_ptr<const ServedModel> model = this->model();
            response = route(request, *model);
        }
    } catch (const Refusal& refusal) {
        response = refuse(refusal);
    } catch (const std::exception& error) {
        OrderedJson fields;
        fields["request_id"] = request.requestId;
        fields["error"] = error.what();
        m_serviceLog->write(LogLevel::Error, "internal_error", fields);
        response =
            refuse(500, "internal error (see the service log, request " + request.requestId + ")");
    }
    response.headers.emplace_back("X-Request-Id", request.requestId);
    return response;
}

ServiceResponse ScoringService::route(const ServiceRequest& request, const ServedModel& model) const
{
    const std::string& path = request.path;
    if (path == "/predict") {
        return predict(request, model);
    }
    if (path == "/predict/batch") {
        return predictBatch(request, model);
    }
    if (path == "/invocations") {
        return invocations(request, model);
    }
    if (path == "/health") {
        return health(model);
    }
    if (path == "/ping") {
        return jsonResponse(200, OrderedJson{{"status", "ok"}});
    }
    if (path == "/model") {
        ServiceResponse response;
        response.body = model.schemaJson;
        return response;
    }
    ServiceResponse response; // "/metrics": screen() let no other path through
    response.contentType = "text/plain; version=0.0.4; charset=utf-8";
    response.body = m_metrics->exposition(model.identity, model.bundle->selected, uptimeSeconds());
    return response;
}

ServiceResponse ScoringService::health(const ServedModel& model) const
{
    OrderedJson j;
    j["status"] = "ok";
    j["model_id"] = model.identity.id;
    j["model_name"] = model.identity.name;
    j["algorithm"] = model.bundle->selected;
    j["loaded_at"] = model.loadedAt;
    j["version"] = m_config.version;
    j["uptime_seconds"] = uptimeSeconds();
    return jsonResponse(200, j);
}

void ScoringService::logPrediction(const ServedModel& model, const ScoreResult& result,
                                   const Applicant& applicant, const std::string& requestId,
                                   double latencyMs) const
{
    if (result.valid()) {
        m_metrics->countDecision(result.reject);
    } else {
        m_metrics->countRefused();
    }
    if (!m_log) {
        return;
    }
    try {
        // Written by flushLog() on the caller's flushing thread, never by a request thread.
        m_log->append(predictionRecord(result, applicant, model.identity, "service", requestId,
                                       m_config.idField, latencyMs),
                      false);
    } catch (const std::exception& error) {
        OrderedJson fields;
        fields["request_id"] = requestId;
        fields["error"] = error.what();
        m_serviceLog->write(LogLevel::Error, "prediction_log", fields);
    }
}

ServiceResponse ScoringService::predict(const ServiceRequest& request,
                                        const ServedModel& model) const
{
    const Json document = parseBody(request.body, m_config.maxDepth);
    if (!document.is_object()) {
        throw Refusal{400, "the body must be a JSON object of attribute → value", {}, {}};
    }
    const MissingFields missing = missingRule(document, m_config.imputeMissing);
    const Scorer& scorer = *model.scorer;
    const Applicant applicant = readApplicant(document, scorer.settings(), m_config.idField, {});
    const auto started = std::chrono::steady_clock::now();
    const ScoreResult result = scorer.score(applicant, true, missing);
    logPrediction(model, result, applicant, request.requestId, millisecondsSince(started));
    if (!result.valid()) {
        throw validationRefusal(result.errors, {});
    }
    OrderedJson j = scoreResultObject(scorer.settings(), result);
    j["model_id"] = model.identity.id;
    j["request_id"] = request.requestId;
    return jsonResponse(200, j);
}

ServiceResponse ScoringService::predictBatch(const ServiceRequest& request,
                                             const ServedModel& model) const
{
    const Json document = parseBody(request.body, m_config.maxDepth);
    if (!document.is_object()) {
        throw Refusal{400, "the body must be a JSON object {\"data\": [applicant, …]}", {}, {}};
    }
    const auto data = document.find("data");
    if (data == document.end() || !data->is_array()) {
        throw Refusal{400, "field 'data' must be an array of applicants", "data", {}};
    }
    for (const auto& [key, value] : document.items()) {
        if (key != "data" && key != kImputeKey) {
            throw Refusal{400,
                          "unknown field '" + key +
                              "' (a batch has \"data\" and "
                              "\"impute_missing\")",
                          key,
                          {}};
        }
    }
    if (data->size() > m_config.maxBatch) {
        throw Refusal{413,
                      "the batch has " + std::to_string(data->size()) +
                          " rows, more than the limit of " + std::to_string(m_config.maxBatch),
                      "data",
                      {}};
    }
    const MissingFields missing = missingRule(document, m_config.imputeMissing);
    const Scorer& scorer = *model.scorer;
    // Each row is written to text as soon as it is scored: one JSON tree of a thousand rows
    // (~230,000 nodes) cost more than the scoring itself.
    std::string results = "[";
    results.reserve(data->size() * 6000);
    std::size_t scored = 0;
    std::size_t refused = 0;
    for (std::size_t i = 0; i < data->size(); ++i) {
        OrderedJson row;
        bool validated = false; // the Scorer saw the row: logPrediction() counted it
        try {
            const Json& value = (*data)[i];
            if (!value.is_object()) {
                throw Refusal{400,
                              "row " + std::to_string(i) +
                                  " is not a JSON object of "
                                  "attribute → value",
                              {},
                              {}};
            }
            const Applicant applicant =
                readApplicant(value, scorer.settings(), m_config.idField, {});
            const auto started = std::chrono::steady_clock::now();
            const ScoreResult result = scorer.score(applicant, true, missing);
            logPrediction(model, result, applicant, request.requestId, millisecondsSince(started));
            validated = true;
            if (!result.valid()) {
                throw validationRefusal(result.errors, {});
            }
            row = scoreResultObject(scorer.settings(), result);
            ++scored;
        } catch (const Refusal& refusal) {
            if (!validated) {
                m_metrics->countRefused();
            }
            row = refusalJson(refusal);
            ++refused;
        }
        // {"index": i, …the row's fields}
        const std::string text = row.dump(-1, ' ', false, Json::error_handler_t::replace);
        results += (i ? ",{\"index\":" : "{\"index\":") + std::to_string(i);
        if (text.size() > 2) {
            results += ',';
            results.append(text, 1, std::string::npos);
        } else {
            results += '}';
        }
    }
    results += ']';
    ServiceResponse response;
    response.body =
        "{\"model_id\":" + OrderedJson(model.identity.id).dump() + ",\"request_id\":" +
        OrderedJson(request.requestId).dump(-1, ' ', false, Json::error_handler_t::replace) +
        ",\"scored\":" + std::to_string(scored) + ",\"refused\":" + std::to_string(refused) +
        ",\"results\":" + results + "}\n";
    return response;
}

ServiceResponse ScoringService::invocations(const ServiceRequest& request,
                                            const ServedModel& model) const
{
    const Json document = parseBody(request.body, m_config.maxDepth);
    if (!document.is_object()) {
        throw Refusal{400,
                      "the body must be a JSON object with dataframe_split, "
                      "dataframe_records or instances",
                      {},
                      {}};
    }
    const Scorer& scorer = *model.scorer;
    const MissingFields missing = missingRule(document, m_config.imputeMissing);
    std::vector<Applicant> applicants;
    std::string format;
    for (const char* key : {"dataframe_split", "dataframe_records", "instances", "inputs"}) {
        if (document.contains(key)) {
            if (!format.empty()) {
                throw Refusal{400,
                              "give one of dataframe_split, dataframe_records, instances "
                              "(got " +
                                  format + " and " + key + ")",
                              key,
                              {}};
            }
            format = key;
        }
    }
    if (format.empty()) {
        throw Refusal{400,
                      "the body needs one of dataframe_split, dataframe_records or "
                      "instances",
                      {},
                      {}};
    }
    const Json& payload = document.at(format);
    const auto checkRows = [&](std::size_t rows) {
        if (rows > m_config.maxBatch) {
            throw Refusal{413,
                          std::to_string(rows) + " rows, more than the limit of " +
                              std::to_string(m_config.maxBatch),
                          format,
                          {}};
        }
    };
    if (format == "dataframe_split") {
        if (!payload.is_object() || !payload.contains("columns") || !payload.contains("data") ||
            !payload["columns"].is_array() || !payload["data"].is_array()) {
            throw Refusal{400,
                          "dataframe_split must be {\"columns\": [names], \"data\": [[values], "
                          "…]}",
                          format,
                          {}};
        }
        const Json& columns = payload["columns"];
        for (const Json& column : columns) {
            if (!column.is_string()) {
                throw Refusal{
                    400, "dataframe_split.columns must hold names (strings)", "columns", {}};
            }
        }
        checkRows(payload["data"].size());
        for (std::size_t i = 0; i < payload["data"].size(); ++i) {
            const Json& values = payload["data"][i];
            if (!values.is_array() || values.size() != columns.size()) {
                throw Refusal{400,
                              "dataframe_split.data row " + std::to_string(i) +
                                  " must be an "
                                  "array of " +
                                  std::to_string(columns.size()) + " values",
                              "data",
                              {}};
            }
            Json object = Json::object();
            for (std::size_t c = 0; c < columns.size(); ++c) {
                object[columns[c].get<std::string>()] = values[c];
            }
            applicants.push_back(readApplicant(object, scorer.settings(), m_config.idField,
                                               "row " + std::to_string(i) + ": "));
        }
    } else {
        if (!payload.is_array()) {
            throw Refusal{
                400, format + " must be an array of objects (attribute → value)", format, {}};
        }
        checkRows(payload.size());
        for (std::size_t i = 0; i < payload.size(); ++i) {
            if (!payload[i].is_object()) {
                throw Refusal{400,
                              format + " row " + std::to_string(i) +
                                  " is not an object of "
                                  "attribute → value",
                              format,
                              {}};
            }
            applicants.push_back(readApplicant(payload[i], scorer.settings(), m_config.idField,
                                               "row " + std::to_string(i) + ": "));
        }
    }
    // All rows or none, as MLflow answers: validate every row before scoring any.
    for (std::size_t i = 0; i < applicants.size(); ++i) {
        if (auto issues = scorer.validate(applicants[i], missing); !issues.empty()) {
            m_metrics->countRefused();
            throw validationRefusal(issues, "row " + std::to_string(i) + ": ");
        }
    }
    OrderedJson predictions = OrderedJson::array();
    for (const Applicant& applicant : applicants) {
        const auto started = std::chrono::steady_clock::now();
        const ScoreResult result = scorer.score(applicant, false, missing);
        logPrediction(model, result, applicant, request.requestId, millisecondsSince(started));
        if (!result.valid()) { // the pipeline refused a number after validation (1e300)
            throw validationRefusal(result.errors, {});
        }
        predictions.push_back(std::isfinite(result.pd) ? OrderedJson(result.pd)
                                                       : OrderedJson(nullptr));
    }
    return jsonResponse(200, OrderedJson{{"predictions", std::move(predictions)}});
}

} // namespace credit::core
