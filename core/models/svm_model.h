// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "models/classifier.h"

#include <memory>
#include <string>
#include <vector>

namespace credit::core {

/// Hyper-parameters of SvmModel.
struct SvmParams
{
    /// "C": penalty on margin violations. Default 2.0, range (0, 1e6]. 3×5-fold CV AUC on
    /// credit-g with gamma = 1/p: 0.788 (C 0.5), 0.794 (1), 0.798 (2), 0.798 (3), 0.797 (5).
    double c = 2.0;
    /// "gamma": RBF width, k(a, b) = exp(-gamma·|a - b|²). 0 (the default) means 1 / p, p the
    /// number of features (scikit-learn's "auto"); otherwise range (0, 1e3].
    double gamma = 0.0;
    /// "platt_folds": folds of the internal cross-validation whose held-out decision values
    /// fit the Platt sigmoid. Default 3, range [2, 10].
    std::int64_t plattFolds = 3;
    /// "epsilon": stopping tolerance of the SMO solver. Default 1e-3, range (0, 1].
    double epsilon = 1e-3;
    /// "cache_mb": kernel cache of the solver in megabytes. Default 200, range [1, 4096].
    std::int64_t cacheMb = 200;

    std::vector<std::string> validate() const;
};

/// "svm": RBF C-support vector classifier from dlib (svm_c_trainer) with Platt-scaled
/// probabilities.
///
/// - fit() shuffles the rows (FitOptions::seed) and calls dlib's
///   train_probabilistic_decision_function: the sigmoid is fitted on decision values of
///   held-out folds, the final SVM on all rows. No normaliser is fitted here: the feature
///   pipeline already standardised the inputs on the training rows.
/// - A dlib call cannot be interrupted: the progress sink is checked before and after it.
/// - Cost: O(n²)–O(n³) in the rows (about 0.1 s for 800 German Credit rows); prediction is
///   O(support vectors × p) per row, as one matrix product per block of 256 rows (a row's
///   probability is bitwise the same whatever rows it is predicted with). FitOptions::threads
///   is not used.
/// - contributions(): std::nullopt (a kernel machine has no additive decomposition; explain/
///   gives it interventional Shapley values).
/// - dlib exceptions become std::runtime_error at this boundary.
class SvmModel : public Classifier
{
public:
    SvmModel();
    ~SvmModel() override;
    SvmModel(const SvmModel& other);
    SvmModel& operator=(const SvmModel&) = delete;

    std::string algorithm() const override { return "svm"; }
    std::string displayName() const override { return "Support vector machine (RBF)"; }
    ParamMap params() const override;
    void setParams(const ParamMap& params) override;
    std::vector<std::string> validate() const override { return m_params.validate(); }
    const SvmParams& typedParams() const { return m_params; }

    void fit(const Matrix& x, const std::vector<std::uint8_t>& y,
             const FitOptions& options) override;
    bool isFitted() const override;
    Vector predictProba(const Matrix& x) const override;
    std::unique_ptr<Classifier> clone() const override;
    void save(std::ostream& out) const override;
    void load(std::istream& in) override;

    /// Number of support vectors of the fitted machine (0 before fit).
    std::size_t supportVectorCount() const;

    /// The fitted machine in plain form: P(bad) = 1 / (1 + exp(plattA · f + plattB)) clamped
    /// to [0, 1], f = Σ_i weights_i · exp(−gamma · |x − vectors_i|²) − bias. explain/ uses it
    /// to update the kernel of Shapley coalitions one attribute at a time.
    struct RbfExpansion
    {
        Eigen::MatrixXd vectors;      ///< support vectors × features
        Eigen::VectorXd squaredNorms; ///< |vectors_i|²
        Eigen::VectorXd weights;
        double gamma = 0.0;
        double bias = 0.0;
        double plattA = 0.0;
        double plattB = 0.0;
    };
    /// Throws std::logic_error before fit.
    const RbfExpansion& expansion() const;

private:
    struct Machine;

    SvmParams m_params;
    std::unique_ptr<Machine> m_machine;
    int m_features = 0;
};

} // namespace credit::core
