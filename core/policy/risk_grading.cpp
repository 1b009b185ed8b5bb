// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "policy/risk_grading.h"

#include "io/model_bundle.h"

#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace credit::core {
namespace {

std::string percent(double share)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g %%", share * 100.0);
    return buffer;
}

} // namespace

RiskGrading::RiskGrading()
    : m_grades{{"A", 0.02, "very low risk"},
               {"B", 0.05, "low risk"},
               {"C", 0.10, "moderate risk"},
               {"D", 0.20, "high risk"},
               {"E", 1.0, "very high risk"}}
{
}

RiskGrading::RiskGrading(std::vector<RiskGrade> grades) : m_grades(std::move(grades))
{
    if (const auto issues = validate(m_grades); !issues.empty()) {
        throw std::invalid_argument("risk grades: " + issues.front().message);
    }
    m_grades.back().upperPd = 1.0;
}

std::vector<GradeIssue> RiskGrading::validate(const std::vector<RiskGrade>& grades)
{
    std::vector<GradeIssue> issues;
    if (grades.empty()) {
        issues.push_back({0, "at least one grade is needed"});
        return issues;
    }
    auto label = [&](std::size_t i) {
        return grades[i].name.empty() ? "grade " + std::to_string(i + 1)
                                      : "grade " + grades[i].name;
    };
    for (std::size_t i = 0; i < grades.size(); ++i) {
        if (grades[i].name.empty()) {
            issues.push_back({i, label(i) + ": a name is needed"});
        }
        if (i + 1 == grades.size()) {
            break; // the last grade takes the rest
        }
        const double upper = grades[i].upperPd;
        const std::string shown = std::isnan(upper) ? "not a number" : percent(upper);
        if (i == 0 && !(upper > 0.0)) {
            issues.push_back({i, label(i) + ": the upper PD (" + shown + ") must be above 0 %"});
        } else if (i > 0 && !(upper > grades[i - 1].upperPd) &&
                   !std::isnan(grades[i - 1].upperPd)) {
            issues.push_back({i, label(i) + ": the upper PD (" + shown + ") must be above " +
                                     label(i - 1) + "'s (" + percent(grades[i - 1].upperPd) + ")"});
        } else if (!(upper < 1.0)) {
            issues.push_back({i, label(i) + ": the upper PD (" + shown + ") must be below 100 % (" +
                                     label(grades.size() - 1) + " takes the rest)"});
        }
    }
    return issues;
}

std::size_t RiskGrading::gradeIndex(double pd) const
{
    for (std::size_t i = 0; i + 1 < m_grades.size(); ++i) {
        if (pd < m_grades[i].upperPd) {
            return i;
        }
    }
    return m_grades.size() - 1;
}

double RiskGrading::lowerPd(std::size_t index) const
{
    return index == 0 ? 0.0 : m_grades.at(index - 1).upperPd;
}

std::vector<std::string> RiskGrading::legend() const
{
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < m_grades.size(); ++i) {
        const RiskGrade& g = m_grades[i];
        std::string band;
        if (m_grades.size() == 1) {
            band = "any PD";
        } else if (i == 0) {
            band = "PD < " + percent(g.upperPd);
        } else if (i + 1 == m_grades.size()) {
            band = "PD >= " + percent(lowerPd(i));
        } else {
            band = percent(lowerPd(i)) + " <= PD < " + percent(g.upperPd);
        }
        lines.push_back(g.name + ": " + band + " (" + g.description + ")");
    }
    return lines;
}

} // namespace credit::core
