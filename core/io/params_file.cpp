// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "io/params_file.h"

#include "common/atomic_file.h"
#include "data/data_error.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

namespace credit::core {
namespace {

/// Walks the YAML tree with the file name at hand, so every refusal names file, line and key.
class YamlReader
{
public:
    explicit YamlReader(std::string file) : m_file(std::move(file)) {}

    [[noreturn]] void fail(const YAML::Node& node, const std::string& path,
                           const std::string& detail) const
    {
        const YAML::Mark mark = node.Mark();
        const std::size_t line = mark.line >= 0 ? static_cast<std::size_t>(mark.line) + 1 : 0;
        throw DataError(m_file, line, path, detail);
    }

    void requireMap(const YAML::Node& node, const std::string& path) const
    {
        if (!node.IsMap()) {
            fail(node, path, "expected a mapping of keys");
        }
    }

    /// Refuses keys not in `allowed`, naming the closest legal spellings.
    void checkKeys(const YAML::Node& node, const std::string& path,
                   const std::vector<std::string>& allowed) const
    {
        requireMap(node, path);
        for (const auto& entry : node) {
            const std::string key = entry.first.as<std::string>();
            if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
                std::string known;
                for (const std::string& a : allowed) {
                    known += (known.empty() ? "" : ", ") + a;
                }
                fail(entry.first, join(path, key), "unknown key (allowed: " + known + ")");
            }
        }
    }

    static std::string join(const std::string& path, const std::string& key)
    {
        return path.empty() ? key : path + "." + key;
    }

    template <typename T>
    T scalar(const YAML::Node& node, const std::string& path, const char* expected) const
    {
        if (!node.IsScalar()) {
            fail(node, path, std::string("expected ") + expected);
        }
        try {
            return node.as<T>();
        } catch (const YAML::Exception&) {
            fail(node, path, std::string("expected ") + expected + ", got '" + node.Scalar() + "'");
        }
    }

    std::string text(const YAML::Node& node, const std::string& path) const
    {
        return scalar<std::string>(node, path, "a text");
    }
    bool flag(const YAML::Node& node, const std::string& path) const
    {
        return scalar<bool>(node, path, "true or false");
    }
    double number(const YAML::Node& node, const std::string& path, double low, double high) const
    {
        const double v = scalar<double>(node, path, "a number");
        if (!std::isfinite(v) || v < low || v > high) {
            std::ostringstream out;
            out << "must lie in [" << low << ", " << high << "], got " << node.Scalar();
            fail(node, path, out.str());
        }
        return v;
    }
    long long integer(const YAML::Node& node, const std::string& path, long long low,
                      long long high) const
    {
        const long long v = scalar<long long>(node, path, "an integer");
        if (v < low || v > high) {
            fail(node, path,
                 "must lie in [" + std::to_string(low) + ", " + std::to_string(high) + "], got " +
                     node.Scalar());
        }
        return v;
    }

    const std::string& file() const { return m_file; }

private:
    std::string m_file;
};

const std::vector<std::string> kTopKeys{"train", "preprocessing", "hyperparameter_tuning",
                                        "monitoring"};
const std::vector<std::string> kTrainKeys{"target",
                                          "positive",
                                          "algorithms",
                                          "folds",
                                          "repeats",
                                          "seed",
                                          "threads",
                                          "objective",
                                          "calibration",
                                          "nested",
                                          "nested_inner_folds",
                                          "cost",
                                          "threshold_rule"};
const std::vector<std::string> kCostKeys{"bad_accepted", "good_rejected", "bad_rejected",
                                         "good_accepted"};
const std::vector<std::string> kPreprocessingKeys{
    "encoding",      "drop_reference_level", "standardize",    "missing_flags",
    "woe_smoothing", "monthly_instalment",   "amount_per_age", "duration_age_band",
    "amount_column", "duration_column",      "age_column"};
const std::vector<std::string> kTuningKeys{"trials", "spaces", "fixed"};
const std::vector<std::string> kMonitoringKeys{
    "psi_bins",  "psi_warning", "psi_alert", "csi_warning",
    "csi_alert", "log",         "inputs",    "performance_threshold"};

/// A parameter value of the type the classifier's default has (a real also takes an integer).
ParamValue paramValue(const YamlReader& y, const YAML::Node& node, const std::string& path,
                      const ParamValue& like)
{
    if (std::holds_alternative<double>(like)) {
        const double v = y.scalar<double>(node, path, "a number");
        if (!std::isfinite(v)) {
            y.fail(node, path, "must be finite");
        }
        return v;
    }
    if (std::holds_alternative<std::int64_t>(like)) {
        return static_cast<std::int64_t>(y.scalar<long long>(node, path, "an integer"));
    }
    if (std::holds_alternative<bool>(like)) {
        return y.flag(node, path);
    }
    return y.text(node, path);
}

/// The defaults of `algorithm`'s classifier, or a refusal naming the key.
ParamMap classifierDefaults(const YamlReader& y, const YAML::Node& node, const std::string& path,
                            const std::string& algorithm)
{
    try {
        return createClassifier(algorithm)->params();
    } catch (const std::invalid_argument& error) {
        y.fail(node, path, error.what());
    }
}

const ParamValue& defaultOf(const YamlReader& y, const YAML::Node& node, const std::string& path,
                            const ParamMap& defaults, const std::string& algorithm,
                            const std::string& name)
{
    const auto it = defaults.find(name);
    if (it == defaults.end()) {
        std::string known;
        for (const auto& [n, v] : defaults) {
            known += (known.empty() ? "" : ", ") + n;
        }
        y.fail(node, path,
               "'" + algorithm + "' has no parameter '" + name + "' (known: " + known + ")");
    }
    return it->second;
}

void readTrain(const YamlReader& y, const YAML::Node& node, ParamsFile& out)
{
    const std::string p = "train";
    y.checkKeys(node, p, kTrainKeys);
    TrainingParams& t = out.training;
    if (const auto v = node["target"]) {
        out.target.column = y.text(v, p + ".target");
    }
    if (const auto v = node["positive"]) {
        out.target.positive = y.text(v, p + ".positive");
    }
    if (const auto v = node["algorithms"]) {
        if (!v.IsSequence() || v.size() == 0) {
            y.fail(v, p + ".algorithms", "expected a non-empty list such as [lr, rf]");
        }
        const std::vector<std::string> known = availableAlgorithms();
        t.algorithms.clear();
        for (std::size_t i = 0; i < v.size(); ++i) {
            const std::string path = p + ".algorithms[" + std::to_string(i) + "]";
            const std::string name = y.text(v[i], path);
            if (std::find(known.begin(), known.end(), name) == known.end()) {
                std::string list;
                for (const std::string& k : known) {
                    list += (list.empty() ? "" : ", ") + k;
                }
                y.fail(v[i], path, "unknown algorithm '" + name + "' (known: " + list + ")");
            }
            if (std::find(t.algorithms.begin(), t.algorithms.end(), name) != t.algorithms.end()) {
                y.fail(v[i], path, "algorithm '" + name + "' is listed twice");
            }
            t.algorithms.push_back(name);
        }
    }
    if (const auto v = node["folds"]) {
        t.folds = static_cast<std::size_t>(y.integer(v, p + ".folds", 2, 100));
    }
    if (const auto v = node["repeats"]) {
        t.repeats = static_cast<std::size_t>(y.integer(v, p + ".repeats", 1, 100));
    }
    if (const auto v = node["seed"]) {
        t.seed = static_cast<std::uint64_t>(
            y.integer(v, p + ".seed", 0, std::numeric_limits<long long>::max()));
    }
    if (const auto v = node["threads"]) {
        t.threads = static_cast<int>(y.integer(v, p + ".threads", 0, 1024));
    }
    if (const auto v = node["objective"]) {
        try {
            t.objective = parseSearchObjective(y.text(v, p + ".objective"));
        } catch (const std::invalid_argument& error) {
            y.fail(v, p + ".objective", error.what());
        }
    }
    if (const auto v = node["calibration"]) {
        try {
            t.calibration = parseCalibrationMethod(y.text(v, p + ".calibration"));
        } catch (const std::invalid_argument& error) {
            y.fail(v, p + ".calibration", error.what());
        }
    }
    if (const auto v = node["nested"]) {
        t.nested = y.flag(v, p + ".nested");
    }
    if (const auto v = node["threshold_rule"]) {
        const std::string rule = y.text(v, p + ".threshold_rule");
        if (rule == "platt_bayes") {
            t.thresholdRule = ThresholdRule::PlattBayes;
        } else if (rule == "empirical") {
            t.thresholdRule = ThresholdRule::Empirical;
        } else {
            y.fail(v, p + ".threshold_rule",
                   "expected platt_bayes or empirical, got '" + rule + "'");
        }
    }
    if (const auto v = node["nested_inner_folds"]) {
        t.nestedInnerFolds =
            static_cast<std::size_t>(y.integer(v, p + ".nested_inner_folds", 2, 20));
    }
    if (const auto v = node["cost"]) {
        const std::string c = p + ".cost";
        y.checkKeys(v, c, kCostKeys);
        const double big = 1e9;
        if (const auto w = v["bad_accepted"]) {
            t.costs.badAccepted = y.number(w, c + ".bad_accepted", -big, big);
        }
        if (const auto w = v["good_rejected"]) {
            t.costs.goodRejected = y.number(w, c + ".good_rejected", -big, big);
        }
        if (const auto w = v["bad_rejected"]) {
            t.costs.badRejected = y.number(w, c + ".bad_rejected", -big, big);
        }
        if (const auto w = v["good_accepted"]) {
            t.costs.goodAccepted = y.number(w, c + ".good_accepted", -big, big);
        }
        const std::vector<std::string> problems = t.costs.validate();
        if (!problems.empty()) {
            y.fail(v, c, problems.front());
        }
    }
}

void readPreprocessing(const YamlReader& y, const YAML::Node& node, FeatureOptions& f)
{
    const std::string p = "preprocessing";
    y.checkKeys(node, p, kPreprocessingKeys);
    if (const auto v = node["encoding"]) {
        const std::string e = y.text(v, p + ".encoding");
        if (e == "onehot" || e == "one-hot" || e == "one_hot") {
            f.encoding = CategoricalEncoding::OneHot;
        } else if (e == "woe") {
            f.encoding = CategoricalEncoding::Woe;
        } else {
            y.fail(v, p + ".encoding", "expected onehot or woe, got '" + e + "'");
        }
    }
    auto flagKey = [&](const char* key, bool& field) {
        if (const auto v = node[key]) {
            field = y.flag(v, p + "." + key);
        }
    };
    flagKey("drop_reference_level", f.dropReferenceLevel);
    flagKey("standardize", f.standardize);
    flagKey("missing_flags", f.missingFlags);
    flagKey("monthly_instalment", f.monthlyInstalment);
    flagKey("amount_per_age", f.amountPerAge);
    flagKey("duration_age_band", f.durationAgeBand);
    if (const auto v = node["woe_smoothing"]) {
        f.woeSmoothing = y.number(v, p + ".woe_smoothing", 0.0, 100.0);
    }
    auto textKey = [&](const char* key, std::string& field) {
        if (const auto v = node[key]) {
            field = y.text(v, p + "." + key);
        }
    };
    textKey("amount_column", f.amountColumn);
    textKey("duration_column", f.durationColumn);
    textKey("age_column", f.ageColumn);
    const std::vector<std::string> problems = f.validate();
    if (!problems.empty()) {
        y.fail(node, p, problems.front());
    }
}

ParamRange readRange(const YamlReader& y, const YAML::Node& node, const std::string& path,
                     const std::string& name, const ParamValue& like)
{
    y.checkKeys(node, path, {"kind", "low", "high", "choices"});
    ParamRange range;
    range.name = name;
    if (!node["kind"]) {
        y.fail(node, path, "missing 'kind' (uniform, log-uniform, integer, integer-log, choice)");
    }
    try {
        range.kind = parseParamKind(y.text(node["kind"], path + ".kind"));
    } catch (const std::invalid_argument& error) {
        y.fail(node["kind"], path + ".kind", error.what());
    }
    if (range.kind == ParamKind::Choice) {
        const YAML::Node choices = node["choices"];
        if (!choices || !choices.IsSequence() || choices.size() == 0) {
            y.fail(node, path + ".choices", "a choice needs a non-empty list 'choices'");
        }
        for (std::size_t i = 0; i < choices.size(); ++i) {
            range.choices.push_back(
                paramValue(y, choices[i], path + ".choices[" + std::to_string(i) + "]", like));
        }
        return range;
    }
    if (node["choices"]) {
        y.fail(node["choices"], path + ".choices", "only a 'choice' takes choices");
    }
    const bool integral = range.kind == ParamKind::Integer || range.kind == ParamKind::IntegerLog;
    if (integral && !std::holds_alternative<std::int64_t>(like)) {
        y.fail(node["kind"], path + ".kind", "'" + name + "' is not an integer parameter");
    }
    if (!integral && !std::holds_alternative<double>(like)) {
        y.fail(node["kind"], path + ".kind", "'" + name + "' is not a real parameter");
    }
    for (const char* key : {"low", "high"}) {
        if (!node[key]) {
            y.fail(node, path, std::string("missing '") + key + "'");
        }
    }
    range.low = y.number(node["low"], path + ".low", -1e300, 1e300);
    range.high = y.number(node["high"], path + ".high", -1e300, 1e300);
    SearchSpace check;
    check.algorithm = "";
    check.params.push_back(range);
    const std::vector<std::string> problems = check.validate();
    if (!problems.empty()) {
        y.fail(node, path, problems.front().substr(problems.front().find(": ") + 2));
    }
    return range;
}

void readTuning(const YamlReader& y, const YAML::Node& node, TrainingParams& t)
{
    const std::string p = "hyperparameter_tuning";
    y.checkKeys(node, p, kTuningKeys);
    if (const auto v = node["trials"]) {
        t.trials = static_cast<std::size_t>(y.integer(v, p + ".trials", 1, 10000));
    }
    if (const auto spaces = node["spaces"]) {
        y.requireMap(spaces, p + ".spaces");
        for (const auto& entry : spaces) {
            const std::string algorithm = entry.first.as<std::string>();
            const std::string path = p + ".spaces." + algorithm;
            const ParamMap defaults = classifierDefaults(y, entry.first, path, algorithm);
            y.requireMap(entry.second, path);
            SearchSpace space = defaultSearchSpace(algorithm);
            for (const auto& dim : entry.second) {
                const std::string name = dim.first.as<std::string>();
                const std::string dimPath = path + "." + name;
                const ParamValue& like =
                    defaultOf(y, dim.first, dimPath, defaults, algorithm, name);
                ParamRange range = readRange(y, dim.second, dimPath, name, like);
                const auto it = std::find_if(space.params.begin(), space.params.end(),
                                             [&](const ParamRange& r) { return r.name == name; });
                if (it != space.params.end()) {
                    *it = std::move(range);
                } else {
                    space.params.push_back(std::move(range));
                }
            }
            t.spaces[algorithm] = std::move(space);
        }
    }
    if (const auto fixed = node["fixed"]) {
        y.requireMap(fixed, p + ".fixed");
        for (const auto& entry : fixed) {
            const std::string algorithm = entry.first.as<std::string>();
            const std::string path = p + ".fixed." + algorithm;
            const ParamMap defaults = classifierDefaults(y, entry.first, path, algorithm);
            y.requireMap(entry.second, path);
            ParamMap values;
            for (const auto& kv : entry.second) {
                const std::string name = kv.first.as<std::string>();
                const std::string keyPath = path + "." + name;
                const ParamValue& like = defaultOf(y, kv.first, keyPath, defaults, algorithm, name);
                values[name] = paramValue(y, kv.second, keyPath, like);
            }
            // Let the classifier judge the values as it will at fit time.
            std::unique_ptr<Classifier> classifier = createClassifier(algorithm);
            try {
                classifier->setParams(values);
            } catch (const std::invalid_argument& error) {
                y.fail(entry.second, path, error.what());
            }
            const std::vector<std::string> problems = classifier->validate();
            if (!problems.empty()) {
                y.fail(entry.second, path, problems.front());
            }
            t.baseParams[algorithm] = std::move(values);
        }
    }
}

void readMonitoring(const YamlReader& y, const YAML::Node& node, MonitoringSettings& m)
{
    const std::string p = "monitoring";
    y.checkKeys(node, p, kMonitoringKeys);
    if (const auto v = node["psi_bins"]) {
        m.psiBins = static_cast<std::size_t>(y.integer(v, p + ".psi_bins", 2, 100));
    }
    if (const auto v = node["psi_warning"]) {
        m.psiWarning = y.number(v, p + ".psi_warning", 0.0, 10.0);
    }
    if (const auto v = node["psi_alert"]) {
        m.psiAlert = y.number(v, p + ".psi_alert", 0.0, 10.0);
    }
    if (const auto v = node["csi_warning"]) {
        m.csiWarning = y.number(v, p + ".csi_warning", 0.0, 10.0);
    }
    if (const auto v = node["csi_alert"]) {
        m.csiAlert = y.number(v, p + ".csi_alert", 0.0, 10.0);
    }
    if (const auto v = node["log"]) {
        m.log = y.text(v, p + ".log");
    }
    if (const auto v = node["inputs"]) {
        try {
            m.inputs = parseInputStorage(y.text(v, p + ".inputs"));
        } catch (const std::invalid_argument& error) {
            y.fail(v, p + ".inputs", error.what());
        }
    }
    if (const auto v = node["performance_threshold"]) {
        m.performanceThreshold = y.number(v, p + ".performance_threshold", 0.0, 1.0);
    }
    if (m.psiAlert < m.psiWarning) {
        y.fail(node["psi_alert"] ? node["psi_alert"] : node, p + ".psi_alert",
               "must not be below psi_warning");
    }
    if (m.csiAlert < m.csiWarning) {
        y.fail(node["csi_alert"] ? node["csi_alert"] : node, p + ".csi_alert",
               "must not be below csi_warning");
    }
}

void emitValue(YAML::Emitter& e, const ParamValue& value)
{
    std::visit(
        [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::int64_t>) {
                e << static_cast<long long>(v);
            } else if constexpr (std::is_same_v<T, double>) {
                e << paramToString(ParamValue(v));
            } else {
                e << v;
            }
        },
        value);
}

} // namespace

ParamsFile ParamsFile::parse(std::string_view text, const std::string& sourceName)
{
    const YamlReader y(sourceName);
    YAML::Node root;
    try {
        root = YAML::Load(std::string(text));
    } catch (const YAML::Exception& error) {
        const std::size_t line = error.mark.line >= 0 ? std::size_t(error.mark.line) + 1 : 0;
        throw DataError(sourceName, line, "", "invalid YAML: " + error.msg);
    }
    ParamsFile out;
    if (root.IsNull()) {
        return out; // an empty file: every default
    }
    y.checkKeys(root, "", kTopKeys);
    if (const auto v = root["train"]) {
        readTrain(y, v, out);
    }
    if (const auto v = root["preprocessing"]) {
        readPreprocessing(y, v, out.training.features);
    }
    if (const auto v = root["hyperparameter_tuning"]) {
        readTuning(y, v, out.training);
    }
    if (const auto v = root["monitoring"]) {
        readMonitoring(y, v, out.monitoring);
    }
    const std::vector<std::string> problems = out.training.validate();
    if (!problems.empty()) {
        throw DataError(sourceName, 0, "train", problems.front());
    }
    return out;
}

ParamsFile ParamsFile::load(const std::string& path)
{
    return parse(readWholeFile(path), path);
}

std::string ParamsFile::toYaml() const
{
    const TrainingParams& t = training;
    const FeatureOptions& f = t.features;
    YAML::Emitter e;
    e << YAML::BeginMap;
    e << YAML::Key << "train" << YAML::Value << YAML::BeginMap;
    e << YAML::Key << "target" << YAML::Value << target.column;
    e << YAML::Key << "positive" << YAML::Value << target.positive;
    e << YAML::Key << "algorithms" << YAML::Value << YAML::Flow << t.algorithms;
    e << YAML::Key << "folds" << YAML::Value << static_cast<unsigned long long>(t.folds);
    e << YAML::Key << "repeats" << YAML::Value << static_cast<unsigned long long>(t.repeats);
    e << YAML::Key << "seed" << YAML::Value << static_cast<unsigned long long>(t.seed);
    e << YAML::Key << "threads" << YAML::Value << t.threads;
    e << YAML::Key << "objective" << YAML::Value << searchObjectiveName(t.objective);
    e << YAML::Key << "calibration" << YAML::Value << calibrationMethodName(t.calibration);
    e << YAML::Key << "nested" << YAML::Value << t.nested;
    e << YAML::Key << "threshold_rule" << YAML::Value
      << (t.thresholdRule == ThresholdRule::Empirical ? "empirical" : "platt_bayes");
    e << YAML::Key << "nested_inner_folds" << YAML::Value
      << static_cast<unsigned long long>(t.nestedInnerFolds);
    e << YAML::Key << "cost" << YAML::Value << YAML::BeginMap;
    e << YAML::Key << "bad_accepted" << YAML::Value << t.costs.badAccepted;
    e << YAML::Key << "good_rejected" << YAML::Value << t.costs.goodRejected;
    e << YAML::Key << "bad_rejected" << YAML::Value << t.costs.badRejected;
    e << YAML::Key << "good_accepted" << YAML::Value << t.costs.goodAccepted;
    e << YAML::EndMap << YAML::EndMap;

    e << YAML::Key << "preprocessing" << YAML::Value << YAML::BeginMap;
    e << YAML::Key << "encoding" << YAML::Value
      << (f.encoding == CategoricalEncoding::Woe ? "woe" : "onehot");
    e << YAML::Key << "drop_reference_level" << YAML::Value << f.dropReferenceLevel;
    e << YAML::Key << "standardize" << YAML::Value << f.standardize;
    e << YAML::Key << "missing_flags" << YAML::Value << f.missingFlags;
    e << YAML::Key << "woe_smoothing" << YAML::Value << f.woeSmoothing;
    e << YAML::Key << "monthly_instalment" << YAML::Value << f.monthlyInstalment;
    e << YAML::Key << "amount_per_age" << YAML::Value << f.amountPerAge;
    e << YAML::Key << "duration_age_band" << YAML::Value << f.durationAgeBand;
    e << YAML::Key << "amount_column" << YAML::Value << f.amountColumn;
    e << YAML::Key << "duration_column" << YAML::Value << f.durationColumn;
    e << YAML::Key << "age_column" << YAML::Value << f.ageColumn;
    e << YAML::EndMap;

    e << YAML::Key << "hyperparameter_tuning" << YAML::Value << YAML::BeginMap;
    e << YAML::Key << "trials" << YAML::Value << static_cast<unsigned long long>(t.trials);
    e << YAML::Key << "spaces" << YAML::Value << YAML::BeginMap;
    for (const auto& [algorithm, space] : t.spaces) {
        e << YAML::Key << algorithm << YAML::Value << YAML::BeginMap;
        for (const ParamRange& r : space.params) {
            e << YAML::Key << r.name << YAML::Value << YAML::Flow << YAML::BeginMap;
            e << YAML::Key << "kind" << YAML::Value << paramKindName(r.kind);
            if (r.kind == ParamKind::Choice) {
                e << YAML::Key << "choices" << YAML::Value << YAML::Flow << YAML::BeginSeq;
                for (const ParamValue& c : r.choices) {
                    emitValue(e, c);
                }
                e << YAML::EndSeq;
            } else {
                e << YAML::Key << "low" << YAML::Value << r.low;
                e << YAML::Key << "high" << YAML::Value << r.high;
            }
            e << YAML::EndMap;
        }
        e << YAML::EndMap;
    }
    e << YAML::EndMap;
    e << YAML::Key << "fixed" << YAML::Value << YAML::BeginMap;
    for (const auto& [algorithm, values] : t.baseParams) {
        e << YAML::Key << algorithm << YAML::Value << YAML::BeginMap;
        for (const auto& [name, value] : values) {
            e << YAML::Key << name << YAML::Value;
            emitValue(e, value);
        }
        e << YAML::EndMap;
    }
    e << YAML::EndMap << YAML::EndMap;

    e << YAML::Key << "monitoring" << YAML::Value << YAML::BeginMap;
    e << YAML::Key << "psi_bins" << YAML::Value
      << static_cast<unsigned long long>(monitoring.psiBins);
    e << YAML::Key << "psi_warning" << YAML::Value << monitoring.psiWarning;
    e << YAML::Key << "psi_alert" << YAML::Value << monitoring.psiAlert;
    e << YAML::Key << "csi_warning" << YAML::Value << monitoring.csiWarning;
    e << YAML::Key << "csi_alert" << YAML::Value << monitoring.csiAlert;
    e << YAML::Key << "log" << YAML::Value << monitoring.log;
    e << YAML::Key << "inputs" << YAML::Value << inputStorageName(monitoring.inputs);
    e << YAML::Key << "performance_threshold" << YAML::Value << monitoring.performanceThreshold;
    e << YAML::EndMap;
    e << YAML::EndMap;
    return std::string(e.c_str()) + "\n";
}

void ParamsFile::save(const std::string& path) const
{
    writeFileAtomically(path, toYaml());
}

} // namespace credit::core
