// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// `credit-risk info FILE`: the schema, row count and class balance of a dataset.
#include "cli_support.h"

#include "data/data_error.h"
#include "data/dataset_reader.h"

#include <QCommandLineParser>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>

namespace credit::cli {
namespace {

std::string typeName(const core::Column& column)
{
    return column.isNumeric() ? "numeric" : "categorical";
}

std::string toJson(const core::Dataset& data)
{
    using Json = nlohmann::ordered_json; // keys in the order written
    Json j;
    j["file"] = data.sourceName();
    j["rows"] = static_cast<std::int64_t>(data.rowCount());
    j["target"] = data.target().name();
    j["positive"] = data.schema().positiveLabel;
    j["negative"] = data.schema().negativeLabel;
    j["positive_rate"] = data.positiveRate();
    j["class_counts"] = Json::object();
    j["class_counts"][data.schema().positiveLabel] =
        static_cast<std::int64_t>(data.positiveCount());
    j["class_counts"][data.schema().negativeLabel] =
        static_cast<std::int64_t>(data.rowCount() - data.positiveCount());
    Json columns = Json::array();
    for (const core::Column& column : data.columns()) {
        Json c;
        c["name"] = column.name();
        c["type"] = typeName(column);
        c["missing"] = static_cast<std::int64_t>(column.missingCount());
        if (!column.isNumeric()) {
            c["levels"] = column.schema.levels;
        }
        columns.push_back(std::move(c));
    }
    j["columns"] = std::move(columns);
    return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string toText(const core::Dataset& data, core::FileFormat format)
{
    std::string out;
    char line[512];
    std::snprintf(line, sizeof line, "%s (%s): %zu rows, %zu columns\n", data.sourceName().c_str(),
                  core::formatName(format).c_str(), data.rowCount(), data.columnCount());
    out += line;
    std::snprintf(line, sizeof line, "target '%s': %zu %s (%.1f %%), %zu %s\n\n",
                  data.target().name().c_str(), data.positiveCount(),
                  data.schema().positiveLabel.c_str(), 100.0 * data.positiveRate(),
                  data.rowCount() - data.positiveCount(), data.schema().negativeLabel.c_str());
    out += line;
    std::size_t width = 6;
    for (const core::Column& column : data.columns()) {
        width = std::max(width, column.name().size());
    }
    std::snprintf(line, sizeof line, "%-*s  %-11s  %7s  %s\n", static_cast<int>(width), "column",
                  "type", "missing", "levels");
    out += line;
    for (const core::Column& column : data.columns()) {
        std::string levels;
        for (const std::string& level : column.schema.levels) {
            levels += (levels.empty() ? "" : " | ") + level;
        }
        std::snprintf(line, sizeof line, "%-*s  %-11s  %7zu  ", static_cast<int>(width),
                      column.name().c_str(), typeName(column).c_str(), column.missingCount());
        out += line + levels + "\n";
    }
    return out;
}

} // namespace

int runInfo(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Describe a dataset (ARFF, CSV or UCI german.data): every column's "
                       "name, type, missing count and levels, the row count and the class "
                       "balance.\nExample: credit-risk info data/credit-g.arff --json"));
    addTargetOptions(parser);
    addCategoricalOption(parser);
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print a JSON object instead of a table."));
    parser.addOption(json);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The dataset to read."));
    int exitCode = kExitOk;
    if (!parseArguments(parser, arguments, exitCode)) {
        return exitCode;
    }
    if (parser.positionalArguments().size() != 1) {
        printError(QStringLiteral("credit-risk info: expected exactly one FILE\n") +
                   usageText(parser, arguments));
        return kExitUsage;
    }
    try {
        const core::ReadResult result = core::readDataset(
            parser.positionalArguments().front().toStdString(), readOptionsFrom(parser));
        for (const std::string& warning : result.warnings) {
            printError(QStringLiteral("warning: ") + QString::fromStdString(warning));
        }
        printOut(parser.isSet(json) ? toJson(result.dataset)
                                    : toText(result.dataset, result.format));
        return kExitOk;
    } catch (const core::DataError& error) {
        printError(QString::fromUtf8(error.what()));
        return kExitRefused;
    } catch (const std::exception& error) {
        printError(QString::fromUtf8(error.what()));
        return kExitRefused;
    }
}

} // namespace credit::cli
