// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "monitor/log_summary.h"

#include "eval/bootstrap.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <unordered_map>

namespace credit::core {

namespace {

/// The WHERE clause of a selection and its parameters. Only the conditions that apply are
/// written, so that SQLite's planner can use the (model_id, time, …) covering index.
struct Where
{
    std::string sql;
    std::vector<std::string> parameters;
};

Where whereOf(const LogSelection& s, const char* extra = nullptr, bool withModel = true)
{
    Where w;
    const auto add = [&w](const std::string& condition, const std::string* value) {
        w.sql += (w.sql.empty() ? " WHERE " : " AND ") + condition;
        if (value != nullptr) {
            w.parameters.push_back(*value);
            w.sql += std::to_string(w.parameters.size());
        }
    };
    if (withModel && !s.modelId.empty()) {
        add("model_id = ?", &s.modelId);
    }
    if (!s.since.empty()) {
        add("time >= ?", &s.since);
    }
    if (!s.until.empty()) {
        add("time < ?", &s.until);
    }
    if (extra != nullptr) {
        add(extra, nullptr);
    }
    return w;
}

/// The Monday on or before the day "YYYY-MM-DD", in the same form (UTC calendar).
std::string mondayOf(const std::string& day)
{
    int y = 0;
    unsigned m = 0;
    unsigned d = 0;
    if (std::sscanf(day.c_str(), "%d-%u-%u", &y, &m, &d) != 3) {
        return day;
    }
    const std::chrono::sys_days date{std::chrono::year{y} / std::chrono::month{m} /
                                     std::chrono::day{d}};
    const unsigned fromMonday = (std::chrono::weekday{date}.c_encoding() + 6) % 7;
    const std::chrono::year_month_day monday{date - std::chrono::days{fromMonday}};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", int(monday.year()), unsigned(monday.month()),
                  unsigned(monday.day()));
    return text;
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
    const Where where = whereOf(selection);
    // One streaming pass over the covering index for the totals, the groups and the
    // latencies: SQLite's GROUP BY on a computed day would sort every record in a temporary
    // B-tree (1.3 s for 1,000,000 records), while the groups of a period are few.
    std::unordered_map<std::string, std::size_t> groupOf;
    std::unordered_map<std::string, std::string> weekOfDay;
    std::vector<std::pair<std::string, PeriodVolume>> groups; // first time, figures
    std::vector<double> latencies;
    latencies.reserve(1024);
    std::string key;
    std::unordered_map<std::string, std::size_t> refusalCounts;
    std::string firstTime;
    std::string lastTime;
    log.select("SELECT time, request_id, error = '', decision = 'accept', outcome IS NOT NULL,"
               " latency_ms, error FROM predictions" +
                   where.sql,
               where.parameters, [&](const LogRow& row) {
                   const std::string_view time = row.text(0);
                   switch (unit) {
                   case PeriodUnit::Day:
                       key.assign(time.substr(0, 10));
                       break;
                   case PeriodUnit::Month:
                       key.assign(time.substr(0, 7));
                       break;
                   case PeriodUnit::Week: {
                       const std::string day(time.substr(0, 10));
                       auto it = weekOfDay.find(day);
                       if (it == weekOfDay.end()) {
                           it = weekOfDay.emplace(day, mondayOf(day)).first;
                       }
                       key = it->second;
                       break;
                   }
                   case PeriodUnit::Batch:
                       key.assign(row.text(1));
                       break;
                   }
                   auto found = groupOf.find(key);
                   if (found == groupOf.end()) {
                       found = groupOf.emplace(key, groups.size()).first;
                       groups.emplace_back(std::string(time), PeriodVolume{});
                       groups.back().second.period = key;
                   }
                   auto& [first, v] = groups[found->second];
                   if (time < first) {
                       first.assign(time);
                   }
                   const bool scored = row.integer(2) != 0;
                   if (!scored) {
                       ++refusalCounts[std::string(row.text(6))];
                   }
                   if (firstTime.empty() || time < firstTime) {
                       firstTime.assign(time);
                   }
                   if (time > lastTime) {
                       lastTime.assign(time);
                   }
                   ++v.rows;
                   v.scored += scored ? 1 : 0;
                   v.refused += scored ? 0 : 1;
                   v.accepted += row.integer(3) != 0 ? 1 : 0;
                   s.withOutcome += row.integer(4) != 0 ? 1 : 0;
                   latencies.push_back(row.number(5));
               });
    std::sort(groups.begin(), groups.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [first, v] : groups) {
        if (v.scored > 0) {
            v.acceptanceRate = double(v.accepted) / double(v.scored);
        }
        s.rows += v.rows;
        s.scored += v.scored;
        s.accepted += v.accepted;
        s.refused += v.refused;
    }
    const std::size_t keep = std::min(groups.size(), LogSummary::kMaxPeriods);
    for (std::size_t i = groups.size() - keep; i < groups.size(); ++i) {
        s.periods.push_back(std::move(groups[i].second));
    }
    if (s.rows > 0) {
        s.errorRate = double(s.refused) / double(s.rows);
    }
    if (!latencies.empty()) {
        std::sort(latencies.begin(), latencies.end());
        // quantile() sorts a copy; the values are sorted once here and read three times.
        s.latencyP50 = quantile(latencies, 0.50);
        s.latencyP95 = quantile(latencies, 0.95);
        s.latencyP99 = quantile(latencies, 0.99);
    }
    std::vector<std::pair<std::string, std::size_t>> refusals(refusalCounts.begin(),
                                                              refusalCounts.end());
    std::sort(refusals.begin(), refusals.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    refusals.resize(std::min<std::size_t>(refusals.size(), 10));
    s.topRefusals = std::move(refusals);
    // The models of the log, by a skip scan of the index (one lookup per model), then each
    // model's count in the period from its own range of the index.
    std::vector<std::string> ids;
    for (std::string last;;) {
        bool found = false;
        log.select("SELECT model_id FROM predictions WHERE model_id > ?1 ORDER BY model_id"
                   " LIMIT 1",
                   {last}, [&](const LogRow& row) {
                       last = std::string(row.text(0));
                       found = true;
                   });
        if (!found) {
            break;
        }
        ids.push_back(last);
    }
    if (const auto empty = std::find(ids.begin(), ids.end(), std::string()); empty == ids.end()) {
        // model_id > '' skips records without one; they are counted too when present.
        log.select("SELECT 1 FROM predictions WHERE model_id = '' LIMIT 1", {},
                   [&](const LogRow&) { ids.insert(ids.begin(), std::string()); });
    }
    for (const std::string& id : ids) {
        LoggedModel m;
        m.id = id;
        if (id == selection.modelId && !groups.empty()) {
            m.rows = s.rows;
            m.firstTime = firstTime;
            m.lastTime = lastTime;
        } else {
            LogSelection one = selection;
            one.modelId = id;
            const Where range = whereOf(one, id.empty() ? "model_id = ''" : nullptr);
            log.select("SELECT COUNT(*), MIN(time), MAX(time) FROM predictions" + range.sql,
                       range.parameters, [&](const LogRow& row) {
                           m.rows = std::size_t(row.integer(0));
                           m.firstTime = std::string(row.text(1));
                           m.lastTime = std::string(row.text(2));
                       });
        }
        if (m.rows > 0) {
            s.models.push_back(std::move(m));
        }
    }
    std::sort(s.models.begin(), s.models.end(),
              [](const LoggedModel& a, const LoggedModel& b) { return a.lastTime > b.lastTime; });
    for (LoggedModel& m : s.models) {
        // The name of its latest record (the index finds it without a scan).
        log.select("SELECT model_name FROM predictions WHERE model_id = ?1"
                   " ORDER BY time DESC LIMIT 1",
                   {m.id}, [&](const LogRow& row) { m.name = std::string(row.text(0)); });
    }
    return s;
}

DriftCounts countLogDrift(const PredictionLog& log, const LogSelection& selection,
                          const DriftReference& reference, const std::string& algorithm,
                          std::size_t* inputRows)
{
    DriftCounts counts = DriftCounts::shapedLike(reference, algorithm);
    const Where scored = whereOf(selection, "error = ''");
    const auto scoreBins = reference.scores.find(algorithm);
    if (scoreBins != reference.scores.end()) {
        log.select("SELECT " + binCase("model_pd", scoreBins->second.edges) +
                       " AS bin, COUNT(*), SUM(outcome IS NOT NULL), SUM(outcome = 1)"
                       " FROM predictions" +
                       scored.sql + " GROUP BY bin",
                   scored.parameters, [&](const LogRow& row) {
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
    const Where full = whereOf(selection, "error = '' AND input_storage = 'full'");
    log.select("SELECT inputs, outcome FROM predictions" + full.sql, full.parameters,
               [&](const LogRow& row) {
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
    const Where scored = whereOf(selection, "error = ''");
    log.select("SELECT pd, decision = 'reject', COALESCE(outcome, -1), grade FROM predictions" +
                   scored.sql,
               scored.parameters, [&](const LogRow& row) {
                   period.pds.push_back(row.number(0));
                   period.rejected.push_back(std::uint8_t(row.integer(1) != 0));
                   period.outcomes.push_back(std::int8_t(row.integer(2)));
                   period.grades.emplace_back(row.text(3));
               });
    return period;
}

} // namespace credit::core
