#include "tests/tck/tck_value.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "schema/status_macros.h"
#include "schema/str_cat.h"

namespace alliance::tck {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Keys, labels and types: `[A-Za-z0-9$_]+`, plus non-ASCII bytes so UTF-8 names pass through.
bool IsIdentChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c) || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

class ValueParser {
 public:
  explicit ValueParser(std::string_view text) : text_(text) {}

  absl::StatusOr<TckValue> ParseAll() {
    ASSIGN_OR_RETURN(TckValue value, ParseValue(0));
    SkipSpace();
    if (pos_ != text_.size()) return Error("unexpected trailing text");
    return value;
  }

 private:
  // Deep enough for anything the TCK writes; bounds recursion on hostile input.
  static constexpr int kMaxDepth = 256;

  absl::Status Error(std::string_view what) const {
    return absl::InvalidArgumentError(
        StrCat("cannot parse TCK value `", text_, "` at offset ", pos_, ": ", what));
  }

  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return AtEnd() ? '\0' : text_[pos_]; }

  void SkipSpace() {
    while (!AtEnd() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' ||
                        text_[pos_] == '\r')) {
      ++pos_;
    }
  }

  bool ConsumeToken(std::string_view token) {
    if (text_.substr(pos_, token.size()) != token) return false;
    pos_ += token.size();
    return true;
  }

  // A keyword only matches as a whole word, so `nullx` is rejected rather than read as null.
  bool ConsumeWord(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    size_t end = pos_ + word.size();
    if (end < text_.size() && IsIdentChar(text_[end])) return false;
    pos_ = end;
    return true;
  }

  absl::Status Expect(std::string_view token) {
    SkipSpace();
    if (!ConsumeToken(token)) return Error(StrCat("expected `", token, "`"));
    return absl::OkStatus();
  }

  absl::StatusOr<TckValue> ParseValue(int depth) {
    if (depth > kMaxDepth) return Error("nesting too deep");
    SkipSpace();
    if (AtEnd()) return Error("expected a value");
    char c = Peek();
    if (c == '\'') {
      ASSIGN_OR_RETURN(std::string s, ParseString());
      return TckValue::String(std::move(s));
    }
    if (c == '[') {
      // `[:T]` is a relationship; every other bracket (including `[]`) opens a list.
      size_t save = pos_++;
      SkipSpace();
      bool relationship = Peek() == ':';
      pos_ = save;
      if (relationship) {
        ASSIGN_OR_RETURN(TckRelationship r, ParseRelationship(depth));
        return TckValue::Relationship(std::move(r));
      }
      return ParseList(depth);
    }
    if (c == '{') {
      ASSIGN_OR_RETURN(TckMap m, ParseMap(depth));
      return TckValue::Map(std::move(m));
    }
    if (c == '(') {
      ASSIGN_OR_RETURN(TckNode n, ParseNode(depth));
      return TckValue::Node(std::move(n));
    }
    if (c == '<') return ParsePath(depth);
    if (ConsumeWord("null")) return TckValue::Null();
    if (ConsumeWord("true")) return TckValue::Bool(true);
    if (ConsumeWord("false")) return TckValue::Bool(false);
    if (c == '-' || c == '.' || IsDigit(c) || c == 'N' || c == 'I') return ParseNumber();
    return Error("expected a value");
  }

  absl::StatusOr<TckValue> ParseNumber() {
    size_t start = pos_;
    bool negative = ConsumeToken("-");
    if (ConsumeWord("NaN")) return TckValue::Float(std::numeric_limits<double>::quiet_NaN());
    if (ConsumeWord("Infinity") || ConsumeWord("Inf")) {
      double inf = std::numeric_limits<double>::infinity();
      return TckValue::Float(negative ? -inf : inf);
    }
    size_t int_digits = 0;
    while (IsDigit(Peek())) ++pos_, ++int_digits;
    bool is_float = false;
    if (Peek() == '.' && pos_ + 1 < text_.size() && IsDigit(text_[pos_ + 1])) {
      is_float = true;
      ++pos_;
      while (IsDigit(Peek())) ++pos_;
    } else if (int_digits == 0) {
      return Error("expected a number");
    }
    if (Peek() == 'e' || Peek() == 'E') {
      is_float = true;
      ++pos_;
      if (Peek() == '+' || Peek() == '-') ++pos_;
      if (!IsDigit(Peek())) return Error("exponent has no digits");
      while (IsDigit(Peek())) ++pos_;
    }
    if (!AtEnd() && IsIdentChar(Peek())) return Error("malformed number");
    std::string_view lexeme = text_.substr(start, pos_ - start);
    const char* first = lexeme.data();
    const char* last = lexeme.data() + lexeme.size();
    if (is_float) {
      // from_chars, unlike strtod, ignores the locale's decimal separator.
      double d = 0;
      auto [ptr, ec] = std::from_chars(first, last, d);
      if (ec != std::errc() || ptr != last) return Error("float out of range");
      return TckValue::Float(d);
    }
    int64_t i = 0;
    auto [ptr, ec] = std::from_chars(first, last, i);
    if (ec != std::errc() || ptr != last) return Error("integer out of range");
    return TckValue::Int(i);
  }

  absl::StatusOr<std::string> ParseString() {
    size_t open = pos_++;
    std::string out;
    while (!AtEnd()) {
      char c = text_[pos_++];
      if (c == '\'') return out;
      if (c == '\\' && !AtEnd() && (Peek() == '\'' || Peek() == '\\')) {
        out += text_[pos_++];
        continue;
      }
      out += c;  // Any other backslash is literal: the TCK defines only \' and \\ here.
    }
    pos_ = open;
    return Error("unterminated string");
  }

  absl::StatusOr<std::string> ParseIdentifier() {
    SkipSpace();
    if (Peek() == '`') {
      ++pos_;
      std::string out;
      while (!AtEnd()) {
        char c = text_[pos_++];
        if (c != '`') {
          out += c;
        } else if (Peek() == '`') {
          out += text_[pos_++];
        } else {
          return out;
        }
      }
      return Error("unterminated `quoted` name");
    }
    size_t start = pos_;
    while (!AtEnd() && IsIdentChar(Peek())) ++pos_;
    if (pos_ == start) return Error("expected a name");
    return std::string(text_.substr(start, pos_ - start));
  }

  absl::StatusOr<TckValue> ParseList(int depth) {
    RETURN_IF_ERROR(Expect("["));
    TckList list;
    SkipSpace();
    if (ConsumeToken("]")) return TckValue::List(std::move(list));
    while (true) {
      ASSIGN_OR_RETURN(TckValue element, ParseValue(depth + 1));
      list.push_back(std::move(element));
      SkipSpace();
      if (ConsumeToken(",")) continue;
      if (ConsumeToken("]")) break;
      return Error("expected `,` or `]` in list");
    }
    return TckValue::List(std::move(list));
  }

  absl::StatusOr<TckMap> ParseMap(int depth) {
    RETURN_IF_ERROR(Expect("{"));
    TckMap map;
    SkipSpace();
    if (ConsumeToken("}")) return map;
    while (true) {
      ASSIGN_OR_RETURN(std::string key, ParseIdentifier());
      RETURN_IF_ERROR(Expect(":"));
      ASSIGN_OR_RETURN(TckValue value, ParseValue(depth + 1));
      if (!map.emplace(key, std::move(value)).second) {
        return Error(StrCat("duplicate map key `", key, "`"));
      }
      SkipSpace();
      if (ConsumeToken(",")) continue;
      if (ConsumeToken("}")) break;
      return Error("expected `,` or `}` in map");
    }
    return map;
  }

  absl::StatusOr<TckNode> ParseNode(int depth) {
    RETURN_IF_ERROR(Expect("("));
    TckNode node;
    SkipSpace();
    while (ConsumeToken(":")) {
      ASSIGN_OR_RETURN(std::string label, ParseIdentifier());
      node.labels.insert(std::move(label));
      SkipSpace();
    }
    if (Peek() == '{') {
      ASSIGN_OR_RETURN(node.properties, ParseMap(depth + 1));
    }
    RETURN_IF_ERROR(Expect(")"));
    return node;
  }

  absl::StatusOr<TckRelationship> ParseRelationship(int depth) {
    RETURN_IF_ERROR(Expect("["));
    RETURN_IF_ERROR(Expect(":"));
    TckRelationship rel;
    ASSIGN_OR_RETURN(rel.type, ParseIdentifier());
    SkipSpace();
    if (Peek() == '{') {
      ASSIGN_OR_RETURN(rel.properties, ParseMap(depth + 1));
    }
    RETURN_IF_ERROR(Expect("]"));
    return rel;
  }

  absl::StatusOr<TckValue> ParsePath(int depth) {
    RETURN_IF_ERROR(Expect("<"));
    TckPath path;
    ASSIGN_OR_RETURN(path.start, ParseNode(depth + 1));
    while (true) {
      SkipSpace();
      if (ConsumeToken(">")) break;
      TckPathHop hop;
      if (ConsumeToken("<-")) {
        hop.forward = false;
        ASSIGN_OR_RETURN(hop.relationship, ParseRelationship(depth + 1));
        RETURN_IF_ERROR(Expect("-"));
      } else if (ConsumeToken("-")) {
        hop.forward = true;
        ASSIGN_OR_RETURN(hop.relationship, ParseRelationship(depth + 1));
        RETURN_IF_ERROR(Expect("->"));
      } else {
        return Error("expected `-[`, `<-[` or `>` in path");
      }
      ASSIGN_OR_RETURN(hop.node, ParseNode(depth + 1));
      path.hops.push_back(std::move(hop));
    }
    return TckValue::Path(std::move(path));
  }

  std::string_view text_;
  size_t pos_ = 0;
};

template <typename T>
int Sign(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

int CompareDouble(double a, double b) {
  bool a_nan = std::isnan(a), b_nan = std::isnan(b);
  if (a_nan || b_nan) return static_cast<int>(a_nan) - static_cast<int>(b_nan);
  return Sign(a, b);  // -0.0 and 0.0 compare equal here, as the TCK wants.
}

int CompareMap(const TckMap& a, const TckMap& b) {
  auto ia = a.begin(), ib = b.begin();
  for (; ia != a.end() && ib != b.end(); ++ia, ++ib) {
    if (int c = ia->first.compare(ib->first); c != 0) return c < 0 ? -1 : 1;
    if (int c = Compare(ia->second, ib->second); c != 0) return c;
  }
  return Sign(a.size(), b.size());
}

int CompareNode(const TckNode& a, const TckNode& b) {
  if (int c = Sign(a.labels, b.labels); c != 0) return c;
  return CompareMap(a.properties, b.properties);
}

int CompareRelationship(const TckRelationship& a, const TckRelationship& b) {
  if (int c = Sign(a.type, b.type); c != 0) return c;
  return CompareMap(a.properties, b.properties);
}

int ComparePath(const TckPath& a, const TckPath& b) {
  if (int c = CompareNode(a.start, b.start); c != 0) return c;
  for (size_t i = 0; i < a.hops.size() && i < b.hops.size(); ++i) {
    const TckPathHop& x = a.hops[i];
    const TckPathHop& y = b.hops[i];
    if (int c = Sign(x.forward, y.forward); c != 0) return c;
    if (int c = CompareRelationship(x.relationship, y.relationship); c != 0) return c;
    if (int c = CompareNode(x.node, y.node); c != 0) return c;
  }
  return Sign(a.hops.size(), b.hops.size());
}

void CanonicalizeMap(TckMap& map) {
  for (auto& [key, value] : map) Canonicalize(value);
}

std::string QuoteName(const std::string& name) {
  bool plain = !name.empty() && std::all_of(name.begin(), name.end(), IsIdentChar);
  if (plain) return name;
  std::string out = "`";
  for (char c : name) {
    if (c == '`') out += '`';
    out += c;
  }
  return out + "`";
}

std::string FormatFloat(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d < 0 ? "-Inf" : "Inf";
  // Shortest round-trip digits; plain notation in the range the TCK writes that way
  // (`-1000000000.0`, `0.000001`) so messages read like the feature files.
  double magnitude = std::fabs(d);
  auto format = (magnitude == 0 || (magnitude >= 1e-6 && magnitude < 1e15))
                    ? std::chars_format::fixed
                    : std::chars_format::scientific;
  char buf[64];
  auto [ptr, ec] = std::to_chars(buf, buf + sizeof(buf), d, format);
  std::string out(buf, ec == std::errc() ? ptr : buf);
  // Keep it a float when read back: `1e+308` already is, `100` is not.
  if (out.find_first_of(".e") == std::string::npos) out += ".0";
  return out;
}

void AppendMap(std::string* out, const TckMap& map) {
  *out += '{';
  bool first = true;
  for (const auto& [key, value] : map) {
    if (!first) *out += ", ";
    first = false;
    StrAppend(out, QuoteName(key), ": ", ToString(value));
  }
  *out += '}';
}

void AppendNode(std::string* out, const TckNode& node) {
  *out += '(';
  for (const std::string& label : node.labels) StrAppend(out, ":", QuoteName(label));
  if (!node.properties.empty()) {
    if (!node.labels.empty()) *out += ' ';
    AppendMap(out, node.properties);
  }
  *out += ')';
}

void AppendRelationship(std::string* out, const TckRelationship& rel) {
  StrAppend(out, "[:", QuoteName(rel.type));
  if (!rel.properties.empty()) {
    *out += ' ';
    AppendMap(out, rel.properties);
  }
  *out += ']';
}

}  // namespace

absl::StatusOr<TckValue> ParseTckValue(std::string_view text) {
  return ValueParser(text).ParseAll();
}

int Compare(const TckValue& a, const TckValue& b) {
  if (a.kind() != b.kind()) return Sign(a.kind(), b.kind());
  switch (a.kind()) {
    case TckValue::Kind::kNull:
      return 0;
    case TckValue::Kind::kBool:
      return Sign(a.AsBool(), b.AsBool());
    case TckValue::Kind::kInt:
      return Sign(a.AsInt(), b.AsInt());
    case TckValue::Kind::kFloat:
      return CompareDouble(a.AsFloat(), b.AsFloat());
    case TckValue::Kind::kString:
      return Sign(a.AsString(), b.AsString());
    case TckValue::Kind::kList: {
      const TckList& x = a.AsList();
      const TckList& y = b.AsList();
      for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
        if (int c = Compare(x[i], y[i]); c != 0) return c;
      }
      return Sign(x.size(), y.size());
    }
    case TckValue::Kind::kMap:
      return CompareMap(a.AsMap(), b.AsMap());
    case TckValue::Kind::kNode:
      return CompareNode(a.AsNode(), b.AsNode());
    case TckValue::Kind::kRelationship:
      return CompareRelationship(a.AsRelationship(), b.AsRelationship());
    case TckValue::Kind::kPath:
      return ComparePath(a.AsPath(), b.AsPath());
  }
  return 0;
}

void Canonicalize(TckValue& value) {
  switch (value.kind()) {
    case TckValue::Kind::kList: {
      TckList& list = value.MutableList();
      for (TckValue& element : list) Canonicalize(element);
      std::sort(list.begin(), list.end(),
                [](const TckValue& x, const TckValue& y) { return Compare(x, y) < 0; });
      break;
    }
    case TckValue::Kind::kMap:
      CanonicalizeMap(value.MutableMap());
      break;
    case TckValue::Kind::kNode:
      CanonicalizeMap(value.MutableNode().properties);
      break;
    case TckValue::Kind::kRelationship:
      CanonicalizeMap(value.MutableRelationship().properties);
      break;
    case TckValue::Kind::kPath: {
      TckPath& path = value.MutablePath();
      CanonicalizeMap(path.start.properties);
      for (TckPathHop& hop : path.hops) {
        CanonicalizeMap(hop.relationship.properties);
        CanonicalizeMap(hop.node.properties);
      }
      break;
    }
    default:
      break;
  }
}

std::string ToString(const TckValue& value) {
  switch (value.kind()) {
    case TckValue::Kind::kNull:
      return "null";
    case TckValue::Kind::kBool:
      return value.AsBool() ? "true" : "false";
    case TckValue::Kind::kInt:
      return std::to_string(value.AsInt());
    case TckValue::Kind::kFloat:
      return FormatFloat(value.AsFloat());
    case TckValue::Kind::kString: {
      std::string out = "'";
      for (char c : value.AsString()) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
      }
      return out + "'";
    }
    case TckValue::Kind::kList: {
      std::string out = "[";
      bool first = true;
      for (const TckValue& element : value.AsList()) {
        if (!first) out += ", ";
        first = false;
        out += ToString(element);
      }
      return out + "]";
    }
    case TckValue::Kind::kMap: {
      std::string out;
      AppendMap(&out, value.AsMap());
      return out;
    }
    case TckValue::Kind::kNode: {
      std::string out;
      AppendNode(&out, value.AsNode());
      return out;
    }
    case TckValue::Kind::kRelationship: {
      std::string out;
      AppendRelationship(&out, value.AsRelationship());
      return out;
    }
    case TckValue::Kind::kPath: {
      const TckPath& path = value.AsPath();
      std::string out = "<";
      AppendNode(&out, path.start);
      for (const TckPathHop& hop : path.hops) {
        out += hop.forward ? "-" : "<-";
        AppendRelationship(&out, hop.relationship);
        out += hop.forward ? "->" : "-";
        AppendNode(&out, hop.node);
      }
      return out + ">";
    }
  }
  return "?";
}

}  // namespace alliance::tck
