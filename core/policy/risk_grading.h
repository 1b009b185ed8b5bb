// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace credit::core {

/// One risk grade: applicants whose PD lies in [lower, upper) of the grade.
struct RiskGrade
{
    std::string name;        ///< "A"
    double upperPd = 1.0;    ///< exclusive upper bound of the band; the last grade's is 1
    std::string description; ///< "very low risk"

    bool operator==(const RiskGrade&) const = default;
};

/// A problem with one grade of a list, for a form that shows it beside that grade's field.
struct GradeIssue
{
    std::size_t grade = 0; ///< index of the offending grade (0 = the best)
    std::string message;   ///< e.g. "grade B: the upper PD (1.5 %) must be above grade A's (2 %)"
};

/// Risk grades on bands of the (prior-corrected) probability of default.
///
/// Default bands (on the PD of the population, i.e. after the prior correction of the
/// Threshold tab; without a population bad rate, on the calibrated model PD):
///
///     A  PD < 2 %         very low risk
///     B  2 % ≤ PD < 5 %   low risk
///     C  5 % ≤ PD < 10 %  moderate risk
///     D  10 % ≤ PD < 20 % high risk
///     E  PD ≥ 20 %        very high risk
///
/// The bands follow the usual retail master-scale spacing (each band roughly doubles the PD),
/// coarse enough for five grades to be populated on a portfolio with a 3–10 % bad rate.
/// The analyst can move the bounds (Threshold tab); they travel in the model bundle.
class RiskGrading
{
public:
    /// The default five grades above.
    RiskGrading();
    /// Custom grades, ordered from best to worst; the last grade takes every PD above the
    /// previous bound (its own bound is set to 1 whatever its value). Throws
    /// std::invalid_argument with the first message of validate() when that finds a problem.
    explicit RiskGrading(std::vector<RiskGrade> grades);

    /// Problems of `grades` as a grading, each naming its grade; empty = valid. Checks:
    /// - at least one grade, every grade named;
    /// - the upper bounds of every grade but the last strictly increasing and inside (0, 1)
    ///   (NaN fails). The last grade's bound is ignored.
    static std::vector<GradeIssue> validate(const std::vector<RiskGrade>& grades);

    bool operator==(const RiskGrading&) const = default;

    const std::vector<RiskGrade>& grades() const { return m_grades; }
    /// Index of the grade of `pd` (the first whose upper bound exceeds pd; the last grade for
    /// pd ≥ every bound). NaN gives the last grade.
    std::size_t gradeIndex(double pd) const;
    const RiskGrade& grade(double pd) const { return m_grades[gradeIndex(pd)]; }
    /// Lower bound of grade `index` (0 for the first).
    double lowerPd(std::size_t index) const;
    /// "A: PD < 2 %", "B: 2 % – 5 %", … one line per grade, for legends.
    std::vector<std::string> legend() const;

private:
    std::vector<RiskGrade> m_grades;
};

} // namespace credit::core
