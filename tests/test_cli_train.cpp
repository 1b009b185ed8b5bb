// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// The real `credit-risk train` and `credit-risk evaluate` binaries on German Credit: the
// leaderboard JSON, the logistic-regression quality floor, evaluation of the bundle, and the
// exit codes for bad usage and a damaged bundle.
#include "support/cli_run.h"

#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCliTrain : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    using Run = credit::test::CliRun;

    Run run(const QStringList& arguments, int timeoutMs = 240000)
    {
        return credit::test::runCli(arguments, timeoutMs);
    }

    QString file(const char* name) const { return m_dir.filePath(QLatin1String(name)); }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void trainLogisticRegressionAndEvaluate()
    {
        const QString data = QStringLiteral(CREDIT_DATA_DIR "/credit-g.arff");
        const Run train =
            run({QStringLiteral("train"), QStringLiteral("--data"), data,
                 QStringLiteral("--algorithms"), QStringLiteral("lr"), QStringLiteral("--trials"),
                 QStringLiteral("5"), QStringLiteral("--seed"), QStringLiteral("42"),
                 QStringLiteral("--threads"), QStringLiteral("2"), QStringLiteral("--out"),
                 file("lr.crs"), QStringLiteral("--leaderboard"), file("lb.json")});
        QVERIFY2(train.exitCode == 0, train.err.constData());
        // The progress bar redraws in place and ends with a newline.
        QVERIFY(train.err.contains('\r'));
        QVERIFY(train.err.contains("100.0%"));

        QFile json(file("lb.json"));
        QVERIFY(json.open(QIODevice::ReadOnly));
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(json.readAll(), &parseError);
        QVERIFY2(parseError.error == QJsonParseError::NoError,
                 parseError.errorString().toUtf8().constData());
        const QJsonObject root = doc.object();
        QCOMPARE(root.value(QStringLiteral("best")).toString(), QStringLiteral("lr"));
        QVERIFY(
            root.value(QStringLiteral("note")).toString().contains(QStringLiteral("optimistic")));
        const QJsonArray models = root.value(QStringLiteral("models")).toArray();
        QCOMPARE(models.size(), 1);
        const QJsonObject lr = models.at(0).toObject();
        for (const char* key : {"algorithm", "params", "auc_mean", "auc_sd", "ap", "ks", "brier",
                                "log_loss", "expected_cost", "cost_threshold", "fit_seconds"}) {
            QVERIFY2(lr.contains(QLatin1String(key)), key);
        }
        QCOMPARE(lr.value(QStringLiteral("algorithm")).toString(), QStringLiteral("lr"));
        QVERIFY(lr.value(QStringLiteral("params")).toObject().contains(QStringLiteral("C")));
        const double auc = lr.value(QStringLiteral("auc_mean")).toDouble();
        qInfo("lr auc_mean %.4f, expected cost %.4f", auc,
              lr.value(QStringLiteral("expected_cost")).toDouble());
        QVERIFY2(auc >= 0.785, "logistic regression below its quality floor (0.785)");
        QCOMPARE(lr.value(QStringLiteral("folds")).toArray().size(), 50);

        const Run evaluate =
            run({QStringLiteral("evaluate"), QStringLiteral("--model"), file("lr.crs"),
                 QStringLiteral("--data"), data, QStringLiteral("--json")});
        QVERIFY2(evaluate.exitCode == 0, evaluate.err.constData());
        const QJsonObject metrics = QJsonDocument::fromJson(evaluate.out).object();
        QCOMPARE(metrics.value(QStringLiteral("model")).toString(), QStringLiteral("lr"));
        QCOMPARE(metrics.value(QStringLiteral("rows")).toInt(), 1000);
        QVERIFY(metrics.value(QStringLiteral("same_data_as_training")).toBool());
        // In-sample, so at least the cross-validated figure.
        QVERIFY(metrics.value(QStringLiteral("auc")).toDouble() >= auc);
        const QJsonObject confusion = metrics.value(QStringLiteral("confusion")).toObject();
        int total = 0;
        for (const QString& key : confusion.keys()) {
            total += confusion.value(key).toInt();
        }
        QCOMPARE(total, 1000);
        QVERIFY(metrics.value(QStringLiteral("expected_cost")).toDouble() > 0.0);

        // A damaged bundle is refused with exit code 2 and a message naming the file.
        QFile bundle(file("lr.crs"));
        QVERIFY(bundle.open(QIODevice::ReadOnly));
        QByteArray bytes = bundle.readAll();
        bundle.close();
        bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x01);
        QFile broken(file("broken.crs"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(bytes);
        broken.close();
        const Run refused = run({QStringLiteral("evaluate"), QStringLiteral("--model"),
                                 file("broken.crs"), QStringLiteral("--data"), data});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains("broken.crs"), refused.err.constData());
        QVERIFY2(refused.err.contains("checksum"), refused.err.constData());
    }

    void usageAndRefusals()
    {
        const QString data = QStringLiteral(CREDIT_DATA_DIR "/credit-g.arff");
        QCOMPARE(run({QStringLiteral("train"), QStringLiteral("--data"), data}).exitCode, 1);
        QCOMPARE(
            run({QStringLiteral("train"), QStringLiteral("--data"), data, QStringLiteral("--out"),
                 file("x.crs"), QStringLiteral("--folds"), QStringLiteral("one")})
                .exitCode,
            1);
        const Run missing = run({QStringLiteral("train"), QStringLiteral("--data"),
                                 file("absent.csv"), QStringLiteral("--out"), file("x.crs")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.contains("absent.csv"));
        QFile params(file("bad.yaml"));
        QVERIFY(params.open(QIODevice::WriteOnly));
        params.write("train:\n  folds: 5\n  colour: blue\n");
        params.close();
        const Run badParams = run({QStringLiteral("train"), QStringLiteral("--data"), data,
                                   QStringLiteral("--params"), file("bad.yaml"),
                                   QStringLiteral("--out"), file("x.crs")});
        QCOMPARE(badParams.exitCode, 2);
        QVERIFY2(badParams.err.contains("bad.yaml:3"), badParams.err.constData());
        QVERIFY(badParams.err.contains("train.colour"));
        QVERIFY(!QFile::exists(file("x.crs")));
        QCOMPARE(run({QStringLiteral("evaluate"), QStringLiteral("--model"), file("absent.crs"),
                      QStringLiteral("--data"), data})
                     .exitCode,
                 2);
    }

    void optionsOfParamsYamlOnTheCommandLine()
    {
        // --calibration, --objective and --encoding, as params.yaml has them, and the usage
        // line naming the command rather than the binary's path.
        const QString data = QStringLiteral(CREDIT_DATA_DIR "/credit-g.arff");
        const Run help = run({QStringLiteral("train"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.startsWith("Usage: credit-risk train [options]"), help.out.constData());
        const Run train = run({QStringLiteral("train"),
                               QStringLiteral("--data"),
                               data,
                               QStringLiteral("--algorithms"),
                               QStringLiteral("lr"),
                               QStringLiteral("--folds"),
                               QStringLiteral("3"),
                               QStringLiteral("--repeats"),
                               QStringLiteral("1"),
                               QStringLiteral("--trials"),
                               QStringLiteral("1"),
                               QStringLiteral("--calibration"),
                               QStringLiteral("isotonic"),
                               QStringLiteral("--objective"),
                               QStringLiteral("expected_cost"),
                               QStringLiteral("--encoding"),
                               QStringLiteral("woe"),
                               QStringLiteral("--quiet"),
                               QStringLiteral("--out"),
                               file("opts.crs"),
                               QStringLiteral("--leaderboard"),
                               file("opts.json")});
        QVERIFY2(train.exitCode == 0, train.err.constData());
        QFile json(file("opts.json"));
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(json.readAll()).object();
        QCOMPARE(root.value(QStringLiteral("calibration")).toString(), QStringLiteral("isotonic"));
        QCOMPARE(root.value(QStringLiteral("objective")).toString(),
                 QStringLiteral("expected_cost"));
        QCOMPARE(root.value(QStringLiteral("encoding")).toString(), QStringLiteral("woe"));
        for (const auto& [option, value] :
             {std::pair{"--calibration", "sigmoid"}, std::pair{"--objective", "gini"},
              std::pair{"--encoding", "dummy"}}) {
            const Run bad = run({QStringLiteral("train"), QStringLiteral("--data"), data,
                                 QString::fromLatin1(option), QString::fromLatin1(value),
                                 QStringLiteral("--out"), file("bad.crs")});
            QCOMPARE(bad.exitCode, 1);
            QVERIFY2(bad.err.contains(value), bad.err.constData());
        }
    }

    // An amount too large for the single-precision design matrix stops the training with the
    // field's name, and the model file already there is left as it was.
    void hugeNumberStopsTrainingAndKeepsTheOldFile()
    {
        QFile source(QStringLiteral(CREDIT_DATA_DIR "/credit-g.arff"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QByteArray text = source.readAll();
        // The first applicant's credit amount (1169 DM) becomes 1e300.
        const QByteArray first = ",1169,";
        QVERIFY(text.indexOf(first) > text.indexOf("@data"));
        text.replace(text.indexOf(first, text.indexOf("@data")), first.size(), ",1e300,");
        QFile huge(file("huge.arff"));
        QVERIFY(huge.open(QIODevice::WriteOnly));
        huge.write(text);
        huge.close();
        QFile old(file("keep.crs"));
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("an earlier model");
        old.close();
        const Run refused =
            run({QStringLiteral("train"), QStringLiteral("--data"), file("huge.arff"),
                 QStringLiteral("--algorithms"), QStringLiteral("lr"), QStringLiteral("--folds"),
                 QStringLiteral("3"), QStringLiteral("--repeats"), QStringLiteral("1"),
                 QStringLiteral("--trials"), QStringLiteral("1"), QStringLiteral("--quiet"),
                 QStringLiteral("--out"), file("keep.crs")});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains("field 'credit_amount' is too large"),
                 refused.err.constData());
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("an earlier model"));
    }
};

QTEST_GUILESS_MAIN(TestCliTrain)
#include "test_cli_train.moc"
