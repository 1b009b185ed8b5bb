// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// The scoring service's routes as plain functions (ScoringService::handle): no socket. Every
// status code, every field error, the MLflow formats, unicode labels, the metrics text and the
// prediction log rows.
#include "data/dataset_reader.h"
#include "explain/applicant_json.h"
#include "monitor/prediction_log.h"
#include "serve/scoring_service.h"
#include "support/applicant_of.h"
#include "support/quick_model.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <fstream>
#include <memory>
#include <sstream>

using namespace credit::core;
using Json = nlohmann::json;

namespace {

const std::string kCreditG = std::string(CREDIT_DATA_DIR) + "/credit-g.arff";
const std::string kToken = "s3cret-token-0123456789";

ServiceRequest request(const std::string& method, const std::string& path,
                       const std::string& body = {},
                       std::map<std::string, std::string> headers = {})
{
    ServiceRequest r;
    r.method = method;
    r.path = path;
    r.body = body;
    r.headers = {{"host", "127.0.0.1:5000"}};
    if (method == "POST") {
        r.headers["content-type"] = "application/json";
    }
    for (auto& [name, value] : headers) {
        if (value.empty()) {
            r.headers.erase(name);
        } else {
            r.headers[name] = value;
        }
    }
    return r;
}

Json jsonOf(const Applicant& applicant)
{
    Json j = Json::object();
    for (const auto& [name, value] : applicant) {
        j[name] = value;
    }
    return j;
}

Json bodyOf(const ServiceResponse& response)
{
    return Json::parse(response.body);
}

std::string header(const ServiceResponse& response, const std::string& name)
{
    for (const auto& [key, value] : response.headers) {
        if (key == name) {
            return value;
        }
    }
    return {};
}

} // namespace

class TestServiceRoutes : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void predictAnswersTheCliObject();
    void statusCodes_data();
    void statusCodes();
    void everyMissingFieldIsNamed();
    void imputeMissing();
    void batchScoresGoodRowsAndNamesBadOnes();
    void batchBounds();
    void mlflowFormats_data();
    void mlflowFormats();
    void mlflowRefusesTheWholeRequest();
    void healthAndModel();
    void unicodeLabels();
    void metricsText();
    void metricsPassPromtool();
    void predictionLogRows();
    void reloadRefusesABadFileAndKeepsServing();

private:
    ServiceConfig config() const
    {
        ServiceConfig c;
        c.allowedHosts = {"127.0.0.1", "localhost", "::1"};
        c.version = "test";
        return c;
    }

    std::unique_ptr<Dataset> m_data;
    std::shared_ptr<const ServedModel> m_model;
    std::unique_ptr<ScoringService> m_service;      ///< no token, no log
    std::unique_ptr<ScoringService> m_tokenService; ///< with kToken
    Applicant m_applicant;
};

void TestServiceRoutes::initTestCase()
{
    m_data = std::make_unique<Dataset>(readDataset(kCreditG).dataset);
    m_model = ServedModel::fromBundle(credit::test::quickLrBundle(*m_data, 3), "lr.crs");
    m_service = std::make_unique<ScoringService>(m_model, config());
    ServiceConfig withToken = config();
    withToken.token = kToken;
    m_tokenService = std::make_unique<ScoringService>(m_model, withToken);
    m_applicant = credit::test::applicantOf(*m_data, 1);
}

void TestServiceRoutes::predictAnswersTheCliObject()
{
    const std::string body = jsonOf(m_applicant).dump();
    const ServiceResponse response = m_service->handle(request("POST", "/predict", body));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.contentType, std::string("application/json"));
    Json answer = bodyOf(response);
    QCOMPARE(answer["model_id"].get<std::string>(), m_model->identity.id);
    QVERIFY(!answer["request_id"].get<std::string>().empty());
    QCOMPARE(header(response, "X-Request-Id"), answer["request_id"].get<std::string>());
    for (const char* key : {"pd", "model_pd", "decision", "threshold", "grade", "points", "reasons",
                            "method", "out_of_range", "warnings"}) {
        QVERIFY2(answer.contains(key), key);
    }
    QVERIFY(answer["reasons"].size() > 0);
    for (const char* key : {"attribute", "value", "contribution", "text"}) {
        QVERIFY2(answer["reasons"][0].contains(key), key);
    }
    // The same object as `credit-risk score --applicant` prints (its one writer), plus the two
    // request fields.
    answer.erase("model_id");
    answer.erase("request_id");
    const Json cli = Json::parse(scoreResultJson(m_model->scorer->settings(),
                                                 m_model->scorer->score(readApplicantJson(body))));
    QCOMPARE(answer.dump(), cli.dump());

    // A client-chosen request id is kept.
    ServiceRequest withId = request("POST", "/predict", body);
    withId.requestId = "loan-42";
    QCOMPARE(bodyOf(m_service->handle(withId))["request_id"].get<std::string>(),
             std::string("loan-42"));
}

void TestServiceRoutes::statusCodes_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("headers"); // "name: value|name: value"; empty value removes
    QTest::addColumn<bool>("token");      // the service with a token
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field"); // expected "field" ("-" = null, "" = don't check)

    const Json good = jsonOf(credit::test::applicantOf(*m_data, 1));
    const auto with = [&](const char* key, const Json& value) {
        Json j = good;
        j[key] = value;
        return QString::fromStdString(j.dump());
    };
    const QString ok = QString::fromStdString(good.dump());

    QTest::newRow("200 predict") << "POST"
                                 << "/predict" << ok << "" << false << 200 << "";
    QTest::newRow("200 health") << "GET"
                                << "/health"
                                << ""
                                << "" << false << 200 << "";
    QTest::newRow("200 HEAD health") << "HEAD"
                                     << "/health"
                                     << ""
                                     << "" << false << 200 << "";
    QTest::newRow("404 unknown path") << "GET"
                                      << "/nope"
                                      << ""
                                      << "" << false << 404 << "-";
    QTest::newRow("404 trailing slash") << "POST"
                                        << "/predict/" << ok << "" << false << 404 << "-";
    QTest::newRow("405 GET predict") << "GET"
                                     << "/predict"
                                     << ""
                                     << "" << false << 405 << "-";
    QTest::newRow("405 POST health") << "POST"
                                     << "/health"
                                     << "{}"
                                     << "" << false << 405 << "-";
    QTest::newRow("405 DELETE model") << "DELETE"
                                      << "/model"
                                      << ""
                                      << "" << false << 405 << "-";
    QTest::newRow("400 foreign host")
        << "POST"
        << "/predict" << ok << "host: evil.example" << false << 400 << "Host";
    QTest::newRow("400 no host") << "GET"
                                 << "/health"
                                 << ""
                                 << "host: " << false << 400 << "Host";
    QTest::newRow("200 localhost host") << "GET"
                                        << "/health"
                                        << ""
                                        << "host: localhost:5000" << false << 200 << "";
    QTest::newRow("200 IPv6 host") << "GET"
                                   << "/health"
                                   << ""
                                   << "host: [::1]:5000" << false << 200 << "";
    QTest::newRow("401 no token") << "POST"
                                  << "/predict" << ok << "" << true << 401 << "Authorization";
    QTest::newRow("401 wrong token")
        << "POST"
        << "/predict" << ok << "authorization: Bearer s3cret-token-012345678X" << true << 401
        << "Authorization";
    QTest::newRow("401 token prefix")
        << "POST"
        << "/predict" << ok << "authorization: Bearer s3cret" << true << 401 << "Authorization";
    QTest::newRow("401 basic scheme")
        << "GET"
        << "/model"
        << ""
        << "authorization: Basic czNjcmV0" << true << 401 << "Authorization";
    QTest::newRow("401 metrics") << "GET"
                                 << "/metrics"
                                 << ""
                                 << "" << true << 401 << "Authorization";
    QTest::newRow("200 right token")
        << "POST"
        << "/predict" << ok << QString::fromStdString("authorization: Bearer " + kToken) << true
        << 200 << "";
    QTest::newRow("200 scheme any case")
        << "GET"
        << "/model"
        << "" << QString::fromStdString("authorization: bearer " + kToken) << true << 200 << "";
    QTest::newRow("200 health open") << "GET"
                                     << "/health"
                                     << ""
                                     << "" << true << 200 << "";
    QTest::newRow("200 ping open") << "GET"
                                   << "/ping"
                                   << ""
                                   << "" << true << 200 << "";
    QTest::newRow("415 text/plain")
        << "POST"
        << "/predict" << ok << "content-type: text/plain" << false << 415 << "Content-Type";
    QTest::newRow("415 no content type")
        << "POST"
        << "/predict" << ok << "content-type: " << false << 415 << "Content-Type";
    QTest::newRow("415 latin-1") << "POST"
                                 << "/predict" << ok
                                 << "content-type: application/json; charset=iso-8859-1" << false
                                 << 415 << "Content-Type";
    QTest::newRow("200 utf-8 charset")
        << "POST"
        << "/predict" << ok << "content-type: application/json; charset=UTF-8" << false << 200
        << "";
    QTest::newRow("413 content length")
        << "POST"
        << "/predict" << ok << "content-length: 2000000" << false << 413 << "Content-Length";
    QTest::newRow("413 body") << "POST"
                              << "/predict"
                              << QString::fromStdString(std::string(1100000, ' ') + good.dump())
                              << "" << false << 413 << "-";
    QTest::newRow("413 deep nesting")
        << "POST"
        << "/predict" << QString::fromStdString(std::string(100, '[') + std::string(100, ']')) << ""
        << false << 413 << "-";
    QTest::newRow("413 deep value")
        << "POST"
        << "/predict" << with("duration", Json::parse(std::string(40, '[') + std::string(40, ']')))
        << "" << false << 413 << "-";
    QTest::newRow("400 empty body") << "POST"
                                    << "/predict"
                                    << ""
                                    << "" << false << 400 << "-";
    QTest::newRow("400 truncated JSON")
        << "POST"
        << "/predict" << ok.left(ok.size() / 2) << "" << false << 400 << "-";
    QTest::newRow("400 trailing garbage")
        << "POST"
        << "/predict" << ok + QStringLiteral("}") << "" << false << 400 << "-";
    QTest::newRow("400 huge number") << "POST"
                                     << "/predict"
                                     << R"({"duration": 1e400})"
                                     << "" << false << 400 << "-";
    QTest::newRow("400 array body") << "POST"
                                    << "/predict"
                                    << "[1, 2]"
                                    << "" << false << 400 << "-";
    QTest::newRow("400 string body") << "POST"
                                     << "/predict"
                                     << R"("hello")"
                                     << "" << false << 400 << "-";
    QTest::newRow("400 array value")
        << "POST"
        << "/predict" << with("duration", Json::array({48})) << "" << false << 400 << "duration";
    QTest::newRow("400 object value") << "POST"
                                      << "/predict" << with("purpose", Json::object({{"a", 1}}))
                                      << "" << false << 400 << "purpose";
    QTest::newRow("400 boolean value")
        << "POST"
        << "/predict" << with("own_telephone", true) << "" << false << 400 << "own_telephone";
    QTest::newRow("400 unknown field")
        << "POST"
        << "/predict" << with("colour", "blue") << "" << false << 400 << "colour";
    QTest::newRow("200 id field") << "POST"
                                  << "/predict" << with("id", "A-17") << "" << false << 200 << "";
    QTest::newRow("400 not a number")
        << "POST"
        << "/predict" << with("duration", "forty") << "" << false << 400 << "duration";
    QTest::newRow("400 negative amount")
        << "POST"
        << "/predict" << with("credit_amount", -5) << "" << false << 400 << "credit_amount";
    QTest::newRow("400 unknown category")
        << "POST"
        << "/predict" << with("purpose", "yacht") << "" << false << 400 << "purpose";
    QTest::newRow("400 null is missing")
        << "POST"
        << "/predict" << with("age", nullptr) << "" << false << 400 << "age";
    QTest::newRow("400 impute flag type")
        << "POST"
        << "/predict" << with("impute_missing", "yes") << "" << false << 400 << "impute_missing";
    QTest::newRow("400 too large for the model")
        << "POST"
        << "/predict" << with("credit_amount", 1e300) << "" << false << 400 << "";
}

void TestServiceRoutes::statusCodes()
{
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(QString, body);
    QFETCH(QString, headers);
    QFETCH(bool, token);
    QFETCH(int, status);
    QFETCH(QString, field);
    std::map<std::string, std::string> extra;
    for (const QString& line : headers.split(QLatin1Char('|'), Qt::SkipEmptyParts)) {
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        extra[line.left(colon).trimmed().toStdString()] =
            line.mid(colon + 1).trimmed().toStdString();
    }
    const ScoringService& service = token ? *m_tokenService : *m_service;
    const ServiceResponse response = service.handle(
        request(method.toStdString(), path.toStdString(), body.toStdString(), extra));
    QVERIFY2(response.status == status, response.body.c_str());
    QVERIFY(!header(response, "X-Request-Id").empty());
    if (status == 405) {
        QVERIFY(!header(response, "Allow").empty());
    }
    if (status == 401) {
        QVERIFY(!header(response, "WWW-Authenticate").empty());
    }
    if (status >= 400) {
        // Every refusal is {"error": sentence, "field": name or null}, valid JSON, no trace.
        const Json answer = bodyOf(response);
        QVERIFY(answer["error"].is_string());
        QVERIFY(!answer["error"].get<std::string>().empty());
        QVERIFY(answer.contains("field"));
        if (field == QLatin1String("-")) {
            QVERIFY2(answer["field"].is_null(), response.body.c_str());
        } else if (!field.isEmpty()) {
            QVERIFY2(answer["field"] == field.toStdString(), response.body.c_str());
        }
    }
}

void TestServiceRoutes::everyMissingFieldIsNamed()
{
    Json partial = jsonOf(m_applicant);
    partial.erase("duration");
    partial.erase("purpose");
    partial.erase("age");
    const ServiceResponse response = m_service->handle(request("POST", "/predict", partial.dump()));
    QCOMPARE(response.status, 400);
    const Json answer = bodyOf(response);
    const std::string error = answer["error"].get<std::string>();
    for (const char* name : {"duration", "purpose", "age"}) {
        QVERIFY2(error.find(name) != std::string::npos, error.c_str());
    }
    QCOMPARE(answer["errors"].size(), std::size_t(3));
}

void TestServiceRoutes::imputeMissing()
{
    Json partial = jsonOf(m_applicant);
    partial.erase("duration");
    partial.erase("purpose");
    // Asked for by the request…
    Json asked = partial;
    asked["impute_missing"] = true;
    ServiceResponse response = m_service->handle(request("POST", "/predict", asked.dump()));
    QVERIFY2(response.status == 200, response.body.c_str());
    const Json answer = bodyOf(response);
    std::string warnings = answer["warnings"].dump();
    QVERIFY2(warnings.find("duration") != std::string::npos, warnings.c_str());
    QVERIFY2(warnings.find("purpose") != std::string::npos, warnings.c_str());
    QVERIFY2(warnings.find("imputed") != std::string::npos, warnings.c_str());
    // … or by the service (--impute-missing).
    ServiceConfig imputing = config();
    imputing.imputeMissing = true;
    const ScoringService service(m_model, imputing);
    response = service.handle(request("POST", "/predict", partial.dump()));
    QCOMPARE(response.status, 200);
    QVERIFY(bodyOf(response)["pd"] == answer["pd"]);
    // Other rules still apply when imputing.
    partial["age"] = "old";
    QCOMPARE(service.handle(request("POST", "/predict", partial.dump())).status, 400);
}

void TestServiceRoutes::batchScoresGoodRowsAndNamesBadOnes()
{
    Json bad = jsonOf(m_applicant);
    bad["purpose"] = "yacht";
    Json wrongType = jsonOf(m_applicant);
    wrongType["duration"] = Json::array();
    const Json body = {
        {"data",
         {jsonOf(m_applicant), bad, jsonOf(credit::test::applicantOf(*m_data, 2)), wrongType, 42}}};
    const ServiceResponse response =
        m_service->handle(request("POST", "/predict/batch", body.dump()));
    QVERIFY2(response.status == 200, response.body.c_str());
    const Json answer = bodyOf(response);
    QCOMPARE(answer["scored"].get<int>(), 2);
    QCOMPARE(answer["refused"].get<int>(), 3);
    const Json& results = answer["results"];
    QCOMPARE(results.size(), std::size_t(5));
    for (std::size_t i = 0; i < results.size(); ++i) {
        QCOMPARE(results[i]["index"].get<std::size_t>(), i);
    }
    QVERIFY(results[0].contains("pd"));
    QCOMPARE(results[1]["field"].get<std::string>(), std::string("purpose"));
    QVERIFY(results[1]["error"].get<std::string>().find("yacht") != std::string::npos);
    QVERIFY(results[2].contains("reasons"));
    QCOMPARE(results[3]["field"].get<std::string>(), std::string("duration"));
    QVERIFY(results[4]["error"].is_string());
    // Row 0 is the /predict answer for the same applicant.
    const Json single =
        bodyOf(m_service->handle(request("POST", "/predict", jsonOf(m_applicant).dump())));
    QVERIFY(results[0]["pd"] == single["pd"]);
    QVERIFY(results[0]["reasons"] == single["reasons"]);
}

void TestServiceRoutes::batchBounds()
{
    ServiceConfig small = config();
    small.maxBatch = 3;
    const ScoringService service(m_model, small);
    const Json row = jsonOf(m_applicant);
    QCOMPARE(
        service.handle(request("POST", "/predict/batch", Json{{"data", {row, row, row}}}.dump()))
            .status,
        200);
    const ServiceResponse over = service.handle(
        request("POST", "/predict/batch", Json{{"data", {row, row, row, row}}}.dump()));
    QCOMPARE(over.status, 413);
    QCOMPARE(bodyOf(over)["field"].get<std::string>(), std::string("data"));
    QCOMPARE(service.handle(request("POST", "/predict/batch", R"({"rows": []})")).status, 400);
    QCOMPARE(service.handle(request("POST", "/predict/batch", R"({"data": {}})")).status, 400);
    QCOMPARE(service.handle(request("POST", "/predict/batch", R"({"data": [], "x": 1})")).status,
             400);
    QCOMPARE(service.handle(request("POST", "/predict/batch", R"({"data": []})")).status, 200);
}

void TestServiceRoutes::mlflowFormats_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("dataframe_split") << "dataframe_split";
    QTest::newRow("dataframe_records") << "dataframe_records";
    QTest::newRow("instances") << "instances";
    QTest::newRow("inputs") << "inputs";
}

void TestServiceRoutes::mlflowFormats()
{
    QFETCH(QString, format);
    const std::vector<Applicant> rows = {m_applicant, credit::test::applicantOf(*m_data, 7)};
    Json body;
    if (format == QLatin1String("dataframe_split")) {
        Json columns = Json::array();
        for (const auto& [name, value] : rows[0]) {
            columns.push_back(name);
        }
        Json data = Json::array();
        for (const Applicant& a : rows) {
            Json values = Json::array();
            for (const auto& [name, value] : a) {
                values.push_back(value);
            }
            data.push_back(values);
        }
        body["dataframe_split"] = {{"columns", columns}, {"data", data}};
    } else {
        body[format.toStdString()] = {jsonOf(rows[0]), jsonOf(rows[1])};
    }
    const ServiceResponse response =
        m_service->handle(request("POST", "/invocations", body.dump()));
    QVERIFY2(response.status == 200, response.body.c_str());
    const Json predictions = bodyOf(response)["predictions"];
    QCOMPARE(predictions.size(), std::size_t(2));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        QCOMPARE(predictions[i].get<double>(), m_model->scorer->score(rows[i]).pd);
    }
    QCOMPARE(m_service->handle(request("GET", "/ping")).status, 200);
}

void TestServiceRoutes::mlflowRefusesTheWholeRequest()
{
    Json bad = jsonOf(m_applicant);
    bad.erase("age");
    ServiceResponse response = m_service->handle(request(
        "POST", "/invocations", Json{{"dataframe_records", {jsonOf(m_applicant), bad}}}.dump()));
    QCOMPARE(response.status, 400);
    QVERIFY2(bodyOf(response)["error"].get<std::string>().find("row 1") != std::string::npos,
             response.body.c_str());
    QCOMPARE(bodyOf(response)["field"].get<std::string>(), std::string("age"));
    for (const char* body :
         {R"({})", R"({"instances": {}})", R"({"dataframe_split": {"columns": ["a"]}})",
          R"({"dataframe_split": {"columns": ["duration"], "data": [[1, 2]]}})",
          R"({"dataframe_split": {"columns": [1], "data": [[1]]}})", R"({"instances": [1]})",
          R"({"instances": [], "dataframe_records": []})"}) {
        response = m_service->handle(request("POST", "/invocations", body));
        QVERIFY2(response.status == 400, body);
        QVERIFY(bodyOf(response)["error"].is_string());
    }
}

void TestServiceRoutes::healthAndModel()
{
    const Json health = bodyOf(m_service->handle(request("GET", "/health")));
    QCOMPARE(health["status"].get<std::string>(), std::string("ok"));
    QCOMPARE(health["model_id"].get<std::string>(), m_model->identity.id);
    QCOMPARE(health["model_name"].get<std::string>(), std::string("lr · lr.crs"));
    QCOMPARE(health["version"].get<std::string>(), std::string("test"));
    QVERIFY(health["uptime_seconds"].get<double>() >= 0.0);

    const Json model = bodyOf(m_service->handle(request("GET", "/model")));
    QCOMPARE(model["fields"].size(), std::size_t(20));
    const Json* checking = nullptr;
    const Json* duration = nullptr;
    for (const Json& field : model["fields"]) {
        if (field["name"] == "checking_status") {
            checking = &field;
        } else if (field["name"] == "duration") {
            duration = &field;
        }
    }
    QVERIFY(checking && duration);
    QCOMPARE((*checking)["type"].get<std::string>(), std::string("category"));
    QCOMPARE((*checking)["levels"].size(), std::size_t(4));
    QCOMPARE((*checking)["levels"][0]["value"].get<std::string>(), std::string("<0"));
    QVERIFY((*checking)["levels"][0]["meaning"].get<std::string>() != "<0");
    QCOMPARE((*duration)["type"].get<std::string>(), std::string("integer"));
    QCOMPARE((*duration)["training_min"].get<double>(), 4.0);
    QCOMPARE((*duration)["training_max"].get<double>(), 72.0);
    QVERIFY(model["threshold"].is_number());
    QCOMPARE(model["grades"].size(), std::size_t(5));
}

void TestServiceRoutes::unicodeLabels()
{
    // credit-g with two levels renamed to non-ASCII labels, trained and served.
    std::ifstream in(kCreditG);
    std::stringstream text;
    text << in.rdbuf();
    std::string arff = text.str();
    const auto replaceAll = [&arff](const std::string& from, const std::string& to) {
        for (std::size_t at = arff.find(from); at != std::string::npos;
             at = arff.find(from, at + to.size())) {
            arff.replace(at, from.size(), to);
        }
    };
    replaceAll("radio/tv", "'радио/тв ☎'");
    replaceAll(",education,", ",'éducation',");
    replaceAll(" education,", " 'éducation',");
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("unicode.arff")).toStdString();
    std::ofstream(path) << arff;
    const Dataset data = readDataset(path).dataset;
    const auto model = ServedModel::fromBundle(credit::test::quickLrBundle(data, 3), "ünï.crs");
    const ScoringService service(model, config());

    Json applicant = jsonOf(credit::test::applicantOf(data, 1));
    applicant["purpose"] = "радио/тв ☎";
    ServiceResponse response = service.handle(request("POST", "/predict", applicant.dump()));
    QVERIFY2(response.status == 200, response.body.c_str());
    QCOMPARE(bodyOf(response)["model_id"].get<std::string>(), model->identity.id);
    applicant["purpose"] = "éducation";
    QCOMPARE(service.handle(request("POST", "/predict", applicant.dump())).status, 200);
    // The schema lists the labels as UTF-8; an unknown one comes back intact in the error.
    QVERIFY(service.handle(request("GET", "/model")).body.find("радио/тв ☎") != std::string::npos);
    applicant["purpose"] = "ёлка 🎄";
    response = service.handle(request("POST", "/predict", applicant.dump()));
    QCOMPARE(response.status, 400);
    QVERIFY(bodyOf(response)["error"].get<std::string>().find("ёлка 🎄") != std::string::npos);
    QVERIFY(bodyOf(response)["error"].get<std::string>().find("радио/тв ☎") != std::string::npos);
    QCOMPARE(bodyOf(service.handle(request("GET", "/health")))["model_name"].get<std::string>(),
             std::string("lr · ünï.crs"));
    // Invalid UTF-8 is bad JSON, not a crash.
    QCOMPARE(service.handle(request("POST", "/predict", "{\"purpose\": \"\xff\xfe\"}")).status,
             400);
}

void TestServiceRoutes::metricsText()
{
    const ScoringService service(m_model, config());
    const Json bad = Json{{"data", {jsonOf(m_applicant), Json{{"purpose", "x"}}}}};
    service.handle(request("POST", "/predict", jsonOf(m_applicant).dump()));
    service.handle(request("POST", "/predict/batch", bad.dump()));
    service.observe("r1", "POST", "/predict", 200, 0.0004);
    service.observe("r2", "POST", "/predict", 200, 0.003);
    service.observe("r3", "GET", "/no/such/path", 404, 0.00001);
    const ServiceResponse response = service.handle(request("GET", "/metrics"));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.contentType, std::string("text/plain; version=0.0.4; charset=utf-8"));
    const std::string& text = response.body;
    for (const char* line :
         {"credit_risk_requests_total{route=\"/predict\",status=\"200\"} 2\n",
          "credit_risk_requests_total{route=\"other\",status=\"404\"} 1\n",
          "credit_risk_request_duration_seconds_bucket{route=\"/predict\",le=\"0.0005\"} 1\n",
          "credit_risk_request_duration_seconds_bucket{route=\"/predict\",le=\"0.005\"} 2\n",
          "credit_risk_request_duration_seconds_bucket{route=\"/predict\",le=\"+Inf\"} 2\n",
          "credit_risk_request_duration_seconds_count{route=\"/predict\"} 2\n",
          "credit_risk_refused_rows_total 1\n", "# TYPE credit_risk_model_info gauge\n",
          "# TYPE credit_risk_request_duration_seconds histogram\n"}) {
        QVERIFY2(text.find(line) != std::string::npos,
                 (std::string(line) + "\nin\n" + text).c_str());
    }
    QVERIFY(text.find("credit_risk_model_info{model_id=\"" + m_model->identity.id +
                      "\",model_name=\"lr · lr.crs\",algorithm=\"lr\"} 1\n") != std::string::npos);
    // Two applicants scored: accept + reject = 2.
    // QRegularExpression, not std::regex: GCC 12's -Wmaybe-uninitialized fires inside
    // <regex> under -fsanitize=address, which -Werror turns into a failed sanitizer build.
    const QRegularExpression decision(QStringLiteral(
        R"re(credit_risk_predictions_total\{decision="(accept|reject)"\} (\d+))re"));
    const QString metrics = QString::fromStdString(text);
    int scored = 0;
    for (auto it = decision.globalMatch(metrics); it.hasNext();) {
        scored += it.next().captured(2).toInt();
    }
    QCOMPARE(scored, 2);
    // Every line is a comment or "name{labels} value" (the exposition grammar, by hand).
    const QRegularExpression sample(QStringLiteral(
        R"re(^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*"(,[a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*")*\})? [-+0-9.eE]+(Inf)?$)re"));
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("# HELP ", 0) == 0 || line.rfind("# TYPE ", 0) == 0) {
            continue;
        }
        QVERIFY2(sample.match(QString::fromStdString(line)).hasMatch(), line.c_str());
    }
}

void TestServiceRoutes::metricsPassPromtool()
{
    const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
    if (promtool.isEmpty()) {
        QSKIP("promtool not found (Debian package prometheus): the metrics text is checked by "
              "metricsText only");
    }
    const ScoringService service(m_model, config());
    service.handle(request("POST", "/predict", jsonOf(m_applicant).dump()));
    service.observe("r1", "POST", "/predict", 200, 0.001);
    service.observe("r2", "GET", "/health", 200, 0.0001);
    QProcess process;
    process.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
    QVERIFY(process.waitForStarted());
    const std::string text = service.handle(request("GET", "/metrics")).body;
    process.write(text.data(), qint64(text.size()));
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(60000));
    const QByteArray output = process.readAllStandardOutput() + process.readAllStandardError();
    QVERIFY2(process.exitCode() == 0, output.constData());
    QVERIFY2(output.trimmed().isEmpty(), output.constData()); // no lint remarks either
}

void TestServiceRoutes::predictionLogRows()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("log.sqlite")).toStdString();
    auto log = std::make_shared<PredictionLog>(path);
    const ScoringService service(m_model, config(), log);
    Json first = jsonOf(m_applicant);
    first["id"] = "A-1";
    const std::string id1 =
        bodyOf(service.handle(request("POST", "/predict", first.dump())))["request_id"]
            .get<std::string>();
    Json bad = jsonOf(m_applicant);
    bad["purpose"] = "yacht";
    const Json batch = {
        {"data", {jsonOf(m_applicant), bad, jsonOf(credit::test::applicantOf(*m_data, 3))}}};
    const std::string id2 =
        bodyOf(service.handle(request("POST", "/predict/batch", batch.dump())))["request_id"]
            .get<std::string>();
    const Json mlflow = {{"instances", {jsonOf(m_applicant)}}};
    ServiceRequest invocation = request("POST", "/invocations", mlflow.dump());
    invocation.requestId = "mlflow-1";
    QCOMPARE(service.handle(invocation).status, 200);
    // Not scored at all (bad JSON, unknown route): nothing logged.
    service.handle(request("POST", "/predict", "{"));
    service.handle(request("GET", "/nope"));
    service.flushLog();

    std::vector<PredictionRecord> rows;
    log->read({}, {}, [&rows](const StoredPrediction& p) { rows.push_back(p.record); });
    QCOMPARE(rows.size(), std::size_t(5));
    for (const PredictionRecord& r : rows) {
        QCOMPARE(r.source, std::string("service"));
        QCOMPARE(r.modelId, m_model->identity.id);
    }
    QCOMPARE(rows[0].requestId, id1);
    QCOMPARE(rows[0].applicantId, std::string("A-1"));
    QCOMPARE(rows[1].requestId, id2);
    QCOMPARE(rows[2].requestId, id2);
    QCOMPARE(rows[3].requestId, id2);
    QVERIFY(rows[1].error.empty() && !rows[1].decision.empty());
    QVERIFY(rows[2].error.find("yacht") != std::string::npos); // refused rows are logged too
    QVERIFY(rows[3].error.empty());
    QCOMPARE(rows[4].requestId, std::string("mlflow-1"));
}

void TestServiceRoutes::reloadRefusesABadFileAndKeepsServing()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("model.crs")).toStdString();
    std::ofstream(path, std::ios::binary) << "CRSBNDL1 this is not a bundle";
    std::vector<std::string> lines;
    auto serviceLog = std::make_shared<ServiceLog>(
        LogLevel::Info, [&lines](const std::string& line) { lines.push_back(line); });
    ScoringService service(m_model, config(), nullptr, serviceLog);
    const std::shared_ptr<const ServedModel> inFlight = service.model();
    QVERIFY(!service.reload(path).empty());
    QCOMPARE(service.model().get(), m_model.get());
    QCOMPARE(service.handle(request("POST", "/predict", jsonOf(m_applicant).dump())).status, 200);
    QVERIFY(!lines.empty());
    QVERIFY(lines.back().find("\"reload_refused\"") != std::string::npos);
    QVERIFY(service.metrics()
                .exposition(m_model->identity, "lr", 1)
                .find("credit_risk_model_reloads_total{result=\"refused\"} 1") !=
            std::string::npos);
    // A good file is served from the next request on; a request holding the old one keeps it.
    m_model->bundle->save(path);
    QVERIFY(service.reload(path).empty());
    QVERIFY(service.model().get() != m_model.get());
    QCOMPARE(service.model()->identity.id, m_model->identity.id); // same bundle bytes
    QCOMPARE(inFlight.get(), m_model.get());
}

QTEST_GUILESS_MAIN(TestServiceRoutes)
#include "test_service_routes.moc"
