// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// 5 × stratified 10-fold cross-validation of each algorithm with default parameters, serial
// (one thread), on German Credit: wall time including the per-fold feature pipelines, and the
// out-of-fold AUC. Median of `runs` runs (default 3; first argument overrides).
//
// Two soft-vote lines: "members refitted" fits the four members again in every fold (what a
// vote costs when evaluated on its own); "from members' folds" is what TrainingJob does: the
// weighted mean of the four members' out-of-fold predictions on the same folds, scored fold
// by fold. The total adds the four members and the second vote.
//
//   cmake --build build --target bench_engine_cv && build/tests/bench/bench_engine_cv [runs]
#include "data/dataset_reader.h"
#include "train/random_search.h"

#include <algorithm>
#include <map>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace credit::core;

int main(int argc, char** argv)
{
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
    const Dataset data = readDataset(CREDIT_DATA_DIR "/credit-g.arff").dataset;
    const FoldPlan plan = StratifiedKFold({10, 5, 42}).split(data.labels());
    struct Case
    {
        const char* label;
        std::string algorithm;
        ParamMap params;
    };
    const std::vector<Case> cases{
        {"LR", "lr", {}},
        {"RF (500 trees)", "rf", {{"n_trees", std::int64_t(500)}}},
        {"GBDT (300 rounds max)", "gbdt", {{"n_rounds", std::int64_t(300)}}},
        {"SVM (RBF)", "svm", {}},
        {"soft vote (members refitted)", "ensemble", {{"method", std::string("vote")}}},
    };
    std::printf("5 x 10-fold CV, default parameters, threads = 1, %d runs (median)\n", runs);
    std::printf("%-34s %10s %10s %10s %8s\n", "model", "median s", "min s", "max s", "AUC");
    std::map<std::string, std::vector<double>> oof; // last run's out-of-fold P(bad) per member
    double total = 0.0;
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
            oof[c.algorithm] = result.trials.at(0).oof;
        }
        std::sort(seconds.begin(), seconds.end());
        std::printf("%-34s %10.2f %10.2f %10.2f %8.4f\n", c.label, seconds[seconds.size() / 2],
                    seconds.front(), seconds.back(), auc);
        std::fflush(stdout);
        if (c.algorithm != "ensemble") {
            total += seconds[seconds.size() / 2];
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
    total += seconds[seconds.size() / 2];
    std::printf("%-34s %10.3f %10.3f %10.3f %8.4f\n", "soft vote (from members' folds)",
                seconds[seconds.size() / 2], seconds.front(), seconds.back(), vote.aucMean);
    std::printf("%-34s %10.2f\n", "total (4 members + vote from folds)", total);
    return 0;
}
