// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "explain/batch_scorer.h"

#include "common/atomic_file.h"
#include "data/csv_writer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <ostream>
#include <stdexcept>
#include <string_view>
#include <thread>

namespace credit::core {
namespace {

/// Splits RFC 4180 records out of a buffer, one at a time.
class RecordReader
{
public:
    RecordReader(std::string_view text, char delimiter) : m_text(text), m_delimiter(delimiter) {}

    /// Reads the next non-blank record into `fields`; false at the end. `line` gets the
    /// record's first physical line (1-based).
    bool next(std::vector<std::string>& fields, std::size_t& count, std::size_t& line)
    {
        // Skip blank lines.
        while (m_pos < m_text.size() && (m_text[m_pos] == '\n' || m_text[m_pos] == '\r')) {
            if (m_text[m_pos] == '\n') {
                ++m_line;
            }
            ++m_pos;
        }
        if (m_pos >= m_text.size()) {
            return false;
        }
        line = m_line;
        count = 0;
        auto field = [&]() -> std::string& {
            if (count == fields.size()) {
                fields.emplace_back();
            }
            std::string& f = fields[count++];
            f.clear();
            return f;
        };
        std::string* current = &field();
        bool quoted = false;
        bool wasQuoted = false;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (quoted) {
                if (c == '"') {
                    if (m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '"') {
                        current->push_back('"');
                        m_pos += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    if (c == '\n') {
                        ++m_line;
                    }
                    current->push_back(c);
                }
                ++m_pos;
                continue;
            }
            if (c == '"' && current->empty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                ++m_pos;
                continue;
            }
            if (c == m_delimiter) {
                trim(*current, wasQuoted);
                current = &field();
                wasQuoted = false;
                ++m_pos;
                continue;
            }
            if (c == '\r' || c == '\n') {
                break;
            }
            current->push_back(c);
            ++m_pos;
        }
        trim(*current, wasQuoted);
        // Consume the line end.
        if (m_pos < m_text.size() && m_text[m_pos] == '\r') {
            ++m_pos;
        }
        if (m_pos < m_text.size() && m_text[m_pos] == '\n') {
            ++m_pos;
        }
        ++m_line;
        return true;
    }

    std::size_t position() const { return m_pos; }

private:
    static void trim(std::string& s, bool quoted)
    {
        if (quoted) {
            return;
        }
        const auto first = s.find_first_not_of(" \t");
        if (first == std::string::npos) {
            s.clear();
            return;
        }
        s.erase(0, first);
        s.erase(s.find_last_not_of(" \t") + 1);
    }

    std::string_view m_text;
    char m_delimiter;
    std::size_t m_pos = 0;
    std::size_t m_line = 1;
};

char sniffDelimiter(std::string_view header)
{
    std::size_t counts[3] = {0, 0, 0};
    const char candidates[3] = {',', ';', '\t'};
    bool quoted = false;
    for (const char c : header) {
        if (c == '\n') {
            break;
        }
        if (c == '"') {
            quoted = !quoted;
        }
        for (int k = 0; k < 3 && !quoted; ++k) {
            counts[k] += c == candidates[k];
        }
    }
    int best = 0;
    for (int k = 1; k < 3; ++k) {
        if (counts[k] > counts[best]) {
            best = k;
        }
    }
    return candidates[best];
}

struct Row
{
    std::vector<std::string> fields;
    std::size_t fieldCount = 0;
    std::size_t line = 0;
    Applicant applicant;
    std::string error;
    std::string flags;
    std::string out; ///< formatted output record
    bool scored = false;
    bool reject = false;
};

std::string joined(const std::vector<FieldIssue>& issues)
{
    std::string text;
    for (const FieldIssue& issue : issues) {
        text += (text.empty() ? "" : "; ") + issue.message;
    }
    return text;
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

BatchScoreResult BatchScorer::run() const
{
    const auto start = std::chrono::steady_clock::now();
    std::error_code ec;
    if (std::filesystem::exists(m_params.outputPath, ec) &&
        std::filesystem::equivalent(m_params.inputPath, m_params.outputPath, ec)) {
        throw std::invalid_argument(m_params.outputPath +
                                    ": the output must not be the input file");
    }
    const std::string text = readWholeFile(m_params.inputPath);
    std::string_view body(text);
    if (body.substr(0, 3) == "\xEF\xBB\xBF") {
        body.remove_prefix(3);
    }
    const char delimiter = sniffDelimiter(body);
    RecordReader reader(body, delimiter);
    std::vector<std::string> header;
    std::size_t headerCount = 0;
    std::size_t headerLine = 0;
    if (!reader.next(header, headerCount, headerLine)) {
        throw std::invalid_argument(m_params.inputPath + ": the file is empty (no header)");
    }
    header.resize(headerCount);
    // Field name → input column.
    std::vector<std::pair<std::string, std::size_t>> mapping;
    for (const ColumnSchema& field : m_scorer.settings().fields) {
        const auto it = std::find(header.begin(), header.end(), field.name);
        if (it == header.end()) {
            throw std::invalid_argument(m_params.inputPath + ": column '" + field.name +
                                        "' that the model needs is missing from the header");
        }
        mapping.emplace_back(field.name, std::size_t(it - header.begin()));
    }

    BatchScoreResult result;
    writeFileAtomically(m_params.outputPath, [&](std::ostream& out) {
        std::string line;
        for (std::size_t i = 0; i < header.size(); ++i) {
            line += (i ? "," : "") + csvField(header[i]);
        }
        line += ",pd,decision,grade,points";
        for (std::size_t k = 1; k <= m_params.reasons; ++k) {
            line += ",reason_" + std::to_string(k);
        }
        line += ",flags,error\r\n";
        out << line;

        std::vector<Row> rows(m_params.chunkRows);
        for (Row& row : rows) {
            for (const auto& [name, column] : mapping) {
                row.applicant[name];
            }
        }
        const std::size_t p = m_scorer.model().pipeline().featureCount();
        bool more = true;
        while (more) {
            std::size_t n = 0;
            while (n < rows.size() &&
                   (more = reader.next(rows[n].fields, rows[n].fieldCount, rows[n].line))) {
                ++n;
            }
            if (n == 0) {
                break;
            }
            // Score rows [begin, end) of the chunk: validation, transform, model, format.
            auto work = [&](std::size_t begin, std::size_t end) {
                std::vector<std::size_t> good;
                for (std::size_t i = begin; i < end; ++i) {
                    Row& row = rows[i];
                    row.error.clear();
                    row.flags.clear();
                    if (row.fieldCount != header.size()) {
                        row.error = "line " + std::to_string(row.line) + ": expected " +
                                    std::to_string(header.size()) + " fields, found " +
                                    std::to_string(row.fieldCount);
                        continue;
                    }
                    for (const auto& [name, column] : mapping) {
                        row.applicant[name] = row.fields[column];
                    }
                    if (const auto errors = m_scorer.validate(row.applicant); !errors.empty()) {
                        row.error = "line " + std::to_string(row.line) + ": " + joined(errors);
                        continue;
                    }
                    row.flags = joined(m_scorer.outOfRange(row.applicant));
                    good.push_back(i);
                }
                Eigen::MatrixXd x(Eigen::Index(good.size()), Eigen::Index(p));
                std::vector<const Applicant*> applicants;
                for (std::size_t k = 0; k < good.size(); ++k) {
                    Row& row = rows[good[k]];
                    try {
                        x.row(Eigen::Index(k)) = m_scorer.model().pipeline().transformOne(
                            row.applicant, nullptr);
                    } catch (const std::invalid_argument& error) {
                        row.error = "line " + std::to_string(row.line) + ": " + error.what();
                        x.row(Eigen::Index(k)).setZero();
                    }
                    applicants.push_back(&row.applicant);
                }
                const std::vector<ScoreResult> scores =
                    good.empty() ? std::vector<ScoreResult>{}
                                 : m_scorer.scoreMatrix(x, applicants, m_params.reasons > 0,
                                                        m_params.reasons);
                std::size_t k = 0;
                for (std::size_t i = begin; i < end; ++i) {
                    Row& row = rows[i];
                    std::string& o = row.out;
                    o.clear();
                    // Exactly the header's columns: extra fields are dropped, missing ones empty.
                    const std::size_t copied = std::min(row.fieldCount, header.size());
                    for (std::size_t c = 0; c < copied; ++c) {
                        o += (c ? "," : "");
                        o += csvField(row.fields[c]);
                    }
                    for (std::size_t c = copied; c < header.size(); ++c) {
                        o += ',';
                    }
                    const bool scored = k < good.size() && good[k] == i && row.error.empty();
                    if (k < good.size() && good[k] == i) {
                        ++k;
                    }
                    row.scored = scored;
                    if (!scored) {
                        o.append(4 + m_params.reasons + 2, ',');
                        o += csvField(row.error);
                        o += "\r\n";
                        continue;
                    }
                    const ScoreResult& s = scores[k - 1];
                    row.reject = s.reject;
                    char number[64];
                    std::snprintf(number, sizeof number, ",%.6f,%s,", s.pd,
                                  s.reject ? "reject" : "accept");
                    o += number;
                    o += csvField(s.grade);
                    std::snprintf(number, sizeof number, ",%.1f", s.points);
                    o += number;
                    for (std::size_t r = 0; r < m_params.reasons; ++r) {
                        o += ',';
                        if (r < s.reasons.size() && s.reasons[r].contribution > 0.0) {
                            o += csvField(s.reasons[r].text);
                        }
                    }
                    o += ',';
                    o += csvField(row.flags);
                    o += ",\r\n";
                }
            };
            const std::size_t threads =
                std::min<std::size_t>(std::size_t(m_params.threads), (n + 255) / 256);
            if (threads <= 1) {
                work(0, n);
            } else {
                std::vector<std::thread> pool;
                const std::size_t step = (n + threads - 1) / threads;
                for (std::size_t t = 1; t < threads; ++t) {
                    pool.emplace_back(work, std::min(n, t * step), std::min(n, (t + 1) * step));
                }
                work(0, std::min(n, step));
                for (std::thread& thread : pool) {
                    thread.join();
                }
            }
            for (std::size_t i = 0; i < n; ++i) {
                out << rows[i].out;
                ++result.rows;
                if (rows[i].scored) {
                    ++result.scored;
                    result.rejected += rows[i].reject;
                    result.outOfRange += !rows[i].flags.empty();
                } else {
                    ++result.failed;
                }
            }
            ProgressEvent event;
            event.stage = "scoring";
            event.done = result.rows;
            event.fraction = body.empty() ? 1.0 : double(reader.position()) / double(body.size());
            if (!report(m_params.progress, event)) {
                throw Cancelled{};
            }
        }
    });
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

} // namespace credit::core
