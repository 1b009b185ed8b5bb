// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace credit::core {

/// A small streaming JSON writer for machine-readable CLI output and report data (core has no
/// Qt, so no QJsonDocument). It inserts commas itself; nesting is the caller's job.
/// Non-finite doubles are written as null (JSON has no NaN).
///
///     JsonWriter w;
///     w.beginObject(); w.key("rows"); w.value(1000); w.endObject();
///     std::string text = w.str();
class JsonWriter
{
public:
    explicit JsonWriter(bool pretty = true) : m_pretty(pretty) {}

    JsonWriter& beginObject();
    JsonWriter& endObject();
    JsonWriter& beginArray();
    JsonWriter& endArray();
    JsonWriter& key(std::string_view name);
    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(double number);
    JsonWriter& value(std::int64_t number);
    JsonWriter& value(std::uint64_t number);
    JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
    JsonWriter& value(bool flag);
    JsonWriter& null();

    const std::string& str() const { return m_out; }

    /// `text` as a quoted JSON string with escapes.
    static std::string quote(std::string_view text);

private:
    void beforeValue();
    void newline();

    std::string m_out;
    std::vector<bool> m_hasItems; ///< one entry per open container
    bool m_afterKey = false;
    bool m_pretty = true;
};

} // namespace credit::core
