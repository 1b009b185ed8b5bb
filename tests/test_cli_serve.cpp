// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// `credit-risk serve` as a real process on an ephemeral loopback port: every route over HTTP,
// the token rules, the refusal to listen beyond loopback without a token, bounds, 200
// malformed requests, SIGTERM draining, SIGHUP with a corrupt model, the prediction log.
// No timed assertion: waits are for events (a log line, an answer, the exit), with generous
// safety limits.
#include "monitor/prediction_log.h"
#include "support/cli_run.h"
#include "support/raw_http.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <signal.h>

#include <fstream>
#include <memory>
#include <sstream>

using credit::test::httpExchange;
using credit::test::httpRequest;
using credit::test::RawConnection;
using credit::test::RawResponse;
using Json = nlohmann::json;

namespace {

constexpr int kWaitMs = 120000; // safety limit of every wait, not an expectation

/// One `credit-risk serve` process; the port is read from its "listening" log line.
class Server
{
public:
    bool start(const QStringList& arguments, const QProcessEnvironment& environment = {})
    {
        if (!environment.isEmpty()) {
            m_process.setProcessEnvironment(environment);
        }
        m_process.start(
            QStringLiteral(CREDIT_CLI),
            QStringList{QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0")} +
                arguments);
        if (!m_process.waitForStarted(kWaitMs) || !waitFor("\"event\":\"listening\"")) {
            return false;
        }
        const QRegularExpression port(QStringLiteral("\"port\":(\\d+)"));
        m_port = port.match(QString::fromUtf8(m_err)).captured(1).toInt();
        return m_port > 0;
    }
    ~Server()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }

    /// Waits until stderr holds `needle` (after `from` bytes). False when the process ends
    /// first.
    bool waitFor(const QByteArray& needle, qsizetype from = 0)
    {
        while (m_err.indexOf(needle, from) < 0) {
            if (m_process.state() == QProcess::NotRunning) {
                m_err += m_process.readAllStandardError();
                return m_err.indexOf(needle, from) >= 0;
            }
            m_process.waitForReadyRead(1000);
            m_err += m_process.readAllStandardError();
            if (m_timer.elapsed() > kWaitMs) {
                return false;
            }
        }
        return true;
    }
    void signal(int number) { ::kill(pid_t(m_process.processId()), number); }
    /// Exit code after the process ends (-2 when it crashed, -1 when it would not end).
    int waitForExit()
    {
        if (!m_process.waitForFinished(kWaitMs)) {
            return -1;
        }
        m_err += m_process.readAllStandardError();
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -2;
    }
    bool running() const { return m_process.state() == QProcess::Running; }
    int port() const { return m_port; }
    const QByteArray& err() const { return m_err; }
    qint64 pid() const { return m_process.processId(); }

private:
    QProcess m_process;
    QByteArray m_err;
    int m_port = 0;
    struct Timer
    {
        std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
        qint64 elapsed() const
        {
            return std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::steady_clock::now() - start)
                .count();
        }
    } m_timer;
};

std::string applicantJson(int variant = 0)
{
    Json a = {{"checking_status", variant % 2 ? "<0" : "no checking"},
              {"duration", 12 + variant % 30},
              {"credit_history", "existing paid"},
              {"purpose", "radio/tv"},
              {"credit_amount", 1500 + 37 * variant},
              {"savings_status", "<100"},
              {"employment", "1<=X<4"},
              {"installment_commitment", 2},
              {"personal_status", "male single"},
              {"other_parties", "none"},
              {"residence_since", 2},
              {"property_magnitude", "car"},
              {"age", 30 + variant % 40},
              {"other_payment_plans", "none"},
              {"housing", "own"},
              {"existing_credits", 1},
              {"job", "skilled"},
              {"num_dependents", 1},
              {"own_telephone", "none"},
              {"foreign_worker", "yes"}};
    return a.dump();
}

/// The process's peak resident memory (VmHWM), KiB.
long peakRssKiB(qint64 pid)
{
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(status, line);) {
        if (line.rfind("VmHWM:", 0) == 0) {
            return std::strtol(line.c_str() + 6, nullptr, 10);
        }
    }
    return -1;
}

} // namespace

class TestCliServe : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyRouteOverHttp();
    void tokenRules();
    void nonLoopbackNeedsAToken();
    void oversizeBodyIsRefusedUnread();
    void malformedRequestsAreAnswered4xx();
    void slowBodyGets408();
    void sigtermDrainsRequestsInFlight();
    void sighupWithACorruptModelKeepsServing();
    void predictionLogHoldsEveryScoredApplicant();

private:
    QString path(const char* name) const { return m_dir.filePath(QLatin1String(name)); }
    QTemporaryDir m_dir;
    QString m_model;
    QString m_otherModel;
};

void TestCliServe::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_model = path("lr.crs");
    m_otherModel = path("lr4.crs");
    const auto run = credit::test::trainQuickModel(m_model);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const auto other = credit::test::trainQuickModel(
        m_otherModel, QStringLiteral("lr"), 1, {QStringLiteral("--seed"), QStringLiteral("7")});
    QVERIFY2(other.exitCode == 0, other.err.constData());
}

void TestCliServe::everyRouteOverHttp()
{
    Server server;
    QVERIFY2(server.start({QStringLiteral("--model"), m_model, QStringLiteral("--no-log")}),
             server.err().constData());
    const int port = server.port();

    RawResponse r = httpExchange(port, httpRequest("POST", "/predict", applicantJson()));
    QVERIFY2(r.status == 200, r.body.c_str());
    QCOMPARE(r.headers["content-type"], std::string("application/json"));
    const Json predicted = Json::parse(r.body);
    QCOMPARE(predicted["request_id"].get<std::string>(), r.headers["x-request-id"]);
    QVERIFY(predicted["reasons"].size() > 0);

    const Json batch = {{"data", {Json::parse(applicantJson(1)), Json::parse(applicantJson(2))}}};
    r = httpExchange(port, httpRequest("POST", "/predict/batch", batch.dump()));
    QCOMPARE(r.status, 200);
    QCOMPARE(Json::parse(r.body)["scored"].get<int>(), 2);

    r = httpExchange(port, httpRequest("GET", "/health"));
    QCOMPARE(r.status, 200);
    QVERIFY(Json::parse(r.body)["model_id"] == predicted["model_id"]);
    r = httpExchange(port, httpRequest("GET", "/model"));
    QCOMPARE(r.status, 200);
    QCOMPARE(Json::parse(r.body)["fields"].size(), std::size_t(20));
    r = httpExchange(port, httpRequest("GET", "/ping"));
    QCOMPARE(r.status, 200);
    const Json mlflow = {{"dataframe_records", {Json::parse(applicantJson())}}};
    r = httpExchange(port, httpRequest("POST", "/invocations", mlflow.dump()));
    QCOMPARE(r.status, 200);
    QVERIFY(Json::parse(r.body)["predictions"][0] == predicted["pd"]);
    r = httpExchange(port, httpRequest("GET", "/metrics"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.headers["content-type"], std::string("text/plain; version=0.0.4; charset=utf-8"));
    QVERIFY(r.body.find("credit_risk_requests_total{route=\"/predict\",status=\"200\"} 1\n") !=
            std::string::npos);
    r = httpExchange(port, httpRequest("GET", "/nowhere"));
    QCOMPARE(r.status, 404);
    QVERIFY(Json::parse(r.body)["error"].is_string());
    r = httpExchange(port, "GET /health HTTP/1.1\r\nHost: evil.example:80\r\n\r\n");
    QCOMPARE(r.status, 400);

    // One JSON request line per request on stderr.
    QVERIFY(server.waitFor("\"route\":\"/metrics\""));
    QVERIFY(server.err().contains("\"event\":\"request\""));
    QVERIFY(server.err().contains("\"latency_ms\":"));
    QVERIFY(server.err().contains(
        ("\"request_id\":\"" + predicted["request_id"].get<std::string>() + "\"").c_str()));
}

void TestCliServe::tokenRules()
{
    const QString tokenFile = path("token");
    {
        QFile file(tokenFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("correct-horse-battery-staple\n");
    }
    Server server;
    QVERIFY2(server.start({QStringLiteral("--model"), m_model, QStringLiteral("--no-log"),
                           QStringLiteral("--token-file"), tokenFile}),
             server.err().constData());
    const int port = server.port();
    const std::string body = applicantJson();
    QCOMPARE(httpExchange(port, httpRequest("POST", "/predict", body)).status, 401);
    QCOMPARE(
        httpExchange(port, httpRequest("POST", "/predict", body,
                                       "Authorization: Bearer correct-horse-battery-stapl\r\n"))
            .status,
        401);
    QCOMPARE(
        httpExchange(port, httpRequest("POST", "/predict", body,
                                       "Authorization: Bearer correct-horse-battery-staple\r\n"))
            .status,
        200);
    QCOMPARE(httpExchange(port, httpRequest("GET", "/metrics")).status, 401);
    QCOMPARE(httpExchange(port, httpRequest("GET", "/health")).status, 200);
    QCOMPARE(httpExchange(port, httpRequest("GET", "/ping")).status, 200);
    // The token is never logged.
    QVERIFY(!server.err().contains("correct-horse"));
}

void TestCliServe::nonLoopbackNeedsAToken()
{
    auto run = credit::test::runCli({QStringLiteral("serve"), QStringLiteral("--model"), m_model,
                                     QStringLiteral("--host"), QStringLiteral("0.0.0.0"),
                                     QStringLiteral("--port"), QStringLiteral("0"),
                                     QStringLiteral("--no-log")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("--token-file"), run.err.constData());
    QVERIFY(!run.err.contains("\"event\":\"listening\""));

    // API_HOST counts the same.
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("API_HOST"), QStringLiteral("0.0.0.0"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(CREDIT_CLI),
                  {QStringLiteral("serve"), QStringLiteral("--model"), m_model,
                   QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--no-log")});
    QVERIFY(process.waitForFinished(kWaitMs));
    QCOMPARE(process.exitCode(), 1);
    QVERIFY(process.readAllStandardError().contains("--token-file"));
}

void TestCliServe::oversizeBodyIsRefusedUnread()
{
    Server server;
    QVERIFY2(server.start({QStringLiteral("--model"), m_model, QStringLiteral("--no-log"),
                           QStringLiteral("--max-body"), QStringLiteral("64KiB")}),
             server.err().constData());
    const int port = server.port();
    // A head announcing 100 MB: the client that asks first (Expect: 100-continue) is refused
    // at once and sends nothing.
    RawConnection connection(port);
    QVERIFY(connection.send("POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                            "application/json\r\nContent-Length: 100000000\r\n"
                            "Expect: 100-continue\r\n\r\n"));
    RawResponse r = connection.read();
    QCOMPARE(r.status, 413);
    QCOMPARE(Json::parse(r.body)["field"].get<std::string>(), std::string("Content-Length"));
    // The connection stays usable: nothing of the body was sent.
    QVERIFY(connection.send(httpRequest("GET", "/health")));
    QCOMPARE(connection.read().status, 200);

    // Whole oversize bodies sent anyway: skipped, never stored, then 413, and the connection
    // is still in step. The peak RSS (VmHWM) would grow by the body's size if the server read
    // it into memory.
    const long peakBefore = peakRssKiB(server.pid());
    // 16 MiB: far below the 32 MiB a buffered upload would take. Under AddressSanitizer the
    // server keeps freed blocks in its quarantine (256 MiB by default), so RSS says nothing
    // about buffering there: the bound is the quarantine's, and the 413s are still checked.
#if defined(__SANITIZE_ADDRESS__)
    constexpr long kRssBoundKiB = 320 * 1024;
#else
    constexpr long kRssBoundKiB = 16 * 1024;
#endif
    for (int i = 0; i < 3; ++i) {
        RawConnection upload(port);
        QVERIFY(upload.send("POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                            "application/json\r\nContent-Length: 33554432\r\n\r\n"));
        const std::string block(1 << 20, '7');
        for (int mib = 0; mib < 32; ++mib) {
            QVERIFY(upload.send(block));
        }
        QCOMPARE(upload.read().status, 413);
        QVERIFY(upload.send(httpRequest("GET", "/health")));
        QCOMPARE(upload.read().status, 200);
    }
    QVERIFY(server.running());
    const long peakAfter = peakRssKiB(server.pid());
    QVERIFY2(peakAfter - peakBefore < kRssBoundKiB,
             qPrintable(QStringLiteral("peak RSS %1 → %2 KiB").arg(peakBefore).arg(peakAfter)));
    const std::string big = "{\"duration\": \"" + std::string(1 << 20, '9') + "\"}";
    QCOMPARE(httpExchange(port, httpRequest("POST", "/predict", big)).status, 413);
    // A chunked upload beyond the limit is bounded too.
    std::string chunked = "POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                          "application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < 4; ++i) {
        chunked += "8000\r\n" + std::string(0x8000, ' ') + "\r\n";
    }
    chunked += "0\r\n\r\n";
    QCOMPARE(httpExchange(port, chunked).status, 413);
    // …also when it is large: cut at the limit, not buffered.
    {
        RawConnection upload(port);
        QVERIFY(upload.send("POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                            "application/json\r\nTransfer-Encoding: chunked\r\n\r\n"));
        const std::string chunk = "100000\r\n" + std::string(1 << 20, ' ') + "\r\n";
        for (int mib = 0; mib < 32 && upload.send(chunk); ++mib) {
        }
        QCOMPARE(upload.read().status, 413);
    }
    const long peakEnd = peakRssKiB(server.pid());
    QVERIFY2(peakEnd - peakBefore < kRssBoundKiB,
             qPrintable(QStringLiteral("peak RSS %1 → %2 KiB").arg(peakBefore).arg(peakEnd)));
    QCOMPARE(httpExchange(port, httpRequest("GET", "/health")).status, 200);
}

void TestCliServe::malformedRequestsAreAnswered4xx()
{
    Server server;
    QVERIFY2(server.start({QStringLiteral("--model"), m_model, QStringLiteral("--no-log")}),
             server.err().constData());
    const int port = server.port();
    const std::string good = applicantJson();
    std::vector<std::pair<std::string, std::string>> cases; // name, raw request
    const auto post = [&cases](const std::string& name, const std::string& body,
                               const std::string& path = "/predict") {
        cases.emplace_back(name, httpRequest("POST", path, body));
    };
    for (int i = 0; i < 40; ++i) {
        const std::size_t cut = 1 + std::size_t(i) * (good.size() - 2) / 40;
        post("truncated JSON at " + std::to_string(cut), good.substr(0, cut));
    }
    const char* fields[] = {"duration", "purpose", "age", "credit_amount", "checking_status"};
    const char* wrongValues[] = {"[]",        "{}",      "true", "false",    "[1,2]",
                                 "{\"a\":1}", "\"abc\"", "-1",   "\"🙂\"", "\"\""};
    for (const char* field : fields) {
        for (const char* value : wrongValues) {
            Json j = Json::parse(good);
            j[field] = Json::parse(value);
            if (std::string(value) == "\"abc\"" || std::string(value) == "-1") {
                if (std::string(field) == "purpose" || std::string(field) == "checking_status") {
                    j[field] = "no such level";
                }
            }
            post(std::string("wrong type ") + field + "=" + value, j.dump());
        }
    }
    for (int depth : {17, 20, 50, 100, 1000, 10000, 100000}) {
        post("deep array " + std::to_string(depth),
             std::string(std::size_t(depth), '[') + std::string(std::size_t(depth), ']'));
        std::string objects;
        for (int d = 0; d < depth; ++d) {
            objects += "{\"a\":";
        }
        post("deep object " + std::to_string(depth),
             objects + "1" + std::string(std::size_t(depth), '}'));
        post("unclosed " + std::to_string(depth), std::string(std::size_t(depth), '['));
    }
    for (const char* number :
         {"1e400", "-1e400", "1e99999", "123456789012345678901234567890e300", "1e308",
          "1.7976931348623157e309", "0x10", "NaN", "Infinity", "-", "1.", ".5", "01"}) {
        Json j = Json::parse(good);
        std::string body = j.dump();
        const std::string key = "\"duration\":";
        const std::size_t at = body.find(key) + key.size();
        body.replace(at, body.find(',', at) - at, number);
        post(std::string("huge or bad number ") + number, body);
    }
    for (const char* bytes : {"\xff", "\xc3\x28", "\xa0\xa1", "\xe2\x28\xa1", "\xf0\x28\x8c\xbc",
                              "\xed\xa0\x80", "\xc0\xaf", "\xf8\x88\x80\x80\x80"}) {
        Json j = Json::parse(good);
        std::string body = j.dump();
        body.replace(body.find("radio/tv"), 8, bytes);
        post("invalid UTF-8", body);
        post("invalid UTF-8 key", std::string("{\"") + bytes + "\": 1}");
    }
    for (const char* body : {"", "null", "[]", "\"text\"", "42", "{", "}", "{\"a\" 1}", "{'a': 1}",
                             "{\"a\":1,}", "\x01\x02\x03", "{\"data\": 5}"}) {
        post(std::string("not an applicant: ") + body, body);
        post(std::string("not a batch: ") + body, body, "/predict/batch");
        post(std::string("not MLflow: ") + body, body, "/invocations");
    }
    cases.emplace_back("no HTTP version", "GET /health\r\n\r\n");
    cases.emplace_back("garbage request line",
                       std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\r\n\r\n", 13));
    cases.emplace_back("unknown method", "BREW /predict HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    cases.emplace_back("long URI",
                       "GET /" + std::string(20000, 'a') + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    cases.emplace_back("long header line", "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: " +
                                               std::string(10000, 'a') + "\r\n\r\n");
    std::string manyHeaders = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (int i = 0; i < 400; ++i) {
        manyHeaders += "X-H" + std::to_string(i) + ": " + std::string(60, 'v') + "\r\n";
    }
    cases.emplace_back("headers beyond the bound", manyHeaders + "\r\n");
    cases.emplace_back("bad content length",
                       "POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                       "application/json\r\nContent-Length: ten\r\n\r\n{}");
    cases.emplace_back("form body",
                       "POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                       "application/x-www-form-urlencoded\r\nContent-Length: 3\r\n\r\na=1");
    cases.emplace_back("no host", "GET /health HTTP/1.1\r\n\r\n");
    cases.emplace_back("rebinding host", "GET /model HTTP/1.1\r\nHost: attacker.example\r\n\r\n");
    cases.emplace_back("path traversal", httpRequest("GET", "/../../etc/passwd"));
    cases.emplace_back("encoded NUL path", httpRequest("GET", "/%00"));
    cases.emplace_back("PUT", httpRequest("PUT", "/predict"));
    cases.emplace_back("DELETE", httpRequest("DELETE", "/health"));
    cases.emplace_back("GET predict", httpRequest("GET", "/predict"));
    while (cases.size() < 200) {
        const int i = int(cases.size());
        Json j = Json::parse(applicantJson(i));
        j.erase(fields[i % 5]);
        post("missing field " + std::to_string(i), j.dump());
    }
    QVERIFY(cases.size() >= 200);
    for (const auto& [name, bytes] : cases) {
        const RawResponse r = httpExchange(port, bytes);
        QVERIFY2(r.status >= 400 && r.status < 500,
                 qPrintable(QStringLiteral("%1: status %2 %3")
                                .arg(QString::fromStdString(name))
                                .arg(r.status)
                                .arg(QString::fromStdString(r.body.substr(0, 200)))));
        if (!r.body.empty()) {
            QVERIFY2(Json::accept(r.body), name.c_str()); // JSON, never a trace
        }
        QVERIFY2(server.running(), name.c_str());
    }
    QCOMPARE(httpExchange(port, httpRequest("GET", "/health")).status, 200);
    QCOMPARE(httpExchange(port, httpRequest("POST", "/predict", good)).status, 200);
}

void TestCliServe::slowBodyGets408()
{
    Server server;
    QVERIFY2(server.start({QStringLiteral("--model"), m_model, QStringLiteral("--no-log"),
                           QStringLiteral("--read-timeout"), QStringLiteral("1")}),
             server.err().constData());
    // A body that stops short of its Content-Length: cut off after the read timeout, 408.
    RawConnection connection(server.port());
    QVERIFY(connection.send("POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                            "application/json\r\nContent-Length: 100\r\n\r\n{\"duration\""));
    const RawResponse r = connection.read();
    QCOMPARE(r.status, 408);
    QVERIFY(Json::parse(r.body)["error"].is_string());
    QCOMPARE(httpExchange(server.port(), httpRequest("GET", "/health")).status, 200);
}

void TestCliServe::sigtermDrainsRequestsInFlight()
{
    const QString log = path("drain.sqlite");
    Server server;
    QVERIFY2(server.start({QStringLiteral("--model"), m_model, QStringLiteral("--log"), log}),
             server.err().constData());
    RawConnection connection(server.port());
    // A first answer on this connection proves a worker is serving it.
    QVERIFY(connection.send(httpRequest("GET", "/health")));
    QCOMPARE(connection.read().status, 200);
    Json rows = Json::array();
    for (int i = 0; i < 300; ++i) {
        rows.push_back(Json::parse(applicantJson(i)));
    }
    const std::string request = httpRequest("POST", "/predict/batch", Json{{"data", rows}}.dump());
    const std::size_t half = request.size() / 2;
    QVERIFY(connection.send(request.substr(0, half))); // in flight: the server is reading it
    const qsizetype before = server.err().size();
    server.signal(SIGTERM);
    QVERIFY(server.waitFor("\"event\":\"stopping\"", before));
    QVERIFY(connection.send(request.substr(half)));
    const RawResponse r = connection.read();
    QVERIFY2(r.status == 200, r.body.c_str());
    QCOMPARE(Json::parse(r.body)["scored"].get<int>(), 300);
    QCOMPARE(server.waitForExit(), 0);
    QVERIFY(server.err().contains("\"event\":\"stopped\""));
    // New connections are refused once it stopped.
    QVERIFY(!RawConnection(server.port()).connected());
    // The drained request's rows were flushed to the log before the exit.
    credit::core::PredictionLog reader(log.toStdString());
    QCOMPARE(reader.count(), std::size_t(300));
}

void TestCliServe::sighupWithACorruptModelKeepsServing()
{
    const QString served = path("served.crs");
    QFile::remove(served);
    QVERIFY(QFile::copy(m_model, served));
    Server server;
    QVERIFY2(server.start({QStringLiteral("--model"), served, QStringLiteral("--no-log")}),
             server.err().constData());
    const int port = server.port();
    const auto modelId = [port] {
        const RawResponse r = httpExchange(port, httpRequest("POST", "/predict", applicantJson()));
        return r.status == 200 ? Json::parse(r.body)["model_id"].get<std::string>()
                               : std::string("status ") + std::to_string(r.status);
    };
    const std::string first = modelId();
    QCOMPARE(first.size(), std::size_t(16));

    // Corrupt the file (truncated, then garbage): refused, the old model keeps serving.
    for (const QByteArray& bytes : {QByteArray("CRSBNDL1\x03", 9), QByteArray("not a model")}) {
        QFile file(served);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
        file.close();
        const qsizetype before = server.err().size();
        server.signal(SIGHUP);
        QVERIFY(server.waitFor("\"event\":\"reload_refused\"", before));
        QVERIFY(server.running());
        QCOMPARE(modelId(), first);
    }
    // A good new file is served after the next SIGHUP.
    QFile::remove(served);
    QVERIFY(QFile::copy(m_otherModel, served));
    const qsizetype before = server.err().size();
    server.signal(SIGHUP);
    QVERIFY(server.waitFor("\"event\":\"reload\"", before));
    const std::string second = modelId();
    QCOMPARE(second.size(), std::size_t(16));
    QVERIFY(second != first);
    const RawResponse metrics = httpExchange(port, httpRequest("GET", "/metrics"));
    QVERIFY(metrics.body.find("credit_risk_model_reloads_total{result=\"refused\"} 2") !=
            std::string::npos);
    QVERIFY(metrics.body.find("credit_risk_model_reloads_total{result=\"ok\"} 1") !=
            std::string::npos);
    server.signal(SIGINT);
    QCOMPARE(server.waitForExit(), 0);
}

void TestCliServe::predictionLogHoldsEveryScoredApplicant()
{
    const QString log = path("service.sqlite");
    Server server;
    QVERIFY2(server.start({QStringLiteral("--model"), m_model, QStringLiteral("--log"), log}),
             server.err().constData());
    const int port = server.port();
    std::vector<std::string> ids;
    for (int i = 0; i < 3; ++i) {
        Json j = Json::parse(applicantJson(i));
        j["id"] = "applicant-" + std::to_string(i);
        const RawResponse r = httpExchange(port, httpRequest("POST", "/predict", j.dump()));
        QCOMPARE(r.status, 200);
        ids.push_back(Json::parse(r.body)["request_id"].get<std::string>());
    }
    Json bad = Json::parse(applicantJson());
    bad["purpose"] = "yacht";
    const Json batch = {
        {"data", {Json::parse(applicantJson(5)), bad, Json::parse(applicantJson(6))}}};
    RawResponse r = httpExchange(
        port, httpRequest("POST", "/predict/batch", batch.dump(), "X-Request-Id: batch-7\r\n"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.headers["x-request-id"], std::string("batch-7"));
    QCOMPARE(httpExchange(port, httpRequest("POST", "/predict", "{")).status, 400); // not scored
    server.signal(SIGTERM);
    QCOMPARE(server.waitForExit(), 0);

    credit::core::PredictionLog reader(log.toStdString());
    std::vector<credit::core::PredictionRecord> rows;
    reader.read({}, {},
                [&rows](const credit::core::StoredPrediction& p) { rows.push_back(p.record); });
    QCOMPARE(rows.size(), std::size_t(6));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        QCOMPARE(rows[i].source, std::string("service"));
        QCOMPARE(rows[i].requestId, i < 3 ? ids[i] : std::string("batch-7"));
    }
    QCOMPARE(rows[0].applicantId, std::string("applicant-0"));
    QVERIFY(!rows[0].decision.empty());
    QVERIFY(rows[4].error.find("yacht") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestCliServe)
#include "test_cli_serve.moc"
