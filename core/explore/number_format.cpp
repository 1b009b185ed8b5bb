// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "explore/number_format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace credit::core {

std::string formatNumber(double value)
{
    if (std::isnan(value)) {
        return "nan";
    }
    if (std::isinf(value)) {
        return value > 0 ? "inf" : "-inf";
    }
    char buffer[64];
    if (value == std::round(value) && std::fabs(value) < 1e15) {
        std::snprintf(buffer, sizeof buffer, "%.0f", value);
        return buffer;
    }
    // Digits before the point decide how many decimals keep ~5 significant digits.
    const double magnitude = std::fabs(value);
    int intDigits = magnitude >= 1.0 ? int(std::floor(std::log10(magnitude))) + 1 : 0;
    int decimals = std::max(1, 5 - intDigits);
    if (magnitude < 1.0 && magnitude > 0.0) {
        // Leading zeros after the point do not count as significant.
        decimals = std::min(12, 4 - int(std::floor(std::log10(magnitude))));
    }
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string text = buffer;
    while (text.size() > 1 && text.back() == '0') {
        text.pop_back();
    }
    if (text.back() == '.') {
        text.pop_back();
    }
    return text == "-0" ? "0" : text;
}

} // namespace credit::core
