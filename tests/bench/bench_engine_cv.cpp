// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// 5 × stratified 10-fold cross-validation of each algorithm with default parameters, serial
// (one thread), on German Credit: wall time including the per-fold feature pipelines, and the
// out-of-fold AUC. Median of `runs` runs (default 3; first argument overrides).
//
// Two soft-vote lines: "members refitted" fits the four members again in every fold (what a
// vote costs when evaluated on its own); "from members' folds" is what TrainingJob does: the
// weighted mean of the four members' out-of-fold predictions on the same folds, scored fold
// by fold. Two totals add the four members and the second vote: one with the default forest
// (200 trees), one with the 500 trees the scikit-learn peers were timed with. The vote is
// scored from the default members.
//
//   cmake --build build --target bench_engine_cv && build/tests/bench/bench_engine_cv [runs]
//   build/tests/bench/bench_engine_cv cancel [count]
//
// "cancel": the latency of a cancel. A full default TrainingJob (lr, rf, gbdt, svm, ensemble;
// 5 x 10-fold; 10 trials; 2 threads) is told to stop at 0.5 s, 0.75 s, 1.1 s, ... (×1.5 each
// time, `count` times, default 12, so the stops reach every algorithm's trials): the time
// from the request until run() returns, median and maximum.
#include "data/dataset_reader.h"
#include "train/random_search.h"
#include "train/training_job.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <thread>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace credit::core;

namespace {

int cancelLatency(int count)
{
    const Dataset data = readDataset(CREDIT_DATA_DIR "/credit-g.arff").dataset;
    TrainingParams params; // the defaults: every algorithm, 5 x 10-fold, 10 trials
    params.threads = 2;
    std::vector<double> latencies;
    std::printf("cancel latency, full default training on 2 threads\n");
    std::printf("%10s %12s  %s\n", "stop at s", "latency ms", "last event before the stop");
    for (int i = 0; i < count; ++i) {
        const double stopAt = 0.5 * std::pow(1.5, double(i));
        std::atomic<bool> stop{false};
        std::string stage;
        const auto start = std::chrono::steady_clock::now();
        std::chrono::steady_clock::time_point requested;
        std::thread timer([&] {
            std::this_thread::sleep_until(start + std::chrono::duration<double>(stopAt));
            requested = std::chrono::steady_clock::now();
            stop.store(true);
        });
        TrainingJob(params).run(data, [&](const ProgressEvent& event) {
            if (!stop.load()) {
                stage = event.stage + (event.message.empty() ? "" : ": " + event.message);
            }
            return !stop.load();
        });
        const auto returned = std::chrono::steady_clock::now();
        timer.join();
        if (returned < requested) {
            std::printf("%10.1f %12s  %s\n", stopAt, "finished", stage.c_str());
            continue;
        }
        const double ms = std::chrono::duration<double, std::milli>(returned - requested).count();
        latencies.push_back(ms);
        std::printf("%10.1f %12.1f  %s\n", stopAt, ms, stage.c_str());
        std::fflush(stdout);
    }
    if (latencies.empty()) {
        return 1;
    }
    std::sort(latencies.begin(), latencies.end());
    std::printf("median %.1f ms, max %.1f ms over %zu cancels\n",
                latencies[latencies.size() / 2], latencies.back(), latencies.size());
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc > 1 && std::string(argv[1]) == "cancel") {
        return cancelLatency(argc > 2 ? std::max(1, std::atoi(argv[2])) : 12);
    }
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
    const Dataset data = readDataset(CREDIT_DATA_DIR "/credit-g.arff").dataset;
    const FoldPlan plan = StratifiedKFold({10, 5, 42}).split(data.labels());
    struct Case
    {
        const char* label;
        std::string algorithm;
        ParamMap params;
        bool peer = false; ///< the peers' configuration, not our default
    };
    const std::vector<Case> cases{
        {"LR", "lr", {}},
        {"RF (default: 200 trees)", "rf", {}},
        {"RF (500 trees, as the peers ran)", "rf", {{"n_trees", std::int64_t(500)}}, true},
        {"GBDT (300 rounds max)", "gbdt", {{"n_rounds", std::int64_t(300)}}},
        {"SVM (RBF)", "svm", {}},
        {"soft vote (members refitted)", "ensemble", {{"method", std::string("vote")}}},
    };
    std::printf("5 x 10-fold CV, default parameters, threads = 1, %d runs (median)\n", runs);
    std::printf("%-34s %10s %10s %10s %8s\n", "model", "median s", "min s", "max s", "AUC");
    std::map<std::string, std::vector<double>> oof; // last run's out-of-fold P(bad) per member
    double total = 0.0;      // defaults
    double peerTotal = 0.0;  // with RF(500)
    double defaultRf = 0.0;
    for (const Case& c : cases) {
        SearchParams params;
        params.algorithms = {c.algorithm};
        params.trials = 1;
        params.threads = 1;
        params.baseParams[c.algorithm] = c.params;
        const RandomSearch search(params);
        std::vector<double> seconds;
        double auc = 0.0;
        for (int r = 0; r < runs; ++r) {
            const auto start = std::chrono::steady_clock::now();
            const SearchResult result = search.run(data, plan);
            seconds.push_back(
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
            auc = result.trials.at(0).aucMean;
            if (!c.peer) {
                oof[c.algorithm] = result.trials.at(0).oof;
            }
        }
        std::sort(seconds.begin(), seconds.end());
        std::printf("%-34s %10.2f %10.2f %10.2f %8.4f\n", c.label, seconds[seconds.size() / 2],
                    seconds.front(), seconds.back(), auc);
        std::fflush(stdout);
        const double median = seconds[seconds.size() / 2];
        if (c.algorithm == "rf") {
            (c.peer ? peerTotal : defaultRf) += median;
        } else if (c.algorithm != "ensemble") {
            total += median;
            peerTotal += median;
        }
    }
    std::vector<double> seconds;
    TrialResult vote;
    for (int r = 0; r < runs; ++r) {
        const auto start = std::chrono::steady_clock::now();
        vote = TrialResult{};
        vote.oof.assign(oof.at("lr").size(), 0.0);
        for (const char* member : {"lr", "rf", "gbdt", "svm"}) {
            const std::vector<double>& p = oof.at(member);
            for (std::size_t i = 0; i < p.size(); ++i) {
                vote.oof[i] += 0.25 * p[i];
            }
        }
        RandomSearch::scoreOutOfFold(vote, plan, data.labels(), CostMatrix{});
        seconds.push_back(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(seconds.begin(), seconds.end());
    total += defaultRf + seconds[seconds.size() / 2];
    peerTotal += seconds[seconds.size() / 2];
    std::printf("%-34s %10.3f %10.3f %10.3f %8.4f\n", "soft vote (from members' folds)",
                seconds[seconds.size() / 2], seconds.front(), seconds.back(), vote.aucMean);
    std::printf("%-34s %10.2f\n", "total, defaults (RF 200 trees)", total);
    std::printf("%-34s %10.2f\n", "total with RF(500) instead", peerTotal);
    return 0;
}
