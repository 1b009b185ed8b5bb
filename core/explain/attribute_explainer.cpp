// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "explain/attribute_explainer.h"

#include "models/ensemble_model.h"
#include "models/logistic_regression.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>
#include <stdexcept>

namespace credit::core {
namespace {

// Mean training design row from the pipeline's fitted statistics: numeric features are
// standardised to mean 0, indicators average to the level's share, WoE to the count-weighted
// WoE, missing flags to the missing share.
Eigen::RowVectorXd meanDesignRow(const FeaturePipeline& pipeline)
{
    const auto& attributes = pipeline.attributes();
    auto rowsOf = [](const AttributeStats& a) {
        double n = 0.0;
        for (const std::size_t c : a.levelCount) {
            n += double(c);
        }
        return n;
    };
    double trainRows = 0.0;
    for (const AttributeStats& a : attributes) {
        if (a.type == ColumnType::Categorical) {
            trainRows = std::max(trainRows, rowsOf(a));
        }
    }
    const auto& features = pipeline.features();
    Eigen::RowVectorXd mean = Eigen::RowVectorXd::Zero(Eigen::Index(features.size()));
    for (std::size_t f = 0; f < features.size(); ++f) {
        const AttributeStats& a = attributes[features[f].attribute];
        const double n = rowsOf(a);
        double value = 0.0;
        switch (features[f].kind) {
        case FeatureKind::Numeric:
            break;
        case FeatureKind::Indicator:
            value = n > 0 ? double(a.levelCount[features[f].level]) / n : 0.0;
            break;
        case FeatureKind::Woe:
            for (std::size_t l = 0; l < a.woe.size() && l < a.levelCount.size(); ++l) {
                value += n > 0 ? double(a.levelCount[l]) * a.woe[l] / n : 0.0;
            }
            break;
        case FeatureKind::MissingFlag:
            value = trainRows > 0 ? double(a.missingCount) / trainRows : 0.0;
            break;
        }
        mean[Eigen::Index(f)] = value;
    }
    return mean;
}

// The applicant whose every input is at its imputation value (median / mode), as a design row:
// the reference of models saved without a background sample.
Matrix referenceRow(const FeaturePipeline& pipeline)
{
    std::map<std::string, std::string> values;
    for (const AttributeStats& a : pipeline.attributes()) {
        if (a.origin != AttributeOrigin::Column) {
            continue;
        }
        if (a.type == ColumnType::Categorical) {
            values[a.name] = a.levels.empty() ? std::string() : a.levels[a.mode];
        } else {
            char buffer[64];
            const auto result = std::to_chars(buffer, buffer + sizeof buffer, a.median);
            values[a.name] = std::string(buffer, result.ptr);
        }
    }
    return pipeline.transformOne(values);
}

Contributions withBase(const Explanation& e)
{
    Contributions out(e.contributions.rows(), e.contributions.cols() + 1);
    out.leftCols(e.contributions.cols()) = e.contributions;
    out.col(e.contributions.cols()) = e.base;
    return out;
}

} // namespace

struct AttributeExplainer::Node
{
    const Classifier* classifier = nullptr;
    ExplanationMethod method = ExplanationMethod::TreeShap;
    const EnsembleModel* ensemble = nullptr;
    std::vector<std::unique_ptr<Node>> members;
    std::unique_ptr<InterventionalShapley> shapley;
    Eigen::RowVectorXd meanContribution; ///< Linear: β_j x̄_j per feature
    std::string detail;
};

std::string explanationMethodName(ExplanationMethod method)
{
    switch (method) {
    case ExplanationMethod::Linear:
        return "linear";
    case ExplanationMethod::TreeShap:
        return "treeshap";
    case ExplanationMethod::ShapleyExact:
        return "shapley-exact";
    case ExplanationMethod::ShapleyPermutation:
        return "shapley-permutation";
    case ExplanationMethod::SoftVote:
        return "soft-vote";
    case ExplanationMethod::Stacking:
        return "stacking";
    }
    return "unknown";
}

AttributeExplainer::AttributeExplainer(std::shared_ptr<const TrainedModel> model,
                                       ShapleyParams shapley)
    : m_model(std::move(model))
{
    if (!m_model) {
        throw std::invalid_argument("explainer: no model");
    }
    const FeaturePipeline& pipeline = m_model->pipeline();
    m_featureAttribute = pipeline.featureAttributes();
    m_attributes = pipeline.attributes().size();
    const Matrix mean = meanDesignRow(pipeline).cast<float>();
    const ExplanationBackground& stored = m_model->background();
    const bool haveBackground = !stored.empty();
    if (haveBackground) {
        shapley.seed = stored.seed;
    }

    const auto build = [&](const auto& self, const Classifier& c) -> std::unique_ptr<Node> {
        auto node = std::make_unique<Node>();
        node->classifier = &c;
        if (const auto* ensemble = dynamic_cast<const EnsembleModel*>(&c)) {
            node->ensemble = ensemble;
            node->method =
                ensemble->stacker() ? ExplanationMethod::Stacking : ExplanationMethod::SoftVote;
            std::string parts;
            for (const auto& member : ensemble->members()) {
                node->members.push_back(self(self, *member));
                parts += (parts.empty() ? "" : "; ") + member->algorithm() + ": " +
                         node->members.back()->detail;
            }
            node->detail =
                (ensemble->stacker() ? "the members' contributions through the linear "
                                       "meta-learner (exact) ("
                                     : "the members' contributions combined through "
                                       "probability space (exact sum, approximate Shapley) (") +
                parts + ")";
            return node;
        }
        if (const auto c0 = c.contributions(mean)) {
            if (dynamic_cast<const LogisticRegression*>(&c)) {
                node->method = ExplanationMethod::Linear;
                node->meanContribution = c0->row(0).head(mean.cols());
                node->detail = "linear terms, relative to the average applicant";
            } else {
                node->method = ExplanationMethod::TreeShap;
                node->detail = "TreeSHAP (exact)";
            }
            return node;
        }
        Matrix background = haveBackground ? stored.rows : referenceRow(pipeline);
        const std::string against =
            haveBackground ? "against " + std::to_string(background.rows()) + " training rows"
                           : "against the median/mode applicant (the model file has no "
                             "background sample)";
        node->shapley = std::make_unique<InterventionalShapley>(
            c, std::move(background), m_featureAttribute, m_attributes, shapley);
        if (node->shapley->exact()) {
            node->method = ExplanationMethod::ShapleyExact;
            node->detail = "interventional Shapley values, every coalition, " + against;
        } else {
            node->method = ExplanationMethod::ShapleyPermutation;
            node->detail = "interventional Shapley values, permutation estimate (" +
                           std::to_string(shapley.permutationPairs) + " antithetic pairs) " +
                           against;
            m_estimated = true;
        }
        return node;
    };
    m_root = build(build, m_model->classifier());
    m_detail = m_root->detail;
    m_detail[0] = char(std::toupper(static_cast<unsigned char>(m_detail[0])));
}

AttributeExplainer::~AttributeExplainer() = default;

ExplanationMethod AttributeExplainer::method() const
{
    return m_root->method;
}

Explanation AttributeExplainer::explain(const Matrix& x) const
{
    return explainNode(*m_root, x);
}

Explanation AttributeExplainer::explainNode(const Node& node, const Matrix& x) const
{
    Explanation out;
    const Eigen::Index n = x.rows();
    const Eigen::Index attributes = Eigen::Index(m_attributes);
    if (node.shapley) {
        ShapleyValues v = node.shapley->explain(x);
        out.contributions = std::move(v.values);
        if (node.method == ExplanationMethod::ShapleyPermutation) {
            out.standardError = std::move(v.standardError);
        }
        out.logOdds = std::move(v.logOdds);
    } else if (node.ensemble) {
        std::vector<Contributions> members;
        std::vector<Eigen::MatrixXd> errors;
        bool anyError = false;
        for (const auto& member : node.members) {
            Explanation e = explainNode(*member, x);
            members.push_back(withBase(e));
            anyError = anyError || e.standardError.size() > 0;
            errors.push_back(std::move(e.standardError));
        }
        Eigen::MatrixXd g;
        const Contributions combined = node.ensemble->combineContributions(members, x, &g);
        out.contributions = combined.leftCols(attributes);
        out.logOdds = combined.rowwise().sum();
        if (anyError) {
            Eigen::MatrixXd variance = Eigen::MatrixXd::Zero(n, attributes);
            for (std::size_t m = 0; m < errors.size(); ++m) {
                if (errors[m].size() == 0) {
                    continue;
                }
                variance +=
                    (errors[m].array().square().colwise() * g.col(Eigen::Index(m)).array().square())
                        .matrix();
            }
            out.standardError = variance.cwiseSqrt();
        }
    } else {
        // Exact contributions per feature, summed per attribute.
        const Contributions c = *node.classifier->contributions(x);
        const Vector p = node.classifier->predictProba(x);
        out.contributions = Eigen::MatrixXd::Zero(n, attributes);
        out.logOdds.resize(n);
        const Eigen::Index features = Eigen::Index(m_featureAttribute.size());
        const bool linear = node.method == ExplanationMethod::Linear;
        const double meanTerms = linear ? node.meanContribution.sum() : 0.0;
        for (Eigen::Index r = 0; r < n; ++r) {
            for (Eigen::Index f = 0; f < features; ++f) {
                // Linear terms: βf·xf − βf·x̄f, the mean applicant's term moving into the base.
                const double term = c(r, f) - (linear ? node.meanContribution[f] : 0.0);
                out.contributions(r, Eigen::Index(m_featureAttribute[std::size_t(f)])) += term;
            }
            out.logOdds[r] = probabilityLogOdds(p[r]);
            // XGBoost predicts in single precision: its log-odds differ from the double TreeSHAP
            // sum by ~1e-7. Rescaling the contributions by that ratio (1 ± 1e-6) keeps the base
            // the same for every applicant and the sum equal to the model's own log-odds.
            const double sum = out.contributions.row(r).sum();
            const double target = out.logOdds[r] - (c(r, features) + meanTerms);
            if (std::abs(sum) > 1e-12 && std::abs(target / sum - 1.0) < 1e-3) {
                out.contributions.row(r) *= target / sum;
            }
        }
    }
    out.base = out.logOdds - out.contributions.rowwise().sum();
    return out;
}

} // namespace credit::core
