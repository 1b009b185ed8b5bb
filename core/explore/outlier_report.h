// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "data/dataset.h"
#include "explore/column_summary.h"

#include <cstddef>
#include <string>
#include <vector>

namespace credit::core {

enum class OutlierMethod
{
    Iqr,    ///< Tukey fences: below Q1 − k·IQR or above Q3 + k·IQR (type-7 quartiles)
    ZScore, ///< |x − mean| / sd > threshold (sample sd, divisor n − 1)
};

struct OutlierParams
{
    OutlierMethod method = OutlierMethod::Iqr;
    double iqrK = 1.5;       ///< fence multiplier k, > 0 (1.5 = Tukey's "outside", 3 = "far out")
    double zThreshold = 3.0; ///< |z| above which a value is flagged, > 0
};

/// One flagged value.
struct OutlierFlag
{
    std::size_t row = 0;         ///< 0-based dataset row
    std::size_t columnIndex = 0; ///< dataset column index
    std::string attribute;
    double value = 0.0;
    /// IQR: distance beyond the crossed fence in IQRs (≥ 0); z-score: z = (x − mean) / sd.
    double score = 0.0;
    /// E.g. "credit_amount = 18424 > Q3 + 1.5·IQR = 7882.4" or
    /// "age = 75 > mean + 3·sd = 69.6 (z = 3.57)".
    std::string reason;
};

/// The fences used for one numeric attribute and how many values fell outside.
struct OutlierFences
{
    std::size_t columnIndex = 0;
    std::string attribute;
    double lower = 0.0; ///< values strictly below are flagged (NaN when the column is empty)
    double upper = 0.0; ///< values strictly above are flagged
    std::size_t flagged = 0;
    /// Why the column was not checked (its fences are then NaN), else empty. E.g. an IQR of 0:
    /// "IQR is 0 (Q1 = Q3 = 1): fences at 1 would flag every other value".
    std::string skipped;
};

/// Outliers of the numeric feature columns under one method.
///
/// Missing values are never flagged. Degenerate input: an empty column has NaN fences and no
/// flag. A column with an IQR of 0 (a constant column, or one like num_dependents where more
/// than half the values are equal) is not checked by the IQR rule: its fences would collapse
/// onto one value and flag every other one; `skipped` says so and the z-score rule still
/// applies. A zero sd leaves z-scores undefined (nothing flagged, `skipped` says why).
struct OutlierReport
{
    OutlierParams params;
    std::vector<OutlierFences> fences; ///< one per numeric feature, in dataset order
    std::vector<OutlierFlag> flags;    ///< by column in dataset order, then by row
};

/// Flags the outliers of one numeric column with the statistics in `summary` (made by
/// summarizeColumn for this column). Appends to `report`. Cost: O(n).
void detectColumnOutliers(const Column& column, std::size_t columnIndex,
                          const ColumnSummary& summary, const OutlierParams& params,
                          OutlierReport& report);

/// Outliers of every numeric feature column of `dataset`. Cost: O(n log n) per column.
OutlierReport detectOutliers(const Dataset& dataset, const OutlierParams& params);

} // namespace credit::core
