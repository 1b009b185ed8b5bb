// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
#pragma once

#include "data/dataset.h"

#include <string>
#include <string_view>
#include <vector>

namespace credit::core {

enum class FileFormat
{
    Auto,       ///< .arff → Arff, .csv/.tsv → Csv; otherwise (also .data) from the content:
                ///< '@' first → Arff, 21 blank-separated fields starting A1x → GermanData,
                ///< else Csv
    Arff,       ///< Weka ARFF (numeric/real/integer and nominal attributes)
    Csv,        ///< header row; delimiter sniffed among , ; TAB; RFC 4180 quoting
    GermanData, ///< UCI Statlog german.data: whitespace-separated A11… codes, class 1/2
};

struct ReadOptions
{
    FileFormat format = FileFormat::Auto;
    TargetSpec target; ///< defaults to column "class", positive label "bad"
    /// CSV columns to read as categorical whatever their values (numeric codes, or a column
    /// whose few non-numbers are real labels). A name not in the header is an error. ARFF
    /// and german.data declare their types, so there the list must be empty.
    std::vector<std::string> categoricalColumns;
};

/// What a reader produced: the dataset plus non-fatal remarks (e.g. "column 'x' is constant").
struct ReadResult
{
    Dataset dataset;
    FileFormat format = FileFormat::Arff; ///< the format actually read
    std::vector<std::string> warnings;
};

/// Reads a dataset file.
///
/// All formats:
/// - UTF-8 with or without BOM; LF or CRLF line ends. UTF-16 and NUL bytes are refused.
/// - Line numbers in errors are physical lines (1-based), also after quoted newlines.
/// - A missing target value is an error; the target then goes through Dataset::create
///   (two classes, positive label present; a numeric 0/1 or 1/2 target becomes categorical).
/// - Warnings: constant feature columns, all-missing feature columns, unnamed CSV columns.
///
/// ARFF: numeric / real / integer and nominal attributes (declared level order kept); quoted
/// names and values with '...' or "..." and backslash escapes; '%' comment lines; unquoted `?`
/// is missing; keywords in any case. string / date / relational attributes and sparse rows are
/// refused naming the attribute.
///
/// CSV: the first record is the header; empty names become "column<N>" (with a warning).
/// - Delimiter: the one of ',' ';' TAB that occurs, outside quotes, equally often on the first
///   20 lines (the largest such count wins; else the largest count on the header).
/// - RFC 4180 quoting; blanks around unquoted fields are trimmed; blank lines are skipped.
/// - Missing: an empty field, or unquoted `NA` or `?` ("NA" in quotes is a label).
/// - Types: a column is numeric when every non-missing value is a number (std::from_chars
///   syntax, optional leading '+'); with ';' as delimiter "1234,5" is read as 1234.5. Otherwise
///   it is categorical with levels in order of first appearance, unless fewer than 10 % of its
///   non-missing values are not numbers: then those values are taken for typos and the file is
///   refused with NotANumberError, naming each (up to 10) with its line — `credit.csv:118:
///   column 'duration': expected a number, got "six"` — unless the column is listed in
///   ReadOptions::categoricalColumns. A numeric column holding inf / nan / 1e999 is an error
///   naming the first such line.
///
/// german.data: 21 blank-separated fields per line (A11… codes, numbers, class 1/2), decoded
/// to the attribute names, level labels and order of credit-g.arff; 1 = good, 2 = bad.
///
/// Throws DataError whose message names the file, the 1-based line, the
/// column and what was expected — for an empty file, a header without rows, a wrong field count,
/// an unterminated quote, an undeclared nominal value, an unparsable or non-finite number, NUL
/// bytes, a missing target column or a target with fewer than two classes.
///
/// Cost: the whole file is read into memory first, then tokenised once in place; memory is the
/// file size plus 8 bytes per numeric and 4 per categorical value (a 162 MB, 1,000,000-row
/// German-Credit-shaped CSV peaks below 300 MB). A CSV column that turns categorical after
/// many numeric rows is re-read once for those rows.
ReadResult readDataset(const std::string& path, const ReadOptions& options = {});

/// Same, from text already in memory; `sourceName` stands for the file name in messages.
/// With FileFormat::Auto the format is guessed from `sourceName`'s extension, then the content.
ReadResult parseDataset(std::string_view text, const std::string& sourceName,
                        const ReadOptions& options = {});

/// The columns of a file without a target, as readDataset reads and types them (same formats,
/// checks and messages), for files of applicants to score, which may have no outcome column:
/// no column is required, a missing value is allowed in any column, and the class rules of
/// Dataset::create do not apply. Warnings are the parser's only (no per-column remarks).
struct TableReadResult
{
    std::vector<Column> columns;
    FileFormat format = FileFormat::Arff;
    std::vector<std::string> warnings;
};
TableReadResult readTable(const std::string& path, const ReadOptions& options = {});

/// The format FileFormat::Auto would read `text` as, `sourceName` giving the extension (the
/// rule on FileFormat::Auto; a leading BOM is skipped). Cheap: looks at the first line only.
FileFormat detectFormat(std::string_view text, const std::string& sourceName);

/// Lower-case name of a format ("arff", "csv", "german.data").
std::string formatName(FileFormat format);

} // namespace credit::core
