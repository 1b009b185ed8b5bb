// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace credit::core {

/// A number as short, readable text for bin labels and outlier reasons (not for round trips):
/// - integer values print without decimals ("18424", "-3");
/// - other values keep about five significant digits, at least one decimal and no trailing
///   zeros ("7882.4", "0.66613", "12.5");
/// - NaN prints as "nan", infinities as "inf" / "-inf".
std::string formatNumber(double value);

} // namespace credit::core
