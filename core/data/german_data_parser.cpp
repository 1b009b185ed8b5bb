// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
//
// UCI Statlog "german.data": one applicant per line, 21 blank-separated fields, categorical
// attributes as codes (A11, A12, ...), class 1 = good, 2 = bad. Decoded to the very schema of
// Weka's credit-g.arff: same attribute names and order, same level labels and level order
// (taken from the "Relabeled values in attribute ..." comments of that file), so both files
// give equal datasets.
#include "data/reader_support.h"

#include <limits>

namespace credit::core::detail {
namespace {

struct Code
{
    std::string_view code;
    std::string_view label;
};

struct GermanAttribute
{
    std::string_view name;
    std::vector<Code> codes; // empty = numeric
};

const std::vector<GermanAttribute>& germanAttributes()
{
    static const std::vector<GermanAttribute> kAttributes = {
        {"checking_status",
         {{"A11", "<0"}, {"A12", "0<=X<200"}, {"A13", ">=200"}, {"A14", "no checking"}}},
        {"duration", {}},
        {"credit_history",
         {{"A30", "no credits/all paid"},
          {"A31", "all paid"},
          {"A32", "existing paid"},
          {"A33", "delayed previously"},
          {"A34", "critical/other existing credit"}}},
        {"purpose",
         {{"A40", "new car"},
          {"A41", "used car"},
          {"A42", "furniture/equipment"},
          {"A43", "radio/tv"},
          {"A44", "domestic appliance"},
          {"A45", "repairs"},
          {"A46", "education"},
          {"A47", "vacation"},
          {"A48", "retraining"},
          {"A49", "business"},
          {"A410", "other"}}},
        {"credit_amount", {}},
        {"savings_status",
         {{"A61", "<100"},
          {"A62", "100<=X<500"},
          {"A63", "500<=X<1000"},
          {"A64", ">=1000"},
          {"A65", "no known savings"}}},
        {"employment",
         {{"A71", "unemployed"},
          {"A72", "<1"},
          {"A73", "1<=X<4"},
          {"A74", "4<=X<7"},
          {"A75", ">=7"}}},
        {"installment_commitment", {}},
        {"personal_status",
         {{"A91", "male div/sep"},
          {"A92", "female div/dep/mar"},
          {"A93", "male single"},
          {"A94", "male mar/wid"},
          {"A95", "female single"}}},
        {"other_parties", {{"A101", "none"}, {"A102", "co applicant"}, {"A103", "guarantor"}}},
        {"residence_since", {}},
        {"property_magnitude",
         {{"A121", "real estate"},
          {"A122", "life insurance"},
          {"A123", "car"},
          {"A124", "no known property"}}},
        {"age", {}},
        {"other_payment_plans", {{"A141", "bank"}, {"A142", "stores"}, {"A143", "none"}}},
        {"housing", {{"A151", "rent"}, {"A152", "own"}, {"A153", "for free"}}},
        {"existing_credits", {}},
        {"job",
         {{"A171", "unemp/unskilled non res"},
          {"A172", "unskilled resident"},
          {"A173", "skilled"},
          {"A174", "high qualif/self emp/mgmt"}}},
        {"num_dependents", {}},
        {"own_telephone", {{"A191", "none"}, {"A192", "yes"}}},
        {"foreign_worker", {{"A201", "yes"}, {"A202", "no"}}},
        {"class", {{"1", "good"}, {"2", "bad"}}},
    };
    return kAttributes;
}

std::string describeCodes(const std::vector<Code>& codes)
{
    std::vector<std::string> names;
    for (const Code& code : codes) {
        names.emplace_back(code.code);
    }
    return describeLevels(names);
}

} // namespace

ParsedTable parseGermanData(std::string_view text, const std::string& source,
                            const TargetSpec& target)
{
    const auto& attributes = germanAttributes();
    const std::size_t expected = attributes.size();
    std::vector<Column> columns(expected);
    for (std::size_t i = 0; i < expected; ++i) {
        columns[i].schema.name = std::string(attributes[i].name);
        if (attributes[i].codes.empty()) {
            columns[i].schema.type = ColumnType::Numeric;
        } else {
            columns[i].schema.type = ColumnType::Categorical;
            for (const Code& code : attributes[i].codes) {
                columns[i].schema.levels.emplace_back(code.label);
            }
        }
    }

    std::size_t lineNumber = 0;
    std::size_t rows = 0;
    std::size_t pos = 0;
    std::vector<std::string_view> fields;
    fields.reserve(expected + 1);
    while (pos < text.size()) {
        const std::size_t newline = std::min(text.find('\n', pos), text.size());
        const std::string_view line = text.substr(pos, newline - pos);
        pos = newline + 1;
        ++lineNumber;
        fields.clear();
        std::size_t i = 0;
        while (i < line.size()) {
            while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) {
                ++i;
            }
            const std::size_t begin = i;
            while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') {
                ++i;
            }
            if (i > begin) {
                fields.push_back(line.substr(begin, i - begin));
            }
        }
        if (fields.empty()) {
            continue;
        }
        if (fields.size() != expected) {
            throw DataError(source, lineNumber,
                            fields.size() < expected ? std::string(attributes[fields.size()].name)
                                                     : std::string(),
                            "expected " + std::to_string(expected) +
                                " blank-separated fields, got " + std::to_string(fields.size()));
        }
        for (std::size_t f = 0; f < expected; ++f) {
            const GermanAttribute& attribute = attributes[f];
            Column& column = columns[f];
            const std::string_view value = fields[f];
            const bool missing = value == "?";
            if (missing && column.name() == target.column) {
                throw DataError(source, lineNumber, column.name(),
                                "the target value is missing ('?')");
            }
            if (attribute.codes.empty()) {
                double number = std::numeric_limits<double>::quiet_NaN();
                if (!missing) {
                    const NumberStatus status = parseNumber(value, number);
                    if (status == NumberStatus::NotNumber) {
                        throw DataError(source, lineNumber, column.name(),
                                        "expected a number, got " + quoteValue(value));
                    }
                    if (status == NumberStatus::NonFinite) {
                        throw DataError(source, lineNumber, column.name(),
                                        "the number " + quoteValue(value) + " is not finite");
                    }
                }
                column.numeric.push_back(number);
                continue;
            }
            std::int32_t code = Column::kMissingCode;
            for (std::size_t c = 0; c < attribute.codes.size() && !missing; ++c) {
                if (attribute.codes[c].code == value) {
                    code = static_cast<std::int32_t>(c);
                    break;
                }
            }
            if (code == Column::kMissingCode && !missing) {
                throw DataError(source, lineNumber, column.name(),
                                "unknown code " + quoteValue(value) + " (expected one of " +
                                    describeCodes(attribute.codes) + ")");
            }
            column.codes.push_back(code);
        }
        ++rows;
    }
    if (rows == 0) {
        throw DataError(source, lineNumber, {}, "the file has no data rows");
    }
    ParsedTable table;
    table.columns = std::move(columns);
    return table;
}

} // namespace credit::core::detail
