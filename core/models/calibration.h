// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <iosfwd>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace credit::core {

enum class CalibrationMethod
{
    None,     ///< identity: apply(s) = s
    Platt,    ///< logistic fit σ(a·x + b) (Platt 1999; Newton as in Lin, Lin & Weng 2007)
    Isotonic, ///< monotone step fit by pool-adjacent-violators (Zadrozny & Elkan 2002)
};

/// What Platt scaling regresses on.
enum class PlattInput
{
    Logit, ///< x = logit(p) of a probability p in [0, 1] (clipped to [1e-15, 1 − 1e-15])
    Score, ///< x = the raw score, any real (e.g. an SVM decision value)
};

struct CalibrationParams
{
    /// Platt by default: two parameters are safe on a few hundred out-of-fold rows, where
    /// isotonic regression overfits (Niculescu-Mizil & Caruana 2005).
    CalibrationMethod method = CalibrationMethod::Platt;
    PlattInput plattInput = PlattInput::Logit;
    /// Isotonic outputs are clipped to [clipEpsilon, 1 − clipEpsilon], in (0, 0.5), so a block
    /// of all goods or all bads never yields 0 or 1 and log loss stays finite. Default 1e-4:
    /// a bad rate below 1 in 10,000 is not credible for a credit portfolio.
    double clipEpsilon = 1e-4;
    int maxIterations = 100; ///< Platt Newton iterations, >= 1

    /// Messages naming the offending field; empty = valid.
    std::vector<std::string> validate() const;
};

struct CalibrationFitResult
{
    int iterations = 0;    ///< Newton iterations used (Platt), else 0
    bool converged = true; ///< false when Platt hit maxIterations first
    std::vector<std::string> warnings;
};

/// Maps a model's score (ideally out-of-fold) to a calibrated P(bad). Fitted once, then
/// immutable; apply() may be called concurrently.
///
///     Calibrator calibrator({.method = CalibrationMethod::Isotonic});
///     calibrator.fit(outOfFoldScores, labels);
///     double p = calibrator.apply(score);
class Calibrator
{
public:
    Calibrator() = default;
    explicit Calibrator(const CalibrationParams& params);

    const CalibrationParams& params() const { return m_params; }

    /// Fits the mapping from `scores` to `labels` (1 = bad).
    /// - Platt: minimises cross-entropy against Platt's smoothed targets
    ///   t+ = (N+ + 1)/(N+ + 2) for bads and t− = 1/(N− + 2) for goods, which keeps (a, b)
    ///   finite even for perfectly separated data. Newton steps with a backtracking line
    ///   search, starting at a = 0, b = ln((N+ + 1)/(N− + 1)); stops when the mean gradient
    ///   is below 1e-10. O(n) per iteration.
    /// - Isotonic: rows are sorted by score, equal scores pooled, then adjacent blocks whose
    ///   bad rates decrease are pooled until the rates are non-decreasing. O(n log n).
    /// - None: nothing to fit.
    /// - One class only: fits (constant output near 0 or 1) and warns.
    /// - Throws std::invalid_argument for invalid params, no rows, mismatched lengths, labels
    ///   other than 0/1, non-finite scores, or (Platt on Logit) scores outside [0, 1].
    CalibrationFitResult fit(std::span<const double> scores, std::span<const std::uint8_t> labels);

    /// True after fit() or load(); always true for None.
    bool isFitted() const;

    /// Calibrated P(bad) of one score. Single-row path: no allocation, O(1) for Platt,
    /// O(log k) for isotonic with k knots; well under 1 µs.
    /// - Platt: σ(a·x + b), in (0, 1).
    /// - Isotonic: linear interpolation between the knots (each pooled block contributes
    ///   its lowest and highest score at the block's bad rate); constant beyond the end knots;
    ///   clipped to [clipEpsilon, 1 − clipEpsilon]. Reproduces the fitted block rates on the
    ///   training scores.
    /// - NaN in, NaN out. Throws std::logic_error when not fitted.
    double apply(double score) const;
    std::vector<double> apply(std::span<const double> scores) const;

    /// Platt slope a and intercept b (NaN unless fitted with Platt).
    double plattSlope() const { return m_slope; }
    double plattIntercept() const { return m_intercept; }
    /// Isotonic knots: strictly increasing scores with non-decreasing, unclipped bad rates.
    const std::vector<double>& knotScores() const { return m_knotX; }
    const std::vector<double>& knotRates() const { return m_knotY; }

    /// Binary serialisation (native byte order; every supported platform is little-endian):
    /// magic "CRSCALIB", format version, params, fitted state. load() replaces this object's
    /// state and throws std::runtime_error on a malformed or truncated stream, leaving the
    /// object unchanged.
    void save(std::ostream& out) const;
    void load(std::istream& in);

private:
    CalibrationFitResult fitPlatt(std::span<const double> scores,
                                  std::span<const std::uint8_t> labels);
    void fitIsotonic(std::span<const double> scores, std::span<const std::uint8_t> labels);
    double plattInput(double score) const;

    CalibrationParams m_params;
    bool m_fitted = false;
    double m_slope = std::numeric_limits<double>::quiet_NaN();
    double m_intercept = std::numeric_limits<double>::quiet_NaN();
    std::vector<double> m_knotX;
    std::vector<double> m_knotY;
};

} // namespace credit::core
