// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "common/progress.h"
#include "data/dataset.h"
#include "explore/binning.h"
#include "explore/column_summary.h"
#include "explore/correlation_matrix.h"
#include "explore/outcome_histogram.h"
#include "explore/outlier_report.h"
#include "explore/woe_table.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace credit::core {

/// Settings of analyseDataset().
struct ExploreParams
{
    /// Quantile bins per numeric attribute for bad rates, WoE and IV; default 5, range 1–50
    /// (values outside are clamped). Ties may give fewer bins, see quantileBinning().
    std::size_t quantileBins = 5;
    /// Histogram bins; 0 (default) = automatic (Sturges), see outcomeHistogram().
    std::size_t histogramBins = 0;
    OutlierParams outliers;
    bool correlations = true; ///< compute the Pearson and Spearman matrices
};

/// The share of each outcome.
struct ClassBalance
{
    std::string positiveLabel; ///< "bad"
    std::string negativeLabel; ///< "good"
    std::size_t positives = 0;
    std::size_t negatives = 0;
    double positiveRate = 0.0; ///< positives / rows, in [0, 1]
};

/// Everything the Explore view shows for one attribute (a feature column).
struct AttributeExploration
{
    std::size_t columnIndex = 0;
    ColumnSummary summary;
    OutcomeHistogram histogram; ///< numeric only; empty for categoricals
    Binning binning;            ///< quantile bins (numeric) or declared levels (categorical)
    WoeTable woe;               ///< per bin: counts, bad rate, WoE, IV contribution; and the IV
};

struct ExploreResult
{
    std::string source; ///< Dataset::sourceName()
    std::size_t rows = 0;
    ExploreParams params;
    ClassBalance balance;
    std::vector<AttributeExploration> attributes; ///< every feature, in dataset order
    CorrelationMatrix pearson;
    CorrelationMatrix spearman;
    OutlierReport outliers;            ///< under params.outliers
    std::vector<std::string> warnings; ///< e.g. constant or empty columns, class imbalance

    /// The attribute called `name`, or nullptr.
    const AttributeExploration* find(const std::string& name) const;
    /// Indices into `attributes`, by IV descending (ties by name).
    std::vector<std::size_t> ivRanking() const;
};

/// Class balance of `dataset`.
ClassBalance classBalance(const Dataset& dataset);

/// Summary, histogram, binning and WoE table of one feature column.
AttributeExploration exploreAttribute(const Dataset& dataset, std::size_t columnIndex,
                                      const ExploreParams& params);

/// Everything at once: per-attribute exploration, correlations, outliers, class balance.
///
/// Progress: events with stage "attributes", "pearson", "spearman", "outliers" and an overall
/// fraction; when `sink` returns false the call throws Cancelled (checked after every attribute
/// and every correlation row). Cost: about one sort per numeric column plus O(p² n) for the
/// correlations; German Credit (1,000 × 20) takes a few milliseconds.
ExploreResult analyseDataset(const Dataset& dataset, const ExploreParams& params = {},
                             const ProgressSink& sink = {});

} // namespace credit::core
