// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "models/classifier.h"

#include "models/param_binder.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>

namespace credit::core {

double probabilityLogOdds(double p)
{
    p = std::clamp(p, 1e-15, 1.0 - 1e-15);
    return std::log(p / (1.0 - p));
}

std::string paramToString(const ParamValue& value)
{
    return std::visit(
        [](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, bool>) {
                return v ? "true" : "false";
            } else if constexpr (std::is_same_v<T, std::string>) {
                return v;
            } else if constexpr (std::is_same_v<T, double>) {
                char buffer[64];
                const auto result = std::to_chars(buffer, buffer + sizeof buffer, v);
                return std::string(buffer, result.ptr);
            } else {
                return std::to_string(v);
            }
        },
        value);
}

ParamMap ParamBinder::values() const
{
    ParamMap out;
    for (const auto& [name, field] : m_fields) {
        std::visit([&, n = name](auto* f) { out[n] = ParamValue(*f); }, field);
    }
    return out;
}

void ParamBinder::apply(const ParamMap& params) const
{
    static const char* const kTypeNames[] = {"a boolean", "an integer", "a number", "a string"};
    auto typeName = [](const Field& f) {
        return std::visit(
            [](auto* p) -> const char* {
                using T = std::remove_pointer_t<decltype(p)>;
                if constexpr (std::is_same_v<T, double>) {
                    return "a number";
                } else if constexpr (std::is_same_v<T, std::int64_t>) {
                    return "an integer";
                } else if constexpr (std::is_same_v<T, bool>) {
                    return "a boolean";
                } else {
                    return "a string";
                }
            },
            f);
    };
    for (const auto& [name, value] : params) {
        const auto it = m_fields.find(name);
        if (it == m_fields.end()) {
            std::string known;
            for (const auto& [n, f] : m_fields) {
                known += (known.empty() ? "" : ", ") + n;
            }
            throw std::invalid_argument(m_algorithm + ": unknown parameter '" + name +
                                        "' (known: " + known + ")");
        }
        const Field& field = it->second;
        const bool ok =
            (std::holds_alternative<double*>(field) &&
             (std::holds_alternative<double>(value) ||
              std::holds_alternative<std::int64_t>(value))) ||
            (std::holds_alternative<std::int64_t*>(field) &&
             std::holds_alternative<std::int64_t>(value)) ||
            (std::holds_alternative<bool*>(field) && std::holds_alternative<bool>(value)) ||
            (std::holds_alternative<std::string*>(field) &&
             std::holds_alternative<std::string>(value));
        if (!ok) {
            throw std::invalid_argument(m_algorithm + ": parameter '" + name + "' must be " +
                                        typeName(field) + ", got " + kTypeNames[value.index()] +
                                        " (" + paramToString(value) + ")");
        }
    }
    for (const auto& [name, value] : params) {
        const Field& field = m_fields.at(name);
        if (auto* d = std::get_if<double*>(&field)) {
            **d = std::holds_alternative<double>(value) ? std::get<double>(value)
                                                        : double(std::get<std::int64_t>(value));
        } else if (auto* i = std::get_if<std::int64_t*>(&field)) {
            **i = std::get<std::int64_t>(value);
        } else if (auto* b = std::get_if<bool*>(&field)) {
            **b = std::get<bool>(value);
        } else {
            *std::get<std::string*>(field) = std::get<std::string>(value);
        }
    }
}

void writeParamMap(BinaryWriter& w, const ParamMap& params)
{
    w.u64(params.size());
    for (const auto& [name, value] : params) {
        w.string(name);
        w.u64(value.index());
        std::visit(
            [&](const auto& v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, std::string>) {
                    w.string(v);
                } else if constexpr (std::is_same_v<T, bool>) {
                    w.flag(v);
                } else {
                    w.pod(v);
                }
            },
            value);
    }
}

ParamMap readParamMap(BinaryReader& r)
{
    ParamMap params;
    const std::size_t n = r.length();
    for (std::size_t i = 0; i < n; ++i) {
        std::string name = r.string();
        switch (r.u64()) {
        case 0:
            params[name] = r.flag();
            break;
        case 1:
            params[name] = r.pod<std::int64_t>();
            break;
        case 2:
            params[name] = r.f64();
            break;
        case 3:
            params[name] = r.string();
            break;
        default:
            r.fail("unknown type of parameter '" + name + "'");
        }
    }
    return params;
}

void writeModelHeader(BinaryWriter& w, const std::string& algorithm, std::uint64_t version)
{
    w.string("credit.classifier");
    w.string(algorithm);
    w.u64(version);
}

std::uint64_t readModelHeader(BinaryReader& r, const std::string& algorithm)
{
    r.expect("credit.classifier");
    const std::string stored = r.string();
    if (stored != algorithm) {
        r.fail("the stream holds a '" + stored + "' model, not '" + algorithm + "'");
    }
    return r.u64();
}

void writeModelStart(BinaryWriter& w, const Classifier& model, std::uint64_t version)
{
    writeModelHeader(w, model.algorithm(), version);
    writeParamMap(w, model.params());
}

std::uint64_t readModelStart(BinaryReader& r, Classifier& fresh, std::uint64_t version,
                             std::uint64_t oldest)
{
    const std::uint64_t found = readModelHeader(r, fresh.algorithm());
    if (found > version || found < (oldest == 0 ? version : oldest)) {
        r.fail("unsupported version");
    }
    try {
        fresh.setParams(readParamMap(r));
    } catch (const std::invalid_argument& e) {
        r.fail(e.what());
    }
    return found;
}

void checkTrainingData(const std::string& algorithm, const Matrix& x,
                       const std::vector<std::uint8_t>& y)
{
    if (x.rows() != Eigen::Index(y.size())) {
        throw std::invalid_argument(algorithm + ": " + std::to_string(x.rows()) + " rows but " +
                                    std::to_string(y.size()) + " labels");
    }
    if (x.cols() == 0) {
        throw std::invalid_argument(algorithm + ": the design matrix has no columns");
    }
    std::size_t positives = 0;
    for (std::uint8_t v : y) {
        if (v > 1) {
            throw std::invalid_argument(algorithm + ": labels must be 0 or 1");
        }
        positives += v;
    }
    if (positives == 0 || positives == y.size()) {
        throw std::invalid_argument(algorithm + ": the training rows hold only one class");
    }
    if (!x.allFinite()) {
        throw std::invalid_argument(algorithm + ": the design matrix holds NaN or infinite "
                                                "values (run the feature pipeline first)");
    }
}

void reportOrCancel(const FitOptions& options, const std::string& stage, double fraction,
                    std::size_t done, std::size_t total)
{
    if (!options.progress) {
        return;
    }
    ProgressEvent event;
    event.stage = stage;
    event.fraction = fraction;
    event.done = done;
    event.total = total;
    if (!options.progress(event)) {
        throw Cancelled{};
    }
}

} // namespace credit::core
