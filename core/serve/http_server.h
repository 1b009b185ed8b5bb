// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

namespace credit::core {

class ScoringService;

struct HttpServerParams
{
    /// Worker threads. cpp-httplib gives a keep-alive connection one worker for as long as it
    /// stays open, so this is also how many clients are served at once; default 32, >= 1.
    int threads = 32;
    /// Longest wait for the next bytes of a request (head or body); a slower client is cut
    /// off. Default 5 s.
    std::chrono::seconds readTimeout{5};
    std::chrono::seconds writeTimeout{5};
    /// How long an idle keep-alive connection is kept, and how many requests it may carry
    /// before the server closes it (then the client reconnects). Defaults 5 s and 1000.
    std::chrono::seconds keepAliveTimeout{5};
    std::size_t keepAliveRequests = 1000;
    /// Bound on the request head: all header lines together; above it the answer is 413.
    /// (cpp-httplib itself refuses one line longer than 8 KiB with 400.) Default 16 KiB.
    std::size_t maxHeaderBytes = 16 * 1024;
};

/// The HTTP layer of the scoring service on cpp-httplib (Debian's libcpp-httplib): it only
/// moves bytes between sockets and ScoringService and maps nothing itself.
///
/// - The head is screened (ScoringService::screen) before the body is read: a wrong host,
///   path, method, token, content type or a Content-Length above the limit is answered at
///   once, and the connection is closed when a body was announced.
/// - Bodies are bounded by the service's maxBody also for chunked uploads (413).
/// - Every answer, cpp-httplib's own (400 for a malformed request line, 414 for an overlong
///   URI) included, has a JSON body {"error", "field"}, is counted in the metrics and gets one
///   request log line. A body that stops arriving before its Content-Length is answered 408.
/// - stop() closes the listening socket; requests in flight are finished and answered before
///   serve() returns.
class HttpServer
{
public:
    HttpServer(ScoringService& service, HttpServerParams params = {});
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    /// Binds `host`:`port` (0 = an ephemeral port). Returns the port bound; throws
    /// std::runtime_error naming the address when it cannot be bound.
    int bind(const std::string& host, int port);
    /// Accepts and answers requests until stop(); blocks. Requires bind().
    void serve();
    /// Thread-safe (also from a signal-handling thread); serve() returns after the
    /// requests in flight are answered.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

} // namespace credit::core
