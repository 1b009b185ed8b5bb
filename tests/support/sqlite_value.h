// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
// Reads one value from an SQLite file with the SQLite C library itself, as another program
// would: the tests of the prediction log check its file this way.
#pragma once

#include <sqlite3.h>

#include <string>

namespace credit::test {

/// The first column of the first row of `sql` on the database at `path` (read-only), as
/// text; empty when there is none.
inline std::string sqlValue(const std::string& path, const char* sql)
{
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* stmt = nullptr;
    std::string value;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0) != nullptr) {
        value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return value;
}

} // namespace credit::test
