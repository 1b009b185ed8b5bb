// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "common/bootstrap_sampler.h"

#include "common/seeded_random.h"

namespace credit::core {

BootstrapSampler::BootstrapSampler(std::span<const std::uint8_t> labels, bool stratified,
                                   std::uint64_t seed)
    : m_strata(stratified ? 2 : 1), m_rows(labels.size()), m_seed(seed)
{
    for (std::size_t i = 0; i < labels.size(); ++i) {
        m_strata[stratified && labels[i] != 0 ? 1 : 0].push_back(i);
    }
}

void BootstrapSampler::draw(std::size_t b, std::vector<std::size_t>& rows) const
{
    rows.resize(m_rows);
    SeededRandom random(SeededRandom::deriveSeed(m_seed, "bootstrap", b));
    std::size_t out = 0;
    for (const auto& stratum : m_strata) {
        for (std::size_t j = 0; j < stratum.size(); ++j) {
            rows[out++] = stratum[static_cast<std::size_t>(random.below(stratum.size()))];
        }
    }
}

} // namespace credit::core
