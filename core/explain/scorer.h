// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "data/dataset.h"
#include "explain/attribute_explainer.h"
#include "policy/decision_policy.h"
#include "train/trained_model.h"

#include <Eigen/Core>

#include <cstddef>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace credit::core {

class ModelBundle;

/// One applicant: attribute name → value as text (level label as in the data, numbers with
/// '.' as decimal point).
using Applicant = std::map<std::string, std::string>;

/// Everything besides the fitted chain that turns a probability into a decision.
struct ScoringSettings
{
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

    /// Feature columns the applicant must supply (the training schema minus the target).
    std::vector<ColumnSchema> fields;
    /// Threshold, prior correction, points scale and grades (the bundle's, or the GUI's
    /// edited one). Its sample bad rate must be known for a prior correction to apply.
    DecisionPolicy policy;
    /// Min/max of numeric fields in the training data; values outside are flagged.
    std::map<std::string, std::pair<double, double>> numericRanges;
    /// Numeric fields whose training values are all whole numbers (forms show no decimals;
    /// scoring accepts any number).
    std::set<std::string> integerFields;
    std::size_t adverseReasons = 4; ///< how many adverse reasons get a sentence (reasonTexts)

    /// The settings stored in a model bundle: schema, policy (with the sample bad rate of
    /// ModelBundle::sampleBadRate()), ranges, integer fields.
    static ScoringSettings fromBundle(const ModelBundle& bundle);
};

/// A problem with one field of an applicant.
struct FieldIssue
{
    std::string field;   ///< attribute name
    std::string message; ///< full sentence naming the field, e.g. "duration: 'abc' is not a number"
};

/// One attribute's part in a score.
struct Reason
{
    std::string attribute;   ///< attribute name ("checking_status", "monthly_instalment")
    std::string meaning;     ///< human meaning ("Status of the existing checking account")
    std::string value;       ///< the applicant's value as text (level label or number)
    double contribution = 0; ///< to the model's log-odds of bad; > 0 = adverse
    /// Standard error of an estimated contribution (Shapley permutation estimate, also as an
    /// ensemble member); 0 when exact.
    double standardError = 0;
    double points = 0;    ///< scorecard points of this attribute (see ScoreResult)
    std::string text;     ///< adverse-action sentence ("Checking account balance below 0 DM")
    bool derived = false; ///< a business variable computed from other attributes
    bool stated = false;  ///< its sentence is one of ScoreResult::reasonTexts
};

/// The score of one applicant.
struct ScoreResult
{
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

    /// Validation errors; when not empty nothing below is set (valid == false).
    std::vector<FieldIssue> errors;
    bool valid() const { return errors.empty(); }
    /// Numeric values outside the training min/max: scored, but the model extrapolates.
    std::vector<FieldIssue> outOfRange;
    std::vector<std::string> warnings; ///< from the feature pipeline (imputations…)

    double modelPd = kNaN;     ///< calibrated P(bad) on the training sample's scale
    double pd = kNaN;          ///< the same, prior-corrected to the population bad rate
    bool reject = false;       ///< modelPd > threshold
    double threshold = kNaN;   ///< on the modelPd scale
    double thresholdPd = kNaN; ///< the same cut-off on the pd (population) scale
    std::size_t gradeIndex = 0;
    std::string grade;    ///< risk grade of pd
    double points = kNaN; ///< scorecard points of pd

    /// Reasons (every model family; see AttributeExplainer): one per attribute, ranked most
    /// adverse (largest contribution) first, ties in attribute order. This one ranking is what
    /// every view shows: the sentences are its first adverse entries, the chart shows
    /// chartReasons() in this order, the batch file's reason_1… are its first sentences.
    /// logOdds = baseValue + Σ contribution (to rounding, ~1e-12; with maxReasons every
    /// attribute still counts).
    bool hasReasons = false;
    std::string method;       ///< explanationMethodName(), e.g. "soft-vote"; empty = no reasons
    std::string methodDetail; ///< AttributeExplainer::methodDetail()
    double logOdds = kNaN;    ///< the classifier's log-odds of bad, before calibration
    double rawPd = kNaN;      ///< the classifier's P(bad) before calibration: σ(logOdds)
    /// Whether modelPd comes from a calibrator: the reasons then explain logOdds (rawPd), and
    /// modelPd / pd are shown beside them.
    bool calibrated = false;
    double baseValue = kNaN;  ///< log-odds of the reference applicant (see Scorer)
    double basePoints = kNaN; ///< points − Σ reason points
    std::vector<Reason> reasons;
    /// Sentences of the top adverse reasons (contribution > 0), most adverse first, at most
    /// ScoringSettings::adverseReasons; their reasons are marked `stated`.
    std::vector<std::string> reasonTexts;

    /// Indices into `reasons` of the at most `count` entries a chart shows, in ranking order:
    /// every stated reason, then the others with the largest |contribution| (ties by rank).
    std::vector<std::size_t> chartReasons(std::size_t count = 10) const;
};

/// What scoring does with a field of the schema that is absent or empty.
enum class MissingFields
{
    Refuse, ///< a validation error per missing field ("a value is required"); the default
    /// Scored with the training's imputation (median / mode, see FeaturePipeline); each imputed
    /// field is named in ScoreResult::warnings. The service's --impute-missing.
    Impute,
};

/// Scores single applicants with a fitted chain (pipeline → classifier → calibrator).
///
/// Validation (errors block scoring, each names the field):
/// - a field of the schema that is absent or empty: "a value is required";
/// - a numeric field that is not a number (std::from_chars syntax, '.' decimal point);
/// - a negative value in a numeric field whose training values are all ≥ 0 (amounts,
///   durations, ages, counts);
/// - a categorical value that is not a declared level (the message lists the levels).
/// Numeric values outside the training [min, max] are scored and flagged in outOfRange.
///
/// Contributions (log-odds of bad, before calibration) come from AttributeExplainer: one per
/// original attribute for every model family (linear terms, TreeSHAP, Shapley values, or the
/// members' combined for ensembles), with baseValue + Σ contributions = the classifier's
/// log-odds. Business variables (monthly_instalment, …) are their own "derived" reasons, with
/// the value recomputed from the inputs. A positive contribution means "riskier than the
/// reference": the average applicant (lr, trees) or the background sample (Shapley).
///
/// Calibration and points: the calibrated PD is calibrator(σ(logOdds)); with Platt scaling on
/// the logit, logit(modelPd) = a·logOdds + b, and the prior correction adds
/// ln(πt/(1−πt)) − ln(πs/(1−πs)) to logit(pd). Reason points are −factor·a·contribution (a = 1
/// without Platt), so with Platt or no calibration basePoints is the same for every applicant
/// (an additive scorecard); with isotonic calibration basePoints absorbs the non-linear part.
///
/// Thread safety: const methods may run concurrently. Cost: probability() about the cost of
/// the model's single-row prediction plus ~2 µs; score() adds the explanation (see
/// AttributeExplainer).
class Scorer
{
public:
    Scorer(std::shared_ptr<const TrainedModel> model, ScoringSettings settings);
    /// The bundle's selected model and settings.
    explicit Scorer(const ModelBundle& bundle);

    const ScoringSettings& settings() const { return m_settings; }
    const TrainedModel& model() const { return *m_model; }
    const AttributeExplainer& explainer() const { return *m_explainer; }

    /// Validation errors of `applicant`; empty = scorable. With MissingFields::Impute an
    /// absent or empty field is not an error (the other rules still apply).
    std::vector<FieldIssue> validate(const Applicant& applicant,
                                     MissingFields missing = MissingFields::Refuse) const;
    /// Numeric values outside the training range.
    std::vector<FieldIssue> outOfRange(const Applicant& applicant) const;

    /// Prior-corrected PD of a valid applicant (no validation beyond the pipeline's: throws
    /// std::invalid_argument for an unparsable number). The fast path.
    double probability(const Applicant& applicant) const;
    /// Full result: validation, PD, decision, grade, points and (withReasons) the reasons.
    ScoreResult score(const Applicant& applicant, bool withReasons = true,
                      MissingFields missing = MissingFields::Refuse) const;

    /// Batch path: scores the transformed rows of `x` (the pipeline's design matrix). For each
    /// row fills pd, modelPd, reject, grade, points and (withReasons) reasons. `applicants`
    /// supplies value texts for the reasons (may be empty: values then come from the matrix).
    /// `maxReasons` limits the reasons built per row to the most adverse ones (0 = all); the
    /// sums (logOdds, basePoints) always cover every attribute.
    std::vector<ScoreResult> scoreMatrix(const Matrix& x,
                                         const std::vector<const Applicant*>& applicants,
                                         bool withReasons, std::size_t maxReasons = 0) const;

    /// Batch-file path of scoreMatrix() without building ScoreResults. For each row r of `x`
    /// (the pipeline's design matrix) writes into top[r·maxReasons …] the indices (into
    /// FeaturePipeline::attributes()) of the at most `maxReasons` attributes with the largest
    /// contributions that are > 0, most adverse first, ties in attribute order: exactly the
    /// first reasons of scoreMatrix() whose contribution is > 0. Unused slots hold
    /// kNoAttribute. `top` is resized to rows × maxReasons.
    /// Returns false (top filled with kNoAttribute) when maxReasons is 0 or there are no rows.
    /// Cost: one explanation of x, then O(attributes) per row (partial sort).
    bool adverseAttributes(const Matrix& x, std::size_t maxReasons,
                           std::vector<std::size_t>& top) const;
    static constexpr std::size_t kNoAttribute = std::size_t(-1);
    /// The value text scoreMatrix() gives attribute `attribute` of row `row` of `x` when no
    /// applicant text is known (derived attributes; recovered from the design row).
    std::string designValue(std::size_t attribute, const Matrix& x, Eigen::Index row) const
    {
        return attributeValue(attribute, x, row, nullptr);
    }

    /// Population PD of a calibrated model PD, and back.
    double toPopulation(double modelPd) const;
    double toModelScale(double pd) const;

private:
    void decide(double modelPd, ScoreResult& result) const;
    void explain(const Explanation& explanation, Eigen::Index row, const Matrix& x,
                 const Applicant* applicant, std::size_t maxReasons, ScoreResult& result) const;
    std::string attributeValue(std::size_t attribute, const Matrix& x, Eigen::Index row,
                               const Applicant* applicant) const;

    std::shared_ptr<const TrainedModel> m_model;
    ScoringSettings m_settings;
    std::shared_ptr<const AttributeExplainer> m_explainer;
    double m_calibrationSlope = 1.0;
    double m_priorShift = 0.0;                 ///< logit shift from sample to population
    std::map<std::string, bool> m_nonNegative; ///< numeric field → training values all ≥ 0
};

} // namespace credit::core
