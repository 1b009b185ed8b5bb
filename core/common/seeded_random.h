// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace credit::core {

/// The one seeded sampling source of the engine (models, training, evaluation, explanations):
/// SplitMix64
/// (Steele, Lea & Flood 2014, the seeding generator of xoshiro). Unlike the distributions of
/// <random>, whose algorithms are implementation-defined, every draw here is specified below,
/// so the same seed gives the same folds and trials on every compiler and platform.
///
/// Not thread-safe; give every thread or task its own generator, seeded by deriveSeed().
///
/// The one rule for child seeds: every random step below a run seed takes
/// `deriveSeed(parent, label, index)` — never `seed + i`, `seed & mask` or a second generator
/// — so that streams of different steps are independent and the numbers do not depend on the
/// order in which threads reach them. Labels name the step ("stratified-kfold", "bootstrap",
/// "stack-member", …); the index numbers its repetitions (repeat, resample, fold · members +
/// member).
class SeededRandom
{
public:
    explicit SeededRandom(std::uint64_t seed) : m_state(seed) {}

    /// Next 64 uniformly distributed bits (SplitMix64 step).
    std::uint64_t next();

    /// Uniform integer in [0, bound) by Lemire's multiply-and-reject method (no modulo bias).
    /// Precondition: bound >= 1.
    std::uint64_t below(std::uint64_t bound);

    /// Uniform double in [0, 1): the top 53 bits of next() scaled by 2^-53.
    double uniform();

    /// Fisher–Yates shuffle of `values` in place (Knuth's algorithm P, from the back), each
    /// swap partner drawn with below(). Cost: n draws.
    template <typename T> void shuffle(std::vector<T>& values)
    {
        for (std::size_t i = values.size(); i > 1; --i) {
            const auto j = static_cast<std::size_t>(below(i));
            std::swap(values[i - 1], values[j]);
        }
    }

    /// The SplitMix64 finaliser: a bijective 64-bit mix with full avalanche.
    static std::uint64_t mix(std::uint64_t value);

    /// A seed derived from a parent seed and labels, e.g. (run seed, "rf", trial 7). Different
    /// labels give statistically independent streams; the result depends only on the inputs,
    /// never on thread scheduling. Mixing: FNV-1a 64 over the label, then three rounds of the
    /// SplitMix64 finaliser (mix) combining the parent, the label hash and the index.
    static std::uint64_t deriveSeed(std::uint64_t parent, std::string_view label,
                                    std::uint64_t index = 0);

    /// deriveSeed() cut to 31 bits, for a library whose seed parameter is a signed 32-bit
    /// integer (XGBoost's `seed`); the top bits are kept, as they are the best mixed.
    static std::uint32_t deriveSeed31(std::uint64_t parent, std::string_view label,
                                      std::uint64_t index = 0)
    {
        return static_cast<std::uint32_t>(deriveSeed(parent, label, index) >> 33);
    }

private:
    std::uint64_t m_state;
};

} // namespace credit::core
