// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
//
// The Monitor tab on a log of N predictions (default 1,000,000): German-Credit-shaped
// applicants (credit-g rows drawn with replacement) scored by a logistic regression and logged
// as batch scoring logs them, with outcomes for a tenth of them. Prints the log's size per
// 1,000,000 predictions, the core aggregates' times, and the tab's time from show() to the
// first stage painted (volume, latency, refusals) and to everything painted (drift,
// performance). Run offscreen. Not a test.
//
//   QT_QPA_PLATFORM=offscreen bench_monitor_tab [rows] [log path]
//   (default 1000000 rows, /tmp/bench_monitor.sqlite, kept and reused when it holds N rows)

#include "common/seeded_random.h"
#include "data/dataset_reader.h"
#include "io/model_bundle.h"
#include "main/app_state.h"
#include "monitor/model_drift.h"
#include "monitor/monitor_tab.h"
#include "monitor/score_record.h"
#include "train/training_job.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <chrono>
#include <cstdio>
#include <filesystem>

using namespace credit;

namespace {

double since(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void fill(const std::string& path, std::size_t rows, const core::ModelBundle& bundle,
          const core::Dataset& data)
{
    std::filesystem::remove(path);
    std::filesystem::remove(path + "-wal");
    std::filesystem::remove(path + "-shm");
    core::SeededRandom random(11);
    const core::ModelIdentity model = core::modelIdentity(bundle, "bench.crs");
    const core::Vector pds = bundle.predictProba(data);
    core::PredictionLog log(path);
    std::vector<std::pair<std::string, int>> outcomes;
    const auto start = std::chrono::steady_clock::now();
    std::string request = core::newRequestId();
    for (std::size_t i = 0; i < rows; ++i) {
        const auto row = std::size_t(random.below(data.rowCount()));
        core::PredictionRecord r;
        // Spread over 60 days, a batch per 10,000 rows.
        r.time = core::timeBefore(std::to_string(60 * 24 * 60 - (i * 60 * 24 * 60) / rows) + "m");
        if (i % 10000 == 0) {
            request = core::newRequestId();
        }
        r.requestId = request;
        r.source = "batch";
        r.modelId = model.id;
        r.modelName = model.name;
        r.applicantId = "A" + std::to_string(i);
        for (const std::size_t c : data.schema().featureIndices()) {
            r.inputs[data.column(c).name()] = data.column(c).text(row);
        }
        r.pd = pds[Eigen::Index(row)];
        r.modelPd = r.pd;
        r.decision = bundle.rejects(r.pd) ? "reject" : "accept";
        r.threshold = bundle.policy.threshold;
        r.grade = bundle.policy.grading.grade(r.pd).name;
        r.reasons = {"Checking account balance below 0 DM", "Loan duration of 48 months"};
        r.latencyMs = 0.002 + double(i % 100) / 1000.0;
        if (i % 997 == 0) {
            r.error = "field 'age': expected a number";
        }
        if (i % 10 == 0) {
            outcomes.emplace_back(r.applicantId, int(data.labels()[row]));
        }
        log.append(std::move(r));
    }
    log.flush();
    log.importOutcomes(outcomes);
    std::printf("filled %zu records in %.1f s\n", rows, since(start));
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const std::size_t rows = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000;
    const std::string path = argc > 2 ? argv[2] : "/tmp/bench_monitor.sqlite";
    const core::Dataset data = core::readDataset(CREDIT_DATA_DIR "/credit-g.arff").dataset;
    core::TrainingParams params;
    params.algorithms = {"lr"};
    params.folds = 3;
    params.repeats = 1;
    params.trials = 1;
    // The bundle is kept beside the log: its id (a hash of its bytes) names the log's records.
    const std::string bundlePath = path + ".crs";
    bool reuse = std::filesystem::exists(path) && std::filesystem::exists(bundlePath);
    if (reuse) {
        core::PredictionLog log(path);
        reuse = log.count() == rows;
    }
    std::shared_ptr<const core::ModelBundle> bundle;
    if (reuse) {
        bundle = std::make_shared<const core::ModelBundle>(core::ModelBundle::load(bundlePath));
    } else {
        bundle = std::make_shared<const core::ModelBundle>(
            core::ModelBundle::fromTraining(core::TrainingJob(params).run(data), data));
        bundle->save(bundlePath);
        fill(path, rows, *bundle, data);
    }
    // Closing the last connection (above) checkpointed the WAL into the file.
    const double bytes = double(std::filesystem::file_size(path));
    std::printf("log: %zu records, %.1f MB (%.0f bytes a record, %.0f MB per 1,000,000)\n", rows,
                bytes / 1e6, bytes / double(rows), bytes / double(rows));
    auto start = std::chrono::steady_clock::now();
    {
        const core::PredictionLog writer(path); // checked: PRAGMA quick_check reads it all
    }
    std::printf("open for writing (checked):   %.3f s\n", since(start));
    start = std::chrono::steady_clock::now();
    const core::PredictionLog log(path, core::InputStorage::Full,
                                  core::PredictionLog::Access::Read);
    std::printf("open for reading:             %.3f s\n", since(start));
    start = std::chrono::steady_clock::now();
    const core::LogSummary summary = core::summarizeLog(log, {}, core::PeriodUnit::Day);
    std::printf("summarizeLog (day):           %.3f s (%zu periods)\n", since(start),
                summary.periods.size());
    core::LogSelection selection;
    selection.modelId = core::modelIdentity(*bundle, "bench.crs").id;
    start = std::chrono::steady_clock::now();
    const core::DriftReport drift =
        core::ModelDrift(*bundle, {}, "bench.crs").ofLog(log, selection);
    std::printf("drift of the log period:      %.3f s (%zu rows)\n", since(start), drift.rows);
    start = std::chrono::steady_clock::now();
    const core::PeriodPredictions period = core::readPeriodPredictions(log, selection);
    const core::PerformanceEstimate estimate =
        core::estimatePerformance(period.pds, period.rejected, bundle->policy.costs);
    std::printf("period + estimated figures:   %.3f s (bad rate %.4f)\n", since(start),
                estimate.expectedBadRate);
    start = std::chrono::steady_clock::now();
    core::BootstrapParams resampling;
    resampling.resamples = 200; // as the tab
    const core::RealisedPerformance realised =
        core::realisedPerformance(period, bundle->policy.costs, 0.7, resampling);
    std::printf("realised figures (200 resamples): %.3f s (%zu outcomes)\n", since(start),
                realised.rows);

    qputenv("CREDIT_RISK_LOG", QByteArray::fromStdString(path));
    ui::AppState state;
    state.setModelBundle(bundle, QStringLiteral("bench.crs"));
    ui::MonitorTab tab(&state);
    tab.resize(1280, 800);
    QElapsedTimer timer;
    double firstStage = -1.0;
    // The first stage is shown when the status line names the records.
    QTimer poll;
    poll.setInterval(1);
    QObject::connect(&poll, &QTimer::timeout, &tab, [&] {
        if (firstStage < 0 && tab.summary().summary.rows > 0) {
            tab.grab(); // painted
            firstStage = double(timer.nsecsElapsed()) / 1e9;
        }
    });
    QEventLoop loop;
    QObject::connect(&tab, &ui::MonitorTab::contentReady, &loop, &QEventLoop::quit);
    timer.start();
    poll.start();
    tab.show();
    loop.exec();
    tab.grab();
    const double all = double(timer.nsecsElapsed()) / 1e9;
    std::printf("tab: first stage painted %.3f s, everything painted %.3f s (%zu rows shown)\n",
                firstStage, all, tab.summary().summary.rows);
    return 0;
}
