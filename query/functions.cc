#include "query/functions.h"

#include <utf8proc.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <numbers>
#include <random>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "query/cypher_value.h"
#include "query/evaluator.h"
#include "query/query_error.h"
#include "schema/status_macros.h"
#include "schema/str_cat.h"
#include "schema/utf8_code_points.h"
#include "query/value_numbers.h"

namespace alliance::query {
namespace {

using Type = Value::Type;

// range() refuses to build longer lists: each element costs ~40 bytes, and a
// typo such as range(0, 1e12) must fail instead of exhausting memory.
constexpr int64_t kMaxRangeLength = 10'000'000;


std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// ------------------------------------------------------------ argument access

// The arguments of one call, with errors located at the offending argument.
class Args {
 public:
  Args(const FunctionCallExpr& call, std::span<const Value* const> values, EvalContext& ctx,
       std::string_view name)
      : call_(call), values_(values), ctx_(ctx), name_(name) {}

  size_t size() const { return values_.size(); }
  const Value& operator[](size_t i) const { return *values_[i]; }
  EvalContext& ctx() const { return ctx_; }

  const Expression& At(size_t i) const {
    return i < call_.args.size() ? static_cast<const Expression&>(*call_.args[i]) : call_;
  }

  // TypeError (InvalidArgumentValue): what the TCK expects of labels(1),
  // toInteger([]), toBoolean(1.0).
  absl::Status WrongType(size_t i, std::string_view expected) const {
    return ExpressionError(ctx_, At(i), ErrorType::kTypeError, "InvalidArgumentValue",
                           StrCat(name_, "() expected ", expected, " as argument ", i + 1,
                                  ", but got ", CypherTypeName((*this)[i])));
  }

  absl::Status OutOfRange(size_t i, std::string_view message) const {
    return ExpressionError(ctx_, At(i), ErrorType::kArgumentError, "NumberOutOfRange",
                           StrCat(name_, "(): ", message));
  }

  absl::Status Invalid(size_t i, std::string_view message) const {
    return ExpressionError(ctx_, At(i), ErrorType::kArgumentError, "InvalidArgumentValue",
                           StrCat(name_, "(): ", message));
  }

  absl::StatusOr<const std::string*> String(size_t i) const {
    if ((*this)[i].type() != Type::kString) return WrongType(i, "a STRING");
    return &(*this)[i].as_string();
  }
  absl::StatusOr<int64_t> Int(size_t i) const {
    if ((*this)[i].type() != Type::kInt) return WrongType(i, "an INTEGER");
    return (*this)[i].as_int();
  }
  absl::StatusOr<double> Number(size_t i) const {
    if (!IsNumber((*this)[i])) return WrongType(i, "a number");
    return AsDouble((*this)[i]);
  }
  absl::StatusOr<const Value::List*> List(size_t i) const {
    if ((*this)[i].type() != Type::kList) return WrongType(i, "a LIST");
    return &(*this)[i].as_list();
  }

 private:
  const FunctionCallExpr& call_;
  std::span<const Value* const> values_;
  EvalContext& ctx_;
  std::string_view name_;
};

using Impl = absl::StatusOr<Value> (*)(const Args&);

// ---------------------------------------------------------------------- UTF-8

// Byte offsets where code points start, plus s.size() at the end. A malformed
// byte sequence splits at every non-continuation byte, so offsets always lie
// on the string and never cut a well-formed character.
std::vector<size_t> CodePointOffsets(std::string_view s) {
  std::vector<size_t> out;
  out.reserve(s.size() + 1);
  for (size_t i = 0; i < s.size(); ++i) {
    if (i == 0 || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) out.push_back(i);
  }
  out.push_back(s.size());
  return out;
}

int64_t CodePointCount(std::string_view s) {
  return static_cast<int64_t>(CodePointOffsets(s).size()) - 1;
}

struct DecodedCodePoint {
  int32_t cp;     // kInvalidCodePoint for a malformed byte
  size_t offset;  // byte offset
  size_t length;  // bytes
};

std::vector<DecodedCodePoint> Decode(std::string_view s) {
  std::vector<DecodedCodePoint> out;
  ForEachCodePoint(s, [&](int32_t cp, size_t offset, size_t length) {
    out.push_back({cp, offset, length});
    return true;
  });
  return out;
}

// Maps each code point (Unicode simple case mapping); malformed bytes pass
// through unchanged.
std::string MapCase(std::string_view s, bool upper) {
  std::string out;
  out.reserve(s.size());
  for (const DecodedCodePoint& c : Decode(s)) {
    if (c.cp < 0) {
      out.append(s.substr(c.offset, c.length));
      continue;
    }
    utf8proc_int32_t mapped = upper ? utf8proc_toupper(c.cp) : utf8proc_tolower(c.cp);
    utf8proc_uint8_t buf[4];
    utf8proc_ssize_t n = utf8proc_encode_char(mapped, buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
  }
  return out;
}

bool IsSpace(int32_t cp) {
  if (cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F)) return true;
  if (cp < 0x80) return false;
  utf8proc_category_t cat = utf8proc_category(cp);
  return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP;
}

std::string Trim(std::string_view s, bool left, bool right) {
  std::vector<DecodedCodePoint> cps = Decode(s);
  size_t begin = 0, end = cps.size();
  if (left) {
    while (begin < end && IsSpace(cps[begin].cp)) ++begin;
  }
  if (right) {
    while (end > begin && IsSpace(cps[end - 1].cp)) --end;
  }
  if (begin == end) return "";
  size_t from = cps[begin].offset;
  size_t to = cps[end - 1].offset + cps[end - 1].length;
  return std::string(s.substr(from, to - from));
}

// ------------------------------------------------------------ number parsing

std::string_view TrimAscii(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || (s.front() >= '\t' && s.front() <= '\r'))) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || (s.back() >= '\t' && s.back() <= '\r'))) {
    s.remove_suffix(1);
  }
  return s;
}

std::optional<int64_t> ParseInt(std::string_view s) {
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  if (s.empty() || s[0] == '+') return std::nullopt;
  int64_t v;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

// Decimal and scientific notation ("1.5", ".5", "1e3", "-2."), as Java's
// Double.parseDouble reads them, plus its spellings NaN and Infinity;
// from_chars alone would also take "inf", "nan" and hex digits.
std::optional<double> ParseDouble(std::string_view s) {
  std::string_view body = s;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) body.remove_prefix(1);
  if (body == "NaN") return std::numeric_limits<double>::quiet_NaN();
  if (body == "Infinity") {
    return s[0] == '-' ? -std::numeric_limits<double>::infinity()
                       : std::numeric_limits<double>::infinity();
  }
  if (body.empty() || body[0] == '+' || body[0] == '-') return std::nullopt;
  for (char c : body) {
    if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) {
      return std::nullopt;
    }
  }
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  double v;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

// A double as an integer, truncating towards zero; nullopt when it has no
// int64 value (NaN, infinite or too large).
std::optional<int64_t> TruncateToInt(double d) {
  if (std::isnan(d) || d >= 9223372036854775808.0 || d < -9223372036854775808.0) {
    return std::nullopt;
  }
  return static_cast<int64_t>(std::trunc(d));
}

// ------------------------------------------------------------ graph functions

absl::StatusOr<Value> FnId(const Args& a) {
  if (a[0].type() == Type::kNode) return Value::Int(static_cast<int64_t>(a[0].as_node().id));
  if (a[0].type() == Type::kRelationship) {
    return Value::Int(static_cast<int64_t>(a[0].as_relationship().id));
  }
  return a.WrongType(0, "a NODE or RELATIONSHIP");
}

absl::StatusOr<Value> FnLabels(const Args& a) {
  if (a[0].type() != Type::kNode) return a.WrongType(0, "a NODE");
  Value::List out;
  for (const std::string& l : a[0].as_node().labels) out.push_back(Value::String(l));
  return Value::MakeList(std::move(out));
}

absl::StatusOr<Value> FnType(const Args& a) {
  if (a[0].type() != Type::kRelationship) return a.WrongType(0, "a RELATIONSHIP");
  return Value::String(a[0].as_relationship().type);
}

// Properties of an entity or the entries of a map; stored properties are
// never null, but a map may hold null values and keeps them.
absl::StatusOr<const Value::Map*> PropertiesOf(const Args& a) {
  switch (a[0].type()) {
    case Type::kNode: return &a[0].as_node().properties;
    case Type::kRelationship: return &a[0].as_relationship().properties;
    case Type::kMap: return &a[0].as_map();
    default: return a.WrongType(0, "a NODE, RELATIONSHIP or MAP");
  }
}

absl::StatusOr<Value> FnKeys(const Args& a) {
  ASSIGN_OR_RETURN(const Value::Map* m, PropertiesOf(a));
  bool entity = a[0].type() != Type::kMap;
  Value::List out;
  for (const auto& [k, v] : *m) {
    if (entity && v.is_null()) continue;
    out.push_back(Value::String(k));
  }
  return Value::MakeList(std::move(out));
}

absl::StatusOr<Value> FnProperties(const Args& a) {
  if (a[0].type() == Type::kMap) return a[0];
  ASSIGN_OR_RETURN(const Value::Map* m, PropertiesOf(a));
  Value::Map out;
  for (const auto& [k, v] : *m) {
    if (!v.is_null()) out.emplace(k, v);
  }
  return Value::MakeMap(std::move(out));
}

absl::StatusOr<Value> FnLength(const Args& a) {
  if (a[0].type() != Type::kPath) return a.WrongType(0, "a PATH");
  return Value::Int(static_cast<int64_t>(a[0].as_path().relationships.size()));
}

absl::StatusOr<Value> FnNodes(const Args& a) {
  if (a[0].type() != Type::kPath) return a.WrongType(0, "a PATH");
  Value::List out;
  for (const Node& n : a[0].as_path().nodes) out.push_back(Value::MakeNode(n));
  return Value::MakeList(std::move(out));
}

absl::StatusOr<Value> FnRelationships(const Args& a) {
  if (a[0].type() != Type::kPath) return a.WrongType(0, "a PATH");
  Value::List out;
  for (const Relationship& r : a[0].as_path().relationships) {
    out.push_back(Value::MakeRelationship(r));
  }
  return Value::MakeList(std::move(out));
}

// Only the id is known here; see the note in functions.h.
absl::StatusOr<Value> EndpointNode(const Args& a, bool start) {
  if (a[0].type() != Type::kRelationship) return a.WrongType(0, "a RELATIONSHIP");
  Node n;
  n.id = start ? a[0].as_relationship().start : a[0].as_relationship().end;
  return Value::MakeNode(std::move(n));
}
absl::StatusOr<Value> FnStartNode(const Args& a) { return EndpointNode(a, true); }
absl::StatusOr<Value> FnEndNode(const Args& a) { return EndpointNode(a, false); }

absl::StatusOr<Value> FnExists(const Args& a) { return Value::Bool(!a[0].is_null()); }

// ------------------------------------------------------------- list functions

absl::StatusOr<Value> FnSize(const Args& a) {
  if (a[0].type() == Type::kString) return Value::Int(CodePointCount(a[0].as_string()));
  if (a[0].type() == Type::kList) return Value::Int(static_cast<int64_t>(a[0].as_list().size()));
  return a.WrongType(0, "a STRING or LIST");
}

absl::StatusOr<Value> FnIsEmpty(const Args& a) {
  switch (a[0].type()) {
    case Type::kString: return Value::Bool(a[0].as_string().empty());
    case Type::kList: return Value::Bool(a[0].as_list().empty());
    case Type::kMap: return Value::Bool(a[0].as_map().empty());
    default: return a.WrongType(0, "a STRING, LIST or MAP");
  }
}

absl::StatusOr<Value> FnHead(const Args& a) {
  ASSIGN_OR_RETURN(const Value::List* l, a.List(0));
  return l->empty() ? Value() : l->front();
}

absl::StatusOr<Value> FnLast(const Args& a) {
  ASSIGN_OR_RETURN(const Value::List* l, a.List(0));
  return l->empty() ? Value() : l->back();
}

absl::StatusOr<Value> FnTail(const Args& a) {
  ASSIGN_OR_RETURN(const Value::List* l, a.List(0));
  if (l->empty()) return Value::MakeList({});
  return Value::MakeList(Value::List(l->begin() + 1, l->end()));
}

absl::StatusOr<Value> FnReverse(const Args& a) {
  if (a[0].type() == Type::kList) {
    const Value::List& l = a[0].as_list();
    return Value::MakeList(Value::List(l.rbegin(), l.rend()));
  }
  if (a[0].type() == Type::kString) {
    // By code point, so multi-byte characters stay intact.
    const std::string& s = a[0].as_string();
    std::vector<size_t> at = CodePointOffsets(s);
    std::string out;
    out.reserve(s.size());
    for (size_t k = at.size() - 1; k-- > 0;) out.append(s, at[k], at[k + 1] - at[k]);
    return Value::String(std::move(out));
  }
  return a.WrongType(0, "a STRING or LIST");
}

absl::StatusOr<Value> FnRange(const Args& a) {
  int64_t v[3] = {0, 0, 1};
  for (size_t k = 0; k < a.size(); ++k) {
    if (a[k].type() != Type::kInt) {
      // The TCK (List11) expects an ArgumentError here, unlike other functions.
      return ExpressionError(a.ctx(), a.At(k), ErrorType::kArgumentError, "InvalidArgumentType",
                             StrCat("range() expected an INTEGER as argument ", k + 1, ", but got ",
                                    CypherTypeName(a[k])));
    }
    v[k] = a[k].as_int();
  }
  const int64_t start = v[0], end = v[1], step = v[2];
  if (step == 0) return a.OutOfRange(2, "the step must not be 0");
  __int128 span = static_cast<__int128>(end) - start;
  if ((span > 0 && step < 0) || (span < 0 && step > 0)) return Value::MakeList({});
  __int128 count = span / step + 1;
  if (count > kMaxRangeLength) {
    return a.OutOfRange(1, StrCat("the list would have more than ", kMaxRangeLength, " elements"));
  }
  Value::List out;
  out.reserve(static_cast<size_t>(count));
  for (__int128 k = 0; k < count; ++k)
    out.push_back(Value::Int(static_cast<int64_t>(start + k * step)));
  return Value::MakeList(std::move(out));
}

absl::StatusOr<Value> FnCoalesce(const Args& a) {
  for (size_t k = 0; k < a.size(); ++k) {
    if (!a[k].is_null()) return a[k];
  }
  return Value();
}

// ----------------------------------------------------------- string functions

absl::StatusOr<Value> FnToUpper(const Args& a) {
  ASSIGN_OR_RETURN(const std::string* s, a.String(0));
  return Value::String(MapCase(*s, /*upper=*/true));
}

absl::StatusOr<Value> FnToLower(const Args& a) {
  ASSIGN_OR_RETURN(const std::string* s, a.String(0));
  return Value::String(MapCase(*s, /*upper=*/false));
}

absl::StatusOr<Value> FnTrim(const Args& a) {
  ASSIGN_OR_RETURN(const std::string* s, a.String(0));
  return Value::String(Trim(*s, true, true));
}

absl::StatusOr<Value> FnLTrim(const Args& a) {
  ASSIGN_OR_RETURN(const std::string* s, a.String(0));
  return Value::String(Trim(*s, true, false));
}

absl::StatusOr<Value> FnRTrim(const Args& a) {
  ASSIGN_OR_RETURN(const std::string* s, a.String(0));
  return Value::String(Trim(*s, false, true));
}

absl::StatusOr<Value> FnCharLength(const Args& a) {
  ASSIGN_OR_RETURN(const std::string* s, a.String(0));
  return Value::Int(CodePointCount(*s));
}

// split(s, delimiter) with a string or a list of strings as delimiters; every
// piece is kept, empty ones included. An empty delimiter splits into
// characters.
absl::StatusOr<Value> FnSplit(const Args& a) {
  ASSIGN_OR_RETURN(const std::string* s, a.String(0));
  std::vector<std::string_view> delims;
  if (a[1].type() == Type::kString) {
    delims.push_back(a[1].as_string());
  } else if (a[1].type() == Type::kList) {
    for (const Value& d : a[1].as_list()) {
      if (d.is_null()) return Value();
      if (d.type() != Type::kString) return a.WrongType(1, "a STRING or a LIST of STRING");
      delims.push_back(d.as_string());
    }
  } else {
    return a.WrongType(1, "a STRING or a LIST of STRING");
  }
  Value::List out;
  bool all_empty = !delims.empty() &&
                   std::all_of(delims.begin(), delims.end(), [](auto d) { return d.empty(); });
  if (all_empty) {
    std::vector<size_t> at = CodePointOffsets(*s);
    for (size_t k = 0; k + 1 < at.size(); ++k) {
      out.push_back(Value::String(s->substr(at[k], at[k + 1] - at[k])));
    }
    return Value::MakeList(std::move(out));
  }
  size_t piece = 0, i = 0;
  while (i < s->size()) {
    size_t matched = 0;
    for (std::string_view d : delims) {
      if (!d.empty() && s->compare(i, d.size(), d) == 0) {
        matched = d.size();
        break;
      }
    }
    if (matched == 0) {
      ++i;
      continue;
    }
    out.push_back(Value::String(s->substr(piece, i - piece)));
    i += matched;
    piece = i;
  }
  out.push_back(Value::String(s->substr(piece)));
  return Value::MakeList(std::move(out));
}

absl::StatusOr<Value> FnSubstring(const Args& a) {
  ASSIGN_OR_RETURN(const std::string* s, a.String(0));
  ASSIGN_OR_RETURN(int64_t start, a.Int(1));
  if (start < 0) return a.OutOfRange(1, "the start must not be negative");
  std::vector<size_t> at = CodePointOffsets(*s);
  int64_t n = static_cast<int64_t>(at.size()) - 1;
  int64_t end = n;
  if (a.size() > 2) {
    ASSIGN_OR_RETURN(int64_t length, a.Int(2));
    if (length < 0) return a.OutOfRange(2, "the length must not be negative");
    end = start > n ? n : start + std::min(length, n - start);
  }
  if (start >= end) return Value::String("");
  return Value::String(s->substr(at[start], at[end] - at[start]));
}

absl::StatusOr<Value> LeftOrRight(const Args& a, bool left) {
  ASSIGN_OR_RETURN(const std::string* s, a.String(0));
  ASSIGN_OR_RETURN(int64_t length, a.Int(1));
  if (length < 0) return a.OutOfRange(1, "the length must not be negative");
  std::vector<size_t> at = CodePointOffsets(*s);
  int64_t n = static_cast<int64_t>(at.size()) - 1;
  int64_t k = std::min(length, n);
  if (left) return Value::String(s->substr(0, at[k]));
  return Value::String(s->substr(at[n - k]));
}
absl::StatusOr<Value> FnLeft(const Args& a) { return LeftOrRight(a, true); }
absl::StatusOr<Value> FnRight(const Args& a) { return LeftOrRight(a, false); }

// Like Java's String.replace: an empty search string matches between every
// two characters ("abc" -> "xaxbxcx" for replace('abc', '', 'x')).
absl::StatusOr<Value> FnReplace(const Args& a) {
  ASSIGN_OR_RETURN(const std::string* s, a.String(0));
  ASSIGN_OR_RETURN(const std::string* search, a.String(1));
  ASSIGN_OR_RETURN(const std::string* with, a.String(2));
  std::string out;
  if (search->empty()) {
    std::vector<size_t> at = CodePointOffsets(*s);
    for (size_t k = 0; k + 1 < at.size(); ++k) {
      out += *with;
      out.append(*s, at[k], at[k + 1] - at[k]);
    }
    out += *with;
    return Value::String(std::move(out));
  }
  size_t from = 0;
  while (true) {
    size_t hit = s->find(*search, from);
    if (hit == std::string::npos) break;
    out.append(*s, from, hit - from);
    out += *with;
    from = hit + search->size();
  }
  out.append(*s, from, std::string::npos);
  return Value::String(std::move(out));
}

// ------------------------------------------------------ conversion functions

// Each conversion returns nullopt for a value of a type it cannot convert
// (the caller decides between TypeError and null), and a null Value for a
// string that does not spell a value of the target type.

std::optional<Value> ToStringValue(const Value& v) {
  switch (v.type()) {
    case Type::kString: return v;
    case Type::kInt: return Value::String(std::to_string(v.as_int()));
    case Type::kDouble: return Value::String(FloatToString(v.as_double()));
    case Type::kBool: return Value::String(v.as_bool() ? "true" : "false");
    default: return std::nullopt;
  }
}

std::optional<Value> ToIntegerValue(const Value& v) {
  switch (v.type()) {
    case Type::kInt: return v;
    case Type::kBool: return Value::Int(v.as_bool() ? 1 : 0);
    case Type::kDouble: {
      std::optional<int64_t> i = TruncateToInt(v.as_double());
      return i.has_value() ? Value::Int(*i) : Value();
    }
    case Type::kString: {
      std::string_view s = TrimAscii(v.as_string());
      if (std::optional<int64_t> i = ParseInt(s)) return Value::Int(*i);
      std::optional<double> d = ParseDouble(s);
      if (!d.has_value()) return Value();
      std::optional<int64_t> i = TruncateToInt(*d);
      return i.has_value() ? Value::Int(*i) : Value();
    }
    default: return std::nullopt;
  }
}

std::optional<Value> ToFloatValue(const Value& v) {
  switch (v.type()) {
    case Type::kDouble: return v;
    case Type::kInt: return Value::Double(static_cast<double>(v.as_int()));
    case Type::kString: {
      std::optional<double> d = ParseDouble(TrimAscii(v.as_string()));
      return d.has_value() ? Value::Double(*d) : Value();
    }
    default: return std::nullopt;  // booleans too (TCK TypeConversion3)
  }
}

std::optional<Value> ToBooleanValue(const Value& v) {
  switch (v.type()) {
    case Type::kBool: return v;
    case Type::kInt: return Value::Bool(v.as_int() != 0);
    case Type::kString: {
      std::string s = Lower(TrimAscii(v.as_string()));
      if (s == "true") return Value::Bool(true);
      if (s == "false") return Value::Bool(false);
      return Value();
    }
    default: return std::nullopt;  // floats too (TCK TypeConversion1)
  }
}

absl::StatusOr<Value> FnToString(const Args& a) {
  std::optional<Value> v = ToStringValue(a[0]);
  if (!v.has_value()) return a.WrongType(0, "a STRING, number or BOOLEAN");
  return *std::move(v);
}

absl::StatusOr<Value> FnToInteger(const Args& a) {
  if (a[0].type() == Type::kDouble && !TruncateToInt(a[0].as_double()).has_value()) {
    return a.OutOfRange(0, StrCat(a[0].ToString(), " has no INTEGER value"));
  }
  std::optional<Value> v = ToIntegerValue(a[0]);
  if (!v.has_value()) return a.WrongType(0, "a STRING, number or BOOLEAN");
  return *std::move(v);
}

absl::StatusOr<Value> FnToFloat(const Args& a) {
  std::optional<Value> v = ToFloatValue(a[0]);
  if (!v.has_value()) return a.WrongType(0, "a STRING or number");
  return *std::move(v);
}

absl::StatusOr<Value> FnToBoolean(const Args& a) {
  std::optional<Value> v = ToBooleanValue(a[0]);
  if (!v.has_value()) return a.WrongType(0, "a STRING, INTEGER or BOOLEAN");
  return *std::move(v);
}

absl::StatusOr<Value> FnToStringOrNull(const Args& a) {
  return ToStringValue(a[0]).value_or(Value());
}
absl::StatusOr<Value> FnToIntegerOrNull(const Args& a) {
  return ToIntegerValue(a[0]).value_or(Value());
}
absl::StatusOr<Value> FnToFloatOrNull(const Args& a) {
  return ToFloatValue(a[0]).value_or(Value());
}
absl::StatusOr<Value> FnToBooleanOrNull(const Args& a) {
  return ToBooleanValue(a[0]).value_or(Value());
}

// ------------------------------------------------------------ math functions

absl::StatusOr<Value> FnAbs(const Args& a) {
  if (a[0].type() == Type::kInt) {
    int64_t i = a[0].as_int();
    if (i == std::numeric_limits<int64_t>::min()) {
      return a.OutOfRange(0, StrCat("abs(", i, ") does not fit an INTEGER"));
    }
    return Value::Int(i < 0 ? -i : i);
  }
  ASSIGN_OR_RETURN(double d, a.Number(0));
  return Value::Double(std::fabs(d));
}

absl::StatusOr<Value> FnSign(const Args& a) {
  if (a[0].type() == Type::kInt) {
    int64_t i = a[0].as_int();
    return Value::Int(i > 0 ? 1 : (i < 0 ? -1 : 0));
  }
  ASSIGN_OR_RETURN(double d, a.Number(0));
  return Value::Int(d > 0 ? 1 : (d < 0 ? -1 : 0));
}

// One-argument math functions: number in, FLOAT out.
template <double (*F)(double)>
absl::StatusOr<Value> Unary(const Args& a) {
  ASSIGN_OR_RETURN(double d, a.Number(0));
  return Value::Double(F(d));
}

double Sqrt(double x) { return std::sqrt(x); }
double Exp(double x) { return std::exp(x); }
double Log(double x) { return std::log(x); }
double Log10(double x) { return std::log10(x); }
double Sin(double x) { return std::sin(x); }
double Cos(double x) { return std::cos(x); }
double Tan(double x) { return std::tan(x); }
double Cot(double x) { return std::cos(x) / std::sin(x); }
double Asin(double x) { return std::asin(x); }
double Acos(double x) { return std::acos(x); }
double Atan(double x) { return std::atan(x); }
double Ceil(double x) { return std::ceil(x); }
double Floor(double x) { return std::floor(x); }
double Degrees(double x) { return x * 180.0 / std::numbers::pi; }
double Radians(double x) { return x * std::numbers::pi / 180.0; }
double Haversin(double x) { return (1.0 - std::cos(x)) / 2.0; }

absl::StatusOr<Value> FnAtan2(const Args& a) {
  ASSIGN_OR_RETURN(double y, a.Number(0));
  ASSIGN_OR_RETURN(double x, a.Number(1));
  return Value::Double(std::atan2(y, x));
}

enum class RoundingMode { kUp, kDown, kCeiling, kFloor, kHalfUp, kHalfDown, kHalfEven };

// Rounds the shortest decimal form of `x` (what the user sees: 2.675, not the
// binary 2.67499999...) to `precision` decimal places, as Java's BigDecimal
// does for Neo4j's round(x, precision, mode).
double RoundDecimal(double x, int64_t precision, RoundingMode mode) {
  if (!std::isfinite(x) || x == 0) return x;
  char buf[40];
  for (int p = 1; p <= 17; ++p) {
    std::snprintf(buf, sizeof buf, "%.*e", p - 1, x);
    if (std::strtod(buf, nullptr) == x) break;
  }
  bool negative = buf[0] == '-';
  std::string digits;
  const char* c = buf + (negative ? 1 : 0);
  for (; *c != 'e'; ++c) {
    if (*c != '.') digits.push_back(*c);
  }
  int64_t exponent = std::strtol(c + 1, nullptr, 10);  // x = d.ddd * 10^exponent
  int64_t keep = exponent + 1 + precision;             // leading digits that survive
  if (keep >= static_cast<int64_t>(digits.size())) return x;
  int first_dropped = keep >= 0 ? digits[keep] - '0' : 0;
  bool rest_nonzero = keep >= 0 ? digits.find_first_not_of('0', keep + 1) != std::string::npos
                                : true;  // all digits lie below the first dropped place
  bool any_dropped = first_dropped != 0 || rest_nonzero;
  int last_kept = keep > 0 ? digits[keep - 1] - '0' : 0;
  bool up = false;
  switch (mode) {
    case RoundingMode::kUp: up = any_dropped; break;
    case RoundingMode::kDown: up = false; break;
    case RoundingMode::kCeiling: up = !negative && any_dropped; break;
    case RoundingMode::kFloor: up = negative && any_dropped; break;
    case RoundingMode::kHalfUp: up = first_dropped >= 5; break;
    case RoundingMode::kHalfDown:
      up = first_dropped > 5 || (first_dropped == 5 && rest_nonzero);
      break;
    case RoundingMode::kHalfEven:
      up = first_dropped > 5 || (first_dropped == 5 && (rest_nonzero || last_kept % 2 == 1));
      break;
  }
  std::string kept = keep > 0 ? digits.substr(0, keep) : "0";
  if (up) {
    size_t k = kept.size();
    while (k > 0 && kept[k - 1] == '9') kept[--k] = '0';
    if (k == 0) {
      kept.insert(kept.begin(), '1');
    } else {
      ++kept[k - 1];
    }
  }
  double out = std::strtod(StrCat(kept, "e", -precision).c_str(), nullptr);
  if (out == 0) return 0.0;  // BigDecimal has no negative zero
  return negative ? -out : out;
}

absl::StatusOr<Value> FnRound(const Args& a) {
  ASSIGN_OR_RETURN(double x, a.Number(0));
  if (a.size() == 1) {
    // Java's Math.round: halves go up (-2.5 -> -2.0). x - floor(x) is exact.
    if (!std::isfinite(x)) return Value::Double(x);
    double f = std::floor(x);
    return Value::Double(x - f >= 0.5 ? f + 1 : f);
  }
  ASSIGN_OR_RETURN(int64_t precision, a.Int(1));
  precision = std::clamp<int64_t>(precision, -400, 400);
  RoundingMode mode = RoundingMode::kHalfUp;
  if (a.size() > 2) {
    ASSIGN_OR_RETURN(const std::string* name, a.String(2));
    static constexpr std::pair<std::string_view, RoundingMode> kModes[] = {
        {"UP", RoundingMode::kUp},
        {"DOWN", RoundingMode::kDown},
        {"CEILING", RoundingMode::kCeiling},
        {"FLOOR", RoundingMode::kFloor},
        {"HALF_UP", RoundingMode::kHalfUp},
        {"HALF_DOWN", RoundingMode::kHalfDown},
        {"HALF_EVEN", RoundingMode::kHalfEven},
    };
    std::string upper = MapCase(*name, true);
    auto it = std::find_if(std::begin(kModes), std::end(kModes),
                           [&](const auto& m) { return m.first == upper; });
    if (it == std::end(kModes)) {
      return a.Invalid(2, StrCat("unknown rounding mode '", *name,
                                 "' (expected UP, DOWN, CEILING, FLOOR, HALF_UP, HALF_DOWN or "
                                 "HALF_EVEN)"));
    }
    mode = it->second;
  }
  return Value::Double(RoundDecimal(x, precision, mode));
}

absl::StatusOr<Value> FnPi(const Args&) { return Value::Double(std::numbers::pi); }
absl::StatusOr<Value> FnE(const Args&) { return Value::Double(std::numbers::e); }

absl::StatusOr<Value> FnRand(const Args& a) {
  return Value::Double(std::uniform_real_distribution<double>(0.0, 1.0)(a.ctx().rng()));
}

// ----------------------------------------------------------------- the rest

absl::StatusOr<Value> FnTimestamp(const Args& a) {
  return Value::Int(a.ctx().statement_time_millis());
}

absl::StatusOr<Value> FnRandomUuid(const Args& a) {
  uint64_t hi = a.ctx().rng()();
  uint64_t lo = a.ctx().rng()();
  hi = (hi & ~0xF000ULL) | 0x4000ULL;              // version 4
  lo = (lo & ~(0xC0ULL << 56)) | (0x80ULL << 56);  // RFC 4122 variant
  char buf[40];
  std::snprintf(buf, sizeof buf, "%08llx-%04llx-%04llx-%04llx-%012llx",
                static_cast<unsigned long long>(hi >> 32),
                static_cast<unsigned long long>((hi >> 16) & 0xFFFF),
                static_cast<unsigned long long>(hi & 0xFFFF),
                static_cast<unsigned long long>(lo >> 48),
                static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFULL));
  return Value::String(buf);
}

// -------------------------------------------------------------- the registry

struct Entry {
  FunctionInfo info;
  Impl impl;  // nullptr for aggregates
  // Most functions answer null when any argument is null.
  bool null_in_null_out;
};

const absl::flat_hash_map<std::string, Entry>& Registry() {
  static const auto* const registry = [] {
    auto* m = new absl::flat_hash_map<std::string, Entry>();
    auto add = [m](std::string_view name, int min_args, int max_args, Impl impl,
                   bool null_in_null_out = true) {
      m->emplace(Lower(name),
                 Entry{{name, min_args, max_args, impl == nullptr}, impl, null_in_null_out});
    };
    // Aggregates (evaluated by the Aggregate operator through Aggregator).
    for (std::string_view name :
         {"count", "sum", "avg", "min", "max", "collect", "stDev", "stDevP"}) {
      add(name, 1, 1, nullptr);
    }
    add("percentileCont", 2, 2, nullptr);
    add("percentileDisc", 2, 2, nullptr);
    // Graph.
    add("id", 1, 1, FnId);
    add("labels", 1, 1, FnLabels);
    add("type", 1, 1, FnType);
    add("keys", 1, 1, FnKeys);
    add("properties", 1, 1, FnProperties);
    add("length", 1, 1, FnLength);
    add("nodes", 1, 1, FnNodes);
    add("relationships", 1, 1, FnRelationships);
    add("startNode", 1, 1, FnStartNode);
    add("endNode", 1, 1, FnEndNode);
    add("exists", 1, 1, FnExists, /*null_in_null_out=*/false);
    // Lists.
    add("size", 1, 1, FnSize);
    add("isEmpty", 1, 1, FnIsEmpty);
    add("head", 1, 1, FnHead);
    add("last", 1, 1, FnLast);
    add("tail", 1, 1, FnTail);
    add("reverse", 1, 1, FnReverse);
    add("range", 2, 3, FnRange);
    add("coalesce", 1, -1, FnCoalesce, /*null_in_null_out=*/false);
    // Strings.
    add("toUpper", 1, 1, FnToUpper);
    add("upper", 1, 1, FnToUpper);
    add("toLower", 1, 1, FnToLower);
    add("lower", 1, 1, FnToLower);
    add("trim", 1, 1, FnTrim);
    add("ltrim", 1, 1, FnLTrim);
    add("rtrim", 1, 1, FnRTrim);
    add("split", 2, 2, FnSplit);
    add("substring", 2, 3, FnSubstring);
    add("left", 2, 2, FnLeft);
    add("right", 2, 2, FnRight);
    add("replace", 3, 3, FnReplace);
    add("char_length", 1, 1, FnCharLength);
    add("character_length", 1, 1, FnCharLength);
    // Conversions.
    add("toString", 1, 1, FnToString);
    add("toInteger", 1, 1, FnToInteger);
    add("toFloat", 1, 1, FnToFloat);
    add("toBoolean", 1, 1, FnToBoolean);
    add("toStringOrNull", 1, 1, FnToStringOrNull);
    add("toIntegerOrNull", 1, 1, FnToIntegerOrNull);
    add("toFloatOrNull", 1, 1, FnToFloatOrNull);
    add("toBooleanOrNull", 1, 1, FnToBooleanOrNull);
    // Mathematics.
    add("abs", 1, 1, FnAbs);
    add("sign", 1, 1, FnSign);
    add("sqrt", 1, 1, Unary<Sqrt>);
    add("exp", 1, 1, Unary<Exp>);
    add("log", 1, 1, Unary<Log>);
    add("log10", 1, 1, Unary<Log10>);
    add("sin", 1, 1, Unary<Sin>);
    add("cos", 1, 1, Unary<Cos>);
    add("tan", 1, 1, Unary<Tan>);
    add("cot", 1, 1, Unary<Cot>);
    add("asin", 1, 1, Unary<Asin>);
    add("acos", 1, 1, Unary<Acos>);
    add("atan", 1, 1, Unary<Atan>);
    add("atan2", 2, 2, FnAtan2);
    add("ceil", 1, 1, Unary<Ceil>);
    add("floor", 1, 1, Unary<Floor>);
    add("round", 1, 3, FnRound);
    add("degrees", 1, 1, Unary<Degrees>);
    add("radians", 1, 1, Unary<Radians>);
    add("haversin", 1, 1, Unary<Haversin>);
    add("pi", 0, 0, FnPi);
    add("e", 0, 0, FnE);
    add("rand", 0, 0, FnRand);
    // Other.
    add("timestamp", 0, 0, FnTimestamp);
    add("randomUUID", 0, 0, FnRandomUuid);
    return m;
  }();
  return *registry;
}

const Entry* FindEntry(std::string_view name) {
  // Lower-cased on the stack: this runs for every call of every row.
  char lower[32];
  if (name.size() > sizeof lower) return nullptr;  // longer than any built-in name
  for (size_t k = 0; k < name.size(); ++k) {
    char c = name[k];
    lower[k] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  const auto& registry = Registry();
  auto it = registry.find(absl::string_view(lower, name.size()));
  return it == registry.end() ? nullptr : &it->second;
}

// ---------------------------------------------------------------- aggregates

absl::Status AggregateTypeError(std::string_view name, std::string_view expected,
                                const Value& got) {
  return MakeQueryError(ErrorType::kTypeError, "InvalidArgumentType",
                        StrCat(name, "() expected ", expected, ", but got ", CypherTypeName(got),
                               " (", got.ToString(), ")"));
}

// Skips nulls (unless counting rows) and repeated values under DISTINCT, then
// hands each remaining value to Accept.
class AggregatorBase : public Aggregator {
 public:
  AggregatorBase(bool distinct, bool star) : distinct_(distinct), star_(star) {}

  absl::Status Add(const Value& v) final {
    if (!star_ && v.is_null()) return absl::OkStatus();
    if (distinct_ && !seen_.insert(v).second) return absl::OkStatus();
    return Accept(v);
  }

 protected:
  virtual absl::Status Accept(const Value& v) = 0;

 private:
  bool distinct_;
  bool star_;
  absl::flat_hash_set<Value, ValueHash, ValueEquivalent> seen_;
};

class CountAggregator : public AggregatorBase {
 public:
  using AggregatorBase::AggregatorBase;
  Value Finish() override { return Value::Int(count_); }

 protected:
  absl::Status Accept(const Value&) override {
    ++count_;
    return absl::OkStatus();
  }

 private:
  int64_t count_ = 0;
};

// Integer while every input is an integer; FLOAT from the first float on.
class SumAggregator : public AggregatorBase {
 public:
  using AggregatorBase::AggregatorBase;
  Value Finish() override { return is_float_ ? Value::Double(float_sum_) : Value::Int(int_sum_); }

 protected:
  absl::Status Accept(const Value& v) override {
    if (v.type() == Type::kInt && !is_float_) {
      if (__builtin_add_overflow(int_sum_, v.as_int(), &int_sum_)) {
        return MakeQueryError(ErrorType::kArgumentError, "NumberOutOfRange",
                              "integer overflow in sum()");
      }
      return absl::OkStatus();
    }
    if (!IsNumber(v)) return AggregateTypeError("sum", "a number", v);
    if (!is_float_) {
      is_float_ = true;
      float_sum_ = static_cast<double>(int_sum_);
    }
    float_sum_ += AsDouble(v);
    return absl::OkStatus();
  }

 private:
  bool is_float_ = false;
  int64_t int_sum_ = 0;
  double float_sum_ = 0;
};

class AvgAggregator : public AggregatorBase {
 public:
  using AggregatorBase::AggregatorBase;
  Value Finish() override {
    if (count_ == 0) return Value();
    return Value::Double(static_cast<double>(sum_ / count_));
  }

 protected:
  absl::Status Accept(const Value& v) override {
    if (!IsNumber(v)) return AggregateTypeError("avg", "a number", v);
    // long double keeps integer sums exact far beyond 2^53.
    sum_ += v.type() == Type::kInt ? static_cast<long double>(v.as_int()) : v.as_double();
    ++count_;
    return absl::OkStatus();
  }

 private:
  long double sum_ = 0;
  int64_t count_ = 0;
};

// min() and max() by the ORDER BY order, so mixed types have an answer
// (TCK Aggregation2: max over [1, 'a', [1, 2], 0.2] is 1).
class ExtremeAggregator : public AggregatorBase {
 public:
  ExtremeAggregator(bool distinct, bool max) : AggregatorBase(distinct, false), max_(max) {}
  Value Finish() override { return best_; }

 protected:
  absl::Status Accept(const Value& v) override {
    if (best_.is_null()) {
      best_ = v;
    } else {
      int c = OrderByCompare(v, best_);
      if (max_ ? c > 0 : c < 0) best_ = v;
    }
    return absl::OkStatus();
  }

 private:
  bool max_;
  Value best_;
};

class CollectAggregator : public AggregatorBase {
 public:
  using AggregatorBase::AggregatorBase;
  Value Finish() override { return Value::MakeList(std::move(list_)); }

 protected:
  absl::Status Accept(const Value& v) override {
    list_.push_back(v);
    return absl::OkStatus();
  }

 private:
  Value::List list_;
};

// Welford's running variance: stable where sum-of-squares cancels.
class StDevAggregator : public AggregatorBase {
 public:
  StDevAggregator(bool distinct, bool sample) : AggregatorBase(distinct, false), sample_(sample) {}
  Value Finish() override {
    int64_t denominator = sample_ ? count_ - 1 : count_;
    if (denominator <= 0) return Value::Double(0.0);
    return Value::Double(std::sqrt(m2_ / static_cast<double>(denominator)));
  }

 protected:
  absl::Status Accept(const Value& v) override {
    if (!IsNumber(v)) return AggregateTypeError(sample_ ? "stDev" : "stDevP", "a number", v);
    double x = AsDouble(v);
    ++count_;
    double delta = x - mean_;
    mean_ += delta / static_cast<double>(count_);
    m2_ += delta * (x - mean_);
    return absl::OkStatus();
  }

 private:
  bool sample_;
  int64_t count_ = 0;
  double mean_ = 0;
  double m2_ = 0;
};

class PercentileAggregator : public AggregatorBase {
 public:
  PercentileAggregator(bool distinct, bool continuous, double percentile)
      : AggregatorBase(distinct, false), continuous_(continuous), percentile_(percentile) {}

  Value Finish() override {
    if (values_.empty()) return Value();
    std::sort(values_.begin(), values_.end(),
              [](const Value& a, const Value& b) { return OrderByCompare(a, b) < 0; });
    const size_t n = values_.size();
    if (continuous_) {
      double position = percentile_ * static_cast<double>(n - 1);
      size_t lower = static_cast<size_t>(std::floor(position));
      size_t upper = static_cast<size_t>(std::ceil(position));
      double low = AsDouble(values_[lower]);
      if (lower == upper) return Value::Double(low);
      double high = AsDouble(values_[upper]);
      return Value::Double(low + (position - static_cast<double>(lower)) * (high - low));
    }
    // The smallest value with at least `percentile` of the values at or below it.
    double rank = std::ceil(percentile_ * static_cast<double>(n));
    size_t index = rank < 1 ? 0 : std::min(static_cast<size_t>(rank) - 1, n - 1);
    return values_[index];
  }

 protected:
  absl::Status Accept(const Value& v) override {
    if (!IsNumber(v)) {
      return AggregateTypeError(continuous_ ? "percentileCont" : "percentileDisc", "a number", v);
    }
    values_.push_back(v);
    return absl::OkStatus();
  }

 private:
  bool continuous_;
  double percentile_;
  std::vector<Value> values_;
};

}  // namespace

const FunctionInfo* FindFunction(std::string_view name) {
  const Entry* e = FindEntry(name);
  return e == nullptr ? nullptr : &e->info;
}

bool IsKnownFunction(std::string_view name) { return FindEntry(name) != nullptr; }

bool IsAggregateFunction(std::string_view name) {
  const Entry* e = FindEntry(name);
  return e != nullptr && e->info.aggregate;
}

absl::StatusOr<Value> CallFunction(const FunctionCallExpr& call, std::span<const Value* const> args,
                                   EvalContext& ctx) {
  const Entry* e = call.namespaces.empty() ? FindEntry(call.name) : nullptr;
  if (e == nullptr || e->impl == nullptr) {
    return ExpressionError(
        ctx, call, ErrorType::kSyntaxError, e == nullptr ? "UnknownFunction" : "InvalidAggregation",
        e == nullptr
            ? StrCat("unknown function '", call.QualifiedName(), "'")
            : StrCat("the aggregate ", e->info.name, "() cannot be called as a scalar function"));
  }
  const FunctionInfo& info = e->info;
  int n = static_cast<int>(args.size());
  if (n < info.min_args || (info.max_args >= 0 && n > info.max_args)) {
    std::string expected = info.min_args == info.max_args ? StrCat(info.min_args)
                           : info.max_args < 0            ? StrCat("at least ", info.min_args)
                                               : StrCat(info.min_args, " to ", info.max_args);
    return ExpressionError(ctx, call, ErrorType::kSyntaxError, "InvalidNumberOfArguments",
                           StrCat(info.name, "() takes ", expected, " argument",
                                  expected == "1" ? "" : "s", ", but got ", n));
  }
  if (e->null_in_null_out) {
    for (const Value* v : args) {
      if (v->is_null()) return Value();
    }
  }
  return e->impl(Args(call, args, ctx, info.name));
}

absl::StatusOr<std::unique_ptr<Aggregator>> MakeAggregator(std::string_view name, bool distinct,
                                                           bool star) {
  std::string lower = Lower(name);
  if (lower == "percentilecont" || lower == "percentiledisc") {
    return MakeQueryError(ErrorType::kSyntaxError, "InvalidNumberOfArguments",
                          StrCat(name, "() needs its percentile argument"));
  }
  return MakeAggregator(name, distinct, star, Value());
}

absl::StatusOr<std::unique_ptr<Aggregator>> MakeAggregator(std::string_view name, bool distinct,
                                                           bool star, const Value& parameter) {
  std::string lower = Lower(name);
  if (star && lower != "count") {
    return absl::InternalError(StrCat("only count() takes *, not ", name));
  }
  if (lower == "count") return std::make_unique<CountAggregator>(distinct, star);
  if (lower == "sum") return std::make_unique<SumAggregator>(distinct, false);
  if (lower == "avg") return std::make_unique<AvgAggregator>(distinct, false);
  if (lower == "min") return std::make_unique<ExtremeAggregator>(distinct, /*max=*/false);
  if (lower == "max") return std::make_unique<ExtremeAggregator>(distinct, /*max=*/true);
  if (lower == "collect") return std::make_unique<CollectAggregator>(distinct, false);
  if (lower == "stdev") return std::make_unique<StDevAggregator>(distinct, /*sample=*/true);
  if (lower == "stdevp") return std::make_unique<StDevAggregator>(distinct, /*sample=*/false);
  if (lower == "percentilecont" || lower == "percentiledisc") {
    if (!IsNumber(parameter)) {
      return MakeQueryError(ErrorType::kTypeError, "InvalidArgumentType",
                            StrCat(name,
                                   "() expected a number between 0.0 and 1.0 as percentile, "
                                   "but got ",
                                   CypherTypeName(parameter)));
    }
    double p = AsDouble(parameter);
    if (!(p >= 0.0 && p <= 1.0)) {
      return MakeQueryError(ErrorType::kArgumentError, "NumberOutOfRange",
                            StrCat(name, "() expected a percentile between 0.0 and 1.0, but got ",
                                   parameter.ToString()));
    }
    return std::make_unique<PercentileAggregator>(distinct, lower == "percentilecont", p);
  }
  return MakeQueryError(ErrorType::kSyntaxError, "UnknownFunction",
                        StrCat("'", name, "' is not an aggregate function"));
}

}  // namespace alliance::query
