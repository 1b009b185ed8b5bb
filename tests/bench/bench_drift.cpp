// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
//
// Drift of N new German-Credit-shaped rows (credit-g rows drawn with replacement) against a
// logistic-regression bundle's reference: the counting and PSI/CSI alone, with the model's
// scoring of every row (ModelDrift::ofColumns), and whole from a CSV file (read + score +
// count, ModelDrift::ofFile; what `credit-risk drift --data` does). Prints seconds, median of
// the runs. Not a test.
//
//   bench_drift [rows] [runs]      (default 1000000 rows, 3 runs)

#include "common/seeded_random.h"
#include "data/csv_writer.h"
#include "data/dataset_reader.h"
#include "monitor/model_drift.h"
#include "train/training_job.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <vector>

namespace {

using namespace credit::core;

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double seconds(const std::function<void()>& work)
{
    const auto start = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

int main(int argc, char** argv)
{
    const std::size_t rows = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 3;
    const Dataset data = readDataset(CREDIT_DATA_DIR "/credit-g.arff").dataset;
    TrainingParams params;
    params.algorithms = {"lr"};
    params.folds = 3;
    params.repeats = 1;
    params.trials = 1;
    const ModelBundle bundle = ModelBundle::fromTraining(TrainingJob(params).run(data), data);
    SeededRandom random(7);
    std::vector<std::size_t> draw(rows);
    for (std::size_t& row : draw) {
        row = std::size_t(random.below(data.rowCount()));
    }
    const Dataset big = data.subset(draw);
    const std::string csv = (std::filesystem::temp_directory_path() / "bench_drift.csv").string();
    writeCsv(big, csv);
    std::printf("%zu rows, %.1f MB CSV\n", rows, double(std::filesystem::file_size(csv)) / 1e6);

    const ModelDrift drift(bundle, {}, "bench.crs");
    std::vector<double> count;
    std::vector<double> columns;
    std::vector<double> file;
    for (int run = 0; run < runs; ++run) {
        count.push_back(seconds([&] {
            const DriftCounts c =
                countDrift(bundle.drift, bundle.selected, big.columns(), {}, {}, "bench");
            const DriftReport r = evaluateDrift(bundle.drift, bundle.selected, c, {});
            if (r.attributes.size() != 20) {
                std::abort();
            }
        }));
        columns.push_back(seconds([&] { drift.ofColumns(big.columns(), "bench"); }));
        file.push_back(seconds([&] { drift.ofFile(csv); }));
    }
    std::printf("counting + PSI/CSI of 20 attributes:  %.3f s\n", median(count));
    std::printf("with the model's score of every row:  %.3f s\n", median(columns));
    std::printf("whole, from the CSV (read + score):   %.3f s\n", median(file));
    std::filesystem::remove(csv);
    return 0;
}
