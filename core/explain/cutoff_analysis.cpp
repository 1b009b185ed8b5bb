// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#include "explain/cutoff_analysis.h"

#include "common/bootstrap_sampler.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace credit::core {

std::vector<std::string> CutoffParams::validate() const
{
    std::vector<std::string> problems = costs.validate();
    for (const std::string& p : profit.validate()) {
        problems.push_back(p);
    }
    auto rate = [&](double value, const char* name) {
        if (!std::isnan(value) && !(value > 0.0 && value < 1.0)) {
            problems.push_back(std::string(name) + ": must lie strictly between 0 and 1");
        }
    };
    rate(sampleBadRate, "sample_bad_rate");
    rate(populationBadRate, "population_bad_rate");
    if (!std::isnan(portfolioSize) && !(portfolioSize > 0.0)) {
        problems.push_back("portfolio_size: must be above 0");
    }
    return problems;
}

CutoffAnalysis::CutoffAnalysis(std::vector<double> modelPd, std::vector<std::uint8_t> labels,
                               std::vector<double> amounts, const CutoffParams& params)
    : m_params(params), m_pd(std::move(modelPd)), m_labels(std::move(labels)),
      m_amounts(std::move(amounts))
{
    if (const auto problems = m_params.validate(); !problems.empty()) {
        throw std::invalid_argument("cut-off analysis: " + problems.front());
    }
    if (m_labels.size() != m_pd.size()) {
        throw std::invalid_argument("cut-off analysis: " + std::to_string(m_pd.size()) +
                                    " probabilities but " + std::to_string(m_labels.size()) +
                                    " labels");
    }
    m_hasAmounts = !m_amounts.empty();
    if (m_hasAmounts && m_amounts.size() != m_pd.size()) {
        throw std::invalid_argument("cut-off analysis: amounts and probabilities differ in "
                                    "length");
    }
    std::size_t bads = 0;
    for (std::size_t i = 0; i < m_pd.size(); ++i) {
        if (!(m_pd[i] >= 0.0 && m_pd[i] <= 1.0)) {
            throw std::invalid_argument("cut-off analysis: probability " + std::to_string(i) +
                                        " is outside [0, 1]");
        }
        if (m_labels[i] > 1) {
            throw std::invalid_argument("cut-off analysis: labels must be 0 or 1");
        }
        if (m_hasAmounts && !(m_amounts[i] >= 0.0 && std::isfinite(m_amounts[i]))) {
            throw std::invalid_argument("cut-off analysis: amount " + std::to_string(i) +
                                        " is negative or not finite");
        }
        bads += m_labels[i];
    }
    m_sampleRate = std::isnan(m_params.sampleBadRate)
                       ? (m_pd.empty() ? 0.0 : double(bads) / double(m_pd.size()))
                       : m_params.sampleBadRate;
    m_shift = !std::isnan(m_params.populationBadRate) && m_sampleRate > 0.0 &&
              m_sampleRate < 1.0;
    if (m_shift) {
        // Saerens et al. 2002: bads weigh πt/πs, goods (1 − πt)/(1 − πs).
        m_wBad = m_params.populationBadRate / m_sampleRate;
        m_wGood = (1.0 - m_params.populationBadRate) / (1.0 - m_sampleRate);
        for (double& p : m_pd) {
            p = adjustForPrior(p, m_sampleRate, m_params.populationBadRate);
        }
    }
    prepare();
}

void CutoffAnalysis::prepare()
{
    const std::size_t n = m_pd.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return m_pd[a] < m_pd[b]; });
    std::vector<double> pd(n);
    std::vector<std::uint8_t> labels(n);
    std::vector<double> amounts(m_hasAmounts ? n : 0);
    for (std::size_t i = 0; i < n; ++i) {
        pd[i] = m_pd[order[i]];
        labels[i] = m_labels[order[i]];
        if (m_hasAmounts) {
            amounts[i] = m_amounts[order[i]];
        }
    }
    m_pd = std::move(pd);
    m_labels = std::move(labels);
    m_amounts = std::move(amounts);
    m_goodW.assign(n + 1, 0.0);
    m_badW.assign(n + 1, 0.0);
    m_goodAmountW.assign(n + 1, 0.0);
    m_badAmountW.assign(n + 1, 0.0);
    m_goods.assign(n + 1, 0);
    m_bads.assign(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const bool bad = m_labels[i] == 1;
        const double amount = m_hasAmounts ? m_amounts[i] : 0.0;
        m_goodW[i + 1] = m_goodW[i] + (bad ? 0.0 : m_wGood);
        m_badW[i + 1] = m_badW[i] + (bad ? m_wBad : 0.0);
        m_goodAmountW[i + 1] = m_goodAmountW[i] + (bad ? 0.0 : m_wGood * amount);
        m_badAmountW[i + 1] = m_badAmountW[i] + (bad ? m_wBad * amount : 0.0);
        m_goods[i + 1] = m_goods[i] + (bad ? 0 : 1);
        m_bads[i + 1] = m_bads[i] + (bad ? 1 : 0);
    }
    m_weightTotal = m_goodW[n] + m_badW[n];
}

double CutoffAnalysis::toPopulation(double modelPd) const
{
    return m_shift ? adjustForPrior(std::clamp(modelPd, 0.0, 1.0), m_sampleRate,
                                    m_params.populationBadRate)
                   : modelPd;
}

double CutoffAnalysis::toModelScale(double pd) const
{
    return m_shift ? adjustForPrior(std::clamp(pd, 0.0, 1.0), m_params.populationBadRate,
                                    m_sampleRate)
                   : pd;
}

CutoffPoint CutoffAnalysis::pointAt(std::size_t k) const
{
    const std::size_t n = m_pd.size();
    CutoffPoint p;
    p.counts.trueNegatives = m_goods[k];
    p.counts.falseNegatives = m_bads[k];
    p.counts.falsePositives = m_goods[n] - m_goods[k];
    p.counts.truePositives = m_bads[n] - m_bads[k];
    if (n == 0 || m_weightTotal <= 0.0) {
        return p;
    }
    const double w = m_weightTotal;
    p.goodAccepted = m_goodW[k] / w;
    p.badAccepted = m_badW[k] / w;
    p.goodRejected = (m_goodW[n] - m_goodW[k]) / w;
    p.badRejected = (m_badW[n] - m_badW[k]) / w;
    p.acceptanceRate = p.goodAccepted + p.badAccepted;
    p.badRateAccepted = p.acceptanceRate > 0.0 ? p.badAccepted / p.acceptanceRate
                                               : CutoffPoint::kNaN;
    const CostMatrix& c = m_params.costs;
    p.costPerApplicant = p.badAccepted * c.badAccepted + p.goodRejected * c.goodRejected +
                         p.badRejected * c.badRejected + p.goodAccepted * c.goodAccepted;
    if (m_hasAmounts) {
        p.profitPerApplicant = (m_params.profit.marginGood * m_goodAmountW[k] -
                                m_params.profit.lossGivenDefault * m_badAmountW[k]) /
                               w;
        const double portfolio =
            std::isnan(m_params.portfolioSize) ? double(n) : m_params.portfolioSize;
        p.profitTotal = p.profitPerApplicant * portfolio;
    }
    return p;
}

CutoffPoint CutoffAnalysis::at(double threshold) const
{
    // Accept when PD <= threshold: the rows before the first PD above it.
    const auto k = std::size_t(std::upper_bound(m_pd.begin(), m_pd.end(), threshold) -
                               m_pd.begin());
    CutoffPoint p = pointAt(k);
    p.threshold = threshold;
    return p;
}

double CutoffAnalysis::loss(const CutoffPoint& point) const
{
    return m_params.objective == CutoffObjective::Cost ? point.costPerApplicant
                                                       : -point.profitPerApplicant;
}

double CutoffAnalysis::savings(const CutoffPoint& point, const CutoffPoint& reference) const
{
    return m_params.objective == CutoffObjective::Cost
               ? reference.costPerApplicant - point.costPerApplicant
               : point.profitTotal - reference.profitTotal;
}

std::vector<CutoffPoint> CutoffAnalysis::curve() const
{
    std::vector<CutoffPoint> points;
    const std::size_t n = m_pd.size();
    if (n == 0) {
        return points;
    }
    CutoffPoint first = pointAt(0);
    first.threshold = std::max(0.0, std::nextafter(m_pd.front(), -1.0));
    points.push_back(first);
    for (std::size_t i = 0; i < n; ++i) {
        if (i + 1 < n && m_pd[i + 1] == m_pd[i]) {
            continue; // never split equal PDs
        }
        CutoffPoint p = pointAt(i + 1);
        p.threshold = m_pd[i];
        points.push_back(p);
    }
    return points;
}

CutoffPoint CutoffAnalysis::optimum() const
{
    const std::vector<CutoffPoint> points = curve();
    if (points.empty()) {
        return {};
    }
    std::size_t best = 0;
    for (std::size_t i = 1; i < points.size(); ++i) {
        const double a = loss(points[i]);
        const double b = loss(points[best]);
        // Ties (within 1e-12 relative) go to the higher threshold: more applicants accepted.
        if (a <= b + 1e-12 * std::max(1.0, std::fabs(b))) {
            best = i;
        }
    }
    return points[best];
}

BootstrapInterval CutoffAnalysis::optimumSpread(std::size_t resamples, std::uint64_t seed,
                                                double confidence,
                                                const ProgressSink& progress) const
{
    BootstrapInterval interval;
    interval.confidence = confidence;
    interval.resamples = resamples;
    interval.estimate = optimum().threshold;
    if (m_pd.empty() || resamples == 0) {
        interval.warnings.push_back("no rows or no resamples: no interval");
        return interval;
    }
    // The engine's bootstrap draws (goods, then bads, each keeping its count).
    const BootstrapSampler sampler(m_labels, true, seed);
    std::vector<std::size_t> rows;
    std::vector<double> thresholds;
    std::vector<double> pd(m_pd.size());
    std::vector<std::uint8_t> labels(m_pd.size());
    std::vector<double> amounts(m_hasAmounts ? m_pd.size() : 0);
    CutoffParams params = m_params;
    params.populationBadRate = CutoffParams::kNaN; // PDs below are already on the population scale
    params.sampleBadRate = CutoffParams::kNaN;
    for (std::size_t b = 0; b < resamples; ++b) {
        sampler.draw(b, rows);
        for (std::size_t j = 0; j < rows.size(); ++j) {
            const std::size_t i = rows[j];
            pd[j] = m_pd[i];
            labels[j] = m_labels[i];
            if (m_hasAmounts) {
                amounts[j] = m_amounts[i];
            }
        }
        CutoffAnalysis resample(pd, labels, amounts, params);
        // Keep the population weighting of this analysis.
        resample.m_wBad = m_wBad;
        resample.m_wGood = m_wGood;
        resample.prepare();
        const double t = resample.optimum().threshold;
        if (std::isfinite(t)) {
            thresholds.push_back(t);
        }
        if (progress) {
            ProgressEvent event;
            event.stage = "bootstrap";
            event.done = b + 1;
            event.total = resamples;
            event.fraction = double(b + 1) / double(resamples);
            if (!progress(event)) {
                throw Cancelled{};
            }
        }
    }
    interval.validResamples = thresholds.size();
    if (thresholds.empty()) {
        interval.warnings.push_back("no resample gave a threshold");
        return interval;
    }
    const double alpha = (1.0 - confidence) / 2.0;
    interval.lower = quantile(thresholds, alpha);
    interval.upper = quantile(thresholds, 1.0 - alpha);
    double mean = 0.0;
    for (const double t : thresholds) {
        mean += t;
    }
    mean /= double(thresholds.size());
    double ss = 0.0;
    for (const double t : thresholds) {
        ss += (t - mean) * (t - mean);
    }
    interval.standardError =
        thresholds.size() > 1 ? std::sqrt(ss / double(thresholds.size() - 1)) : 0.0;
    return interval;
}

double CutoffAnalysis::theoreticalThreshold() const
{
    return m_params.objective == CutoffObjective::Cost ? bayesThreshold(m_params.costs)
                                                       : breakEvenProbability(m_params.profit);
}

} // namespace credit::core
