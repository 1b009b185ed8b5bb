// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// Shared by the evaluation and calibration tests: data-driven column types and a tolerant
// double comparison that treats an expected NaN as "must be NaN".
#pragma once

#include <QMetaType>
#include <QTest>

#include <cmath>
#include <cstdint>
#include <vector>

using Scores = std::vector<double>;
using Labels = std::vector<std::uint8_t>;
Q_DECLARE_METATYPE(Scores)
Q_DECLARE_METATYPE(Labels)

// Compares doubles to an absolute tolerance; an expected NaN requires a NaN.
#define CREDIT_COMPARE_NEAR(actual, expected, tolerance)                                           \
    do {                                                                                           \
        const double a_ = (actual);                                                                \
        const double e_ = (expected);                                                              \
        QVERIFY2(std::isnan(e_) ? std::isnan(a_) : std::abs(a_ - e_) <= (tolerance),               \
                 qPrintable(QStringLiteral("%1: got %2, expected %3")                              \
                                .arg(QStringLiteral(#actual))                                      \
                                .arg(a_, 0, 'g', 17)                                               \
                                .arg(e_, 0, 'g', 17)));                                            \
    } while (false)
