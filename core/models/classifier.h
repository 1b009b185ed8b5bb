// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/progress.h"
#include "features/design_matrix.h"

#include <Eigen/Core>

#include <cstdint>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace credit::core {

/// Design matrix after the feature pipeline (DesignMatrix, single precision): one row per
/// applicant, one column per feature. Column-major (Eigen's default) because the linear
/// models work column-wise.
using Matrix = DesignMatrix;
/// Per-row contributions in log-odds (n × (features + 1), the last column the bias), in double:
/// summed over an applicant's attributes for reasons and points, they add no rounding of
/// their own.
using Contributions = Eigen::MatrixXd;
using Vector = Eigen::VectorXd;

/// A model's log-odds of its probability p: ln(p / (1 − p)) with p clamped to
/// [1e-15, 1 − 1e-15] (so ±34.5 at most, never infinite). Explanations of every model sum to
/// this value of its predictProba().
double probabilityLogOdds(double p);

/// A hyper-parameter value. Integers and reals are distinct so a search space keeps its type.
using ParamValue = std::variant<bool, std::int64_t, double, std::string>;
using ParamMap = std::map<std::string, ParamValue>;

/// `value` as text, e.g. for logs and the leaderboard ("0.1", "300", "true", "isotonic").
std::string paramToString(const ParamValue& value);

/// What a fit may use besides the data.
struct FitOptions
{
    std::uint64_t seed = 42; ///< every random step of the fit derives from this
    int threads = 1;         ///< threads the model itself may use (>= 1)
    ProgressSink progress;   ///< checked between boosting rounds / trees; false → throw Cancelled
    std::vector<std::string> featureNames; ///< optional, same order as the matrix columns
    /// Optional monotone constraint per feature: +1 risk may only rise with the feature,
    /// -1 only fall, 0 free. Empty = none. Honoured by the tree models.
    std::vector<int> monotone;
};

/// One classifier of the positive class ("bad"). Implementations: "lr", "rf", "gbdt", "svm",
/// "ensemble". Created by name through createClassifier(), so search, CLI and UI never switch
/// on the model type. The decision threshold is not part of a model.
///
/// Thread safety: a fitted model is immutable; predictProba() and contributions() may be
/// called concurrently from several threads.
class Classifier
{
public:
    virtual ~Classifier() = default;

    /// Short algorithm name ("lr", "rf", "gbdt", "svm", "ensemble").
    virtual std::string algorithm() const = 0;
    /// Human-readable name ("Logistic regression", …).
    virtual std::string displayName() const = 0;

    /// Current hyper-parameters (every field, with defaults filled in).
    virtual ParamMap params() const = 0;
    /// Sets the given hyper-parameters; unknown names and wrong types throw
    /// std::invalid_argument naming the parameter, and then nothing is changed. A real
    /// parameter also accepts an integer (YAML's `C: 1`). Values are checked by validate().
    /// The ensemble takes its members' parameters prefixed with their name ("rf.n_trees").
    virtual void setParams(const ParamMap& params) = 0;
    /// Messages for out-of-range values, each starting with the parameter name; empty = valid.
    virtual std::vector<std::string> validate() const = 0;

    /// Fits on X (n × p) and y (n labels, 1 = positive). Requires both classes in y.
    /// Throws std::invalid_argument for unusable input, Cancelled when the progress sink
    /// asked to stop.
    virtual void fit(const Matrix& x, const std::vector<std::uint8_t>& y,
                     const FitOptions& options) = 0;
    virtual bool isFitted() const = 0;

    /// Probability of the positive class for every row of X, each in [0, 1].
    virtual Vector predictProba(const Matrix& x) const = 0;

    /// Per-feature contributions to the log-odds (n × (p + 1), the last column the bias) such
    /// that each row sums to the model's log-odds; std::nullopt when the model has no additive
    /// structure of its own (SVM; explain/ then estimates Shapley values).
    virtual std::optional<Contributions> contributions(const Matrix& x) const
    {
        (void)x;
        return std::nullopt;
    }

    /// A deep copy (fitted state included).
    virtual std::unique_ptr<Classifier> clone() const = 0;

    /// Binary serialisation of parameters and fitted state. load() throws std::runtime_error
    /// on a malformed stream.
    virtual void save(std::ostream& out) const = 0;
    virtual void load(std::istream& in) = 0;
};

/// Creates an unfitted classifier by algorithm name; throws std::invalid_argument for an
/// unknown name (the message lists the known ones).
std::unique_ptr<Classifier> createClassifier(const std::string& algorithm);

/// Names accepted by createClassifier(), in display order.
std::vector<std::string> availableAlgorithms();

} // namespace credit::core
