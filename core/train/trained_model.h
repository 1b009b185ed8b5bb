// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "data/dataset.h"
#include "features/feature_pipeline.h"
#include "models/calibration.h"
#include "models/classifier.h"

#include <cstdint>
#include <iosfwd>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace credit::core {

/// A fixed sample of training rows (design rows after the pipeline) that explanations of
/// models without an additive structure (the SVM) measure an applicant against: interventional
/// Shapley values replace the attributes outside a coalition by these rows' values. Stored with
/// the model, so scoring needs no training data and gives the same reasons every time.
struct ExplanationBackground
{
    /// Rows drawn by TrainingJob: 32 keeps an SVM explanation on German Credit near 10 ms.
    static constexpr std::size_t kDefaultRows = 32;

    Matrix rows;            ///< background rows × the pipeline's features; empty = none stored
    std::uint64_t seed = 0; ///< the seed the rows were drawn with; explainers derive theirs from it

    bool empty() const { return rows.rows() == 0; }

    /// `count` rows drawn without replacement from `rows` of `data` (empty = every row; all of
    /// them when there are fewer) by a SeededRandom shuffle, in drawn order, transformed by
    /// `pipeline`. Same inputs, same rows on every platform.
    static ExplanationBackground draw(const FeaturePipeline& pipeline, const Dataset& data,
                                      const std::vector<std::size_t>& rows, std::size_t count,
                                      std::uint64_t seed);
};

/// A fitted scoring chain: feature pipeline → classifier → calibrator. Built by TrainingJob
/// (every part fitted on all training rows; the calibrator on out-of-fold predictions) and
/// stored in the model bundle. Immutable once built; share as shared_ptr<const TrainedModel>.
/// All predict calls are thread-safe.
class TrainedModel
{
public:
    TrainedModel() = default;
    TrainedModel(std::shared_ptr<const FeaturePipeline> pipeline,
                 std::shared_ptr<const Classifier> classifier,
                 std::shared_ptr<const Calibrator> calibrator,
                 ExplanationBackground background = {});

    const std::string& algorithm() const { return m_algorithm; }
    const FeaturePipeline& pipeline() const { return *m_pipeline; }
    const Classifier& classifier() const { return *m_classifier; }
    /// Never null; method None when the model is not calibrated.
    const Calibrator& calibrator() const { return *m_calibrator; }
    ParamMap params() const { return m_classifier->params(); }
    /// The stored background sample (empty for models saved before format 2).
    const ExplanationBackground& background() const { return m_background; }

    /// Calibrated P(bad) in [0, 1] for `rows` of `data` (empty = every row). Columns are
    /// matched by name (see FeaturePipeline::transform); unseen categories go to `warnings`.
    /// Throws std::invalid_argument when a needed column is absent or has another type.
    /// Cost: pipeline O(rows × features) plus the classifier's prediction.
    Vector predictProba(const Dataset& data, const std::vector<std::size_t>& rows = {},
                        std::vector<std::string>* warnings = nullptr) const;
    /// The classifier's probability before calibration.
    Vector predictRaw(const Dataset& data, const std::vector<std::size_t>& rows = {},
                      std::vector<std::string>* warnings = nullptr) const;
    /// Calibrated P(bad) of one applicant given as attribute → text (a form, a JSON request);
    /// see FeaturePipeline::transformOne for missing and unknown keys.
    double predictOne(const std::map<std::string, std::string>& values,
                      std::vector<std::string>* warnings = nullptr) const;
    /// Calibrated probabilities of already-transformed rows.
    Vector predictMatrix(const Matrix& x) const;

    /// Binary form: tag, format, algorithm, pipeline, classifier, calibrator, and since format 2
    /// the background (seed, rows, columns, values). load() reads format 1 without a
    /// background and throws std::runtime_error on a malformed stream.
    void save(std::ostream& out) const;
    static std::shared_ptr<const TrainedModel> load(std::istream& in);

private:
    std::string m_algorithm;
    std::shared_ptr<const FeaturePipeline> m_pipeline;
    std::shared_ptr<const Classifier> m_classifier;
    std::shared_ptr<const Calibrator> m_calibrator;
    ExplanationBackground m_background;
};

/// Out-of-fold predictions of the selected configuration of one algorithm, for charts and
/// calibration: every row has one prediction per repeat, made by a model that never saw it.
struct OutOfFold
{
    std::size_t rows = 0;
    std::size_t repeats = 0;
    std::vector<std::uint8_t> labels; ///< per row, 1 = bad
    std::vector<double> raw;          ///< P(bad) before calibration, [repeat · rows + row]
    /// Calibrated P(bad), same layout. Cross-fitted: a row's calibrator was fitted on the
    /// other folds' out-of-fold predictions of the same repeat, so these stay honest. Equal
    /// to `raw` when calibration is None.
    std::vector<double> calibrated;
    std::vector<std::uint32_t> foldOfRow; ///< test fold per [repeat · rows + row]

    /// The first repeat's calibrated predictions (one per row), e.g. for a single ROC curve.
    std::vector<double> firstRepeat() const;
};

/// "none" / "platt" / "isotonic" and back (parseCalibrationMethod throws
/// std::invalid_argument naming the accepted values).
std::string calibrationMethodName(CalibrationMethod method);
CalibrationMethod parseCalibrationMethod(const std::string& name);

} // namespace credit::core
