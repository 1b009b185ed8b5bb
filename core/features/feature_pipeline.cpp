// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "features/feature_pipeline.h"

#include "data/text_values.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace credit::core {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Raw categorical value of a level that the pipeline does not know (see transform()).
constexpr double kUnseen = -1.0;

const char* const kMonthlyInstalment = "monthly_instalment";
const char* const kAmountPerAge = "amount_per_age";
const char* const kDurationAgeBand = "duration_age_band";

const std::vector<std::string>& bandLevels()
{
    static const std::vector<std::string> levels = {"short/young",  "short/adult",  "short/senior",
                                                    "medium/young", "medium/adult", "medium/senior",
                                                    "long/young",   "long/adult",   "long/senior"};
    return levels;
}

// Index into bandLevels(), or NaN when an input is missing. Bands as documented in the header.
double bandCode(double duration, double age)
{
    if (std::isnan(duration) || std::isnan(age)) {
        return kNaN;
    }
    const int durationBand = duration <= 12.0 ? 0 : (duration <= 24.0 ? 1 : 2);
    const int ageBand = age < 25.0 ? 0 : (age < 40.0 ? 1 : 2);
    return double(durationBand * 3 + ageBand);
}

double ratio(double numerator, double denominator)
{
    if (std::isnan(numerator) || std::isnan(denominator) || denominator <= 0.0) {
        return kNaN;
    }
    return numerator / denominator;
}

// The dataset columns an attribute reads, resolved once per transform call.
struct Resolved
{
    std::vector<const Column*> inputs;
    std::vector<double> codeMap; ///< categorical: dataset/declared code → level index or kUnseen
    const Column* column = nullptr;
};

const Column& findColumn(const Dataset& data, const std::string& name, ColumnType type)
{
    const auto index = data.schema().indexOf(name);
    if (!index || *index == data.schema().targetIndex) {
        throw std::invalid_argument("column '" + name +
                                    "' needed by the feature pipeline is "
                                    "missing from '" +
                                    data.sourceName() + "'");
    }
    const Column& column = data.column(*index);
    if (column.type() != type) {
        throw std::invalid_argument("column '" + name + "' must be " +
                                    (type == ColumnType::Numeric ? "numeric" : "categorical"));
    }
    return column;
}

std::vector<double> codeMapFor(const std::vector<std::string>& from,
                               const std::unordered_map<std::string, std::size_t>& lookup)
{
    std::vector<double> map(from.size(), kUnseen);
    for (std::size_t i = 0; i < from.size(); ++i) {
        const auto it = lookup.find(from[i]);
        if (it != lookup.end()) {
            map[i] = double(it->second);
        }
    }
    return map;
}

// Raw values of one attribute for `rows`: numbers (NaN = missing) or level indices
// (NaN = missing, kUnseen = unknown level).
void rawValues(const AttributeStats& a, const Resolved& r, const std::vector<std::size_t>& rows,
               std::size_t n, double* out)
{
    auto rowAt = [&](std::size_t i) { return rows.empty() ? i : rows[i]; };
    if (a.origin == AttributeOrigin::Column) {
        if (a.type == ColumnType::Numeric) {
            const double* values = r.column->numeric.data();
            for (std::size_t i = 0; i < n; ++i) {
                out[i] = values[rowAt(i)];
            }
        } else {
            const std::int32_t* codes = r.column->codes.data();
            for (std::size_t i = 0; i < n; ++i) {
                const std::int32_t code = codes[rowAt(i)];
                out[i] = code == Column::kMissingCode ? kNaN : r.codeMap[std::size_t(code)];
            }
        }
        return;
    }
    const double* in0 = r.inputs[0]->numeric.data();
    const double* in1 = r.inputs[1]->numeric.data();
    if (a.type == ColumnType::Categorical) {
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t row = rowAt(i);
            const double code = bandCode(in0[row], in1[row]);
            out[i] = std::isnan(code) ? kNaN : r.codeMap[std::size_t(code)];
        }
    } else {
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t row = rowAt(i);
            out[i] = ratio(in0[row], in1[row]);
        }
    }
}

std::string numberText(double v)
{
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, v);
    return std::string(buffer, result.ptr);
}

} // namespace

std::vector<std::string> FeatureOptions::validate() const
{
    std::vector<std::string> messages;
    if (!(woeSmoothing >= 0.0 && woeSmoothing <= 100.0)) {
        messages.push_back("woeSmoothing must be in [0, 100]");
    }
    for (const auto* name : {&amountColumn, &durationColumn, &ageColumn}) {
        if (name->empty()) {
            messages.push_back("amountColumn, durationColumn and ageColumn must not be empty");
            break;
        }
    }
    return messages;
}

std::vector<std::string> FeaturePipeline::fit(const Dataset& data,
                                              const std::vector<std::size_t>& trainRows,
                                              const FeatureOptions& options)
{
    if (const auto messages = options.validate(); !messages.empty()) {
        throw std::invalid_argument("feature options: " + messages.front());
    }
    for (std::size_t r : trainRows) {
        if (r >= data.rowCount()) {
            throw std::invalid_argument("training row " + std::to_string(r) + " is out of range (" +
                                        std::to_string(data.rowCount()) + " rows)");
        }
    }
    const std::size_t n = trainRows.empty() ? data.rowCount() : trainRows.size();
    if (n == 0) {
        throw std::invalid_argument("the feature pipeline needs at least one training row");
    }
    std::vector<std::string> warnings;
    const Schema& schema = data.schema();

    // Candidate attributes: the dataset's feature columns, then the business variables.
    std::vector<AttributeStats> candidates;
    std::vector<Resolved> resolved;
    for (std::size_t c : schema.featureIndices()) {
        AttributeStats a;
        a.name = schema.columns[c].name;
        a.type = schema.columns[c].type;
        a.inputs = {a.name};
        Resolved r;
        r.column = &data.column(c);
        if (a.type == ColumnType::Categorical) {
            a.levels = schema.columns[c].levels;
            r.codeMap.resize(a.levels.size());
            for (std::size_t l = 0; l < a.levels.size(); ++l) {
                r.codeMap[l] = double(l);
            }
        }
        candidates.push_back(std::move(a));
        resolved.push_back(std::move(r));
    }
    auto addDerived = [&](bool enabled, const char* name, ColumnType type,
                          std::vector<std::string> inputs) {
        if (!enabled) {
            return;
        }
        if (schema.indexOf(name)) {
            warnings.push_back(std::string("business variable '") + name +
                               "' skipped: a column of that name already exists");
            return;
        }
        Resolved r;
        for (const std::string& input : inputs) {
            const auto index = schema.indexOf(input);
            if (!index || *index == schema.targetIndex ||
                schema.columns[*index].type != ColumnType::Numeric) {
                warnings.push_back(std::string("business variable '") + name +
                                   "' skipped: no numeric column '" + input + "'");
                return;
            }
            r.inputs.push_back(&data.column(*index));
        }
        AttributeStats a;
        a.name = name;
        a.type = type;
        a.origin = AttributeOrigin::Derived;
        a.inputs = std::move(inputs);
        if (type == ColumnType::Categorical) {
            a.levels = bandLevels();
            for (std::size_t l = 0; l < a.levels.size(); ++l) {
                r.codeMap.push_back(double(l));
            }
        }
        candidates.push_back(std::move(a));
        resolved.push_back(std::move(r));
    };
    addDerived(options.monthlyInstalment, kMonthlyInstalment, ColumnType::Numeric,
               {options.amountColumn, options.durationColumn});
    addDerived(options.amountPerAge, kAmountPerAge, ColumnType::Numeric,
               {options.amountColumn, options.ageColumn});
    addDerived(options.durationAgeBand, kDurationAgeBand, ColumnType::Categorical,
               {options.durationColumn, options.ageColumn});

    const std::vector<std::uint8_t>& labels = data.labels();
    std::vector<double> raw(n);
    std::vector<AttributeStats> fitted;
    for (std::size_t ai = 0; ai < candidates.size(); ++ai) {
        AttributeStats a = std::move(candidates[ai]);
        rawValues(a, resolved[ai], trainRows, n, raw.data());
        a.missingCount = std::size_t(
            std::count_if(raw.begin(), raw.end(), [](double v) { return std::isnan(v); }));
        if (a.missingCount == n) {
            warnings.push_back("attribute '" + a.name +
                               "' skipped: it has no value in the training rows");
            continue;
        }
        a.missingFlag = options.missingFlags && a.missingCount > 0;
        if (a.type == ColumnType::Numeric) {
            std::vector<double> present;
            present.reserve(n - a.missingCount);
            for (double v : raw) {
                if (!std::isnan(v)) {
                    present.push_back(v);
                }
            }
            // Median: lower middle element for an even count, then the mean of the two middles.
            const std::size_t mid = present.size() / 2;
            std::nth_element(present.begin(), present.begin() + std::ptrdiff_t(mid), present.end());
            a.median = present[mid];
            if (present.size() % 2 == 0) {
                const double lower =
                    *std::max_element(present.begin(), present.begin() + std::ptrdiff_t(mid));
                a.median = 0.5 * (a.median + lower);
            }
            a.mean = 0.0;
            a.sd = 1.0;
            if (options.standardize) {
                // Two-pass mean / variance over the imputed values, for accuracy.
                double sum = 0.0;
                for (double v : raw) {
                    sum += std::isnan(v) ? a.median : v;
                }
                a.mean = sum / double(n);
                double ss = 0.0;
                for (double v : raw) {
                    const double d = (std::isnan(v) ? a.median : v) - a.mean;
                    ss += d * d;
                }
                const double sd = std::sqrt(ss / double(n));
                a.sd = sd > 1e-12 * std::max(1.0, std::abs(a.mean)) ? sd : 1.0;
            }
            const auto [lo, hi] = std::minmax_element(present.begin(), present.end());
            if (*lo == *hi) {
                warnings.push_back("attribute '" + a.name + "' is constant in the training rows");
            }
        } else {
            const std::size_t k = a.levels.size();
            std::vector<std::size_t> count(k, 0);
            std::vector<std::size_t> bad(k, 0);
            for (std::size_t i = 0; i < n; ++i) {
                if (!std::isnan(raw[i])) {
                    ++count[std::size_t(raw[i])];
                }
            }
            const std::size_t mode =
                std::size_t(std::max_element(count.begin(), count.end()) - count.begin());
            for (std::size_t i = 0; i < n; ++i) {
                const std::size_t level = std::isnan(raw[i]) ? mode : std::size_t(raw[i]);
                const std::size_t row = trainRows.empty() ? i : trainRows[i];
                bad[level] += labels[row];
            }
            count[mode] += a.missingCount;
            std::vector<std::string> kept;
            std::vector<std::string> unused;
            for (std::size_t l = 0; l < k; ++l) {
                if (count[l] > 0) {
                    if (l == mode) {
                        a.mode = kept.size();
                    }
                    kept.push_back(a.levels[l]);
                    a.levelCount.push_back(count[l]);
                } else {
                    unused.push_back(a.levels[l]);
                }
            }
            if (!unused.empty() && a.origin == AttributeOrigin::Column) {
                std::string list;
                for (const std::string& u : unused) {
                    list += (list.empty() ? "'" : ", '") + u + "'";
                }
                warnings.push_back("attribute '" + a.name + "': level(s) " + list +
                                   " never seen in training; treated as unseen when scored");
            }
            if (kept.size() == 1) {
                warnings.push_back("attribute '" + a.name + "' is constant in the training rows");
            }
            if (options.encoding == CategoricalEncoding::Woe) {
                // WoE = ln(%good / %bad) with `s` added to every cell (Siddiqi's convention:
                // positive values mean lower risk).
                const double s = options.woeSmoothing;
                double totalBad = 0.0;
                for (std::size_t l = 0; l < k; ++l) {
                    totalBad += double(bad[l]);
                }
                const double totalGood = double(n) - totalBad;
                const double kk = double(kept.size());
                for (std::size_t l = 0; l < k; ++l) {
                    if (count[l] == 0) {
                        continue;
                    }
                    const double b = double(bad[l]);
                    const double g = double(count[l]) - b;
                    if (s == 0.0 && (b == 0.0 || g == 0.0)) {
                        throw std::invalid_argument(
                            "attribute '" + a.name + "', level '" + a.levels[l] + "' has no " +
                            (b == 0.0 ? "bad" : "good") +
                            " rows and woeSmoothing is 0: its WoE is infinite");
                    }
                    const double pGood = (g + s) / (totalGood + s * kk);
                    const double pBad = (b + s) / (totalBad + s * kk);
                    a.woe.push_back(std::log(pGood / pBad));
                }
            }
            a.levels = std::move(kept);
        }
        fitted.push_back(std::move(a));
    }

    m_options = options;
    m_attributes = std::move(fitted);
    m_targetName = schema.target().name;
    buildFeatures();
    buildLookups();
    m_fitted = true;
    return warnings;
}

void FeaturePipeline::buildFeatures()
{
    m_features.clear();
    m_firstFeature.clear();
    for (std::size_t ai = 0; ai < m_attributes.size(); ++ai) {
        const AttributeStats& a = m_attributes[ai];
        m_firstFeature.push_back(m_features.size());
        if (a.type == ColumnType::Numeric) {
            m_features.push_back({a.name, ai, FeatureKind::Numeric, 0});
        } else if (m_options.encoding == CategoricalEncoding::Woe) {
            m_features.push_back({a.name + "_woe", ai, FeatureKind::Woe, 0});
        } else {
            for (std::size_t l = 0; l < a.levels.size(); ++l) {
                if (m_options.dropReferenceLevel && l == a.mode) {
                    continue;
                }
                m_features.push_back({a.name + "=" + a.levels[l], ai, FeatureKind::Indicator, l});
            }
        }
        if (a.missingFlag) {
            m_features.push_back({a.name + "_missing", ai, FeatureKind::MissingFlag, 0});
        }
    }
}

void FeaturePipeline::buildLookups()
{
    m_levelLookup.assign(m_attributes.size(), {});
    m_attributeLookup.clear();
    for (std::size_t ai = 0; ai < m_attributes.size(); ++ai) {
        m_attributeLookup.emplace(m_attributes[ai].name, ai);
        const auto& levels = m_attributes[ai].levels;
        for (std::size_t l = 0; l < levels.size(); ++l) {
            m_levelLookup[ai].emplace(levels[l], l);
        }
    }
}

namespace {

// Writes the encoded columns of attribute `a` for n raw values into `out` (already zeroed),
// starting at column `first`. Returns the number of unseen levels met.
// Rows whose standardised value does not fit in single precision (beyond about ±3.4e38, e.g.
// an amount of 1e300) are appended to `tooLarge`: the callers refuse them (tooLargeMessage).
std::size_t encode(const AttributeStats& a, std::size_t ai, const FeatureOptions& options,
                   const std::vector<FeatureInfo>& features, std::size_t first, const double* raw,
                   std::size_t n, DesignMatrix& out, std::vector<std::size_t>& tooLarge)
{
    std::size_t unseen = 0;
    std::size_t next = first;
    if (a.type == ColumnType::Numeric) {
        float* col = out.col(Eigen::Index(next++)).data();
        const double inverseSd = 1.0 / a.sd;
        for (std::size_t i = 0; i < n; ++i) {
            const double v = std::isnan(raw[i]) ? a.median : raw[i];
            col[i] = float((v - a.mean) * inverseSd);
            if (!std::isfinite(col[i])) {
                col[i] = 0.0f;
                tooLarge.push_back(i);
            }
        }
    } else if (options.encoding == CategoricalEncoding::Woe) {
        float* col = out.col(Eigen::Index(next++)).data();
        for (std::size_t i = 0; i < n; ++i) {
            if (raw[i] == kUnseen) {
                ++unseen;
                col[i] = 0.0; // neutral evidence
            } else {
                col[i] = a.woe[std::isnan(raw[i]) ? a.mode : std::size_t(raw[i])];
            }
        }
    } else {
        // Level → output column (-1 for the dropped reference level).
        std::vector<std::ptrdiff_t> column(a.levels.size(), -1);
        while (next < features.size() && features[next].kind == FeatureKind::Indicator &&
               features[next].attribute == ai) {
            column[features[next].level] = std::ptrdiff_t(next);
            ++next;
        }
        for (std::size_t i = 0; i < n; ++i) {
            if (raw[i] == kUnseen) {
                ++unseen;
                continue; // all zero
            }
            const std::size_t level = std::isnan(raw[i]) ? a.mode : std::size_t(raw[i]);
            if (column[level] >= 0) {
                out(Eigen::Index(i), Eigen::Index(column[level])) = 1.0;
            }
        }
    }
    if (a.missingFlag) {
        float* col = out.col(Eigen::Index(next)).data();
        for (std::size_t i = 0; i < n; ++i) {
            col[i] = std::isnan(raw[i]) ? 1.0 : 0.0;
        }
    }
    return unseen;
}

std::string tooLargeMessage(const AttributeStats& a)
{
    std::string from;
    for (const std::string& input : a.inputs) {
        if (a.origin != AttributeOrigin::Column) {
            from += (from.empty() ? " (from " : " and ") + input;
        }
    }
    return "field '" + a.name + "'" + (from.empty() ? "" : from + ")") +
           " is too large for the model: its standardised value is beyond ±3.4e38";
}

std::string unseenRule(const FeatureOptions& options)
{
    return options.encoding == CategoricalEncoding::Woe ? "encoded as WoE 0"
                                                        : "encoded as all-zero one-hot";
}

} // namespace

DesignMatrix FeaturePipeline::transform(const Dataset& data,
                                           const std::vector<std::size_t>& rows,
                                           std::vector<std::string>* warnings) const
{
    if (!m_fitted) {
        throw std::logic_error("FeaturePipeline::transform called before fit");
    }
    for (std::size_t r : rows) {
        if (r >= data.rowCount()) {
            throw std::invalid_argument("row " + std::to_string(r) + " is out of range (" +
                                        std::to_string(data.rowCount()) + " rows)");
        }
    }
    const std::size_t n = rows.empty() ? data.rowCount() : rows.size();
    DesignMatrix out = DesignMatrix::Zero(Eigen::Index(n), Eigen::Index(featureCount()));
    std::vector<double> raw(n);
    for (std::size_t ai = 0; ai < m_attributes.size(); ++ai) {
        const AttributeStats& a = m_attributes[ai];
        Resolved r;
        if (a.origin == AttributeOrigin::Column) {
            r.column = &findColumn(data, a.name, a.type);
            if (a.type == ColumnType::Categorical) {
                r.codeMap = codeMapFor(r.column->schema.levels, m_levelLookup[ai]);
            }
        } else {
            for (const std::string& input : a.inputs) {
                r.inputs.push_back(&findColumn(data, input, ColumnType::Numeric));
            }
            if (a.type == ColumnType::Categorical) {
                r.codeMap = codeMapFor(bandLevels(), m_levelLookup[ai]);
            }
        }
        rawValues(a, r, rows, n, raw.data());
        std::vector<std::size_t> tooLarge;
        const std::size_t unseen = encode(a, ai, m_options, m_features, m_firstFeature[ai],
                                          raw.data(), n, out, tooLarge);
        if (!tooLarge.empty()) {
            const std::size_t row = rows.empty() ? tooLarge.front() : rows[tooLarge.front()];
            throw std::invalid_argument("row " + std::to_string(row + 1) + ": " +
                                        tooLargeMessage(a));
        }
        if (unseen > 0 && warnings) {
            std::string examples;
            if (a.origin == AttributeOrigin::Column) {
                // Name the unseen labels (at most three) so the user can fix the input.
                std::size_t shown = 0;
                for (std::size_t l = 0; l < r.codeMap.size() && shown < 3; ++l) {
                    if (r.codeMap[l] == kUnseen) {
                        examples +=
                            (shown++ ? ", '" : " (e.g. '") + r.column->schema.levels[l] + "'";
                    }
                }
                examples += shown ? ")" : "";
            }
            warnings->push_back("attribute '" + a.name + "': " + std::to_string(unseen) +
                                " row(s) with a level not seen in training" + examples + ", " +
                                unseenRule(m_options));
        }
    }
    return out;
}

DesignMatrix FeaturePipeline::transformOne(const std::map<std::string, std::string>& values,
                                              std::vector<std::string>* warnings) const
{
    if (!m_fitted) {
        throw std::logic_error("FeaturePipeline::transformOne called before fit");
    }
    auto text = [&](const std::string& name) -> std::string_view {
        const auto it = values.find(name);
        if (it == values.end()) {
            return {};
        }
        std::string_view s = it->second;
        while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
            s.remove_prefix(1);
        }
        while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
            s.remove_suffix(1);
        }
        return s;
    };
    auto number = [&](const std::string& name) {
        const std::string_view s = text(name);
        if (s.empty() || s == "?") {
            return kNaN;
        }
        double v = 0.0;
        if (!parseFiniteNumber(s, v)) {
            throw std::invalid_argument("field '" + name + "': '" + std::string(s) +
                                        "' is not a number");
        }
        return v;
    };

    DesignMatrix out = DesignMatrix::Zero(1, Eigen::Index(featureCount()));
    for (std::size_t ai = 0; ai < m_attributes.size(); ++ai) {
        const AttributeStats& a = m_attributes[ai];
        double raw = kNaN;
        if (a.origin == AttributeOrigin::Column && a.type == ColumnType::Numeric) {
            raw = number(a.name);
        } else if (a.origin == AttributeOrigin::Column) {
            const std::string_view s = text(a.name);
            if (!s.empty() && s != "?") {
                const auto it = m_levelLookup[ai].find(std::string(s));
                raw = it == m_levelLookup[ai].end() ? kUnseen : double(it->second);
                if (raw == kUnseen && warnings) {
                    warnings->push_back("field '" + a.name + "': level '" + std::string(s) +
                                        "' not seen in training, " + unseenRule(m_options));
                }
            }
        } else if (a.type == ColumnType::Numeric) {
            raw = ratio(number(a.inputs[0]), number(a.inputs[1]));
        } else {
            const double code = bandCode(number(a.inputs[0]), number(a.inputs[1]));
            if (!std::isnan(code)) {
                const auto it = m_levelLookup[ai].find(bandLevels()[std::size_t(code)]);
                raw = it == m_levelLookup[ai].end() ? kUnseen : double(it->second);
            }
        }
        if (std::isnan(raw) && warnings && a.origin == AttributeOrigin::Column) {
            warnings->push_back("field '" + a.name + "' is empty: imputed with " +
                                (a.type == ColumnType::Numeric ? numberText(a.median)
                                                               : "'" + a.levels[a.mode] + "'"));
        }
        std::vector<std::size_t> tooLarge;
        encode(a, ai, m_options, m_features, m_firstFeature[ai], &raw, 1, out, tooLarge);
        if (!tooLarge.empty()) {
            throw std::invalid_argument(tooLargeMessage(a));
        }
    }
    if (warnings) {
        for (const auto& [key, value] : values) {
            if (!m_attributeLookup.count(key) && key != m_targetName) {
                bool isInput = false;
                for (const AttributeStats& a : m_attributes) {
                    isInput = isInput ||
                              std::find(a.inputs.begin(), a.inputs.end(), key) != a.inputs.end();
                }
                if (!isInput) {
                    warnings->push_back("field '" + key + "' is not used by the model; ignored");
                }
            }
        }
    }
    return out;
}

void FeaturePipeline::transformTexts(const std::vector<std::string>& names,
                                     const std::vector<std::string_view>& cells,
                                     DesignMatrix& out, std::vector<std::string>& rowErrors) const
{
    if (!m_fitted) {
        throw std::logic_error("FeaturePipeline::transformTexts called before fit");
    }
    const std::size_t stride = names.size();
    const std::size_t n = stride == 0 ? 0 : cells.size() / stride;
    out.setZero(Eigen::Index(n), Eigen::Index(featureCount()));
    rowErrors.assign(n, std::string());
    constexpr std::size_t kAbsent = std::size_t(-1);
    // A map built from the names keeps the last of repeated names, so search from the back.
    auto columnOf = [&](const std::string& name) {
        for (std::size_t k = stride; k-- > 0;) {
            if (names[k] == name) {
                return k;
            }
        }
        return kAbsent;
    };
    auto text = [&](std::size_t row, std::size_t column) -> std::string_view {
        if (column == kAbsent) {
            return {};
        }
        std::string_view s = cells[row * stride + column];
        while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
            s.remove_prefix(1);
        }
        while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
            s.remove_suffix(1);
        }
        return s;
    };
    // transformOne() stops at the first bad number; the attribute loop below visits the
    // attributes in the same order, so the first message recorded per row is the same one.
    auto number = [&](std::size_t row, std::size_t column, const std::string& name) {
        const std::string_view s = text(row, column);
        if (s.empty() || s == "?") {
            return kNaN;
        }
        double v = 0.0;
        if (!parseFiniteNumber(s, v)) {
            if (rowErrors[row].empty()) {
                rowErrors[row] = "field '" + name + "': '" + std::string(s) + "' is not a number";
            }
            return kNaN;
        }
        return v;
    };
    std::vector<double> raw(n);
    std::unordered_map<std::string_view, std::size_t> levels;
    for (std::size_t ai = 0; ai < m_attributes.size(); ++ai) {
        const AttributeStats& a = m_attributes[ai];
        if (a.origin == AttributeOrigin::Column && a.type == ColumnType::Numeric) {
            const std::size_t c = columnOf(a.name);
            for (std::size_t i = 0; i < n; ++i) {
                raw[i] = number(i, c, a.name);
            }
        } else if (a.origin == AttributeOrigin::Column) {
            const std::size_t c = columnOf(a.name);
            levels.clear();
            for (const auto& [label, level] : m_levelLookup[ai]) {
                levels.emplace(label, level);
            }
            for (std::size_t i = 0; i < n; ++i) {
                const std::string_view s = text(i, c);
                raw[i] = kNaN;
                if (!s.empty() && s != "?") {
                    const auto it = levels.find(s);
                    raw[i] = it == levels.end() ? kUnseen : double(it->second);
                }
            }
        } else {
            const std::size_t c0 = columnOf(a.inputs[0]);
            const std::size_t c1 = columnOf(a.inputs[1]);
            std::vector<double> bandLevel;
            if (a.type == ColumnType::Categorical) {
                bandLevel = codeMapFor(bandLevels(), m_levelLookup[ai]);
            }
            for (std::size_t i = 0; i < n; ++i) {
                const double first = number(i, c0, a.inputs[0]);
                const double second = number(i, c1, a.inputs[1]);
                if (a.type == ColumnType::Numeric) {
                    raw[i] = ratio(first, second);
                } else {
                    const double code = bandCode(first, second);
                    raw[i] = std::isnan(code) ? kNaN : bandLevel[std::size_t(code)];
                }
            }
        }
        std::vector<std::size_t> tooLarge;
        encode(a, ai, m_options, m_features, m_firstFeature[ai], raw.data(), n, out, tooLarge);
        for (const std::size_t i : tooLarge) {
            if (rowErrors[i].empty()) {
                rowErrors[i] = tooLargeMessage(a);
            }
        }
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (!rowErrors[i].empty()) {
            out.row(Eigen::Index(i)).setZero();
        }
    }
}

std::vector<std::string> FeaturePipeline::featureNames() const
{
    std::vector<std::string> names;
    names.reserve(m_features.size());
    for (const FeatureInfo& f : m_features) {
        names.push_back(f.name);
    }
    return names;
}

std::vector<std::size_t> FeaturePipeline::featureAttributes() const
{
    std::vector<std::size_t> out;
    out.reserve(m_features.size());
    for (const FeatureInfo& f : m_features) {
        out.push_back(f.attribute);
    }
    return out;
}

} // namespace credit::core
