// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "monitor/drift.h"
#include "monitor/performance.h"
#include "monitor/prediction_log.h"

#include <cstddef>
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace credit::core {

/// How the Monitor tab groups a period's records.
enum class PeriodUnit
{
    Day,   ///< UTC calendar day ("2026-12-02")
    Week,  ///< the Monday of the UTC week ("2026-11-30")
    Month, ///< "2026-12"
    Batch, ///< request id (one batch file, one CLI call, one form score)
};
/// "day", "week", "month", "batch"; parse throws std::invalid_argument naming them.
const char* periodUnitName(PeriodUnit unit);
PeriodUnit parsePeriodUnit(const std::string& name);

/// Which records: [since, until) (ISO 8601 UTC, empty = open) of one model (empty = all).
struct LogSelection
{
    std::string since;
    std::string until;
    std::string modelId;
};

/// One group of records (a day, a week, a month or a batch).
struct PeriodVolume
{
    std::string period; ///< the group's key (see PeriodUnit)
    std::size_t rows = 0;
    std::size_t scored = 0;
    std::size_t accepted = 0;
    std::size_t refused = 0; ///< rows refused by validation
    double acceptanceRate = std::numeric_limits<double>::quiet_NaN(); ///< accepted / scored
};

/// A model seen in the log.
struct LoggedModel
{
    std::string id;
    std::string name;
    std::size_t rows = 0;
    std::string firstTime;
    std::string lastTime;
};

/// The operational figures of a selection, every one aggregated in SQL (GROUP BY, COUNT, SUM)
/// or from one column: a log of 1,000,000 records is summarised without loading its rows.
struct LogSummary
{
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    std::size_t rows = 0;
    std::size_t scored = 0;
    std::size_t accepted = 0;
    std::size_t refused = 0;
    std::size_t withOutcome = 0;
    double errorRate = kNaN;  ///< refused / rows
    double latencyP50 = kNaN; ///< ms, type-7 quantiles of latency_ms over every record
    double latencyP95 = kNaN;
    double latencyP99 = kNaN;
    std::vector<PeriodVolume> periods; ///< oldest first; at most kMaxPeriods (the latest)
    /// The most frequent refusal messages with their counts, most frequent first (up to 10).
    std::vector<std::pair<std::string, std::size_t>> topRefusals;
    std::vector<LoggedModel> models; ///< every model of the log in [since, until)

    static constexpr std::size_t kMaxPeriods = 400;
};

/// Cost: a few indexed scans of the selection (about 1 s for 1,000,000 records). Throws
/// LogError.
LogSummary summarizeLog(const PredictionLog& log, const LogSelection& selection, PeriodUnit unit);

/// Counts of the selection's scored records in the reference's bins: the score from
/// `model_pd` (grouped in SQL on the score bins of `algorithm`), the attributes from the
/// stored inputs (records stored `hashed` or `none` count for the score only), outcomes from
/// the imported ones. `inputRows` (if given) receives how many records had readable inputs;
/// the attribute counts' `rows` is that number.
DriftCounts countLogDrift(const PredictionLog& log, const LogSelection& selection,
                          const DriftReference& reference, const std::string& algorithm,
                          std::size_t* inputRows = nullptr);

/// The scored records of the selection (pd, decision, outcome, grade), for the performance
/// figures. Memory: about 40 bytes a record.
PeriodPredictions readPeriodPredictions(const PredictionLog& log, const LogSelection& selection);

} // namespace credit::core
