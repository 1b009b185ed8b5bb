// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

namespace credit::core {

struct ModelIdentity;

/// The service's counters, exposed by GET /metrics in the Prometheus text exposition format
/// (version 0.0.4; checked with `promtool check metrics`):
///
/// - credit_risk_requests_total{route,status}: requests answered (counter);
/// - credit_risk_request_duration_seconds{route}: histogram (_bucket{le}, _sum, _count) of
///   the time from the request's head being read to its answer being handed to the socket;
/// - credit_risk_predictions_total{decision}: applicants scored, "accept" / "reject";
/// - credit_risk_refused_rows_total: applicants refused by validation (counter);
/// - credit_risk_model_reloads_total{result}: SIGHUP reloads, "ok" / "refused";
/// - credit_risk_model_info{model_id,model_name,algorithm}: 1 for the model being served;
/// - credit_risk_uptime_seconds: gauge.
///
/// `route` is one of routeLabels() (unknown paths are "other"), so the label set is bounded
/// whatever clients send. Thread-safe; counting is a few atomic increments (statuses under a
/// mutex).
class ServiceMetrics
{
public:
    static constexpr std::array<std::string_view, 8> kRoutes = {
        "/predict", "/predict/batch", "/health",      "/model",
        "/metrics", "/ping",          "/invocations", "other"};
    /// Upper bounds of the latency buckets, seconds (+Inf is implied).
    static constexpr std::array<double, 14> kBuckets = {
        0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0};

    /// Index into kRoutes of `path` ("other" for every unknown path).
    static std::size_t routeIndex(std::string_view path);

    void countRequest(std::string_view path, int status, double seconds);
    void countDecision(bool reject) { (reject ? m_rejected : m_accepted).fetch_add(1); }
    void countRefused(std::size_t rows = 1) { m_refused.fetch_add(rows); }
    void countReload(bool ok) { (ok ? m_reloadsOk : m_reloadsRefused).fetch_add(1); }

    std::uint64_t requests(std::string_view path, int status) const;
    std::uint64_t refused() const { return m_refused.load(); }

    /// The exposition text; `model` is the one being served, `uptimeSeconds` since start.
    std::string exposition(const ModelIdentity& model, const std::string& algorithm,
                           double uptimeSeconds) const;

private:
    struct Histogram
    {
        std::array<std::atomic<std::uint64_t>, kBuckets.size()> buckets{};
        std::atomic<std::uint64_t> count{0};
        std::atomic<std::uint64_t> sumNanoseconds{0};
    };
    std::array<Histogram, kRoutes.size()> m_latency;
    mutable std::mutex m_mutex;
    std::map<std::pair<std::size_t, int>, std::uint64_t> m_requests;
    std::atomic<std::uint64_t> m_accepted{0};
    std::atomic<std::uint64_t> m_rejected{0};
    std::atomic<std::uint64_t> m_refused{0};
    std::atomic<std::uint64_t> m_reloadsOk{0};
    std::atomic<std::uint64_t> m_reloadsRefused{0};
};

} // namespace credit::core
