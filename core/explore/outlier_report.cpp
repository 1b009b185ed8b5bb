// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "explore/outlier_report.h"

#include "explore/number_format.h"

#include <cmath>
#include <cstdio>
#include <limits>

namespace credit::core {

void detectColumnOutliers(const Column& column, std::size_t columnIndex,
                          const ColumnSummary& summary, const OutlierParams& params,
                          OutlierReport& report)
{
    OutlierFences fences;
    fences.columnIndex = columnIndex;
    fences.attribute = column.name();
    const std::string k =
        formatNumber(params.method == OutlierMethod::Iqr ? params.iqrK : params.zThreshold);
    std::string lowText;
    std::string highText;
    double iqr = 0.0;
    if (params.method == OutlierMethod::Iqr) {
        iqr = summary.q3 - summary.q1;
        fences.lower = summary.q1 - params.iqrK * iqr;
        fences.upper = summary.q3 + params.iqrK * iqr;
        if (iqr == 0.0) {
            fences.skipped = "IQR is 0 (Q1 = Q3 = " + formatNumber(summary.q1) +
                             "): the fences would flag every other value, so this column "
                             "is not checked by the IQR rule (use z-scores)";
            fences.lower = fences.upper = std::numeric_limits<double>::quiet_NaN();
        }
        lowText = " < Q1 − " + k + "·IQR = " + formatNumber(fences.lower);
        highText = " > Q3 + " + k + "·IQR = " + formatNumber(fences.upper);
    } else {
        const bool usable = summary.sd > 0.0;
        if (!usable && summary.count > 0) {
            fences.skipped = "sd is 0 (every value is " + formatNumber(summary.mean) +
                             "): z-scores are undefined";
        }
        fences.lower = usable ? summary.mean - params.zThreshold * summary.sd
                              : std::numeric_limits<double>::quiet_NaN();
        fences.upper = usable ? summary.mean + params.zThreshold * summary.sd
                              : std::numeric_limits<double>::quiet_NaN();
        lowText = " < mean − " + k + "·sd = " + formatNumber(fences.lower);
        highText = " > mean + " + k + "·sd = " + formatNumber(fences.upper);
    }
    if (!std::isnan(fences.lower) && !std::isnan(fences.upper)) {
        for (std::size_t row = 0; row < column.numeric.size(); ++row) {
            const double v = column.numeric[row];
            const bool low = v < fences.lower;
            const bool high = v > fences.upper;
            if (!low && !high) {
                continue; // NaN compares false both ways, so missing values end here too
            }
            OutlierFlag flag;
            flag.row = row;
            flag.columnIndex = columnIndex;
            flag.attribute = column.name();
            flag.value = v;
            flag.reason = column.name() + " = " + formatNumber(v) + (low ? lowText : highText);
            if (params.method == OutlierMethod::Iqr) {
                flag.score = iqr > 0.0 ? (low ? fences.lower - v : v - fences.upper) / iqr : 0.0;
            } else {
                flag.score = (v - summary.mean) / summary.sd;
                char z[32];
                std::snprintf(z, sizeof z, " (z = %.2f)", flag.score);
                flag.reason += z;
            }
            report.flags.push_back(std::move(flag));
            ++fences.flagged;
        }
    }
    report.fences.push_back(std::move(fences));
}

OutlierReport detectOutliers(const Dataset& dataset, const OutlierParams& params)
{
    OutlierReport report;
    report.params = params;
    for (std::size_t index : dataset.schema().featureIndices()) {
        const Column& column = dataset.column(index);
        if (!column.isNumeric()) {
            continue;
        }
        const ColumnSummary summary = summarizeColumn(column, {});
        detectColumnOutliers(column, index, summary, params, report);
    }
    return report;
}

} // namespace credit::core
