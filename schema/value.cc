#include "alliance/value.h"

#include <cmath>
#include <cstdio>

namespace alliance {
namespace {

void AppendQuoted(std::string& out, const std::string& s) {
  out.push_back('\'');
  for (char c : s) {
    if (c == '\'' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('\'');
}

void AppendDouble(std::string& out, double d) {
  if (std::isnan(d)) {
    out += "NaN";
    return;
  }
  if (std::isinf(d)) {
    out += d > 0 ? "Infinity" : "-Infinity";
    return;
  }
  // Shortest text that reads back to the same double, always with a '.' or an
  // exponent so that 1.0 is not mistaken for the integer 1.
  char buf[32];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, d);
    if (std::strtod(buf, nullptr) == d) break;
  }
  std::string text(buf);
  if (text.find_first_of(".eEn") == std::string::npos) text += ".0";
  out += text;
}

void AppendValue(std::string& out, const Value& v) {
  switch (v.type()) {
    case Value::Type::kNull: out += "null"; break;
    case Value::Type::kBool: out += v.as_bool() ? "true" : "false"; break;
    case Value::Type::kInt: out += std::to_string(v.as_int()); break;
    case Value::Type::kDouble: AppendDouble(out, v.as_double()); break;
    case Value::Type::kString: AppendQuoted(out, v.as_string()); break;
    case Value::Type::kList: {
      out.push_back('[');
      bool first = true;
      for (const Value& e : v.as_list()) {
        if (!first) out += ", ";
        first = false;
        AppendValue(out, e);
      }
      out.push_back(']');
      break;
    }
  }
}

}  // namespace

std::string Value::ToString() const {
  std::string out;
  AppendValue(out, *this);
  return out;
}

std::string_view TypeName(Value::Type type) {
  switch (type) {
    case Value::Type::kNull: return "null";
    case Value::Type::kBool: return "boolean";
    case Value::Type::kInt: return "int";
    case Value::Type::kDouble: return "double";
    case Value::Type::kString: return "string";
    case Value::Type::kList: return "list";
  }
  return "unknown";
}

}  // namespace alliance
