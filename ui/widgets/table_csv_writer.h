// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class QAbstractItemModel;

namespace credit::ui {

/// Writes a table model as CSV (RFC 4180: comma-separated, fields with a comma, quote or line
/// break quoted, quotes doubled; UTF-8; header row from the horizontal header). Each cell uses
/// the model's EditRole when it holds a number (full precision, '.' as decimal point) and the
/// DisplayRole text otherwise.
class TableCsvWriter
{
public:
    static QString toCsv(const QAbstractItemModel& model);
    /// Writes atomically (core/common/atomic_file.h). On failure returns false and sets `error`
    /// to a message naming the file.
    static bool save(const QAbstractItemModel& model, const QString& path,
                     QString* error = nullptr);
};

} // namespace credit::ui
