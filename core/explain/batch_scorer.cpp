// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
//
// Built for large files (a million rows in a few seconds): the header is resolved to column
// indices once, fields are string_views into the file text, numbers go through
// std::from_chars / std::to_chars, each chunk of rows is transformed into one design matrix
// and goes through the model in one call, the top reasons come from a partial sort, and
// reason sentences are cached per attribute value. Chunks are scored in parallel and written
// in input order, so the output does not depend on the thread count.
#include "explain/batch_scorer.h"

#include "common/atomic_file.h"
#include "data/csv_tokenizer.h"
#include "data/csv_writer.h"
#include "data/dataset_reader.h"
#include "data/text_values.h"
#include "explain/attribute_glossary.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstring>
#include <deque>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string_view>
#include <thread>
#include <unordered_map>

namespace credit::core {
namespace {

constexpr std::size_t kNone = std::size_t(-1);
/// Sentences cached per attribute; beyond this many distinct values they are built per row.
constexpr std::size_t kSentenceCacheSize = 1 << 16;

// printf("%.*f") output, which std::to_chars with a precision is specified to reproduce.
void appendFixed(std::string& out, double value, int precision)
{
    char buffer[400];
    const auto result =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, precision);
    out.append(buffer, result.ptr);
}

void appendNumber(std::string& out, std::size_t value)
{
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr);
}

/// The records of a CSV text through the one tokenizer (data/csv_tokenizer.h), as views;
/// fields with doubled quotes are unescaped into `storage`, which never moves them.
class RecordReader
{
public:
    RecordReader(std::string_view text, const std::string& source)
        : m_source(source), m_tokenizer(text, sniffDelimiter(text), m_source)
    {
    }

    /// Appends the fields of the next non-blank record to `fields`; false at the end. `line`
    /// gets the record's first physical line (1-based). Malformed quoting throws DataError.
    bool next(std::vector<std::string_view>& fields, std::deque<std::string>& storage,
              std::size_t& line)
    {
        std::size_t start = 0;
        if (!m_tokenizer.next(m_fields, start, line, m_names)) {
            return false;
        }
        for (const CsvField& field : m_fields) {
            if (field.doubledQuotes) {
                std::string& kept = storage.emplace_back();
                CsvTokenizer::unescape(field, kept);
                fields.emplace_back(kept);
            } else {
                fields.push_back(field.text);
            }
        }
        return true;
    }

    /// Column names for the tokenizer's messages, once the header is read.
    void setNames(std::vector<std::string> names) { m_names = std::move(names); }
    std::size_t position() const { return m_tokenizer.position(); }

private:
    std::string m_source;
    CsvTokenizer m_tokenizer;
    std::vector<CsvField> m_fields;
    std::vector<std::string> m_names;
};

/// Where the records come from: a CSV file tokenised in place, or a file of another format
/// read by the readers of File ▸ Open (data/dataset_reader.h) and replayed as text.
class RecordSource
{
public:
    virtual ~RecordSource() = default;
    const std::vector<std::string>& header() const { return m_header; }
    /// "line" (physical CSV lines) or "row" (data rows of a file read whole), for messages.
    virtual const char* recordWord() const = 0;
    /// Appends the fields of the next record; false at the end (see RecordReader::next).
    virtual bool next(std::vector<std::string_view>& fields, std::deque<std::string>& storage,
                      std::size_t& line) = 0;
    /// Share of the input consumed, in [0, 1].
    virtual double fraction() const = 0;

protected:
    std::vector<std::string> m_header;
};

/// CSV: the file text is tokenised where it lies; the header is its first record.
class CsvSource : public RecordSource
{
public:
    explicit CsvSource(const std::string& path) : m_text(readWholeFile(path)), m_body(m_text)
    {
        if (m_body.substr(0, 3) == "\xEF\xBB\xBF") {
            m_body.remove_prefix(3);
        }
        m_reader.emplace(m_body, path);
        std::vector<std::string_view> views;
        std::deque<std::string> storage;
        std::size_t line = 0;
        if (!m_reader->next(views, storage, line)) {
            throw std::invalid_argument(path + ": the file is empty (no header)");
        }
        m_header.assign(views.begin(), views.end());
        m_reader->setNames(m_header);
    }
    const char* recordWord() const override { return "line"; }
    bool next(std::vector<std::string_view>& fields, std::deque<std::string>& storage,
              std::size_t& line) override
    {
        return m_reader->next(fields, storage, line);
    }
    double fraction() const override
    {
        return m_body.empty() ? 1.0 : double(m_reader->position()) / double(m_body.size());
    }

private:
    std::string m_text;
    std::string_view m_body;
    std::optional<RecordReader> m_reader;
};

/// ARFF or german.data: the columns as readTable types them; each value replayed as the text
/// Column::text gives (level label, shortest round-trip number, "" when missing), so a file
/// scores exactly as the same data written as CSV (data/csv_writer.h) does.
class TableSource : public RecordSource
{
public:
    explicit TableSource(TableReadResult table) : m_columns(std::move(table.columns))
    {
        for (const Column& column : m_columns) {
            m_header.push_back(column.name());
        }
        m_rows = m_columns.empty() ? 0 : m_columns.front().size();
    }
    const char* recordWord() const override { return "row"; }
    bool next(std::vector<std::string_view>& fields, std::deque<std::string>& storage,
              std::size_t& line) override
    {
        if (m_row >= m_rows) {
            return false;
        }
        for (const Column& column : m_columns) {
            if (column.isMissing(m_row)) {
                fields.emplace_back();
            } else if (column.isNumeric()) {
                fields.emplace_back(storage.emplace_back(column.text(m_row)));
            } else {
                fields.emplace_back(column.schema.levels[std::size_t(column.codes[m_row])]);
            }
        }
        line = ++m_row; // 1-based data row
        return true;
    }
    double fraction() const override { return m_rows == 0 ? 1.0 : double(m_row) / double(m_rows); }

private:
    std::vector<Column> m_columns;
    std::size_t m_rows = 0;
    std::size_t m_row = 0;
};

/// The same format rule as File ▸ Open (FileFormat::Auto): CSV streams through the tokeniser,
/// ARFF and german.data go through their readers.
std::unique_ptr<RecordSource> openSource(const std::string& path)
{
    std::string head(64 * 1024, '\0');
    {
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            throw std::runtime_error(path + ": cannot open (" + std::strerror(errno) + ")");
        }
        in.read(head.data(), std::streamsize(head.size()));
        head.resize(std::size_t(in.gcount()));
    }
    if (detectFormat(head, path) == FileFormat::Csv) {
        return std::make_unique<CsvSource>(path);
    }
    ReadOptions options;
    options.format = detectFormat(head, path);
    return std::make_unique<TableSource>(readTable(path, options));
}

/// What every chunk needs, resolved once per file from the header and the scorer.
struct Plan
{
    struct Field
    {
        std::string name;
        std::size_t column = 0; ///< input column
        bool numeric = false;
        bool nonNegative = false; ///< training values all >= 0 (negative values are errors)
        std::vector<std::string> levels;
        std::string levelList; ///< "'a', 'b'" for the error message
    };
    struct Range
    {
        std::size_t field = 0; ///< index into fields
        double low = 0.0;
        double high = 0.0;
        std::string suffix; ///< " is outside the training range … extrapolates"
    };
    std::size_t columns = 0; ///< header fields
    std::vector<Field> fields;
    std::vector<std::string> fieldNames;
    std::vector<Range> ranges;           ///< in Scorer::outOfRange order (by name)
    std::vector<std::size_t> valueField; ///< per pipeline attribute: its field, or kNone
    std::vector<std::string> grades;     ///< grade names, CSV-quoted
    std::size_t reasons = 0;
    std::string recordWord = "line"; ///< how messages name a record ("line 12", "row 11")
    bool outcomes = false;           ///< fill Chunk::outcomes (BatchScoreParams::onRow is set)
    std::size_t idColumn = kNone;    ///< input column of BatchScoreParams::idColumn
};

/// One chunk of input records and its formatted output.
struct Chunk
{
    std::vector<std::string_view> fields; ///< every record's fields, back to back
    std::vector<std::size_t> starts;      ///< record i: fields[starts[i], starts[i + 1])
    std::vector<std::size_t> lines;
    std::deque<std::string> storage;
    std::string out;
    std::size_t scored = 0;
    std::size_t rejected = 0;
    std::size_t outOfRange = 0;
    std::vector<BatchRowOutcome> outcomes; ///< per row, when Plan::outcomes

    std::size_t rows() const { return lines.size(); }
    void clear()
    {
        fields.clear();
        starts.assign(1, 0);
        lines.clear();
        storage.clear();
        out.clear();
        outcomes.clear();
        scored = rejected = outOfRange = 0;
    }
};

struct TransparentHash
{
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

/// Buffers and caches of one worker thread, reused across chunks.
struct Worker
{
    std::vector<std::string> errors; ///< per row of the chunk
    std::vector<std::string> flags;  ///< per row of the chunk
    std::vector<std::size_t> good;   ///< rows passing validation
    std::vector<std::string_view> cells;
    std::vector<double> values; ///< parsed numbers of the current row, per field
    DesignMatrix x;
    std::vector<std::string> transformErrors;
    std::vector<std::size_t> top;
    /// Per attribute: value text → CSV-quoted reason sentence.
    std::vector<std::unordered_map<std::string, std::string, TransparentHash, std::equal_to<>>>
        sentences;
};

void appendIssue(std::string& text, std::string_view word, std::size_t line,
                 std::string_view message)
{
    if (text.empty()) {
        text = word;
        text += ' ';
        appendNumber(text, line);
        text += ": ";
    } else {
        text += "; ";
    }
    text += message;
}

// Scorer::validate and Scorer::outOfRange of one record, by column index. Returns true when
// the record is scorable; messages as the Scorer words them.
bool checkRow(const Plan& plan, const std::string_view* fields, std::size_t line,
              std::vector<double>& values, std::string& error, std::string& flags)
{
    for (std::size_t k = 0; k < plan.fields.size(); ++k) {
        const Plan::Field& field = plan.fields[k];
        const std::string_view text = trimBlanks(fields[field.column]);
        if (text.empty()) {
            appendIssue(error, plan.recordWord, line, field.name + ": a value is required");
            continue;
        }
        if (field.numeric) {
            double value = 0.0;
            if (!parseFiniteNumber(text, value)) {
                appendIssue(error, plan.recordWord, line,
                            field.name + ": '" + std::string(text) + "' is not a number");
                continue;
            }
            values[k] = value;
            if (value < 0.0 && field.nonNegative) {
                appendIssue(error, plan.recordWord, line,
                            field.name + ": must not be negative (got " + std::string(text) + ")");
            }
        } else if (std::find(field.levels.begin(), field.levels.end(), text) ==
                   field.levels.end()) {
            appendIssue(error, plan.recordWord, line,
                        field.name + ": unknown category '" + std::string(text) +
                            "' (expected one of " + field.levelList + ")");
        }
    }
    if (!error.empty()) {
        return false;
    }
    for (const Plan::Range& range : plan.ranges) {
        double value = 0.0;
        if (plan.fields[range.field].numeric) {
            value = values[range.field];
        } else if (!parseFiniteNumber(trimBlanks(fields[plan.fields[range.field].column]), value)) {
            continue;
        }
        if (value < range.low || value > range.high) {
            flags += flags.empty() ? "" : "; ";
            flags += plan.fields[range.field].name;
            flags += ": ";
            flags += AttributeGlossary::formatNumber(value);
            flags += range.suffix;
        }
    }
    return true;
}

// Validates, transforms, scores and formats one chunk (the work of one thread).
void scoreChunk(const Scorer& scorer, const Plan& plan, Chunk& chunk, Worker& w)
{
    const auto started = std::chrono::steady_clock::now();
    const std::size_t n = chunk.rows();
    const FeaturePipeline& pipeline = scorer.model().pipeline();
    const auto& attributes = pipeline.attributes();
    const ScoringSettings& settings = scorer.settings();
    w.errors.resize(n);
    w.flags.resize(n);
    w.good.clear();
    w.cells.clear();
    w.values.resize(plan.fields.size());
    w.sentences.resize(attributes.size());
    for (std::size_t i = 0; i < n; ++i) {
        std::string& error = w.errors[i];
        error.clear();
        w.flags[i].clear();
        const std::size_t count = chunk.starts[i + 1] - chunk.starts[i];
        const std::string_view* fields = chunk.fields.data() + chunk.starts[i];
        if (count != plan.columns) {
            error = plan.recordWord + ' ';
            appendNumber(error, chunk.lines[i]);
            error += ": expected ";
            appendNumber(error, plan.columns);
            error += " fields, found ";
            appendNumber(error, count);
            continue;
        }
        if (!checkRow(plan, fields, chunk.lines[i], w.values, error, w.flags[i])) {
            continue;
        }
        w.good.push_back(i);
        for (const Plan::Field& field : plan.fields) {
            w.cells.push_back(trimBlanks(fields[field.column]));
        }
    }

    Vector modelPd;
    bool hasReasons = false;
    if (!w.good.empty()) {
        pipeline.transformTexts(plan.fieldNames, w.cells, w.x, w.transformErrors);
        for (std::size_t g = 0; g < w.good.size(); ++g) {
            if (!w.transformErrors[g].empty()) {
                appendIssue(w.errors[w.good[g]], plan.recordWord, chunk.lines[w.good[g]],
                            w.transformErrors[g]);
            }
        }
        modelPd = scorer.model().predictMatrix(w.x);
        hasReasons = plan.reasons > 0 && scorer.adverseAttributes(w.x, plan.reasons, w.top);
    }

    std::string& o = chunk.out;
    std::size_t g = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t count = chunk.starts[i + 1] - chunk.starts[i];
        const std::string_view* fields = chunk.fields.data() + chunk.starts[i];
        // Exactly the header's columns: extra fields are dropped, missing ones empty.
        const std::size_t copied = std::min(count, plan.columns);
        for (std::size_t c = 0; c < copied; ++c) {
            if (c) {
                o += ',';
            }
            appendCsvField(o, fields[c]);
        }
        o.append(plan.columns - copied, ',');
        const bool isGood = g < w.good.size() && w.good[g] == i;
        const std::size_t k = g;
        g += isGood;
        BatchRowOutcome* outcome = nullptr;
        if (plan.outcomes) {
            outcome = &chunk.outcomes.emplace_back();
            outcome->record = chunk.lines[i];
            if (plan.idColumn < count) {
                outcome->applicantId = std::string(trimBlanks(fields[plan.idColumn]));
            }
            for (const Plan::Field& field : plan.fields) {
                outcome->inputs.emplace_back(
                    field.name,
                    field.column < count ? std::string(trimBlanks(fields[field.column])) : "");
            }
        }
        if (!isGood || !w.errors[i].empty()) {
            o.append(4 + plan.reasons + 2, ',');
            appendCsvField(o, w.errors[i]);
            o += "\r\n";
            if (outcome != nullptr) {
                outcome->error = w.errors[i];
            }
            continue;
        }
        // Scorer::decide.
        const double pd = scorer.toPopulation(modelPd[Eigen::Index(k)]);
        const bool reject = settings.policy.rejects(modelPd[Eigen::Index(k)]);
        ++chunk.scored;
        chunk.rejected += reject;
        chunk.outOfRange += !w.flags[i].empty();
        o += ',';
        appendFixed(o, pd, 6);
        o += reject ? ",reject," : ",accept,";
        o += plan.grades[settings.policy.grading.gradeIndex(pd)];
        o += ',';
        appendFixed(o, settings.policy.scale.points(pd), 1);
        if (outcome != nullptr) {
            outcome->scored = true;
            outcome->pd = pd;
            outcome->modelPd = modelPd[Eigen::Index(k)];
            outcome->reject = reject;
            outcome->grade =
                settings.policy.grading.grades()[settings.policy.grading.gradeIndex(pd)].name;
            outcome->points = settings.policy.scale.points(pd);
        }
        for (std::size_t r = 0; r < plan.reasons; ++r) {
            o += ',';
            const std::size_t a = hasReasons ? w.top[k * plan.reasons + r] : kNone;
            if (a == Scorer::kNoAttribute) {
                continue;
            }
            // Scorer::attributeValue: the applicant's text, else recovered from the matrix.
            std::string recovered;
            std::string_view value;
            if (plan.valueField[a] != kNone) {
                value = w.cells[k * plan.fields.size() + plan.valueField[a]];
            }
            if (value.empty()) {
                recovered = scorer.designValue(a, w.x, Eigen::Index(k));
                value = recovered;
            }
            auto& cache = w.sentences[a];
            const auto it = cache.find(value);
            if (it != cache.end()) {
                o += it->second;
                if (outcome != nullptr) {
                    outcome->reasons.push_back(
                        AttributeGlossary::reasonSentence(attributes[a].name, value));
                }
                continue;
            }
            std::string sentence = AttributeGlossary::reasonSentence(attributes[a].name, value);
            std::string quoted;
            appendCsvField(quoted, sentence);
            o += quoted;
            if (outcome != nullptr) {
                outcome->reasons.push_back(std::move(sentence));
            }
            if (cache.size() < kSentenceCacheSize) {
                cache.emplace(std::string(value), std::move(quoted));
            }
        }
        o += ',';
        appendCsvField(o, w.flags[i]);
        o += ",\r\n";
    }
    if (plan.outcomes && n > 0) {
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                .count();
        for (BatchRowOutcome& outcome : chunk.outcomes) {
            outcome.latencyMs = ms / double(n);
        }
    }
}

} // namespace

BatchScorer::BatchScorer(const Scorer& scorer, BatchScoreParams params)
    : m_scorer(scorer), m_params(std::move(params))
{
    if (m_params.reasons > 10 || m_params.chunkRows == 0 || m_params.threads < 1) {
        throw std::invalid_argument("batch scoring: reasons must be in [0, 10], chunk rows and "
                                    "threads at least 1");
    }
}

namespace {

// Stage 1: the output must not overwrite the input.
void checkPaths(const BatchScoreParams& params)
{
    std::error_code ec;
    if (std::filesystem::exists(params.outputPath, ec) &&
        std::filesystem::equivalent(params.inputPath, params.outputPath, ec)) {
        throw std::invalid_argument(params.outputPath + ": the output must not be the input file");
    }
}

// Stage 2: column → attribute mapping, once per file.
Plan makePlan(const Scorer& scorer, const RecordSource& source, const BatchScoreParams& params)
{
    const std::vector<std::string>& header = source.header();
    Plan plan;
    plan.columns = header.size();
    plan.reasons = params.reasons;
    plan.recordWord = source.recordWord();
    plan.outcomes = static_cast<bool>(params.onRow);
    if (const auto id = std::find(header.begin(), header.end(), params.idColumn);
        id != header.end()) {
        plan.idColumn = std::size_t(id - header.begin());
    }
    const ScoringSettings& settings = scorer.settings();
    for (const ColumnSchema& schema : settings.fields) {
        const auto it = std::find(header.begin(), header.end(), schema.name);
        if (it == header.end()) {
            throw std::invalid_argument(params.inputPath + ": column '" + schema.name +
                                        "' that the model needs is missing from the header");
        }
        Plan::Field field;
        field.name = schema.name;
        field.column = std::size_t(it - header.begin());
        field.numeric = schema.type == ColumnType::Numeric;
        const auto range = settings.numericRanges.find(schema.name);
        field.nonNegative = range != settings.numericRanges.end() && range->second.first >= 0.0;
        field.levels = schema.levels;
        for (std::size_t l = 0; l < schema.levels.size(); ++l) {
            field.levelList += (l ? ", '" : "'") + schema.levels[l] + "'";
        }
        plan.fieldNames.push_back(field.name);
        plan.fields.push_back(std::move(field));
    }
    auto fieldIndex = [&](const std::string& name) {
        for (std::size_t k = 0; k < plan.fields.size(); ++k) {
            if (plan.fields[k].name == name) {
                return k;
            }
        }
        return kNone;
    };
    for (const auto& [name, range] : settings.numericRanges) {
        if (const std::size_t k = fieldIndex(name); k != kNone) {
            plan.ranges.push_back({k, range.first, range.second,
                                   " is outside the training range " +
                                       AttributeGlossary::formatNumber(range.first) + " to " +
                                       AttributeGlossary::formatNumber(range.second) +
                                       ": the model extrapolates"});
        }
    }
    for (const AttributeStats& a : scorer.model().pipeline().attributes()) {
        plan.valueField.push_back(a.origin == AttributeOrigin::Column ? fieldIndex(a.name) : kNone);
    }
    for (const RiskGrade& grade : settings.policy.grading.grades()) {
        plan.grades.push_back(csvField(grade.name));
    }
    return plan;
}

// Stage 3: the output header, the input's columns first.
void writeHeader(std::ostream& out, const std::vector<std::string>& header, std::size_t reasons)
{
    std::string line;
    for (std::size_t i = 0; i < header.size(); ++i) {
        line += (i ? "," : "") + csvField(header[i]);
    }
    line += ",pd,decision,grade,points";
    for (std::size_t k = 1; k <= reasons; ++k) {
        line += ",reason_" + std::to_string(k);
    }
    line += ",flags,error\r\n";
    out << line;
}

// Fills `chunk` with up to `rows` records; false when the source is exhausted.
bool readChunk(RecordSource& source, std::size_t rows, Chunk& chunk)
{
    chunk.clear();
    std::size_t recordLine = 0;
    bool more = true;
    while (chunk.rows() < rows && (more = source.next(chunk.fields, chunk.storage, recordLine))) {
        chunk.lines.push_back(recordLine);
        chunk.starts.push_back(chunk.fields.size());
    }
    return more;
}

// Scores chunks [0, filled) at once, one thread each; rethrows the first failure.
void scoreChunks(const Scorer& scorer, const Plan& plan, std::vector<Chunk>& chunks,
                 std::vector<Worker>& workers, std::size_t filled)
{
    std::vector<std::exception_ptr> failures(filled);
    auto work = [&](std::size_t c) {
        try {
            scoreChunk(scorer, plan, chunks[c], workers[c]);
        } catch (...) {
            failures[c] = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    for (std::size_t c = 1; c < filled; ++c) {
        pool.emplace_back(work, c);
    }
    work(0);
    for (std::thread& thread : pool) {
        thread.join();
    }
    for (const std::exception_ptr& failure : failures) {
        if (failure) {
            std::rethrow_exception(failure);
        }
    }
}

// Stage 4: one chunk per thread at a time: read in order, score in parallel, write in order.
void scoreAll(const Scorer& scorer, const Plan& plan, const BatchScoreParams& params,
              RecordSource& source, std::ostream& out, BatchScoreResult& result)
{
    const std::size_t threads = std::size_t(params.threads);
    std::vector<Chunk> chunks(threads);
    std::vector<Worker> workers(threads);
    std::vector<double> fractions(threads);
    bool more = true;
    while (more) {
        std::size_t filled = 0;
        while (filled < threads && more) {
            more = readChunk(source, params.chunkRows, chunks[filled]);
            fractions[filled] = source.fraction();
            filled += chunks[filled].rows() > 0;
        }
        if (filled == 0) {
            break;
        }
        scoreChunks(scorer, plan, chunks, workers, filled);
        for (std::size_t c = 0; c < filled; ++c) {
            const Chunk& chunk = chunks[c];
            out.write(chunk.out.data(), std::streamsize(chunk.out.size()));
            if (params.onRow) {
                for (const BatchRowOutcome& outcome : chunk.outcomes) {
                    params.onRow(outcome);
                }
            }
            result.rows += chunk.rows();
            result.scored += chunk.scored;
            result.failed += chunk.rows() - chunk.scored;
            result.rejected += chunk.rejected;
            result.outOfRange += chunk.outOfRange;
            ProgressEvent event;
            event.stage = "scoring";
            event.done = result.rows;
            event.fraction = fractions[c];
            if (!report(params.progress, event)) {
                throw Cancelled{};
            }
        }
    }
}

} // namespace

BatchScoreResult BatchScorer::run() const
{
    const auto start = std::chrono::steady_clock::now();
    checkPaths(m_params);
    const std::unique_ptr<RecordSource> source = openSource(m_params.inputPath);
    const Plan plan = makePlan(m_scorer, *source, m_params);
    BatchScoreResult result;
    writeFileAtomically(m_params.outputPath, [&](std::ostream& out) {
        writeHeader(out, source->header(), m_params.reasons);
        scoreAll(m_scorer, plan, m_params, *source, out, result);
    });
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

} // namespace credit::core
