// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// Runs the real `credit-risk train` and `credit-risk score` binaries: batch CSV scoring with bad
// rows, one JSON applicant, the scorecard scale and grades saved in the model, refusals.
#include "common/atomic_file.h"
#include "data/csv_writer.h"
#include "data/dataset_reader.h"
#include "explain/scorer.h"
#include "io/model_bundle.h"

#include "support/cli_run.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {

using Run = credit::test::CliRun;

Run runCli(const QStringList& arguments)
{
    return credit::test::runCli(arguments, 240000);
}

QByteArray fileHash(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

/// Splits one CSV record (quotes honoured).
QStringList splitRecord(const QString& line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line[i + 1] == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields << field;
            field.clear();
        } else {
            field += c;
        }
    }
    fields << field;
    return fields;
}

} // namespace

class TestCliScore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_model = m_dir.filePath(QStringLiteral("model.crs"));
        const Run run = credit::test::trainQuickModel(m_model);
        QVERIFY2(run.exitCode == 0, run.err.constData());
    }

    void batchWithBadRows()
    {
        const auto data = credit::core::readDataset(CREDIT_DATA_DIR "/credit-g.arff").dataset;
        const QString input = m_dir.filePath(QStringLiteral("in.csv"));
        const QString output = m_dir.filePath(QStringLiteral("out.csv"));
        std::vector<std::size_t> rows(200);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            rows[i] = i;
        }
        credit::core::writeCsv(data.subset(rows), input.toStdString());
        std::string text = credit::core::readWholeFile(input.toStdString());
        std::string first = text.substr(text.find("\r\n") + 2);
        first = first.substr(0, first.find("\r\n"));
        std::string negative = first;
        negative.replace(negative.find(",1169,"), 6, ",-1169,"); // credit_amount of row 0
        text += negative + "\r\n" + "garbage\r\n";
        credit::core::writeFileAtomically(input.toStdString(), text);
        const QByteArray before = fileHash(input);

        const Run run = runCli({QStringLiteral("score"), QStringLiteral("--model"), m_model,
                                QStringLiteral("--input"), input, QStringLiteral("--output"),
                                output, QStringLiteral("--threads"), QStringLiteral("2")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.err.contains("scored 200 of 202 rows"));
        QVERIFY(run.err.contains("scoring:")); // progress on stderr
        QCOMPARE(fileHash(input), before);

        QFile file(output);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines =
            QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 203);
        const QStringList header = splitRecord(lines[0]);
        const qsizetype pd = header.indexOf(QStringLiteral("pd"));
        const qsizetype decision = header.indexOf(QStringLiteral("decision"));
        const qsizetype grade = header.indexOf(QStringLiteral("grade"));
        const qsizetype points = header.indexOf(QStringLiteral("points"));
        const qsizetype reason = header.indexOf(QStringLiteral("reason_1"));
        const qsizetype error = header.indexOf(QStringLiteral("error"));
        QVERIFY(pd > 0 && decision > 0 && grade > 0 && points > 0 && reason > 0 && error > 0);
        QVERIFY(header.contains(QStringLiteral("reason_3")));

        // The same numbers as the engine on the same bundle.
        const auto bundle = credit::core::ModelBundle::load(m_model.toStdString());
        const credit::core::Scorer scorer(bundle);
        for (int row = 0; row < 200; ++row) {
            const QStringList f = splitRecord(lines[row + 1]);
            QCOMPARE(f.size(), header.size());
            credit::core::Applicant applicant;
            for (std::size_t c : data.schema().featureIndices()) {
                applicant[data.column(c).name()] = data.column(c).text(std::size_t(row));
            }
            const credit::core::ScoreResult expected = scorer.score(applicant);
            QVERIFY(std::fabs(f[pd].toDouble() - expected.pd) < 1e-6);
            QCOMPARE(f[decision],
                     expected.reject ? QStringLiteral("reject") : QStringLiteral("accept"));
            QCOMPARE(f[grade].toStdString(), expected.grade);
            QVERIFY(std::fabs(f[points].toDouble() - expected.points) < 0.051);
            if (!expected.reasonTexts.empty()) {
                QCOMPARE(f[reason].toStdString(), expected.reasonTexts.front());
            }
            QVERIFY(f[error].isEmpty());
        }
        const QStringList bad = splitRecord(lines[201]);
        QVERIFY(bad[pd].isEmpty());
        QCOMPARE(bad[error],
                 QStringLiteral("line 202: credit_amount: must not be negative (got -1169)"));
        QVERIFY(splitRecord(lines[202])[error].contains(QStringLiteral("expected 21 fields")));
    }

    // Issue 13 item 5: `score --input data/credit-g.arff` works and equals the CSV copy's output.
    void arffInput()
    {
        const auto data = credit::core::readDataset(CREDIT_DATA_DIR "/credit-g.arff").dataset;
        const QString csv = m_dir.filePath(QStringLiteral("credit-g.csv"));
        credit::core::writeCsv(data, csv.toStdString());
        const QString fromArff = m_dir.filePath(QStringLiteral("from-arff.csv"));
        const QString fromCsv = m_dir.filePath(QStringLiteral("from-csv.csv"));
        for (const auto& [input, output] :
             {std::pair{QStringLiteral(CREDIT_DATA_DIR "/credit-g.arff"), fromArff},
              std::pair{csv, fromCsv}}) {
            const Run run = runCli({QStringLiteral("score"), QStringLiteral("--model"), m_model,
                                    QStringLiteral("--input"), input, QStringLiteral("--output"),
                                    output, QStringLiteral("--quiet")});
            QVERIFY2(run.exitCode == 0, run.err.constData());
            QVERIFY2(run.err.contains("scored 1000 of 1000 rows"), run.err.constData());
        }
        QCOMPARE(fileHash(fromArff), fileHash(fromCsv));
    }

    void singleApplicantJson()
    {
        const QString path = m_dir.filePath(QStringLiteral("applicant.json"));
        QJsonObject applicant{
            {QStringLiteral("checking_status"), QStringLiteral("<0")},
            {QStringLiteral("duration"), 48},
            {QStringLiteral("credit_history"), QStringLiteral("delayed previously")},
            {QStringLiteral("purpose"), QStringLiteral("new car")},
            {QStringLiteral("credit_amount"), 12000},
            {QStringLiteral("savings_status"), QStringLiteral("<100")},
            {QStringLiteral("employment"), QStringLiteral("<1")},
            {QStringLiteral("installment_commitment"), 4},
            {QStringLiteral("personal_status"), QStringLiteral("male single")},
            {QStringLiteral("other_parties"), QStringLiteral("none")},
            {QStringLiteral("residence_since"), 2},
            {QStringLiteral("property_magnitude"), QStringLiteral("no known property")},
            {QStringLiteral("age"), 23},
            {QStringLiteral("other_payment_plans"), QStringLiteral("bank")},
            {QStringLiteral("housing"), QStringLiteral("rent")},
            {QStringLiteral("existing_credits"), 1},
            {QStringLiteral("job"), QStringLiteral("skilled")},
            {QStringLiteral("num_dependents"), 1},
            {QStringLiteral("own_telephone"), QStringLiteral("none")},
            {QStringLiteral("foreign_worker"), QStringLiteral("yes")},
        };
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(applicant).toJson());
        file.close();
        const Run run = runCli({QStringLiteral("score"), QStringLiteral("--model"), m_model,
                                QStringLiteral("--applicant"), path});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject root = QJsonDocument::fromJson(run.out).object();
        const double pd = root.value(QStringLiteral("pd")).toDouble();
        QVERIFY(pd > 0.5 && pd < 1.0); // every answer points to high risk
        QCOMPARE(root.value(QStringLiteral("decision")).toString(), QStringLiteral("reject"));
        QCOMPARE(root.value(QStringLiteral("grade")).toString(), QStringLiteral("E"));
        QVERIFY(root.value(QStringLiteral("points")).toDouble() < 487.2); // PD > 0.5
        const QJsonArray reasons = root.value(QStringLiteral("reasons")).toArray();
        QVERIFY(reasons.size() >= 20);
        double previous = 1e300;
        double sum = root.value(QStringLiteral("base_log_odds")).toDouble();
        for (const QJsonValue& r : reasons) {
            const QJsonObject o = r.toObject();
            QVERIFY(o.contains(QStringLiteral("attribute")) &&
                    o.contains(QStringLiteral("value")) && o.contains(QStringLiteral("text")));
            const double c = o.value(QStringLiteral("contribution")).toDouble();
            QVERIFY(c <= previous);
            previous = c;
            sum += c;
        }
        QVERIFY(std::fabs(sum - root.value(QStringLiteral("log_odds")).toDouble()) < 1e-9);
        const QJsonArray adverse = root.value(QStringLiteral("adverse_reasons")).toArray();
        QVERIFY(!adverse.isEmpty());
        QCOMPARE(adverse[0].toString(),
                 reasons[0].toObject().value(QStringLiteral("text")).toString());

        // An invalid field: exit code 2, the field named on stderr and in the JSON.
        applicant[QStringLiteral("purpose")] = QStringLiteral("yacht");
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(applicant).toJson());
        file.close();
        const Run bad = runCli({QStringLiteral("score"), QStringLiteral("--model"), m_model,
                                QStringLiteral("--applicant"), path});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains("purpose: unknown category 'yacht'"));
        const QJsonArray errors =
            QJsonDocument::fromJson(bad.out).object().value(QStringLiteral("errors")).toArray();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors[0].toObject().value(QStringLiteral("field")).toString(),
                 QStringLiteral("purpose"));
    }

    void scaleAndGradesFromTheModel()
    {
        // The analyst's scale and grades (Threshold tab), saved in the model, drive the CLI.
        credit::core::ModelBundle bundle = credit::core::ModelBundle::load(m_model.toStdString());
        bundle.policy.scale = {500.0, 20.0, 40.0};
        bundle.policy.grading = credit::core::RiskGrading(
            {{"AA", 0.1, "low"}, {"BB", 0.3, "medium"}, {"CC", 1.0, "high"}});
        const QString model = m_dir.filePath(QStringLiteral("scaled.crs"));
        bundle.save(model.toStdString());

        const auto data = credit::core::readDataset(CREDIT_DATA_DIR "/credit-g.arff").dataset;
        const QString input = m_dir.filePath(QStringLiteral("scaled_in.csv"));
        const QString output = m_dir.filePath(QStringLiteral("scaled_out.csv"));
        std::vector<std::size_t> rows(40);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            rows[i] = i;
        }
        credit::core::writeCsv(data.subset(rows), input.toStdString());
        const Run run =
            runCli({QStringLiteral("score"), QStringLiteral("--model"), model,
                    QStringLiteral("--input"), input, QStringLiteral("--output"), output});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QFile file(output);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines =
            QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        const QStringList header = splitRecord(lines[0]);
        const qsizetype pd = header.indexOf(QStringLiteral("pd"));
        const qsizetype grade = header.indexOf(QStringLiteral("grade"));
        const qsizetype points = header.indexOf(QStringLiteral("points"));
        const credit::core::ScorecardScale scale{500.0, 20.0, 40.0};
        QSet<QString> seen;
        for (int row = 1; row < lines.size(); ++row) {
            const QStringList f = splitRecord(lines[row]);
            const double p = f[pd].toDouble();
            QVERIFY(std::fabs(f[points].toDouble() - scale.points(p)) < 0.051 + 1e-6);
            const QString expected = p < 0.1   ? QStringLiteral("AA")
                                     : p < 0.3 ? QStringLiteral("BB")
                                               : QStringLiteral("CC");
            QCOMPARE(f[grade], expected);
            seen.insert(f[grade]);
        }
        QVERIFY(seen.size() >= 2);

        // One applicant: the same through --applicant.
        const QString path = m_dir.filePath(QStringLiteral("scaled.json"));
        QJsonObject applicant;
        for (std::size_t c : data.schema().featureIndices()) {
            applicant.insert(QString::fromStdString(data.column(c).name()),
                             QString::fromStdString(data.column(c).text(0)));
        }
        QFile json(path);
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(QJsonDocument(applicant).toJson());
        json.close();
        const Run one = runCli({QStringLiteral("score"), QStringLiteral("--model"), model,
                                QStringLiteral("--applicant"), path});
        QVERIFY2(one.exitCode == 0, one.err.constData());
        const QJsonObject root = QJsonDocument::fromJson(one.out).object();
        const double p = root.value(QStringLiteral("pd")).toDouble();
        QVERIFY(std::fabs(root.value(QStringLiteral("points")).toDouble() - scale.points(p)) <
                1e-6);
        QCOMPARE(root.value(QStringLiteral("grade")).toString(), p < 0.1   ? QStringLiteral("AA")
                                                                 : p < 0.3 ? QStringLiteral("BB")
                                                                           : QStringLiteral("CC"));
    }

    void reasonsNameTheirMethod()
    {
        // An SVM has no additive structure: Shapley values against the model's background
        // rows. The JSON names the method, gives standard errors, and still adds up.
        const QString svmModel = m_dir.filePath(QStringLiteral("svm.crs"));
        const Run train = runCli(
            {QStringLiteral("train"), QStringLiteral("--data"),
             QStringLiteral(CREDIT_DATA_DIR "/credit-g.arff"), QStringLiteral("--algorithms"),
             QStringLiteral("svm"), QStringLiteral("--folds"), QStringLiteral("3"),
             QStringLiteral("--repeats"), QStringLiteral("1"), QStringLiteral("--trials"),
             QStringLiteral("1"), QStringLiteral("--quiet"), QStringLiteral("--out"), svmModel});
        QVERIFY2(train.exitCode == 0, train.err.constData());
        const auto data = credit::core::readDataset(CREDIT_DATA_DIR "/credit-g.arff").dataset;
        QJsonObject applicant;
        for (const std::size_t i : data.schema().featureIndices()) {
            applicant.insert(QString::fromStdString(data.column(i).name()),
                             QString::fromStdString(data.column(i).text(1)));
        }
        const QString path = m_dir.filePath(QStringLiteral("applicant1.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(applicant).toJson());
        file.close();
        const struct
        {
            QString model;
            QString method;
        } cases[] = {{m_model, QStringLiteral("linear")},
                     {svmModel, QStringLiteral("shapley-permutation")}};
        for (const auto& c : cases) {
            const Run run = runCli({QStringLiteral("score"), QStringLiteral("--model"), c.model,
                                    QStringLiteral("--applicant"), path});
            QVERIFY2(run.exitCode == 0, run.err.constData());
            const QJsonObject root = QJsonDocument::fromJson(run.out).object();
            QCOMPARE(root.value(QStringLiteral("method")).toString(), c.method);
            QVERIFY(!root.value(QStringLiteral("method_detail")).toString().isEmpty());
            QVERIFY(root.contains(QStringLiteral("raw_pd")));
            const QJsonArray reasons = root.value(QStringLiteral("reasons")).toArray();
            QVERIFY(reasons.size() >= 20);
            double sum = root.value(QStringLiteral("base_log_odds")).toDouble();
            int stated = 0;
            bool anyError = false;
            for (int i = 0; i < reasons.size(); ++i) {
                const QJsonObject o = reasons[i].toObject();
                QCOMPARE(o.value(QStringLiteral("rank")).toInt(), i + 1);
                sum += o.value(QStringLiteral("contribution")).toDouble();
                anyError = anyError || o.value(QStringLiteral("standard_error")).toDouble() > 0;
                stated += o.value(QStringLiteral("stated")).toBool();
            }
            QVERIFY(std::fabs(sum - root.value(QStringLiteral("log_odds")).toDouble()) < 1e-9);
            QCOMPARE(stated, root.value(QStringLiteral("adverse_reasons")).toArray().size());
            QCOMPARE(anyError, c.method == QStringLiteral("shapley-permutation"));
        }
        // Batch scoring names the method on stderr.
        const QString input = m_dir.filePath(QStringLiteral("svm_in.csv"));
        credit::core::writeCsv(data.subset({0, 1, 2}), input.toStdString());
        const Run batch =
            runCli({QStringLiteral("score"), QStringLiteral("--model"), svmModel,
                    QStringLiteral("--input"), input, QStringLiteral("--output"),
                    m_dir.filePath(QStringLiteral("svm_out.csv")), QStringLiteral("--quiet")});
        QVERIFY2(batch.exitCode == 0, batch.err.constData());
        QVERIFY2(batch.err.contains("reasons: method shapley-permutation"), batch.err.constData());
    }

    void refusals()
    {
        QCOMPARE(runCli({QStringLiteral("score"), QStringLiteral("--model"), m_model}).exitCode, 1);
        const QString input = m_dir.filePath(QStringLiteral("nocol.csv"));
        credit::core::writeFileAtomically(input.toStdString(), "duration,age\r\n6,67\r\n");
        const Run run = runCli({QStringLiteral("score"), QStringLiteral("--model"), m_model,
                                QStringLiteral("--input"), input, QStringLiteral("--output"),
                                m_dir.filePath(QStringLiteral("x.csv"))});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("column 'checking_status' that the model needs is missing"));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.csv"))));
        const Run same =
            runCli({QStringLiteral("score"), QStringLiteral("--model"), m_model,
                    QStringLiteral("--input"), input, QStringLiteral("--output"), input});
        QCOMPARE(same.exitCode, 2);
        QVERIFY(same.err.contains("must not be the input"));
    }

private:
    QTemporaryDir m_dir;
    QString m_model;
};

QTEST_GUILESS_MAIN(TestCliScore)
#include "test_cli_score.moc"
