// The CSV that `alliancedb import` reads (Neo4j admin import headers, see
// storage/csv_reader.h), from the writing side: typed header columns, fields
// quoted only where needed, and the few values the format cannot carry, which
// are refused instead of being written so that they come back changed.
//
//   HeaderField("since", "int") == "since:int";  ValueField(Value::Int(2025)) == "2025"
#ifndef ALLIANCE_TOOLS_EXPORT_CSV_DIALECT_H_
#define ALLIANCE_TOOLS_EXPORT_CSV_DIALECT_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "alliance/value.h"

namespace alliance::tools {

inline constexpr char kCsvDelimiter = ',';
inline constexpr char kCsvArrayDelimiter = ';';

// The header type of a property value: int, double, boolean, string, or one of
// these with [] for a list. An empty list has no element type, and reads back
// as absent anyway, so it is refused.
absl::StatusOr<std::string> ColumnType(const Value& value);

// `name:type` as the header parser splits it back. Strings stay untyped
// (`name`, as in the bundled data) unless the name holds a colon; names the
// parser cannot give back (empty, blank-padded, or with an unbalanced
// parenthesis before a colon) are refused.
absl::StatusOr<std::string> HeaderField(std::string_view name, std::string_view type);

// One property value as a field. Refused: lists whose text would be empty
// ([] and [""]: an empty field is null) and string elements holding the array
// delimiter, which would split.
absl::StatusOr<std::string> ValueField(const Value& value);

// The :LABEL field: labels joined by the array delimiter. Labels that are
// empty, blank-padded or hold the delimiter would not read back, so they are
// refused.
absl::StatusOr<std::string> LabelsField(const std::vector<std::string>& labels);

// Text as a field, quoted (with doubled quotes) when it holds the delimiter,
// a quote or a line break, has leading or trailing blanks (which
// --trim-strings would strip), or is empty and `empty_is_value` (an unquoted
// empty field is null).
std::string QuoteField(std::string_view text, bool empty_is_value);

}  // namespace alliance::tools

#endif  // ALLIANCE_TOOLS_EXPORT_CSV_DIALECT_H_
