// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "serve/http_server.h"

#include "serve/scoring_service.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <sys/socket.h>

#include <optional>
#include <stdexcept>

namespace credit::core {
namespace {

/// What the pre-routing handler learnt about the request this worker thread is answering:
/// cpp-httplib runs the pre-routing handler, the route handler and the logger of one request
/// on the same thread, one request at a time, and offers no per-request user data.
struct RequestContext
{
    bool seen = false; ///< false: cpp-httplib refused the request before pre-routing
    std::string requestId;
    std::chrono::steady_clock::time_point started;
};
thread_local RequestContext t_request;

/// A client-chosen X-Request-Id is kept when it is short and printable (it goes into logs);
/// else a fresh one.
std::string requestIdOf(const httplib::Request& request)
{
    const std::string given = request.get_header_value("X-Request-Id");
    if (!given.empty() && given.size() <= 128 &&
        std::all_of(given.begin(), given.end(),
                    [](unsigned char c) { return c > 0x20 && c < 0x7f && c != '"'; })) {
        return given;
    }
    return newRequestId();
}

ServiceRequest serviceRequest(const httplib::Request& request, const std::string& body)
{
    ServiceRequest r;
    r.method = request.method;
    r.path = request.path;
    for (const auto& [name, value] : request.headers) {
        std::string key = name;
        std::transform(key.begin(), key.end(), key.begin(),
                       [](unsigned char c) { return char(std::tolower(c)); });
        r.headers.emplace(std::move(key), value); // the first of repeated headers wins
    }
    r.body = body;
    r.requestId = t_request.requestId;
    return r;
}

void apply(const ServiceResponse& from, httplib::Response& to)
{
    to.status = from.status;
    for (const auto& [name, value] : from.headers) {
        to.set_header(name.c_str(), value);
    }
    to.set_content(from.body, from.contentType.c_str());
}

bool announcesBody(const httplib::Request& request)
{
    const std::string length = request.get_header_value("Content-Length");
    return (!length.empty() && length != "0") || request.has_header("Transfer-Encoding");
}

std::string errorSentence(int status)
{
    switch (status) {
    case 400:
        return "malformed HTTP request";
    case 408:
        return "the request was not received in time";
    case 413:
        return "the body is larger than the limit (--max-body)";
    case 414:
        return "the request URI is too long";
    default:
        return "HTTP error " + std::to_string(status);
    }
}

} // namespace

struct HttpServer::Impl
{
    ScoringService& service;
    HttpServerParams params;
    httplib::Server server;
    bool bound = false;

    Impl(ScoringService& s, HttpServerParams p) : service(s), params(p) {}

    /// The head checks: the service's, after the bound on the headers' size.
    std::optional<ServiceResponse> screen(const httplib::Request& request) const
    {
        std::size_t headerBytes = request.target.size();
        for (const auto& [name, value] : request.headers) {
            headerBytes += name.size() + value.size() + 4;
        }
        std::optional<ServiceResponse> refused;
        if (headerBytes > params.maxHeaderBytes) {
            ServiceResponse r;
            r.status = 413;
            r.body = nlohmann::ordered_json{{"error", "the request headers (" +
                                                          std::to_string(headerBytes) +
                                                          " bytes) exceed the limit of " +
                                                          std::to_string(params.maxHeaderBytes)},
                                            {"field", "headers"}}
                         .dump() +
                     "\n";
            refused = std::move(r);
        } else {
            refused = service.screen(serviceRequest(request, {}));
        }
        if (refused) {
            refused->headers.emplace_back("X-Request-Id", t_request.requestId);
        }
        return refused;
    }
};

HttpServer::HttpServer(ScoringService& service, HttpServerParams params)
    : m(std::make_unique<Impl>(service, params))
{
    httplib::Server& server = m->server;
    const std::size_t threads = std::size_t(std::max(1, params.threads));
    server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    // SO_REUSEADDR only: cpp-httplib's default also sets SO_REUSEPORT, which would let a
    // second instance bind the same port silently instead of failing.
    server.set_socket_options([](socket_t socket) {
        int yes = 1;
        ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    server.set_tcp_nodelay(true);
    server.set_read_timeout(params.readTimeout);
    server.set_write_timeout(params.writeTimeout);
    server.set_keep_alive_timeout(params.keepAliveTimeout.count());
    server.set_keep_alive_max_count(params.keepAliveRequests);
    server.set_payload_max_length(service.config().maxBody);

    Impl* impl = m.get();
    // The head checks (host, path, method, token, type, length). A request without a body is
    // answered at once. One with a body is answered only after its body was consumed: cpp-httplib
    // 0.11 keeps a connection open whatever the answer says, so unread body bytes would be read
    // as the next request. Consuming stays bounded: a Content-Length above the limit is skipped
    // unread (never stored) and answered 413, a chunked body is cut at the limit, a client that
    // sends "Expect: 100-continue" gets the refusal instead of the go-ahead and sends nothing.
    server.set_pre_routing_handler(
        [impl](const httplib::Request& request, httplib::Response& response) {
            t_request.seen = true;
            t_request.started = std::chrono::steady_clock::now();
            t_request.requestId = requestIdOf(request);
            std::optional<ServiceResponse> refused = impl->screen(request);
            if (!refused || announcesBody(request)) {
                return httplib::Server::HandlerResponse::Unhandled;
            }
            apply(*refused, response);
            return httplib::Server::HandlerResponse::Handled;
        });
    server.set_expect_100_continue_handler(
        [impl](const httplib::Request& request, httplib::Response& response) {
            t_request.seen = true;
            t_request.started = std::chrono::steady_clock::now();
            t_request.requestId = requestIdOf(request);
            if (std::optional<ServiceResponse> refused = impl->screen(request)) {
                apply(*refused, response);
                // This answer goes out on cpp-httplib's plain path, which adds no length.
                response.set_header("Content-Length", std::to_string(response.body.size()));
                return refused->status;
            }
            return 100;
        });
    const auto route = [impl](const httplib::Request& request, httplib::Response& response) {
        if (std::optional<ServiceResponse> refused = impl->screen(request)) {
            apply(*refused, response); // the header bound; the service's checks come again
            return;
        }
        apply(impl->service.handle(serviceRequest(request, request.body)), response);
    };
    // Bodies are read through a ContentReader so that a chunked upload stops at the limit
    // (cpp-httplib 0.11 bounds only a Content-Length by set_payload_max_length).
    const auto routeWithBody = [impl](const httplib::Request& request, httplib::Response& response,
                                      const httplib::ContentReader& reader) {
        const std::size_t limit = impl->service.config().maxBody;
        std::string body;
        bool tooLarge = false;
        const bool complete =
            reader([&body, &tooLarge, limit](const char* data, std::size_t length) {
                if (body.size() + length > limit) {
                    tooLarge = true;
                    return false;
                }
                body.append(data, length);
                return true;
            });
        // A Content-Length above the limit: cpp-httplib skipped the body unread and the
        // reader failed.
        const std::string length = request.get_header_value("Content-Length");
        tooLarge =
            tooLarge || (!length.empty() && std::strtoull(length.c_str(), nullptr, 10) > limit);
        if (tooLarge || !complete) {
            // Not complete and not too large: the body stopped coming (read timeout) or the
            // client went away.
            ServiceResponse refused;
            refused.status = tooLarge ? 413 : 408;
            refused.body =
                nlohmann::ordered_json{
                    {"error", tooLarge ? "the body is larger than the limit of " +
                                             std::to_string(limit) + " bytes"
                                       : std::string("the body was not received in time")},
                    {"field", nullptr}}
                    .dump() +
                "\n";
            refused.headers.emplace_back("X-Request-Id", t_request.requestId);
            apply(refused, response);
            return;
        }
        if (std::optional<ServiceResponse> refused = impl->screen(request)) {
            apply(*refused, response);
            return;
        }
        apply(impl->service.handle(serviceRequest(request, body)), response);
    };
    server.Get(".*", route);
    server.Options(".*", route);
    server.Post(".*", routeWithBody);
    server.Put(".*", routeWithBody);
    server.Patch(".*", routeWithBody);
    server.Delete(".*", routeWithBody);
    server.set_exception_handler([](const httplib::Request&, httplib::Response& response,
                                    std::exception_ptr) {
        response.status = 500;
        response.set_content("{\"error\":\"internal error\",\"field\":null}\n", "application/json");
    });
    server.set_error_handler(httplib::Server::HandlerWithResponse(
        [](const httplib::Request& request, httplib::Response& response) {
            if (!response.body.empty()) {
                return httplib::Server::HandlerResponse::Unhandled; // the routes' own JSON
            }
            if (response.status == 400 && request.method == "POST") {
                // cpp-httplib answers 400 when a body stops short of its Content-Length: the
                // read timed out (or the client went away).
                const std::string length = request.get_header_value("Content-Length");
                if (!length.empty() &&
                    request.body.size() < std::strtoull(length.c_str(), nullptr, 10)) {
                    response.status = 408;
                }
            }
            response.set_content(
                nlohmann::ordered_json{{"error", errorSentence(response.status)},
                                       {"field", response.status == 413
                                                     ? nlohmann::ordered_json("Content-Length")
                                                     : nlohmann::ordered_json(nullptr)}}
                        .dump() +
                    "\n",
                "application/json");
            return httplib::Server::HandlerResponse::Handled;
        }));
    server.set_logger([impl](const httplib::Request& request, const httplib::Response& response) {
        double seconds = 0.0;
        std::string id = "-";
        if (t_request.seen) {
            seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t_request.started)
                    .count();
            id = t_request.requestId;
        }
        impl->service.observe(id, request.method, request.path, response.status, seconds);
        t_request.seen = false;
    });
}

HttpServer::~HttpServer() = default;

int HttpServer::bind(const std::string& host, int port)
{
    const int bound = port == 0 ? m->server.bind_to_any_port(host.c_str())
                                : (m->server.bind_to_port(host.c_str(), port) ? port : -1);
    if (bound <= 0) {
        throw std::runtime_error("cannot listen on " + host + ":" + std::to_string(port) +
                                 " (address in use, not an address of this machine, or a "
                                 "privileged port)");
    }
    m->bound = true;
    return bound;
}

void HttpServer::serve()
{
    if (!m->bound) {
        throw std::logic_error("HttpServer::serve called before bind");
    }
    m->server.listen_after_bind();
}

void HttpServer::stop()
{
    m->server.stop();
}

} // namespace credit::core
