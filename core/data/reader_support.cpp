// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "data/reader_support.h"

#include <charconv>
#include <cmath>
#include <system_error>

namespace credit::core::detail {
namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// from_chars reports result_out_of_range for both overflow and underflow without telling
// which. Estimate the decimal magnitude instead: the position of the first non-zero digit
// relative to the decimal mark, plus the explicit exponent. Positive means overflow.
bool overflows(std::string_view text)
{
    std::size_t i = 0;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
        ++i;
    }
    long long intDigits = 0; // significant digits before the mark
    long long leadingFractionZeros = 0;
    bool seenNonZero = false;
    while (i < text.size() && isDigit(text[i])) {
        seenNonZero = seenNonZero || text[i] != '0';
        intDigits += seenNonZero ? 1 : 0;
        ++i;
    }
    if (i < text.size() && (text[i] == '.' || text[i] == ',')) {
        ++i;
        while (i < text.size() && isDigit(text[i])) {
            if (!seenNonZero && text[i] == '0') {
                ++leadingFractionZeros;
            }
            seenNonZero = seenNonZero || text[i] != '0';
            ++i;
        }
    }
    long long exponent = 0;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        const bool negative = i < text.size() && text[i] == '-';
        if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
            ++i;
        }
        // Clamp: any exponent beyond a million digits is out of range either way.
        long long magnitude = 0;
        while (i < text.size() && isDigit(text[i])) {
            magnitude = std::min(magnitude * 10 + (text[i] - '0'), 1000000LL);
            ++i;
        }
        exponent = negative ? -magnitude : magnitude;
    }
    const long long decimalMagnitude =
        (intDigits > 0 ? intDigits : -leadingFractionZeros) + exponent;
    return decimalMagnitude > 0;
}

NumberStatus parseDotted(std::string_view text, double& out)
{
    const char* first = text.data();
    const char* last = text.data() + text.size();
    // from_chars rejects a leading '+', which spreadsheets and ARFF writers do emit.
    if (first != last && *first == '+') {
        ++first;
        if (first == last || *first == '-' || *first == '+') {
            return NumberStatus::NotNumber;
        }
    }
    if (first == last) {
        return NumberStatus::NotNumber;
    }
    double value = 0.0;
    const auto [ptr, ec] = std::from_chars(first, last, value, std::chars_format::general);
    if (ptr != last) {
        return NumberStatus::NotNumber;
    }
    if (ec == std::errc::result_out_of_range) {
        if (overflows(text)) {
            return NumberStatus::NonFinite;
        }
        out = text.front() == '-' ? -0.0 : 0.0;
        return NumberStatus::Ok;
    }
    if (ec != std::errc()) {
        return NumberStatus::NotNumber;
    }
    if (!std::isfinite(value)) {
        return NumberStatus::NonFinite;
    }
    out = value;
    return NumberStatus::Ok;
}

} // namespace

NumberStatus parseNumber(std::string_view text, double& out, bool decimalComma)
{
    if (text.empty()) {
        return NumberStatus::NotNumber;
    }
    // Cheap rejection of ordinary words before from_chars: a number starts with a digit, a
    // sign or a decimal mark, or is one of the words inf / infinity / nan.
    const char c = text.front();
    if (!isDigit(c) && c != '-' && c != '+' && c != '.' && c != ',' && c != 'i' && c != 'I' &&
        c != 'n' && c != 'N') {
        return NumberStatus::NotNumber;
    }
    if (decimalComma) {
        const std::size_t comma = text.find(',');
        if (comma != std::string_view::npos) {
            constexpr std::size_t kMaxLength = 128;
            if (text.find('.') != std::string_view::npos ||
                text.find(',', comma + 1) != std::string_view::npos || text.size() > kMaxLength) {
                return NumberStatus::NotNumber;
            }
            char buffer[kMaxLength];
            text.copy(buffer, text.size());
            buffer[comma] = '.';
            return parseDotted(std::string_view(buffer, text.size()), out);
        }
    }
    return parseDotted(text, out);
}

} // namespace credit::core::detail

namespace credit::core {

bool parseFiniteNumber(std::string_view text, double& out)
{
    double value = 0.0;
    if (detail::parseNumber(text, value) != detail::NumberStatus::Ok) {
        return false;
    }
    out = value;
    return true;
}

} // namespace credit::core

namespace credit::core::detail {

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto lower = [](char ch) {
            return (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
        };
        if (lower(a[i]) != lower(b[i])) {
            return false;
        }
    }
    return true;
}

std::string quoteValue(std::string_view value)
{
    constexpr std::size_t kMaxShown = 40;
    if (value.size() > kMaxShown) {
        return '"' + std::string(value.substr(0, kMaxShown)) + "...\"";
    }
    return '"' + std::string(value) + '"';
}

std::string describeLevels(const std::vector<std::string>& levels, std::size_t shown)
{
    std::string out;
    for (std::size_t i = 0; i < levels.size() && i < shown; ++i) {
        out += (i == 0 ? "'" : ", '") + levels[i] + "'";
    }
    if (levels.size() > shown) {
        out += ", ... (" + std::to_string(levels.size()) + " levels)";
    }
    return out;
}

} // namespace credit::core::detail
