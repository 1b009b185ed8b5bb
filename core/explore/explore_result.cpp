// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "explore/explore_result.h"

#include "explore/number_format.h"

#include <algorithm>
#include <numeric>

namespace credit::core {
namespace {

constexpr std::size_t kMaxQuantileBins = 50;
// Below this share of the minority class, models need care (weights, stratified folds).
constexpr double kImbalanceWarning = 0.1;

AttributeExploration exploreColumn(const Dataset& dataset, std::size_t columnIndex,
                                   const ExploreParams& params, std::vector<double>* sortedOut)
{
    const Column& column = dataset.column(columnIndex);
    const auto& labels = dataset.labels();
    AttributeExploration a;
    a.columnIndex = columnIndex;
    if (column.isNumeric()) {
        std::vector<double> sorted = sortedValues(column);
        a.summary = summarizeNumeric(column, labels, sorted);
        a.histogram = outcomeHistogram(column, labels, params.histogramBins);
        const std::size_t bins = std::clamp<std::size_t>(params.quantileBins, 1, kMaxQuantileBins);
        a.binning = quantileBinning(sorted, bins, a.summary.missing > 0);
        if (sortedOut != nullptr) {
            *sortedOut = std::move(sorted);
        }
    } else {
        a.summary = summarizeColumn(column, labels);
        a.binning = levelBinning(column);
    }
    a.woe = woeTable(column, labels, a.binning);
    return a;
}

void progress(const ProgressSink& sink, const std::string& stage, std::size_t done,
              std::size_t total, double fraction, const std::string& message = {})
{
    ProgressEvent event;
    event.stage = stage;
    event.done = done;
    event.total = total;
    event.fraction = fraction;
    event.message = message;
    if (!report(sink, event)) {
        throw Cancelled{};
    }
}

} // namespace

const AttributeExploration* ExploreResult::find(const std::string& name) const
{
    for (const AttributeExploration& a : attributes) {
        if (a.summary.name == name) {
            return &a;
        }
    }
    return nullptr;
}

std::vector<std::size_t> ExploreResult::ivRanking() const
{
    std::vector<std::size_t> order(attributes.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [this](std::size_t a, std::size_t b) {
        if (attributes[a].woe.iv != attributes[b].woe.iv) {
            return attributes[a].woe.iv > attributes[b].woe.iv;
        }
        return attributes[a].summary.name < attributes[b].summary.name;
    });
    return order;
}

ClassBalance classBalance(const Dataset& dataset)
{
    ClassBalance b;
    b.positiveLabel = dataset.schema().positiveLabel;
    b.negativeLabel = dataset.schema().negativeLabel;
    b.positives = dataset.positiveCount();
    b.negatives = dataset.rowCount() - dataset.positiveCount();
    b.positiveRate = dataset.positiveRate();
    return b;
}

AttributeExploration exploreAttribute(const Dataset& dataset, std::size_t columnIndex,
                                      const ExploreParams& params)
{
    return exploreColumn(dataset, columnIndex, params, nullptr);
}

ExploreResult analyseDataset(const Dataset& dataset, const ExploreParams& params,
                             const ProgressSink& sink)
{
    ExploreResult r;
    r.source = dataset.sourceName();
    r.rows = dataset.rowCount();
    r.params = params;
    r.balance = classBalance(dataset);
    r.outliers.params = params.outliers;

    const double minority = std::min(r.balance.positiveRate, 1.0 - r.balance.positiveRate);
    if (minority < kImbalanceWarning) {
        r.warnings.push_back("the classes are imbalanced: the minority class is " +
                             formatNumber(100.0 * minority) + " % of the rows");
    }

    // Overall fraction: attributes 60 %, correlations 2 × 15 %, outliers are in the first part.
    const std::vector<std::size_t> features = dataset.schema().featureIndices();
    const std::size_t total = features.size();
    const double attributeShare = params.correlations ? 0.7 : 1.0;
    progress(sink, "attributes", 0, total, 0.0);
    std::vector<double> sorted;
    for (std::size_t i = 0; i < total; ++i) {
        const std::size_t index = features[i];
        const Column& column = dataset.column(index);
        r.attributes.push_back(exploreColumn(dataset, index, params, &sorted));
        const AttributeExploration& a = r.attributes.back();
        if (a.summary.count == 0) {
            r.warnings.push_back("column '" + column.name() + "' has no values");
        } else if (a.summary.distinct <= 1) {
            r.warnings.push_back("column '" + column.name() + "' is constant");
        }
        if (a.woe.strength == IvStrength::Suspicious) {
            r.warnings.push_back("column '" + column.name() + "' has IV " + formatNumber(a.woe.iv) +
                                 " > 0.5: check that it is known before the credit decision");
        }
        if (column.isNumeric()) {
            detectColumnOutliers(column, index, a.summary, params.outliers, r.outliers);
        }
        progress(sink, "attributes", i + 1, total,
                 attributeShare * double(i + 1) / double(std::max<std::size_t>(total, 1)),
                 column.name());
    }

    if (params.correlations) {
        const ProgressSink scaled = [&](const ProgressEvent& e) {
            ProgressEvent out = e;
            const double base = e.stage == "pearson" ? 0.7 : 0.85;
            out.fraction = base + 0.15 * e.fraction;
            return report(sink, out);
        };
        r.pearson = correlationMatrix(dataset, CorrelationMethod::Pearson, scaled);
        r.spearman = correlationMatrix(dataset, CorrelationMethod::Spearman, scaled);
    }
    progress(sink, "done", 1, 1, 1.0);
    return r;
}

} // namespace credit::core
