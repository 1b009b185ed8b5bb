// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// Golden outputs: the leaderboard JSON, `credit-risk evaluate --json`, a batch-scored CSV and a
// single-applicant JSON on credit-g, compared field by field with the files in tests/golden/
// that were written before a refactoring. A refactoring that claims to change no figure must
// keep this test green; a change that moves figures on purpose rewrites the files with
//
//     CREDIT_GOLDEN_UPDATE=1 build/tests/test_golden_outputs
//
// and quotes the before/after in its commit. Keys whose values are timings or name the build
// (seconds, version, commit) are not compared.
#include "data/csv_writer.h"
#include "data/dataset_reader.h"

#include "support/cli_run.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {

using credit::test::CliRun;

const QSet<QString>& volatileKeys()
{
    static const QSet<QString> keys{QStringLiteral("seconds"),    QStringLiteral("fit_seconds"),
                                    QStringLiteral("version"),    QStringLiteral("commit"),
                                    QStringLiteral("latency_ms"), QStringLiteral("created")};
    return keys;
}

bool sameNumber(double a, double b)
{
    if (std::isnan(a) || std::isnan(b)) {
        return std::isnan(a) && std::isnan(b);
    }
    return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::max(std::fabs(a), std::fabs(b)));
}

/// Appends to `differences` every place where `actual` differs from `expected`, by JSON path.
void compareJson(const QJsonValue& expected, const QJsonValue& actual, const QString& path,
                 QStringList& differences)
{
    if (expected.type() != actual.type()) {
        differences << path + QStringLiteral(": type differs");
        return;
    }
    switch (expected.type()) {
    case QJsonValue::Object: {
        const QJsonObject e = expected.toObject();
        const QJsonObject a = actual.toObject();
        QStringList keys = e.keys() + a.keys();
        keys.removeDuplicates();
        for (const QString& key : keys) {
            if (volatileKeys().contains(key)) {
                continue;
            }
            if (!e.contains(key) || !a.contains(key)) {
                differences << path + QLatin1Char('.') + key +
                                   (e.contains(key) ? QStringLiteral(": missing")
                                                    : QStringLiteral(": new key"));
                continue;
            }
            compareJson(e.value(key), a.value(key), path + QLatin1Char('.') + key, differences);
        }
        break;
    }
    case QJsonValue::Array: {
        const QJsonArray e = expected.toArray();
        const QJsonArray a = actual.toArray();
        if (e.size() != a.size()) {
            differences
                << path + QStringLiteral(": %1 elements, expected %2").arg(a.size()).arg(e.size());
            return;
        }
        for (qsizetype i = 0; i < e.size(); ++i) {
            compareJson(e[i], a[i], path + QStringLiteral("[%1]").arg(i), differences);
        }
        break;
    }
    case QJsonValue::Double:
        if (!sameNumber(expected.toDouble(), actual.toDouble())) {
            differences << path + QStringLiteral(": %1, expected %2")
                                      .arg(actual.toDouble(), 0, 'g', 17)
                                      .arg(expected.toDouble(), 0, 'g', 17);
        }
        break;
    default:
        if (expected != actual) {
            differences << path + QStringLiteral(": \"%1\", expected \"%2\"")
                                      .arg(actual.toVariant().toString(),
                                           expected.toVariant().toString());
        }
        break;
    }
}

/// The CSV fields of one record, quotes honoured.
QStringList splitRecord(const QString& line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted && c == QLatin1Char('"') && i + 1 < line.size() &&
            line[i + 1] == QLatin1Char('"')) {
            field += c;
            ++i;
        } else if (c == QLatin1Char('"')) {
            quoted = !quoted;
        } else if (!quoted && c == QLatin1Char(',')) {
            fields << field;
            field.clear();
        } else {
            field += c;
        }
    }
    fields << field;
    return fields;
}

void compareCsv(const QByteArray& expected, const QByteArray& actual, QStringList& differences)
{
    const QStringList e = QString::fromUtf8(expected).split(QStringLiteral("\r\n"));
    const QStringList a = QString::fromUtf8(actual).split(QStringLiteral("\r\n"));
    if (e.size() != a.size()) {
        differences << QStringLiteral("%1 lines, expected %2").arg(a.size()).arg(e.size());
        return;
    }
    for (qsizetype line = 0; line < e.size(); ++line) {
        const QStringList ef = splitRecord(e[line]);
        const QStringList af = splitRecord(a[line]);
        if (ef.size() != af.size()) {
            differences << QStringLiteral("line %1: field count").arg(line + 1);
            continue;
        }
        for (qsizetype f = 0; f < ef.size(); ++f) {
            bool eNumber = false;
            bool aNumber = false;
            const double ev = ef[f].toDouble(&eNumber);
            const double av = af[f].toDouble(&aNumber);
            const bool same = eNumber && aNumber ? sameNumber(ev, av) : ef[f] == af[f];
            if (!same) {
                differences << QStringLiteral("line %1 field %2: \"%3\", expected \"%4\"")
                                   .arg(line + 1)
                                   .arg(f + 1)
                                   .arg(af[f], ef[f]);
            }
        }
    }
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestGoldenOutputs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_model = m_dir.filePath(QStringLiteral("golden.crs"));
        const CliRun run = credit::test::trainQuickModel(
            m_model, QStringLiteral("lr,rf,gbdt,svm,ensemble"), 2,
            {QStringLiteral("--seed"), QStringLiteral("11"), QStringLiteral("--leaderboard"),
             m_dir.filePath(QStringLiteral("leaderboard.json"))});
        QVERIFY2(run.exitCode == 0, run.err.constData());
    }

    void leaderboardJson()
    {
        checkJson(QStringLiteral("leaderboard.json"),
                  readFile(m_dir.filePath(QStringLiteral("leaderboard.json"))));
    }

    void evaluateJson()
    {
        const CliRun run = credit::test::runCli(
            {QStringLiteral("evaluate"), QStringLiteral("--model"), m_model,
             QStringLiteral("--data"), QStringLiteral(CREDIT_DATA_DIR "/credit-g.arff"),
             QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        checkJson(QStringLiteral("evaluate.json"), run.out);
    }

    void batchScoredCsv()
    {
        const auto data = credit::core::readDataset(CREDIT_DATA_DIR "/credit-g.arff").dataset;
        const QString input = m_dir.filePath(QStringLiteral("credit-g.csv"));
        const QString output = m_dir.filePath(QStringLiteral("scored.csv"));
        credit::core::writeCsv(data, input.toStdString());
        const CliRun run =
            credit::test::runCli({QStringLiteral("score"), QStringLiteral("--model"), m_model,
                                  QStringLiteral("--input"), input, QStringLiteral("--output"),
                                  output, QStringLiteral("--threads"), QStringLiteral("2")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QByteArray actual = readFile(output);
        if (updating()) {
            write(QStringLiteral("scored.csv"), actual);
            return;
        }
        QStringList differences;
        compareCsv(readFile(goldenPath(QStringLiteral("scored.csv"))), actual, differences);
        QVERIFY2(differences.isEmpty(), qPrintable(report(differences)));
    }

    void singleApplicantJson()
    {
        const QString path = m_dir.filePath(QStringLiteral("applicant.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"checking_status": "<0", "duration": 48,
            "credit_history": "delayed previously", "purpose": "new car",
            "credit_amount": 12000, "savings_status": "<100", "employment": "<1",
            "installment_commitment": 4, "personal_status": "male single",
            "other_parties": "none", "residence_since": 2,
            "property_magnitude": "no known property", "age": 23,
            "other_payment_plans": "bank", "housing": "rent", "existing_credits": 1,
            "job": "skilled", "num_dependents": 1, "own_telephone": "none",
            "foreign_worker": "yes"})");
        file.close();
        const CliRun run = credit::test::runCli({QStringLiteral("score"), QStringLiteral("--model"),
                                                 m_model, QStringLiteral("--applicant"), path});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        checkJson(QStringLiteral("applicant.json"), run.out);
    }

private:
    static bool updating() { return qEnvironmentVariableIsSet("CREDIT_GOLDEN_UPDATE"); }

    static QString goldenPath(const QString& name)
    {
        return QStringLiteral(CREDIT_GOLDEN_DIR "/") + name;
    }

    static void write(const QString& name, const QByteArray& bytes)
    {
        QFile file(goldenPath(name));
        QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(goldenPath(name)));
        file.write(bytes);
    }

    static QString report(const QStringList& differences)
    {
        QStringList shown = differences.mid(0, 20);
        if (differences.size() > shown.size()) {
            shown << QStringLiteral("… and %1 more").arg(differences.size() - shown.size());
        }
        return shown.join(QLatin1Char('\n'));
    }

    static void checkJson(const QString& name, const QByteArray& actual)
    {
        QJsonParseError error{};
        const QJsonDocument actualDoc = QJsonDocument::fromJson(actual, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        if (updating()) {
            write(name, actualDoc.toJson(QJsonDocument::Indented));
            return;
        }
        const QJsonDocument expectedDoc = QJsonDocument::fromJson(readFile(goldenPath(name)));
        QVERIFY2(!expectedDoc.isNull(),
                 qPrintable(goldenPath(name) + QStringLiteral(" is missing or not JSON")));
        QStringList differences;
        compareJson(expectedDoc.isObject() ? QJsonValue(expectedDoc.object())
                                           : QJsonValue(expectedDoc.array()),
                    actualDoc.isObject() ? QJsonValue(actualDoc.object())
                                         : QJsonValue(actualDoc.array()),
                    name, differences);
        QVERIFY2(differences.isEmpty(), qPrintable(report(differences)));
    }

    QTemporaryDir m_dir;
    QString m_model;
};

QTEST_GUILESS_MAIN(TestGoldenOutputs)
#include "test_golden_outputs.moc"
