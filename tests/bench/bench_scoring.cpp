// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// Single-applicant scoring latency (median) and batch CSV → CSV throughput.
//   bench_scoring [rows for the batch run, default 1000000] [threads, default 2] [batch]
//                 [batch models, comma-separated, default lr; e.g. lr,gbdt,svm,vote,stack]
// With the third argument "batch" only LR (and the batch models) are timed singly (faster runs
// for profiling). The batch run reports wall and process CPU time (all threads).
// Models: lr, rf, gbdt, svm, the default ensemble (lr, rf, gbdt, svm) as "vote" or "stack",
// and "vote-trees", a vote of lr, rf and gbdt only (the ensemble without its SVM). Each has a
// 32-row explanation background, as TrainingJob gives it; the svm and the ensembles are timed over
// 300 calls (their reasons take milliseconds), the others over 2000.
#include "common/atomic_file.h"
#include "data/csv_writer.h"
#include "data/dataset_reader.h"
#include "explain/batch_scorer.h"
#include "explain/scorer.h"
#include "features/feature_pipeline.h"
#include "models/calibration.h"
#include "models/classifier.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

using namespace credit::core;
using Clock = std::chrono::steady_clock;

namespace {

std::shared_ptr<const TrainedModel> fitChain(const Dataset& data, const std::string& algorithm)
{
    auto pipeline = std::make_shared<FeaturePipeline>();
    pipeline->fit(data, {});
    const Matrix x = pipeline->transform(data);
    const bool trees = algorithm == "vote-trees";
    const bool ensemble = algorithm == "vote" || algorithm == "stack" || trees;
    std::shared_ptr<Classifier> classifier = createClassifier(ensemble ? "ensemble" : algorithm);
    if (ensemble) {
        classifier->setParams({{"method", trees ? std::string("vote") : algorithm}});
    }
    if (trees) {
        classifier->setParams({{"members", std::string("lr,rf,gbdt")}});
    }
    classifier->fit(x, data.labels(), FitOptions{});
    auto calibrator = std::make_shared<Calibrator>(CalibrationParams{});
    const Vector raw = classifier->predictProba(x);
    calibrator->fit(std::span<const double>(raw.data(), std::size_t(raw.size())), data.labels());
    return std::make_shared<const TrainedModel>(
        pipeline, classifier, calibrator,
        ExplanationBackground::draw(*pipeline, data, {}, ExplanationBackground::kDefaultRows, 42));
}

double medianMicros(std::vector<double>& samples)
{
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
}

} // namespace

int main(int argc, char** argv)
{
    const std::size_t batchRows = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000;
    const int threads = argc > 2 ? std::atoi(argv[2]) : 2;
    const Dataset data = readDataset(std::string(CREDIT_DATA_DIR) + "/credit-g.arff").dataset;
    std::vector<Applicant> applicants(data.rowCount());
    for (std::size_t r = 0; r < data.rowCount(); ++r) {
        for (std::size_t c : data.schema().featureIndices()) {
            applicants[r][data.column(c).name()] = data.column(c).text(r);
        }
    }
    ScoringSettings settings;
    for (std::size_t c : data.schema().featureIndices()) {
        settings.fields.push_back(data.schema().columns[c]);
    }
    settings.policy.threshold = 1.0 / 6.0;
    settings.policy.sampleBadRate = 0.3;
    settings.policy.populationBadRate = 0.05;

    std::printf("single applicant, median of 2000 calls (300 for svm, vote, stack; German "
                "Credit rows)\n");
    std::printf("%-10s %14s %14s %14s\n", "model", "probability", "with reasons", "validate");
    const bool batchOnly = argc > 3 && std::string(argv[3]) == "batch";
    std::vector<std::string> batchModels;
    {
        const std::string list = argc > 4 ? argv[4] : "lr";
        std::size_t from = 0;
        while (from <= list.size()) {
            const std::size_t comma = std::min(list.find(',', from), list.size());
            if (comma > from) {
                batchModels.push_back(list.substr(from, comma - from));
            }
            from = comma + 1;
        }
    }
    std::vector<std::string> algorithms =
        batchOnly ? std::vector<std::string>{"lr"} : std::vector<std::string>{"lr", "gbdt", "rf"};
    for (const std::string& name : batchModels) {
        if (std::find(algorithms.begin(), algorithms.end(), name) == algorithms.end()) {
            algorithms.push_back(name);
        }
    }
    std::map<std::string, std::shared_ptr<const TrainedModel>> models;
    for (const std::string& algorithm : algorithms) {
        const auto model = fitChain(data, algorithm);
        models[algorithm] = model;
        const Scorer scorer(model, settings);
        std::vector<double> probability;
        std::vector<double> full;
        std::vector<double> validate;
        double sink = 0.0;
        const bool slow = algorithm == "svm" || algorithm == "vote" || algorithm == "stack";
        // vote-trees is timed over 2000 calls like the fast models.
        for (std::size_t i = 0; i < (slow ? 300 : 2000); ++i) {
            const Applicant& a = applicants[i % applicants.size()];
            auto t0 = Clock::now();
            sink += scorer.probability(a);
            auto t1 = Clock::now();
            const ScoreResult r = scorer.score(a);
            auto t2 = Clock::now();
            sink += double(scorer.validate(a).size());
            auto t3 = Clock::now();
            sink += r.points;
            probability.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
            full.push_back(std::chrono::duration<double, std::micro>(t2 - t1).count());
            validate.push_back(std::chrono::duration<double, std::micro>(t3 - t2).count());
        }
        std::printf("%-10s %11.1f µs %11.1f µs %11.1f µs   (checksum %.3f; reasons by %s)\n",
                    algorithm.c_str(), medianMicros(probability), medianMicros(full),
                    medianMicros(validate), sink,
                    explanationMethodName(scorer.explainer().method()).c_str());
    }

    if (batchRows == 0) {
        return 0;
    }
    const auto dir = std::filesystem::temp_directory_path();
    const std::string input = (dir / "bench_scoring_in.csv").string();
    const std::string output = (dir / "bench_scoring_out.csv").string();
    {
        std::vector<std::size_t> rows(batchRows);
        for (std::size_t i = 0; i < batchRows; ++i) {
            rows[i] = i % data.rowCount();
        }
        writeCsv(data.subset(rows), input);
    }
    for (const std::string& algorithm : batchModels) {
        std::printf("\nbatch: %zu rows, CSV %.0f MB, %d thread(s), %s, 3 reasons\n", batchRows,
                    double(std::filesystem::file_size(input)) / 1e6, threads, algorithm.c_str());
        const Scorer scorer(models.at(algorithm), settings);
        BatchScoreParams params;
        params.inputPath = input;
        params.outputPath = output;
        params.threads = threads;
        const std::clock_t cpu0 = std::clock();
        const BatchScoreResult result = BatchScorer(scorer, params).run();
        const double cpu = double(std::clock() - cpu0) / CLOCKS_PER_SEC;
        std::printf("scored %zu rows in %.2f s wall, %.2f s CPU (%.0f rows/s), output %.0f MB\n",
                    result.scored, result.seconds, cpu, double(result.scored) / result.seconds,
                    double(std::filesystem::file_size(output)) / 1e6);
    }
    std::filesystem::remove(input);
    std::filesystem::remove(output);
    return 0;
}
