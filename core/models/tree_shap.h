// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "models/classifier.h"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

namespace credit::core {

/// Exact path-dependent TreeSHAP (Lundberg, Erion & Lee 2018, Algorithm 2) over an additive
/// ensemble of binary regression trees, kept in flat arrays.
///
/// It gives the same values as XGBoost's `pred_contribs` (that computes them in single
/// precision; these are double, so the two agree to about 1e-6) at a fraction of the cost:
/// XGBoost allocates per tree and row and takes about 2 ms for one applicant on a 300-tree
/// depth-6 forest, this walks preallocated paths. Contributions are in margin units (log-odds
/// for binary:logistic); the last column is the bias: the base margin plus each tree's
/// cover-weighted mean leaf value, so a row's contributions sum to its margin.
///
/// Leaf tables: a leaf's share of the contributions depends on the row only through which of
/// the (at most depth) features on its path the row agrees with: 2^d patterns. When every
/// table fits in `tableBudget` values, they are computed up front (O(d²) per pattern) and a
/// row then costs one comparison per node plus O(d) per leaf instead of O(d²): about ten
/// times faster on the default forest. Deeper ensembles use the recursion. A tree with few
/// internal nodes (boosting's depth-3 trees have 7) gets one table over the directions taken
/// at all of them, so a row costs k comparisons and d additions for the whole tree.
///
/// Split rule as XGBoost's: go left when float(x) < threshold, missing (NaN) goes to the
/// node's default side. Thread safe once built (explain() only reads).
class TreeShap
{
public:
    /// One node; a leaf has left == -1 and its value in `value`.
    struct Node
    {
        std::int32_t left = -1;
        std::int32_t right = -1;
        std::int32_t feature = -1;
        float threshold = 0.0f;
        bool defaultLeft = true;
        double value = 0.0; ///< leaf value (leaves only)
        double cover = 0.0; ///< sum of hessians of the training rows reaching the node
    };

    TreeShap() = default;
    /// Trees, each a node array with the root at index 0, over `features` inputs.
    /// `tableBudget`: most values held in leaf tables (8 bytes each); 0 = never use tables.
    static constexpr std::size_t kDefaultTableBudget = std::size_t(4) << 20;
    TreeShap(std::vector<std::vector<Node>> trees, int features, double baseMargin,
             std::size_t tableBudget = kDefaultTableBudget);

    /// The trees of a model saved by XGBoosterSaveModelToBuffer(format "json") (gbtree,
    /// numerical splits, one output group). Throws std::runtime_error naming what is missing
    /// or inconsistent.
    static TreeShap fromXGBoostJson(std::string_view json,
                                    std::size_t tableBudget = kDefaultTableBudget);

    bool empty() const { return m_trees.empty(); }
    int features() const { return m_features; }
    std::size_t trees() const { return m_trees.size(); }
    int maxDepth() const { return m_maxDepth; }
    /// Whether contributions() uses the leaf tables (else the recursion).
    bool usesTables() const { return !m_tableValues.empty(); }
    /// How many trees have a whole-tree table (the others use their leaves' tables).
    std::size_t treesWithTreeTables() const
    {
        return std::size_t(std::count_if(m_treeTables.begin(), m_treeTables.end(),
                                         [](const TreeTable& t) { return !t.nodes.empty(); }));
    }

    /// Margin of each row: the base margin plus the leaf values, summed in single precision
    /// tree by tree as XGBoost's CPU predictor does, so the values are XGBoost's bit for bit
    /// (a few microseconds for one row where an XGBoost call costs tens).
    Vector margin(const Matrix& x) const;
    /// n × (features + 1) contributions; the last column is the bias.
    Contributions contributions(const Matrix& x) const;

private:
    /// One leaf's table: its path steps, its distinct path features and 2^d × d values.
    struct Leaf
    {
        std::uint32_t firstStep = 0;
        std::uint32_t steps = 0;
        std::uint32_t firstFeature = 0;
        std::uint32_t features = 0;
        std::size_t firstValue = 0;
    };
    /// A split on a leaf's path: the direction the path takes and the feature's bit.
    struct Step
    {
        std::int32_t node = 0;
        bool left = false;
        std::uint8_t bit = 0;
    };

    /// A small tree's table over the directions taken at all its k internal nodes: 2^k × d
    /// values (d distinct features), the sum of its leaves' tables for each combination.
    struct TreeTable
    {
        std::vector<std::int32_t> nodes;    ///< the internal nodes; node i is bit i of the key
        std::vector<std::int32_t> features; ///< the tree's distinct features
        std::size_t firstValue = 0;
    };
    static constexpr std::size_t kTreeTableLimit = 4096; ///< most values per tree table

    std::size_t tableSize() const;
    void buildTables();
    void buildTreeTables();
    void addLeafTableShares(std::size_t tree, const std::uint8_t* wentLeft, double* phi) const;
    void explainWithTables(std::size_t tree, const float* row, double* phi,
                           std::vector<std::uint8_t>& wentLeft) const;

    std::vector<std::vector<Node>> m_trees;
    std::vector<std::vector<Leaf>> m_leaves; ///< per tree (tables only)
    std::vector<Step> m_steps;
    std::vector<std::int32_t> m_leafFeatures;
    std::vector<double> m_tableValues;
    std::vector<TreeTable> m_treeTables; ///< per tree; empty `nodes` = use the leaf tables
    std::vector<double> m_treeValues;
    std::vector<double> m_expected; ///< per tree: cover-weighted mean leaf value
    int m_features = 0;
    int m_maxDepth = 0;
    double m_baseMargin = 0.0;
};

} // namespace credit::core
