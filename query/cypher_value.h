// Cypher semantics of values: `=`, `<` and friends, the ORDER BY order, and
// the equivalence that groups rows for aggregation and DISTINCT.
//
// `=` is three-valued (null when unknown); the comparison operators give null
// for values of different types; ORDER BY (and min/max) use one total order
// over every value; grouping treats null, NaN and 1 vs 1.0 as the same key.
//
//   CypherEquals(Value::Int(1), Value::Double(1.0));  // true
//   CypherEquals(Value(), Value());                    // nullopt (null = null is null)
//   OrderByCompare(Value::String("a"), Value::Int(1)); // < 0: strings sort before numbers
//   absl::flat_hash_set<Value, ValueHash, ValueEquivalent> distinct;  // 1 and 1.0 collide
#ifndef ALLIANCE_QUERY_CYPHER_VALUE_H_
#define ALLIANCE_QUERY_CYPHER_VALUE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "alliance/value.h"

namespace alliance::query {

// `a = b`. nullopt (Cypher null) when either side is null, or when a list or
// map comparison cannot decide because of a null inside (`[1, null] = [1, 2]`)
// and no element pair is definitely different (`[1, null] = [2, 2]` is false).
// Integers and floats compare numerically and exactly (1 = 1.0); NaN equals
// nothing, itself included. Nodes and relationships are equal by id, paths by
// their sequences of ids. Values of different types are unequal (false).
// Lists of different lengths and maps with different key sets are unequal.
std::optional<bool> CypherEquals(const Value& a, const Value& b);

enum class CompareOp { kLt, kLe, kGt, kGe };

// `a < b`, `a <= b`, ... with null (nullopt) when the two are not comparable:
// null involved, different types (int and float mix freely), or types without
// an order (maps, nodes, relationships, paths). Strings compare by code point
// (UTF-8 bytes), booleans false < true, lists lexicographically by element
// (the first element pair that differs decides, and a proper prefix is
// smaller: [1, null] >= [1] is true, [1, 2] >= [1, null] is null). A
// comparison involving NaN is false for every operator (not null).
std::optional<bool> CypherCompare(CompareOp op, const Value& a, const Value& b);

// The same as a three-way result: -1, 0 or 1 when ordered; nullopt when the
// result of every operator is null; kUnordered when every operator is false
// (NaN involved). Prefer the CompareOp form, which gets NaN right by itself.
inline constexpr int kUnordered = 2;
std::optional<int> CypherCompare(const Value& a, const Value& b);

// The total order of ORDER BY (ascending), min() and max(): openCypher's
// global sort order MAP < NODE < RELATIONSHIP < LIST < PATH < STRING <
// BOOLEAN < NUMBER < null. Numbers compare numerically across int and float
// (1 and 1.0 tie), NaN sorts after every other number; lists compare
// lexicographically with this order, maps by their (key, value) entries in key
// order, nodes and relationships by id, paths by their id sequences.
// Returns < 0, 0 or > 0. 0 exactly when ValueEquivalent holds.
int OrderByCompare(const Value& a, const Value& b);

// Grouping equivalence (aggregation keys, DISTINCT, UNION, collect(DISTINCT)):
// like `=` but two-valued, with null equivalent to null, NaN to NaN, 1 to 1.0
// and -0.0 to 0.0; lists and maps structurally.
bool Equivalent(const Value& a, const Value& b);
bool Equivalent(const std::vector<Value>& a, const std::vector<Value>& b);

// A hash consistent with Equivalent (equivalent values hash alike).
size_t HashValue(const Value& v);
size_t HashValues(const std::vector<Value>& values);

// Hasher and equality for absl::flat_hash_map/set keyed by a Value or by a
// std::vector<Value> (a grouping key of several columns).
struct ValueHash {
  size_t operator()(const Value& v) const { return HashValue(v); }
  size_t operator()(const std::vector<Value>& v) const { return HashValues(v); }
};
struct ValueEquivalent {
  bool operator()(const Value& a, const Value& b) const { return Equivalent(a, b); }
  bool operator()(const std::vector<Value>& a, const std::vector<Value>& b) const {
    return Equivalent(a, b);
  }
};

// The text of a float as toString() and string concatenation write it, in
// Java's style (what Cypher users see elsewhere): the shortest digits that
// read back to the same double, plain between 1e-3 and 1e7 ("1000.0",
// "0.001", "-2.5"), else scientific ("1.0E7", "9.223372036854776E18",
// "1.0E-4"); "NaN", "Infinity", "-Infinity".
std::string FloatToString(double d);

// The Cypher type of a value for error messages: "NULL", "BOOLEAN",
// "INTEGER", "FLOAT", "STRING", "LIST", "MAP", "NODE", "RELATIONSHIP", "PATH".
std::string CypherTypeName(const Value& v);

}  // namespace alliance::query

#endif  // ALLIANCE_QUERY_CYPHER_VALUE_H_
