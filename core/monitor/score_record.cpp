// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "monitor/score_record.h"

#include "io/model_bundle.h"

#include <atomic>
#include <cstdio>

namespace credit::core {

ModelIdentity modelIdentity(const ModelBundle& bundle, const std::string& fileName,
                            const std::string& algorithm)
{
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx",
                  static_cast<unsigned long long>(fnv1a64(bundle.serialize())));
    const bool other = !algorithm.empty() && algorithm != bundle.selected;
    ModelIdentity identity;
    identity.id = other ? std::string(hex) + "-" + algorithm : std::string(hex);
    identity.name =
        (other ? algorithm : bundle.selected) + (fileName.empty() ? "" : " · " + fileName);
    return identity;
}

std::string newRequestId()
{
    static std::atomic<unsigned> counter{0};
    std::string id = PredictionLog::utcNow();
    char suffix[16];
    std::snprintf(suffix, sizeof suffix, "-%u", counter.fetch_add(1) + 1);
    return id + suffix;
}

PredictionRecord predictionRecord(const ScoreResult& result, const Applicant& applicant,
                                  const ModelIdentity& model, const std::string& source,
                                  const std::string& requestId, const std::string& idField,
                                  double latencyMs)
{
    PredictionRecord r;
    r.time = PredictionLog::utcNow();
    r.requestId = requestId;
    r.source = source;
    r.modelId = model.id;
    r.modelName = model.name;
    if (const auto id = applicant.find(idField); id != applicant.end()) {
        r.applicantId = id->second;
    }
    r.inputs = applicant;
    r.latencyMs = latencyMs;
    if (!result.valid()) {
        for (const FieldIssue& issue : result.errors) {
            r.error += (r.error.empty() ? "" : "; ") + issue.message;
        }
        return r;
    }
    r.pd = result.pd;
    r.modelPd = result.modelPd;
    r.decision = result.reject ? "reject" : "accept";
    r.threshold = result.thresholdPd;
    r.grade = result.grade;
    r.points = result.points;
    r.reasons = result.reasonTexts;
    return r;
}

PredictionRecord predictionRecord(const BatchRowOutcome& row, double thresholdPd,
                                  const ModelIdentity& model, const std::string& requestId)
{
    PredictionRecord r;
    r.time = PredictionLog::utcNow();
    r.requestId = requestId;
    r.source = "batch";
    r.modelId = model.id;
    r.modelName = model.name;
    r.applicantId = row.applicantId;
    for (const auto& [field, value] : row.inputs) {
        r.inputs[field] = value;
    }
    r.latencyMs = row.latencyMs;
    r.error = row.error;
    if (row.scored) {
        r.pd = row.pd;
        r.modelPd = row.modelPd;
        r.decision = row.reject ? "reject" : "accept";
        r.threshold = thresholdPd;
        r.grade = row.grade;
        r.points = row.points;
        r.reasons = row.reasons;
    }
    return r;
}

} // namespace credit::core
