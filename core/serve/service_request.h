// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace credit::core {

/// One HTTP request as the routes see it: no socket, no library type.
struct ServiceRequest
{
    std::string method; ///< "GET", "POST", …
    std::string path;   ///< without the query string: "/predict"
    /// Header names in lower case ("content-type", "authorization", "host"); one value each.
    std::map<std::string, std::string> headers;
    std::string body;
    /// The request's id (prediction log, response header X-Request-Id, request log); the
    /// routes make one with newRequestId() when it is empty.
    std::string requestId;

    /// The header's value, or an empty string.
    std::string header(const std::string& lowerCaseName) const
    {
        const auto it = headers.find(lowerCaseName);
        return it == headers.end() ? std::string() : it->second;
    }
};

/// What the routes answer: a status, a body and the headers beyond Content-Type.
struct ServiceResponse
{
    int status = 200;
    std::string body;
    std::string contentType = "application/json";
    std::vector<std::pair<std::string, std::string>> headers; ///< e.g. Allow, WWW-Authenticate
};

/// The bounds and rules of one service; defaults are the safe ones.
struct ServiceConfig
{
    /// Bearer token every route but /health and /ping requires; empty = no authentication
    /// (only allowed on a loopback address, see `credit-risk serve`).
    std::string token;
    /// Accepted Host header names (without the port, lower case); empty = any. Guards a
    /// loopback service against DNS rebinding: a browser page on evil.example that resolves
    /// to 127.0.0.1 still sends "Host: evil.example".
    std::vector<std::string> allowedHosts;
    std::size_t maxBody = std::size_t(1) << 20; ///< bytes of a request body; > 0
    std::size_t maxBatch = 10000;               ///< rows of /predict/batch and /invocations
    int maxDepth = 16;                          ///< JSON nesting depth of a body
    /// Score applicants with missing fields with the training's imputation (a request may
    /// also ask with "impute_missing": true).
    bool imputeMissing = false;
    /// The applicant field that identifies the applicant in the prediction log; it is not a
    /// model attribute and is not refused as unknown.
    std::string idField = "id";
    std::string version; ///< the program's version, shown by /health
};

} // namespace credit::core
