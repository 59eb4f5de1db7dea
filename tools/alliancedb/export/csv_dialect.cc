#include "csv_dialect.h"

#include <charconv>

#include "schema/str_cat.h"

namespace alliance::tools {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

bool BlankPadded(std::string_view s) {
  return !s.empty() && (IsBlank(s.front()) || IsBlank(s.back()));
}

// Where the header parser splits a column into name and type: the last colon
// outside parentheses (so that "ID(a:b)" keeps its colon).
size_t TypeColon(std::string_view text) {
  size_t colon = std::string_view::npos;
  int depth = 0;
  for (size_t k = 0; k < text.size(); ++k) {
    if (text[k] == '(') ++depth;
    if (text[k] == ')' && depth > 0) --depth;
    if (text[k] == ':' && depth == 0) colon = k;
  }
  return colon;
}

std::string_view ScalarType(Value::Type type) {
  switch (type) {
    case Value::Type::kInt:
      return "int";
    case Value::Type::kDouble:
      return "double";
    case Value::Type::kBool:
      return "boolean";
    default:
      return "string";
  }
}

absl::Status Unwritable(const Value& value) {
  return absl::InvalidArgumentError(
      StrCat("a value of type ", TypeName(value.type()), " cannot be written in CSV"));
}

// Shortest text that from_chars reads back to the same double; inf and nan
// included.
std::string DoubleText(double d) {
  char buf[32];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  return std::string(buf, end);
}

absl::StatusOr<std::string> ScalarText(const Value& value) {
  switch (value.type()) {
    case Value::Type::kInt:
      return std::to_string(value.as_int());
    case Value::Type::kDouble:
      return DoubleText(value.as_double());
    case Value::Type::kBool:
      return std::string(value.as_bool() ? "true" : "false");
    case Value::Type::kString:
      return value.as_string();
    default:
      return Unwritable(value);
  }
}

}  // namespace

absl::StatusOr<std::string> ColumnType(const Value& value) {
  if (value.type() == Value::Type::kList) {
    if (value.as_list().empty()) {
      return absl::InvalidArgumentError("an empty list reads back from CSV as no value");
    }
    return StrCat(ScalarType(value.as_list().front().type()), "[]");
  }
  if (value.is_null() || value.type() > Value::Type::kString) return Unwritable(value);
  return std::string(ScalarType(value.type()));
}

absl::StatusOr<std::string> HeaderField(std::string_view name, std::string_view type) {
  const bool typed = type != "string" || TypeColon(name) != std::string_view::npos;
  std::string text(name);
  if (typed) StrAppend(&text, ":", type);
  if (name.empty() || BlankPadded(name) ||
      TypeColon(text) != (typed ? name.size() : std::string_view::npos)) {
    return absl::InvalidArgumentError(
        StrCat("the property name '", name, "' cannot be a CSV column name"));
  }
  return QuoteField(text, false);
}

absl::StatusOr<std::string> ValueField(const Value& value) {
  if (value.type() != Value::Type::kList) {
    absl::StatusOr<std::string> text = ScalarText(value);
    if (!text.ok()) return text.status();
    return QuoteField(*text, value.type() == Value::Type::kString);
  }
  std::string joined;
  const Value::List& list = value.as_list();
  for (size_t i = 0; i < list.size(); ++i) {
    absl::StatusOr<std::string> text = ScalarText(list[i]);
    if (!text.ok()) return text.status();
    if (text->find(kCsvArrayDelimiter) != std::string::npos) {
      return absl::InvalidArgumentError(StrCat("the list element '", *text,
                                               "' holds the array delimiter '",
                                               std::string_view(&kCsvArrayDelimiter, 1), "'"));
    }
    if (i > 0) joined += kCsvArrayDelimiter;
    joined += *text;
  }
  if (joined.empty()) {
    return absl::InvalidArgumentError(
        StrCat("the list ", value.ToString(), " reads back from CSV as no value"));
  }
  return QuoteField(joined, false);
}

absl::StatusOr<std::string> LabelsField(const std::vector<std::string>& labels) {
  std::string joined;
  for (const std::string& label : labels) {
    if (label.empty() || BlankPadded(label) ||
        label.find(kCsvArrayDelimiter) != std::string::npos) {
      return absl::InvalidArgumentError(
          StrCat("the label '", label, "' cannot be written in a CSV :LABEL field"));
    }
    if (!joined.empty()) joined += kCsvArrayDelimiter;
    joined += label;
  }
  return QuoteField(joined, false);
}

std::string QuoteField(std::string_view text, bool empty_is_value) {
  const bool quote = (text.empty() && empty_is_value) || BlankPadded(text) ||
                     text.find_first_of(",\"\n\r") != std::string_view::npos;
  if (!quote) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace alliance::tools
