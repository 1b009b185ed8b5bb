// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// `credit-risk train`: cross-validated random search over the chosen algorithms, calibration,
// refit on all rows, a model bundle and a leaderboard.
#include "cli_support.h"

#include "common/atomic_file.h"
#include "data/data_error.h"
#include "data/dataset_reader.h"
#include "io/model_bundle.h"
#include "io/params_file.h"
#include "train/leaderboard_json.h"
#include "explain/model_insight.h"
#include "train/training_job.h"

#include <QCommandLineParser>

#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <mutex>
#include <stdexcept>

namespace credit::cli {
namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void onInterrupt(int)
{
    g_interrupted.store(true);
}

/// A one-line progress bar on stderr, redrawn in place (\r) at most ten times a second.
class ProgressBar
{
public:
    bool update(const core::ProgressEvent& event)
    {
        const std::lock_guard lock(m_mutex);
        if (!event.algorithm.empty() && event.metrics.count("auc_mean")) {
            m_best[event.algorithm] =
                std::max(m_best[event.algorithm], event.metrics.at("auc_mean"));
        }
        const auto now = std::chrono::steady_clock::now();
        if (now - m_lastDraw > std::chrono::milliseconds(100) || event.fraction >= 1.0) {
            m_lastDraw = now;
            draw(event);
        }
        return !g_interrupted.load();
    }

    void finish()
    {
        const std::lock_guard lock(m_mutex);
        if (m_drawn) {
            std::fputc('\n', stderr);
            std::fflush(stderr);
        }
    }

private:
    void draw(const core::ProgressEvent& event)
    {
        constexpr int kWidth = 30;
        const double f = std::clamp(event.fraction, 0.0, 1.0);
        const int filled = static_cast<int>(std::lround(f * kWidth));
        std::string bar(static_cast<std::size_t>(filled), '#');
        bar.resize(kWidth, '.');
        std::string best;
        for (const auto& [algorithm, auc] : m_best) {
            char item[64];
            std::snprintf(item, sizeof item, " %s %.3f", algorithm.c_str(), auc);
            best += item;
        }
        char line[256];
        std::snprintf(line, sizeof line, "\r[%s] %5.1f%% %-7s %zu/%zu%s", bar.c_str(), 100.0 * f,
                      event.stage.c_str(), event.done, event.total,
                      best.empty() ? "" : (" | best AUC:" + best).c_str());
        std::string text = line;
        if (text.size() < m_lastWidth) {
            text.append(m_lastWidth - text.size(), ' ');
        }
        m_lastWidth = std::string(line).size();
        std::fputs(text.c_str(), stderr);
        std::fflush(stderr);
        m_drawn = true;
    }

    std::mutex m_mutex;
    std::map<std::string, double> m_best;
    std::chrono::steady_clock::time_point m_lastDraw{};
    std::size_t m_lastWidth = 0;
    bool m_drawn = false;
};

std::string leaderboardTable(const core::TrainingResult& result)
{
    std::string out;
    char line[256];
    std::snprintf(line, sizeof line, "%-9s %7s %6s %6s %6s %6s %8s %9s %9s %8s%s\n", "model", "AUC",
                  "sd", "AP", "KS", "Brier", "logloss", "cost/app", "threshold", "fit s",
                  result.params.nested ? "  nestedAUC nestedCost" : "");
    out += line;
    for (const core::LeaderboardRow& r : result.leaderboard) {
        std::snprintf(line, sizeof line,
                      "%-9s %7.4f %6.4f %6.4f %6.4f %6.4f %8.4f %9.4f %9.4f %8.2f",
                      r.algorithm.c_str(), r.aucMean, r.aucSd, r.ap, r.ks, r.brier, r.logLoss,
                      r.expectedCost, r.costThreshold, r.fitSeconds);
        out += line;
        if (result.params.nested) {
            std::snprintf(line, sizeof line, "  %9.4f %10.4f", r.nestedAucMean,
                          r.nestedExpectedCost);
            out += line;
        }
        out += "\n";
    }
    out += "best: " + result.bestAlgorithm +
           " (cross-validated figures of the selected configurations are optimistic";
    out += result.params.nested ? "; nested figures are not)\n"
                                : "; use --nested for an "
                                  "unbiased estimate)\n";
    return out;
}

bool parseCount(const QCommandLineParser& parser, const QString& name, std::size_t& out,
                std::size_t low)
{
    if (!parser.isSet(name)) {
        return true;
    }
    bool ok = false;
    const qulonglong v = parser.value(name).toULongLong(&ok);
    if (!ok || v < low) {
        printError(QStringLiteral("credit-risk train: --%1 expects an integer >= %2, got '%3'")
                       .arg(name)
                       .arg(low)
                       .arg(parser.value(name)));
        return false;
    }
    out = static_cast<std::size_t>(v);
    return true;
}

} // namespace

int runTrain(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Train credit-risk models with stratified repeated k-fold cross-validation and random "
        "search, calibrate them on out-of-fold predictions, refit the best configuration of "
        "each algorithm on all rows and save a model bundle.\nExample: credit-risk train --data "
        "data/credit-g.arff --out model.crs --leaderboard leaderboard.json"));
    addTargetOptions(parser);
    addCategoricalOption(parser);
    parser.addOptions({
        {QStringLiteral("data"), QStringLiteral("Training data (ARFF, CSV, german.data)."),
         QStringLiteral("FILE")},
        {QStringLiteral("params"), QStringLiteral("Settings file (params.yaml)."),
         QStringLiteral("FILE")},
        {QStringLiteral("algorithms"),
         QStringLiteral("Comma-separated algorithms (default lr,rf,gbdt,svm,ensemble)."),
         QStringLiteral("LIST")},
        {QStringLiteral("folds"), QStringLiteral("Folds k (default 10)."), QStringLiteral("K")},
        {QStringLiteral("repeats"), QStringLiteral("Repeats of the k-fold split (default 5)."),
         QStringLiteral("R")},
        {QStringLiteral("trials"),
         QStringLiteral("Random-search trials per algorithm (default 10)."), QStringLiteral("N")},
        {QStringLiteral("seed"), QStringLiteral("Random seed (default 42)."), QStringLiteral("S")},
        {QStringLiteral("threads"), QStringLiteral("Worker threads (default: all cores)."),
         QStringLiteral("T")},
        {QStringLiteral("calibration"),
         QStringLiteral("Calibration of the final model: none, platt or isotonic (default "
                        "platt)."),
         QStringLiteral("METHOD")},
        {QStringLiteral("objective"),
         QStringLiteral("What the search ranks by: auc or expected_cost (default auc)."),
         QStringLiteral("NAME")},
        {QStringLiteral("encoding"),
         QStringLiteral("Categorical encoding: onehot or woe (default onehot)."),
         QStringLiteral("NAME")},
        {QStringLiteral("nested"),
         QStringLiteral("Also estimate performance by nested cross-validation (slow).")},
        {QStringLiteral("out"), QStringLiteral("Model bundle to write."), QStringLiteral("MODEL")},
        {QStringLiteral("leaderboard"), QStringLiteral("Leaderboard JSON to write."),
         QStringLiteral("FILE")},
        {QStringLiteral("quiet"), QStringLiteral("No progress bar.")},
    });
    int exitCode = kExitOk;
    if (!parseArguments(parser, arguments, exitCode)) {
        return exitCode;
    }
    if (!parser.isSet(QStringLiteral("data")) || !parser.isSet(QStringLiteral("out"))) {
        printError(QStringLiteral("credit-risk train: --data and --out are required\n") +
                   usageText(parser, arguments));
        return kExitUsage;
    }
    if (!parser.positionalArguments().isEmpty()) {
        printError(QStringLiteral("credit-risk train: unexpected argument '%1'\n")
                       .arg(parser.positionalArguments().front()) +
                   usageText(parser, arguments));
        return kExitUsage;
    }

    core::ParamsFile settings;
    try {
        if (parser.isSet(QStringLiteral("params"))) {
            settings = core::ParamsFile::load(parser.value(QStringLiteral("params")).toStdString());
        }
    } catch (const std::exception& error) {
        printError(QString::fromUtf8(error.what()));
        return kExitRefused;
    }
    core::TrainingParams& params = settings.training;
    if (parser.isSet(QStringLiteral("algorithms"))) {
        params.algorithms.clear();
        for (const QString& a : parser.value(QStringLiteral("algorithms"))
                                    .split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            params.algorithms.push_back(a.trimmed().toStdString());
        }
    }
    std::size_t seed = params.seed;
    std::size_t threads = params.threads > 0 ? std::size_t(params.threads) : 0;
    if (!parseCount(parser, QStringLiteral("folds"), params.folds, 2) ||
        !parseCount(parser, QStringLiteral("repeats"), params.repeats, 1) ||
        !parseCount(parser, QStringLiteral("trials"), params.trials, 1) ||
        !parseCount(parser, QStringLiteral("seed"), seed, 0) ||
        !parseCount(parser, QStringLiteral("threads"), threads, 0)) {
        return kExitUsage;
    }
    params.seed = seed;
    params.threads = static_cast<int>(threads);
    if (parser.isSet(QStringLiteral("nested"))) {
        params.nested = true;
    }
    try {
        if (parser.isSet(QStringLiteral("calibration"))) {
            params.calibration = core::parseCalibrationMethod(
                parser.value(QStringLiteral("calibration")).toStdString());
        }
        if (parser.isSet(QStringLiteral("objective"))) {
            params.objective =
                core::parseSearchObjective(parser.value(QStringLiteral("objective")).toStdString());
        }
    } catch (const std::invalid_argument& error) {
        printError(QStringLiteral("credit-risk train: ") + QString::fromUtf8(error.what()));
        return kExitUsage;
    }
    if (parser.isSet(QStringLiteral("encoding"))) {
        const QString encoding = parser.value(QStringLiteral("encoding"));
        if (encoding == QLatin1String("onehot")) {
            params.features.encoding = core::CategoricalEncoding::OneHot;
        } else if (encoding == QLatin1String("woe")) {
            params.features.encoding = core::CategoricalEncoding::Woe;
        } else {
            printError(QStringLiteral("credit-risk train: --encoding expects onehot or woe, got "
                                      "'%1'")
                           .arg(encoding));
            return kExitUsage;
        }
    }
    const std::vector<std::string> problems = params.validate();
    if (!problems.empty()) {
        printError(QStringLiteral("credit-risk train: ") +
                   QString::fromStdString(problems.front()));
        return kExitUsage;
    }

    core::ReadOptions readOptions;
    readOptions.target = settings.target;
    if (parser.isSet(QStringLiteral("target"))) {
        readOptions.target.column = parser.value(QStringLiteral("target")).toStdString();
    }
    if (parser.isSet(QStringLiteral("positive"))) {
        readOptions.target.positive = parser.value(QStringLiteral("positive")).toStdString();
    }
    applyCategoricalOption(parser, readOptions);
    try {
        const core::ReadResult read =
            core::readDataset(parser.value(QStringLiteral("data")).toStdString(), readOptions);
        for (const std::string& warning : read.warnings) {
            printError(QStringLiteral("warning: ") + QString::fromStdString(warning));
        }
        const bool quiet = parser.isSet(QStringLiteral("quiet"));
        ProgressBar bar;
        g_interrupted.store(false);
        const auto previous = std::signal(SIGINT, onInterrupt);
        const core::TrainingResult result =
            core::trainModels(params, read.dataset, [&](const core::ProgressEvent& event) {
                return quiet ? !g_interrupted.load() : bar.update(event);
            });
        std::signal(SIGINT, previous);
        bar.finish();
        for (const std::string& warning : result.warnings) {
            printError(QStringLiteral("warning: ") + QString::fromStdString(warning));
        }
        if (parser.isSet(QStringLiteral("leaderboard"))) {
            core::writeFileAtomically(parser.value(QStringLiteral("leaderboard")).toStdString(),
                                      core::leaderboardJson(result));
        }
        if (result.cancelled) {
            printOut(leaderboardTable(result));
            printError(QStringLiteral("credit-risk train: cancelled; no model bundle written"));
            return kExitCancelled;
        }
        const core::ModelBundle bundle =
            core::ModelBundle::fromTraining(result, read.dataset, settings.toYaml());
        bundle.save(parser.value(QStringLiteral("out")).toStdString());
        printOut(leaderboardTable(result));
        char tail[256];
        std::snprintf(tail, sizeof tail, "saved %s (model %s, threshold %.4f, %.1f s)\n",
                      parser.value(QStringLiteral("out")).toStdString().c_str(),
                      bundle.selected.c_str(), bundle.policy.threshold, result.seconds);
        printOut(std::string(tail));
        return kExitOk;
    } catch (const core::DataError& error) {
        printError(QString::fromUtf8(error.what()));
        return kExitRefused;
    } catch (const std::invalid_argument& error) {
        printError(QString::fromUtf8(error.what()));
        return kExitRefused;
    } catch (const std::exception& error) {
        printError(QString::fromUtf8(error.what()));
        return kExitRefused;
    }
}

} // namespace credit::cli
