// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// A deliberately dumb HTTP/1.1 client on a loopback TCP socket, for the tests of
// `credit-risk serve`: it sends exactly the bytes it is given (malformed requests included) and
// reads one response (status line, headers, Content-Length body).
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstdlib>
#include <map>
#include <string>

namespace credit::test {

struct RawResponse
{
    int status = 0; ///< 0: the connection closed (or timed out) before a status line
    std::map<std::string, std::string> headers; ///< names in lower case
    std::string body;
};

class RawConnection
{
public:
    /// Connects to 127.0.0.1:port; reads give up after `timeoutSeconds` without data.
    explicit RawConnection(int port, int timeoutSeconds = 60)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        timeval timeout{timeoutSeconds, 0};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<unsigned short>(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        m_connected = ::connect(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    }
    ~RawConnection() { ::close(m_fd); }
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    bool connected() const { return m_connected; }

    bool send(const std::string& bytes)
    {
        std::size_t sent = 0;
        while (sent < bytes.size()) {
            const ssize_t n = ::send(m_fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) {
                return false;
            }
            sent += std::size_t(n);
        }
        return true;
    }

    /// Reads one response; status 0 when the server closed the connection first.
    RawResponse read()
    {
        RawResponse response;
        std::size_t headEnd;
        while ((headEnd = m_buffer.find("\r\n\r\n")) == std::string::npos) {
            if (!fill()) {
                return response;
            }
        }
        const std::string head = m_buffer.substr(0, headEnd);
        m_buffer.erase(0, headEnd + 4);
        std::size_t lineEnd = head.find("\r\n");
        const std::string statusLine = head.substr(0, lineEnd);
        if (statusLine.rfind("HTTP/1.", 0) != 0 || statusLine.size() < 12) {
            return response;
        }
        response.status = std::atoi(statusLine.c_str() + 9);
        while (lineEnd != std::string::npos) {
            const std::size_t start = lineEnd + 2;
            lineEnd = head.find("\r\n", start);
            const std::string line = head.substr(
                start, lineEnd == std::string::npos ? std::string::npos : lineEnd - start);
            const std::size_t colon = line.find(':');
            if (colon == std::string::npos) {
                continue;
            }
            std::string name = line.substr(0, colon);
            for (char& c : name) {
                c = char(std::tolower(static_cast<unsigned char>(c)));
            }
            std::size_t valueStart = colon + 1;
            while (valueStart < line.size() && line[valueStart] == ' ') {
                ++valueStart;
            }
            response.headers[name] = line.substr(valueStart);
        }
        const std::size_t length =
            std::strtoull(response.headers["content-length"].c_str(), nullptr, 10);
        while (m_buffer.size() < length) {
            if (!fill()) {
                break;
            }
        }
        response.body = m_buffer.substr(0, length);
        m_buffer.erase(0, std::min(length, m_buffer.size()));
        return response;
    }

private:
    bool fill()
    {
        char chunk[65536];
        const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
        if (n <= 0) {
            return false;
        }
        m_buffer.append(chunk, std::size_t(n));
        return true;
    }

    int m_fd = -1;
    bool m_connected = false;
    std::string m_buffer;
};

/// One request on a fresh connection.
inline RawResponse httpExchange(int port, const std::string& bytes)
{
    RawConnection connection(port);
    if (!connection.connected() || !connection.send(bytes)) {
        return {};
    }
    return connection.read();
}

/// A well-formed request with the loopback Host and, for a body, JSON content type.
inline std::string httpRequest(const std::string& method, const std::string& path,
                               const std::string& body = {}, const std::string& extraHeaders = {})
{
    std::string r = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders;
    if (method == "POST") {
        r += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
             "\r\n";
    }
    return r + "\r\n" + body;
}

} // namespace credit::test
