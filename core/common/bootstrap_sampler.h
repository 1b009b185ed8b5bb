// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace credit::core {

/// Bootstrap draws (rows sampled with replacement) for every resampling interval of the engine:
/// eval/bootstrap's metric intervals and explain/cutoff_analysis's threshold spread.
///
/// - Stratified (default): the rows of each class are resampled separately, each keeping its
///   count, goods (label 0) first, then bads; plain: all rows as one stratum.
/// - Resample b draws from its own SeededRandom seeded with
///   SeededRandom::deriveSeed(seed, "bootstrap", b), so resample b is the same whatever other
///   resamples were drawn, in whichever order or thread.
/// - Every draw uses SeededRandom::below (unbiased, fully specified), never a <random>
///   distribution: same seed, same rows on every standard library.
///
/// Cost: O(n) per resample.
class BootstrapSampler
{
public:
    /// `labels`: 0 = good, anything else = bad. The labels are read once (not kept).
    BootstrapSampler(std::span<const std::uint8_t> labels, bool stratified, std::uint64_t seed);

    std::size_t rowCount() const { return m_rows; }

    /// The row indices of resample `b`: rowCount() indices into the labels given, stratum by
    /// stratum. `rows` is resized; reuse it across resamples to avoid allocation.
    void draw(std::size_t b, std::vector<std::size_t>& rows) const;

private:
    std::vector<std::vector<std::size_t>> m_strata;
    std::size_t m_rows = 0;
    std::uint64_t m_seed = 0;
};

} // namespace credit::core
