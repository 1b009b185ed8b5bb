// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "models/tree_shap.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace credit::core {
namespace {

[[noreturn]] void fail(const std::string& what)
{
    throw std::runtime_error("reading the trees for TreeSHAP: " + what);
}

// Cover-weighted mean of the leaf values below `node` (the tree's expected value at the root).
double meanValue(const std::vector<TreeShap::Node>& tree, std::int32_t node)
{
    const TreeShap::Node& n = tree[std::size_t(node)];
    if (n.left < 0) {
        return n.value;
    }
    const TreeShap::Node& l = tree[std::size_t(n.left)];
    const TreeShap::Node& r = tree[std::size_t(n.right)];
    return (meanValue(tree, n.left) * l.cover + meanValue(tree, n.right) * r.cover) / n.cover;
}

int depthOf(const std::vector<TreeShap::Node>& tree, std::int32_t node)
{
    const TreeShap::Node& n = tree[std::size_t(node)];
    return n.left < 0 ? 0 : 1 + std::max(depthOf(tree, n.left), depthOf(tree, n.right));
}

/// For paths of length d + 1: ratio(d, i) = (d − i) / (d + 1), its inverse, and
/// grow(d, i) = (d + 1) / (i + 1).
class RatioTable
{
public:
    static constexpr int kMaxDepth = 64;
    RatioTable()
    {
        for (int d = 0; d < kMaxDepth; ++d) {
            for (int i = 0; i < kMaxDepth; ++i) {
                m_ratio[d][i] = double(d - i) / double(d + 1);
                m_inverse[d][i] = i < d ? double(d + 1) / double(d - i) : 0.0;
                m_grow[d][i] = double(d + 1) / double(i + 1);
            }
        }
    }
    const double* row(int depth) const { return m_ratio[depth]; }
    const double* inverseRow(int depth) const { return m_inverse[depth]; }
    const double* growRow(int depth) const { return m_grow[depth]; }

private:
    double m_ratio[kMaxDepth][kMaxDepth];
    double m_inverse[kMaxDepth][kMaxDepth];
    double m_grow[kMaxDepth][kMaxDepth];
};

const RatioTable kRatios;

// Without a branch: missing values are common (the zeros of indicator columns, see
// xgb::ZeroIsMissing) and a mispredicted branch here doubled the cost of a GBDT explanation.
// A NaN compares false, so only the default direction needs the missing test.
bool goesLeft(const TreeShap::Node& n, float value)
{
    const bool missing = std::isnan(value);
    const bool below = value < n.threshold;
    return below | (missing & n.defaultLeft);
}

struct PathElement
{
    std::int32_t feature;
    double zeroFraction;
    double oneFraction;
    double weight;
};

// Extends the path of depth + 1 elements... by (feature, zeroFraction, oneFraction): every
// element's weight is the share of the permutations in which the features before it on the
// path are known.
void extendPath(PathElement* path, int depth, double zeroFraction, double oneFraction,
                std::int32_t feature)
{
    path[depth] = PathElement{feature, zeroFraction, oneFraction, depth == 0 ? 1.0 : 0.0};
    const double* ratio = kRatios.row(depth);
    const double scale = 1.0 / double(depth + 1);
    for (int i = depth - 1; i >= 0; --i) {
        path[i + 1].weight += oneFraction * path[i].weight * double(i + 1) * scale;
        path[i].weight = zeroFraction * path[i].weight * ratio[i];
    }
}

// Adds a leaf of value `value` to phi[element's feature] for the elements 1..depth of its
// path: for each element, the path's weight with that element removed ("unwound"), summed.
// Written so that the elements' recurrences run side by side (each is a serial chain of
// multiplications, independent of the others), with the divisions by small integers taken
// from a table.
void addLeafShares(const PathElement* path, int depth, double value, double* phi)
{
    const double* ratio = kRatios.row(depth);
    const double* inverse = kRatios.inverseRow(depth);
    const double* grow = kRatios.growRow(depth);
    double unknown = 0.0; // the sum for elements the row does not follow (one = 0)
    for (int i = depth - 1; i >= 0; --i) {
        unknown += path[i].weight * inverse[i];
    }
    double nextOne[RatioTable::kMaxDepth];
    double total[RatioTable::kMaxDepth];
    double scale[RatioTable::kMaxDepth];
    double shrink[RatioTable::kMaxDepth];
    int followed[RatioTable::kMaxDepth];
    int count = 0;
    for (int k = 1; k <= depth; ++k) {
        const double one = path[k].oneFraction;
        const double zero = path[k].zeroFraction;
        if (one != 0.0) {
            followed[count] = k;
            nextOne[count] = path[depth].weight;
            total[count] = 0.0;
            scale[count] = 1.0 / one;
            shrink[count] = zero;
            ++count;
        } else if (zero != 0.0) {
            phi[path[k].feature] -= unknown * value; // (one − zero) · unknown / zero
        }
    }
    for (int i = depth - 1; i >= 0; --i) {
        const double g = grow[i];
        const double r = ratio[i];
        const double w = path[i].weight;
        for (int c = 0; c < count; ++c) {
            const double t = nextOne[c] * g * scale[c];
            total[c] += t;
            nextOne[c] = w - t * shrink[c] * r;
        }
    }
    for (int c = 0; c < count; ++c) {
        const PathElement& e = path[followed[c]];
        phi[e.feature] += total[c] * (e.oneFraction - e.zeroFraction) * value;
    }
}

// One step of Algorithm 2. `parentPath` holds the depth + 1 elements of the path down to this
// node's parent; this node's path is written just after it, so each level keeps its own copy
// and the recursion needs no allocation. Every element's weight is the share of the
// permutations in which the features before it on the path are known.
void recurse(const std::vector<TreeShap::Node>& tree, std::int32_t nodeIndex, const float* row,
             double* phi, PathElement* parentPath, int depth, double zeroFraction,
             double oneFraction, std::int32_t feature)
{
    PathElement* path = parentPath + depth + 1;
    std::copy(parentPath, parentPath + depth + 1, path);
    extendPath(path, depth, zeroFraction, oneFraction, feature);
    const TreeShap::Node& node = tree[std::size_t(nodeIndex)];
    if (node.left < 0) {
        addLeafShares(path, depth, node.value, phi);
        return;
    }

    const bool left = goesLeft(node, row[std::size_t(node.feature)]);
    const std::int32_t hot = left ? node.left : node.right;
    const std::int32_t cold = left ? node.right : node.left;
    const double hotZero = tree[std::size_t(hot)].cover / node.cover;
    const double coldZero = tree[std::size_t(cold)].cover / node.cover;
    double incomingZero = 1.0;
    double incomingOne = 1.0;

    // A feature already on the path is taken off it and put back with both fractions combined.
    int k = 0;
    while (k <= depth && path[k].feature != node.feature) {
        ++k;
    }
    if (k <= depth) {
        incomingZero = path[k].zeroFraction;
        incomingOne = path[k].oneFraction;
        double nextOne = path[depth].weight;
        for (int i = depth - 1; i >= 0; --i) {
            if (incomingOne != 0.0) {
                const double t = path[i].weight;
                path[i].weight = nextOne * double(depth + 1) / (double(i + 1) * incomingOne);
                nextOne = t - path[i].weight * incomingZero * double(depth - i) / double(depth + 1);
            } else {
                path[i].weight =
                    path[i].weight * double(depth + 1) / (incomingZero * double(depth - i));
            }
        }
        for (int i = k; i < depth; ++i) {
            path[i].feature = path[i + 1].feature;
            path[i].zeroFraction = path[i + 1].zeroFraction;
            path[i].oneFraction = path[i + 1].oneFraction;
        }
        --depth;
    }
    recurse(tree, hot, row, phi, path, depth + 1, hotZero * incomingZero, incomingOne,
            node.feature);
    recurse(tree, cold, row, phi, path, depth + 1, coldZero * incomingZero, 0.0, node.feature);
}

// Calls visit(leaf, steps) for every leaf below the root, with the splits on its path.
template <typename Visit> void forEachLeaf(const std::vector<TreeShap::Node>& tree, Visit visit)
{
    struct Frame
    {
        std::int32_t node;
        std::size_t depth;
    };
    std::vector<std::pair<std::int32_t, bool>> path; // (node, went left)
    std::vector<Frame> stack{{0, 0}};
    std::vector<std::pair<std::int32_t, bool>> pending{{-1, false}};
    while (!stack.empty()) {
        const Frame f = stack.back();
        const auto arrival = pending.back();
        stack.pop_back();
        pending.pop_back();
        path.resize(f.depth);
        if (f.depth > 0) {
            path.back() = arrival;
        }
        const TreeShap::Node& n = tree[std::size_t(f.node)];
        if (n.left < 0) {
            if (!path.empty()) {
                visit(n, path);
            }
            continue;
        }
        stack.push_back({n.right, f.depth + 1});
        pending.push_back({f.node, false});
        stack.push_back({n.left, f.depth + 1});
        pending.push_back({f.node, true});
    }
}

// The distinct features on a leaf's path, in order of first split.
std::vector<std::int32_t> distinctFeatures(const std::vector<TreeShap::Node>& tree,
                                           const std::vector<std::pair<std::int32_t, bool>>& path)
{
    std::vector<std::int32_t> out;
    for (const auto& [node, left] : path) {
        const std::int32_t f = tree[std::size_t(node)].feature;
        if (std::find(out.begin(), out.end(), f) == out.end()) {
            out.push_back(f);
        }
    }
    return out;
}

} // namespace

std::size_t TreeShap::tableSize() const
{
    std::size_t total = 0;
    for (const auto& tree : m_trees) {
        forEachLeaf(tree, [&](const Node&, const auto& path) {
            const std::size_t d = distinctFeatures(tree, path).size();
            total +=
                d >= 24 ? std::numeric_limits<std::size_t>::max() / 4 : (std::size_t(1) << d) * d;
        });
        if (total > std::numeric_limits<std::size_t>::max() / 8) {
            return total;
        }
    }
    return total;
}

void TreeShap::buildTables()
{
    m_leaves.assign(m_trees.size(), {});
    std::vector<PathElement> path(std::size_t(RatioTable::kMaxDepth));
    std::vector<double> zero;
    for (std::size_t t = 0; t < m_trees.size(); ++t) {
        const auto& tree = m_trees[t];
        forEachLeaf(tree, [&](const Node& leafNode, const auto& steps) {
            const std::vector<std::int32_t> features = distinctFeatures(tree, steps);
            const int d = int(features.size());
            Leaf leaf;
            leaf.firstStep = std::uint32_t(m_steps.size());
            leaf.steps = std::uint32_t(steps.size());
            leaf.firstFeature = std::uint32_t(m_leafFeatures.size());
            leaf.features = std::uint32_t(d);
            leaf.firstValue = m_tableValues.size();
            // Each distinct feature's zero fraction: the product of the cover ratios of its
            // splits on the path (the share of training rows going this way).
            zero.assign(std::size_t(d), 1.0);
            for (const auto& [node, left] : steps) {
                const Node& n = tree[std::size_t(node)];
                const auto bit = std::size_t(
                    std::find(features.begin(), features.end(), n.feature) - features.begin());
                zero[bit] *= tree[std::size_t(left ? n.left : n.right)].cover / n.cover;
                m_steps.push_back(Step{node, left, std::uint8_t(bit)});
            }
            m_leafFeatures.insert(m_leafFeatures.end(), features.begin(), features.end());
            // For each pattern of agreement: the row follows feature k's splits (one = 1) or not.
            m_tableValues.resize(leaf.firstValue + (std::size_t(1) << d) * std::size_t(d), 0.0);
            for (std::uint32_t mask = 0; mask < (1u << d); ++mask) {
                extendPath(path.data(), 0, 1.0, 1.0, -1);
                for (int k = 0; k < d; ++k) {
                    extendPath(path.data(), k + 1, zero[std::size_t(k)],
                               (mask >> k) & 1u ? 1.0 : 0.0, k);
                }
                addLeafShares(path.data(), d, leafNode.value,
                              m_tableValues.data() + leaf.firstValue + mask * std::size_t(d));
            }
            m_leaves[t].push_back(leaf);
        });
    }
}

void TreeShap::addLeafTableShares(std::size_t t, const std::uint8_t* wentLeft, double* phi) const
{
    for (const Leaf& leaf : m_leaves[t]) {
        std::uint32_t mask = (1u << leaf.features) - 1u;
        const Step* step = m_steps.data() + leaf.firstStep;
        for (std::uint32_t s = 0; s < leaf.steps; ++s, ++step) {
            if (bool(wentLeft[std::size_t(step->node)]) != step->left) {
                mask &= ~(1u << step->bit);
            }
        }
        const double* values = m_tableValues.data() + leaf.firstValue + mask * leaf.features;
        const std::int32_t* features = m_leafFeatures.data() + leaf.firstFeature;
        for (std::uint32_t k = 0; k < leaf.features; ++k) {
            phi[features[k]] += values[k];
        }
    }
}

void TreeShap::buildTreeTables()
{
    m_treeTables.assign(m_trees.size(), {});
    std::vector<double> phi(std::size_t(m_features), 0.0);
    std::vector<std::uint8_t> wentLeft;
    for (std::size_t t = 0; t < m_trees.size(); ++t) {
        const auto& tree = m_trees[t];
        TreeTable table;
        for (std::size_t i = 0; i < tree.size(); ++i) {
            if (tree[i].left >= 0) {
                table.nodes.push_back(std::int32_t(i));
                if (std::find(table.features.begin(), table.features.end(), tree[i].feature) ==
                    table.features.end()) {
                    table.features.push_back(tree[i].feature);
                }
            }
        }
        const std::size_t k = table.nodes.size();
        const std::size_t d = table.features.size();
        if (k == 0 || k > 16 || (std::size_t(1) << k) * d > kTreeTableLimit) {
            continue;
        }
        table.firstValue = m_treeValues.size();
        m_treeValues.resize(table.firstValue + (std::size_t(1) << k) * d);
        wentLeft.assign(tree.size(), 0);
        for (std::size_t key = 0; key < (std::size_t(1) << k); ++key) {
            for (std::size_t i = 0; i < k; ++i) {
                wentLeft[std::size_t(table.nodes[i])] = std::uint8_t((key >> i) & 1u);
            }
            addLeafTableShares(t, wentLeft.data(), phi.data());
            double* out = m_treeValues.data() + table.firstValue + key * d;
            for (std::size_t j = 0; j < d; ++j) {
                out[j] = phi[std::size_t(table.features[j])];
                phi[std::size_t(table.features[j])] = 0.0;
            }
        }
        m_treeTables[t] = std::move(table);
    }
}

void TreeShap::explainWithTables(std::size_t t, const float* row, double* phi,
                                 std::vector<std::uint8_t>& wentLeft) const
{
    const auto& tree = m_trees[t];
    if (const TreeTable& table = m_treeTables[t]; !table.nodes.empty()) {
        std::size_t key = 0;
        for (std::size_t i = 0; i < table.nodes.size(); ++i) {
            const Node& n = tree[std::size_t(table.nodes[i])];
            key |= std::size_t(goesLeft(n, row[std::size_t(n.feature)])) << i;
        }
        const std::size_t d = table.features.size();
        const double* values = m_treeValues.data() + table.firstValue + key * d;
        for (std::size_t j = 0; j < d; ++j) {
            phi[table.features[j]] += values[j];
        }
        return;
    }
    wentLeft.resize(tree.size());
    for (std::size_t i = 0; i < tree.size(); ++i) {
        const Node& n = tree[i];
        wentLeft[i] = n.left >= 0 && goesLeft(n, row[std::size_t(n.feature)]);
    }
    addLeafTableShares(t, wentLeft.data(), phi);
}

TreeShap::TreeShap(std::vector<std::vector<Node>> trees, int features, double baseMargin,
                   std::size_t tableBudget)
    : m_trees(std::move(trees)), m_features(features), m_baseMargin(baseMargin)
{
    for (const auto& tree : m_trees) {
        if (tree.empty()) {
            fail("an empty tree");
        }
        for (std::size_t i = 0; i < tree.size(); ++i) {
            const Node& n = tree[i];
            const bool leaf = n.left < 0;
            if (!leaf && (n.right < 0 || std::size_t(n.left) >= tree.size() ||
                          std::size_t(n.right) >= tree.size() || std::size_t(n.left) <= i ||
                          std::size_t(n.right) <= i || n.feature < 0 || n.feature >= features ||
                          !(n.cover > 0.0))) {
                fail("node " + std::to_string(i) + " is inconsistent");
            }
        }
        m_expected.push_back(meanValue(tree, 0));
        m_maxDepth = std::max(m_maxDepth, depthOf(tree, 0));
        if (m_maxDepth + 2 >= RatioTable::kMaxDepth) {
            fail("a tree is deeper than " + std::to_string(RatioTable::kMaxDepth - 3) + " levels");
        }
    }
    if (tableBudget > 0 && tableSize() <= tableBudget) {
        buildTables();
        buildTreeTables();
    }
}

Vector TreeShap::margin(const Matrix& x) const
{
    if (x.cols() != m_features) {
        throw std::invalid_argument("TreeSHAP: expected " + std::to_string(m_features) +
                                    " features, got " + std::to_string(x.cols()));
    }
    Vector out(x.rows());
    std::vector<float> row(static_cast<std::size_t>(m_features));
    for (Eigen::Index r = 0; r < x.rows(); ++r) {
        for (int j = 0; j < m_features; ++j) {
            row[std::size_t(j)] = float(x(r, j));
        }
        // As XGBoost's predictor: single precision, from the base margin, tree by tree.
        float sum = float(m_baseMargin);
        for (const auto& tree : m_trees) {
            std::int32_t node = 0;
            while (tree[std::size_t(node)].left >= 0) {
                const Node& n = tree[std::size_t(node)];
                node = goesLeft(n, row[std::size_t(n.feature)]) ? n.left : n.right;
            }
            sum += float(tree[std::size_t(node)].value);
        }
        out[r] = double(sum);
    }
    return out;
}

Contributions TreeShap::contributions(const Matrix& x) const
{
    if (x.cols() != m_features) {
        throw std::invalid_argument("TreeSHAP: expected " + std::to_string(m_features) +
                                    " features, got " + std::to_string(x.cols()));
    }
    const int p = m_features;
    Contributions out = Contributions::Zero(x.rows(), p + 1);
    // Paths of depth d nest d + 2 levels of up to d + 2 elements each.
    const std::size_t levels = std::size_t(m_maxDepth) + 2;
    std::vector<PathElement> path(levels * (levels + 1) / 2 + levels);
    std::vector<float> row(static_cast<std::size_t>(p));
    std::vector<double> phi(std::size_t(p) + 1);
    std::vector<std::uint8_t> wentLeft;
    double expected = m_baseMargin;
    for (const double e : m_expected) {
        expected += e;
    }
    for (Eigen::Index r = 0; r < x.rows(); ++r) {
        for (int j = 0; j < p; ++j) {
            row[std::size_t(j)] = float(x(r, j));
        }
        std::fill(phi.begin(), phi.end(), 0.0);
        for (std::size_t t = 0; t < m_trees.size(); ++t) {
            if (m_trees[t].size() <= 1) {
                continue;
            }
            if (usesTables()) {
                explainWithTables(t, row.data(), phi.data(), wentLeft);
            } else {
                recurse(m_trees[t], 0, row.data(), phi.data(), path.data(), 0, 1.0, 1.0, -1);
            }
        }
        for (int j = 0; j < p; ++j) {
            out(r, j) = phi[std::size_t(j)];
        }
        out(r, p) = expected;
    }
    return out;
}

} // namespace credit::core
