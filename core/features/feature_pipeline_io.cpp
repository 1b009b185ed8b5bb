// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
//
// FeaturePipeline's binary format (it travels inside the model bundle).
#include "features/feature_pipeline.h"

#include "features/binary_stream.h"

#include <stdexcept>

namespace credit::core {
namespace {

constexpr std::uint64_t kFormatVersion = 1;

} // namespace

void FeaturePipeline::save(std::ostream& out) const
{
    if (!m_fitted) {
        throw std::logic_error("FeaturePipeline::save called before fit");
    }
    BinaryWriter w(out);
    w.string("credit.feature_pipeline");
    w.u64(kFormatVersion);
    w.flag(m_options.monthlyInstalment);
    w.flag(m_options.amountPerAge);
    w.flag(m_options.durationAgeBand);
    w.string(m_options.amountColumn);
    w.string(m_options.durationColumn);
    w.string(m_options.ageColumn);
    w.u64(m_options.encoding == CategoricalEncoding::Woe ? 1 : 0);
    w.flag(m_options.dropReferenceLevel);
    w.flag(m_options.standardize);
    w.flag(m_options.missingFlags);
    w.f64(m_options.woeSmoothing);
    w.string(m_targetName);
    w.u64(m_attributes.size());
    for (const AttributeStats& a : m_attributes) {
        w.string(a.name);
        w.u64(a.type == ColumnType::Numeric ? 0 : 1);
        w.u64(a.origin == AttributeOrigin::Column ? 0 : 1);
        w.strings(a.inputs);
        w.u64(a.missingCount);
        w.flag(a.missingFlag);
        w.f64(a.median);
        w.f64(a.mean);
        w.f64(a.sd);
        w.strings(a.levels);
        std::vector<std::uint64_t> counts(a.levelCount.begin(), a.levelCount.end());
        w.podVector(counts);
        w.podVector(a.woe);
        w.u64(a.mode);
    }
    if (!out) {
        throw std::runtime_error("could not write the feature pipeline");
    }
}

void FeaturePipeline::load(std::istream& in)
{
    BinaryReader r(in, "feature pipeline");
    r.expect("credit.feature_pipeline");
    if (const auto version = r.u64(); version != kFormatVersion) {
        r.fail("unsupported version " + std::to_string(version));
    }
    FeatureOptions o;
    o.monthlyInstalment = r.flag();
    o.amountPerAge = r.flag();
    o.durationAgeBand = r.flag();
    o.amountColumn = r.string();
    o.durationColumn = r.string();
    o.ageColumn = r.string();
    o.encoding = r.u64() == 1 ? CategoricalEncoding::Woe : CategoricalEncoding::OneHot;
    o.dropReferenceLevel = r.flag();
    o.standardize = r.flag();
    o.missingFlags = r.flag();
    o.woeSmoothing = r.f64();
    std::string target = r.string();
    std::vector<AttributeStats> attributes(r.length());
    for (AttributeStats& a : attributes) {
        a.name = r.string();
        a.type = r.u64() == 0 ? ColumnType::Numeric : ColumnType::Categorical;
        a.origin = r.u64() == 0 ? AttributeOrigin::Column : AttributeOrigin::Derived;
        a.inputs = r.strings();
        a.missingCount = r.u64();
        a.missingFlag = r.flag();
        a.median = r.f64();
        a.mean = r.f64();
        a.sd = r.f64();
        a.levels = r.strings();
        const auto counts = r.podVector<std::uint64_t>();
        a.levelCount.assign(counts.begin(), counts.end());
        a.woe = r.podVector<double>();
        a.mode = r.u64();
        const bool categorical = a.type == ColumnType::Categorical;
        if ((a.origin == AttributeOrigin::Derived && a.inputs.size() != 2) ||
            (categorical &&
             (a.levels.empty() || a.mode >= a.levels.size() ||
              a.levelCount.size() != a.levels.size() ||
              (o.encoding == CategoricalEncoding::Woe && a.woe.size() != a.levels.size()))) ||
            !(a.sd > 0.0)) {
            r.fail("inconsistent statistics for attribute '" + a.name + "'");
        }
    }
    m_options = std::move(o);
    m_targetName = std::move(target);
    m_attributes = std::move(attributes);
    buildFeatures();
    buildLookups();
    m_fitted = true;
}

} // namespace credit::core
