// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "monitor/prediction_log.h"

#include "common/sha256.h"
#include "data/csv_writer.h"

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iterator>
#include <ostream>

namespace credit::core {

namespace {

namespace fs = std::filesystem;

/// A prepared statement, finalized on every path out.
class Statement
{
public:
    Statement(sqlite3* db, const char* sql, const std::string& path)
    {
        if (sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr) != SQLITE_OK) {
            throw LogError(path + ": " + sqlite3_errmsg(db));
        }
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    sqlite3_stmt* get() const { return m_stmt; }

    void bind(int index, const std::string& text)
    {
        sqlite3_bind_text(m_stmt, index, text.data(), int(text.size()), SQLITE_TRANSIENT);
    }
    void bind(int index, double value) { sqlite3_bind_double(m_stmt, index, value); }
    std::string text(int column) const
    {
        const auto* value = sqlite3_column_text(m_stmt, column);
        return value == nullptr ? std::string()
                                : std::string(reinterpret_cast<const char*>(value),
                                              std::size_t(sqlite3_column_bytes(m_stmt, column)));
    }

private:
    sqlite3_stmt* m_stmt = nullptr;
};

/// Appends `text` as a JSON string (quotes, backslashes and control characters escaped, UTF-8
/// kept): what nlohmann::json::dump() writes, without building a document per record (the
/// log writes one per scored row).
void appendJsonString(std::string& out, std::string_view text)
{
    out += '"';
    for (const char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", unsigned(c));
                out += escaped;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

/// The inputs as a JSON object, keys sorted (std::map): the canonical text that is stored or
/// hashed.
std::string inputsJson(const std::map<std::string, std::string>& inputs)
{
    std::string json = "{";
    json.reserve(64 * inputs.size());
    for (const auto& [key, value] : inputs) {
        if (json.size() > 1) {
            json += ',';
        }
        appendJsonString(json, key);
        json += ':';
        appendJsonString(json, value);
    }
    return json + "}";
}

std::string reasonsJson(const std::vector<std::string>& reasons)
{
    std::string json = "[";
    for (const std::string& reason : reasons) {
        if (json.size() > 1) {
            json += ',';
        }
        appendJsonString(json, reason);
    }
    return json + "]";
}

std::string inputsText(const PredictionRecord& record, InputStorage storage)
{
    if (storage == InputStorage::None) {
        return {};
    }
    const std::string json = inputsJson(record.inputs);
    return storage == InputStorage::Full ? json : "sha256:" + sha256Hex(json);
}

std::string timestampForFileName()
{
    std::string now = PredictionLog::utcNow();
    for (char& c : now) {
        if (c == ':') {
            c = '-';
        }
    }
    return now;
}

/// `at` as stored in `time`: ISO 8601 UTC with milliseconds.
std::string utcTime(std::chrono::system_clock::time_point at)
{
    const std::time_t seconds = std::chrono::system_clock::to_time_t(at);
    const auto millis =
        std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count() % 1000;
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                  utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, int(millis));
    return text;
}

} // namespace

std::string PredictionLog::utcNow()
{
    return utcTime(std::chrono::system_clock::now());
}

PredictionLog::PredictionLog(std::string path, InputStorage storage, Access access)
    : m_path(std::move(path)), m_storage(storage), m_access(access)
{
    std::error_code error;
    const fs::path folder = fs::path(m_path).parent_path();
    if (!folder.empty()) {
        fs::create_directories(folder, error);
    }
    try {
        openChecked();
        createOrMigrate();
    } catch (...) {
        // A constructor that throws runs no destructor: close the handle here.
        sqlite3_close(m_db);
        m_db = nullptr;
        throw;
    }
}

PredictionLog::~PredictionLog()
{
    try {
        flush();
    } catch (const LogError&) {
        // Reported by the caller's own flush(); nothing more can be done here.
    }
    sqlite3_close(m_db);
}

void PredictionLog::exec(const char* sql) const
{
    char* message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        const std::string text = message != nullptr ? message : sqlite3_errmsg(m_db);
        sqlite3_free(message);
        throw LogError(m_path + ": " + text);
    }
}

void PredictionLog::openChecked()
{
    const bool existed = fs::exists(m_path);
    if (sqlite3_open_v2(m_path.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        nullptr) != SQLITE_OK) {
        const std::string message = m_db != nullptr ? sqlite3_errmsg(m_db) : "out of memory";
        sqlite3_close(m_db);
        m_db = nullptr;
        throw LogError(m_path + ": cannot open the prediction log: " + message);
    }
    sqlite3_busy_timeout(m_db, 2000);
    if (!existed || m_access == Access::Read) {
        return;
    }
    // A damaged or foreign file answers quick_check with an error or with anything but "ok".
    std::string verdict;
    int step = SQLITE_OK;
    {
        sqlite3_stmt* stmt = nullptr;
        const int prepared = sqlite3_prepare_v2(m_db, "PRAGMA quick_check", -1, &stmt, nullptr);
        if (prepared == SQLITE_OK && (step = sqlite3_step(stmt)) == SQLITE_ROW) {
            const auto* text = sqlite3_column_text(stmt, 0);
            verdict = text != nullptr ? reinterpret_cast<const char*>(text) : "";
        } else {
            step = prepared != SQLITE_OK ? prepared : step;
            verdict = sqlite3_errmsg(m_db);
        }
        sqlite3_finalize(stmt);
    }
    // Another process holding the file (locked, busy beyond the timeout) is no damage: the
    // file is left alone and this process does not log.
    if ((step & 0xff) == SQLITE_BUSY || (step & 0xff) == SQLITE_LOCKED) {
        sqlite3_close(m_db);
        m_db = nullptr;
        throw LogError(m_path + ": the prediction log is locked by another program (" + verdict +
                       ")");
    }
    if (verdict == "ok") {
        return;
    }
    sqlite3_close(m_db);
    m_db = nullptr;
    const std::string aside = m_path + ".damaged-" + timestampForFileName();
    std::error_code error;
    fs::rename(m_path, aside, error);
    if (error) {
        throw LogError(m_path + ": the prediction log is damaged (" + verdict +
                       ") and cannot be set aside: " + error.message());
    }
    for (const char* suffix : {"-wal", "-shm"}) {
        fs::rename(m_path + suffix, aside + suffix, error); // absent when never opened in WAL
    }
    m_notice = "The prediction log " + m_path + " was damaged (" + verdict + "); it was kept as " +
               aside + " and a new log was started.";
    if (sqlite3_open_v2(m_path.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        nullptr) != SQLITE_OK) {
        throw LogError(m_path + ": cannot start a new prediction log: " + sqlite3_errmsg(m_db));
    }
    sqlite3_busy_timeout(m_db, 2000);
}

void PredictionLog::createOrMigrate()
{
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA synchronous=NORMAL");
    exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    int version = 0;
    {
        Statement select(m_db, "SELECT value FROM meta WHERE key = 'schema_version'", m_path);
        if (sqlite3_step(select.get()) == SQLITE_ROW) {
            version = std::atoi(select.text(0).c_str());
        }
    }
    if (version > kSchemaVersion) {
        throw LogError(m_path + ": the prediction log has schema version " +
                       std::to_string(version) +
                       ", written by a newer Credit Risk Studio "
                       "(this one reads up to " +
                       std::to_string(kSchemaVersion) + ")");
    }
    // Migrations, one per version step; version 0 is a new file.
    if (version < 1) {
        exec("BEGIN IMMEDIATE");
        exec("CREATE TABLE predictions ("
             " id INTEGER PRIMARY KEY, time TEXT NOT NULL, request_id TEXT, source TEXT,"
             " model_id TEXT, model_name TEXT, applicant_id TEXT, inputs TEXT,"
             " input_storage TEXT, pd REAL, model_pd REAL, decision TEXT, threshold REAL,"
             " grade TEXT, points REAL, reasons TEXT, latency_ms REAL, error TEXT)");
        exec("CREATE INDEX predictions_time ON predictions(time)");
        exec("CREATE INDEX predictions_model ON predictions(model_id, time)");
        exec("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', '1')");
        exec("COMMIT");
    }
    if (version < 2) {
        // Imported outcomes (1 bad, 0 good, NULL unknown), found by applicant id.
        exec("BEGIN IMMEDIATE");
        try {
            exec("ALTER TABLE predictions ADD COLUMN outcome INTEGER");
            exec("CREATE INDEX predictions_applicant ON predictions(applicant_id)");
            // The Monitor's aggregates read these columns of one model's period: a covering
            // index spares them the wide rows (the inputs), a tenth of the file. It replaces
            // the (model_id, time) index, so writing keeps three indexes.
            exec("DROP INDEX IF EXISTS predictions_model");
            exec("CREATE INDEX predictions_monitor ON predictions(model_id, time, error,"
                 " decision, pd, model_pd, latency_ms, outcome, grade, request_id)");
            exec("UPDATE meta SET value = '2' WHERE key = 'schema_version'");
        } catch (...) {
            sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
        exec("COMMIT");
    }
}

void PredictionLog::append(PredictionRecord record, bool writeWhenFull)
{
    std::size_t buffered = 0;
    {
        const std::lock_guard lock(m_mutex);
        m_buffer.push_back(std::move(record));
        buffered = m_buffer.size();
    }
    if (buffered >= kMaxBuffered) {
        flush(); // the writer cannot keep up: wait for it rather than grow without bound
    } else if (writeWhenFull && buffered >= kBatchSize && m_dbMutex.try_lock()) {
        // Another thread writing already takes these records on its next flush; the
        // appending threads of a service never wait for SQLite.
        const std::lock_guard db(m_dbMutex, std::adopt_lock);
        writeBuffered();
    }
}

void PredictionLog::flush()
{
    const std::lock_guard db(m_dbMutex);
    writeBuffered();
}

void PredictionLog::writeBuffered()
{
    std::vector<PredictionRecord> batch;
    {
        // Taken out of the buffer, so appends go on while the transaction is written.
        const std::lock_guard lock(m_mutex);
        batch.swap(m_buffer);
    }
    if (batch.empty()) {
        return;
    }
    try {
        writeBatch(batch);
    } catch (...) {
        // Kept, in order, for a later flush.
        const std::lock_guard lock(m_mutex);
        m_buffer.insert(m_buffer.begin(), std::make_move_iterator(batch.begin()),
                        std::make_move_iterator(batch.end()));
        throw;
    }
}

void PredictionLog::writeBatch(const std::vector<PredictionRecord>& batch)
{
    exec("BEGIN IMMEDIATE");
    try {
        Statement insert(m_db,
                         "INSERT INTO predictions (time, request_id, source, model_id,"
                         " model_name, applicant_id, inputs, input_storage, pd, model_pd,"
                         " decision, threshold, grade, points, reasons, latency_ms, error)"
                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                         " ?14, ?15, ?16, ?17)",
                         m_path);
        const std::string storage = inputStorageName(m_storage);
        for (const PredictionRecord& r : batch) {
            insert.bind(1, r.time.empty() ? utcNow() : r.time);
            insert.bind(2, r.requestId);
            insert.bind(3, r.source);
            insert.bind(4, r.modelId);
            insert.bind(5, r.modelName);
            insert.bind(6, r.applicantId);
            insert.bind(7, inputsText(r, m_storage));
            insert.bind(8, storage);
            insert.bind(9, r.pd);
            insert.bind(10, r.modelPd);
            insert.bind(11, r.decision);
            insert.bind(12, r.threshold);
            insert.bind(13, r.grade);
            insert.bind(14, r.points);
            insert.bind(15, reasonsJson(r.reasons));
            insert.bind(16, r.latencyMs);
            insert.bind(17, r.error);
            if (sqlite3_step(insert.get()) != SQLITE_DONE) {
                throw LogError(m_path +
                               ": cannot write to the prediction log: " + sqlite3_errmsg(m_db));
            }
            sqlite3_reset(insert.get());
        }
    } catch (...) {
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
    exec("COMMIT");
}

void PredictionLog::read(const std::string& since, const std::string& until,
                         const std::function<void(const StoredPrediction&)>& visit) const
{
    const std::lock_guard db(m_dbMutex);
    Statement select(m_db,
                     "SELECT id, time, request_id, source, model_id, model_name, applicant_id,"
                     " inputs, input_storage, pd, model_pd, decision, threshold, grade,"
                     " points, reasons, latency_ms, error, outcome FROM predictions"
                     " WHERE (?1 = '' OR time >= ?1) AND (?2 = '' OR time < ?2)"
                     " ORDER BY time, id",
                     m_path);
    select.bind(1, since);
    select.bind(2, until);
    StoredPrediction stored;
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(select.get())) == SQLITE_ROW) {
        sqlite3_stmt* s = select.get();
        stored.id = sqlite3_column_int64(s, 0);
        PredictionRecord& r = stored.record;
        r.time = select.text(1);
        r.requestId = select.text(2);
        r.source = select.text(3);
        r.modelId = select.text(4);
        r.modelName = select.text(5);
        r.applicantId = select.text(6);
        stored.inputsText = select.text(7);
        stored.storage = select.text(8);
        r.pd = sqlite3_column_double(s, 9);
        r.modelPd = sqlite3_column_double(s, 10);
        r.decision = select.text(11);
        r.threshold = sqlite3_column_double(s, 12);
        r.grade = select.text(13);
        r.points = sqlite3_column_double(s, 14);
        r.reasons.clear();
        const nlohmann::json reasons = nlohmann::json::parse(select.text(15), nullptr, false);
        if (reasons.is_array()) {
            for (const auto& reason : reasons) {
                if (reason.is_string()) {
                    r.reasons.push_back(reason.get<std::string>());
                }
            }
        }
        r.latencyMs = sqlite3_column_double(s, 16);
        r.error = select.text(17);
        stored.outcome =
            sqlite3_column_type(s, 18) == SQLITE_NULL ? -1 : int(sqlite3_column_int64(s, 18));
        visit(stored);
    }
    if (step != SQLITE_DONE) {
        throw LogError(m_path + ": cannot read the prediction log: " + sqlite3_errmsg(m_db));
    }
}

std::size_t PredictionLog::prune(const std::string& before)
{
    const std::lock_guard db(m_dbMutex);
    writeBuffered();
    Statement remove(m_db, "DELETE FROM predictions WHERE time < ?1", m_path);
    remove.bind(1, before);
    if (sqlite3_step(remove.get()) != SQLITE_DONE) {
        throw LogError(m_path + ": cannot prune the prediction log: " + sqlite3_errmsg(m_db));
    }
    return std::size_t(sqlite3_changes(m_db));
}

std::size_t PredictionLog::count() const
{
    const std::lock_guard db(m_dbMutex);
    Statement select(m_db, "SELECT COUNT(*) FROM predictions", m_path);
    if (sqlite3_step(select.get()) != SQLITE_ROW) {
        throw LogError(m_path + ": " + sqlite3_errmsg(m_db));
    }
    const std::lock_guard lock(m_mutex);
    return std::size_t(sqlite3_column_int64(select.get(), 0)) + m_buffer.size();
}

OutcomeImport
PredictionLog::importOutcomes(const std::vector<std::pair<std::string, int>>& outcomes)
{
    flush();
    const std::lock_guard lock(m_mutex);
    OutcomeImport result;
    result.outcomes = outcomes.size();
    exec("BEGIN IMMEDIATE");
    try {
        Statement update(m_db, "UPDATE predictions SET outcome = ?1 WHERE applicant_id = ?2",
                         m_path);
        for (const auto& [id, outcome] : outcomes) {
            sqlite3_bind_int(update.get(), 1, outcome);
            update.bind(2, id);
            if (sqlite3_step(update.get()) != SQLITE_DONE) {
                throw LogError(m_path + ": cannot write outcomes to the prediction log: " +
                               sqlite3_errmsg(m_db));
            }
            const int changed = sqlite3_changes(m_db);
            sqlite3_reset(update.get());
            if (changed > 0) {
                ++result.matchedIds;
                result.records += std::size_t(changed);
            } else if (result.unknownIds.size() < 20) {
                result.unknownIds.push_back(id);
            }
        }
    } catch (...) {
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
    exec("COMMIT");
    return result;
}

void PredictionLog::select(const std::string& sql, const std::vector<std::string>& parameters,
                           const std::function<void(const LogRow&)>& visit) const
{
    const std::lock_guard lock(m_mutex);
    Statement statement(m_db, sql.c_str(), m_path);
    if (!sqlite3_stmt_readonly(statement.get())) {
        throw LogError(m_path + ": only reading statements are allowed here");
    }
    for (std::size_t i = 0; i < parameters.size(); ++i) {
        statement.bind(int(i) + 1, parameters[i]);
    }
    const LogRow row(statement.get());
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(statement.get())) == SQLITE_ROW) {
        visit(row);
    }
    if (step != SQLITE_DONE) {
        throw LogError(m_path + ": cannot read the prediction log: " + sqlite3_errmsg(m_db));
    }
}

bool LogRow::isNull(int column) const
{
    return sqlite3_column_type(static_cast<sqlite3_stmt*>(m_stmt), column) == SQLITE_NULL;
}

double LogRow::number(int column) const
{
    return sqlite3_column_double(static_cast<sqlite3_stmt*>(m_stmt), column);
}

std::int64_t LogRow::integer(int column) const
{
    return sqlite3_column_int64(static_cast<sqlite3_stmt*>(m_stmt), column);
}

std::string_view LogRow::text(int column) const
{
    auto* stmt = static_cast<sqlite3_stmt*>(m_stmt);
    const auto* value = sqlite3_column_text(stmt, column);
    return value == nullptr ? std::string_view()
                            : std::string_view(reinterpret_cast<const char*>(value),
                                               std::size_t(sqlite3_column_bytes(stmt, column)));
}

bool visitInputs(std::string_view json,
                 const std::function<void(std::string_view key, std::string_view value)>& visit)
{
    std::size_t at = 0;
    const auto skipBlanks = [&] {
        while (at < json.size() &&
               (json[at] == ' ' || json[at] == '\n' || json[at] == '\t' || json[at] == '\r')) {
            ++at;
        }
    };
    // A string token; `scratch` holds it when it has escapes, else it is a view into `json`.
    const auto readString = [&](std::string& scratch, std::string_view& out) {
        if (at >= json.size() || json[at] != '"') {
            return false;
        }
        const std::size_t start = ++at;
        bool escaped = false;
        while (at < json.size() && json[at] != '"') {
            if (json[at] == '\\') {
                escaped = true;
                ++at;
            }
            ++at;
        }
        if (at >= json.size()) {
            return false;
        }
        out = json.substr(start, at - start);
        ++at;
        if (!escaped) {
            return true;
        }
        scratch.clear();
        for (std::size_t i = 0; i < out.size(); ++i) {
            if (out[i] != '\\' || i + 1 >= out.size()) {
                scratch += out[i];
                continue;
            }
            const char c = out[++i];
            switch (c) {
            case 'n':
                scratch += '\n';
                break;
            case 'r':
                scratch += '\r';
                break;
            case 't':
                scratch += '\t';
                break;
            case 'u': {
                // The writer escapes only control characters this way (\u00XX).
                if (i + 4 >= out.size()) {
                    return false;
                }
                unsigned code = 0;
                const auto [end, error] =
                    std::from_chars(out.data() + i + 1, out.data() + i + 5, code, 16);
                if (error != std::errc() || end != out.data() + i + 5 || code > 0x7f) {
                    return false;
                }
                scratch += char(code);
                i += 4;
                break;
            }
            default:
                scratch += c; // \" \\ \/
            }
        }
        out = scratch;
        return true;
    };
    skipBlanks();
    if (at >= json.size() || json[at] != '{') {
        return false;
    }
    ++at;
    skipBlanks();
    if (at < json.size() && json[at] == '}') {
        return true;
    }
    std::string keyScratch;
    std::string valueScratch;
    while (at < json.size()) {
        std::string_view key;
        std::string_view value;
        skipBlanks();
        if (!readString(keyScratch, key)) {
            return false;
        }
        skipBlanks();
        if (at >= json.size() || json[at] != ':') {
            return false;
        }
        ++at;
        skipBlanks();
        if (!readString(valueScratch, value)) {
            return false;
        }
        visit(key, value);
        skipBlanks();
        if (at < json.size() && json[at] == ',') {
            ++at;
            continue;
        }
        return at < json.size() && json[at] == '}';
    }
    return false;
}

std::size_t exportLog(const PredictionLog& log, const std::string& since, const std::string& until,
                      LogExportFormat format, std::ostream& out)
{
    std::size_t written = 0;
    if (format == LogExportFormat::Csv) {
        out << "id,time,request_id,source,model_id,model_name,applicant_id,input_storage,"
               "inputs,pd,model_pd,decision,threshold,grade,points,reasons,latency_ms,error,"
               "outcome\r\n";
    }
    log.read(since, until, [&](const StoredPrediction& stored) {
        const PredictionRecord& r = stored.record;
        if (format == LogExportFormat::JsonLines) {
            nlohmann::json row = {{"id", stored.id},
                                  {"time", r.time},
                                  {"request_id", r.requestId},
                                  {"source", r.source},
                                  {"model_id", r.modelId},
                                  {"model_name", r.modelName},
                                  {"applicant_id", r.applicantId},
                                  {"input_storage", stored.storage},
                                  {"pd", r.pd},
                                  {"model_pd", r.modelPd},
                                  {"decision", r.decision},
                                  {"threshold", r.threshold},
                                  {"grade", r.grade},
                                  {"points", r.points},
                                  {"reasons", r.reasons},
                                  {"latency_ms", r.latencyMs},
                                  {"error", r.error},
                                  {"outcome", nullptr}};
            if (stored.outcome >= 0) {
                row["outcome"] = stored.outcome;
            }
            if (stored.storage == "full") {
                row["inputs"] = nlohmann::json::parse(stored.inputsText, nullptr, false);
            } else {
                row["inputs"] = stored.inputsText;
            }
            out << row.dump() << '\n';
        } else {
            std::string reasons;
            for (const std::string& reason : r.reasons) {
                reasons += (reasons.empty() ? "" : " | ") + reason;
            }
            const auto number = [](double value) {
                char text[32];
                const auto end = std::to_chars(text, text + sizeof text, value).ptr;
                return std::string(text, end);
            };
            out << stored.id << ',' << csvField(r.time) << ',' << csvField(r.requestId) << ','
                << csvField(r.source) << ',' << csvField(r.modelId) << ',' << csvField(r.modelName)
                << ',' << csvField(r.applicantId) << ',' << csvField(stored.storage) << ','
                << csvField(stored.inputsText) << ',' << number(r.pd) << ',' << number(r.modelPd)
                << ',' << csvField(r.decision) << ',' << number(r.threshold) << ','
                << csvField(r.grade) << ',' << number(r.points) << ',' << csvField(reasons) << ','
                << number(r.latencyMs) << ',' << csvField(r.error) << ','
                << (stored.outcome >= 0 ? std::to_string(stored.outcome) : std::string()) << "\r\n";
        }
        ++written;
    });
    return written;
}

std::string timeBefore(const std::string& age)
{
    const auto bad = [&] {
        return std::invalid_argument("an age is a whole number of days, hours or minutes "
                                     "(90d, 12h, 30m), not \"" +
                                     age + "\"");
    };
    if (age.size() < 2) {
        throw bad();
    }
    long long amount = 0;
    const auto [end, error] = std::from_chars(age.data(), age.data() + age.size() - 1, amount);
    if (error != std::errc() || end != age.data() + age.size() - 1 || amount < 0) {
        throw bad();
    }
    long long minutes = 0;
    switch (age.back()) {
    case 'd':
        minutes = amount * 24 * 60;
        break;
    case 'h':
        minutes = amount * 60;
        break;
    case 'm':
        minutes = amount;
        break;
    default:
        throw bad();
    }
    return utcTime(std::chrono::system_clock::now() - std::chrono::minutes(minutes));
}

std::string resolveLogPath(const LogLocationInputs& inputs)
{
    if (inputs.noLog) {
        return {};
    }
    if (!inputs.flagPath.empty()) {
        return inputs.flagPath;
    }
    if (const char* env = std::getenv("CREDIT_RISK_LOG"); env != nullptr && *env != '\0') {
        return env;
    }
    if (!inputs.paramsPath.empty()) {
        return inputs.paramsPath;
    }
    fs::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg == '/') {
        base = xdg;
    } else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
        base = fs::path(home) / ".local" / "share";
    } else {
        base = fs::temp_directory_path();
    }
    return (base / "credit-risk-studio" / "predictions.sqlite").string();
}

} // namespace credit::core
