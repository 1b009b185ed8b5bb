// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "train/trained_model.h"

#include "common/seeded_random.h"
#include "features/binary_stream.h"

#include <algorithm>
#include <numeric>

#include <istream>
#include <ostream>
#include <sstream>
#include <stdexcept>

namespace credit::core {
namespace {

/// 1 = pipeline, classifier, calibrator; 2 adds the explanation background.
constexpr std::uint64_t kModelFormat = 2;

Vector calibrate(const Calibrator& calibrator, const Vector& raw)
{
    if (calibrator.params().method == CalibrationMethod::None) {
        return raw;
    }
    Vector out(raw.size());
    for (Eigen::Index i = 0; i < raw.size(); ++i) {
        out[i] = calibrator.apply(raw[i]);
    }
    return out;
}

} // namespace

TrainedModel::TrainedModel(std::shared_ptr<const FeaturePipeline> pipeline,
                           std::shared_ptr<const Classifier> classifier,
                           std::shared_ptr<const Calibrator> calibrator,
                           ExplanationBackground background)
    : m_pipeline(std::move(pipeline)), m_classifier(std::move(classifier)),
      m_calibrator(std::move(calibrator)), m_background(std::move(background))
{
    if (!m_pipeline || !m_classifier) {
        throw std::invalid_argument("trained model: pipeline and classifier are required");
    }
    if (!m_background.empty() &&
        m_background.rows.cols() != Eigen::Index(m_pipeline->featureCount())) {
        throw std::invalid_argument("trained model: the background rows do not have the "
                                    "pipeline's features");
    }
    if (!m_calibrator) {
        m_calibrator = std::make_shared<const Calibrator>(
            CalibrationParams{CalibrationMethod::None, PlattInput::Logit, 1e-4, 100});
    }
    m_algorithm = m_classifier->algorithm();
}

Vector TrainedModel::predictRaw(const Dataset& data, const std::vector<std::size_t>& rows,
                                std::vector<std::string>* warnings) const
{
    return m_classifier->predictProba(m_pipeline->transform(data, rows, warnings));
}

Vector TrainedModel::predictProba(const Dataset& data, const std::vector<std::size_t>& rows,
                                  std::vector<std::string>* warnings) const
{
    return calibrate(*m_calibrator, predictRaw(data, rows, warnings));
}

Vector TrainedModel::predictMatrix(const Matrix& x) const
{
    return calibrate(*m_calibrator, m_classifier->predictProba(x));
}

double TrainedModel::predictOne(const std::map<std::string, std::string>& values,
                                std::vector<std::string>* warnings) const
{
    return predictMatrix(m_pipeline->transformOne(values, warnings))[0];
}

void TrainedModel::save(std::ostream& out) const
{
    BinaryWriter w(out);
    w.string("CRSMODEL");
    w.u64(kModelFormat);
    w.string(m_algorithm);
    // Each part goes in a length-prefixed block so a reader can tell where one ends even if
    // a part's own reader stops early.
    auto block = [&](const auto& part) {
        std::ostringstream buffer(std::ios::binary);
        part.save(buffer);
        w.string(buffer.str());
    };
    block(*m_pipeline);
    block(*m_classifier);
    block(*m_calibrator);
    w.u64(m_background.seed);
    w.u64(std::uint64_t(m_background.rows.rows()));
    w.u64(std::uint64_t(m_background.rows.cols()));
    const Matrix& rows = m_background.rows;
    w.podVector(std::vector<float>(rows.data(), rows.data() + rows.size()));
}

std::shared_ptr<const TrainedModel> TrainedModel::load(std::istream& in)
{
    BinaryReader r(in, "trained model");
    r.expect("CRSMODEL");
    const std::uint64_t version = r.u64();
    if (version > kModelFormat) {
        r.fail("format version " + std::to_string(version) + " is newer than this program (" +
               std::to_string(kModelFormat) + ")");
    }
    const std::string algorithm = r.string();
    auto pipeline = std::make_shared<FeaturePipeline>();
    {
        std::istringstream buffer(r.string(), std::ios::binary);
        pipeline->load(buffer);
    }
    std::shared_ptr<Classifier> classifier;
    try {
        classifier = createClassifier(algorithm);
    } catch (const std::invalid_argument& error) {
        r.fail(error.what());
    }
    {
        std::istringstream buffer(r.string(), std::ios::binary);
        classifier->load(buffer);
    }
    auto calibrator = std::make_shared<Calibrator>();
    {
        std::istringstream buffer(r.string(), std::ios::binary);
        calibrator->load(buffer);
    }
    ExplanationBackground background;
    if (version >= 2) {
        background.seed = r.u64();
        const std::uint64_t rows = r.u64();
        const std::uint64_t cols = r.u64();
        const std::vector<float> values = r.podVector<float>();
        if (rows > BinaryReader::kMaxLength || (rows > 0 && cols != pipeline->featureCount()) ||
            values.size() != rows * cols) {
            r.fail("the background rows do not match the pipeline's " +
                   std::to_string(pipeline->featureCount()) + " features");
        }
        background.rows =
            Eigen::Map<const Matrix>(values.data(), Eigen::Index(rows), Eigen::Index(cols));
    }
    return std::make_shared<const TrainedModel>(std::move(pipeline), std::move(classifier),
                                                std::move(calibrator), std::move(background));
}

ExplanationBackground ExplanationBackground::draw(const FeaturePipeline& pipeline,
                                                  const Dataset& data,
                                                  const std::vector<std::size_t>& rows,
                                                  std::size_t count, std::uint64_t seed)
{
    std::vector<std::size_t> pool = rows;
    if (pool.empty()) {
        pool.resize(data.rowCount());
        std::iota(pool.begin(), pool.end(), std::size_t(0));
    }
    SeededRandom random(seed);
    random.shuffle(pool);
    pool.resize(std::min(count, pool.size()));
    ExplanationBackground background;
    background.seed = seed;
    if (!pool.empty()) {
        background.rows = pipeline.transform(data, pool);
    }
    return background;
}

std::vector<double> OutOfFold::firstRepeat() const
{
    const std::vector<double>& source = calibrated.empty() ? raw : calibrated;
    return std::vector<double>(source.begin(), source.begin() + static_cast<std::ptrdiff_t>(
                                                                    std::min(rows, source.size())));
}

std::string calibrationMethodName(CalibrationMethod method)
{
    switch (method) {
    case CalibrationMethod::None:
        return "none";
    case CalibrationMethod::Platt:
        return "platt";
    case CalibrationMethod::Isotonic:
        return "isotonic";
    }
    return "none";
}

CalibrationMethod parseCalibrationMethod(const std::string& name)
{
    if (name == "none") {
        return CalibrationMethod::None;
    }
    if (name == "platt") {
        return CalibrationMethod::Platt;
    }
    if (name == "isotonic") {
        return CalibrationMethod::Isotonic;
    }
    throw std::invalid_argument("unknown calibration '" + name +
                                "' (expected none, platt or isotonic)");
}

} // namespace credit::core
