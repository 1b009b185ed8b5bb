// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "models/xgboost_model.h"

#include "common/seeded_random.h"
#include "common/stratified_kfold.h"
#include "models/param_binder.h"
#include "models/tree_shap.h"
#include "models/xgboost_matrix.h"

#include <xgboost/c_api.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace credit::core {
namespace {

using xgb::check;
using xgb::denseInterface;
using xgb::DMatrix;
using xgb::plainDMatrix;
using xgb::trainingDMatrix;

// 2: adds the zero-is-missing mask of the indicator columns; 1 is read as "no mask".
constexpr std::uint64_t kFormatVersion = 2;
constexpr std::uint64_t kOldestFormat = 1;
constexpr Eigen::Index kParallelRows = 256; // smaller batches are predicted on one thread
constexpr Eigen::Index kOwnWalkRows = 16;    // smaller batches: TreeShap::margin, not XGBoost
constexpr std::int64_t kForestChunk = 25;   // trees grown per call at most (cancel checks)

// The largest divisor of `trees` that is at most kForestChunk: every round of a forest grows
// the same number of parallel trees (XGBoost 1.7 counts rounds as trees / num_parallel_tree).
std::int64_t forestChunk(std::int64_t trees)
{
    for (std::int64_t c = std::min(trees, kForestChunk); c > 1; --c) {
        if (trees % c == 0) {
            return c;
        }
    }
    return 1;
}

std::string number(double v)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.17g", v);
    return buffer;
}

ParamBinder bindForest(RandomForestParams& p)
{
    ParamBinder b("rf");
    b.bind("n_trees", p.nTrees);
    b.bind("max_depth", p.maxDepth);
    b.bind("min_child_weight", p.minChildWeight);
    b.bind("subsample", p.subsample);
    b.bind("colsample_bynode", p.colsampleBynode);
    b.bind("lambda", p.lambda);
    b.bind("max_bin", p.maxBin);
    return b;
}

ParamBinder bindBoosting(GradientBoostingParams& p)
{
    ParamBinder b("gbdt");
    b.bind("n_rounds", p.nRounds);
    b.bind("eta", p.eta);
    b.bind("max_depth", p.maxDepth);
    b.bind("min_child_weight", p.minChildWeight);
    b.bind("subsample", p.subsample);
    b.bind("colsample_bytree", p.colsampleBytree);
    b.bind("lambda", p.lambda);
    b.bind("alpha", p.alpha);
    b.bind("gamma", p.gamma);
    b.bind("max_bin", p.maxBin);
    b.bind("early_stopping_rounds", p.earlyStoppingRounds);
    b.bind("validation_fraction", p.validationFraction);
    b.bind("refit", p.refit);
    return b;
}

void checkRange(std::vector<std::string>& m, const char* name, double v, double lo, double hi,
                bool openLow = false)
{
    if (!(openLow ? v > lo : v >= lo) || !(v <= hi)) {
        m.push_back(std::string(name) + " must be in " + (openLow ? "(" : "[") + number(lo) + ", " +
                    number(hi) + "]");
    }
}

} // namespace

struct XGBoostModel::Booster
{
    BoosterHandle handle = nullptr;
    /// A second copy with nthread = 1 for small batches when `handle` has more threads: an
    /// OpenMP team costs more than it saves on a few rows, and waiting for a busy core would
    /// ruin single-applicant latency. Null when `handle` has one thread (every fit of a
    /// cross-validation): the copy took 7 % of a 200-tree forest's fit.
    BoosterHandle serial = nullptr;
    BoosterHandle forSmallBatches() const { return serial ? serial : handle; }
    ~Booster()
    {
        if (handle) {
            XGBoosterFree(handle);
        }
        if (serial) {
            XGBoosterFree(serial);
        }
    }
    void set(const char* name, const std::string& value)
    {
        check(XGBoosterSetParam(handle, name, value.c_str()), name);
    }
    std::string serialise() const
    {
        bst_ulong length = 0;
        const char* data = nullptr;
        check(XGBoosterSaveModelToBuffer(handle, "{\"format\": \"ubj\"}", &length, &data),
              "saving the model");
        return std::string(data, length);
    }
    void makeSerialCopy(int threads)
    {
        if (threads <= 1) {
            return;
        }
        const std::string buffer = serialise();
        check(XGBoosterCreate(nullptr, 0, &serial), "creating a booster");
        check(XGBoosterLoadModelFromBuffer(serial, buffer.data(), buffer.size()),
              "loading the model");
        check(XGBoosterSetParam(serial, "nthread", "1"), "nthread");
    }
    static std::unique_ptr<Booster> fromBuffer(const std::string& buffer, int threads)
    {
        auto b = std::make_unique<Booster>();
        check(XGBoosterCreate(nullptr, 0, &b->handle), "creating a booster");
        check(XGBoosterLoadModelFromBuffer(b->handle, buffer.data(), buffer.size()),
              "loading the model");
        b->set("nthread", std::to_string(threads));
        b->makeSerialCopy(threads);
        return b;
    }
};

std::vector<std::string> RandomForestParams::validate() const
{
    std::vector<std::string> m;
    checkRange(m, "n_trees", double(nTrees), 1, 5000);
    checkRange(m, "max_depth", double(maxDepth), 1, 20);
    checkRange(m, "min_child_weight", minChildWeight, 0, 1e6);
    checkRange(m, "subsample", subsample, 0, 1, true);
    checkRange(m, "colsample_bynode", colsampleBynode, 0, 1, true);
    checkRange(m, "lambda", lambda, 0, 1e6);
    checkRange(m, "max_bin", double(maxBin), 2, 1024);
    return m;
}

std::vector<std::string> GradientBoostingParams::validate() const
{
    std::vector<std::string> m;
    checkRange(m, "n_rounds", double(nRounds), 1, 10000);
    checkRange(m, "eta", eta, 0, 1, true);
    checkRange(m, "max_depth", double(maxDepth), 1, 20);
    checkRange(m, "min_child_weight", minChildWeight, 0, 1e6);
    checkRange(m, "subsample", subsample, 0, 1, true);
    checkRange(m, "colsample_bytree", colsampleBytree, 0, 1, true);
    checkRange(m, "lambda", lambda, 0, 1e6);
    checkRange(m, "alpha", alpha, 0, 1e6);
    checkRange(m, "gamma", gamma, 0, 1e6);
    checkRange(m, "max_bin", double(maxBin), 2, 1024);
    checkRange(m, "early_stopping_rounds", double(earlyStoppingRounds), 0, 10000);
    checkRange(m, "validation_fraction", validationFraction, 0.05, 0.5);
    return m;
}

XGBoostModel::XGBoostModel(Mode mode) : m_mode(mode) {}
XGBoostModel::~XGBoostModel() = default;

XGBoostModel::XGBoostModel(const XGBoostModel& other)
    : m_mode(other.m_mode), m_forest(other.m_forest), m_boosting(other.m_boosting),
      m_features(other.m_features), m_threads(other.m_threads),
      m_bestIteration(other.m_bestIteration), m_zeroIsMissing(other.m_zeroIsMissing)
{
    {
        const std::lock_guard lock(other.m_shapMutex); // share what was built, build nothing
        m_trees = other.m_trees;
        m_shap = other.m_shap;
    }
    if (other.m_booster) {
        m_booster = Booster::fromBuffer(other.m_booster->serialise(), m_threads);
        predictProba(Matrix::Zero(kOwnWalkRows, m_features)); // configure before sharing
        predictProba(Matrix::Zero(kParallelRows, m_features));
    }
}

std::string XGBoostModel::algorithm() const
{
    return m_mode == Mode::RandomForest ? "rf" : "gbdt";
}

std::string XGBoostModel::displayName() const
{
    return m_mode == Mode::RandomForest ? "Random forest" : "Gradient boosting";
}

ParamMap XGBoostModel::params() const
{
    if (m_mode == Mode::RandomForest) {
        RandomForestParams copy = m_forest;
        return bindForest(copy).values();
    }
    GradientBoostingParams copy = m_boosting;
    return bindBoosting(copy).values();
}

void XGBoostModel::setParams(const ParamMap& params)
{
    if (m_mode == Mode::RandomForest) {
        bindForest(m_forest).apply(params);
    } else {
        bindBoosting(m_boosting).apply(params);
    }
}

std::vector<std::string> XGBoostModel::validate() const
{
    return m_mode == Mode::RandomForest ? m_forest.validate() : m_boosting.validate();
}

bool XGBoostModel::isFitted() const
{
    return m_booster != nullptr;
}

void XGBoostModel::fit(const Matrix& x, const std::vector<std::uint8_t>& y,
                       const FitOptions& options)
{
    const std::string name = algorithm();
    checkTrainingData(name, x, y);
    if (const auto messages = validate(); !messages.empty()) {
        throw std::invalid_argument(name + ": " + messages.front());
    }
    if (!options.monotone.empty() && options.monotone.size() != std::size_t(x.cols())) {
        throw std::invalid_argument(name + ": " + std::to_string(options.monotone.size()) +
                                    " monotone constraints for " + std::to_string(x.cols()) +
                                    " features");
    }
    const int threads = std::max(1, options.threads);
    const bool forest = m_mode == Mode::RandomForest;
    const std::int64_t maxBin = forest ? m_forest.maxBin : m_boosting.maxBin;
    const xgb::ZeroIsMissing mask = xgb::indicatorColumns(x);

    auto makeBooster = [&](std::vector<DMatrixHandle> cache) {
        auto b = std::make_unique<Booster>();
        check(XGBoosterCreate(cache.data(), cache.size(), &b->handle), "creating a booster");
        b->set("objective", "binary:logistic");
        b->set("base_score", "0.5");
        b->set("eval_metric", "logloss");
        b->set("tree_method", "hist");
        b->set("verbosity", "0");
        b->set("nthread", std::to_string(threads));
        // XGBoost reads `seed` as a signed 32-bit integer: a 31-bit child of the fit's seed.
        b->set("seed", std::to_string(SeededRandom::deriveSeed31(options.seed, "xgboost")));
        b->set("max_bin", std::to_string(maxBin));
        if (forest) {
            // See fit(): the forest grows forestChunk() trees per round.
            const std::int64_t chunk = forestChunk(m_forest.nTrees);
            b->set("num_parallel_tree", std::to_string(chunk));
            b->set("eta", number(double(chunk) / double(m_forest.nTrees)));
            b->set("max_depth", std::to_string(m_forest.maxDepth));
            b->set("min_child_weight", number(m_forest.minChildWeight));
            b->set("subsample", number(m_forest.subsample));
            b->set("colsample_bynode", number(m_forest.colsampleBynode));
            b->set("lambda", number(m_forest.lambda));
        } else {
            b->set("eta", number(m_boosting.eta));
            b->set("max_depth", std::to_string(m_boosting.maxDepth));
            b->set("min_child_weight", number(m_boosting.minChildWeight));
            b->set("subsample", number(m_boosting.subsample));
            b->set("colsample_bytree", number(m_boosting.colsampleBytree));
            b->set("lambda", number(m_boosting.lambda));
            b->set("alpha", number(m_boosting.alpha));
            b->set("gamma", number(m_boosting.gamma));
        }
        if (!options.monotone.empty()) {
            std::string constraints = "(";
            for (std::size_t j = 0; j < options.monotone.size(); ++j) {
                const int c = options.monotone[j];
                constraints += (j ? "," : "") + std::to_string(c > 0 ? 1 : (c < 0 ? -1 : 0));
            }
            b->set("monotone_constraints", constraints + ")");
        }
        return b;
    };

    const std::vector<std::size_t> allRows;
    std::unique_ptr<Booster> booster;
    int bestIteration = -1;
    reportOrCancel(options, name, 0.0);
    if (forest) {
        // The forest is grown forestChunk() trees per call so that a cancel is seen within one
        // chunk (a single call for 300 deep trees ran for over a second). Each call is given
        // the gradient statistics of the model at p = ½ (g = ½ − y, h = ¼), not those of the
        // trees grown so far: every chunk fits what one round of a forest fits. With eta =
        // chunk / n_trees, XGBoost scales each tree's leaves by eta / chunk = 1 / n_trees, so
        // the sum over all trees is the forest's average.
        DMatrix train;
        trainingDMatrix(x, allRows, y, mask, threads, maxBin, train);
        const std::int64_t total = m_forest.nTrees;
        const std::int64_t chunk = forestChunk(total);
        booster = makeBooster({train.handle});
        std::vector<float> gradient(y.size());
        std::vector<float> hessian(y.size(), 0.25f);
        for (std::size_t i = 0; i < y.size(); ++i) {
            gradient[i] = 0.5f - float(y[i]);
        }
        for (std::int64_t grown = 0; grown < total; grown += chunk) {
            reportOrCancel(options, name, double(grown) / double(total), std::size_t(grown),
                           std::size_t(total));
            check(XGBoosterBoostOneIter(booster->handle, train.handle, gradient.data(),
                                        hessian.data(), bst_ulong(y.size())),
                  "training the forest");
        }
    } else {
        const int rounds = int(m_boosting.nRounds);
        int keepRounds = rounds;
        if (m_boosting.earlyStoppingRounds > 0) {
            const Holdout holdout =
                stratifiedHoldout(y, m_boosting.validationFraction, options.seed);
            const std::vector<std::size_t>& trainRows = holdout.train;
            const std::vector<std::size_t>& validRows = holdout.valid;
            DMatrix train;
            DMatrix valid;
            trainingDMatrix(x, trainRows, y, mask, threads, maxBin, train);
            plainDMatrix(x, validRows, &y, mask, threads, valid);
            booster = makeBooster({train.handle, valid.handle});
            double bestLoss = std::numeric_limits<double>::infinity();
            const char* names[] = {"valid"};
            for (int round = 0; round < rounds; ++round) {
                reportOrCancel(options, name, 0.8 * double(round) / double(rounds),
                               std::size_t(round), std::size_t(rounds));
                check(XGBoosterUpdateOneIter(booster->handle, round, train.handle), "training");
                const char* result = nullptr;
                check(
                    XGBoosterEvalOneIter(booster->handle, round, &valid.handle, names, 1, &result),
                    "evaluating");
                const char* at = std::strstr(result, "valid-logloss:");
                if (!at) {
                    throw std::runtime_error("XGBoost evaluation: unexpected output '" +
                                             std::string(result) + "'");
                }
                const double loss = std::strtod(at + std::strlen("valid-logloss:"), nullptr);
                if (loss < bestLoss - 1e-12) {
                    bestLoss = loss;
                    bestIteration = round;
                } else if (round - bestIteration >= m_boosting.earlyStoppingRounds) {
                    break;
                }
            }
            keepRounds = bestIteration + 1;
            if (!m_boosting.refit) {
                BoosterHandle sliced = nullptr;
                check(XGBoosterSlice(booster->handle, 0, keepRounds, 1, &sliced),
                      "keeping the best rounds");
                XGBoosterFree(booster->handle);
                booster->handle = sliced;
            }
        }
        if (m_boosting.earlyStoppingRounds == 0 || m_boosting.refit) {
            DMatrix train;
            trainingDMatrix(x, allRows, y, mask, threads, maxBin, train);
            booster = makeBooster({train.handle});
            for (int round = 0; round < keepRounds; ++round) {
                reportOrCancel(options, name,
                               (m_boosting.earlyStoppingRounds > 0 ? 0.8 : 0.0) +
                                   (m_boosting.earlyStoppingRounds > 0 ? 0.2 : 1.0) *
                                       double(round) / double(keepRounds),
                               std::size_t(round), std::size_t(keepRounds));
                check(XGBoosterUpdateOneIter(booster->handle, round, train.handle), "training");
            }
        }
    }
    booster->makeSerialCopy(threads);
    reportOrCancel(options, name, 1.0);
    m_booster = std::move(booster);
    {
        const std::lock_guard lock(m_shapMutex);
        m_trees.reset();
        m_shap.reset();
    }
    m_features = int(x.cols());
    m_threads = threads;
    m_bestIteration = bestIteration;
    m_zeroIsMissing = mask;
    // Configure both boosters before sharing (thread safety).
    predictProba(Matrix::Zero(kOwnWalkRows, x.cols()));
    predictProba(Matrix::Zero(kParallelRows, x.cols()));
}

Vector XGBoostModel::decisionFunction(const Matrix& x) const
{
    if (!m_booster) {
        throw std::logic_error(algorithm() + ": the model is not fitted");
    }
    if (x.cols() != m_features) {
        throw std::invalid_argument(algorithm() + ": expected " + std::to_string(m_features) +
                                    " features, got " + std::to_string(x.cols()));
    }
    if (x.rows() == 0) {
        return Vector();
    }
    if (x.rows() < kOwnWalkRows) {
        // (No conditional expression: it would copy x even without a mask.)
        if (m_zeroIsMissing.empty()) {
            return treeShap(false)->margin(x);
        }
        return treeShap(false)->margin(xgb::withMissingZeros(x, m_zeroIsMissing));
    }
    static const char* const kConfig = "{\"type\": 1, \"training\": false, \"iteration_begin\": "
                                       "0, \"iteration_end\": 0, \"strict_shape\": false, "
                                       "\"cache_id\": 0, \"missing\": NaN}";
    BoosterHandle handle =
        x.rows() < kParallelRows ? m_booster->forSmallBatches() : m_booster->handle;
    const bst_ulong* shape = nullptr;
    bst_ulong dim = 0;
    const float* result = nullptr;
    Vector out(x.rows());
    if (m_zeroIsMissing.empty()) {
        // In-place prediction straight from Eigen's column-major floats (strides in bytes).
        const std::string interface =
            denseInterface(x.data(), std::size_t(x.rows()), std::size_t(x.cols()), "<f4", 4,
                           4 * std::size_t(x.rows()));
        check(XGBoosterPredictFromDense(handle, interface.c_str(), kConfig, nullptr, &shape,
                                        &dim, &result),
              "predicting");
        for (Eigen::Index i = 0; i < x.rows(); ++i) {
            out[i] = double(result[i]);
        }
        return out;
    }
    // Row-major float blocks with the masked zeros as NaN, a block at a time so that a large
    // batch never holds a float copy of the whole matrix.
    constexpr std::size_t kBlockRows = 32768;
    const std::size_t n = std::size_t(x.rows());
    const std::size_t p = std::size_t(x.cols());
    std::vector<float> block;
    for (std::size_t begin = 0; begin < n; begin += kBlockRows) {
        const std::size_t count = std::min(kBlockRows, n - begin);
        xgb::gatherFloat(x, {}, begin, count, m_zeroIsMissing, block);
        const std::string interface = denseInterface(block.data(), count, p, "<f4", p * 4, 4);
        check(XGBoosterPredictFromDense(handle, interface.c_str(), kConfig, nullptr, &shape,
                                        &dim, &result),
              "predicting");
        for (std::size_t i = 0; i < count; ++i) {
            out[Eigen::Index(begin + i)] = double(result[i]);
        }
    }
    return out;
}

Vector XGBoostModel::predictProba(const Matrix& x) const
{
    Vector margin = decisionFunction(x);
    for (Eigen::Index i = 0; i < margin.size(); ++i) {
        margin[i] = 1.0 / (1.0 + std::exp(-margin[i]));
    }
    return margin;
}

std::shared_ptr<const TreeShap> XGBoostModel::treeShap(bool tables) const
{
    const std::lock_guard lock(m_shapMutex);
    std::shared_ptr<const TreeShap>& slot = tables ? m_shap : m_trees;
    if (!slot && m_booster) {
        bst_ulong length = 0;
        const char* data = nullptr;
        check(XGBoosterSaveModelToBuffer(m_booster->handle, "{\"format\": \"json\"}", &length,
                                         &data),
              "reading the trees");
        slot = std::make_shared<const TreeShap>(TreeShap::fromXGBoostJson(
            std::string_view(data, length), tables ? TreeShap::kDefaultTableBudget : 0));
    }
    return slot;
}

std::optional<Contributions> XGBoostModel::contributions(const Matrix& x) const
{
    if (!m_booster) {
        throw std::logic_error(algorithm() + ": the model is not fitted");
    }
    if (x.cols() != m_features) {
        throw std::invalid_argument(algorithm() + ": expected " + std::to_string(m_features) +
                                    " features, got " + std::to_string(x.cols()));
    }
    if (m_zeroIsMissing.empty()) {
        return treeShap(true)->contributions(x);
    }
    return treeShap(true)->contributions(xgb::withMissingZeros(x, m_zeroIsMissing));
}

int XGBoostModel::rounds() const
{
    if (!m_booster) {
        return 0;
    }
    int out = 0;
    check(XGBoosterBoostedRounds(m_booster->handle, &out), "counting rounds");
    return out;
}

std::unique_ptr<Classifier> XGBoostModel::clone() const
{
    return std::make_unique<XGBoostModel>(*this);
}

void XGBoostModel::save(std::ostream& out) const
{
    BinaryWriter w(out);
    writeModelStart(w, *this, kFormatVersion);
    w.flag(m_booster != nullptr);
    if (m_booster) {
        w.pod(std::int64_t(m_features));
        w.pod(std::int64_t(m_bestIteration));
        w.string(std::string(m_zeroIsMissing.begin(), m_zeroIsMissing.end()));
        w.string(m_booster->serialise());
    }
    if (!out) {
        throw std::runtime_error(algorithm() + ": could not write the model");
    }
}

void XGBoostModel::load(std::istream& in)
{
    BinaryReader r(in, algorithm() + " model");
    XGBoostModel loaded(m_mode);
    const std::uint64_t version = readModelStart(r, loaded, kFormatVersion, kOldestFormat);
    if (r.flag()) {
        loaded.m_features = int(r.pod<std::int64_t>());
        loaded.m_bestIteration = int(r.pod<std::int64_t>());
        if (version >= 2) {
            const std::string mask = r.string();
            loaded.m_zeroIsMissing.assign(mask.begin(), mask.end());
        }
        const std::string buffer = r.string();
        if (loaded.m_features <= 0) {
            r.fail("no features");
        }
        if (!loaded.m_zeroIsMissing.empty() &&
            (loaded.m_zeroIsMissing.size() != std::size_t(loaded.m_features) ||
             std::any_of(loaded.m_zeroIsMissing.begin(), loaded.m_zeroIsMissing.end(),
                         [](std::uint8_t v) { return v > 1; }))) {
            r.fail("the missing-value mask does not match the features");
        }
        bst_ulong features = 0;
        try {
            loaded.m_booster = Booster::fromBuffer(buffer, m_threads);
            check(XGBoosterGetNumFeature(loaded.m_booster->handle, &features), "reading");
        } catch (const std::runtime_error& e) {
            r.fail(e.what());
        }
        if (features != bst_ulong(loaded.m_features)) {
            r.fail("the booster has " + std::to_string(features) + " features, expected " +
                   std::to_string(loaded.m_features));
        }
        // Configure both boosters now, before the model is shared between threads.
        loaded.predictProba(Matrix::Zero(kOwnWalkRows, loaded.m_features));
        loaded.predictProba(Matrix::Zero(kParallelRows, loaded.m_features));
    }
    m_forest = loaded.m_forest;
    m_boosting = loaded.m_boosting;
    m_features = loaded.m_features;
    m_bestIteration = loaded.m_bestIteration;
    m_zeroIsMissing = std::move(loaded.m_zeroIsMissing);
    m_booster = std::move(loaded.m_booster);
    const std::lock_guard lock(m_shapMutex);
    m_trees.reset();
    m_shap.reset();
}

} // namespace credit::core
