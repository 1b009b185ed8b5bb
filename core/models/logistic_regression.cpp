// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "models/logistic_regression.h"

#include "models/param_binder.h"

#include <Eigen/Cholesky>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <stdexcept>
#include <thread>

namespace credit::core {
namespace {

constexpr std::uint64_t kFormatVersion = 1;
// Rows per work unit: partial sums are kept per unit and added in unit order, which makes the
// fit independent of the thread count. Rows per rank update inside a unit: large enough for
// Eigen's blocked kernel, small enough for the weighted block to stay in cache.
constexpr Eigen::Index kUnitRows = 16384;
constexpr Eigen::Index kBlockRows = 512;
constexpr int kMaxHalvings = 30;

ParamBinder bindParams(LogisticRegressionParams& p)
{
    ParamBinder b("lr");
    b.bind("C", p.c);
    b.bind("max_iter", p.maxIterations);
    b.bind("tol", p.tolerance);
    return b;
}

double softplus(double eta)
{
    return std::max(eta, 0.0) + std::log1p(std::exp(-std::abs(eta)));
}

double sigmoid(double eta)
{
    if (eta >= 0.0) {
        return 1.0 / (1.0 + std::exp(-eta));
    }
    const double e = std::exp(eta);
    return e / (1.0 + e);
}

// Negative log-likelihood, its gradient and X̃ᵀWX̃ (lower triangle) at (beta, b).
struct Pass
{
    double loss = 0.0;
    Vector gradient;
    Eigen::MatrixXd hessian;
};

void accumulateUnit(const Matrix& x, const std::vector<std::uint8_t>& y, const Vector& beta,
                    double b, Eigen::Index begin, Eigen::Index end, Pass& out)
{
    const Eigen::Index p = x.cols();
    out.loss = 0.0;
    out.gradient = Vector::Zero(p + 1);
    out.hessian = Eigen::MatrixXd::Zero(p + 1, p + 1);
    Eigen::MatrixXd weighted(kBlockRows, p + 1);
    Eigen::MatrixXd block(kBlockRows, p); // the single-precision rows, widened
    Vector eta(kBlockRows);
    Vector residual(kBlockRows);
    for (Eigen::Index start = begin; start < end; start += kBlockRows) {
        const Eigen::Index k = std::min(kBlockRows, end - start);
        block.topRows(k) = x.middleRows(start, k).cast<double>();
        const auto xb = block.topRows(k);
        eta.head(k).noalias() = xb * beta;
        for (Eigen::Index i = 0; i < k; ++i) {
            const double e = eta[i] + b;
            const double label = double(y[std::size_t(start + i)]);
            const double prob = sigmoid(e);
            out.loss += softplus(e) - label * e;
            residual[i] = prob - label;
            // Clamp the weight away from 0 so fully separated rows keep H positive definite.
            weighted(i, p) = std::sqrt(std::max(prob * (1.0 - prob), 1e-12));
        }
        out.gradient.head(p).noalias() += xb.transpose() * residual.head(k);
        out.gradient[p] += residual.head(k).sum();
        weighted.topLeftCorner(k, p).noalias() = weighted.col(p).head(k).asDiagonal() * xb;
        out.hessian.selfadjointView<Eigen::Lower>().rankUpdate(weighted.topRows(k).transpose());
    }
}

Pass fullPass(const Matrix& x, const std::vector<std::uint8_t>& y, const Vector& beta, double b,
              int threads)
{
    const Eigen::Index n = x.rows();
    const Eigen::Index units = (n + kUnitRows - 1) / kUnitRows;
    std::vector<Pass> partial(static_cast<std::size_t>(units));
    std::atomic<Eigen::Index> next{0};
    auto work = [&] {
        for (Eigen::Index u = next++; u < units; u = next++) {
            accumulateUnit(x, y, beta, b, u * kUnitRows, std::min(n, (u + 1) * kUnitRows),
                           partial[std::size_t(u)]);
        }
    };
    const int workers = int(std::min<Eigen::Index>(std::max(threads, 1), units));
    std::vector<std::thread> pool;
    for (int t = 1; t < workers; ++t) {
        pool.emplace_back(work);
    }
    work();
    for (std::thread& t : pool) {
        t.join();
    }
    Pass total = std::move(partial.front());
    for (std::size_t u = 1; u < partial.size(); ++u) {
        total.loss += partial[u].loss;
        total.gradient += partial[u].gradient;
        total.hessian.triangularView<Eigen::Lower>() += partial[u].hessian;
    }
    return total;
}

} // namespace

std::vector<std::string> LogisticRegressionParams::validate() const
{
    std::vector<std::string> messages;
    if (!(c > 0.0 && c <= 1e12)) {
        messages.push_back("C must be in (0, 1e12]");
    }
    if (maxIterations < 1 || maxIterations > 1000) {
        messages.push_back("max_iter must be in [1, 1000]");
    }
    if (!(tolerance > 0.0 && tolerance <= 0.1)) {
        messages.push_back("tol must be in (0, 0.1]");
    }
    return messages;
}

ParamMap LogisticRegression::params() const
{
    LogisticRegressionParams copy = m_params;
    return bindParams(copy).values();
}

void LogisticRegression::setParams(const ParamMap& params)
{
    bindParams(m_params).apply(params);
}

void LogisticRegression::fit(const Matrix& x, const std::vector<std::uint8_t>& y,
                             const FitOptions& options)
{
    checkTrainingData("lr", x, y);
    if (const auto messages = validate(); !messages.empty()) {
        throw std::invalid_argument("lr: " + messages.front());
    }
    const Eigen::Index p = x.cols();
    const double lambda = 1.0 / m_params.c;
    double positives = 0.0;
    for (std::uint8_t v : y) {
        positives += v;
    }
    const double rate = positives / double(y.size());
    Vector beta = Vector::Zero(p);
    double b = std::log(rate / (1.0 - rate)); // the intercept-only optimum
    auto objective = [&](const Pass& pass, const Vector& slopes) {
        return pass.loss + 0.5 * lambda * slopes.squaredNorm();
    };
    // Penalised Hessian as a full symmetric matrix (the pass fills only the lower triangle).
    auto penalised = [&](const Pass& pass) {
        Eigen::MatrixXd h = pass.hessian.selfadjointView<Eigen::Lower>();
        h.diagonal().head(p).array() += lambda;
        return h;
    };

    // Each pass yields the objective, gradient and Hessian at the current point. Convergence
    // is judged by the Newton decrement gᵀH⁻¹g / 2, the objective decrease the next step
    // promises, so the converged point needs no confirming pass; its Hessian gives the errors.
    Pass current = fullPass(x, y, beta, b, options.threads);
    double value = objective(current, beta);
    bool converged = false;
    int iteration = 0;
    Eigen::MatrixXd h;
    while (!converged) {
        reportOrCancel(options, "lr", double(iteration) / double(m_params.maxIterations),
                       std::size_t(iteration), std::size_t(m_params.maxIterations));
        Vector gradient = current.gradient;
        gradient.head(p) += lambda * beta;
        h = penalised(current);
        Vector step;
        Eigen::LLT<Eigen::MatrixXd> llt(h);
        if (llt.info() == Eigen::Success) {
            step = llt.solve(gradient);
        } else {
            step = h.ldlt().solve(gradient);
        }
        const double decrement = 0.5 * gradient.dot(step);
        if (decrement < m_params.tolerance * (std::abs(value) + 0.1)) {
            // Take the last (tiny) step without re-evaluating.
            beta -= step.head(p);
            b -= step[p];
            converged = true;
            break;
        }
        if (iteration == m_params.maxIterations) {
            break;
        }
        ++iteration;
        double t = 1.0;
        for (int halving = 0;; ++halving) {
            const Vector nextBeta = beta - t * step.head(p);
            const double nextB = b - t * step[p];
            Pass next = fullPass(x, y, nextBeta, nextB, options.threads);
            const double nextValue = objective(next, nextBeta);
            if (nextValue <= value + 1e-12 * std::abs(value) || halving == kMaxHalvings) {
                beta = nextBeta;
                b = nextB;
                value = nextValue;
                current = std::move(next);
                break;
            }
            t *= 0.5;
        }
    }

    reportOrCancel(options, "lr", 1.0, std::size_t(iteration), std::size_t(iteration));
    Eigen::LDLT<Eigen::MatrixXd> ldlt(h);
    const Eigen::MatrixXd covariance = ldlt.solve(Eigen::MatrixXd::Identity(p + 1, p + 1));
    m_standardErrors = covariance.diagonal().cwiseMax(0.0).cwiseSqrt();
    m_beta = std::move(beta);
    m_intercept = b;
    m_iterations = iteration;
    m_converged = converged;
    m_names = options.featureNames;
    if (m_names.size() != std::size_t(p)) {
        m_names.clear();
        for (Eigen::Index j = 0; j < p; ++j) {
            m_names.push_back("x" + std::to_string(j + 1));
        }
    }
    m_fitted = true;
}

void LogisticRegression::checkFitted(const Matrix& x) const
{
    if (!m_fitted) {
        throw std::logic_error("lr: the model is not fitted");
    }
    if (x.cols() != m_beta.size()) {
        throw std::invalid_argument("lr: expected " + std::to_string(m_beta.size()) +
                                    " features, got " + std::to_string(x.cols()));
    }
}

Vector LogisticRegression::decisionFunction(const Matrix& x) const
{
    checkFitted(x);
    // In double, a block of rows at a time (no double copy of a large X).
    Vector eta(x.rows());
    Eigen::MatrixXd block;
    for (Eigen::Index start = 0; start < x.rows(); start += kBlockRows) {
        const Eigen::Index k = std::min(kBlockRows, x.rows() - start);
        block = x.middleRows(start, k).cast<double>();
        eta.segment(start, k).noalias() = block * m_beta;
    }
    eta.array() += m_intercept;
    return eta;
}

Vector LogisticRegression::predictProba(const Matrix& x) const
{
    Vector eta = decisionFunction(x);
    for (Eigen::Index i = 0; i < eta.size(); ++i) {
        eta[i] = sigmoid(eta[i]);
    }
    return eta;
}

std::optional<Contributions> LogisticRegression::contributions(const Matrix& x) const
{
    checkFitted(x);
    Contributions out(x.rows(), x.cols() + 1);
    out.leftCols(x.cols()) = x.cast<double>() * m_beta.asDiagonal();
    out.col(x.cols()).setConstant(m_intercept);
    return out;
}

std::vector<CoefficientRow> LogisticRegression::coefficientTable() const
{
    std::vector<CoefficientRow> rows;
    if (!m_fitted) {
        return rows;
    }
    const Eigen::Index p = m_beta.size();
    auto row = [&](const std::string& name, double estimate, double se) {
        CoefficientRow r;
        r.name = name;
        r.estimate = estimate;
        r.standardError = se;
        r.z = se > 0.0 ? estimate / se : 0.0;
        r.pValue = std::erfc(std::abs(r.z) / std::sqrt(2.0));
        r.oddsRatio = std::exp(estimate);
        return r;
    };
    rows.push_back(row("(intercept)", m_intercept, m_standardErrors[p]));
    for (Eigen::Index j = 0; j < p; ++j) {
        rows.push_back(row(m_names[std::size_t(j)], m_beta[j], m_standardErrors[j]));
    }
    return rows;
}

std::unique_ptr<Classifier> LogisticRegression::clone() const
{
    return std::make_unique<LogisticRegression>(*this);
}

void LogisticRegression::save(std::ostream& out) const
{
    BinaryWriter w(out);
    writeModelStart(w, *this, kFormatVersion);
    w.flag(m_fitted);
    if (m_fitted) {
        w.podVector(std::vector<double>(m_beta.data(), m_beta.data() + m_beta.size()));
        w.f64(m_intercept);
        w.podVector(std::vector<double>(m_standardErrors.data(),
                                        m_standardErrors.data() + m_standardErrors.size()));
        w.strings(m_names);
        w.pod(std::int64_t(m_iterations));
        w.flag(m_converged);
    }
    if (!out) {
        throw std::runtime_error("lr: could not write the model");
    }
}

void LogisticRegression::load(std::istream& in)
{
    BinaryReader r(in, "logistic regression model");
    LogisticRegression loaded;
    readModelStart(r, loaded, kFormatVersion);
    loaded.m_fitted = r.flag();
    if (loaded.m_fitted) {
        const auto beta = r.podVector<double>();
        loaded.m_intercept = r.f64();
        const auto se = r.podVector<double>();
        loaded.m_names = r.strings();
        loaded.m_iterations = int(r.pod<std::int64_t>());
        loaded.m_converged = r.flag();
        if (beta.empty() || se.size() != beta.size() + 1 || loaded.m_names.size() != beta.size()) {
            r.fail("inconsistent coefficient sizes");
        }
        loaded.m_beta = Eigen::Map<const Vector>(beta.data(), Eigen::Index(beta.size()));
        loaded.m_standardErrors = Eigen::Map<const Vector>(se.data(), Eigen::Index(se.size()));
    }
    *this = std::move(loaded);
}

} // namespace credit::core
