// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// params.yaml → TrainingParams: the repository's file, overrides, refusals naming key path and
// line, and the save/parse round trip.
#include "data/data_error.h"
#include "io/params_file.h"

#include <QTemporaryDir>
#include <QTest>

using namespace credit::core;

class TestParamsFile : public QObject
{
    Q_OBJECT

private slots:
    void repositoryFileGivesTheDefaults()
    {
        const ParamsFile file = ParamsFile::load(CREDIT_DATA_DIR "/../params.yaml");
        const TrainingParams defaults;
        QVERIFY(file.training.algorithms == defaults.algorithms);
        QCOMPARE(file.training.folds, defaults.folds);
        QCOMPARE(file.training.repeats, defaults.repeats);
        QCOMPARE(file.training.trials, defaults.trials);
        QCOMPARE(file.training.seed, defaults.seed);
        QCOMPARE(file.training.calibration, defaults.calibration);
        QVERIFY(file.training.costs == defaults.costs);
        QCOMPARE(file.target.column, std::string("class"));
        QCOMPARE(file.monitoring.psiBins, std::size_t(10));
        // The repository's file lists the monitoring defaults too.
        QCOMPARE(file.monitoring.log, std::string());
        QCOMPARE(file.monitoring.inputs, InputStorage::Full);
        QCOMPARE(file.monitoring.performanceThreshold, 0.70);
        // The spaces listed there are the built-in ones.
        for (const auto& [algorithm, space] : file.training.spaces) {
            const SearchSpace builtIn = defaultSearchSpace(algorithm);
            QCOMPARE(space.params.size(), builtIn.params.size());
            for (std::size_t i = 0; i < space.params.size(); ++i) {
                QCOMPARE(space.params[i].name, builtIn.params[i].name);
                QCOMPARE(space.params[i].kind, builtIn.params[i].kind);
                QCOMPARE(space.params[i].low, builtIn.params[i].low);
                QCOMPARE(space.params[i].high, builtIn.params[i].high);
            }
        }
    }

    void valuesAreRead()
    {
        const ParamsFile f = ParamsFile::parse("train:\n"
                                               "  algorithms: [gbdt, lr]\n"
                                               "  folds: 5\n"
                                               "  repeats: 2\n"
                                               "  seed: 7\n"
                                               "  threads: 2\n"
                                               "  objective: expected_cost\n"
                                               "  calibration: isotonic\n"
                                               "  nested: true\n"
                                               "  cost: {bad_accepted: 10, good_rejected: 2}\n"
                                               "  target: risk\n"
                                               "  positive: yes_default\n"
                                               "preprocessing:\n"
                                               "  encoding: woe\n"
                                               "  standardize: false\n"
                                               "hyperparameter_tuning:\n"
                                               "  trials: 9\n"
                                               "  spaces:\n"
                                               "    gbdt:\n"
                                               "      max_depth: {kind: integer, low: 2, high: 3}\n"
                                               "    ensemble:\n"
                                               "      method: {kind: choice, choices: [stack]}\n"
                                               "  fixed:\n"
                                               "    rf: {n_trees: 300, subsample: 1}\n"
                                               "monitoring:\n"
                                               "  psi_bins: 20\n"
                                               "  psi_alert: 0.3\n",
                                               "inline.yaml");
        const TrainingParams& t = f.training;
        QVERIFY(t.algorithms == (std::vector<std::string>{"gbdt", "lr"}));
        QCOMPARE(t.folds, std::size_t(5));
        QCOMPARE(t.repeats, std::size_t(2));
        QCOMPARE(t.seed, std::uint64_t(7));
        QCOMPARE(t.threads, 2);
        QCOMPARE(t.objective, SearchObjective::ExpectedCost);
        QCOMPARE(t.calibration, CalibrationMethod::Isotonic);
        QVERIFY(t.nested);
        QCOMPARE(t.costs.badAccepted, 10.0);
        QCOMPARE(t.costs.goodRejected, 2.0);
        QCOMPARE(f.target.column, std::string("risk"));
        QCOMPARE(f.target.positive, std::string("yes_default"));
        QCOMPARE(t.features.encoding, CategoricalEncoding::Woe);
        QVERIFY(!t.features.standardize);
        QCOMPARE(t.trials, std::size_t(9));
        // max_depth replaced in place; the other gbdt dimensions keep their defaults.
        const SearchSpace& gbdt = t.spaces.at("gbdt");
        QCOMPARE(gbdt.params.size(), defaultSearchSpace("gbdt").params.size());
        const auto depth = std::find_if(gbdt.params.begin(), gbdt.params.end(),
                                        [](const ParamRange& r) { return r.name == "max_depth"; });
        QCOMPARE(depth->kind, ParamKind::Integer);
        QCOMPARE(depth->high, 3.0);
        QCOMPARE(t.spaces.at("ensemble").params.at(0).choices.size(), std::size_t(1));
        QCOMPARE(std::get<std::int64_t>(t.baseParams.at("rf").at("n_trees")), std::int64_t(300));
        // A real parameter written as an integer becomes a real.
        QCOMPARE(std::get<double>(t.baseParams.at("rf").at("subsample")), 1.0);
        QCOMPARE(f.monitoring.psiBins, std::size_t(20));
        QCOMPARE(f.monitoring.psiAlert, 0.3);
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("key");
        QTest::newRow("unknown top key") << "train:\n  folds: 5\ntrian:\n  x: 1\n" << 3 << "trian";
        QTest::newRow("unknown train key") << "train:\n  folds: 5\n  fold: 3\n"
                                           << 3 << "train.fold";
        QTest::newRow("folds too small") << "train:\n  folds: 1\n" << 2 << "train.folds";
        QTest::newRow("folds not a number") << "train:\n\n  folds: ten\n" << 3 << "train.folds";
        QTest::newRow("unknown algorithm") << "train:\n  algorithms: [lr, xgb]\n"
                                           << 2 << "train.algorithms[1]";
        QTest::newRow("bad objective") << "train:\n  objective: f1\n" << 2 << "train.objective";
        QTest::newRow("bad calibration") << "train:\n  calibration: beta\n"
                                         << 2 << "train.calibration";
        QTest::newRow("bad cost") << "train:\n  cost:\n    bad_accepted: -1\n" << 3 << "train.cost";
        QTest::newRow("bad encoding") << "preprocessing:\n  encoding: target\n"
                                      << 2 << "preprocessing.encoding";
        QTest::newRow("unknown parameter")
            << "hyperparameter_tuning:\n  spaces:\n    rf:\n      depth: {kind: integer, low: 1, "
               "high: 3}\n"
            << 4 << "hyperparameter_tuning.spaces.rf.depth";
        QTest::newRow("bad kind")
            << "hyperparameter_tuning:\n  spaces:\n    lr:\n      C: {kind: normal, low: 1, "
               "high: 3}\n"
            << 4 << "hyperparameter_tuning.spaces.lr.C.kind";
        QTest::newRow("log range not positive")
            << "hyperparameter_tuning:\n  spaces:\n    lr:\n      C: {kind: log-uniform, low: 0, "
               "high: 3}\n"
            << 4 << "hyperparameter_tuning.spaces.lr.C";
        QTest::newRow("integer kind on a real")
            << "hyperparameter_tuning:\n  spaces:\n    lr:\n      C: {kind: integer, low: 1, "
               "high: 3}\n"
            << 4 << "hyperparameter_tuning.spaces.lr.C.kind";
        QTest::newRow("fixed wrong type") << "hyperparameter_tuning:\n  fixed:\n    rf:\n"
                                             "      n_trees: 2.5\n"
                                          << 4 << "hyperparameter_tuning.fixed.rf.n_trees";
        QTest::newRow("fixed out of range") << "hyperparameter_tuning:\n  fixed:\n"
                                               "    rf: {n_trees: 0}\n"
                                            << 3 << "hyperparameter_tuning.fixed.rf";
        QTest::newRow("unknown algorithm space")
            << "hyperparameter_tuning:\n  fixed:\n    knn: {k: 3}\n"
            << 3 << "hyperparameter_tuning.fixed.knn";
        QTest::newRow("psi alert below warning") << "monitoring:\n  psi_warning: 0.3\n"
                                                    "  psi_alert: 0.2\n"
                                                 << 3 << "monitoring.psi_alert";
        QTest::newRow("log inputs word") << "monitoring:\n  inputs: all\n"
                                         << 2 << "monitoring.inputs";
        QTest::newRow("performance threshold") << "monitoring:\n  performance_threshold: 1.5\n"
                                               << 2 << "monitoring.performance_threshold";
        QTest::newRow("invalid yaml") << "train:\n  folds: [5\n" << 3 << "";
    }

    void refusals()
    {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(QString, key);
        try {
            ParamsFile::parse(text.toStdString(), "bad.yaml");
            QFAIL("accepted");
        } catch (const DataError& error) {
            QCOMPARE(error.file(), std::string("bad.yaml"));
            QCOMPARE(int(error.line()), line);
            QCOMPARE(QString::fromStdString(error.column()), key);
            const std::string what = error.what();
            QVERIFY2(what.find("bad.yaml") != std::string::npos, what.c_str());
        }
    }

    void saveAndParseRoundTrip()
    {
        ParamsFile f;
        f.training.algorithms = {"svm", "rf"};
        f.training.folds = 4;
        f.training.trials = 3;
        f.training.calibration = CalibrationMethod::None;
        f.training.features.woeSmoothing = 1.25;
        f.training.spaces["svm"] = defaultSearchSpace("svm");
        f.training.spaces["ensemble"] = SearchSpace{
            "ensemble",
            {{"method", ParamKind::Choice, 0, 0, {std::string("vote"), std::string("stack")}}}};
        f.training.baseParams["rf"] = {{"n_trees", std::int64_t(250)}, {"subsample", 0.5}};
        f.target.column = "outcome";
        f.monitoring.psiBins = 12;
        f.monitoring.log = "/srv/risk/log.sqlite";
        f.monitoring.inputs = InputStorage::Hashed;
        f.monitoring.performanceThreshold = 0.65;
        QTemporaryDir dir;
        const std::string path = (dir.path() + QStringLiteral("/p.yaml")).toStdString();
        f.save(path);
        const ParamsFile g = ParamsFile::load(path);
        QVERIFY(g.training.algorithms == f.training.algorithms);
        QCOMPARE(g.training.folds, f.training.folds);
        QCOMPARE(g.training.trials, f.training.trials);
        QCOMPARE(g.training.calibration, f.training.calibration);
        QCOMPARE(g.training.features.woeSmoothing, 1.25);
        QVERIFY(g.training.baseParams == f.training.baseParams);
        QCOMPARE(g.training.spaces.at("svm").params.size(), std::size_t(2));
        QCOMPARE(g.training.spaces.at("ensemble").params.at(0).choices.size(), std::size_t(2));
        QCOMPARE(g.target.column, std::string("outcome"));
        QCOMPARE(g.monitoring.psiBins, std::size_t(12));
        QCOMPARE(g.monitoring.log, std::string("/srv/risk/log.sqlite"));
        QCOMPARE(g.monitoring.inputs, InputStorage::Hashed);
        QCOMPARE(g.monitoring.performanceThreshold, 0.65);
        QCOMPARE(g.toYaml(), f.toYaml());
    }
};

QTEST_GUILESS_MAIN(TestParamsFile)
#include "test_params_file.moc"
