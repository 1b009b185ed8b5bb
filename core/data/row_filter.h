// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "data/dataset.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace credit::core {

/// A comparison typed into a filter box, for numeric columns:
///
///     >24   >=24   <24   <=24   =24   24        (a lone number means "equal to")
///     12-24   12..24   12 – 24                   (inclusive range, smaller bound first)
///
/// Numbers are read as the data readers read them (a leading '+' and exponents allowed;
/// "-5" is a number, not a range).
struct NumericCondition
{
    enum class Op
    {
        Less,
        LessOrEqual,
        Greater,
        GreaterOrEqual,
        Equal,
        Between
    };
    Op op = Op::Equal;
    double low = 0.0;  ///< the bound (the lower one for Between)
    double high = 0.0; ///< the upper bound of Between

    bool matches(double value) const;
    /// True for every operator but Equal: the condition only makes sense on numbers.
    bool isComparison() const { return op != Op::Equal; }
};

/// What a filter box's text asks for.
struct RowFilterQuery
{
    std::string text;                       ///< trimmed; empty = no filter
    std::optional<NumericCondition> number; ///< set when the text reads as a condition
    /// Set when the text starts like a condition but is not one (">abc", "24-12"): a hint
    /// naming what is wrong and the accepted forms. The text is then searched as text.
    std::string problem;

    static RowFilterQuery parse(std::string_view text);
};

/// Share of positive (bad) labels among `rows` of `data`, in [0, 1]; NaN for no rows.
double positiveRate(const Dataset& data, const std::vector<std::size_t>& rows);

} // namespace credit::core
