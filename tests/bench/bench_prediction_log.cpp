// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
//
// The cost of the prediction log: records of German-Credit-shaped applicants (20 inputs,
// 3 reasons) appended and committed in batches, as batch scoring does, and one record per
// commit, as the Score tab does. Prints µs per record (median of the runs) and the log's
// size per 1,000,000 records. Not a test.
//
//   bench_prediction_log [records] [runs]      (default 100000 records, 3 runs)

#include "monitor/prediction_log.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace {

credit::core::PredictionRecord sample(std::size_t i)
{
    credit::core::PredictionRecord r;
    r.requestId = "bench";
    r.source = "batch";
    r.modelId = "0123456789abcdef";
    r.modelName = "ensemble · model.crs";
    r.applicantId = "A" + std::to_string(i);
    const char* names[] = {"checking_status",
                           "duration",
                           "credit_history",
                           "purpose",
                           "credit_amount",
                           "savings_status",
                           "employment",
                           "installment_commitment",
                           "personal_status",
                           "other_parties",
                           "residence_since",
                           "property_magnitude",
                           "age",
                           "other_payment_plans",
                           "housing",
                           "existing_credits",
                           "job",
                           "num_dependents",
                           "own_telephone",
                           "foreign_worker"};
    for (const char* name : names) {
        r.inputs[name] = std::to_string(1000 + i % 977);
    }
    r.pd = 0.1 + double(i % 100) / 200.0;
    r.modelPd = r.pd;
    r.decision = r.pd > 0.1667 ? "reject" : "accept";
    r.threshold = 0.1667;
    r.grade = "C";
    r.points = 560.5;
    r.reasons = {"Checking account balance below 0 DM", "Loan duration of 48 months",
                 "Credit amount of 12,000 DM"};
    r.latencyMs = 1.2;
    return r;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char* argv[])
{
    const std::size_t records = argc > 1 ? std::size_t(std::atoll(argv[1])) : 100000;
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    const auto dir = std::filesystem::temp_directory_path() / "bench_prediction_log";
    std::vector<double> batched;
    std::vector<double> single;
    double bytesPerRecord = 0;
    for (int run = 0; run < runs; ++run) {
        std::filesystem::remove_all(dir);
        const std::string path = (dir / "log.sqlite").string();
        {
            credit::core::PredictionLog log(path);
            const auto start = std::chrono::steady_clock::now();
            for (std::size_t i = 0; i < records; ++i) {
                log.append(sample(i));
            }
            log.flush();
            batched.push_back(
                std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
                    .count() /
                double(records));
        }
        bytesPerRecord = double(std::filesystem::file_size(path)) / double(records);
        const std::size_t few = std::min<std::size_t>(records, 2000);
        {
            credit::core::PredictionLog log((dir / "single.sqlite").string());
            const auto start = std::chrono::steady_clock::now();
            for (std::size_t i = 0; i < few; ++i) {
                log.append(sample(i));
                log.flush(); // one transaction per score, as the Score tab
            }
            single.push_back(
                std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
                    .count() /
                double(few));
        }
    }
    std::filesystem::remove_all(dir);
    std::printf("prediction log, %zu records, %d runs (medians)\n", records, runs);
    std::printf("  batched (%zu per transaction): %.1f us per record\n",
                credit::core::PredictionLog::kBatchSize, median(batched));
    std::printf("  one transaction per record:     %.1f us per record\n", median(single));
    std::printf("  size: %.0f bytes per record, %.0f MB per 1,000,000 records\n", bytesPerRecord,
                bytesPerRecord * 1e6 / 1e6);
    return 0;
}
