// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "models/classifier.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace credit::core {

/// How InterventionalShapley computes its values.
struct ShapleyParams
{
    /// Exact enumeration of every coalition up to this many attributes (2^d × background rows
    /// model evaluations); above it, the permutation estimate. Default 10, range [1, 16].
    std::size_t exactMaxAttributes = 10;
    /// Antithetic pairs of the permutation estimate: each pair is one random order of the
    /// attributes and its reverse, walked from one background row (the rows taken in turn).
    /// Default 32, >= 2 (the standard error needs two).
    std::size_t permutationPairs = 32;
    /// Seed of the orders; the orders are drawn once, so every applicant gets the same ones.
    std::uint64_t seed = 0;
    /// For an RBF SVM, walk the permutations by updating each support vector's kernel one
    /// attribute at a time (the kernel is a product over attributes) instead of predicting
    /// every coalition row: the same values to ~1e-13, about ten times faster. Default true.
    bool useModelStructure = true;
};

/// Per-row result of InterventionalShapley::explain().
struct ShapleyValues
{
    Eigen::MatrixXd values;        ///< rows × attributes, in log-odds
    Eigen::MatrixXd standardError; ///< rows × attributes; 0 when exact
    Eigen::VectorXd logOdds;       ///< the model's log-odds of each row
    double base = 0.0;             ///< logOdds = base + Σ values, for every row
};

/// Interventional Shapley values of a classifier's log-odds over attribute groups of its
/// features, measured against a fixed background sample.
///
/// The value of a coalition S of attributes for applicant x is the mean over background rows
/// b of probabilityLogOdds(model(z)), where z takes x's features for the attributes in S and
/// b's for the others (Janzing, Minorics & Blöbaum 2020: the interventional, "do" value
/// function; no model of the dependence between attributes). Attribute a's value is its
/// Shapley value in that game, so base + Σ values = the model's log-odds of x, where base is
/// the value of the empty coalition (the mean log-odds over the background rows).
///
/// - d ≤ exactMaxAttributes: every coalition, φ_a = Σ_{S∌a} |S|!(d−|S|−1)!/d! (v(S∪a) − v(S)).
///   Cost (2^d − 2) × B model evaluations per row; standard errors 0.
/// - otherwise the permutation estimate (Štrumbelj & Kononenko 2014) with antithetic pairs:
///   pair k walks from background row b_k = k mod B to x, adding the attributes in a random
///   order and then in the reverse order, and credits each attribute with the change of the
///   log-odds it caused. Every walk telescopes from f(b_k) to f(x), so the sum is exact for
///   each pair: base is then the mean of f(b_k) over the pairs (the background mean when the
///   pairs are a multiple of B). The estimate is the mean over the pairs; its standard error
///   the sample sd of the pair means over √pairs (the pairs are independent draws of the
///   order). Cost 2 × pairs × (d − 1) model evaluations per row, in one predictProba call;
///   for an RBF SVM (useModelStructure) the walk instead multiplies each support vector's
///   kernel by exp(−γ(|x_a − s_a|² − |b_a − s_a|²)) as attribute a joins, the second factor
///   precomputed per background row: O(pairs × d × support vectors) multiplications and
///   O(d × support vectors) exponentials per row. The last value of every walk is the model's
///   own prediction of x, so the sums stay exact.
/// - Deterministic: the orders are drawn once from ShapleyParams::seed with SeededRandom, so
///   the same applicant gets the same values on any platform, at any thread count.
///
/// Preconditions: background has the model's feature columns and at least one row;
/// featureAttribute maps every feature column to an attribute < attributes.
/// Thread safety: explain() is const and may run concurrently.
class InterventionalShapley
{
public:
    /// Throws std::invalid_argument for an empty background, mismatched shapes or invalid
    /// params. The model must outlive this object.
    InterventionalShapley(const Classifier& model, Matrix background,
                          const std::vector<std::size_t>& featureAttribute, std::size_t attributes,
                          ShapleyParams params = {});

    bool exact() const { return m_exact; }
    std::size_t backgroundRows() const { return std::size_t(m_background.rows()); }
    /// The value of the empty coalition.
    double base() const { return m_base; }

    ShapleyValues explain(const Matrix& x) const;

    /// Whether the RBF kernel walk is used (an SVM, useModelStructure, no overflow risk).
    bool usesModelStructure() const { return m_rbf != nullptr; }

private:
    struct RbfWalk;
    void explainExact(const Matrix& x, Eigen::Index row, ShapleyValues& out) const;
    void explainSampled(const Matrix& x, Eigen::Index row, ShapleyValues& out) const;
    /// Log-odds after each step t (0 … d − 2) of walk w at [w · (d − 1) + t].
    Eigen::VectorXd walkByPrediction(const Matrix& x, Eigen::Index row) const;
    Eigen::VectorXd walkByKernel(const Matrix& x, Eigen::Index row) const;

    const Classifier& m_model;
    Matrix m_background;
    std::vector<std::vector<Eigen::Index>> m_columns; ///< per attribute, its feature columns
    std::size_t m_attributes = 0;
    bool m_exact = false;
    std::vector<std::vector<std::size_t>> m_orders; ///< per pair, a permutation of attributes
    Eigen::VectorXd m_backgroundLogOdds;
    double m_base = 0.0;
    std::shared_ptr<const RbfWalk> m_rbf;
};

} // namespace credit::core
