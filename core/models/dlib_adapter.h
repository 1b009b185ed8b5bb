// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

// Private to core/models: the one place where Eigen and dlib types meet. Include it only from
// .cpp files (dlib headers must stay out of public headers).

#include "models/classifier.h"

#include <dlib/matrix.h>

#include <vector>

namespace credit::core {

/// dlib's sample type for the kernel machines: a dense column vector of doubles.
using DlibSample = dlib::matrix<double, 0, 1>;

/// Row `row` of X as a dlib sample (one copy of p doubles).
inline DlibSample toDlibSample(const Matrix& x, Eigen::Index row)
{
    DlibSample sample(x.cols());
    for (Eigen::Index j = 0; j < x.cols(); ++j) {
        sample(j) = x(row, j);
    }
    return sample;
}

/// Every row of X as dlib samples.
inline std::vector<DlibSample> toDlibSamples(const Matrix& x)
{
    std::vector<DlibSample> samples;
    samples.reserve(std::size_t(x.rows()));
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
        samples.push_back(toDlibSample(x, i));
    }
    return samples;
}

/// 0/1 labels as dlib's ±1 (1 = positive class "bad" → +1).
inline std::vector<double> toDlibLabels(const std::vector<std::uint8_t>& y)
{
    std::vector<double> labels;
    labels.reserve(y.size());
    for (std::uint8_t v : y) {
        labels.push_back(v ? +1.0 : -1.0);
    }
    return labels;
}

} // namespace credit::core
