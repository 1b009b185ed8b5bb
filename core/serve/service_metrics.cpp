// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "serve/service_metrics.h"

#include "monitor/score_record.h"

#include <charconv>
#include <cmath>

namespace credit::core {
namespace {

/// A label value as the exposition format wants it: backslash, double quote and newline
/// escaped.
std::string labelValue(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == '\\' || c == '"') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out += c;
        }
    }
    return out;
}

/// The shortest fixed-point text that reads back as `value` ("0.0005", not 5e-04 or
/// "0.00050000000000000001": bucket bounds as people write them).
std::string numberText(double value)
{
    char buffer[400]; // fixed notation of any double fits
    const auto end =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed).ptr;
    return std::string(buffer, end);
}

void header(std::string& out, const char* name, const char* type, const char* help)
{
    out += "# HELP ";
    out += name;
    out += ' ';
    out += help;
    out += "\n# TYPE ";
    out += name;
    out += ' ';
    out += type;
    out += '\n';
}

} // namespace

std::size_t ServiceMetrics::routeIndex(std::string_view path)
{
    for (std::size_t i = 0; i + 1 < kRoutes.size(); ++i) {
        if (kRoutes[i] == path) {
            return i;
        }
    }
    return kRoutes.size() - 1;
}

void ServiceMetrics::countRequest(std::string_view path, int status, double seconds)
{
    const std::size_t route = routeIndex(path);
    Histogram& h = m_latency[route];
    for (std::size_t b = 0; b < kBuckets.size(); ++b) {
        if (seconds <= kBuckets[b]) {
            h.buckets[b].fetch_add(1, std::memory_order_relaxed);
            break; // cumulative counts are summed when the text is written
        }
    }
    h.count.fetch_add(1, std::memory_order_relaxed);
    h.sumNanoseconds.fetch_add(std::uint64_t(std::llround(std::max(0.0, seconds) * 1e9)),
                               std::memory_order_relaxed);
    const std::lock_guard lock(m_mutex);
    ++m_requests[{route, status}];
}

std::uint64_t ServiceMetrics::requests(std::string_view path, int status) const
{
    const std::lock_guard lock(m_mutex);
    const auto it = m_requests.find({routeIndex(path), status});
    return it == m_requests.end() ? 0 : it->second;
}

std::string ServiceMetrics::exposition(const ModelIdentity& model, const std::string& algorithm,
                                       double uptimeSeconds) const
{
    std::string out;
    out.reserve(8192);
    header(out, "credit_risk_requests_total", "counter",
           "HTTP requests answered, by route and status code.");
    {
        const std::lock_guard lock(m_mutex);
        for (const auto& [key, count] : m_requests) {
            out += "credit_risk_requests_total{route=\"";
            out += kRoutes[key.first];
            out += "\",status=\"" + std::to_string(key.second) + "\"} ";
            out += std::to_string(count) + "\n";
        }
    }
    header(out, "credit_risk_request_duration_seconds", "histogram",
           "Time from a request's head being read to its answer, by route.");
    for (std::size_t r = 0; r < kRoutes.size(); ++r) {
        const Histogram& h = m_latency[r];
        const std::uint64_t count = h.count.load();
        if (count == 0) {
            continue;
        }
        const std::string route = "route=\"" + std::string(kRoutes[r]) + "\"";
        std::uint64_t cumulative = 0;
        for (std::size_t b = 0; b < kBuckets.size(); ++b) {
            cumulative += h.buckets[b].load();
            out += "credit_risk_request_duration_seconds_bucket{" + route + ",le=\"" +
                   numberText(kBuckets[b]) + "\"} " + std::to_string(cumulative) + "\n";
        }
        // Read after the buckets: a request counted meanwhile lands in +Inf and _count, which
        // keeps the buckets cumulative (never above +Inf).
        const std::uint64_t total = std::max(count, cumulative);
        out += "credit_risk_request_duration_seconds_bucket{" + route + ",le=\"+Inf\"} " +
               std::to_string(total) + "\n";
        out += "credit_risk_request_duration_seconds_sum{" + route + "} " +
               numberText(double(h.sumNanoseconds.load()) * 1e-9) + "\n";
        out += "credit_risk_request_duration_seconds_count{" + route + "} " +
               std::to_string(total) + "\n";
    }
    header(out, "credit_risk_predictions_total", "counter", "Applicants scored, by decision.");
    out += "credit_risk_predictions_total{decision=\"accept\"} " +
           std::to_string(m_accepted.load()) + "\n";
    out += "credit_risk_predictions_total{decision=\"reject\"} " +
           std::to_string(m_rejected.load()) + "\n";
    header(out, "credit_risk_refused_rows_total", "counter",
           "Applicants refused by validation (missing, unknown or malformed fields).");
    out += "credit_risk_refused_rows_total " + std::to_string(m_refused.load()) + "\n";
    header(out, "credit_risk_model_reloads_total", "counter",
           "Model reloads asked for by SIGHUP, by result.");
    out += "credit_risk_model_reloads_total{result=\"ok\"} " + std::to_string(m_reloadsOk.load()) +
           "\n";
    out += "credit_risk_model_reloads_total{result=\"refused\"} " +
           std::to_string(m_reloadsRefused.load()) + "\n";
    header(out, "credit_risk_model_info", "gauge", "The model being served (value 1).");
    out += "credit_risk_model_info{model_id=\"" + labelValue(model.id) + "\",model_name=\"" +
           labelValue(model.name) + "\",algorithm=\"" + labelValue(algorithm) + "\"} 1\n";
    header(out, "credit_risk_uptime_seconds", "gauge", "Seconds since the service started.");
    out += "credit_risk_uptime_seconds " + numberText(uptimeSeconds) + "\n";
    return out;
}

} // namespace credit::core
