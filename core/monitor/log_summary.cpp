// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "monitor/log_summary.h"

#include "eval/bootstrap.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <unordered_map>

namespace credit::core {

namespace {

/// The WHERE clause of a selection, parameters ?1 since, ?2 until, ?3 model id.
const char* kWhere = " WHERE (?1 = '' OR time >= ?1) AND (?2 = '' OR time < ?2)"
                     " AND (?3 = '' OR model_id = ?3)";

std::vector<std::string> parametersOf(const LogSelection& s)
{
    return {s.since, s.until, s.modelId};
}

std::string groupKey(PeriodUnit unit)
{
    switch (unit) {
    case PeriodUnit::Day:
        return "substr(time, 1, 10)";
    case PeriodUnit::Week:
        // SQLite date modifiers: the Monday on or before the day.
        return "date(substr(time, 1, 10), '-6 days', 'weekday 1')";
    case PeriodUnit::Month:
        return "substr(time, 1, 7)";
    case PeriodUnit::Batch:
        return "request_id";
    }
    return "substr(time, 1, 10)";
}

/// A CASE expression giving the bin of `value` for right-closed `edges`.
std::string binCase(const std::string& value, const std::vector<double>& edges)
{
    std::string sql = "CASE";
    for (std::size_t i = 0; i < edges.size(); ++i) {
        char edge[40];
        std::snprintf(edge, sizeof edge, "%.17g", edges[i]);
        sql += " WHEN " + value + " <= " + edge + " THEN " + std::to_string(i);
    }
    return sql + " ELSE " + std::to_string(edges.size()) + " END";
}

} // namespace

const char* periodUnitName(PeriodUnit unit)
{
    switch (unit) {
    case PeriodUnit::Day:
        return "day";
    case PeriodUnit::Week:
        return "week";
    case PeriodUnit::Month:
        return "month";
    case PeriodUnit::Batch:
        return "batch";
    }
    return "day";
}

PeriodUnit parsePeriodUnit(const std::string& name)
{
    for (const PeriodUnit unit :
         {PeriodUnit::Day, PeriodUnit::Week, PeriodUnit::Month, PeriodUnit::Batch}) {
        if (name == periodUnitName(unit)) {
            return unit;
        }
    }
    throw std::invalid_argument("a period is day, week, month or batch, not \"" + name + "\"");
}

LogSummary summarizeLog(const PredictionLog& log, const LogSelection& selection, PeriodUnit unit)
{
    LogSummary s;
    const std::vector<std::string> p = parametersOf(selection);
    log.select(std::string("SELECT COUNT(*), SUM(error = ''), SUM(decision = 'accept'),"
                           " SUM(error <> ''), SUM(outcome IS NOT NULL) FROM predictions") +
                   kWhere,
               p, [&](const LogRow& row) {
                   s.rows = std::size_t(row.integer(0));
                   s.scored = std::size_t(row.integer(1));
                   s.accepted = std::size_t(row.integer(2));
                   s.refused = std::size_t(row.integer(3));
                   s.withOutcome = std::size_t(row.integer(4));
               });
    if (s.rows > 0) {
        s.errorRate = double(s.refused) / double(s.rows);
    }
    const std::string key = groupKey(unit);
    log.select("SELECT * FROM (SELECT " + key +
                   " AS period, COUNT(*), SUM(error = ''), SUM(decision = 'accept'),"
                   " SUM(error <> ''), MIN(time) AS first FROM predictions" +
                   kWhere + " GROUP BY period ORDER BY first DESC LIMIT " +
                   std::to_string(LogSummary::kMaxPeriods) + ") ORDER BY first",
               p, [&](const LogRow& row) {
                   PeriodVolume v;
                   v.period = std::string(row.text(0));
                   v.rows = std::size_t(row.integer(1));
                   v.scored = std::size_t(row.integer(2));
                   v.accepted = std::size_t(row.integer(3));
                   v.refused = std::size_t(row.integer(4));
                   if (v.scored > 0) {
                       v.acceptanceRate = double(v.accepted) / double(v.scored);
                   }
                   s.periods.push_back(std::move(v));
               });
    std::vector<double> latencies;
    latencies.reserve(s.rows);
    log.select(std::string("SELECT latency_ms FROM predictions") + kWhere, p,
               [&](const LogRow& row) { latencies.push_back(row.number(0)); });
    if (!latencies.empty()) {
        std::sort(latencies.begin(), latencies.end());
        // quantile() sorts a copy; the values are sorted once here and read three times.
        s.latencyP50 = quantile(latencies, 0.50);
        s.latencyP95 = quantile(latencies, 0.95);
        s.latencyP99 = quantile(latencies, 0.99);
    }
    log.select(std::string("SELECT error, COUNT(*) AS n FROM predictions") + kWhere +
                   " AND error <> '' GROUP BY error ORDER BY n DESC LIMIT 10",
               p, [&](const LogRow& row) {
                   s.topRefusals.emplace_back(std::string(row.text(0)),
                                              std::size_t(row.integer(1)));
               });
    log.select("SELECT model_id, MAX(model_name), COUNT(*), MIN(time), MAX(time) FROM predictions"
               " WHERE (?1 = '' OR time >= ?1) AND (?2 = '' OR time < ?2)"
               " GROUP BY model_id ORDER BY MAX(time) DESC",
               {selection.since, selection.until}, [&](const LogRow& row) {
                   LoggedModel m;
                   m.id = std::string(row.text(0));
                   m.name = std::string(row.text(1));
                   m.rows = std::size_t(row.integer(2));
                   m.firstTime = std::string(row.text(3));
                   m.lastTime = std::string(row.text(4));
                   s.models.push_back(std::move(m));
               });
    return s;
}

DriftCounts countLogDrift(const PredictionLog& log, const LogSelection& selection,
                          const DriftReference& reference, const std::string& algorithm,
                          std::size_t* inputRows)
{
    DriftCounts counts = DriftCounts::shapedLike(reference, algorithm);
    const std::vector<std::string> p = parametersOf(selection);
    const auto scoreBins = reference.scores.find(algorithm);
    if (scoreBins != reference.scores.end()) {
        log.select("SELECT " + binCase("model_pd", scoreBins->second.edges) +
                       " AS bin, COUNT(*), SUM(outcome IS NOT NULL), SUM(outcome = 1)"
                       " FROM predictions" +
                       kWhere + " AND error = '' GROUP BY bin",
                   p, [&](const LogRow& row) {
                       const auto bin = std::size_t(row.integer(0));
                       counts.score[bin] = std::size_t(row.integer(1));
                       counts.scoreOutcomes[bin] = std::size_t(row.integer(2));
                       counts.scoreBads[bin] = std::size_t(row.integer(3));
                   });
    } else {
        counts.score.clear();
    }
    std::unordered_map<std::string_view, std::size_t> attributeIndex;
    for (std::size_t a = 0; a < reference.attributes.size(); ++a) {
        attributeIndex.emplace(reference.attributes[a].name, a);
    }
    std::size_t rows = 0;
    std::vector<std::size_t> binOfAttribute(reference.attributes.size());
    std::vector<std::uint8_t> seen(reference.attributes.size());
    log.select(std::string("SELECT inputs, outcome FROM predictions") + kWhere +
                   " AND error = '' AND input_storage = 'full'",
               p, [&](const LogRow& row) {
                   std::fill(seen.begin(), seen.end(), std::uint8_t(0));
                   const bool parsed =
                       visitInputs(row.text(0), [&](std::string_view key, std::string_view value) {
                           const auto it = attributeIndex.find(key);
                           if (it != attributeIndex.end()) {
                               binOfAttribute[it->second] =
                                   reference.attributes[it->second].binOfText(value);
                               seen[it->second] = 1;
                           }
                       });
                   if (!parsed) {
                       return;
                   }
                   ++rows;
                   const bool known = !row.isNull(1);
                   const bool bad = known && row.integer(1) == 1;
                   for (std::size_t a = 0; a < binOfAttribute.size(); ++a) {
                       const ReferenceBins& bins = reference.attributes[a];
                       // An attribute the record lacks was missing for the scorer too.
                       const std::size_t bin =
                           seen[a] != 0 ? binOfAttribute[a] : bins.binOfText(std::string_view());
                       ++counts.attributes[a][bin];
                       if (known) {
                           ++counts.attributeOutcomes[a][bin];
                           counts.attributeBads[a][bin] += bad ? 1 : 0;
                       }
                   }
               });
    counts.rows = rows;
    if (inputRows != nullptr) {
        *inputRows = rows;
    }
    return counts;
}

PeriodPredictions readPeriodPredictions(const PredictionLog& log, const LogSelection& selection)
{
    PeriodPredictions period;
    log.select(std::string("SELECT pd, decision = 'reject', COALESCE(outcome, -1), grade"
                           " FROM predictions") +
                   kWhere + " AND error = ''",
               parametersOf(selection), [&](const LogRow& row) {
                   period.pds.push_back(row.number(0));
                   period.rejected.push_back(std::uint8_t(row.integer(1) != 0));
                   period.outcomes.push_back(std::int8_t(row.integer(2)));
                   period.grades.emplace_back(row.text(3));
               });
    return period;
}

} // namespace credit::core
