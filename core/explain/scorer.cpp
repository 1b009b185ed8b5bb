// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "explain/scorer.h"

#include "data/text_values.h"
#include "eval/cost_analysis.h"
#include "explain/attribute_glossary.h"
#include "io/model_bundle.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string_view>

namespace credit::core {
namespace {

std::string levelList(const std::vector<std::string>& levels)
{
    std::string text;
    for (std::size_t i = 0; i < levels.size(); ++i) {
        text += (i ? ", '" : "'") + levels[i] + "'";
    }
    return text;
}

} // namespace

ScoringSettings ScoringSettings::fromBundle(const ModelBundle& bundle)
{
    ScoringSettings s;
    for (std::size_t i = 0; i < bundle.schema.columns.size(); ++i) {
        if (i != bundle.schema.targetIndex) {
            s.fields.push_back(bundle.schema.columns[i]);
        }
    }
    s.policy = bundle.policy;
    s.policy.sampleBadRate = bundle.sampleBadRate();
    s.numericRanges = bundle.numericRanges;
    s.integerFields = bundle.integerColumns;
    return s;
}

Scorer::Scorer(const ModelBundle& bundle)
    : Scorer(bundle.models.at(bundle.selected), ScoringSettings::fromBundle(bundle))
{
}

Scorer::Scorer(std::shared_ptr<const TrainedModel> model, ScoringSettings settings)
    : m_model(std::move(model)), m_settings(std::move(settings))
{
    if (!m_model) {
        throw std::invalid_argument("Scorer: no model");
    }
    if (const auto problems = m_settings.policy.validate(); !problems.empty()) {
        throw std::invalid_argument("Scorer: " + problems.front());
    }
    m_explainer = std::make_shared<const AttributeExplainer>(m_model);

    const Calibrator& calibrator = m_model->calibrator();
    if (calibrator.params().method == CalibrationMethod::Platt &&
        calibrator.params().plattInput == PlattInput::Logit && calibrator.isFitted()) {
        m_calibrationSlope = calibrator.plattSlope();
    }
    for (const auto& [name, range] : m_settings.numericRanges) {
        m_nonNegative[name] = range.first >= 0.0;
    }
}

std::vector<std::size_t> ScoreResult::chartReasons(std::size_t count) const
{
    std::vector<std::size_t> chosen;
    std::vector<std::size_t> others;
    for (std::size_t i = 0; i < reasons.size(); ++i) {
        (reasons[i].stated ? chosen : others).push_back(i);
    }
    std::stable_sort(others.begin(), others.end(), [&](std::size_t l, std::size_t r) {
        return std::fabs(reasons[l].contribution) > std::fabs(reasons[r].contribution);
    });
    for (std::size_t i = 0; i < others.size() && chosen.size() < count; ++i) {
        chosen.push_back(others[i]);
    }
    if (chosen.size() > count) {
        chosen.resize(count);
    }
    std::sort(chosen.begin(), chosen.end());
    return chosen;
}

double Scorer::toPopulation(double modelPd) const
{
    return m_settings.policy.toPopulation(modelPd);
}

double Scorer::toModelScale(double pd) const
{
    return m_settings.policy.toModelScale(pd);
}

std::vector<FieldIssue> Scorer::validate(const Applicant& applicant, MissingFields missing) const
{
    std::vector<FieldIssue> issues;
    for (const ColumnSchema& field : m_settings.fields) {
        const auto it = applicant.find(field.name);
        const std::string_view text =
            it == applicant.end() ? std::string_view{} : trimBlanks(it->second);
        if (text.empty()) {
            if (missing == MissingFields::Refuse) {
                issues.push_back({field.name, field.name + ": a value is required"});
            }
            continue;
        }
        if (field.type == ColumnType::Numeric) {
            double value = 0.0;
            if (!parseFiniteNumber(text, value)) {
                issues.push_back(
                    {field.name, field.name + ": '" + std::string(text) + "' is not a number"});
                continue;
            }
            const auto nonNegative = m_nonNegative.find(field.name);
            if (value < 0.0 && nonNegative != m_nonNegative.end() && nonNegative->second) {
                issues.push_back({field.name, field.name + ": must not be negative (got " +
                                                  std::string(text) + ")"});
            }
        } else if (!field.levelIndex(std::string(text))) {
            issues.push_back({field.name, field.name + ": unknown category '" + std::string(text) +
                                              "' (expected one of " + levelList(field.levels) +
                                              ")"});
        }
    }
    return issues;
}

std::vector<FieldIssue> Scorer::outOfRange(const Applicant& applicant) const
{
    std::vector<FieldIssue> issues;
    for (const auto& [name, range] : m_settings.numericRanges) {
        const auto it = applicant.find(name);
        double value = 0.0;
        if (it == applicant.end() || !parseFiniteNumber(trimBlanks(it->second), value)) {
            continue;
        }
        if (value < range.first || value > range.second) {
            issues.push_back({name, name + ": " + AttributeGlossary::formatNumber(value) +
                                        " is outside the training range " +
                                        AttributeGlossary::formatNumber(range.first) + " to " +
                                        AttributeGlossary::formatNumber(range.second) +
                                        ": the model extrapolates"});
        }
    }
    return issues;
}

double Scorer::probability(const Applicant& applicant) const
{
    return toPopulation(m_model->predictOne(applicant));
}

void Scorer::decide(double modelPd, ScoreResult& result) const
{
    result.modelPd = modelPd;
    result.pd = toPopulation(modelPd);
    const DecisionPolicy& policy = m_settings.policy;
    result.threshold = policy.threshold;
    result.thresholdPd = policy.thresholdPd();
    result.reject = policy.rejects(modelPd);
    result.gradeIndex = policy.grading.gradeIndex(result.pd);
    result.grade = policy.grading.grades()[result.gradeIndex].name;
    result.points = policy.scale.points(result.pd);
}

ScoreResult Scorer::score(const Applicant& applicant, bool withReasons, MissingFields missing) const
{
    ScoreResult result;
    result.errors = validate(applicant, missing);
    if (!result.errors.empty()) {
        return result;
    }
    result.outOfRange = outOfRange(applicant);
    Matrix x;
    try {
        x = m_model->pipeline().transformOne(applicant, &result.warnings);
    } catch (const std::invalid_argument& error) {
        result.errors.push_back({{}, error.what()});
        return result;
    }
    auto scored = scoreMatrix(x, {&applicant}, withReasons);
    scored[0].errors = {};
    scored[0].outOfRange = std::move(result.outOfRange);
    scored[0].warnings = std::move(result.warnings);
    return std::move(scored[0]);
}

std::vector<ScoreResult> Scorer::scoreMatrix(const Matrix& x,
                                             const std::vector<const Applicant*>& applicants,
                                             bool withReasons, std::size_t maxReasons) const
{
    const Vector pd = m_model->predictMatrix(x);
    std::vector<ScoreResult> results(static_cast<std::size_t>(x.rows()));
    for (Eigen::Index r = 0; r < x.rows(); ++r) {
        decide(pd[r], results[std::size_t(r)]);
    }
    if (!withReasons) {
        return results;
    }
    const Explanation explanation = m_explainer->explain(x);
    for (Eigen::Index r = 0; r < x.rows(); ++r) {
        const Applicant* applicant =
            std::size_t(r) < applicants.size() ? applicants[std::size_t(r)] : nullptr;
        explain(explanation, r, x, applicant, maxReasons, results[std::size_t(r)]);
    }
    return results;
}

void Scorer::explain(const Explanation& explanation, Eigen::Index row, const Matrix& x,
                     const Applicant* applicant, std::size_t maxReasons, ScoreResult& result) const
{
    const auto& attributes = m_model->pipeline().attributes();
    const auto perAttribute = explanation.contributions.row(row);
    const bool estimated = explanation.standardError.size() > 0;
    result.hasReasons = true;
    result.method = explanationMethodName(m_explainer->method());
    result.methodDetail = m_explainer->methodDetail();
    result.baseValue = explanation.base[row];
    result.logOdds = explanation.logOdds[row];
    result.rawPd = 1.0 / (1.0 + std::exp(-result.logOdds));
    result.calibrated = m_model->calibrator().params().method != CalibrationMethod::None;
    const double pointsPerUnit = -m_settings.policy.scale.factor() * m_calibrationSlope;
    // Most adverse first; ties keep attribute order. adverseAttributes() ranks the same way.
    std::vector<std::size_t> order(attributes.size());
    for (std::size_t a = 0; a < order.size(); ++a) {
        order[a] = a;
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t l, std::size_t r) {
        return perAttribute[Eigen::Index(l)] > perAttribute[Eigen::Index(r)];
    });
    const std::size_t built = maxReasons == 0 ? order.size() : std::min(maxReasons, order.size());
    result.reasons.reserve(built);
    for (std::size_t k = 0; k < built; ++k) {
        const std::size_t a = order[k];
        Reason reason;
        reason.attribute = attributes[a].name;
        reason.meaning = AttributeGlossary::meaning(reason.attribute);
        reason.value = attributeValue(a, x, row, applicant);
        reason.contribution = perAttribute[Eigen::Index(a)];
        reason.standardError = estimated ? explanation.standardError(row, Eigen::Index(a)) : 0.0;
        reason.points = pointsPerUnit * reason.contribution;
        reason.text = AttributeGlossary::reasonSentence(reason.attribute, reason.value);
        reason.derived = attributes[a].origin == AttributeOrigin::Derived;
        result.reasons.push_back(std::move(reason));
    }
    const double reasonPoints = pointsPerUnit * (result.logOdds - result.baseValue);
    result.basePoints = result.points - reasonPoints;
    for (Reason& reason : result.reasons) {
        if (reason.contribution <= 0.0 || result.reasonTexts.size() >= m_settings.adverseReasons) {
            break;
        }
        reason.stated = true;
        result.reasonTexts.push_back(reason.text);
    }
}

bool Scorer::adverseAttributes(const Matrix& x, std::size_t maxReasons,
                               std::vector<std::size_t>& top) const
{
    const std::size_t rows = std::size_t(x.rows());
    top.assign(rows * maxReasons, kNoAttribute);
    if (maxReasons == 0 || rows == 0) {
        return false;
    }
    const Explanation explanation = m_explainer->explain(x);
    const std::size_t attributeCount = m_model->pipeline().attributes().size();
    std::vector<std::size_t> order(attributeCount);
    // A strict total order (contribution descending, then attribute index) makes partial_sort
    // pick exactly the first k of explain()'s stable sort.
    Eigen::Index row = 0;
    const auto moreAdverse = [&](std::size_t l, std::size_t r) {
        const double cl = explanation.contributions(row, Eigen::Index(l));
        const double cr = explanation.contributions(row, Eigen::Index(r));
        return cl > cr || (!(cr > cl) && l < r);
    };
    const std::size_t k = std::min(maxReasons, attributeCount);
    for (std::size_t r = 0; r < rows; ++r) {
        row = Eigen::Index(r);
        for (std::size_t a = 0; a < attributeCount; ++a) {
            order[a] = a;
        }
        std::partial_sort(order.begin(), order.begin() + std::ptrdiff_t(k), order.end(),
                          moreAdverse);
        for (std::size_t j = 0;
             j < k && explanation.contributions(row, Eigen::Index(order[j])) > 0.0; ++j) {
            top[r * maxReasons + j] = order[j];
        }
    }
    return true;
}

std::string Scorer::attributeValue(std::size_t ai, const Matrix& x, Eigen::Index row,
                                   const Applicant* applicant) const
{
    const AttributeStats& a = m_model->pipeline().attributes()[ai];
    if (a.origin == AttributeOrigin::Column && applicant) {
        const auto it = applicant->find(a.name);
        if (it != applicant->end() && !trimBlanks(it->second).empty()) {
            return std::string(trimBlanks(it->second));
        }
    }
    // Recover the value from the design row (derived attributes, or rows without texts).
    const auto& features = m_model->pipeline().features();
    for (std::size_t f = 0; f < features.size(); ++f) {
        if (features[f].attribute != ai) {
            continue;
        }
        const double v = x(row, Eigen::Index(f));
        switch (features[f].kind) {
        case FeatureKind::Numeric:
            return AttributeGlossary::formatNumber(v * a.sd + a.mean);
        case FeatureKind::Indicator:
            if (v == 1.0) {
                return a.levels[features[f].level];
            }
            break;
        case FeatureKind::Woe: {
            std::size_t best = 0;
            for (std::size_t l = 1; l < a.woe.size(); ++l) {
                if (std::fabs(a.woe[l] - v) < std::fabs(a.woe[best] - v)) {
                    best = l;
                }
            }
            return best < a.levels.size() ? a.levels[best] : std::string();
        }
        case FeatureKind::MissingFlag:
            break;
        }
    }
    return a.type == ColumnType::Categorical && !a.levels.empty() ? a.levels[a.mode]
                                                                  : std::string("missing");
}

} // namespace credit::core
