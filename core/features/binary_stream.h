// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <cstring>
#include <istream>
#include <ostream>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace credit::core {

/// Little helpers for the binary formats of the feature pipeline and the models (they travel
/// inside the model bundle). Values are written in the machine's byte order (little-endian on
/// every supported platform); strings and vectors are length-prefixed with a uint64.
///
/// BinaryReader throws std::runtime_error naming `what` (e.g. "feature pipeline") on a
/// truncated stream or an implausible length, so a malformed bundle never crashes.
class BinaryWriter
{
public:
    explicit BinaryWriter(std::ostream& out) : m_out(out) {}

    template <typename T> void pod(const T& value)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        m_out.write(reinterpret_cast<const char*>(&value), sizeof(T));
    }
    void u64(std::uint64_t value) { pod(value); }
    void f64(double value) { pod(value); }
    void flag(bool value) { pod(static_cast<std::uint8_t>(value ? 1 : 0)); }
    void string(const std::string& value)
    {
        u64(value.size());
        m_out.write(value.data(), static_cast<std::streamsize>(value.size()));
    }
    template <typename T> void podVector(const std::vector<T>& values)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        u64(values.size());
        m_out.write(reinterpret_cast<const char*>(values.data()),
                    static_cast<std::streamsize>(values.size() * sizeof(T)));
    }
    void strings(const std::vector<std::string>& values)
    {
        u64(values.size());
        for (const std::string& s : values) {
            string(s);
        }
    }

private:
    std::ostream& m_out;
};

class BinaryReader
{
public:
    /// Lengths above this many elements are rejected as corrupt (1 G elements).
    static constexpr std::uint64_t kMaxLength = std::uint64_t(1) << 30;

    BinaryReader(std::istream& in, std::string what) : m_in(in), m_what(std::move(what)) {}

    template <typename T> T pod()
    {
        static_assert(std::is_trivially_copyable_v<T>);
        T value{};
        m_in.read(reinterpret_cast<char*>(&value), sizeof(T));
        check();
        return value;
    }
    std::uint64_t u64() { return pod<std::uint64_t>(); }
    double f64() { return pod<double>(); }
    bool flag() { return pod<std::uint8_t>() != 0; }
    std::size_t length()
    {
        const std::uint64_t n = u64();
        if (n > kMaxLength) {
            fail("implausible length " + std::to_string(n));
        }
        return static_cast<std::size_t>(n);
    }
    std::string string()
    {
        std::string value(length(), '\0');
        m_in.read(value.data(), static_cast<std::streamsize>(value.size()));
        check();
        return value;
    }
    template <typename T> std::vector<T> podVector()
    {
        std::vector<T> values(length());
        m_in.read(reinterpret_cast<char*>(values.data()),
                  static_cast<std::streamsize>(values.size() * sizeof(T)));
        check();
        return values;
    }
    std::vector<std::string> strings()
    {
        std::vector<std::string> values(length());
        for (std::string& s : values) {
            s = string();
        }
        return values;
    }
    /// Reads a tag written with BinaryWriter::string and checks it.
    void expect(const std::string& tag)
    {
        if (string() != tag) {
            fail("not a " + m_what + " (expected tag '" + tag + "')");
        }
    }
    [[noreturn]] void fail(const std::string& detail) const
    {
        throw std::runtime_error("malformed " + m_what + ": " + detail);
    }

private:
    void check()
    {
        if (!m_in) {
            fail("the stream ended early");
        }
    }

    std::istream& m_in;
    std::string m_what;
};

} // namespace credit::core
