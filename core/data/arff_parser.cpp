// SPDX-FileCopyrightText: 2026 Credit Risk Studio authors
// SPDX-License-Identifier: MIT
//
// Weka ARFF: a header of @relation / @attribute lines, then @data with one instance per line.
// Supported: numeric / real / integer and nominal attributes, '...' and "..." quoting with
// backslash escapes, '%' comment lines, '?' for missing, keywords in any case. Sparse rows,
// instance weights and string / date / relational attributes are refused with a message.
#include "data/reader_support.h"

#include <limits>

namespace credit::core::detail {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
const std::string kNoName;

struct Attribute
{
    std::string name;
    bool numeric = true;
    LevelTable levels; // nominal only
};

class ArffParser
{
public:
    ArffParser(std::string_view text, const std::string& source, const TargetSpec& target)
        : m_text(text), m_source(source), m_target(target)
    {
    }

    ParsedTable run();

private:
    // Next physical line without its terminator; false at the end of the text.
    bool nextLine(std::string_view& line)
    {
        if (m_pos >= m_text.size()) {
            return false;
        }
        const std::size_t end = m_text.find('\n', m_pos);
        const std::size_t stop = end == std::string_view::npos ? m_text.size() : end;
        line = m_text.substr(m_pos, stop - m_pos);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        m_pos = end == std::string_view::npos ? m_text.size() : end + 1;
        ++m_line;
        return true;
    }

    [[noreturn]] void fail(const std::string& column, const std::string& detail) const
    {
        throw DataError(m_source, m_line, column, detail);
    }

    // Reads a possibly quoted token starting at `pos` (blanks skipped). Unquoted tokens end at
    // a blank or at any of `stops`. Sets `quoted`; advances `pos` past the token.
    std::string readToken(std::string_view line, std::size_t& pos, std::string_view stops,
                          bool& quoted, const std::string& column) const;

    void parseAttribute(std::string_view rest);
    void parseDataLine(std::string_view line);

    std::string_view m_text;
    const std::string& m_source;
    const TargetSpec& m_target;
    std::size_t m_pos = 0;
    std::size_t m_line = 0;
    std::vector<Attribute> m_attributes;
    std::vector<Column> m_columns;
    std::size_t m_targetIndex = std::numeric_limits<std::size_t>::max();
    std::string m_scratch;
};

std::string ArffParser::readToken(std::string_view line, std::size_t& pos, std::string_view stops,
                                  bool& quoted, const std::string& column) const
{
    while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t')) {
        ++pos;
    }
    quoted = pos < line.size() && (line[pos] == '\'' || line[pos] == '"');
    if (!quoted) {
        const std::size_t begin = pos;
        while (pos < line.size() && line[pos] != ' ' && line[pos] != '\t' &&
               stops.find(line[pos]) == std::string_view::npos) {
            ++pos;
        }
        return std::string(line.substr(begin, pos - begin));
    }
    const char quote = line[pos++];
    std::string out;
    while (pos < line.size() && line[pos] != quote) {
        char c = line[pos++];
        if (c == '\\' && pos < line.size()) {
            c = line[pos++];
            switch (c) {
            case 'n':
                c = '\n';
                break;
            case 't':
                c = '\t';
                break;
            case 'r':
                c = '\r';
                break;
            default:
                break; // \' \" \\ and anything else stand for themselves
            }
        }
        out += c;
    }
    if (pos >= line.size()) {
        fail(column, std::string("unterminated quote (the ") + quote +
                         " opened here is never closed on this line)");
    }
    ++pos; // closing quote
    return out;
}

void ArffParser::parseAttribute(std::string_view rest)
{
    std::size_t pos = 0;
    bool quoted = false;
    Attribute attribute;
    attribute.name = readToken(rest, pos, "{", quoted, {});
    if (attribute.name.empty()) {
        fail({}, "@attribute without a name");
    }
    for (const Attribute& existing : m_attributes) {
        if (existing.name == attribute.name) {
            fail(attribute.name, "the attribute is declared twice");
        }
    }
    while (pos < rest.size() && (rest[pos] == ' ' || rest[pos] == '\t')) {
        ++pos;
    }
    if (pos >= rest.size()) {
        fail(attribute.name, "@attribute without a type");
    }
    if (rest[pos] == '{') {
        attribute.numeric = false;
        ++pos;
        for (;;) {
            std::string level = readToken(rest, pos, ",}", quoted, attribute.name);
            while (pos < rest.size() && (rest[pos] == ' ' || rest[pos] == '\t')) {
                ++pos;
            }
            if (pos >= rest.size()) {
                fail(attribute.name, "the list of nominal values has no closing '}'");
            }
            if (level.empty() && !quoted) {
                if (rest[pos] == '}' && attribute.levels.size() == 0) {
                    fail(attribute.name, "the list of nominal values is empty");
                }
                fail(attribute.name, "empty nominal value in the list");
            }
            if (attribute.levels.find(level) >= 0) {
                fail(attribute.name, "nominal value '" + level + "' is declared twice");
            }
            attribute.levels.add(level);
            if (rest[pos++] == '}') {
                break;
            }
            if (rest[pos - 1] != ',') {
                fail(attribute.name, "expected ',' or '}' in the list of nominal values, got '" +
                                         std::string(1, rest[pos - 1]) + "'");
            }
        }
        const std::string_view tail = trimBlanks(rest.substr(pos));
        if (!tail.empty() && tail.front() != '%') {
            fail(attribute.name, "unexpected text after the nominal values: " + quoteValue(tail));
        }
    } else {
        const std::string type = readToken(rest, pos, {}, quoted, attribute.name);
        if (equalsIgnoreCase(type, "numeric") || equalsIgnoreCase(type, "real") ||
            equalsIgnoreCase(type, "integer")) {
            attribute.numeric = true;
        } else if (equalsIgnoreCase(type, "string") || equalsIgnoreCase(type, "date") ||
                   equalsIgnoreCase(type, "relational")) {
            fail(attribute.name, "attributes of type " + type +
                                     " are not supported; use numeric or nominal {a, b, ...}");
        } else {
            fail(attribute.name, "unknown attribute type " + quoteValue(type) +
                                     " (expected numeric, real, integer or {nominal values})");
        }
    }
    m_attributes.push_back(std::move(attribute));
}

void ArffParser::parseDataLine(std::string_view line)
{
    const std::size_t expected = m_attributes.size();
    if (line.front() == '{') {
        fail({}, "sparse ARFF rows ({index value, ...}) are not supported");
    }
    std::size_t pos = 0;
    std::size_t field = 0;
    for (;;) {
        const std::string& name = field < expected ? m_attributes[field].name : kNoName;
        bool quoted = false;
        // Unquoted values run to the next comma; blanks inside them are kept (Weka does too).
        while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t')) {
            ++pos;
        }
        std::string_view value;
        if (pos < line.size() && (line[pos] == '\'' || line[pos] == '"')) {
            m_scratch = readToken(line, pos, {}, quoted, name);
            value = m_scratch;
            while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t')) {
                ++pos;
            }
            if (pos < line.size() && line[pos] != ',') {
                fail(name, "unexpected text after the quoted value " + quoteValue(value));
            }
        } else {
            const std::size_t comma = line.find(',', pos);
            const std::size_t stop = comma == std::string_view::npos ? line.size() : comma;
            value = trimBlanks(line.substr(pos, stop - pos));
            pos = stop;
        }
        if (field < expected) {
            Attribute& attribute = m_attributes[field];
            Column& column = m_columns[field];
            const bool missing = !quoted && value == "?";
            if (missing && field == m_targetIndex) {
                fail(name, "the target value is missing ('?')");
            }
            if (attribute.numeric) {
                double number = kNaN;
                if (!missing) {
                    const NumberStatus status = parseNumber(value, number);
                    if (status == NumberStatus::NotNumber) {
                        fail(name, "expected a number, got " + quoteValue(value));
                    }
                    if (status == NumberStatus::NonFinite) {
                        fail(name, "the number " + quoteValue(value) +
                                       " is not finite (inf, nan and out-of-range values are "
                                       "not allowed)");
                    }
                }
                column.numeric.push_back(number);
            } else {
                std::int32_t code = Column::kMissingCode;
                if (!missing) {
                    code = attribute.levels.find(value);
                    if (code < 0) {
                        fail(name, "value " + quoteValue(value) +
                                       " is not a declared nominal value (declared: " +
                                       describeLevels(column.schema.levels) + ")");
                    }
                }
                column.codes.push_back(code);
            }
        }
        ++field;
        if (pos >= line.size()) {
            break;
        }
        ++pos; // the comma
    }
    if (field != expected) {
        fail(field < expected ? m_attributes[field].name : kNoName,
             "expected " + std::to_string(expected) + " fields, got " + std::to_string(field));
    }
}

ParsedTable ArffParser::run()
{
    std::string_view line;
    bool inData = false;
    bool sawRelation = false;
    std::size_t rows = 0;
    while (nextLine(line)) {
        const std::string_view content = trimBlanks(line);
        if (content.empty() || content.front() == '%') {
            continue;
        }
        if (inData) {
            parseDataLine(content);
            ++rows;
            continue;
        }
        if (content.front() != '@') {
            fail({}, "expected @relation, @attribute or @data, got " + quoteValue(content));
        }
        std::size_t end = 1;
        while (end < content.size() && content[end] != ' ' && content[end] != '\t') {
            ++end;
        }
        const std::string_view keyword = content.substr(0, end);
        const std::string_view rest = content.substr(end);
        if (equalsIgnoreCase(keyword, "@relation")) {
            if (sawRelation || !m_attributes.empty()) {
                fail({}, "@relation must come once, before the attributes");
            }
            sawRelation = true;
        } else if (equalsIgnoreCase(keyword, "@attribute")) {
            parseAttribute(rest);
        } else if (equalsIgnoreCase(keyword, "@data")) {
            if (m_attributes.empty()) {
                fail({}, "@data comes before any @attribute");
            }
            inData = true;
            for (std::size_t i = 0; i < m_attributes.size(); ++i) {
                Column column;
                column.schema.name = m_attributes[i].name;
                column.schema.type =
                    m_attributes[i].numeric ? ColumnType::Numeric : ColumnType::Categorical;
                column.schema.levels = m_attributes[i].levels.levels();
                m_columns.push_back(std::move(column));
                if (m_attributes[i].name == m_target.column) {
                    m_targetIndex = i;
                }
            }
        } else {
            fail({}, "unknown keyword " + quoteValue(keyword) +
                         " (expected @relation, @attribute or @data)");
        }
    }
    if (!inData) {
        if (m_attributes.empty()) {
            fail({}, "not an ARFF file: no @attribute and no @data section");
        }
        fail({}, "no @data section after the attributes");
    }
    if (rows == 0) {
        fail({}, "the @data section has no rows");
    }
    ParsedTable table;
    table.columns = std::move(m_columns);
    return table;
}

} // namespace

ParsedTable parseArff(std::string_view text, const std::string& source, const TargetSpec& target)
{
    return ArffParser(text, source, target).run();
}

} // namespace credit::core::detail
