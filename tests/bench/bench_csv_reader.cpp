// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
//
// Reads a generated 1,000,000-row CSV shaped like German Credit (same 21 columns, plausible
// random values, fixed seed) with readDataset and prints the median time of the runs and the
// peak resident memory (VmHWM). Targets: <= 2 s and <= 400 MB.
//
//   bench_csv_reader [rows] [runs]      defaults: 1000000 rows, 3 runs
#include "data/dataset_reader.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <sys/resource.h>

namespace {

using Levels = std::vector<const char*>;

struct Spec
{
    const char* name;
    Levels levels; // empty = numeric
    int low = 0;   // numeric range
    int high = 0;
};

const std::vector<Spec>& specs()
{
    static const std::vector<Spec> kSpecs = {
        {"checking_status", {"<0", "0<=X<200", ">=200", "no checking"}},
        {"duration", {}, 4, 72},
        {"credit_history",
         {"no credits/all paid", "all paid", "existing paid", "delayed previously",
          "critical/other existing credit"}},
        {"purpose",
         {"new car", "used car", "furniture/equipment", "radio/tv", "domestic appliance", "repairs",
          "education", "vacation", "retraining", "business", "other"}},
        {"credit_amount", {}, 250, 18424},
        {"savings_status", {"<100", "100<=X<500", "500<=X<1000", ">=1000", "no known savings"}},
        {"employment", {"unemployed", "<1", "1<=X<4", "4<=X<7", ">=7"}},
        {"installment_commitment", {}, 1, 4},
        {"personal_status",
         {"male div/sep", "female div/dep/mar", "male single", "male mar/wid", "female single"}},
        {"other_parties", {"none", "co applicant", "guarantor"}},
        {"residence_since", {}, 1, 4},
        {"property_magnitude", {"real estate", "life insurance", "car", "no known property"}},
        {"age", {}, 19, 75},
        {"other_payment_plans", {"bank", "stores", "none"}},
        {"housing", {"rent", "own", "for free"}},
        {"existing_credits", {}, 1, 4},
        {"job",
         {"unemp/unskilled non res", "unskilled resident", "skilled", "high qualif/self emp/mgmt"}},
        {"num_dependents", {}, 1, 2},
        {"own_telephone", {"none", "yes"}},
        {"foreign_worker", {"yes", "no"}},
        {"class", {"good", "bad"}},
    };
    return kSpecs;
}

void generate(const std::string& path, std::size_t rows)
{
    std::mt19937_64 rng(20260101);
    std::ofstream out(path, std::ios::binary);
    std::string line;
    for (std::size_t c = 0; c < specs().size(); ++c) {
        line += (c ? "," : "") + std::string(specs()[c].name);
    }
    out << line << '\n';
    for (std::size_t r = 0; r < rows; ++r) {
        line.clear();
        for (std::size_t c = 0; c < specs().size(); ++c) {
            const Spec& spec = specs()[c];
            if (c > 0) {
                line += ',';
            }
            if (spec.levels.empty()) {
                std::uniform_int_distribution<int> value(spec.low, spec.high);
                line += std::to_string(value(rng));
            } else if (spec.name == std::string("class")) {
                line += std::uniform_real_distribution<double>(0, 1)(rng) < 0.3 ? "bad" : "good";
            } else {
                std::uniform_int_distribution<std::size_t> pick(0, spec.levels.size() - 1);
                const char* label = spec.levels[pick(rng)];
                const bool quote = std::string(label).find(' ') != std::string::npos;
                line += quote ? "\"" + std::string(label) + "\"" : std::string(label);
            }
        }
        out << line << '\n';
    }
}

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) {
        return double(t.tv_sec) + double(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

long peakRssKiB()
{
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "VmHWM:") {
            long kib = 0;
            status >> kib;
            return kib;
        }
        status.ignore(1 << 20, '\n');
    }
    return -1;
}

} // namespace

int main(int argc, char** argv)
{
    const std::size_t rows = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 3;
    const auto path = (std::filesystem::temp_directory_path() /
                       ("bench_csv_reader_" + std::to_string(rows) + ".csv"))
                          .string();
    generate(path, rows);
    const auto bytes = std::filesystem::file_size(path);
    std::printf("after generating: peak RSS %.1f MB\n", double(peakRssKiB()) / 1024.0);

    std::vector<double> seconds;
    std::vector<double> cpu;
    std::size_t readRows = 0;
    for (int run = 0; run < runs; ++run) {
        const double cpuStart = cpuSeconds();
        const auto start = std::chrono::steady_clock::now();
        const auto result = credit::core::readDataset(path);
        const auto stop = std::chrono::steady_clock::now();
        seconds.push_back(std::chrono::duration<double>(stop - start).count());
        cpu.push_back(cpuSeconds() - cpuStart);
        readRows = result.dataset.rowCount();
    }
    std::filesystem::remove(path);
    std::sort(seconds.begin(), seconds.end());
    std::sort(cpu.begin(), cpu.end());
    const double median = seconds[seconds.size() / 2];
    const double peakMb = double(peakRssKiB()) / 1024.0;

    std::printf("%-28s %14s\n", "measure", "value");
    std::printf("%-28s %14zu\n", "rows read", readRows);
    std::printf("%-28s %14.1f\n", "file size (MB)", double(bytes) / 1e6);
    std::printf("%-28s %14d\n", "runs", runs);
    std::printf("%-28s %14.3f\n", "median time (s)", median);
    std::printf("%-28s %14.3f\n", "min time (s)", seconds.front());
    std::printf("%-28s %14.3f\n", "max time (s)", seconds.back());
    std::printf("%-28s %14.3f\n", "median CPU time (s)", cpu[cpu.size() / 2]);
    std::printf("%-28s %14.1f\n", "throughput (MB/s)", double(bytes) / 1e6 / median);
    std::printf("%-28s %14.1f\n", "peak RSS VmHWM (MB)", peakMb);
    std::printf("%-28s %14s\n", "targets", "<= 2 s, <= 400 MB");
    return 0;
}
