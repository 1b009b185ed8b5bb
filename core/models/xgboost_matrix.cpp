// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "models/xgboost_matrix.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <stdexcept>

namespace credit::core::xgb {

void check(int rc, const char* what)
{
    if (rc != 0) {
        throw std::runtime_error(std::string("XGBoost ") + what + ": " + XGBGetLastError());
    }
}

DMatrix::~DMatrix()
{
    if (handle) {
        XGDMatrixFree(handle);
    }
}

std::string denseInterface(const void* data, std::size_t rows, std::size_t cols,
                           const char* typestr, std::size_t rowStride, std::size_t colStride)
{
    char buffer[256];
    std::snprintf(buffer, sizeof buffer,
                  "{\"data\": [%zu, true], \"shape\": [%zu, %zu], \"strides\": [%zu, %zu], "
                  "\"typestr\": \"%s\", \"version\": 3}",
                  reinterpret_cast<std::size_t>(data), rows, cols, rowStride, colStride, typestr);
    return buffer;
}

namespace {

constexpr std::size_t kBatchRows = 32768;   // rows per batch fed to XGBoost while building
constexpr std::size_t kTileRows = 256;      // transposition tile (fits in L1/L2)
constexpr std::size_t kSketchRows = 131072; // rows sketched for the bin boundaries

} // namespace

ZeroIsMissing indicatorColumns(const Matrix& x)
{
    ZeroIsMissing mask(std::size_t(x.cols()), 0);
    for (Eigen::Index j = 0; j < x.cols() && x.rows() <= kSparseRowsMax; ++j) {
        const auto column = x.col(j);
        mask[std::size_t(j)] =
            std::all_of(column.begin(), column.end(), [](float v) { return v == 0.0f || v == 1.0f; })
                ? 1
                : 0;
    }
    // No masked column: empty, so that prediction keeps XGBoost's in-place path.
    return std::any_of(mask.begin(), mask.end(), [](std::uint8_t m) { return m != 0; })
               ? mask
               : ZeroIsMissing{};
}

// Transposed in tiles so that both the reads and the writes stay in cache.
void gatherFloat(const Matrix& x, const std::vector<std::size_t>& rows, std::size_t begin,
                 std::size_t count, const ZeroIsMissing& mask, std::vector<float>& out)
{
    constexpr float kMissing = std::numeric_limits<float>::quiet_NaN();
    const std::size_t p = std::size_t(x.cols());
    out.resize(count * p);
    for (std::size_t t = 0; t < count; t += kTileRows) {
        const std::size_t end = std::min(count, t + kTileRows);
        for (std::size_t j = 0; j < p; ++j) {
            const float* column = x.col(Eigen::Index(j)).data();
            float* target = out.data() + j;
            // Four plain loops rather than one with two tests per value (the gather is a
            // few percent of a 1M-row GBDT fit).
            if (!mask.empty() && mask[j]) {
                for (std::size_t i = t; i < end; ++i) {
                    const float v = column[rows.empty() ? begin + i : rows[begin + i]];
                    target[i * p] = v == 0.0f ? kMissing : v;
                }
            } else if (rows.empty()) {
                const float* from = column + begin;
                for (std::size_t i = t; i < end; ++i) {
                    target[i * p] = from[i];
                }
            } else {
                const std::size_t* index = rows.data() + begin;
                for (std::size_t i = t; i < end; ++i) {
                    target[i * p] = column[index[i]];
                }
            }
        }
    }
}

Matrix withMissingZeros(const Matrix& x, const ZeroIsMissing& mask)
{
    Matrix out = x;
    for (std::size_t j = 0; j < mask.size() && Eigen::Index(j) < x.cols(); ++j) {
        if (mask[j]) {
            auto column = out.col(Eigen::Index(j));
            column = (column.array() == 0.0f)
                         .select(std::numeric_limits<float>::quiet_NaN(), column);
        }
    }
    return out;
}

namespace {

// Feeds X in float batches to XGBQuantileDMatrix: only the histogram index (one byte per
// value) is kept by XGBoost, never a float or sparse copy of the whole matrix.
struct BatchFeeder
{
    const Matrix* x = nullptr;
    const std::vector<std::size_t>* rows = nullptr;
    const std::vector<std::uint8_t>* y = nullptr;
    const ZeroIsMissing* mask = nullptr;
    DMatrixHandle proxy = nullptr;
    std::size_t total = 0;
    std::size_t position = 0;
    std::vector<float> values;
    std::vector<float> labels;
    std::string interface;

    static void reset(DataIterHandle self) { static_cast<BatchFeeder*>(self)->position = 0; }
    static int next(DataIterHandle self)
    {
        auto* f = static_cast<BatchFeeder*>(self);
        if (f->position >= f->total) {
            return 0;
        }
        const std::size_t count = std::min(kBatchRows, f->total - f->position);
        gatherFloat(*f->x, *f->rows, f->position, count, *f->mask, f->values);
        f->labels.resize(count);
        for (std::size_t i = 0; i < count; ++i) {
            const std::size_t r = f->rows->empty() ? f->position + i : (*f->rows)[f->position + i];
            f->labels[i] = float((*f->y)[r]);
        }
        const std::size_t p = std::size_t(f->x->cols());
        f->interface = denseInterface(f->values.data(), count, p, "<f4", p * 4, 4);
        if (XGProxyDMatrixSetDataDense(f->proxy, f->interface.c_str()) != 0 ||
            XGDMatrixSetDenseInfo(f->proxy, "label", f->labels.data(), count, 1) != 0) {
            return -1;
        }
        f->position += count;
        return 1;
    }
};

void quantileDMatrix(const Matrix& x, const std::vector<std::size_t>& rows,
                     const std::vector<std::uint8_t>& y, const ZeroIsMissing& mask, int threads,
                     std::int64_t maxBin, DMatrix& out, DMatrixHandle reference = nullptr)
{
    DMatrix proxy;
    check(XGProxyDMatrixCreate(&proxy.handle), "proxy");
    BatchFeeder feeder;
    feeder.x = &x;
    feeder.rows = &rows;
    feeder.y = &y;
    feeder.mask = &mask;
    feeder.proxy = proxy.handle;
    feeder.total = rows.empty() ? std::size_t(x.rows()) : rows.size();
    const std::string config = "{\"missing\": NaN, \"nthread\": " + std::to_string(threads) +
                               ", \"max_bin\": " + std::to_string(maxBin) + "}";
    check(XGQuantileDMatrixCreateFromCallback(&feeder, proxy.handle, reference, BatchFeeder::reset,
                                              BatchFeeder::next, config.c_str(), &out.handle),
          "building the training matrix");
}

} // namespace

// The training matrix. Above kSketchRows rows, the bin boundaries come from an evenly spaced
// sample of kSketchRows rows (a reference matrix) instead of sketching every row: the sketch
// dominated the fit (5 of 6 CPU seconds for 1M rows and 11 rounds) while quantiles of 131k
// rows are within about 0.3 % in rank of the full ones, finer than the histogram's bins.
void trainingDMatrix(const Matrix& x, const std::vector<std::size_t>& rows,
                     const std::vector<std::uint8_t>& y, const ZeroIsMissing& mask, int threads,
                     std::int64_t maxBin, DMatrix& out)
{
    const std::size_t total = rows.empty() ? std::size_t(x.rows()) : rows.size();
    if (total <= kSketchRows) {
        quantileDMatrix(x, rows, y, mask, threads, maxBin, out);
        return;
    }
    std::vector<std::size_t> sample(kSketchRows);
    for (std::size_t i = 0; i < kSketchRows; ++i) {
        const std::size_t k = i * total / kSketchRows;
        sample[i] = rows.empty() ? k : rows[k];
    }
    DMatrix reference;
    quantileDMatrix(x, sample, y, mask, threads, maxBin, reference);
    quantileDMatrix(x, rows, y, mask, threads, maxBin, out, reference.handle);
}

// A plain DMatrix (full float values): the early-stopping validation rows.
void plainDMatrix(const Matrix& x, const std::vector<std::size_t>& rows,
                  const std::vector<std::uint8_t>* y, const ZeroIsMissing& mask, int threads,
                  DMatrix& out)
{
    std::vector<float> values;
    const std::size_t n = rows.empty() ? std::size_t(x.rows()) : rows.size();
    gatherFloat(x, rows, 0, n, mask, values);
    const std::size_t p = std::size_t(x.cols());
    const std::string interface = denseInterface(values.data(), n, p, "<f4", p * 4, 4);
    const std::string config = "{\"missing\": NaN, \"nthread\": " + std::to_string(threads) + "}";
    check(XGDMatrixCreateFromDense(interface.c_str(), config.c_str(), &out.handle), "matrix");
    if (y) {
        std::vector<float> labels(n);
        for (std::size_t i = 0; i < n; ++i) {
            labels[i] = float((*y)[rows.empty() ? i : rows[i]]);
        }
        check(XGDMatrixSetDenseInfo(out.handle, "label", labels.data(), n, 1), "labels");
    }
}

} // namespace credit::core::xgb
