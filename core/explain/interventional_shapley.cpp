// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "explain/interventional_shapley.h"

#include "common/seeded_random.h"
#include "models/svm_model.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

namespace credit::core {
namespace {

Eigen::VectorXd logOddsOf(const Vector& p)
{
    Eigen::VectorXd out(p.size());
    for (Eigen::Index i = 0; i < p.size(); ++i) {
        out[i] = probabilityLogOdds(p[i]);
    }
    return out;
}

} // namespace

/// Precomputed kernel factors of the SVM walk (see the class comment).
struct InterventionalShapley::RbfWalk
{
    const SvmModel::RbfExpansion* machine = nullptr;
    Eigen::MatrixXd start; ///< support vectors × background rows: k(b, s)
    /// Per background row, support vectors × attributes: exp(γ|b_a − s_a|²).
    std::vector<Eigen::MatrixXd> back;
};

InterventionalShapley::InterventionalShapley(const Classifier& model, Matrix background,
                                             const std::vector<std::size_t>& featureAttribute,
                                             std::size_t attributes, ShapleyParams params)
    : m_model(model), m_background(std::move(background)), m_attributes(attributes)
{
    if (m_background.rows() == 0) {
        throw std::invalid_argument("Shapley values: the background sample is empty");
    }
    if (std::size_t(m_background.cols()) != featureAttribute.size()) {
        throw std::invalid_argument("Shapley values: the background has " +
                                    std::to_string(m_background.cols()) + " features, not " +
                                    std::to_string(featureAttribute.size()));
    }
    if (params.exactMaxAttributes < 1 || params.exactMaxAttributes > 16 ||
        params.permutationPairs < 2) {
        throw std::invalid_argument("Shapley values: exactMaxAttributes must be in [1, 16] and "
                                    "permutationPairs at least 2");
    }
    m_columns.resize(attributes);
    for (std::size_t f = 0; f < featureAttribute.size(); ++f) {
        if (featureAttribute[f] >= attributes) {
            throw std::invalid_argument("Shapley values: a feature maps to no attribute");
        }
        m_columns[featureAttribute[f]].push_back(Eigen::Index(f));
    }
    m_exact = attributes <= params.exactMaxAttributes;
    m_backgroundLogOdds = logOddsOf(m_model.predictProba(m_background));
    const Eigen::Index rows = m_background.rows();
    if (m_exact) {
        m_base = m_backgroundLogOdds.mean();
        return;
    }
    // The orders are drawn once: the same for every applicant, whatever the thread.
    SeededRandom random(SeededRandom::deriveSeed(params.seed, "shapley-orders"));
    m_orders.resize(params.permutationPairs);
    double baseSum = 0.0;
    for (std::size_t k = 0; k < m_orders.size(); ++k) {
        m_orders[k].resize(attributes);
        std::iota(m_orders[k].begin(), m_orders[k].end(), std::size_t(0));
        random.shuffle(m_orders[k]);
        baseSum += m_backgroundLogOdds[Eigen::Index(k) % rows];
    }
    m_base = baseSum / double(m_orders.size());

    const auto* svm = dynamic_cast<const SvmModel*>(&m_model);
    if (!params.useModelStructure || !svm) {
        return;
    }
    auto walk = std::make_shared<RbfWalk>();
    const SvmModel::RbfExpansion& e = svm->expansion();
    walk->machine = &e;
    const Eigen::Index vectors = e.vectors.rows();
    walk->start.resize(vectors, rows);
    double largest = 0.0;
    for (Eigen::Index b = 0; b < rows; ++b) {
        Eigen::MatrixXd squared = Eigen::MatrixXd::Zero(vectors, Eigen::Index(attributes));
        for (std::size_t a = 0; a < attributes; ++a) {
            for (const Eigen::Index col : m_columns[a]) {
                squared.col(Eigen::Index(a)).array() +=
                    (e.vectors.col(col).array() - double(m_background(b, col))).square();
            }
        }
        largest = std::max(largest, e.gamma * squared.maxCoeff());
        walk->start.col(b) = (-e.gamma * squared.rowwise().sum()).array().exp().matrix();
        walk->back.push_back((e.gamma * squared).array().exp().matrix());
    }
    // exp(γ|b_a − s_a|²) must stay far from overflow (a very large gamma or an outlier):
    // otherwise every coalition is predicted.
    if (largest < 300.0) {
        m_rbf = std::move(walk);
    }
}

ShapleyValues InterventionalShapley::explain(const Matrix& x) const
{
    if (x.cols() != m_background.cols()) {
        throw std::invalid_argument("Shapley values: expected " +
                                    std::to_string(m_background.cols()) + " features, got " +
                                    std::to_string(x.cols()));
    }
    ShapleyValues out;
    out.values = Eigen::MatrixXd::Zero(x.rows(), Eigen::Index(m_attributes));
    out.standardError = Eigen::MatrixXd::Zero(x.rows(), Eigen::Index(m_attributes));
    out.logOdds.resize(x.rows());
    out.base = m_base;
    for (Eigen::Index r = 0; r < x.rows(); ++r) {
        if (m_exact) {
            explainExact(x, r, out);
        } else {
            explainSampled(x, r, out);
        }
    }
    return out;
}

void InterventionalShapley::explainExact(const Matrix& x, Eigen::Index row,
                                         ShapleyValues& out) const
{
    const std::size_t d = m_attributes;
    const std::size_t coalitions = std::size_t(1) << d;
    const Eigen::Index b = m_background.rows();
    // Rows: every coalition strictly between empty and full, for every background row, then x.
    const Eigen::Index inner = Eigen::Index(coalitions > 2 ? coalitions - 2 : 0);
    Matrix z(inner * b + 1, x.cols());
    for (std::size_t a = 0; a < d; ++a) {
        for (const Eigen::Index col : m_columns[a]) {
            for (Eigen::Index s = 0; s < inner; ++s) {
                const bool fromX = ((std::size_t(s) + 1) >> a) & 1U;
                for (Eigen::Index i = 0; i < b; ++i) {
                    z(s * b + i, col) = fromX ? x(row, col) : m_background(i, col);
                }
            }
            z(inner * b, col) = x(row, col);
        }
    }
    const Eigen::VectorXd f = logOddsOf(m_model.predictProba(z));
    std::vector<double> value(coalitions);
    value[0] = m_base;
    value[coalitions - 1] = f[inner * b];
    for (Eigen::Index s = 0; s < inner; ++s) {
        value[std::size_t(s) + 1] = f.segment(s * b, b).mean();
    }
    // Shapley weights |S|! (d − |S| − 1)! / d!, by the recurrence w(s + 1) = w(s)·(s+1)/(d−s−1).
    std::vector<double> weight(d);
    weight[0] = 1.0 / double(d);
    for (std::size_t s = 0; s + 1 < d; ++s) {
        weight[s + 1] = weight[s] * double(s + 1) / double(d - s - 1);
    }
    for (std::size_t a = 0; a < d; ++a) {
        const std::size_t bit = std::size_t(1) << a;
        double phi = 0.0;
        for (std::size_t s = 0; s < coalitions; ++s) {
            if (s & bit) {
                continue;
            }
            phi += weight[std::size_t(std::popcount(s))] * (value[s | bit] - value[s]);
        }
        out.values(row, Eigen::Index(a)) = phi;
    }
    out.logOdds[row] = value[coalitions - 1];
}

Eigen::VectorXd InterventionalShapley::walkByPrediction(const Matrix& x, Eigen::Index row) const
{
    const std::size_t d = m_attributes;
    const std::size_t pairs = m_orders.size();
    const Eigen::Index b = m_background.rows();
    // Walk w = 2k + direction; its step t (0 … d − 2) holds the first t + 1 attributes of the
    // order (reversed for direction 1) from x.
    const Eigen::Index steps = Eigen::Index(d) - 1;
    const Eigen::Index walks = Eigen::Index(2 * pairs);
    Matrix z(walks * steps, x.cols());
    std::vector<std::size_t> position(d);
    for (std::size_t k = 0; k < pairs; ++k) {
        for (std::size_t t = 0; t < d; ++t) {
            position[m_orders[k][t]] = t;
        }
        const Eigen::Index from = Eigen::Index(k) % b;
        for (std::size_t a = 0; a < d; ++a) {
            const std::size_t forward = position[a];
            const std::size_t backward = d - 1 - position[a];
            for (const Eigen::Index col : m_columns[a]) {
                const float own = x(row, col);
                const float other = m_background(from, col);
                float* first = &z(Eigen::Index(2 * k) * steps, col);
                float* second = &z(Eigen::Index(2 * k + 1) * steps, col);
                for (Eigen::Index t = 0; t < steps; ++t) {
                    first[t] = std::size_t(t) >= forward ? own : other;
                    second[t] = std::size_t(t) >= backward ? own : other;
                }
            }
        }
    }
    return logOddsOf(m_model.predictProba(z));
}

Eigen::VectorXd InterventionalShapley::walkByKernel(const Matrix& x, Eigen::Index row) const
{
    const std::size_t d = m_attributes;
    const std::size_t pairs = m_orders.size();
    const Eigen::Index b = m_background.rows();
    const Eigen::Index steps = Eigen::Index(d) - 1;
    const SvmModel::RbfExpansion& e = *m_rbf->machine;
    // exp(−γ|x_a − s_a|²) per support vector and attribute: times the background row's
    // exp(γ|b_a − s_a|²), the factor that turns k(z, s) into k(z with x's attribute a, s).
    Eigen::MatrixXd own = Eigen::MatrixXd::Zero(e.vectors.rows(), Eigen::Index(d));
    for (std::size_t a = 0; a < d; ++a) {
        for (const Eigen::Index col : m_columns[a]) {
            own.col(Eigen::Index(a)).array() +=
                (e.vectors.col(col).array() - double(x(row, col))).square();
        }
    }
    own = (-e.gamma * own).array().exp().matrix();
    Eigen::VectorXd out(Eigen::Index(2 * pairs) * steps);
    Eigen::ArrayXd kernel;
    for (std::size_t k = 0; k < pairs; ++k) {
        const Eigen::Index from = Eigen::Index(k) % b;
        const Eigen::MatrixXd& back = m_rbf->back[std::size_t(from)];
        for (int direction = 0; direction < 2; ++direction) {
            kernel = m_rbf->start.col(from).array();
            const Eigen::Index offset = Eigen::Index(2 * k + std::size_t(direction)) * steps;
            for (Eigen::Index t = 0; t < steps; ++t) {
                const std::size_t a = direction == 0 ? m_orders[k][std::size_t(t)]
                                                     : m_orders[k][d - 1 - std::size_t(t)];
                kernel *= own.col(Eigen::Index(a)).array() * back.col(Eigen::Index(a)).array();
                const double value = (kernel * e.weights.array()).sum() - e.bias;
                out[offset + t] = probabilityLogOdds(
                    std::clamp(1.0 / (1.0 + std::exp(e.plattA * value + e.plattB)), 0.0, 1.0));
            }
        }
    }
    return out;
}

void InterventionalShapley::explainSampled(const Matrix& x, Eigen::Index row,
                                           ShapleyValues& out) const
{
    const std::size_t d = m_attributes;
    const std::size_t pairs = m_orders.size();
    const Eigen::Index b = m_background.rows();
    const Eigen::Index steps = Eigen::Index(d) - 1;
    const Eigen::VectorXd f = m_rbf ? walkByKernel(x, row) : walkByPrediction(x, row);
    // Every walk ends at the model's own prediction of x.
    const double full = probabilityLogOdds(m_model.predictProba(x.middleRows(row, 1))[0]);

    Eigen::VectorXd mean = Eigen::VectorXd::Zero(Eigen::Index(d));
    Eigen::VectorXd squares = Eigen::VectorXd::Zero(Eigen::Index(d));
    Eigen::VectorXd pair = Eigen::VectorXd::Zero(Eigen::Index(d));
    for (std::size_t k = 0; k < pairs; ++k) {
        pair.setZero();
        const double start = m_backgroundLogOdds[Eigen::Index(k) % b];
        for (int direction = 0; direction < 2; ++direction) {
            const Eigen::Index offset = Eigen::Index(2 * k + std::size_t(direction)) * steps;
            double previous = start;
            for (std::size_t t = 0; t < d; ++t) {
                const std::size_t a = direction == 0 ? m_orders[k][t] : m_orders[k][d - 1 - t];
                const double current = t + 1 < d ? f[offset + Eigen::Index(t)] : full;
                pair[Eigen::Index(a)] += 0.5 * (current - previous);
                previous = current;
            }
        }
        // Welford's update of the mean and the sum of squared deviations.
        const Eigen::VectorXd delta = pair - mean;
        mean += delta / double(k + 1);
        squares += delta.cwiseProduct(pair - mean);
    }
    out.values.row(row) = mean.transpose();
    out.standardError.row(row) =
        (squares / (double(pairs - 1) * double(pairs))).cwiseSqrt().transpose();
    out.logOdds[row] = full;
}

} // namespace credit::core
