// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "data/row_filter.h"

#include "data/reader_support.h"

#include <array>
#include <limits>
#include <utility>

namespace credit::core {

namespace {

constexpr std::string_view kForms = "use >24, >=24, <24, <=24, =24 or a range such as 12-24";

bool readNumber(std::string_view text, double& out)
{
    text = detail::trimBlanks(text);
    return !text.empty() && detail::parseNumber(text, out) == detail::NumberStatus::Ok;
}

/// "a-b", "a..b" or "a – b" with both sides numbers; the first may be negative ("-5-5").
bool readRange(std::string_view text, double& low, double& high)
{
    static constexpr std::array<std::string_view, 3> separators{"..", "\xE2\x80\x93", "-"};
    for (const std::string_view separator : separators) {
        // Skip a leading sign: its '-' is not a separator.
        for (std::size_t at = text.find(separator, 1); at != std::string_view::npos;
             at = text.find(separator, at + 1)) {
            if (readNumber(text.substr(0, at), low) &&
                readNumber(text.substr(at + separator.size()), high)) {
                return true;
            }
        }
    }
    return false;
}

} // namespace

bool NumericCondition::matches(double value) const
{
    switch (op) {
    case Op::Less:
        return value < low;
    case Op::LessOrEqual:
        return value <= low;
    case Op::Greater:
        return value > low;
    case Op::GreaterOrEqual:
        return value >= low;
    case Op::Equal:
        return value == low;
    case Op::Between:
        return value >= low && value <= high;
    }
    return false;
}

RowFilterQuery RowFilterQuery::parse(std::string_view text)
{
    RowFilterQuery query;
    text = detail::trimBlanks(text);
    query.text = std::string(text);
    if (text.empty()) {
        return query;
    }
    static constexpr std::array<std::pair<std::string_view, NumericCondition::Op>, 5> operators{{
        {">=", NumericCondition::Op::GreaterOrEqual},
        {"<=", NumericCondition::Op::LessOrEqual},
        {">", NumericCondition::Op::Greater},
        {"<", NumericCondition::Op::Less},
        {"=", NumericCondition::Op::Equal},
    }};
    for (const auto& [symbol, op] : operators) {
        if (text.substr(0, symbol.size()) == symbol) {
            NumericCondition condition;
            condition.op = op;
            if (readNumber(text.substr(symbol.size()), condition.low)) {
                query.number = condition;
            } else {
                query.problem =
                    "'" + std::string(symbol) + "' needs a number after it: " + std::string(kForms);
            }
            return query;
        }
    }
    NumericCondition condition;
    if (readNumber(text, condition.low)) {
        query.number = condition;
        return query;
    }
    if (readRange(text, condition.low, condition.high)) {
        if (condition.low > condition.high) {
            query.problem = "the range " + query.text + " is empty: write the smaller bound first";
            return query;
        }
        condition.op = NumericCondition::Op::Between;
        query.number = condition;
    }
    return query;
}

double positiveRate(const Dataset& data, const std::vector<std::size_t>& rows)
{
    if (rows.empty()) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    std::size_t positives = 0;
    for (const std::size_t row : rows) {
        positives += data.labels().at(row);
    }
    return double(positives) / double(rows.size());
}

} // namespace credit::core
