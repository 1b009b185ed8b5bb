// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "monitor/drift.h"

#include "explore/column_summary.h"
#include "features/binary_stream.h"
#include "monitor/stat_tests.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <unordered_map>

namespace credit::core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool isMissingText(std::string_view text)
{
    return text.empty() || text == "?" || text == "NA";
}

/// Shares and bad rates per bin of `bins` from bin indices of the training rows.
void fillShares(ReferenceBins& bins, const std::vector<std::size_t>& binOfRow,
                std::span<const std::uint8_t> labels)
{
    std::vector<std::size_t> counts(bins.binCount(), 0);
    std::vector<std::size_t> bads(bins.binCount(), 0);
    for (std::size_t row = 0; row < binOfRow.size(); ++row) {
        ++counts[binOfRow[row]];
        if (!labels.empty() && labels[row] == 1) {
            ++bads[binOfRow[row]];
        }
    }
    bins.rows = binOfRow.size();
    bins.shares.assign(bins.binCount(), 0.0);
    bins.badRates.assign(bins.binCount(), kNaN);
    for (std::size_t i = 0; i < bins.binCount(); ++i) {
        if (bins.rows > 0) {
            bins.shares[i] = double(counts[i]) / double(bins.rows);
        }
        if (counts[i] > 0 && !labels.empty()) {
            bins.badRates[i] = double(bads[i]) / double(counts[i]);
        }
    }
}

ReferenceBins quantileBins(const std::string& name, std::span<const double> sorted,
                           std::size_t binCount, bool withMissing)
{
    const Binning binning = quantileBinning(sorted, binCount, withMissing);
    ReferenceBins bins;
    bins.name = name;
    bins.kind = BinningKind::Quantile;
    bins.edges = binning.edges;
    bins.labels = binning.labels;
    if (bins.labels.empty() || (withMissing && bins.labels.size() == 1)) {
        // No value at all: one empty value bin keeps binOfNumber() in range.
        bins.labels.insert(bins.labels.begin(), "all values");
    }
    if (withMissing) {
        bins.missingBin = bins.labels.size() - 1;
    }
    return bins;
}

void writeBins(BinaryWriter& w, const ReferenceBins& b)
{
    w.string(b.name);
    w.pod(static_cast<std::uint8_t>(b.kind == BinningKind::Levels ? 1 : 0));
    w.podVector(b.edges);
    w.strings(b.labels);
    w.podVector(b.shares);
    w.podVector(b.badRates);
    w.u64(b.otherBin);
    w.u64(b.missingBin);
    w.u64(b.rows);
}

ReferenceBins readBins(BinaryReader& r)
{
    ReferenceBins b;
    b.name = r.string();
    const auto kind = r.pod<std::uint8_t>();
    if (kind > 1) {
        r.fail("unknown binning kind " + std::to_string(kind));
    }
    b.kind = kind == 1 ? BinningKind::Levels : BinningKind::Quantile;
    b.edges = r.podVector<double>();
    b.labels = r.strings();
    b.shares = r.podVector<double>();
    b.badRates = r.podVector<double>();
    b.otherBin = static_cast<std::size_t>(r.u64());
    b.missingBin = static_cast<std::size_t>(r.u64());
    b.rows = static_cast<std::size_t>(r.u64());
    const std::size_t n = b.labels.size();
    const bool valid = n > 0 && b.shares.size() == n && b.badRates.size() == n &&
                       (b.otherBin == ReferenceBins::kNone || b.otherBin < n) &&
                       (b.missingBin == ReferenceBins::kNone || b.missingBin < n) &&
                       (b.kind == BinningKind::Levels ||
                        b.edges.size() + 1 + (b.missingBin == ReferenceBins::kNone ? 0 : 1) == n);
    if (!valid) {
        r.fail("inconsistent bins of '" + b.name + "'");
    }
    return b;
}

DriftFigure figureOf(const ReferenceBins& ref, std::span<const std::size_t> counts,
                     std::span<const std::size_t> outcomes, std::span<const std::size_t> bads,
                     double warning, double alert)
{
    DriftFigure f;
    f.name = ref.name;
    for (const std::size_t c : counts) {
        f.rows += c;
    }
    const PsiValue value = populationStability(ref.shares, ref.rows, counts);
    f.psi = value.psi;
    f.degreesOfFreedom = value.usedBins > 0 ? value.usedBins - 1 : 0;
    if (!std::isnan(f.psi) && ref.rows > 0) {
        const double n = double(ref.rows);
        const double m = double(f.rows);
        f.statistic = f.psi * n * m / (n + m);
        f.pValue = chiSquareSurvival(f.statistic, f.degreesOfFreedom);
    }
    if (f.psi >= alert) {
        f.level = DriftLevel::Shifted;
    } else if (f.psi >= warning) {
        f.level = DriftLevel::Watch;
    }
    f.bins.resize(ref.binCount());
    for (std::size_t i = 0; i < ref.binCount(); ++i) {
        DriftBin& b = f.bins[i];
        b.label = ref.labels[i];
        b.count = counts[i];
        b.share = f.rows > 0 ? double(counts[i]) / double(f.rows) : 0.0;
        b.referenceShare = ref.shares[i];
        b.term = value.terms.empty() ? 0.0 : value.terms[i];
        b.referenceBadRate = ref.badRates[i];
        if (!outcomes.empty()) {
            b.outcomes = outcomes[i];
            b.bads = bads[i];
            b.badRate = b.outcomes > 0 ? double(b.bads) / double(b.outcomes) : kNaN;
        }
    }
    return f;
}

int levelRank(DriftLevel level)
{
    return static_cast<int>(level);
}

} // namespace

std::size_t ReferenceBins::binOfNumber(double value) const
{
    if (std::isnan(value)) {
        return missingBin == kNone ? 0 : missingBin;
    }
    return std::size_t(std::lower_bound(edges.begin(), edges.end(), value) - edges.begin());
}

std::size_t ReferenceBins::binOfLevel(std::string_view label) const
{
    if (isMissingText(label)) {
        return missingBin;
    }
    const std::size_t declared = std::min(otherBin, missingBin);
    for (std::size_t i = 0; i < declared && i < labels.size(); ++i) {
        if (labels[i] == label) {
            return i;
        }
    }
    return otherBin;
}

std::size_t ReferenceBins::binOfText(std::string_view text) const
{
    while (!text.empty() && text.front() == ' ') {
        text.remove_prefix(1);
    }
    while (!text.empty() && text.back() == ' ') {
        text.remove_suffix(1);
    }
    if (kind == BinningKind::Levels) {
        return binOfLevel(text);
    }
    if (isMissingText(text)) {
        return binOfNumber(kNaN);
    }
    if (!text.empty() && text.front() == '+') {
        text.remove_prefix(1);
    }
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) {
        return binOfNumber(kNaN);
    }
    return binOfNumber(value);
}

const ReferenceBins* DriftReference::attribute(const std::string& name) const
{
    for (const ReferenceBins& bins : attributes) {
        if (bins.name == name) {
            return &bins;
        }
    }
    return nullptr;
}

DriftReference DriftReference::fromTraining(const Dataset& data, std::size_t binCount)
{
    DriftReference reference;
    reference.rows = data.rowCount();
    const std::span<const std::uint8_t> labels = data.labels();
    for (const std::size_t index : data.schema().featureIndices()) {
        const Column& column = data.column(index);
        ReferenceBins bins;
        std::vector<std::size_t> binOfRow(column.size());
        if (column.isNumeric()) {
            const std::vector<double> sorted = sortedValues(column);
            bins = quantileBins(column.name(), sorted, binCount, true);
            for (std::size_t row = 0; row < column.size(); ++row) {
                binOfRow[row] = bins.binOfNumber(column.numeric[row]);
            }
        } else {
            bins.name = column.name();
            bins.kind = BinningKind::Levels;
            bins.labels = column.schema.levels;
            bins.otherBin = bins.labels.size();
            bins.labels.push_back("other");
            bins.missingBin = bins.labels.size();
            bins.labels.push_back("missing");
            for (std::size_t row = 0; row < column.size(); ++row) {
                const std::int32_t code = column.codes[row];
                binOfRow[row] = code == Column::kMissingCode ? bins.missingBin : std::size_t(code);
            }
        }
        fillShares(bins, binOfRow, labels);
        reference.attributes.push_back(std::move(bins));
    }
    return reference;
}

void DriftReference::addScore(const std::string& algorithm, std::span<const double> pds,
                              std::span<const std::uint8_t> labels, std::size_t binCount)
{
    std::vector<double> sorted;
    sorted.reserve(pds.size());
    for (const double pd : pds) {
        if (!std::isnan(pd)) {
            sorted.push_back(pd);
        }
    }
    std::sort(sorted.begin(), sorted.end());
    ReferenceBins bins = quantileBins("score", sorted, binCount, false);
    std::vector<std::size_t> binOfRow;
    std::vector<std::uint8_t> keptLabels;
    for (std::size_t row = 0; row < pds.size(); ++row) {
        if (!std::isnan(pds[row])) {
            binOfRow.push_back(bins.binOfNumber(pds[row]));
            if (!labels.empty()) {
                keptLabels.push_back(labels[row]);
            }
        }
    }
    fillShares(bins, binOfRow, keptLabels);
    scores[algorithm] = std::move(bins);
}

void DriftReference::write(BinaryWriter& w) const
{
    w.u64(kLayoutVersion);
    w.u64(rows);
    w.u64(attributes.size());
    for (const ReferenceBins& bins : attributes) {
        writeBins(w, bins);
    }
    w.u64(scores.size());
    for (const auto& [algorithm, bins] : scores) {
        w.string(algorithm);
        writeBins(w, bins);
    }
}

DriftReference DriftReference::read(BinaryReader& r)
{
    DriftReference reference;
    if (r.u64() < 1) {
        r.fail("drift reference layout 0 is invalid");
    }
    reference.rows = static_cast<std::size_t>(r.u64());
    reference.attributes.resize(r.length());
    for (ReferenceBins& bins : reference.attributes) {
        bins = readBins(r);
    }
    const std::size_t scoreCount = r.length();
    for (std::size_t i = 0; i < scoreCount; ++i) {
        std::string algorithm = r.string();
        reference.scores[std::move(algorithm)] = readBins(r);
    }
    return reference;
}

const char* driftLevelName(DriftLevel level)
{
    switch (level) {
    case DriftLevel::Stable:
        return "stable";
    case DriftLevel::Watch:
        return "watch";
    case DriftLevel::Shifted:
        return "shifted";
    }
    return "stable";
}

PsiValue populationStability(std::span<const double> referenceShares, std::size_t referenceRows,
                             std::span<const std::size_t> counts)
{
    if (referenceShares.size() != counts.size()) {
        throw std::invalid_argument("populationStability: " + std::to_string(counts.size()) +
                                    " counts for " + std::to_string(referenceShares.size()) +
                                    " reference bins");
    }
    PsiValue value;
    std::size_t m = 0;
    for (const std::size_t c : counts) {
        m += c;
    }
    if (m == 0 || referenceRows == 0) {
        return value;
    }
    value.psi = 0.0;
    value.terms.assign(counts.size(), 0.0);
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const bool newEmpty = counts[i] == 0;
        const bool referenceEmpty = !(referenceShares[i] > 0.0);
        if (newEmpty && referenceEmpty) {
            continue;
        }
        ++value.usedBins;
        // Half a row for an empty side, as the WoE table smooths a zero cell.
        const double a = newEmpty ? 0.5 / double(m) : double(counts[i]) / double(m);
        const double e = referenceEmpty ? 0.5 / double(referenceRows) : referenceShares[i];
        value.terms[i] = (a - e) * std::log(a / e);
        value.psi += value.terms[i];
    }
    return value;
}

DriftCounts DriftCounts::shapedLike(const DriftReference& reference, const std::string& algorithm)
{
    DriftCounts counts;
    if (const auto it = reference.scores.find(algorithm); it != reference.scores.end()) {
        counts.score.assign(it->second.binCount(), 0);
        counts.scoreOutcomes.assign(it->second.binCount(), 0);
        counts.scoreBads.assign(it->second.binCount(), 0);
    }
    for (const ReferenceBins& bins : reference.attributes) {
        counts.attributes.emplace_back(bins.binCount(), 0);
        counts.attributeOutcomes.emplace_back(bins.binCount(), 0);
        counts.attributeBads.emplace_back(bins.binCount(), 0);
    }
    return counts;
}

DriftLevel DriftReport::worst() const
{
    DriftLevel level = hasScore ? score.level : DriftLevel::Stable;
    for (const DriftFigure& f : attributes) {
        if (levelRank(f.level) > levelRank(level)) {
            level = f.level;
        }
    }
    return level;
}

DriftReport evaluateDrift(const DriftReference& reference, const std::string& algorithm,
                          const DriftCounts& counts, const MonitoringSettings& bands)
{
    if (counts.attributes.size() != reference.attributes.size()) {
        throw std::invalid_argument("drift counts do not match the reference's attributes");
    }
    DriftReport report;
    report.rows = counts.rows;
    report.referenceRows = reference.rows;
    const bool withOutcomes = !counts.attributeOutcomes.empty();
    if (const auto it = reference.scores.find(algorithm);
        it != reference.scores.end() && counts.score.size() == it->second.binCount()) {
        report.hasScore = true;
        report.score = figureOf(it->second, counts.score,
                                counts.scoreOutcomes.empty() ? std::span<const std::size_t>()
                                                             : counts.scoreOutcomes,
                                counts.scoreBads, bands.psiWarning, bands.psiAlert);
        report.score.isScore = true;
    } else {
        report.warnings.push_back("the model bundle holds no score reference for '" + algorithm +
                                  "': only the attributes are compared");
    }
    for (std::size_t a = 0; a < reference.attributes.size(); ++a) {
        const ReferenceBins& bins = reference.attributes[a];
        if (counts.attributes[a].size() != bins.binCount()) {
            throw std::invalid_argument("drift counts of '" + bins.name +
                                        "' do not match its reference bins");
        }
        report.attributes.push_back(
            figureOf(bins, counts.attributes[a],
                     withOutcomes ? std::span<const std::size_t>(counts.attributeOutcomes[a])
                                  : std::span<const std::size_t>(),
                     withOutcomes ? std::span<const std::size_t>(counts.attributeBads[a])
                                  : std::span<const std::size_t>(),
                     bands.csiWarning, bands.csiAlert));
    }
    std::stable_sort(report.attributes.begin(), report.attributes.end(),
                     [](const DriftFigure& x, const DriftFigure& y) {
                         if (std::isnan(x.psi) != std::isnan(y.psi)) {
                             return std::isnan(y.psi);
                         }
                         return x.psi > y.psi;
                     });
    return report;
}

DriftCounts countDrift(const DriftReference& reference, const std::string& algorithm,
                       const std::vector<Column>& columns, std::span<const double> modelPds,
                       std::span<const std::uint8_t> outcomes, const std::string& source)
{
    std::unordered_map<std::string, const Column*> byName;
    for (const Column& column : columns) {
        byName.emplace(column.name(), &column);
    }
    std::vector<std::string> missing;
    std::vector<std::string> mistyped;
    std::vector<const Column*> matched;
    for (const ReferenceBins& bins : reference.attributes) {
        const auto it = byName.find(bins.name);
        if (it == byName.end()) {
            missing.push_back(bins.name);
            matched.push_back(nullptr);
            continue;
        }
        if (bins.kind == BinningKind::Quantile && !it->second->isNumeric()) {
            mistyped.push_back(bins.name);
        }
        matched.push_back(it->second);
    }
    if (!missing.empty() || !mistyped.empty()) {
        std::string message = (source.empty() ? std::string("data") : source) +
                              ": the columns do not match the model's schema:";
        const auto list = [](const std::vector<std::string>& names) {
            std::string text;
            for (const std::string& name : names) {
                text += (text.empty() ? " '" : ", '") + name + "'";
            }
            return text;
        };
        if (!missing.empty()) {
            message += " missing" + list(missing);
        }
        if (!mistyped.empty()) {
            message += std::string(missing.empty() ? "" : ";") + " not numeric as in training" +
                       list(mistyped);
        }
        throw std::invalid_argument(message);
    }
    const std::size_t rows = columns.empty() ? 0 : columns.front().size();
    if (!modelPds.empty() && modelPds.size() != rows) {
        throw std::invalid_argument("countDrift: one PD per row is needed");
    }
    if (!outcomes.empty() && outcomes.size() != rows) {
        throw std::invalid_argument("countDrift: one outcome per row is needed");
    }
    DriftCounts counts = DriftCounts::shapedLike(reference, algorithm);
    counts.rows = rows;
    const auto known = [&](std::size_t row) { return outcomes[row] <= 1; };
    std::vector<std::size_t> binOfRow(rows);
    for (std::size_t a = 0; a < reference.attributes.size(); ++a) {
        const ReferenceBins& bins = reference.attributes[a];
        const Column& column = *matched[a];
        if (bins.kind == BinningKind::Quantile) {
            for (std::size_t row = 0; row < rows; ++row) {
                binOfRow[row] = bins.binOfNumber(column.numeric[row]);
            }
        } else if (!column.isNumeric()) {
            // Levels of this file, matched by label once.
            std::vector<std::size_t> binOfCode(column.schema.levels.size());
            for (std::size_t code = 0; code < binOfCode.size(); ++code) {
                binOfCode[code] = bins.binOfLevel(column.schema.levels[code]);
            }
            for (std::size_t row = 0; row < rows; ++row) {
                const std::int32_t code = column.codes[row];
                binOfRow[row] =
                    code == Column::kMissingCode ? bins.missingBin : binOfCode[std::size_t(code)];
            }
        } else {
            for (std::size_t row = 0; row < rows; ++row) {
                binOfRow[row] = bins.binOfLevel(column.text(row));
            }
        }
        std::vector<std::size_t>& count = counts.attributes[a];
        for (std::size_t row = 0; row < rows; ++row) {
            ++count[binOfRow[row]];
        }
        if (!outcomes.empty()) {
            for (std::size_t row = 0; row < rows; ++row) {
                if (known(row)) {
                    ++counts.attributeOutcomes[a][binOfRow[row]];
                    counts.attributeBads[a][binOfRow[row]] += outcomes[row];
                }
            }
        }
    }
    if (outcomes.empty()) {
        counts.attributeOutcomes.clear();
        counts.attributeBads.clear();
        counts.scoreOutcomes.clear();
        counts.scoreBads.clear();
    }
    const auto it = reference.scores.find(algorithm);
    if (modelPds.empty() || it == reference.scores.end()) {
        counts.score.clear();
        counts.scoreOutcomes.clear();
        counts.scoreBads.clear();
        return counts;
    }
    for (std::size_t row = 0; row < rows; ++row) {
        if (std::isnan(modelPds[row])) {
            continue;
        }
        const std::size_t bin = it->second.binOfNumber(modelPds[row]);
        ++counts.score[bin];
        if (!outcomes.empty() && known(row)) {
            ++counts.scoreOutcomes[bin];
            counts.scoreBads[bin] += outcomes[row];
        }
    }
    return counts;
}

namespace {

using Json = nlohmann::ordered_json; // keys in the order written; NaN is written as null

Json figureJson(const DriftFigure& f)
{
    Json bins = Json::array();
    for (const DriftBin& b : f.bins) {
        bins.push_back({{"label", b.label},
                        {"count", static_cast<std::uint64_t>(b.count)},
                        {"share", b.share},
                        {"reference_share", b.referenceShare},
                        {"term", b.term},
                        {"outcomes", static_cast<std::uint64_t>(b.outcomes)},
                        {"bad_rate", b.badRate},
                        {"reference_bad_rate", b.referenceBadRate}});
    }
    return {{"name", f.name},
            {"psi", f.psi},
            {"statistic", f.statistic},
            {"degrees_of_freedom", static_cast<std::uint64_t>(f.degreesOfFreedom)},
            {"p_value", f.pValue},
            {"level", driftLevelName(f.level)},
            {"rows", static_cast<std::uint64_t>(f.rows)},
            {"bins", std::move(bins)}};
}

std::string figureLine(const DriftFigure& f)
{
    char line[200];
    std::snprintf(line, sizeof line, "%-24s %8.4f %9.3g %4zu  %-8s %zu\n", f.name.c_str(), f.psi,
                  f.pValue, f.degreesOfFreedom, driftLevelName(f.level), f.rows);
    return line;
}

} // namespace

std::string driftReportJson(const DriftReport& report)
{
    Json out;
    out["format"] = "credit-risk-drift";
    out["version"] = 1;
    out["rows"] = static_cast<std::uint64_t>(report.rows);
    out["reference_rows"] = static_cast<std::uint64_t>(report.referenceRows);
    out["worst"] = driftLevelName(report.worst());
    out["score"] = report.hasScore ? figureJson(report.score) : Json(nullptr);
    out["attributes"] = Json::array();
    for (const DriftFigure& f : report.attributes) {
        out["attributes"].push_back(figureJson(f));
    }
    out["warnings"] = report.warnings;
    return out.dump() + "\n";
}

std::string driftReportText(const DriftReport& report)
{
    std::string text = std::to_string(report.rows) + " rows against " +
                       std::to_string(report.referenceRows) +
                       " training rows; worst: " + driftLevelName(report.worst()) + "\n\n";
    char header[200];
    std::snprintf(header, sizeof header, "%-24s %8s %9s %4s  %-8s %s\n", "figure", "PSI", "p-value",
                  "df", "level", "rows");
    text += header;
    if (report.hasScore) {
        text += figureLine(report.score);
    }
    for (const DriftFigure& f : report.attributes) {
        text += figureLine(f);
    }
    for (const std::string& warning : report.warnings) {
        text += "warning: " + warning + "\n";
    }
    return text;
}

} // namespace credit::core
