// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

namespace credit::core {

// The engine's one reading of values given as text — by the file readers, the scorer, batch
// scoring, the feature pipeline's transform of typed values and the reason sentences — so that
// a value one of them accepts, the others accept too.

/// `text` without leading and trailing spaces and TABs.
inline std::string_view trimBlanks(std::string_view text)
{
    std::size_t begin = 0;
    std::size_t end = text.size();
    while (begin < end && (text[begin] == ' ' || text[begin] == '\t')) {
        ++begin;
    }
    while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) {
        --end;
    }
    return text.substr(begin, end - begin);
}

/// Parses the whole of `text` (no surrounding blanks) as a finite decimal number: optional
/// sign ('+' too, as spreadsheets and ARFF writers emit it), digits, optional fraction and
/// exponent (std::from_chars general syntax otherwise). inf, nan and values beyond the double
/// range (1e999) are refused; an underflow (1e-999) reads as ±0. The readers' syntax
/// (data/dataset_reader.h) without the decimal comma.
bool parseFiniteNumber(std::string_view text, double& out);

} // namespace credit::core
