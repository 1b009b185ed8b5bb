// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
//
// Speed and memory of the single models, and a quick cross-validated AUC on credit-g.
//
//   bench_models                      every case below, each in this process (see VmHWM note)
//   bench_models lr100k | lr1m | gbdt1m | rf1m | latency
//   bench_models cv [algorithm] [repeats] [name=value ...]   5-fold CV AUC on credit-g
//   bench_models fit <algorithm> <rows> [threads=N] [name=value ...]   one fit, synthetic rows
//
// Peak memory is the process's VmHWM from /proc/self/status; it never goes down, so run the
// large cases one per process (as scripts do) to get per-case figures. Timings are medians of
// three runs (one for the 1M-row cases, which take seconds each).
#include "data/dataset_reader.h"
#include "features/feature_pipeline.h"
#include "models/classifier.h"
#include "models/logistic_regression.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <numeric>
#include <random>
#include <string>
#include <vector>

using namespace credit::core;

namespace {

using Clock = std::chrono::steady_clock;

double seconds(Clock::time_point since)
{
    return std::chrono::duration<double>(Clock::now() - since).count();
}

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           1e-6 * double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
}

double vmHwmMb()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0) {
            return std::stod(line.substr(6)) / 1024.0;
        }
    }
    return 0.0;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// German-Credit-shaped applicants: 7 numeric and 13 categorical columns with credit-g's level
// counts, and a target drawn from a plausible logit (about 30 % bad).
Dataset germanLike(std::size_t rows, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal;
    std::uniform_real_distribution<double> uniform;
    const std::vector<std::pair<std::string, int>> categoricals = {{"checking_status", 4},
                                                                   {"credit_history", 5},
                                                                   {"purpose", 10},
                                                                   {"savings_status", 5},
                                                                   {"employment", 5},
                                                                   {"personal_status", 5},
                                                                   {"other_parties", 3},
                                                                   {"property_magnitude", 4},
                                                                   {"other_payment_plans", 3},
                                                                   {"housing", 3},
                                                                   {"job", 4},
                                                                   {"own_telephone", 2},
                                                                   {"foreign_worker", 2}};
    std::vector<Column> columns;
    auto numericColumn = [&](const char* name) {
        Column c;
        c.schema.name = name;
        c.numeric.resize(rows);
        columns.push_back(std::move(c));
        return columns.size() - 1;
    };
    const std::size_t duration = numericColumn("duration");
    const std::size_t amount = numericColumn("credit_amount");
    const std::size_t instalment = numericColumn("installment_commitment");
    const std::size_t residence = numericColumn("residence_since");
    const std::size_t age = numericColumn("age");
    const std::size_t credits = numericColumn("existing_credits");
    const std::size_t dependents = numericColumn("num_dependents");
    std::vector<std::vector<double>> levelEffect;
    for (const auto& [name, levels] : categoricals) {
        Column c;
        c.schema.name = name;
        c.schema.type = ColumnType::Categorical;
        std::vector<double> effect;
        for (int l = 0; l < levels; ++l) {
            c.schema.levels.push_back(name.substr(0, 3) + std::to_string(l));
            effect.push_back(0.6 * normal(rng));
        }
        c.codes.resize(rows);
        levelEffect.push_back(std::move(effect));
        columns.push_back(std::move(c));
    }
    Column target;
    target.schema.name = "class";
    target.schema.type = ColumnType::Categorical;
    target.schema.levels = {"good", "bad"};
    target.codes.resize(rows);
    for (std::size_t r = 0; r < rows; ++r) {
        const double d = std::clamp(std::round(std::exp(2.9 + 0.5 * normal(rng))), 4.0, 72.0);
        const double a = std::clamp(std::round(std::exp(7.8 + 0.7 * normal(rng))), 250.0, 18500.0);
        const double years =
            std::clamp(std::round(19.0 + 40.0 * std::pow(uniform(rng), 1.6)), 19.0, 75.0);
        columns[duration].numeric[r] = d;
        columns[amount].numeric[r] = a;
        columns[instalment].numeric[r] = 1.0 + std::floor(4.0 * uniform(rng));
        columns[residence].numeric[r] = 1.0 + std::floor(4.0 * uniform(rng));
        columns[age].numeric[r] = years;
        columns[credits].numeric[r] = 1.0 + std::floor(2.0 * uniform(rng) * uniform(rng) * 2.0);
        columns[dependents].numeric[r] = uniform(rng) < 0.15 ? 2.0 : 1.0;
        double eta = -1.3 + 0.03 * (d - 20.0) + 0.15 * std::log(a / 2500.0) - 0.02 * (years - 35.0);
        for (std::size_t k = 0; k < categoricals.size(); ++k) {
            const int levels = categoricals[k].second;
            // Skewed level frequencies, like real categorical data.
            const int code =
                std::min(levels - 1, int(std::floor(levels * std::pow(uniform(rng), 1.5))));
            columns[7 + k].codes[r] = code;
            eta += levelEffect[k][std::size_t(code)];
        }
        target.codes[r] = uniform(rng) < 1.0 / (1.0 + std::exp(-eta)) ? 1 : 0;
    }
    columns.push_back(std::move(target));
    return Dataset::create(std::move(columns), TargetSpec{});
}

struct Design
{
    Matrix x;
    std::vector<std::uint8_t> y;
    FeaturePipeline pipeline;
};

// Builds the design matrix chunk by chunk, so that the peak holds X plus one chunk of raw
// rows (the pipeline is fitted on the first chunk).
Design buildDesign(std::size_t rows, std::uint64_t seed)
{
    constexpr std::size_t kChunk = 100000;
    FeatureOptions options;
    options.durationAgeBand = false; // ~64 features, as with credit-g's one-hot encoding
    Design design;
    for (std::size_t start = 0; start < rows; start += kChunk) {
        const std::size_t n = std::min(kChunk, rows - start);
        const Dataset chunk = germanLike(n, seed + start);
        if (start == 0) {
            design.pipeline.fit(chunk, {}, options);
            design.x.resize(Eigen::Index(rows), Eigen::Index(design.pipeline.featureCount()));
        }
        design.x.middleRows(Eigen::Index(start), Eigen::Index(n)) =
            design.pipeline.transform(chunk);
        design.y.insert(design.y.end(), chunk.labels().begin(), chunk.labels().end());
    }
    return design;
}

void fitCase(const char* label, const std::string& algorithm, const ParamMap& params,
             std::size_t rows, int runs, int threads)
{
    const double before = vmHwmMb();
    Design design = buildDesign(rows, 1);
    const double withData = vmHwmMb();
    std::vector<double> times;
    std::vector<double> cpu;
    std::string extra;
    for (int run = 0; run < runs; ++run) {
        auto model = createClassifier(algorithm);
        model->setParams(params);
        FitOptions options;
        options.threads = threads;
        options.seed = 7 + std::uint64_t(run);
        const auto start = Clock::now();
        const double cpuStart = cpuSeconds();
        model->fit(design.x, design.y, options);
        times.push_back(seconds(start));
        cpu.push_back(cpuSeconds() - cpuStart);
        if (const auto* lr = dynamic_cast<const LogisticRegression*>(model.get())) {
            extra = ", " + std::to_string(lr->iterations()) + " Newton iterations";
        }
    }
    // CPU time is reported too: on a shared machine the wall time includes waiting for a core.
    std::printf("%-22s %8zu rows x %2td features  fit %7.3f s wall, %7.3f s CPU (median of %d, "
                "%d threads%s)  VmHWM %4.0f MB (before data %3.0f, data+X %4.0f, fit adds %4.0f)\n",
                label, rows, design.x.cols(), median(times), median(cpu), runs, threads,
                extra.c_str(), vmHwmMb(), before, withData, vmHwmMb() - withData);
    std::fflush(stdout);
}

Dataset creditG()
{
    return readDataset(std::string(CREDIT_DATA_DIR) + "/credit-g.arff").dataset;
}

std::map<std::string, std::string> applicantOf(const Dataset& data, std::size_t row)
{
    std::map<std::string, std::string> values;
    for (std::size_t c = 0; c < data.columnCount(); ++c) {
        if (c != data.schema().targetIndex) {
            values[data.column(c).name()] = data.column(c).text(row);
        }
    }
    return values;
}

void latencyCase()
{
    const Dataset data = creditG();
    FeaturePipeline pipeline;
    pipeline.fit(data, {});
    const Matrix x = pipeline.transform(data);
    std::vector<std::map<std::string, std::string>> applicants;
    for (std::size_t r = 0; r < 100; ++r) {
        applicants.push_back(applicantOf(data, r));
    }
    for (const std::string algorithm : {"lr", "rf", "gbdt", "svm", "ensemble"}) {
        auto model = createClassifier(algorithm);
        FitOptions options;
        options.threads = 2;
        model->fit(x, data.labels(), options);
        constexpr int kCalls = 10000;
        std::vector<double> runs;
        double sink = 0.0;
        for (int run = 0; run < 3; ++run) {
            std::vector<double> each;
            each.reserve(kCalls);
            for (int i = 0; i < kCalls; ++i) {
                const auto start = Clock::now();
                const Matrix row = pipeline.transformOne(applicants[std::size_t(i) % 100]);
                sink += model->predictProba(row)[0];
                each.push_back(seconds(start) * 1e6);
            }
            runs.push_back(median(each));
        }
        std::printf("%-28s single applicant (pipeline + %s): median %7.1f us  (%d calls x 3; "
                    "checksum %.3f)\n",
                    ("latency " + algorithm).c_str(), algorithm.c_str(), median(runs), kCalls,
                    sink);
        std::fflush(stdout);
    }
}

double auc(const Vector& score, const std::vector<std::uint8_t>& y)
{
    std::vector<std::size_t> order(y.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return score[Eigen::Index(a)] < score[Eigen::Index(b)];
    });
    double rankSum = 0.0;
    double positives = 0.0;
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j < order.size() && score[Eigen::Index(order[j])] == score[Eigen::Index(order[i])]) {
            ++j;
        }
        for (std::size_t k = i; k < j; ++k) {
            if (y[order[k]]) {
                rankSum += 0.5 * double(i + j + 1);
                positives += 1.0;
            }
        }
        i = j;
    }
    const double negatives = double(y.size()) - positives;
    return (rankSum - positives * (positives + 1.0) / 2.0) / (positives * negatives);
}

ParamValue parseValue(const std::string& text)
{
    if (text == "true" || text == "false") {
        return text == "true";
    }
    char* end = nullptr;
    const long long i = std::strtoll(text.c_str(), &end, 10);
    if (*end == '\0') {
        return std::int64_t(i);
    }
    const double d = std::strtod(text.c_str(), &end);
    if (*end == '\0') {
        return d;
    }
    return text;
}

// Repeated stratified 5-fold CV on credit-g: the pipeline is fitted on each training fold.
void cvCase(const std::vector<std::string>& algorithms, int repeats, const ParamMap& params)
{
    const Dataset data = creditG();
    const auto& y = data.labels();
    for (const std::string& algorithm : algorithms) {
        std::vector<double> aucs;
        const auto start = Clock::now();
        for (int rep = 0; rep < repeats; ++rep) {
            std::mt19937_64 rng(1000 + std::uint64_t(rep));
            std::vector<std::size_t> fold(y.size());
            for (std::uint8_t cls : {std::uint8_t(0), std::uint8_t(1)}) {
                std::vector<std::size_t> members;
                for (std::size_t i = 0; i < y.size(); ++i) {
                    if (y[i] == cls) {
                        members.push_back(i);
                    }
                }
                std::shuffle(members.begin(), members.end(), rng);
                for (std::size_t j = 0; j < members.size(); ++j) {
                    fold[members[j]] = j % 5;
                }
            }
            for (std::size_t f = 0; f < 5; ++f) {
                std::vector<std::size_t> train;
                std::vector<std::size_t> test;
                for (std::size_t i = 0; i < y.size(); ++i) {
                    (fold[i] == f ? test : train).push_back(i);
                }
                FeaturePipeline pipeline;
                pipeline.fit(data, train);
                std::vector<std::uint8_t> yTrain;
                std::vector<std::uint8_t> yTest;
                for (std::size_t i : train) {
                    yTrain.push_back(y[i]);
                }
                for (std::size_t i : test) {
                    yTest.push_back(y[i]);
                }
                auto model = createClassifier(algorithm);
                model->setParams(params);
                FitOptions options;
                options.threads = 1;
                options.seed = 42 + f;
                options.featureNames = pipeline.featureNames();
                model->fit(pipeline.transform(data, train), yTrain, options);
                aucs.push_back(auc(model->predictProba(pipeline.transform(data, test)), yTest));
            }
        }
        const double mean = std::accumulate(aucs.begin(), aucs.end(), 0.0) / double(aucs.size());
        double ss = 0.0;
        for (double a : aucs) {
            ss += (a - mean) * (a - mean);
        }
        std::printf("cv %-10s AUC %.4f (sd %.4f over %zu folds, %dx5-fold)  %.1f s\n",
                    algorithm.c_str(), mean, std::sqrt(ss / double(aucs.size() - 1)), aucs.size(),
                    repeats, seconds(start));
        std::fflush(stdout);
    }
}

} // namespace

int main(int argc, char** argv)
{
    const std::vector<std::string> args(argv + 1, argv + argc);
    const std::string which = args.empty() ? "all" : args[0];
    try {
        if (which == "cv") {
            std::vector<std::string> algorithms = {"lr", "rf", "gbdt", "svm", "ensemble"};
            int repeats = 2;
            ParamMap params;
            for (std::size_t i = 1; i < args.size(); ++i) {
                const auto eq = args[i].find('=');
                if (eq != std::string::npos) {
                    params[args[i].substr(0, eq)] = parseValue(args[i].substr(eq + 1));
                } else if (std::isdigit(static_cast<unsigned char>(args[i][0]))) {
                    repeats = std::stoi(args[i]);
                } else {
                    algorithms = {args[i]};
                }
            }
            cvCase(algorithms, repeats, params);
            return 0;
        }
        if (which == "fit" && args.size() >= 3) {
            // bench_models fit <algorithm> <rows> [threads=N] [name=value ...]
            ParamMap params;
            int threads = 2;
            for (std::size_t i = 3; i < args.size(); ++i) {
                const auto eq = args[i].find('=');
                if (eq == std::string::npos) {
                    continue;
                }
                if (args[i].substr(0, eq) == "threads") {
                    threads = std::stoi(args[i].substr(eq + 1));
                } else {
                    params[args[i].substr(0, eq)] = parseValue(args[i].substr(eq + 1));
                }
            }
            fitCase(("fit " + args[1]).c_str(), args[1], params, std::stoul(args[2]), 1, threads);
            return 0;
        }
        std::printf("case                         figures\n");
        if (which == "all" || which == "lr100k") {
            fitCase("lr fit 100k", "lr", {}, 100000, 3, 2);
        }
        if (which == "all" || which == "lr1m") {
            fitCase("lr fit 1M", "lr", {}, 1000000, 3, 2);
        }
        if (which == "all" || which == "gbdt1m") {
            fitCase("gbdt 100 rounds 1M", "gbdt",
                    {{"n_rounds", std::int64_t(100)}, {"early_stopping_rounds", std::int64_t(0)}},
                    1000000, 1, 2);
        }
        if (which == "all" || which == "rf1m") {
            fitCase("rf 100 trees 1M", "rf",
                    {{"n_trees", std::int64_t(100)}, {"max_depth", std::int64_t(8)}}, 1000000, 1,
                    2);
        }
        if (which == "all" || which == "latency") {
            latencyCase();
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_models: %s\n", e.what());
        return 1;
    }
    return 0;
}
