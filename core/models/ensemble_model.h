// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "models/classifier.h"
#include "models/logistic_regression.h"

#include <memory>
#include <string>
#include <vector>

namespace credit::core {

/// Hyper-parameters of EnsembleModel.
struct EnsembleParams
{
    /// "method": "vote" (weighted mean of the members' probabilities) or "stack" (a logistic
    /// regression on the logits of out-of-fold member probabilities). Default "vote".
    std::string method = "vote";
    /// "members": comma-separated distinct algorithm names among lr, rf, gbdt, svm.
    /// Default "lr,rf,gbdt,svm".
    std::string members = "lr,rf,gbdt,svm";
    /// "weights": comma-separated non-negative vote weights, one per member, not all zero;
    /// empty (the default) = equal weights. Used by "vote" only.
    std::string weights;
    /// "stack_folds": stratified folds for the out-of-fold probabilities of "stack".
    /// Default 5, range [2, 20].
    std::int64_t stackFolds = 5;
    /// "stack_C": inverse L2 strength of the stacking regression. Default 1, (0, 1e12].
    double stackC = 1.0;

    std::vector<std::string> validate() const;
    /// Parsed "members" (throws std::invalid_argument naming an unknown or repeated name).
    std::vector<std::string> memberNames() const;
};

/// "ensemble": soft voting or stacking of member classifiers, each created by name.
///
/// Member hyper-parameters are set through the ensemble with the member's name as a prefix,
/// e.g. {"rf.n_trees", 300} or {"lr.C", 0.5}; params() lists them the same way. Changing
/// "members" recreates the members and keeps the prefixed values of those still present.
///
/// - vote: p = Σ w_m p_m / Σ w_m. contributions(): when every member has contributions, their
///   weighted mean, with the bias column shifted so that each row sums to logit(p) exactly
///   (the shift is the gap between the logit of the mean probability and the mean logit);
///   std::nullopt when a member has none (e.g. svm).
/// - stack: members fit on k-1 folds predict the held-out fold (stratified, seeded by
///   FitOptions::seed); a logistic regression is fitted on logit(p_m), then every member is
///   refitted on all rows. contributions(): std::nullopt. Cost: (k + 1) fits per member.
/// - Member m is fitted with seed FitOptions::seed + m; the progress sink sees stage
///   "ensemble" with the overall fraction, and cancelling stops at the next member check.
class EnsembleModel : public Classifier
{
public:
    EnsembleModel();
    ~EnsembleModel() override;
    EnsembleModel(const EnsembleModel& other);
    EnsembleModel& operator=(const EnsembleModel&) = delete;

    std::string algorithm() const override { return "ensemble"; }
    std::string displayName() const override { return "Ensemble"; }
    ParamMap params() const override;
    void setParams(const ParamMap& params) override;
    std::vector<std::string> validate() const override;
    const EnsembleParams& typedParams() const { return m_params; }

    void fit(const Matrix& x, const std::vector<std::uint8_t>& y,
             const FitOptions& options) override;
    bool isFitted() const override { return m_fitted; }
    Vector predictProba(const Matrix& x) const override;
    std::optional<Contributions> contributions(const Matrix& x) const override;
    std::unique_ptr<Classifier> clone() const override;
    void save(std::ostream& out) const override;
    void load(std::istream& in) override;

    /// The member models (fitted after fit()), in "members" order.
    const std::vector<std::unique_ptr<Classifier>>& members() const { return m_members; }
    /// Stacking only: the meta model (coefficients = weight of each member's logit).
    const LogisticRegression* stacker() const { return m_fitted && m_stack ? &m_meta : nullptr; }

    /// The vote weights, one per member, normalised to sum to 1.
    std::vector<double> voteWeights() const;

private:
    Matrix memberLogits(const Matrix& x) const;

    EnsembleParams m_params;
    std::vector<std::unique_ptr<Classifier>> m_members;
    LogisticRegression m_meta;
    bool m_stack = false;
    bool m_fitted = false;
};

} // namespace credit::core
