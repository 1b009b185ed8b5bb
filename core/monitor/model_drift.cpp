// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "monitor/model_drift.h"

#include "io/params_file.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace credit::core {

namespace {

constexpr std::size_t kChunkRows = 65536;

/// The model's calibrated PD of every row of `features` (the bundle's feature columns). The
/// pipeline reads feature columns by name only, so the target Dataset::create requires is a
/// placeholder of both classes, never read.
std::vector<double> modelPds(const ModelBundle& bundle, std::vector<Column> features)
{
    const std::size_t rows = features.empty() ? 0 : features.front().size();
    std::vector<double> pds(rows, std::numeric_limits<double>::quiet_NaN());
    if (rows == 0) {
        return pds;
    }
    const ColumnSchema& targetSchema = bundle.schema.target();
    Column target;
    target.schema.name = targetSchema.name;
    target.schema.type = ColumnType::Categorical;
    target.schema.levels = {bundle.schema.negativeLabel, bundle.schema.positiveLabel};
    target.codes.resize(std::max<std::size_t>(rows, 2));
    for (std::size_t row = 0; row < target.codes.size(); ++row) {
        target.codes[row] = std::int32_t(row % 2);
    }
    if (rows < 2) {
        // One row: repeated once so that both placeholder classes occur.
        for (Column& c : features) {
            c.isNumeric() ? c.numeric.push_back(c.numeric.front())
                          : c.codes.push_back(c.codes.front());
        }
    }
    features.push_back(std::move(target));
    const Dataset data = Dataset::create(
        std::move(features), TargetSpec{targetSchema.name, bundle.schema.positiveLabel});
    const TrainedModel& model = bundle.model();
    std::vector<std::size_t> chunk;
    for (std::size_t start = 0; start < rows; start += kChunkRows) {
        const std::size_t end = std::min(rows, start + kChunkRows);
        chunk.resize(end - start);
        std::iota(chunk.begin(), chunk.end(), start);
        const Vector p = model.predictProba(data, chunk);
        for (std::size_t i = 0; i < chunk.size(); ++i) {
            pds[start + i] = p[Eigen::Index(i)];
        }
    }
    return pds;
}

} // namespace

MonitoringSettings monitoringSettingsOf(const ModelBundle& bundle)
{
    if (!bundle.paramsYaml.empty()) {
        try {
            return ParamsFile::parse(bundle.paramsYaml, "params").monitoring;
        } catch (const std::exception&) {
            // A run's text that no longer parses (informative only): the defaults.
        }
    }
    return {};
}

ModelDrift::ModelDrift(const ModelBundle& bundle, MonitoringSettings bands, std::string bundleName)
    : m_bundle(bundle), m_bands(std::move(bands))
{
    if (bundle.drift.empty()) {
        throw std::invalid_argument(
            (bundleName.empty() ? std::string("model bundle") : bundleName) +
            ": the model bundle holds no drift reference (it was written before drift "
            "monitoring existed); retrain the model to check drift");
    }
}

DriftReport ModelDrift::ofColumns(const std::vector<Column>& columns,
                                  const std::string& source) const
{
    const DriftReference& reference = m_bundle.drift;
    // countDrift checks names and types first, so a mismatch is refused before scoring.
    std::vector<std::uint8_t> outcomes;
    const std::string& targetName = m_bundle.schema.target().name;
    for (const Column& column : columns) {
        if (column.name() != targetName) {
            continue;
        }
        outcomes.assign(column.size(), 255);
        for (std::size_t row = 0; row < column.size(); ++row) {
            const std::string label = column.text(row);
            if (label == m_bundle.schema.positiveLabel) {
                outcomes[row] = 1;
            } else if (label == m_bundle.schema.negativeLabel) {
                outcomes[row] = 0;
            }
        }
    }
    DriftCounts counts = countDrift(reference, m_bundle.selected, columns, {}, outcomes, source);
    std::vector<Column> features;
    for (const Column& column : columns) {
        if (reference.attribute(column.name()) != nullptr) {
            features.push_back(column);
        }
    }
    const std::vector<double> pds = modelPds(m_bundle, std::move(features));
    // The score bins of the selected model.
    if (const auto it = reference.scores.find(m_bundle.selected); it != reference.scores.end()) {
        counts.score.assign(it->second.binCount(), 0);
        counts.scoreOutcomes.assign(outcomes.empty() ? 0 : it->second.binCount(), 0);
        counts.scoreBads.assign(outcomes.empty() ? 0 : it->second.binCount(), 0);
        for (std::size_t row = 0; row < pds.size(); ++row) {
            if (std::isnan(pds[row])) {
                continue;
            }
            const std::size_t bin = it->second.binOfNumber(pds[row]);
            ++counts.score[bin];
            if (!outcomes.empty() && outcomes[row] <= 1) {
                ++counts.scoreOutcomes[bin];
                counts.scoreBads[bin] += outcomes[row];
            }
        }
    }
    return evaluateDrift(reference, m_bundle.selected, counts, m_bands);
}

DriftReport ModelDrift::ofFile(const std::string& path, const ReadOptions& options) const
{
    const TableReadResult table = readTable(path, options);
    DriftReport report = ofColumns(table.columns, path);
    report.warnings.insert(report.warnings.end(), table.warnings.begin(), table.warnings.end());
    return report;
}

DriftReport ModelDrift::ofLog(const PredictionLog& log, const LogSelection& selection) const
{
    std::size_t inputRows = 0;
    const DriftCounts counts =
        countLogDrift(log, selection, m_bundle.drift, m_bundle.selected, &inputRows);
    DriftReport report = evaluateDrift(m_bundle.drift, m_bundle.selected, counts, m_bands);
    std::size_t scored = 0;
    for (const std::size_t c : counts.score) {
        scored += c;
    }
    report.rows = scored;
    if (inputRows < scored) {
        report.warnings.push_back(std::to_string(scored - inputRows) + " of " +
                                  std::to_string(scored) +
                                  " records keep no readable inputs (stored hashed or none): the "
                                  "attributes are compared on the other " +
                                  std::to_string(inputRows));
    }
    return report;
}

} // namespace credit::core
