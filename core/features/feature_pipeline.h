// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "data/dataset.h"
#include "features/design_matrix.h"

#include <Eigen/Core>

#include <cstddef>
#include <iosfwd>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace credit::core {

/// How categorical attributes become numbers.
enum class CategoricalEncoding
{
    OneHot, ///< one 0/1 column per level seen in training (see FeatureOptions::dropReferenceLevel)
    Woe,    ///< one column holding the level's Weight of Evidence (see AttributeStats::woe)
};

/// Options of the feature pipeline. Every field has a default that suits German Credit.
///
/// Business variables are generic: each is added only when the columns it needs exist (by
/// name, numeric) in the training data, otherwise it is skipped with a warning.
struct FeatureOptions
{
    /// "monthly_instalment" = amount / duration (currency per month). Rows with duration <= 0
    /// or a missing input get a missing value (then imputed). Default on.
    bool monthlyInstalment = true;
    /// "amount_per_age" = amount / age (currency per year of age); age <= 0 → missing.
    /// Default on.
    bool amountPerAge = true;
    /// "duration_age_band", a categorical crossing a duration band (months: "short" <= 12,
    /// "medium" 13–24, "long" > 24) with an age band (years: "young" < 25, "adult" 25–39,
    /// "senior" >= 40), e.g. "long/young". Nine declared levels. Default on.
    bool durationAgeBand = true;
    std::string amountColumn = "credit_amount"; ///< numeric input column names used above
    std::string durationColumn = "duration";
    std::string ageColumn = "age";

    /// Default OneHot.
    CategoricalEncoding encoding = CategoricalEncoding::OneHot;
    /// OneHot only: drop the modal level (the reference) of each categorical. Default false:
    /// all levels are kept, which is right for trees and for the L2-penalised logistic
    /// regression (the penalty makes the full encoding identifiable). Turn it on for an
    /// unpenalised linear model.
    bool dropReferenceLevel = false;
    /// Standardise numeric features to mean 0, sd 1 over the (imputed) training rows. One-hot,
    /// WoE and missing-flag columns are never scaled. Default on (needed by LR and SVM,
    /// harmless for trees).
    bool standardize = true;
    /// Add a 0/1 "<name>_missing" column for each attribute that had missing values in the
    /// training rows. Default on.
    bool missingFlags = true;
    /// WoE only: pseudo-count added to every good and bad cell so that empty cells give a
    /// finite WoE. Default 0.5, range [0, 100]; 0 makes empty cells an error.
    double woeSmoothing = 0.5;

    /// Messages for invalid values, each starting with the field name; empty = valid.
    std::vector<std::string> validate() const;
};

enum class AttributeOrigin
{
    Column,  ///< a feature column of the dataset
    Derived, ///< a business variable computed by the pipeline
};

/// Fitted statistics of one input attribute (a dataset column or a business variable). All
/// statistics come from the training rows only.
struct AttributeStats
{
    std::string name;
    ColumnType type = ColumnType::Numeric;
    AttributeOrigin origin = AttributeOrigin::Column;
    std::vector<std::string> inputs; ///< columns it is computed from (its own name for Column)
    std::size_t missingCount = 0;    ///< missing values among the training rows
    bool missingFlag = false;        ///< a "<name>_missing" feature follows its features

    // Numeric attributes
    double median = 0.0; ///< imputation value for missing entries
    double mean = 0.0;   ///< of the imputed training values (0 when standardize is off)
    double sd = 1.0;     ///< population sd of the same; 1 when constant or standardize is off

    // Categorical attributes
    std::vector<std::string> levels;     ///< levels seen in the training rows, in declared order
    std::vector<std::size_t> levelCount; ///< training rows per level (after imputation)
    std::vector<double> woe; ///< per level: ln(%good / %bad) with smoothing; Woe encoding only
    std::size_t mode = 0;    ///< index into levels of the most frequent level (imputation value)
};

enum class FeatureKind
{
    Numeric,     ///< (standardised) numeric value
    Indicator,   ///< one-hot column of one level
    Woe,         ///< WoE of the attribute's level
    MissingFlag, ///< 1 when the attribute was missing
};

/// One output column of the design matrix.
struct FeatureInfo
{
    std::string name; ///< e.g. "duration", "purpose=radio/tv", "purpose_woe", "age_missing"
    std::size_t attribute = 0; ///< index into FeaturePipeline::attributes()
    FeatureKind kind = FeatureKind::Numeric;
    std::size_t level = 0; ///< Indicator: index into the attribute's levels
};

/// Turns a Dataset into the numeric design matrix the classifiers take, the same way at
/// training and at scoring time.
///
/// Fitting (training rows only) decides the attributes (feature columns of the dataset minus
/// the target, then the business variables of FeatureOptions), the imputation values (median
/// for numerics, mode for categoricals), the missing-flag columns, the levels, WoE tables and
/// the standardisation. Transforming replays exactly these statistics:
/// - a missing value is replaced by the median / mode, and its flag column (if any) is 1;
/// - a categorical level not seen in training (unseen category) gets all-zero one-hot columns
///   (the intercept's "average" applicant) or WoE 0 (neutral evidence), and a warning; never
///   an exception;
/// - columns are matched by name; a categorical column's levels are matched by label, so a
///   scoring file may declare its levels in another order.
///
/// A fitted pipeline is immutable: transform calls may run concurrently.
class FeaturePipeline
{
public:
    /// Fits on `trainRows` of `data` (indices may repeat; empty = every row) and returns
    /// warnings: skipped business variables, constant columns, levels never seen in training.
    /// Throws std::invalid_argument for invalid options or out-of-range rows.
    /// Cost: O(rows × attributes) plus a sort for each median.
    std::vector<std::string> fit(const Dataset& data, const std::vector<std::size_t>& trainRows,
                                 const FeatureOptions& options = {});
    bool isFitted() const { return m_fitted; }

    /// Design matrix (rows.size() × featureCount()) for `rows` of `data` (empty = every row).
    /// Unseen categories and similar remarks are appended to `warnings` when given.
    /// Throws std::invalid_argument when a needed column is absent or has another type, or
    /// when a standardised value does not fit the single-precision matrix (e.g. 1e300).
    /// Cost: O(rows × features); no per-row allocation.
    DesignMatrix transform(const Dataset& data, const std::vector<std::size_t>& rows = {},
                              std::vector<std::string>* warnings = nullptr) const;

    /// One applicant given as attribute → text (a form or a JSON request): a 1 × featureCount()
    /// matrix. An absent key or an empty text is a missing value (imputed, with a warning);
    /// keys that are not attributes are ignored with a warning; numbers are parsed with '.' as
    /// decimal point. Throws std::invalid_argument naming the field for unparsable numbers
    /// and for numbers too large for the single-precision matrix (e.g. 1e300).
    /// Cost: about 1 µs for German Credit (hash lookups, no dataset is built).
    DesignMatrix transformOne(const std::map<std::string, std::string>& values,
                                 std::vector<std::string>* warnings = nullptr) const;

    /// Batch form of transformOne() for records of texts (a CSV file): `cells` holds rows ×
    /// names.size() texts, row-major, row i's value of `names[k]` at cells[i·names.size() + k].
    /// Fills `out` (resized to rows × featureCount()) exactly as transformOne() would fill each
    /// row from a map holding those names (same trimming, '?' and empty as missing, parsing,
    /// imputation and encoding; names the pipeline does not need are ignored, attributes not
    /// named are missing). No warnings. A row with an unparsable or too large number gets
    /// all-zero features and transformOne()'s message in rowErrors[i] (resized to rows;
    /// empty = fine).
    /// Cost: O(rows × features) after resolving the names once per call; no per-row allocation.
    void transformTexts(const std::vector<std::string>& names,
                        const std::vector<std::string_view>& cells, DesignMatrix& out,
                        std::vector<std::string>& rowErrors) const;

    const FeatureOptions& options() const { return m_options; }
    /// Input attributes and their fitted statistics, in output order.
    const std::vector<AttributeStats>& attributes() const { return m_attributes; }
    const std::vector<FeatureInfo>& features() const { return m_features; }
    std::size_t featureCount() const { return m_features.size(); }
    /// Names of the output columns, in matrix order.
    std::vector<std::string> featureNames() const;
    /// For each output column, the index of its attribute in attributes(): sum per-feature
    /// contributions over equal indices to get per-attribute contributions (reason codes).
    std::vector<std::size_t> featureAttributes() const;
    /// Name of the target column and its positive label seen at fit time.
    const std::string& targetName() const { return m_targetName; }

    /// Binary serialisation (for the model bundle). load() throws std::runtime_error on a
    /// malformed stream and leaves the pipeline unchanged.
    void save(std::ostream& out) const;
    void load(std::istream& in);

private:
    void buildFeatures();
    void buildLookups();

    FeatureOptions m_options;
    std::vector<AttributeStats> m_attributes;
    std::vector<FeatureInfo> m_features;
    std::vector<std::size_t> m_firstFeature; ///< per attribute, its first output column
    /// Per categorical attribute: label → level index (empty map for numerics).
    std::vector<std::unordered_map<std::string, std::size_t>> m_levelLookup;
    std::unordered_map<std::string, std::size_t> m_attributeLookup; ///< name → attribute
    std::string m_targetName;
    bool m_fitted = false;
};

} // namespace credit::core
