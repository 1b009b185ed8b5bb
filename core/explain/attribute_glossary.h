// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace credit::core {

/// Human meanings of attributes and levels, and the adverse-action sentence of one attribute
/// value. The table covers the German Credit attributes (data/README.md) and the business
/// variables of the feature pipeline; every other attribute falls back to its raw name and
/// label, so the glossary works for any dataset.
///
/// All functions are pure and thread-safe; lookups are by exact attribute name and level label.
class AttributeGlossary
{
public:
    /// "Status of the existing checking account" for "checking_status"; the name itself when
    /// unknown.
    static std::string meaning(std::string_view attribute);
    /// Unit of a numeric attribute ("months", "DM", "years"); empty when none or unknown.
    static std::string unit(std::string_view attribute);
    /// Meaning of one categorical level, e.g. "balance below 0 DM" for ("checking_status",
    /// "<0"); the label itself when unknown.
    static std::string levelMeaning(std::string_view attribute, std::string_view level);
    /// True when the attribute is in the German Credit table (used to decide whether a
    /// "meaning" differs from the raw name).
    static bool isKnown(std::string_view attribute);

    /// The sentence an adverse-action notice would use for `attribute` = `value`, e.g.
    /// "Checking account balance below 0 DM", "Loan duration of 48 months", "Credit amount of
    /// 12,000 DM", "Delay in paying off in the past". Numbers are formatted with thousands
    /// separators and at most two decimals. Unknown attributes or levels give the generic
    /// "<attribute meaning>: <value>".
    static std::string reasonSentence(std::string_view attribute, std::string_view value);

    /// `value` with a thousands separator and at most `decimals` decimals, trailing zeros
    /// dropped ("12,000", "650.5"). NaN gives "missing".
    static std::string formatNumber(double value, int decimals = 2);
};

} // namespace credit::core
