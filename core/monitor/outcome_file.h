// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace credit::core {

/// Where an outcomes file keeps what.
struct OutcomeFileParams
{
    std::string idColumn = "id";           ///< the applicant id, matched as text
    std::string outcomeColumn = "outcome"; ///< the realised outcome
    std::string positiveLabel = "bad";     ///< besides 1 / true / yes: a default
    std::string negativeLabel = "good";    ///< besides 0 / false / no: repaid
};

/// Reads a CSV (or any format readTable reads) of applicant ids and realised outcomes, for
/// PredictionLog::importOutcomes(). Both columns are read as text (ids keep leading zeros).
/// Outcome values, any case: the positive label, 1, true, yes → 1; the negative label, 0,
/// false, no → 0. Rows with an empty id are skipped.
/// Throws DataError naming the file and the missing column, or the file, the row (1-based,
/// after the header) and the value for an outcome that is none of these.
std::vector<std::pair<std::string, int>> readOutcomeFile(const std::string& path,
                                                         const OutcomeFileParams& params = {});

} // namespace credit::core
