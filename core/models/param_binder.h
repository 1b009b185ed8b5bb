// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "features/binary_stream.h"
#include "models/classifier.h"

#include <map>
#include <string>
#include <variant>

namespace credit::core {

/// Binds hyper-parameter names to the fields of a model's params struct, so that params(),
/// setParams() and save/load share one name table. Used by the classifier implementations.
///
/// Type rules of apply(): a field takes only its own type, except that a real field also
/// accepts an integer (YAML writes `C: 1`). Anything else, or an unknown name, throws
/// std::invalid_argument naming the parameter, and then no field has been changed.
class ParamBinder
{
public:
    explicit ParamBinder(std::string algorithm) : m_algorithm(std::move(algorithm)) {}

    void bind(const std::string& name, double& field) { m_fields[name] = &field; }
    void bind(const std::string& name, std::int64_t& field) { m_fields[name] = &field; }
    void bind(const std::string& name, bool& field) { m_fields[name] = &field; }
    void bind(const std::string& name, std::string& field) { m_fields[name] = &field; }

    bool has(const std::string& name) const { return m_fields.count(name) > 0; }
    /// Current values of every bound field.
    ParamMap values() const;
    /// Checks every entry first, then assigns (all or nothing).
    void apply(const ParamMap& params) const;

private:
    using Field = std::variant<double*, std::int64_t*, bool*, std::string*>;
    std::string m_algorithm;
    std::map<std::string, Field> m_fields;
};

/// Type-tagged binary form of a ParamMap.
void writeParamMap(BinaryWriter& w, const ParamMap& params);
ParamMap readParamMap(BinaryReader& r);

/// Common header of every serialised classifier: a tag, the algorithm name and a format
/// version. readModelHeader() fails (std::runtime_error) when the stream holds another
/// algorithm and returns the version otherwise.
void writeModelHeader(BinaryWriter& w, const std::string& algorithm, std::uint64_t version);
std::uint64_t readModelHeader(BinaryReader& r, const std::string& algorithm);

/// How every classifier's save() starts: the header, then the parameters.
void writeModelStart(BinaryWriter& w, const Classifier& model, std::uint64_t version);
/// Reads what writeModelStart() wrote into `fresh`, a default model of the same algorithm,
/// and returns the file's version. Another algorithm, a version outside [oldest, version]
/// (oldest 0: exactly `version`) or invalid parameters fail through r.fail().
std::uint64_t readModelStart(BinaryReader& r, Classifier& fresh, std::uint64_t version,
                             std::uint64_t oldest = 0);

/// Throws std::invalid_argument unless x and y agree in size, y holds both classes and x is
/// finite. `algorithm` prefixes the message.
void checkTrainingData(const std::string& algorithm, const Matrix& x,
                       const std::vector<std::uint8_t>& y);

/// Throws Cancelled when the sink asks to stop.
void reportOrCancel(const FitOptions& options, const std::string& stage, double fraction,
                    std::size_t done = 0, std::size_t total = 0);

} // namespace credit::core
