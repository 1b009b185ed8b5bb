// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// Row `row` of a dataset as the applicant form would send it: attribute → text.
#pragma once

#include "data/dataset.h"
#include "explain/scorer.h"

namespace credit::test {

inline core::Applicant applicantOf(const core::Dataset& data, std::size_t row)
{
    core::Applicant a;
    for (std::size_t i : data.schema().featureIndices()) {
        a[data.column(i).name()] = data.column(i).text(row);
    }
    return a;
}

} // namespace credit::test
