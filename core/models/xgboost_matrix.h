// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

// Private to core/models (includes XGBoost's C API): turning the engine's column-major double
// matrices into XGBoost matrices without a full copy.

#include "models/classifier.h"

#include <xgboost/c_api.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace credit::core::xgb {

/// Throws std::runtime_error("XGBoost <what>: <XGBGetLastError()>") when rc != 0.
void check(int rc, const char* what);

/// An owned DMatrixHandle.
struct DMatrix
{
    DMatrixHandle handle = nullptr;
    DMatrix() = default;
    DMatrix(const DMatrix&) = delete;
    DMatrix& operator=(const DMatrix&) = delete;
    ~DMatrix();
};

/// The __array_interface__ JSON XGBoost reads dense data through (strides in bytes).
std::string denseInterface(const void* data, std::size_t rows, std::size_t cols,
                           const char* typestr, std::size_t rowStride, std::size_t colStride);

/// The training matrix of rows `rows` of X (every row when empty) with labels y, as a
/// QuantileDMatrix fed in float batches: XGBoost keeps only its one-byte histogram index.
/// Above 131,072 rows the bin boundaries come from an evenly spaced sample of that many rows.
void trainingDMatrix(const Matrix& x, const std::vector<std::size_t>& rows,
                     const std::vector<std::uint8_t>& y, int threads, std::int64_t maxBin,
                     DMatrix& out);

/// A plain DMatrix (full float values) of rows `rows` of X, with labels when y is given.
void plainDMatrix(const Matrix& x, const std::vector<std::size_t>& rows,
                  const std::vector<std::uint8_t>* y, int threads, DMatrix& out);

} // namespace credit::core::xgb
