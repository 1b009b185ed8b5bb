// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "monitor/monitoring_settings.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct sqlite3;

namespace credit::core {

/// One scoring event: an applicant scored (or refused) by the GUI, the CLI, batch scoring or
/// the service.
struct PredictionRecord
{
    std::string time;        ///< UTC, ISO 8601 with milliseconds: "2026-12-02T13:45:01.123Z"
    std::string requestId;   ///< the request's or the batch's id
    std::string source;      ///< "gui", "cli", "batch" or "service"
    /// ModelIdentity::id: the bundle's hash (16 hex digits), plus "-<algorithm>" when the
    /// chain that scored is not the bundle's selected one.
    std::string modelId;
    std::string modelName;   ///< the algorithm and the file name
    std::string applicantId; ///< the input's id field or column; empty when it has none
    std::map<std::string, std::string> inputs; ///< attribute → value as given
    double pd = 0.0;                           ///< the PD shown (population scale when corrected)
    double modelPd = 0.0;   ///< the model's calibrated PD on the training sample's scale
    std::string decision;   ///< "accept" or "reject"; empty for a refused row
    double threshold = 0.0; ///< the cut-off on the PD scale of `pd`
    std::string grade;
    double points = 0.0;
    std::vector<std::string> reasons; ///< the stated reasons, most adverse first
    double latencyMs = 0.0;
    std::string error; ///< why the row was refused; empty when it was scored
};

/// A record as read back: the stored inputs are text (JSON, a hash or empty).
struct StoredPrediction
{
    std::int64_t id = 0;
    PredictionRecord record; ///< `inputs` empty; see inputsText
    std::string inputsText;  ///< JSON object, "sha256:…" or empty, per `storage`
    std::string storage;     ///< "full", "hashed" or "none"
    int outcome = -1;        ///< 1 bad, 0 good, -1 unknown (schema 2: imported outcomes)
};

/// One row of PredictionLog::select(): its columns by index.
class LogRow
{
public:
    explicit LogRow(void* statement) : m_stmt(statement) {}
    bool isNull(int column) const;
    double number(int column) const;
    std::int64_t integer(int column) const;
    std::string_view text(int column) const; ///< valid until the next row
private:
    void* m_stmt;
};

/// What importOutcomes() did.
struct OutcomeImport
{
    std::size_t outcomes = 0;            ///< (id, outcome) pairs given
    std::size_t matchedIds = 0;          ///< of which the log holds at least one record
    std::size_t records = 0;             ///< records that got their outcome
    std::vector<std::string> unknownIds; ///< ids the log does not hold (the first 20)
};

/// Parses the inputs of a record stored in full (the JSON object the log writes: a flat
/// object of strings) and calls `visit(key, value)` for each; escapes are decoded. Returns
/// false for text of any other shape (then nothing or only a part was visited).
/// Hand-written, as the inverse of the log's own writer: nlohmann::json builds a document per
/// record, several µs each, and drift over a log reads every record's inputs.
bool visitInputs(std::string_view json,
                 const std::function<void(std::string_view key, std::string_view value)>& visit);

/// Thrown when the log cannot be opened or written; the message names the file.
class LogError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

/// The prediction log: an SQLite database (WAL, synchronous=NORMAL), one writer object per
/// process, records buffered and written in one transaction per batch.
///
/// Schema version 2 (table `meta` holds `schema_version`):
///
///     predictions(id INTEGER PRIMARY KEY, time TEXT, request_id, source, model_id,
///                 model_name, applicant_id, inputs, input_storage, pd REAL, model_pd REAL,
///                 decision, threshold REAL, grade, points REAL, reasons (JSON array),
///                 latency_ms REAL, error, outcome INTEGER)
///
/// Version 1 had no `outcome` (1 bad, 0 good, NULL unknown; set by importOutcomes()):
/// opening a version-1 log adds the column and an index on applicant_id in one transaction
/// (its records keep NULL outcomes) and replaces the (model_id, time) index by a covering one
/// for the monitor's aggregates, (model_id, time, error, decision, pd, model_pd, latency_ms,
/// outcome, grade, request_id). Indexes: time, that one, applicant_id.
///
/// Opening checks the file (`PRAGMA quick_check`): a damaged or foreign file is never
/// written to; it is renamed to `<path>.damaged-<UTC time>` and a new log is started,
/// with notice() saying so. A log of a newer schema is refused (LogError). Committed
/// transactions survive a kill -9 (WAL); buffered records not yet flushed are lost with
/// the process, so callers flush at the end of each user action or batch.
///
/// Concurrency: appends only take the buffer's lock; the thread whose append fills a batch
/// writes it after taking it out of the buffer, so other appending threads never wait for
/// SQLite (unless kMaxBuffered records pile up while the writer is busy: then an append
/// waits for the writer, which bounds the memory).
class PredictionLog
{
public:
    static constexpr int kSchemaVersion = 2;
    /// Records kept in memory before they are written in one transaction.
    static constexpr std::size_t kBatchSize = 512;
    /// Records buffered at most before an append waits for the writer.
    static constexpr std::size_t kMaxBuffered = 4 * kBatchSize;

    /// How a log is opened.
    enum class Access
    {
        Write, ///< checked first (quick_check reads the whole file): a damaged one is set aside
        /// For readers (the Monitor, drift, export): no whole-file check, so opening a log
        /// of 1 GB costs nothing; a damaged page then fails the read that meets it (LogError)
        /// and nothing is set aside. The schema is still migrated.
        Read,
    };

    /// Opens or creates the log at `path` (its folder is created). Throws LogError.
    explicit PredictionLog(std::string path, InputStorage storage = InputStorage::Full,
                           Access access = Access::Write);
    /// Flushes; a failure is swallowed (destructors do not throw): call flush() to see it.
    ~PredictionLog();
    PredictionLog(const PredictionLog&) = delete;
    PredictionLog& operator=(const PredictionLog&) = delete;

    const std::string& path() const { return m_path; }
    /// Non-empty when opening set a damaged file aside: what happened, for the user.
    const std::string& notice() const { return m_notice; }

    /// Buffers one record (thread-safe); writes the buffer when it reaches kBatchSize, or with
    /// `writeWhenFull` false only at kMaxBuffered: for a caller that flushes from a thread of
    /// its own (the service), so that request threads never write.
    void append(PredictionRecord record, bool writeWhenFull = true);
    /// Writes the buffered records in one transaction. Throws LogError (the records stay
    /// buffered, so a later flush may still write them).
    void flush();

    /// Every stored record with since <= time < until (ISO 8601 strings; empty = open),
    /// oldest first, handed to `visit` one at a time (streams a log of any size).
    void read(const std::string& since, const std::string& until,
              const std::function<void(const StoredPrediction&)>& visit) const;
    /// Deletes the records older than `before` (ISO 8601); returns how many.
    std::size_t prune(const std::string& before);
    std::size_t count() const;

    /// Sets the outcome (1 bad, 0 good) of every record whose applicant_id is one of the given
    /// ids, in one transaction (an id scored twice gets it on both records). Throws LogError.
    OutcomeImport importOutcomes(const std::vector<std::pair<std::string, int>>& outcomes);

    /// Runs one read-only SQL statement of the monitor's aggregates with text parameters
    /// ?1, ?2, … and hands each result row to `visit`. Records still buffered are not seen.
    /// Throws LogError naming the file (also for SQL that does not prepare).
    void select(const std::string& sql, const std::vector<std::string>& parameters,
                const std::function<void(const LogRow&)>& visit) const;

    /// The current UTC time as stored in `time`.
    static std::string utcNow();

private:
    void openChecked();
    void createOrMigrate();
    void exec(const char* sql) const;
    /// Writes the buffered records (m_dbMutex held by the caller).
    void writeBuffered();
    void writeBatch(const std::vector<PredictionRecord>& batch);

    std::string m_path;
    InputStorage m_storage;
    Access m_access = Access::Write;
    std::string m_notice;
    sqlite3* m_db = nullptr;
    mutable std::mutex m_dbMutex; ///< the database connection (writing, reading)
    mutable std::mutex m_mutex;   ///< m_buffer; taken after m_dbMutex when both are
    std::vector<PredictionRecord> m_buffer;
};

/// Writes the records of [since, until) as CSV (a header, then one record per line, RFC 4180
/// quoting, reasons joined by " | ") or as JSON Lines (one object per line). The last field,
/// `outcome`, is 1 (bad), 0 (good) or empty / null when no outcome was imported.
enum class LogExportFormat
{
    Csv,
    JsonLines,
};
/// Returns the number of records written.
std::size_t exportLog(const PredictionLog& log, const std::string& since, const std::string& until,
                      LogExportFormat format, std::ostream& out);

/// The UTC time `age` before now, as stored in `time`: "90d", "12h", "30m". Throws
/// std::invalid_argument naming the accepted forms.
std::string timeBefore(const std::string& age);

/// Where the log goes, from the strongest setting down: `--no-log` (none), `--log PATH`,
/// the environment variable CREDIT_RISK_LOG, `monitoring.log` of params.yaml, then the XDG
/// data folder ($XDG_DATA_HOME, else ~/.local/share)/credit-risk-studio/predictions.sqlite.
/// Returns an empty string when logging is off.
struct LogLocationInputs
{
    bool noLog = false;
    std::string flagPath;
    std::string paramsPath;
};
std::string resolveLogPath(const LogLocationInputs& inputs);

} // namespace credit::core
