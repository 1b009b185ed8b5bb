// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// Random search, 50 trials × stratified 5-fold, on 2 threads, for RF and GBDT on German
// Credit (built-in search spaces, seed 42): wall time including the per-fold pipelines, and
// the best trial's AUC. Median of `runs` runs (default 3; first argument overrides; the
// second sets the thread count; the third, e.g. "gbdt", runs one algorithm).
//
//   cmake --build build --target bench_search && build/tests/bench/bench_search [runs] [threads]
//       [rf|gbdt]
#include "data/dataset_reader.h"
#include "train/random_search.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace credit::core;

int main(int argc, char** argv)
{
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
    const int threads = argc > 2 ? std::max(1, std::atoi(argv[2])) : 2;
    const Dataset data = readDataset(CREDIT_DATA_DIR "/credit-g.arff").dataset;
    const FoldPlan plan = StratifiedKFold({5, 1, 42}).split(data.labels());
    std::printf("random search, 50 trials x 5-fold, threads = %d, %d runs (median)\n", threads,
                runs);
    std::printf("%-6s %10s %10s %10s %8s %8s\n", "model", "median s", "min s", "max s", "trials",
                "best AUC");
    const std::vector<std::string> algorithms =
        argc > 3 ? std::vector<std::string>{argv[3]} : std::vector<std::string>{"rf", "gbdt"};
    for (const std::string& algorithm : algorithms) {
        SearchParams params;
        params.algorithms = {algorithm};
        params.trials = 50;
        params.threads = threads;
        params.seed = 42;
        const RandomSearch search(params);
        std::vector<double> seconds;
        double best = 0.0;
        std::size_t trials = 0;
        for (int r = 0; r < runs; ++r) {
            const auto start = std::chrono::steady_clock::now();
            const SearchResult result = search.run(data, plan);
            seconds.push_back(
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
            best = result.trials.at(result.best.at(algorithm)).aucMean;
            trials = result.trials.size();
        }
        std::sort(seconds.begin(), seconds.end());
        std::printf("%-6s %10.2f %10.2f %10.2f %8zu %8.4f\n", algorithm.c_str(),
                    seconds[seconds.size() / 2], seconds.front(), seconds.back(), trials, best);
        std::fflush(stdout);
    }
    return 0;
}
