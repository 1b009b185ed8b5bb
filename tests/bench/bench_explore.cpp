// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
//
// Times analyseDataset() (every Explore statistic) on credit-g and on a generated
// 1,000,000-row dataset shaped like German Credit. Prints the median of several runs.
#include "data/dataset_reader.h"
#include "explore/explore_result.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <vector>

using namespace credit::core;

namespace {

double medianMs(const Dataset& ds, int runs, std::size_t* flags)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        const ExploreResult r = analyseDataset(ds);
        const auto t1 = std::chrono::steady_clock::now();
        *flags = r.outliers.flags.size();
        times.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

// Resamples credit-g's rows with jitter on the numerics, so the columns keep its levels,
// ranges and class link; 0.5 % of the numeric values are missing.
Dataset generate(const Dataset& base, std::size_t rows, std::uint32_t seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<std::size_t> pick(0, base.rowCount() - 1);
    std::normal_distribution<double> jitter(0.0, 0.05);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<std::size_t> source(rows);
    for (auto& s : source) {
        s = pick(rng);
    }
    std::vector<Column> columns;
    for (std::size_t c = 0; c < base.columnCount(); ++c) {
        const Column& from = base.column(c);
        Column to;
        to.schema = from.schema;
        if (from.isNumeric()) {
            to.numeric.resize(rows);
            for (std::size_t r = 0; r < rows; ++r) {
                const double v = from.numeric[source[r]];
                to.numeric[r] =
                    unit(rng) < 0.005 ? std::nan("") : std::round(v * (1.0 + jitter(rng)));
            }
        } else {
            to.codes.resize(rows);
            for (std::size_t r = 0; r < rows; ++r) {
                to.codes[r] = from.codes[source[r]];
            }
        }
        columns.push_back(std::move(to));
    }
    return Dataset::create(std::move(columns), {}, "generated");
}

} // namespace

int main()
{
    const Dataset credit = readDataset(CREDIT_DATA_DIR "/credit-g.arff").dataset;
    std::size_t flags = 0;
    const double small = medianMs(credit, 21, &flags);
    std::printf("analyseDataset credit-g (%zu rows x %zu columns): median %.2f ms of 21 runs "
                "(%zu outlier flags)\n",
                credit.rowCount(), credit.columnCount(), small, flags);

    const Dataset big = generate(credit, 1'000'000, 42);
    const double large = medianMs(big, 5, &flags);
    std::printf("analyseDataset generated (%zu rows x %zu columns): median %.1f ms of 5 runs "
                "(%zu outlier flags)\n",
                big.rowCount(), big.columnCount(), large, flags);
    return 0;
}
