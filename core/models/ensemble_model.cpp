// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "models/ensemble_model.h"

#include "common/seeded_random.h"
#include "common/stratified_kfold.h"
#include "models/param_binder.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>
#include <stdexcept>

namespace credit::core {
namespace {

constexpr std::uint64_t kFormatVersion = 1;
constexpr double kClip = 1e-6; // probabilities are clipped to [kClip, 1 - kClip] before logit

ParamBinder bindParams(EnsembleParams& p)
{
    ParamBinder b("ensemble");
    b.bind("method", p.method);
    b.bind("members", p.members);
    b.bind("weights", p.weights);
    b.bind("stack_folds", p.stackFolds);
    b.bind("stack_C", p.stackC);
    return b;
}

std::vector<std::string> splitList(const std::string& text)
{
    std::vector<std::string> out;
    std::string item;
    std::istringstream in(text);
    while (std::getline(in, item, ',')) {
        const auto b = item.find_first_not_of(" \t");
        const auto e = item.find_last_not_of(" \t");
        out.push_back(b == std::string::npos ? std::string() : item.substr(b, e - b + 1));
    }
    return out;
}

double logit(double p)
{
    p = std::clamp(p, kClip, 1.0 - kClip);
    return std::log(p / (1.0 - p));
}

Matrix selectRows(const Matrix& x, const std::vector<Eigen::Index>& rows)
{
    Matrix out(Eigen::Index(rows.size()), x.cols());
    for (Eigen::Index j = 0; j < x.cols(); ++j) {
        for (std::size_t i = 0; i < rows.size(); ++i) {
            out(Eigen::Index(i), j) = x(rows[i], j);
        }
    }
    return out;
}

} // namespace

std::vector<std::string> EnsembleParams::memberNames() const
{
    std::vector<std::string> names = splitList(members);
    std::set<std::string> seen;
    for (const std::string& name : names) {
        if (name != "lr" && name != "rf" && name != "gbdt" && name != "svm") {
            throw std::invalid_argument("ensemble: members: '" + name +
                                        "' is not one of lr, rf, gbdt, svm");
        }
        if (!seen.insert(name).second) {
            throw std::invalid_argument("ensemble: members: '" + name + "' appears twice");
        }
    }
    if (names.empty()) {
        throw std::invalid_argument("ensemble: members: at least one member is needed");
    }
    return names;
}

std::vector<std::string> EnsembleParams::validate() const
{
    std::vector<std::string> m;
    if (method != "vote" && method != "stack") {
        m.push_back("method must be \"vote\" or \"stack\"");
    }
    std::size_t count = 0;
    try {
        count = memberNames().size();
    } catch (const std::invalid_argument& e) {
        m.push_back(std::string(e.what()).substr(std::string("ensemble: ").size()));
    }
    if (!weights.empty()) {
        const auto items = splitList(weights);
        double total = 0.0;
        bool ok = items.size() == count;
        for (const std::string& item : items) {
            std::size_t used = 0;
            double w = -1.0;
            try {
                w = std::stod(item, &used);
            } catch (const std::exception&) {
                used = 0;
            }
            ok = ok && used == item.size() && w >= 0.0 && std::isfinite(w);
            total += std::max(w, 0.0);
        }
        if (!ok || !(total > 0.0)) {
            m.push_back("weights must be one non-negative number per member, not all zero");
        }
    }
    if (stackFolds < 2 || stackFolds > 20) {
        m.push_back("stack_folds must be in [2, 20]");
    }
    if (!(stackC > 0.0 && stackC <= 1e12)) {
        m.push_back("stack_C must be in (0, 1e12]");
    }
    return m;
}

EnsembleModel::EnsembleModel()
{
    for (const std::string& name : m_params.memberNames()) {
        m_members.push_back(createClassifier(name));
    }
}

EnsembleModel::~EnsembleModel() = default;

EnsembleModel::EnsembleModel(const EnsembleModel& other)
    : m_params(other.m_params), m_meta(other.m_meta), m_stack(other.m_stack),
      m_fitted(other.m_fitted)
{
    for (const auto& member : other.m_members) {
        m_members.push_back(member->clone());
    }
}

ParamMap EnsembleModel::params() const
{
    EnsembleParams copy = m_params;
    ParamMap out = bindParams(copy).values();
    for (const auto& member : m_members) {
        for (const auto& [name, value] : member->params()) {
            out[member->algorithm() + "." + name] = value;
        }
    }
    return out;
}

void EnsembleModel::setParams(const ParamMap& params)
{
    // Own parameters first (they may change the members), then the prefixed member ones; all
    // on copies so that a failure leaves the model unchanged.
    ParamMap own;
    std::map<std::string, ParamMap> perMember;
    for (const auto& [name, value] : params) {
        const auto dot = name.find('.');
        if (dot == std::string::npos) {
            own[name] = value;
        } else {
            perMember[name.substr(0, dot)][name.substr(dot + 1)] = value;
        }
    }
    EnsembleParams next = m_params;
    bindParams(next).apply(own);
    const std::vector<std::string> names = next.memberNames();
    std::vector<std::unique_ptr<Classifier>> members;
    for (const std::string& name : names) {
        auto member = createClassifier(name);
        for (const auto& old : m_members) {
            if (old->algorithm() == name) {
                member->setParams(old->params());
            }
        }
        members.push_back(std::move(member));
    }
    for (const auto& [prefix, values] : perMember) {
        const auto it = std::find(names.begin(), names.end(), prefix);
        if (it == names.end()) {
            throw std::invalid_argument("ensemble: parameter prefix '" + prefix +
                                        ".' names no member (members: " + next.members + ")");
        }
        members[std::size_t(it - names.begin())]->setParams(values);
    }
    m_params = std::move(next);
    m_members = std::move(members);
    m_fitted = false;
}

std::vector<std::string> EnsembleModel::validate() const
{
    std::vector<std::string> messages = m_params.validate();
    for (const auto& member : m_members) {
        for (const std::string& m : member->validate()) {
            messages.push_back(member->algorithm() + "." + m);
        }
    }
    return messages;
}

std::vector<double> EnsembleModel::voteWeights() const
{
    std::vector<double> w(m_members.size(), 1.0);
    if (!m_params.weights.empty()) {
        const auto items = splitList(m_params.weights);
        for (std::size_t i = 0; i < w.size() && i < items.size(); ++i) {
            w[i] = std::stod(items[i]);
        }
    }
    double total = 0.0;
    for (double v : w) {
        total += v;
    }
    for (double& v : w) {
        v /= total;
    }
    return w;
}

void EnsembleModel::fit(const Matrix& x, const std::vector<std::uint8_t>& y,
                        const FitOptions& options)
{
    checkTrainingData("ensemble", x, y);
    if (const auto messages = validate(); !messages.empty()) {
        throw std::invalid_argument("ensemble: " + messages.front());
    }
    const bool stack = m_params.method == "stack";
    const std::size_t k = std::size_t(m_params.stackFolds);
    const std::size_t m = m_members.size();
    const std::size_t units = stack ? m * (k + 1) : m;
    std::size_t unit = 0;

    // Fits a fresh copy of member `i` on (xs, ys), forwarding progress as overall fraction.
    auto fitMember = [&](std::size_t i, const Matrix& xs, const std::vector<std::uint8_t>& ys,
                         std::uint64_t seed) {
        std::unique_ptr<Classifier> model = createClassifier(m_members[i]->algorithm());
        model->setParams(m_members[i]->params());
        FitOptions memberOptions = options;
        memberOptions.seed = seed;
        const std::size_t current = unit;
        if (options.progress) {
            const std::string stage = "ensemble: " + model->algorithm();
            memberOptions.progress = [&options, current, units, stage](const ProgressEvent& e) {
                ProgressEvent forwarded = e;
                forwarded.stage = stage;
                forwarded.fraction = (double(current) + e.fraction) / double(units);
                return options.progress(forwarded);
            };
        }
        reportOrCancel(options, "ensemble", double(unit) / double(units), unit, units);
        model->fit(xs, ys, memberOptions);
        ++unit;
        return model;
    };

    LogisticRegression meta;
    if (stack) {
        // The engine's stratified k-fold (common/), one repeat, its own child seed.
        const FoldPlan plan =
            StratifiedKFold({k, 1, SeededRandom::deriveSeed(options.seed, "stack-folds")}).split(y);
        const std::vector<std::uint32_t>& fold = plan.foldOfRow.front();
        Matrix oof(x.rows(), Eigen::Index(m));
        for (std::size_t f = 0; f < k; ++f) {
            std::vector<Eigen::Index> inRows;
            std::vector<Eigen::Index> outRows;
            std::vector<std::uint8_t> inLabels;
            for (std::size_t r = 0; r < y.size(); ++r) {
                if (fold[r] == f) {
                    outRows.push_back(Eigen::Index(r));
                } else {
                    inRows.push_back(Eigen::Index(r));
                    inLabels.push_back(y[r]);
                }
            }
            const Matrix xin = selectRows(x, inRows);
            const Matrix xout = selectRows(x, outRows);
            for (std::size_t i = 0; i < m; ++i) {
                const auto model =
                    fitMember(i, xin, inLabels,
                              SeededRandom::deriveSeed(options.seed, "stack-member", f * m + i));
                const Vector p = model->predictProba(xout);
                for (std::size_t r = 0; r < outRows.size(); ++r) {
                    oof(outRows[r], Eigen::Index(i)) = logit(p[Eigen::Index(r)]);
                }
            }
        }
        LogisticRegressionParams metaParams;
        metaParams.c = m_params.stackC;
        meta.setTypedParams(metaParams);
        FitOptions metaOptions;
        metaOptions.seed = options.seed;
        for (const auto& member : m_members) {
            metaOptions.featureNames.push_back(member->algorithm());
        }
        meta.fit(oof, y, metaOptions);
    }
    std::vector<std::unique_ptr<Classifier>> fitted;
    for (std::size_t i = 0; i < m; ++i) {
        fitted.push_back(fitMember(i, x, y, SeededRandom::deriveSeed(options.seed, "member", i)));
    }
    reportOrCancel(options, "ensemble", 1.0, units, units);
    m_members = std::move(fitted);
    m_meta = std::move(meta);
    m_stack = stack;
    m_fitted = true;
}

std::vector<Vector> EnsembleModel::memberProbabilities(const Matrix& x) const
{
    if (!m_fitted) {
        throw std::logic_error("ensemble: the model is not fitted");
    }
    std::vector<Vector> p;
    p.reserve(m_members.size());
    for (const auto& member : m_members) {
        p.push_back(member->predictProba(x));
    }
    return p;
}

Matrix EnsembleModel::logitColumns(const std::vector<Vector>& p)
{
    const Eigen::Index rows = p.empty() ? 0 : p.front().size();
    Matrix out(rows, Eigen::Index(p.size()));
    for (std::size_t i = 0; i < p.size(); ++i) {
        for (Eigen::Index r = 0; r < rows; ++r) {
            out(r, Eigen::Index(i)) = float(logit(p[i][r]));
        }
    }
    return out;
}

Vector EnsembleModel::fromMembers(const std::vector<Vector>& p) const
{
    if (m_stack) {
        return m_meta.predictProba(logitColumns(p));
    }
    const std::vector<double> w = voteWeights();
    Vector out = Vector::Zero(p.empty() ? 0 : p.front().size());
    for (std::size_t i = 0; i < p.size(); ++i) {
        out += w[i] * p[i];
    }
    return out.cwiseMax(0.0).cwiseMin(1.0);
}

Vector EnsembleModel::predictProba(const Matrix& x) const
{
    return fromMembers(memberProbabilities(x));
}

std::optional<Contributions> EnsembleModel::contributions(const Matrix& x) const
{
    if (!m_fitted) {
        throw std::logic_error("ensemble: the model is not fitted");
    }
    std::vector<Contributions> members;
    for (const auto& member : m_members) {
        auto c = member->contributions(x);
        if (!c) {
            return std::nullopt;
        }
        members.push_back(std::move(*c));
    }
    return combineContributions(members, x);
}

Contributions EnsembleModel::combineContributions(const std::vector<Contributions>& members,
                                                  const Matrix& x,
                                                  Eigen::MatrixXd* memberWeights) const
{
    if (members.size() != m_members.size()) {
        throw std::invalid_argument("ensemble: one set of contributions per member is needed");
    }
    const Eigen::Index n = x.rows();
    const Eigen::Index k = members.front().cols() - 1;
    for (const Contributions& c : members) {
        if (c.rows() != n || c.cols() != k + 1 || k < 0) {
            throw std::invalid_argument("ensemble: member contributions of different shapes");
        }
    }
    const std::vector<Vector> p = memberProbabilities(x);
    const Vector ensemble = fromMembers(p);
    const Matrix logits = m_stack ? logitColumns(p) : Matrix();
    const std::vector<double> w = voteWeights();
    const std::size_t m = members.size();
    constexpr double kTiny = 1e-12;
    Contributions out = Contributions::Zero(n, k + 1);
    Eigen::MatrixXd g(n, Eigen::Index(m));
    for (Eigen::Index r = 0; r < n; ++r) {
        const double L = probabilityLogOdds(ensemble[r]);
        if (m_stack) {
            // Linear in the member logits: each member's change from its base, times β_m.
            for (std::size_t i = 0; i < m; ++i) {
                const double base = members[i](r, k);
                const double change = members[i].row(r).head(k).sum();
                const double beta = m_meta.coefficients()[Eigen::Index(i)];
                const double seen = double(logits(r, Eigen::Index(i))) - base;
                g(r, Eigen::Index(i)) = std::abs(change) > kTiny ? beta * seen / change : beta;
            }
        } else {
            // Probability space: P0 = Σ w σ(base_m), then back to log-odds by the secant slope.
            double p0 = 0.0;
            double moved = 0.0;
            for (std::size_t i = 0; i < m; ++i) {
                const double q = 1.0 / (1.0 + std::exp(-members[i](r, k)));
                const double change = members[i].row(r).head(k).sum();
                const double dp = p[i][r] - q;
                p0 += w[i] * q;
                moved += w[i] * dp;
                g(r, Eigen::Index(i)) =
                    w[i] * (std::abs(change) > kTiny ? dp / change : q * (1.0 - q));
            }
            p0 = std::clamp(p0, 1e-15, 1.0 - 1e-15);
            const double l0 = probabilityLogOdds(p0);
            const double slope =
                std::abs(moved) > kTiny ? (L - l0) / moved : 1.0 / (p0 * (1.0 - p0));
            g.row(r) *= slope;
        }
        for (std::size_t i = 0; i < m; ++i) {
            out.row(r).head(k) += g(r, Eigen::Index(i)) * members[i].row(r).head(k);
        }
        out(r, k) = L - out.row(r).head(k).sum();
    }
    if (memberWeights) {
        *memberWeights = std::move(g);
    }
    return out;
}

std::unique_ptr<Classifier> EnsembleModel::clone() const
{
    return std::make_unique<EnsembleModel>(*this);
}

void EnsembleModel::save(std::ostream& out) const
{
    BinaryWriter w(out);
    writeModelStart(w, *this, kFormatVersion);
    w.flag(m_fitted);
    if (m_fitted) {
        w.flag(m_stack);
        for (const auto& member : m_members) {
            std::ostringstream buffer;
            member->save(buffer);
            w.string(buffer.str());
        }
        if (m_stack) {
            std::ostringstream buffer;
            m_meta.save(buffer);
            w.string(buffer.str());
        }
    }
    if (!out) {
        throw std::runtime_error("ensemble: could not write the model");
    }
}

void EnsembleModel::load(std::istream& in)
{
    BinaryReader r(in, "ensemble model");
    EnsembleModel loaded;
    readModelStart(r, loaded, kFormatVersion);
    loaded.m_fitted = r.flag();
    if (loaded.m_fitted) {
        loaded.m_stack = r.flag();
        for (auto& member : loaded.m_members) {
            std::istringstream buffer(r.string());
            member->load(buffer);
        }
        if (loaded.m_stack) {
            std::istringstream buffer(r.string());
            loaded.m_meta.load(buffer);
            if (loaded.m_meta.coefficients().size() != Eigen::Index(loaded.m_members.size())) {
                r.fail("the stacker does not match the members");
            }
        }
    }
    m_params = loaded.m_params;
    m_members = std::move(loaded.m_members);
    m_meta = std::move(loaded.m_meta);
    m_stack = loaded.m_stack;
    m_fitted = loaded.m_fitted;
}

} // namespace credit::core
