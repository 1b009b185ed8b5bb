// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "data/dataset_reader.h"

#include "data/data_error.h"
#include "data/reader_support.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>

namespace credit::core {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::string lowerExtension(const std::string& name)
{
    std::string ext = std::filesystem::path(name).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](char c) {
        return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    });
    return ext;
}

// The first line that is neither blank nor a '%' comment.
std::string_view firstContentLine(std::string_view text)
{
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t end = std::min(text.find('\n', pos), text.size());
        const std::string_view line = trimBlanks(text.substr(pos, end - pos));
        pos = end + 1;
        if (!line.empty() && line != "\r" && line.front() != '%') {
            return line;
        }
    }
    return {};
}

// german.data rows are 21 blank-separated fields, the first an A1x code.
bool looksLikeGermanData(std::string_view line)
{
    if (line.size() < 3 || line[0] != 'A' || line[1] != '1' ||
        line.find_first_of(",;") != std::string_view::npos) {
        return false;
    }
    std::size_t fields = 0;
    bool inField = false;
    for (char c : line) {
        const bool blank = c == ' ' || c == '\t' || c == '\r';
        fields += (!blank && !inField) ? 1 : 0;
        inField = !blank;
    }
    return fields == 21;
}

FileFormat chooseFormat(std::string_view text, const std::string& sourceName)
{
    const std::string ext = lowerExtension(sourceName);
    if (ext == ".arff") {
        return FileFormat::Arff;
    }
    if (ext == ".csv" || ext == ".tsv") {
        return FileFormat::Csv;
    }
    const std::string_view first = firstContentLine(text);
    if (ext == ".data") {
        // UCI ships many ".data" files; only the coded German layout goes to that parser.
        return looksLikeGermanData(first) ? FileFormat::GermanData : FileFormat::Csv;
    }
    if (!first.empty() && first.front() == '@') {
        return FileFormat::Arff;
    }
    if (looksLikeGermanData(first)) {
        return FileFormat::GermanData;
    }
    return FileFormat::Csv;
}

std::vector<std::string> columnWarnings(const Dataset& dataset)
{
    std::vector<std::string> warnings;
    for (std::size_t i = 0; i < dataset.columnCount(); ++i) {
        if (i == dataset.schema().targetIndex) {
            continue;
        }
        const Column& column = dataset.column(i);
        const std::size_t missing = column.missingCount();
        if (missing == column.size()) {
            warnings.push_back("column '" + column.name() + "' has no values (all missing)");
            continue;
        }
        bool constant = true;
        if (column.isNumeric()) {
            double first = std::numeric_limits<double>::quiet_NaN();
            for (double v : column.numeric) {
                if (std::isnan(v)) {
                    continue;
                }
                if (std::isnan(first)) {
                    first = v;
                } else if (v != first) {
                    constant = false;
                    break;
                }
            }
        } else {
            std::int32_t first = Column::kMissingCode;
            for (std::int32_t code : column.codes) {
                if (code == Column::kMissingCode) {
                    continue;
                }
                if (first == Column::kMissingCode) {
                    first = code;
                } else if (code != first) {
                    constant = false;
                    break;
                }
            }
        }
        if (constant) {
            warnings.push_back("column '" + column.name() + "' is constant");
        }
    }
    return warnings;
}

struct FileBytes
{
    std::unique_ptr<char[]> data;
    std::size_t size = 0;
};

// One allocation of the exact size, left uninitialised: a large CSV is held once, not grown
// through a stream or zero-filled before being overwritten.
FileBytes readFileBytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) {
        throw DataError(path, 0, {},
                        std::string("cannot open the file (") + std::strerror(errno) + ")");
    }
    const std::streamoff size = in.tellg();
    if (size < 0) {
        throw DataError(path, 0, {}, "cannot determine the file size");
    }
    FileBytes bytes;
    bytes.size = static_cast<std::size_t>(size);
    bytes.data.reset(new char[bytes.size == 0 ? 1 : bytes.size]);
    in.seekg(0);
    in.read(bytes.data.get(), size);
    if (in.gcount() != size) {
        throw DataError(path, 0, {}, "read error (file changed while reading?)");
    }
    return bytes;
}

} // namespace

std::string formatName(FileFormat format)
{
    switch (format) {
    case FileFormat::Auto:
        return "auto";
    case FileFormat::Arff:
        return "arff";
    case FileFormat::Csv:
        return "csv";
    case FileFormat::GermanData:
        return "german.data";
    }
    return "unknown";
}

namespace {

// ARFF and german.data carry their types: a column asked for as categorical must be one.
void checkDeclaredCategorical(const detail::ParsedTable& table,
                              const std::vector<std::string>& names, const std::string& source)
{
    for (const std::string& name : names) {
        const auto column = std::find_if(table.columns.begin(), table.columns.end(),
                                         [&](const Column& c) { return c.schema.name == name; });
        if (column == table.columns.end()) {
            throw DataError(source, 0, name,
                            "the column to read as categorical is not in the file");
        }
        if (column->schema.type != ColumnType::Categorical) {
            throw DataError(source, 0, name,
                            "the file declares this column numeric; reading a column as "
                            "categorical applies to CSV files only");
        }
    }
}

} // namespace

namespace {

// The checks and the format dispatch every read shares; the table is untouched by the target
// rules of Dataset::create.
TableReadResult parseTableText(std::string_view text, const std::string& sourceName,
                               const ReadOptions& options)
{
    if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) {
        text.remove_prefix(kUtf8Bom.size());
    } else if (text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') ||
                                    (text[0] == '\xFE' && text[1] == '\xFF'))) {
        throw DataError(sourceName, 1, {}, "the file is UTF-16 encoded; save it as UTF-8");
    }
    if (const void* nul = std::memchr(text.data(), '\0', text.size())) {
        const auto offset = static_cast<std::size_t>(static_cast<const char*>(nul) - text.data());
        const auto line =
            1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
        throw DataError(sourceName, line, {},
                        "the file contains a NUL byte (a binary file, or UTF-16 text?)");
    }
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        throw DataError(sourceName, 0, {}, "the file is empty");
    }

    TableReadResult result;
    result.format =
        options.format == FileFormat::Auto ? chooseFormat(text, sourceName) : options.format;
    detail::ParsedTable table;
    switch (result.format) {
    case FileFormat::Arff:
        table = detail::parseArff(text, sourceName, options.target);
        break;
    case FileFormat::GermanData:
        table = detail::parseGermanData(text, sourceName, options.target);
        break;
    case FileFormat::Csv:
    case FileFormat::Auto:
        result.format = FileFormat::Csv;
        table = detail::parseCsv(text, sourceName, options.target, options.categoricalColumns);
        break;
    }
    if (result.format != FileFormat::Csv) {
        checkDeclaredCategorical(table, options.categoricalColumns, sourceName);
    }
    result.columns = std::move(table.columns);
    result.warnings = std::move(table.warnings);
    return result;
}

} // namespace

ReadResult parseDataset(std::string_view text, const std::string& sourceName,
                        const ReadOptions& options)
{
    TableReadResult table = parseTableText(text, sourceName, options);
    ReadResult result;
    result.format = table.format;
    result.dataset = Dataset::create(std::move(table.columns), options.target, sourceName);
    result.warnings = std::move(table.warnings);
    for (std::string& warning : columnWarnings(result.dataset)) {
        result.warnings.push_back(std::move(warning));
    }
    return result;
}

ReadResult readDataset(const std::string& path, const ReadOptions& options)
{
    const FileBytes bytes = readFileBytes(path);
    return parseDataset(std::string_view(bytes.data.get(), bytes.size),
                        std::filesystem::path(path).filename().string(), options);
}

TableReadResult readTable(const std::string& path, const ReadOptions& options)
{
    const FileBytes bytes = readFileBytes(path);
    ReadOptions untargeted = options;
    untargeted.target.column.clear(); // no column is the target: none has to be present
    return parseTableText(std::string_view(bytes.data.get(), bytes.size),
                          std::filesystem::path(path).filename().string(), untargeted);
}

FileFormat detectFormat(std::string_view text, const std::string& sourceName)
{
    if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) {
        text.remove_prefix(kUtf8Bom.size());
    }
    return chooseFormat(text, sourceName);
}

} // namespace credit::core
