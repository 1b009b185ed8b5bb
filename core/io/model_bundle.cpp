// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "io/model_bundle.h"

#include "common/atomic_file.h"
#include "features/binary_stream.h"
#include "io/params_file.h"
#include "models/param_binder.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <map>
#include <span>
#include <sstream>
#include <stdexcept>

namespace credit::core {
namespace {

const std::string kModelPrefix = "model:";

std::string toBytes(const std::function<void(BinaryWriter&)>& write)
{
    std::ostringstream out(std::ios::binary);
    BinaryWriter w(out);
    write(w);
    return out.str();
}

void writeSchema(BinaryWriter& w, const Schema& schema)
{
    w.u64(schema.columns.size());
    for (const ColumnSchema& c : schema.columns) {
        w.string(c.name);
        w.pod(static_cast<std::uint8_t>(c.type == ColumnType::Categorical ? 1 : 0));
        w.strings(c.levels);
    }
    w.u64(schema.targetIndex);
    w.string(schema.positiveLabel);
    w.string(schema.negativeLabel);
}

Schema readSchema(BinaryReader& r)
{
    Schema schema;
    schema.columns.resize(r.length());
    for (ColumnSchema& c : schema.columns) {
        c.name = r.string();
        const auto type = r.pod<std::uint8_t>();
        if (type > 1) {
            r.fail("unknown column type " + std::to_string(type));
        }
        c.type = type == 1 ? ColumnType::Categorical : ColumnType::Numeric;
        c.levels = r.strings();
    }
    schema.targetIndex = static_cast<std::size_t>(r.u64());
    if (schema.targetIndex >= schema.columns.size()) {
        r.fail("target index out of range");
    }
    schema.positiveLabel = r.string();
    schema.negativeLabel = r.string();
    return schema;
}

void writeFold(BinaryWriter& w, const FoldScores& f)
{
    w.u64(f.repeat);
    w.u64(f.fold);
    for (const double v :
         {f.auc, f.ap, f.ks, f.brier, f.logLoss, f.expectedCost, f.threshold, f.fitSeconds}) {
        w.f64(v);
    }
}

FoldScores readFold(BinaryReader& r)
{
    FoldScores f;
    f.repeat = static_cast<std::size_t>(r.u64());
    f.fold = static_cast<std::size_t>(r.u64());
    for (double* v : {&f.auc, &f.ap, &f.ks, &f.brier, &f.logLoss, &f.expectedCost, &f.threshold,
                      &f.fitSeconds}) {
        *v = r.f64();
    }
    return f;
}

void writeRow(BinaryWriter& w, const LeaderboardRow& row)
{
    w.string(row.algorithm);
    w.string(row.displayName);
    writeParamMap(w, row.params);
    w.u64(row.trialsRun);
    for (const double v :
         {row.aucMean, row.aucSd, row.ap, row.ks, row.gini, row.brier, row.logLoss, row.brierRaw,
          row.logLossRaw, row.expectedCost, row.costThreshold, row.fitSeconds, row.nestedAucMean,
          row.nestedAucSd, row.nestedExpectedCost, row.expectedCostEmpirical,
          row.expectedCostPlattBayes}) {
        w.f64(v);
    }
    w.u64(row.folds.size());
    for (const FoldScores& f : row.folds) {
        writeFold(w, f);
    }
}

LeaderboardRow readRow(BinaryReader& r)
{
    LeaderboardRow row;
    row.algorithm = r.string();
    row.displayName = r.string();
    row.params = readParamMap(r);
    row.trialsRun = static_cast<std::size_t>(r.u64());
    for (double* v :
         {&row.aucMean, &row.aucSd, &row.ap, &row.ks, &row.gini, &row.brier, &row.logLoss,
          &row.brierRaw, &row.logLossRaw, &row.expectedCost, &row.costThreshold, &row.fitSeconds,
          &row.nestedAucMean, &row.nestedAucSd, &row.nestedExpectedCost, &row.expectedCostEmpirical,
          &row.expectedCostPlattBayes}) {
        *v = r.f64();
    }
    row.folds.resize(r.length());
    for (FoldScores& f : row.folds) {
        f = readFold(r);
    }
    return row;
}

void writeDecision(BinaryWriter& w, const ModelBundle& bundle)
{
    const DecisionPolicy& policy = bundle.policy;
    // Layout 1: up to the numeric ranges; 2: risk grades and integer columns; 3: amount column
    // and seed.
    w.u64(3);
    w.f64(policy.sampleBadRate);
    w.f64(policy.populationBadRate);
    w.flag(policy.useProfitModel);
    w.f64(policy.profit.marginGood);
    w.f64(policy.profit.lossGivenDefault);
    w.f64(policy.scale.basePoints);
    w.f64(policy.scale.baseOdds);
    w.f64(policy.scale.pointsToDouble);
    w.u64(bundle.numericRanges.size());
    for (const auto& [name, range] : bundle.numericRanges) {
        w.string(name);
        w.f64(range.first);
        w.f64(range.second);
    }
    w.u64(policy.grading.grades().size());
    for (const RiskGrade& grade : policy.grading.grades()) {
        w.string(grade.name);
        w.f64(grade.upperPd);
        w.string(grade.description);
    }
    w.strings(std::vector<std::string>(bundle.integerColumns.begin(), bundle.integerColumns.end()));
    w.string(policy.amountColumn);
    w.u64(policy.seed);
}

// A bundle is written by this program (the checksum guards edits), so an invalid policy here
// means a damaged or foreign writer: refuse it rather than score with it.
void readDecision(BinaryReader& r, ModelBundle& bundle)
{
    DecisionPolicy& policy = bundle.policy;
    const std::uint64_t layout = r.u64();
    if (layout < 1) {
        return;
    }
    policy.sampleBadRate = r.f64();
    policy.populationBadRate = r.f64();
    policy.useProfitModel = r.flag();
    policy.profit.marginGood = r.f64();
    policy.profit.lossGivenDefault = r.f64();
    policy.scale.basePoints = r.f64();
    policy.scale.baseOdds = r.f64();
    policy.scale.pointsToDouble = r.f64();
    const std::size_t ranges = r.length();
    for (std::size_t i = 0; i < ranges; ++i) {
        std::string name = r.string();
        const double lo = r.f64();
        const double hi = r.f64();
        bundle.numericRanges[std::move(name)] = {lo, hi};
    }
    if (layout >= 2) {
        std::vector<RiskGrade> grades(r.length());
        for (RiskGrade& grade : grades) {
            grade.name = r.string();
            grade.upperPd = r.f64();
            grade.description = r.string();
        }
        // No grades stored (bundles of the command line before the policy): the defaults.
        if (!grades.empty()) {
            if (const auto issues = RiskGrading::validate(grades); !issues.empty()) {
                r.fail("invalid risk grades (" + issues.front().message + ")");
            }
            policy.grading = RiskGrading(std::move(grades));
        }
        for (std::string& name : r.strings()) {
            bundle.integerColumns.insert(std::move(name));
        }
    }
    if (layout >= 3) {
        policy.amountColumn = r.string();
        policy.seed = r.u64();
    }
    if (const auto problems = policy.validate(); !problems.empty()) {
        r.fail("invalid decision policy (" + problems.front() + ")");
    }
}

template <typename T> void append(std::string& out, T value)
{
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    out.append(bytes, sizeof(T));
}

/// Reads fixed-size little-endian values from the container, refusing reads past the end.
class Cursor
{
public:
    Cursor(std::string_view bytes, const std::string& file) : m_bytes(bytes), m_file(file) {}

    template <typename T> T get()
    {
        need(sizeof(T));
        T value;
        std::memcpy(&value, m_bytes.data() + m_pos, sizeof(T));
        m_pos += sizeof(T);
        return value;
    }
    std::string_view take(std::size_t n)
    {
        need(n);
        const std::string_view out = m_bytes.substr(m_pos, n);
        m_pos += n;
        return out;
    }
    std::size_t position() const { return m_pos; }

private:
    void need(std::size_t n) const
    {
        if (n > m_bytes.size() - m_pos) {
            throw std::runtime_error(m_file + ": the model bundle is truncated (it ends at byte " +
                                     std::to_string(m_bytes.size()) + ")");
        }
    }

    std::string_view m_bytes;
    const std::string& m_file;
    std::size_t m_pos = 0;
};

} // namespace

std::uint64_t fnv1a64(std::string_view bytes)
{
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

namespace {

/// The drift reference of a training run: the attribute bins of `data` and the score bins of
/// every fitted chain, from its calibrated PDs on the training rows (the PDs the same model
/// gives the same applicants later, so scoring the training data again shows no drift).
/// Bins: monitoring.psi_bins of the run's params.yaml, when it parses.
DriftReference driftReferenceOf(const ModelBundle& bundle, const Dataset& data,
                                const std::string& paramsYaml)
{
    MonitoringSettings monitoring;
    if (!paramsYaml.empty()) {
        try {
            monitoring = ParamsFile::parse(paramsYaml, "params").monitoring;
        } catch (const std::exception&) {
            // The run's text is informative only; the default bins then apply.
        }
    }
    DriftReference reference = DriftReference::fromTraining(data, monitoring.psiBins);
    for (const auto& [algorithm, model] : bundle.models) {
        const Vector pds = model->predictProba(data);
        reference.addScore(algorithm, std::span<const double>(pds.data(), std::size_t(pds.size())),
                           data.labels(), monitoring.psiBins);
    }
    return reference;
}

} // namespace

ModelBundle ModelBundle::fromTraining(const TrainingResult& result, const Dataset& data,
                                      const std::string& paramsYaml)
{
    if (result.models.empty()) {
        throw std::invalid_argument("model bundle: the training run has no fitted model" +
                                    std::string(result.cancelled ? " (it was cancelled)" : ""));
    }
    ModelBundle bundle;
    bundle.schema = data.schema();
    bundle.models = result.models;
    bundle.best = result.models.count(result.bestAlgorithm) ? result.bestAlgorithm : std::string();
    bundle.selected = bundle.best.empty() ? result.models.begin()->first : bundle.best;
    bundle.policy.costs = result.params.costs;
    bundle.policy.seed = result.params.seed;
    bundle.leaderboard = result.leaderboard;
    bundle.outOfFold = result.outOfFold;
    bundle.importance = result.importance;
    bundle.paramsYaml = paramsYaml;
    bundle.dataHash = data.contentHash();
    bundle.dataSource = data.sourceName();
    if (const LeaderboardRow* row = result.row(bundle.selected);
        row && std::isfinite(row->costThreshold)) {
        bundle.policy.threshold = row->costThreshold;
    } else {
        bundle.policy.threshold = bayesThreshold(bundle.policy.costs);
    }
    bundle.policy.sampleBadRate = data.positiveRate();
    for (std::size_t i = 0; i < data.columnCount(); ++i) {
        const Column& column = data.column(i);
        if (i == data.schema().targetIndex || !column.isNumeric()) {
            continue;
        }
        double lo = std::numeric_limits<double>::infinity();
        double hi = -lo;
        for (const double v : column.numeric) {
            if (!std::isnan(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
        if (lo <= hi) {
            bundle.numericRanges[column.name()] = {lo, hi};
            const bool whole =
                std::all_of(column.numeric.begin(), column.numeric.end(),
                            [](double v) { return std::isnan(v) || std::trunc(v) == v; });
            if (whole) {
                bundle.integerColumns.insert(column.name());
            }
        }
    }
    bundle.drift = driftReferenceOf(bundle, data, paramsYaml);
    return bundle;
}

const TrainedModel& ModelBundle::model() const
{
    const auto it = models.find(selected);
    if (it == models.end() || !it->second) {
        throw std::logic_error("model bundle: no model for algorithm '" + selected + "'");
    }
    return *it->second;
}

const LeaderboardRow* ModelBundle::selectedRow() const
{
    for (const LeaderboardRow& row : leaderboard) {
        if (row.algorithm == selected) {
            return &row;
        }
    }
    return nullptr;
}

double ModelBundle::sampleBadRate() const
{
    if (!std::isnan(policy.sampleBadRate)) {
        return policy.sampleBadRate;
    }
    const auto it = outOfFold.find(selected);
    if (it == outOfFold.end() || it->second.labels.empty()) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    std::size_t bads = 0;
    for (const std::uint8_t label : it->second.labels) {
        bads += label;
    }
    return double(bads) / double(it->second.labels.size());
}

void ModelBundle::checkColumns(const Dataset& data) const
{
    const std::string source = data.sourceName().empty() ? "data" : data.sourceName();
    for (std::size_t i = 0; i < schema.columns.size(); ++i) {
        if (i == schema.targetIndex) {
            continue;
        }
        const ColumnSchema& expected = schema.columns[i];
        const auto index = data.schema().indexOf(expected.name);
        if (!index) {
            throw std::invalid_argument(source + ": column '" + expected.name +
                                        "' that the model needs is missing");
        }
        if (data.schema().columns[*index].type != expected.type) {
            throw std::invalid_argument(
                source + ": column '" + expected.name + "' must be " +
                (expected.type == ColumnType::Numeric ? "numeric" : "categorical") +
                " as in the training data");
        }
    }
}

Vector ModelBundle::predictProba(const Dataset& data, std::vector<std::string>* warnings) const
{
    checkColumns(data);
    return model().predictProba(data, {}, warnings);
}

double ModelBundle::predictOne(const std::map<std::string, std::string>& values,
                               std::vector<std::string>* warnings) const
{
    return model().predictOne(values, warnings);
}

std::string ModelBundle::serialize() const
{
    std::vector<std::pair<std::string, std::string>> sections;
    sections.emplace_back("meta", toBytes([&](BinaryWriter& w) {
                              w.string(selected);
                              w.f64(policy.threshold);
                              w.f64(policy.costs.badAccepted);
                              w.f64(policy.costs.goodRejected);
                              w.f64(policy.costs.badRejected);
                              w.f64(policy.costs.goodAccepted);
                              w.u64(dataHash);
                              w.string(dataSource);
                              w.string(creator);
                          }));
    sections.emplace_back("decision", toBytes([&](BinaryWriter& w) { writeDecision(w, *this); }));
    sections.emplace_back("selection", toBytes([&](BinaryWriter& w) {
                              w.u64(1); // section layout version
                              w.string(best);
                          }));
    sections.emplace_back("schema", toBytes([&](BinaryWriter& w) { writeSchema(w, schema); }));
    sections.emplace_back("params", toBytes([&](BinaryWriter& w) { w.string(paramsYaml); }));
    sections.emplace_back("leaderboard", toBytes([&](BinaryWriter& w) {
                              w.u64(leaderboard.size());
                              for (const LeaderboardRow& row : leaderboard) {
                                  writeRow(w, row);
                              }
                          }));
    sections.emplace_back("oof", toBytes([&](BinaryWriter& w) {
                              w.u64(outOfFold.size());
                              for (const auto& [algorithm, oof] : outOfFold) {
                                  w.string(algorithm);
                                  w.u64(oof.rows);
                                  w.u64(oof.repeats);
                                  w.podVector(oof.labels);
                                  w.podVector(oof.raw);
                                  w.podVector(oof.calibrated);
                                  w.podVector(oof.foldOfRow);
                              }
                          }));
    sections.emplace_back("importance", toBytes([&](BinaryWriter& w) {
                              w.u64(1); // section layout version
                              w.u64(importance.size());
                              for (const auto& [algorithm, imp] : importance) {
                                  w.string(algorithm);
                                  w.string(imp.method);
                                  w.string(imp.methodDetail);
                                  w.flag(imp.basis == FeatureImportance::Rows::OutOfFold);
                                  w.u64(imp.rows);
                                  w.u64(imp.values.size());
                                  for (const auto& [attribute, value] : imp.values) {
                                      w.string(attribute);
                                      w.f64(value);
                                  }
                              }
                          }));
    if (!drift.empty()) {
        sections.emplace_back("drift_reference", toBytes([&](BinaryWriter& w) { drift.write(w); }));
    }
    for (const auto& [algorithm, model] : models) {
        std::ostringstream out(std::ios::binary);
        model->save(out);
        sections.emplace_back(kModelPrefix + algorithm, out.str());
    }

    std::string covered; // version .. payload end: what the checksum covers
    append(covered, kFormatVersion);
    append(covered, static_cast<std::uint32_t>(sections.size()));
    std::uint64_t offset = 0;
    for (const auto& [name, bytes] : sections) {
        append(covered, static_cast<std::uint64_t>(name.size()));
        covered += name;
        append(covered, offset);
        append(covered, static_cast<std::uint64_t>(bytes.size()));
        offset += bytes.size();
    }
    append(covered, offset);
    for (const auto& [name, bytes] : sections) {
        covered += bytes;
    }
    std::string file(kMagic);
    file += covered;
    append(file, fnv1a64(covered));
    return file;
}

namespace {

/// The container of a bundle file once its frame and checksum are checked: the format version
/// and the named sections' bytes.
struct Container
{
    std::uint32_t version = 0;
    std::map<std::string, std::string> sections;

    const std::string* find(const std::string& name) const
    {
        const auto it = sections.find(name);
        return it == sections.end() ? nullptr : &it->second;
    }
};

void checkMagic(std::string_view bytes, const std::string& file)
{
    if (bytes.size() >= ModelBundle::kMagic.size() &&
        bytes.substr(0, ModelBundle::kMagic.size()) == ModelBundle::kMagic) {
        return;
    }
    if (bytes.size() < ModelBundle::kMagic.size() &&
        ModelBundle::kMagic.substr(0, bytes.size()) == bytes) {
        throw std::runtime_error(file + ": the model bundle is truncated (" +
                                 std::to_string(bytes.size()) + " bytes)");
    }
    throw std::runtime_error(file + ": not a Credit Risk Studio model bundle (no " +
                             std::string(ModelBundle::kMagic) + " header)");
}

std::uint32_t readVersion(Cursor& cursor, const std::string& file)
{
    const auto version = cursor.get<std::uint32_t>();
    if (version > ModelBundle::kFormatVersion) {
        throw std::runtime_error(file + ": model bundle format version " + std::to_string(version) +
                                 " was written by a newer Credit Risk Studio; this program reads "
                                 "up to version " +
                                 std::to_string(ModelBundle::kFormatVersion));
    }
    if (version == 0) {
        throw std::runtime_error(file + ": model bundle format version 0 is invalid");
    }
    return version;
}

struct TableEntry
{
    std::string name;
    std::uint64_t offset = 0;
    std::uint64_t size = 0;
};

std::vector<TableEntry> readTable(Cursor& cursor, const std::string& file)
{
    const auto count = cursor.get<std::uint32_t>();
    if (count > 4096) {
        throw std::runtime_error(file + ": damaged model bundle (implausible section count)");
    }
    std::vector<TableEntry> table;
    for (std::uint32_t i = 0; i < count; ++i) {
        const auto length = cursor.get<std::uint64_t>();
        if (length > 1024) {
            throw std::runtime_error(file + ": damaged model bundle (implausible section name)");
        }
        TableEntry e;
        e.name = std::string(cursor.take(static_cast<std::size_t>(length)));
        e.offset = cursor.get<std::uint64_t>();
        e.size = cursor.get<std::uint64_t>();
        table.push_back(std::move(e));
    }
    return table;
}

/// Checks the frame (magic, version, table, payload, checksum) and cuts out the sections.
Container readContainer(std::string_view bytes, const std::string& file)
{
    checkMagic(bytes, file);
    Cursor cursor(bytes, file);
    cursor.take(ModelBundle::kMagic.size());
    const std::size_t coveredStart = cursor.position();
    Container container;
    container.version = readVersion(cursor, file);
    const std::vector<TableEntry> table = readTable(cursor, file);
    const auto payloadSize = cursor.get<std::uint64_t>();
    if (payloadSize > bytes.size()) {
        throw std::runtime_error(file + ": the model bundle is truncated (payload of " +
                                 std::to_string(payloadSize) + " bytes, file of " +
                                 std::to_string(bytes.size()) + ")");
    }
    const std::string_view payload = cursor.take(static_cast<std::size_t>(payloadSize));
    const std::size_t coveredEnd = cursor.position();
    const auto stored = cursor.get<std::uint64_t>();
    if (cursor.position() != bytes.size()) {
        throw std::runtime_error(file + ": damaged model bundle (" +
                                 std::to_string(bytes.size() - cursor.position()) +
                                 " unexpected bytes after the checksum)");
    }
    if (fnv1a64(bytes.substr(coveredStart, coveredEnd - coveredStart)) != stored) {
        throw std::runtime_error(file + ": the model bundle is damaged or was modified "
                                        "(checksum mismatch)");
    }
    for (const TableEntry& e : table) {
        if (e.offset > payload.size() || e.size > payload.size() - e.offset) {
            throw std::runtime_error(file + ": damaged model bundle (section '" + e.name +
                                     "' lies outside the payload)");
        }
        container.sections[e.name] = std::string(
            payload.substr(static_cast<std::size_t>(e.offset), static_cast<std::size_t>(e.size)));
    }
    return container;
}

/// Runs `read` on a reader over the section's bytes; `what` names it in messages.
void readSection(const std::string& bytes, const std::string& what,
                 const std::function<void(BinaryReader&)>& read)
{
    std::istringstream in(bytes, std::ios::binary);
    BinaryReader r(in, "model bundle " + what + " section");
    read(r);
}

void readMeta(BinaryReader& r, ModelBundle& bundle)
{
    bundle.selected = r.string();
    bundle.policy.threshold = r.f64();
    bundle.policy.costs.badAccepted = r.f64();
    bundle.policy.costs.goodRejected = r.f64();
    bundle.policy.costs.badRejected = r.f64();
    bundle.policy.costs.goodAccepted = r.f64();
    bundle.dataHash = r.u64();
    bundle.dataSource = r.string();
    bundle.creator = r.string();
}

void readLeaderboard(BinaryReader& r, ModelBundle& bundle)
{
    bundle.leaderboard.resize(r.length());
    for (LeaderboardRow& row : bundle.leaderboard) {
        row = readRow(r);
    }
}

void readOutOfFold(BinaryReader& r, ModelBundle& bundle)
{
    const std::size_t n = r.length();
    for (std::size_t i = 0; i < n; ++i) {
        const std::string algorithm = r.string();
        OutOfFold oof;
        oof.rows = static_cast<std::size_t>(r.u64());
        oof.repeats = static_cast<std::size_t>(r.u64());
        oof.labels = r.podVector<std::uint8_t>();
        oof.raw = r.podVector<double>();
        oof.calibrated = r.podVector<double>();
        oof.foldOfRow = r.podVector<std::uint32_t>();
        bundle.outOfFold[algorithm] = std::move(oof);
    }
}

void readImportance(BinaryReader& r, ModelBundle& bundle)
{
    if (r.u64() < 1) {
        return;
    }
    const std::size_t n = r.length();
    for (std::size_t i = 0; i < n; ++i) {
        const std::string algorithm = r.string();
        FeatureImportance imp;
        imp.method = r.string();
        imp.methodDetail = r.string();
        imp.basis = r.flag() ? FeatureImportance::Rows::OutOfFold : FeatureImportance::Rows::Training;
        imp.rows = static_cast<std::size_t>(r.u64());
        const std::size_t values = r.length();
        for (std::size_t v = 0; v < values; ++v) {
            std::string attribute = r.string();
            const double value = r.f64();
            if (!std::isfinite(value) || value < 0.0) {
                throw std::runtime_error("importance of '" + attribute + "' is not a size");
            }
            imp.values.emplace_back(std::move(attribute), value);
        }
        bundle.importance[algorithm] = std::move(imp);
    }
}

void readSelection(BinaryReader& r, ModelBundle& bundle)
{
    if (r.u64() >= 1) {
        bundle.best = r.string();
    }
}

/// Fills `bundle` from the sections; "meta" and "schema" are required, the others optional.
void readSections(const Container& c, const std::string& file, ModelBundle& bundle)
{
    const auto required = [&](const std::string& name) -> const std::string& {
        const std::string* bytes = c.find(name);
        if (!bytes) {
            throw std::runtime_error(file + ": damaged model bundle (no '" + name + "' section)");
        }
        return *bytes;
    };
    const auto optional = [&](const std::string& name, const std::string& what,
                              void (*read)(BinaryReader&, ModelBundle&)) {
        if (const std::string* bytes = c.find(name)) {
            readSection(*bytes, what, [&](BinaryReader& r) { read(r, bundle); });
        }
    };
    const std::string& meta = required("meta");
    const std::string& schema = required("schema");
    readSection(meta, "meta", [&](BinaryReader& r) { readMeta(r, bundle); });
    readSection(schema, "schema", [&](BinaryReader& r) { bundle.schema = readSchema(r); });
    optional("decision", "decision", readDecision);
    optional("params", "params",
             [](BinaryReader& r, ModelBundle& b) { b.paramsYaml = r.string(); });
    optional("leaderboard", "leaderboard", readLeaderboard);
    optional("oof", "out-of-fold", readOutOfFold);
    bundle.best = bundle.selected; // files before the "selection" section: the best unknown
    optional("selection", "selection", readSelection);
    optional("importance", "importance", readImportance);
    optional("drift_reference", "drift reference",
             [](BinaryReader& r, ModelBundle& b) { b.drift = DriftReference::read(r); });
    for (const auto& [name, content] : c.sections) {
        if (name.rfind(kModelPrefix, 0) == 0) {
            std::istringstream in(content, std::ios::binary);
            bundle.models[name.substr(kModelPrefix.size())] = TrainedModel::load(in);
        }
    }
}

} // namespace

ModelBundle ModelBundle::deserialize(std::string_view bytes, const std::string& sourceName)
{
    const std::string& file = sourceName;
    const Container container = readContainer(bytes, file);
    ModelBundle bundle;
    bundle.formatVersion = container.version;
    try {
        readSections(container, file, bundle);
    } catch (const std::runtime_error& error) {
        const std::string what = error.what();
        // Messages of readSections that already name the file pass unchanged.
        throw std::runtime_error(what.rfind(file + ": ", 0) == 0 ? what : file + ": " + what);
    } catch (const std::invalid_argument& error) {
        throw std::runtime_error(file + ": " + error.what());
    }
    if (!bundle.models.count(bundle.selected)) {
        throw std::runtime_error(file +
                                 ": damaged model bundle (no model for the selected "
                                 "algorithm '" +
                                 bundle.selected + "')");
    }
    if (!bundle.best.empty() && !bundle.models.count(bundle.best)) {
        throw std::runtime_error(file +
                                 ": damaged model bundle (no model for the best "
                                 "algorithm '" +
                                 bundle.best + "')");
    }
    return bundle;
}

void ModelBundle::save(const std::string& path) const
{
    writeFileAtomically(path, serialize());
}

ModelBundle ModelBundle::load(const std::string& path)
{
    return deserialize(readWholeFile(path), path);
}

} // namespace credit::core
