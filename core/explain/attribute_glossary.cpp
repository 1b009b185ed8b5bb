// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "explain/attribute_glossary.h"

#include "data/text_values.h"

#include <array>
#include <cmath>
#include <cstdio>
#include <string>

namespace credit::core {
namespace {

struct AttributeEntry
{
    std::string_view name;
    std::string_view meaning;
    std::string_view unit;
    /// Sentence for a numeric value; "{}" is replaced by the formatted value. Empty for
    /// categoricals (they use LevelEntry sentences).
    std::string_view numericSentence;
};

struct LevelEntry
{
    std::string_view attribute;
    std::string_view level;
    std::string_view meaning;  ///< data/README.md
    std::string_view sentence; ///< adverse-action wording
};

// German Credit (data/README.md) plus the feature pipeline's business variables.
constexpr std::array kAttributes{
    AttributeEntry{"checking_status", "Status of the existing checking account", "", ""},
    AttributeEntry{"duration", "Loan duration", "months", "Loan duration of {} months"},
    AttributeEntry{"credit_history", "Credit history", "", ""},
    AttributeEntry{"purpose", "Purpose of the loan", "", ""},
    AttributeEntry{"credit_amount", "Credit amount", "DM", "Credit amount of {} DM"},
    AttributeEntry{"savings_status", "Savings account / bonds", "", ""},
    AttributeEntry{"employment", "Present employment since", "", ""},
    AttributeEntry{"installment_commitment",
                   "Instalment rate in percentage of disposable income (band 1-4)", "band",
                   "Instalment rate band {} of 4 (share of disposable income)"},
    AttributeEntry{"personal_status", "Personal status and sex", "", ""},
    AttributeEntry{"other_parties", "Other debtors / guarantors", "", ""},
    AttributeEntry{"residence_since", "Present residence since (years, band 1-4)", "years",
                   "Present residence for {} years (band 1-4)"},
    AttributeEntry{"property_magnitude", "Most valuable property", "", ""},
    AttributeEntry{"age", "Age", "years", "Age of {} years"},
    AttributeEntry{"other_payment_plans", "Other instalment plans", "", ""},
    AttributeEntry{"housing", "Housing", "", ""},
    AttributeEntry{"existing_credits", "Number of existing credits at this bank", "",
                   "{} existing credit(s) at this bank"},
    AttributeEntry{"job", "Job", "", ""},
    AttributeEntry{"num_dependents", "Number of people liable to provide maintenance for", "",
                   "{} person(s) liable to provide maintenance for"},
    AttributeEntry{"own_telephone", "Telephone", "", ""},
    AttributeEntry{"foreign_worker", "Foreign worker", "", ""},
    AttributeEntry{"monthly_instalment", "Monthly instalment (credit amount / duration)",
                   "DM per month", "Monthly instalment of {} DM"},
    AttributeEntry{"amount_per_age", "Credit amount per year of age", "DM per year",
                   "Credit amount of {} DM per year of age"},
    AttributeEntry{"duration_age_band", "Loan duration band crossed with age band", "", ""},
};

constexpr std::array kLevels{
    LevelEntry{"checking_status", "<0", "balance below 0 DM",
               "Checking account balance below 0 DM"},
    LevelEntry{"checking_status", "0<=X<200", "0 to under 200 DM",
               "Checking account balance between 0 and 200 DM"},
    LevelEntry{"checking_status", ">=200",
               "200 DM or more, or salary paid into the account for at least one year",
               "Checking account balance of 200 DM or more"},
    LevelEntry{"checking_status", "no checking", "no checking account", "No checking account"},
    LevelEntry{"credit_history", "no credits/all paid",
               "no credits taken, or all credits paid back duly",
               "No credits taken, or all credits paid back duly"},
    LevelEntry{"credit_history", "all paid", "all credits at this bank paid back duly",
               "All credits at this bank paid back duly"},
    LevelEntry{"credit_history", "existing paid", "existing credits paid back duly till now",
               "Existing credits paid back duly till now"},
    LevelEntry{"credit_history", "delayed previously", "delay in paying off in the past",
               "Delay in paying off in the past"},
    LevelEntry{"credit_history", "critical/other existing credit",
               "critical account, or other credits existing (not at this bank)",
               "Critical account, or other credits existing at other banks"},
    LevelEntry{"purpose", "new car", "new car", "Loan purpose: new car"},
    LevelEntry{"purpose", "used car", "used car", "Loan purpose: used car"},
    LevelEntry{"purpose", "furniture/equipment", "furniture / equipment",
               "Loan purpose: furniture or equipment"},
    LevelEntry{"purpose", "radio/tv", "radio / television", "Loan purpose: radio or television"},
    LevelEntry{"purpose", "domestic appliance", "domestic appliance",
               "Loan purpose: domestic appliance"},
    LevelEntry{"purpose", "repairs", "repairs", "Loan purpose: repairs"},
    LevelEntry{"purpose", "education", "education", "Loan purpose: education"},
    LevelEntry{"purpose", "vacation", "vacation", "Loan purpose: vacation"},
    LevelEntry{"purpose", "retraining", "retraining", "Loan purpose: retraining"},
    LevelEntry{"purpose", "business", "business", "Loan purpose: business"},
    LevelEntry{"purpose", "other", "other", "Loan purpose: other"},
    LevelEntry{"savings_status", "<100", "under 100 DM", "Savings below 100 DM"},
    LevelEntry{"savings_status", "100<=X<500", "100 to under 500 DM",
               "Savings between 100 and 500 DM"},
    LevelEntry{"savings_status", "500<=X<1000", "500 to under 1,000 DM",
               "Savings between 500 and 1,000 DM"},
    LevelEntry{"savings_status", ">=1000", "1,000 DM or more", "Savings of 1,000 DM or more"},
    LevelEntry{"savings_status", "no known savings", "unknown, or no savings account",
               "No known savings account"},
    LevelEntry{"employment", "unemployed", "unemployed", "Unemployed"},
    LevelEntry{"employment", "<1", "under 1 year", "Employed at the present job for under 1 year"},
    LevelEntry{"employment", "1<=X<4", "1 to under 4 years",
               "Employed at the present job for 1 to 4 years"},
    LevelEntry{"employment", "4<=X<7", "4 to under 7 years",
               "Employed at the present job for 4 to 7 years"},
    LevelEntry{"employment", ">=7", "7 years or more",
               "Employed at the present job for 7 years or more"},
    LevelEntry{"personal_status", "male div/sep", "male, divorced/separated",
               "Personal status: male, divorced or separated"},
    LevelEntry{"personal_status", "female div/dep/mar", "female, divorced/separated/married",
               "Personal status: female, divorced, separated or married"},
    LevelEntry{"personal_status", "male single", "male, single", "Personal status: male, single"},
    LevelEntry{"personal_status", "male mar/wid", "male, married/widowed",
               "Personal status: male, married or widowed"},
    LevelEntry{"personal_status", "female single", "female, single",
               "Personal status: female, single"},
    LevelEntry{"other_parties", "none", "none", "No co-applicant or guarantor"},
    LevelEntry{"other_parties", "co applicant", "co-applicant", "Co-applicant on the loan"},
    LevelEntry{"other_parties", "guarantor", "guarantor", "Guarantor on the loan"},
    LevelEntry{"property_magnitude", "real estate", "real estate", "Owns real estate"},
    LevelEntry{"property_magnitude", "life insurance",
               "building society savings agreement or life insurance",
               "Most valuable property: building society savings or life insurance"},
    LevelEntry{"property_magnitude", "car", "car or other, not savings",
               "Most valuable property: car or other (no real estate, no savings)"},
    LevelEntry{"property_magnitude", "no known property", "unknown or no property",
               "No known property"},
    LevelEntry{"other_payment_plans", "bank", "bank", "Other instalment plans at a bank"},
    LevelEntry{"other_payment_plans", "stores", "stores", "Other instalment plans at stores"},
    LevelEntry{"other_payment_plans", "none", "none", "No other instalment plans"},
    LevelEntry{"housing", "rent", "rent", "Rented housing"},
    LevelEntry{"housing", "own", "own", "Owns the home"},
    LevelEntry{"housing", "for free", "for free", "Lives in housing for free"},
    LevelEntry{"job", "unemp/unskilled non res", "unemployed or unskilled, non-resident",
               "Job: unemployed or unskilled, non-resident"},
    LevelEntry{"job", "unskilled resident", "unskilled, resident", "Job: unskilled, resident"},
    LevelEntry{"job", "skilled", "skilled employee or official",
               "Job: skilled employee or official"},
    LevelEntry{"job", "high qualif/self emp/mgmt",
               "management, self-employed, highly qualified employee or officer",
               "Job: management, self-employed or highly qualified"},
    LevelEntry{"own_telephone", "none", "none",
               "No telephone registered under the applicant's name"},
    LevelEntry{"own_telephone", "yes", "registered under the customer's name",
               "Telephone registered under the applicant's name"},
    LevelEntry{"foreign_worker", "yes", "yes", "Foreign worker"},
    LevelEntry{"foreign_worker", "no", "no", "Not a foreign worker"},
};

const AttributeEntry* findAttribute(std::string_view name)
{
    for (const AttributeEntry& entry : kAttributes) {
        if (entry.name == name) {
            return &entry;
        }
    }
    return nullptr;
}

const LevelEntry* findLevel(std::string_view attribute, std::string_view level)
{
    for (const LevelEntry& entry : kLevels) {
        if (entry.attribute == attribute && entry.level == level) {
            return &entry;
        }
    }
    return nullptr;
}

// The pipeline's duration_age_band levels are "<duration band>/<age band>".
std::string bandSentence(std::string_view value)
{
    const auto slash = value.find('/');
    if (slash == std::string_view::npos) {
        return {};
    }
    const std::string_view duration = value.substr(0, slash);
    const std::string_view age = value.substr(slash + 1);
    std::string d;
    if (duration == "short") {
        d = "Short loan (12 months or less)";
    } else if (duration == "medium") {
        d = "Medium-term loan (13-24 months)";
    } else if (duration == "long") {
        d = "Long loan (over 24 months)";
    } else {
        return {};
    }
    if (age == "young") {
        return d + " for an applicant under 25";
    }
    if (age == "adult") {
        return d + " for an applicant aged 25-39";
    }
    if (age == "senior") {
        return d + " for an applicant aged 40 or over";
    }
    return {};
}

// The engine's number syntax (data/text_values.h), blanks around the value allowed.
bool parseNumber(std::string_view text, double& out)
{
    return parseFiniteNumber(trimBlanks(text), out);
}

} // namespace

std::string AttributeGlossary::meaning(std::string_view attribute)
{
    const AttributeEntry* entry = findAttribute(attribute);
    return entry ? std::string(entry->meaning) : std::string(attribute);
}

std::string AttributeGlossary::unit(std::string_view attribute)
{
    const AttributeEntry* entry = findAttribute(attribute);
    return entry ? std::string(entry->unit) : std::string();
}

std::string AttributeGlossary::levelMeaning(std::string_view attribute, std::string_view level)
{
    if (const LevelEntry* entry = findLevel(attribute, level)) {
        return std::string(entry->meaning);
    }
    if (attribute == "duration_age_band") {
        const std::string sentence = bandSentence(level);
        if (!sentence.empty()) {
            return sentence;
        }
    }
    return std::string(level);
}

bool AttributeGlossary::isKnown(std::string_view attribute)
{
    return findAttribute(attribute) != nullptr;
}

std::string AttributeGlossary::reasonSentence(std::string_view attribute, std::string_view value)
{
    if (const LevelEntry* entry = findLevel(attribute, value)) {
        return std::string(entry->sentence);
    }
    if (attribute == "duration_age_band") {
        const std::string sentence = bandSentence(value);
        if (!sentence.empty()) {
            return sentence;
        }
    }
    const AttributeEntry* entry = findAttribute(attribute);
    double number = 0.0;
    if (entry && !entry->numericSentence.empty() && parseNumber(value, number)) {
        std::string sentence(entry->numericSentence);
        sentence.replace(sentence.find("{}"), 2, formatNumber(number));
        return sentence;
    }
    std::string shown(value);
    if (parseNumber(value, number)) {
        shown = formatNumber(number);
        const std::string u = unit(attribute);
        if (!u.empty() && u != "band") {
            shown += " " + u;
        }
    }
    return meaning(attribute) + ": " + shown;
}

std::string AttributeGlossary::formatNumber(double value, int decimals)
{
    if (std::isnan(value)) {
        return "missing";
    }
    if (std::isinf(value)) {
        return value > 0 ? "infinity" : "-infinity";
    }
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals < 0 ? 0 : decimals, std::fabs(value));
    std::string text(buffer);
    std::string fraction;
    if (const auto dot = text.find('.'); dot != std::string::npos) {
        fraction = text.substr(dot);
        text.erase(dot);
        while (!fraction.empty() && (fraction.back() == '0' || fraction.back() == '.')) {
            fraction.pop_back();
        }
    }
    std::string grouped;
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n; ++i) {
        grouped += text[i];
        if ((n - i - 1) % 3 == 0 && i + 1 < n) {
            grouped += ',';
        }
    }
    const bool negative = value < 0 && (grouped != "0" || !fraction.empty());
    return (negative ? "-" : "") + grouped + fraction;
}

} // namespace credit::core
