// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "serve/served_model.h"

#include "explain/attribute_glossary.h"
#include "monitor/prediction_log.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>

namespace credit::core {
namespace {

using Json = nlohmann::ordered_json;

Json number(double value)
{
    return std::isfinite(value) ? Json(value) : Json(nullptr);
}

/// GET /model: what a client needs to build the applicant form and read the answers.
std::string modelSchemaJson(const ServedModel& served)
{
    const Scorer& scorer = *served.scorer;
    const ScoringSettings& settings = scorer.settings();
    Json j;
    j["model_id"] = served.identity.id;
    j["model_name"] = served.identity.name;
    j["algorithm"] = served.bundle->selected;
    j["loaded_at"] = served.loadedAt;
    Json fields = Json::array();
    for (const ColumnSchema& field : settings.fields) {
        Json f;
        f["name"] = field.name;
        f["meaning"] = AttributeGlossary::meaning(field.name);
        if (field.type == ColumnType::Numeric) {
            f["type"] = settings.integerFields.count(field.name) ? "integer" : "number";
            f["unit"] = AttributeGlossary::unit(field.name);
            if (const auto range = settings.numericRanges.find(field.name);
                range != settings.numericRanges.end()) {
                f["training_min"] = number(range->second.first);
                f["training_max"] = number(range->second.second);
            }
        } else {
            f["type"] = "category";
            Json levels = Json::array();
            for (const std::string& level : field.levels) {
                levels.push_back({{"value", level},
                                  {"meaning", AttributeGlossary::levelMeaning(field.name, level)}});
            }
            f["levels"] = std::move(levels);
        }
        fields.push_back(std::move(f));
    }
    j["fields"] = std::move(fields);
    const DecisionPolicy& policy = settings.policy;
    j["threshold"] = number(policy.thresholdPd());
    j["threshold_model_pd"] = number(policy.threshold);
    j["threshold_points"] = number(policy.thresholdPoints());
    j["population_bad_rate"] = number(policy.populationBadRate);
    j["sample_bad_rate"] = number(policy.sampleBadRate);
    Json grades = Json::array();
    for (const RiskGrade& grade : policy.grading.grades()) {
        grades.push_back({{"name", grade.name}, {"upper_pd", number(grade.upperPd)}});
    }
    j["grades"] = std::move(grades);
    j["points_scale"] = {{"base_points", number(policy.scale.basePoints)},
                         {"base_odds", number(policy.scale.baseOdds)},
                         {"points_to_double_odds", number(policy.scale.pointsToDouble)}};
    j["method"] = explanationMethodName(scorer.explainer().method());
    return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace

std::shared_ptr<const ServedModel> ServedModel::load(const std::string& path)
{
    auto bundle = std::make_shared<const ModelBundle>(ModelBundle::load(path));
    auto served = std::const_pointer_cast<ServedModel>(
        fromBundle(std::move(bundle), std::filesystem::path(path).filename().string()));
    served->path = path;
    return served;
}

std::shared_ptr<const ServedModel>
ServedModel::fromBundle(std::shared_ptr<const ModelBundle> bundle, const std::string& fileName)
{
    auto served = std::make_shared<ServedModel>();
    served->scorer = std::make_shared<const Scorer>(*bundle);
    served->identity = modelIdentity(*bundle, fileName);
    served->bundle = std::move(bundle);
    served->loadedAt = PredictionLog::utcNow();
    served->schemaJson = modelSchemaJson(*served);
    return served;
}

} // namespace credit::core
