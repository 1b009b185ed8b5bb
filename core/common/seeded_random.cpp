// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "common/seeded_random.h"

namespace credit::core {
namespace {

// GCC/Clang's 128-bit integer; __extension__ keeps -Wpedantic quiet about it.
__extension__ using Uint128 = unsigned __int128;

} // namespace

std::uint64_t SeededRandom::mix(std::uint64_t value)
{
    value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9ULL;
    value = (value ^ (value >> 27)) * 0x94d049bb133111ebULL;
    return value ^ (value >> 31);
}

std::uint64_t SeededRandom::next()
{
    m_state += 0x9e3779b97f4a7c15ULL;
    return mix(m_state);
}

std::uint64_t SeededRandom::below(std::uint64_t bound)
{
    // Lemire, "Fast random integer generation in an interval" (2019): the high word of a
    // 64×64 product is uniform in [0, bound) once the low word's biased zone is rejected.
    Uint128 product = static_cast<Uint128>(next()) * bound;
    auto low = static_cast<std::uint64_t>(product);
    if (low < bound) {
        const std::uint64_t threshold = (0 - bound) % bound;
        while (low < threshold) {
            product = static_cast<Uint128>(next()) * bound;
            low = static_cast<std::uint64_t>(product);
        }
    }
    return static_cast<std::uint64_t>(product >> 64);
}

double SeededRandom::uniform()
{
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

std::uint64_t SeededRandom::deriveSeed(std::uint64_t parent, std::string_view label,
                                       std::uint64_t index)
{
    // FNV-1a over the label, then mixed with the parent and the index; each step goes through
    // the bijective finaliser so nearby inputs land far apart.
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const char c : label) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    std::uint64_t value = mix(parent + 0x9e3779b97f4a7c15ULL);
    value = mix(value ^ hash);
    value = mix(value + 0x9e3779b97f4a7c15ULL * (index + 1));
    return value;
}

} // namespace credit::core
