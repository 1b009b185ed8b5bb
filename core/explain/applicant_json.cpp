// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "explain/applicant_json.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace credit::core {
namespace {

using Json = nlohmann::ordered_json;

Json number(double value)
{
    return std::isfinite(value) ? Json(value) : Json(nullptr);
}

} // namespace

Applicant readApplicantJson(std::string_view json)
{
    nlohmann::json document;
    try {
        document = nlohmann::json::parse(json.begin(), json.end());
    } catch (const nlohmann::json::exception& error) {
        // parse_error for bad syntax, out_of_range for a number beyond double (1e400).
        throw ApplicantJsonError(
            std::string("not a JSON object of attribute → value (") + error.what() + ")", {});
    }
    return applicantFromJson(document);
}

std::string applicantValueText(const nlohmann::json& value, const std::string& field)
{
    if (value.is_number()) {
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%.17g", value.get<double>());
        return buffer;
    }
    if (value.is_string()) {
        return value.get<std::string>();
    }
    if (value.is_null()) {
        return {};
    }
    throw ApplicantJsonError("field '" + field + "' must be a string or a number", field);
}

Applicant applicantFromJson(const nlohmann::json& document, const std::vector<std::string>& skip)
{
    if (!document.is_object()) {
        throw ApplicantJsonError(
            "not a JSON object of attribute → value (the document is not an object)", {});
    }
    Applicant applicant;
    for (const auto& [name, value] : document.items()) {
        if (std::find(skip.begin(), skip.end(), name) != skip.end()) {
            continue;
        }
        applicant[name] = applicantValueText(value, name);
    }
    return applicant;
}

std::string scoreResultJson(const ScoringSettings& settings, const ScoreResult& r)
{
    return scoreResultObject(settings, r).dump(2, ' ', false, Json::error_handler_t::replace) +
           "\n";
}

Json scoreResultObject(const ScoringSettings& settings, const ScoreResult& r)
{
    Json j = Json::object();
    if (!r.valid()) {
        Json errors = Json::array();
        for (const FieldIssue& issue : r.errors) {
            errors.push_back({{"field", issue.field}, {"message", issue.message}});
        }
        j["errors"] = std::move(errors);
        return j;
    }
    j["pd"] = number(r.pd);
    j["model_pd"] = number(r.modelPd);
    j["decision"] = r.reject ? "reject" : "accept";
    j["threshold"] = number(r.thresholdPd);
    j["grade"] = r.grade;
    j["points"] = number(r.points);
    j["population_bad_rate"] = number(settings.policy.populationBadRate);
    if (r.hasReasons) {
        // The reasons explain the classifier's log-odds (raw_pd); with a calibrator, model_pd
        // and pd are its calibrated probability beside them.
        j["method"] = r.method;
        j["method_detail"] = r.methodDetail;
        j["log_odds"] = number(r.logOdds);
        j["raw_pd"] = number(r.rawPd);
        j["calibrated"] = r.calibrated;
        j["base_log_odds"] = number(r.baseValue);
        j["base_points"] = number(r.basePoints);
    }
    Json reasons = Json::array();
    int rank = 0;
    for (const Reason& reason : r.reasons) {
        Json o;
        o["rank"] = ++rank;
        o["attribute"] = reason.attribute;
        o["value"] = reason.value;
        o["contribution"] = number(reason.contribution);
        o["standard_error"] = number(reason.standardError);
        o["stated"] = reason.stated;
        o["points"] = number(reason.points);
        o["text"] = reason.text;
        o["derived"] = reason.derived;
        reasons.push_back(std::move(o));
    }
    j["reasons"] = std::move(reasons);
    j["adverse_reasons"] = r.reasonTexts;
    Json outOfRange = Json::array();
    for (const FieldIssue& issue : r.outOfRange) {
        outOfRange.push_back(issue.message);
    }
    j["out_of_range"] = std::move(outOfRange);
    j["warnings"] = r.warnings;
    return j;
}

} // namespace credit::core
