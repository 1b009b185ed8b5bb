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
/// - vote: p = Σ w_m p_m / Σ w_m.
/// - stack: members fit on k-1 folds predict the held-out fold (StratifiedKFold, one repeat,
///   seed deriveSeed(FitOptions::seed, "stack-folds")); member m on fold f is fitted with
///   deriveSeed(seed, "stack-member", f · members + m); a logistic regression is fitted on
///   logit(p_m), then every member is refitted on all rows. Cost: (k + 1) fits per member.
/// - contributions(): the members' contributions combined by combineContributions() when
///   every member has them; std::nullopt when one has none (e.g. svm: explain/ then gives the
///   member Shapley values and combines them the same way).
/// - Member m's final fit takes seed deriveSeed(FitOptions::seed, "member", m) (the one rule of
///   common/seeded_random.h); the progress sink sees stage
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

    /// The ensemble's contributions to its log-odds L = ln(p / (1 − p)), p = predictProba(x),
    /// from its members' contributions to theirs.
    ///
    /// `members[m]` holds, for every row of x, member m's contributions to its own log-odds
    /// (n × (k + 1), the last column its base value), with the same k columns for every member
    /// (features, or attributes in explain/). Returns the same shape whose rows sum to L
    /// exactly: the last column is L minus the others. `memberWeights`, when given, receives
    /// g (n × members): column j of the result is Σ_m g(r, m) · members[m](r, j), so the
    /// standard errors of estimated member contributions combine as sqrt(Σ_m g² SE_m²).
    ///
    /// - stack: L = b0 + Σ β_m ℓ_m is linear in the member logits ℓ_m, so g_m = β_m · (ℓ_m −
    ///   base_m) / (L_m − base_m) (the ratio is 1 unless ℓ_m is clipped at 1e-6) and the base
    ///   is b0 + Σ β_m base_m. With members' Shapley values this is the exact Shapley value of
    ///   L (linearity); only the clipping rescale departs from it.
    /// - vote: each member's change in probability from its own base, Δp_m = p_m − σ(base_m),
    ///   is shared among its contributions in proportion to them; the shares are weighted by
    ///   w_m and summed; the ensemble's change of log-odds from L0 = logit(Σ w_m σ(base_m)) is
    ///   shared in proportion to the summed shares: g_m = w_m · Δp_m / (L_m − base_m) ·
    ///   (L − L0) / Σ_m w_m Δp_m. Exact in sum; an approximation of the Shapley values of L,
    ///   since σ and logit are not linear (a member's Shapley values in log-odds are not its
    ///   Shapley values in probability, and the secant slope (L − L0) / (p − P0) is applied to
    ///   every attribute alike). The vote itself is linear in probability, so given the members'
    ///   exact probability-space Shapley values the middle step would be exact.
    /// - Degenerate rows: a member with L_m = base_m uses the derivative (σ'(base_m) for the
    ///   vote, β_m for the stack); a vote with Σ w_m Δp_m = 0 uses 1 / (P0 (1 − P0)); what the
    ///   rows then miss of L goes into the base column.
    /// Cost: one prediction per member. Throws std::invalid_argument when the shapes differ.
    Contributions combineContributions(const std::vector<Contributions>& members, const Matrix& x,
                                       Eigen::MatrixXd* memberWeights = nullptr) const;

private:
    std::vector<Vector> memberProbabilities(const Matrix& x) const;
    /// The ensemble's probability from the members' (predictProba's combination step).
    Vector fromMembers(const std::vector<Vector>& p) const;
    /// Stacking input: logit(p_m) clipped, one column per member.
    static Matrix logitColumns(const std::vector<Vector>& p);

    EnsembleParams m_params;
    std::vector<std::unique_ptr<Classifier>> m_members;
    LogisticRegression m_meta;
    bool m_stack = false;
    bool m_fitted = false;
};

} // namespace credit::core
