// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <Eigen/Core>

namespace credit::core {

/// The design matrix: one row per applicant, one column per feature, column-major, in single
/// precision. Every model computes in double where it accumulates (the logistic regression's
/// Newton sums, TreeSHAP, calibration); single precision holds each value to 7 significant
/// digits, which XGBoost and dlib's kernels use anyway, and halves the memory of the largest
/// object of a fit (a 1M-row credit-g-shaped matrix: 256 MB instead of 512 MB).
using DesignMatrix = Eigen::MatrixXf;

} // namespace credit::core
