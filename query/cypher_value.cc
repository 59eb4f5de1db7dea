#include "query/cypher_value.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "absl/hash/hash.h"
#include "absl/strings/string_view.h"

namespace alliance::query {
namespace {

using Type = Value::Type;

bool IsNumericType(Type t) { return t == Type::kInt || t == Type::kDouble; }

int Sign(int64_t a, int64_t b) { return a < b ? -1 : (a > b ? 1 : 0); }

// Exact comparison of an integer with a (non-NaN) double: converting the
// integer to double would round above 2^53 and call distinct numbers equal.
int CompareIntDouble(int64_t i, double d) {
  constexpr double kTwo63 = 9223372036854775808.0;
  if (d >= kTwo63) return -1;
  if (d < -kTwo63) return 1;
  double t = std::trunc(d);  // within int64 range now
  int64_t ti = static_cast<int64_t>(t);
  if (i != ti) return i < ti ? -1 : 1;
  double frac = d - t;
  if (frac > 0) return -1;
  if (frac < 0) return 1;
  return 0;
}

// -1, 0 or 1; kUnordered when a NaN is involved.
int CompareNumbers(const Value& a, const Value& b) {
  if (a.type() == Type::kInt && b.type() == Type::kInt) return Sign(a.as_int(), b.as_int());
  if (a.type() == Type::kDouble && std::isnan(a.as_double())) return kUnordered;
  if (b.type() == Type::kDouble && std::isnan(b.as_double())) return kUnordered;
  if (a.type() == Type::kInt) return CompareIntDouble(a.as_int(), b.as_double());
  if (b.type() == Type::kInt) return -CompareIntDouble(b.as_int(), a.as_double());
  double x = a.as_double(), y = b.as_double();
  return x < y ? -1 : (x > y ? 1 : 0);
}

enum class Tri { kFalse, kTrue, kNull };

bool SamePath(const Path& p, const Path& q) {
  if (p.nodes.size() != q.nodes.size() || p.relationships.size() != q.relationships.size()) {
    return false;
  }
  for (size_t k = 0; k < p.nodes.size(); ++k) {
    if (p.nodes[k].id != q.nodes[k].id) return false;
  }
  for (size_t k = 0; k < p.relationships.size(); ++k) {
    if (p.relationships[k].id != q.relationships[k].id) return false;
  }
  return true;
}

Tri EqualsTri(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Tri::kNull;
  if (IsNumericType(a.type()) && IsNumericType(b.type())) {
    return CompareNumbers(a, b) == 0 ? Tri::kTrue : Tri::kFalse;
  }
  if (a.type() != b.type()) return Tri::kFalse;
  auto tri = [](bool b) { return b ? Tri::kTrue : Tri::kFalse; };
  switch (a.type()) {
    case Type::kBool: return tri(a.as_bool() == b.as_bool());
    case Type::kString: return tri(a.as_string() == b.as_string());
    case Type::kList: {
      const Value::List& x = a.as_list();
      const Value::List& y = b.as_list();
      if (x.size() != y.size()) return Tri::kFalse;
      // A definite difference anywhere wins over an unknown (null) pair.
      Tri result = Tri::kTrue;
      for (size_t k = 0; k < x.size(); ++k) {
        Tri t = EqualsTri(x[k], y[k]);
        if (t == Tri::kFalse) return Tri::kFalse;
        if (t == Tri::kNull) result = Tri::kNull;
      }
      return result;
    }
    case Type::kMap: {
      const Value::Map& x = a.as_map();
      const Value::Map& y = b.as_map();
      if (x.size() != y.size()) return Tri::kFalse;
      // Different key sets are unequal even when some values are null.
      for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j) {
        if (i->first != j->first) return Tri::kFalse;
      }
      Tri result = Tri::kTrue;
      for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j) {
        Tri t = EqualsTri(i->second, j->second);
        if (t == Tri::kFalse) return Tri::kFalse;
        if (t == Tri::kNull) result = Tri::kNull;
      }
      return result;
    }
    case Type::kNode: return tri(a.as_node().id == b.as_node().id);
    case Type::kRelationship: return tri(a.as_relationship().id == b.as_relationship().id);
    case Type::kPath: return tri(SamePath(a.as_path(), b.as_path()));
    default: return Tri::kFalse;
  }
}

// Three-way comparison for the comparison operators; see CypherCompare.
std::optional<int> CompareImpl(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return std::nullopt;
  if (IsNumericType(a.type()) && IsNumericType(b.type())) return CompareNumbers(a, b);
  if (a.type() != b.type()) return std::nullopt;
  switch (a.type()) {
    case Type::kBool: return static_cast<int>(a.as_bool()) - static_cast<int>(b.as_bool());
    case Type::kString: {
      int c = a.as_string().compare(b.as_string());
      return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    case Type::kList: {
      const Value::List& x = a.as_list();
      const Value::List& y = b.as_list();
      size_t n = std::min(x.size(), y.size());
      for (size_t k = 0; k < n; ++k) {
        std::optional<int> c = CompareImpl(x[k], y[k]);
        if (!c.has_value() || *c != 0) return c;
      }
      return Sign(static_cast<int64_t>(x.size()), static_cast<int64_t>(y.size()));
    }
    default: return std::nullopt;  // maps and graph entities have no `<`
  }
}

int TypeRank(Type t) {
  switch (t) {
    case Type::kMap: return 0;
    case Type::kNode: return 1;
    case Type::kRelationship: return 2;
    case Type::kList: return 3;
    case Type::kPath: return 4;
    case Type::kString: return 5;
    case Type::kBool: return 6;
    case Type::kInt:
    case Type::kDouble: return 7;
    case Type::kNull: return 8;
  }
  return 9;
}

bool IsNaN(const Value& v) { return v.type() == Type::kDouble && std::isnan(v.as_double()); }

int OrderIds(uint64_t a, uint64_t b) { return a < b ? -1 : (a > b ? 1 : 0); }

int OrderPaths(const Path& p, const Path& q) {
  // Interleaved: n0, r0, n1, r1, ...
  size_t n = std::min(p.nodes.size(), q.nodes.size());
  for (size_t k = 0; k < n; ++k) {
    if (int c = OrderIds(p.nodes[k].id, q.nodes[k].id)) return c;
    bool pr = k < p.relationships.size(), qr = k < q.relationships.size();
    if (pr && qr) {
      if (int c = OrderIds(p.relationships[k].id, q.relationships[k].id)) return c;
    } else if (pr != qr) {
      return pr ? 1 : -1;
    }
  }
  return OrderIds(p.nodes.size(), q.nodes.size());
}

// 64-bit finaliser (splitmix64): spreads every input bit over the output.
uint64_t Mix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

uint64_t Combine(uint64_t seed, uint64_t h) { return Mix(seed ^ (h + 0x9E3779B97F4A7C15ULL)); }

// Tags keep values of different types that share a payload (node 3,
// relationship 3, integer 3) apart.
enum HashTag : uint64_t {
  kNullTag = 1,
  kBoolTag,
  kNumberTag,
  kNaNTag,
  kStringTag,
  kListTag,
  kMapTag,
  kNodeTag,
  kRelationshipTag,
  kPathTag,
};

uint64_t HashImpl(const Value& v) {
  switch (v.type()) {
    case Type::kNull: return Mix(kNullTag);
    case Type::kBool: return Combine(kBoolTag, v.as_bool() ? 1 : 0);
    case Type::kInt: return Combine(kNumberTag, static_cast<uint64_t>(v.as_int()));
    case Type::kDouble: {
      double d = v.as_double();
      if (std::isnan(d)) return Mix(kNaNTag);
      // Integral doubles hash like the equal integer (1.0 ~ 1; -0.0 ~ 0).
      if (d >= -9223372036854775808.0 && d < 9223372036854775808.0 && std::trunc(d) == d) {
        return Combine(kNumberTag, static_cast<uint64_t>(static_cast<int64_t>(d)));
      }
      uint64_t bits;
      std::memcpy(&bits, &d, sizeof bits);
      return Combine(kNumberTag, Mix(bits));
    }
    case Type::kString: {
      const std::string& s = v.as_string();
      return Combine(kStringTag, absl::Hash<absl::string_view>()(absl::string_view(s)));
    }
    case Type::kList: {
      uint64_t h = Mix(kListTag);
      for (const Value& e : v.as_list()) h = Combine(h, HashImpl(e));
      return h;
    }
    case Type::kMap: {
      uint64_t h = Mix(kMapTag);
      for (const auto& [k, e] : v.as_map()) {
        h = Combine(h, absl::Hash<absl::string_view>()(absl::string_view(k)));
        h = Combine(h, HashImpl(e));
      }
      return h;
    }
    case Type::kNode: return Combine(kNodeTag, v.as_node().id);
    case Type::kRelationship: return Combine(kRelationshipTag, v.as_relationship().id);
    case Type::kPath: {
      const Path& p = v.as_path();
      uint64_t h = Mix(kPathTag);
      for (const Node& n : p.nodes) h = Combine(h, n.id);
      for (const Relationship& r : p.relationships) h = Combine(h, r.id);
      return h;
    }
  }
  return 0;
}

}  // namespace

std::optional<bool> CypherEquals(const Value& a, const Value& b) {
  switch (EqualsTri(a, b)) {
    case Tri::kTrue: return true;
    case Tri::kFalse: return false;
    case Tri::kNull: return std::nullopt;
  }
  return std::nullopt;
}

std::optional<int> CypherCompare(const Value& a, const Value& b) { return CompareImpl(a, b); }

std::optional<bool> CypherCompare(CompareOp op, const Value& a, const Value& b) {
  std::optional<int> c = CompareImpl(a, b);
  if (!c.has_value()) return std::nullopt;
  if (*c == kUnordered) return false;
  switch (op) {
    case CompareOp::kLt: return *c < 0;
    case CompareOp::kLe: return *c <= 0;
    case CompareOp::kGt: return *c > 0;
    case CompareOp::kGe: return *c >= 0;
  }
  return std::nullopt;
}

int OrderByCompare(const Value& a, const Value& b) {
  int ra = TypeRank(a.type()), rb = TypeRank(b.type());
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (a.type()) {
    case Type::kNull: return 0;
    case Type::kInt:
    case Type::kDouble: {
      bool na = IsNaN(a), nb = IsNaN(b);
      if (na || nb) return na == nb ? 0 : (na ? 1 : -1);
      return CompareNumbers(a, b);
    }
    case Type::kBool: return static_cast<int>(a.as_bool()) - static_cast<int>(b.as_bool());
    case Type::kString: {
      int c = a.as_string().compare(b.as_string());
      return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    case Type::kList: {
      const Value::List& x = a.as_list();
      const Value::List& y = b.as_list();
      size_t n = std::min(x.size(), y.size());
      for (size_t k = 0; k < n; ++k) {
        if (int c = OrderByCompare(x[k], y[k])) return c;
      }
      return OrderIds(x.size(), y.size());
    }
    case Type::kMap: {
      const Value::Map& x = a.as_map();
      const Value::Map& y = b.as_map();
      auto i = x.begin();
      auto j = y.begin();
      for (; i != x.end() && j != y.end(); ++i, ++j) {
        if (int c = i->first.compare(j->first)) return c < 0 ? -1 : 1;
        if (int c = OrderByCompare(i->second, j->second)) return c;
      }
      return OrderIds(x.size(), y.size());
    }
    case Type::kNode: return OrderIds(a.as_node().id, b.as_node().id);
    case Type::kRelationship: return OrderIds(a.as_relationship().id, b.as_relationship().id);
    case Type::kPath: return OrderPaths(a.as_path(), b.as_path());
  }
  return 0;
}

bool Equivalent(const Value& a, const Value& b) { return OrderByCompare(a, b) == 0; }

bool Equivalent(const std::vector<Value>& a, const std::vector<Value>& b) {
  if (a.size() != b.size()) return false;
  for (size_t k = 0; k < a.size(); ++k) {
    if (!Equivalent(a[k], b[k])) return false;
  }
  return true;
}

size_t HashValue(const Value& v) { return static_cast<size_t>(HashImpl(v)); }

size_t HashValues(const std::vector<Value>& values) {
  uint64_t h = Mix(values.size());
  for (const Value& v : values) h = Combine(h, HashImpl(v));
  return static_cast<size_t>(h);
}

std::string FloatToString(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  if (d == 0) return std::signbit(d) ? "-0.0" : "0.0";
  // Shortest round-tripping mantissa: d = digits[0].digits[1..] * 10^exponent.
  char buf[40];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*e", precision - 1, d);
    if (std::strtod(buf, nullptr) == d) break;
  }
  const bool negative = buf[0] == '-';
  std::string digits;
  const char* c = buf + (negative ? 1 : 0);
  for (; *c != 'e'; ++c) {
    if (*c != '.') digits.push_back(*c);
  }
  const int exponent = static_cast<int>(std::strtol(c + 1, nullptr, 10));
  std::string out = negative ? "-" : "";
  const double magnitude = std::fabs(d);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    if (exponent >= 0) {
      size_t int_digits = static_cast<size_t>(exponent) + 1;
      std::string whole = digits.substr(0, std::min(digits.size(), int_digits));
      whole.append(int_digits - whole.size(), '0');
      std::string frac = digits.size() > int_digits ? digits.substr(int_digits) : "0";
      out += whole + "." + frac;
    } else {
      out += "0." + std::string(static_cast<size_t>(-exponent - 1), '0') + digits;
    }
  } else {
    out += digits.substr(0, 1) + "." + (digits.size() > 1 ? digits.substr(1) : "0") + "E" +
           std::to_string(exponent);
  }
  return out;
}

std::string CypherTypeName(const Value& v) {
  switch (v.type()) {
    case Type::kNull: return "NULL";
    case Type::kBool: return "BOOLEAN";
    case Type::kInt: return "INTEGER";
    case Type::kDouble: return "FLOAT";
    case Type::kString: return "STRING";
    case Type::kList: return "LIST";
    case Type::kMap: return "MAP";
    case Type::kNode: return "NODE";
    case Type::kRelationship: return "RELATIONSHIP";
    case Type::kPath: return "PATH";
  }
  return "ANY";
}

}  // namespace alliance::query
