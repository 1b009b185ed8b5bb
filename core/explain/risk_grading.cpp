// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "explain/risk_grading.h"

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
    if (m_grades.empty()) {
        throw std::invalid_argument("risk grades: at least one grade is needed");
    }
    double previous = 0.0;
    for (std::size_t i = 0; i < m_grades.size(); ++i) {
        if (m_grades[i].name.empty()) {
            throw std::invalid_argument("risk grades: grade " + std::to_string(i + 1) +
                                        " has no name");
        }
        if (i + 1 == m_grades.size()) {
            m_grades[i].upperPd = 1.0;
        }
        const double upper = m_grades[i].upperPd;
        if (!(upper > previous) || upper > 1.0) {
            throw std::invalid_argument("risk grades: upper PD of grade '" + m_grades[i].name +
                                        "' must exceed the previous one and be at most 1");
        }
        previous = upper;
    }
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
