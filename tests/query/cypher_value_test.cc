// Cypher value semantics: tables of `=` (three-valued), `<`-style comparison
// (null for incomparable, false for NaN), the ORDER BY total order across
// every type, and the grouping equivalence with its hash (null ~ null,
// NaN ~ NaN, 1 ~ 1.0) as used by absl hash containers keyed by values and by
// rows of values.
#include "query/cypher_value.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"

namespace alliance::query {
namespace {

Value N() { return Value(); }
Value B(bool b) { return Value::Bool(b); }
Value I(int64_t i) { return Value::Int(i); }
Value D(double d) { return Value::Double(d); }
Value S(std::string s) { return Value::String(std::move(s)); }
Value L(Value::List l) { return Value::MakeList(std::move(l)); }
Value M(Value::Map m) { return Value::MakeMap(std::move(m)); }
Value NaN() { return D(std::numeric_limits<double>::quiet_NaN()); }
Value Inf() { return D(std::numeric_limits<double>::infinity()); }
Value NodeV(NodeId id, std::vector<std::string> labels = {}) {
  Node n;
  n.id = id;
  n.labels = std::move(labels);
  return Value::MakeNode(std::move(n));
}
Value RelV(RelationshipId id, NodeId start = 1, NodeId end = 2) {
  Relationship r;
  r.id = id;
  r.start = start;
  r.end = end;
  r.type = "T";
  return Value::MakeRelationship(std::move(r));
}
Value PathV(std::vector<NodeId> nodes, std::vector<RelationshipId> rels) {
  Path p;
  for (NodeId n : nodes) {
    Node x;
    x.id = n;
    p.nodes.push_back(x);
  }
  for (size_t k = 0; k < rels.size(); ++k) {
    Relationship r;
    r.id = rels[k];
    r.start = nodes[k];
    r.end = nodes[k + 1];
    p.relationships.push_back(r);
  }
  return Value::MakePath(std::move(p));
}

std::string Tri(std::optional<bool> b) { return b.has_value() ? (*b ? "true" : "false") : "null"; }

struct EqCase {
  Value a, b;
  const char* expected;
};

TEST(CypherValueTest, EqualsTable) {
  constexpr int64_t kBig = int64_t{1} << 53;
  std::vector<EqCase> cases = {
      {N(), N(), "null"},
      {N(), I(1), "null"},
      {I(1), N(), "null"},
      {I(1), I(1), "true"},
      {I(1), I(2), "false"},
      {I(1), D(1.0), "true"},
      {D(1.0), I(1), "true"},
      {D(1.5), I(1), "false"},
      {D(0.0), D(-0.0), "true"},
      {I(0), D(-0.0), "true"},
      {NaN(), NaN(), "false"},
      {NaN(), I(1), "false"},
      {NaN(), S("a"), "false"},
      {Inf(), Inf(), "true"},
      {I(kBig + 1), D(static_cast<double>(kBig)), "false"},
      {I(kBig), D(static_cast<double>(kBig)), "true"},
      {I(std::numeric_limits<int64_t>::max()), D(9223372036854775808.0), "false"},
      {I(std::numeric_limits<int64_t>::min()), D(-9223372036854775808.0), "true"},
      {S("a"), S("a"), "true"},
      {S("a"), S("A"), "false"},
      {S("1"), I(1), "false"},
      {B(true), B(true), "true"},
      {B(true), B(false), "false"},
      {B(true), I(1), "false"},
      {L({}), L({}), "true"},
      {L({I(1), I(2)}), L({I(1), D(2.0)}), "true"},
      {L({I(1), I(2)}), L({I(1)}), "false"},
      {L({N()}), L({I(1)}), "null"},
      {L({N(), I(1)}), L({I(2), I(2)}), "false"},
      {L({S("a")}), L({I(1)}), "false"},
      {L({L({I(1)}), L({I(2)})}), L({L({I(1)}), L({N()})}), "null"},
      {L({L({I(1)}), L({I(2), I(3)})}), L({L({I(1)}), L({N()})}), "false"},
      {L({NaN()}), L({NaN()}), "false"},
      {L({}), M({}), "false"},
      {M({}), M({}), "true"},
      {M({{"k", I(1)}}), M({{"k", D(1.0)}}), "true"},
      {M({}), M({{"k", N()}}), "false"},
      {M({{"k", N()}}), M({{"k", N()}}), "null"},
      {M({{"k", I(1)}, {"l", N()}}), M({{"k", I(1)}, {"l", I(1)}}), "null"},
      {M({{"k", I(1)}, {"l", N()}}), M({{"k", I(2)}, {"l", I(1)}}), "false"},
      {M({{"a", N()}}), M({{"b", N()}}), "false"},
      {NodeV(1), NodeV(1), "true"},
      {NodeV(1, {"A"}), NodeV(1, {"B"}), "true"},  // identity, not content
      {NodeV(1), NodeV(2), "false"},
      {NodeV(1), RelV(1), "false"},
      {RelV(3), RelV(3), "true"},
      {RelV(3), RelV(4), "false"},
      {PathV({1, 2}, {9}), PathV({1, 2}, {9}), "true"},
      {PathV({1, 1}, {9}), PathV({1, 1}, {9}), "true"},
      {PathV({1, 2}, {9}), PathV({1, 2}, {8}), "false"},
      {PathV({1}, {}), NodeV(1), "false"},
  };
  for (const EqCase& c : cases) {
    EXPECT_EQ(Tri(CypherEquals(c.a, c.b)), c.expected) << c.a.ToString() << " = " << c.b.ToString();
    EXPECT_EQ(Tri(CypherEquals(c.b, c.a)), c.expected) << c.b.ToString() << " = " << c.a.ToString();
  }
}

struct CmpCase {
  Value a, b;
  const char* lt;  // a < b
  const char* le;  // a <= b
  const char* gt;
  const char* ge;
};

TEST(CypherValueTest, CompareTable) {
  std::vector<CmpCase> cases = {
      {I(1), I(2), "true", "true", "false", "false"},
      {I(2), I(2), "false", "true", "false", "true"},
      {I(1), D(1.0), "false", "true", "false", "true"},
      {I(1), D(1.5), "true", "true", "false", "false"},
      {D(-0.0), I(0), "false", "true", "false", "true"},
      {I(std::numeric_limits<int64_t>::max()), D(9223372036854775808.0), "true", "true", "false",
       "false"},
      {I(3), Inf(), "true", "true", "false", "false"},
      {NaN(), I(1), "false", "false", "false", "false"},
      {NaN(), NaN(), "false", "false", "false", "false"},
      {I(1), NaN(), "false", "false", "false", "false"},
      {NaN(), S("a"), "null", "null", "null", "null"},
      {N(), I(1), "null", "null", "null", "null"},
      {N(), N(), "null", "null", "null", "null"},
      {S("a"), I(1), "null", "null", "null", "null"},
      {S("a"), S("b"), "true", "true", "false", "false"},
      {S("B"), S("a"), "true", "true", "false", "false"},
      {S("ab"), S("abc"), "true", "true", "false", "false"},
      {S(""), S(""), "false", "true", "false", "true"},
      {S("z"), S("é"), "true", "true", "false", "false"},  // code point order
      {B(false), B(true), "true", "true", "false", "false"},
      {B(true), I(1), "null", "null", "null", "null"},
      {L({I(1), I(0)}), L({I(1)}), "false", "false", "true", "true"},
      {L({I(1), N()}), L({I(1)}), "false", "false", "true", "true"},
      {L({I(1), I(2)}), L({I(1), N()}), "null", "null", "null", "null"},
      {L({I(1), S("a")}), L({I(1), N()}), "null", "null", "null", "null"},
      {L({I(1), I(2)}), L({I(3), N()}), "true", "true", "false", "false"},
      {L({I(1)}), L({D(1.0)}), "false", "true", "false", "true"},
      {L({NaN()}), L({I(1)}), "false", "false", "false", "false"},
      {L({}), L({}), "false", "true", "false", "true"},
      {L({S("a")}), L({I(1)}), "null", "null", "null", "null"},
      {M({}), M({}), "null", "null", "null", "null"},
      {NodeV(1), NodeV(2), "null", "null", "null", "null"},
      {RelV(1), RelV(1), "null", "null", "null", "null"},
      {PathV({1}, {}), PathV({1}, {}), "null", "null", "null", "null"},
      {L({}), M({}), "null", "null", "null", "null"},
  };
  for (const CmpCase& c : cases) {
    std::string what = c.a.ToString() + " vs " + c.b.ToString();
    EXPECT_EQ(Tri(CypherCompare(CompareOp::kLt, c.a, c.b)), c.lt) << what << " <";
    EXPECT_EQ(Tri(CypherCompare(CompareOp::kLe, c.a, c.b)), c.le) << what << " <=";
    EXPECT_EQ(Tri(CypherCompare(CompareOp::kGt, c.a, c.b)), c.gt) << what << " >";
    EXPECT_EQ(Tri(CypherCompare(CompareOp::kGe, c.a, c.b)), c.ge) << what << " >=";
    // The mirrored comparison agrees.
    EXPECT_EQ(Tri(CypherCompare(CompareOp::kGt, c.b, c.a)), c.lt) << what << " mirrored";
  }
  EXPECT_EQ(CypherCompare(I(1), I(2)), -1);
  EXPECT_EQ(CypherCompare(D(2.0), I(2)), 0);
  EXPECT_EQ(CypherCompare(NaN(), I(2)), kUnordered);
  EXPECT_EQ(CypherCompare(S("a"), I(2)), std::nullopt);
}

TEST(CypherValueTest, OrderByIsTheGlobalSortOrder) {
  // Written in ascending order.
  std::vector<Value> sorted = {
      M({}),
      M({{"a", I(1)}}),
      M({{"a", I(1)}, {"b", I(0)}}),
      M({{"b", I(0)}}),
      NodeV(1),
      NodeV(5),
      RelV(1),
      RelV(2),
      L({}),
      L({M({})}),
      L({I(1)}),
      L({I(1), I(2)}),
      L({I(2)}),
      L({N()}),
      PathV({1}, {}),
      PathV({1, 2}, {3}),
      PathV({2}, {}),
      S(""),
      S("B"),
      S("a"),
      S("ab"),
      S("é"),
      B(false),
      B(true),
      D(-std::numeric_limits<double>::infinity()),
      I(std::numeric_limits<int64_t>::min()),
      D(-1.5),
      I(-1),
      I(0),
      D(0.5),
      I(1),
      D(1.5),
      I(std::numeric_limits<int64_t>::max()),
      D(9223372036854775808.0),
      Inf(),
      NaN(),
      N(),
  };
  for (size_t i = 0; i < sorted.size(); ++i) {
    for (size_t j = 0; j < sorted.size(); ++j) {
      int c = OrderByCompare(sorted[i], sorted[j]);
      int expected = i < j ? -1 : (i > j ? 1 : 0);
      EXPECT_EQ(c < 0 ? -1 : (c > 0 ? 1 : 0), expected)
          << sorted[i].ToString() << " vs " << sorted[j].ToString();
    }
  }
  std::vector<Value> shuffled = sorted;
  std::mt19937 rng(42);
  std::shuffle(shuffled.begin(), shuffled.end(), rng);
  std::stable_sort(shuffled.begin(), shuffled.end(),
                   [](const Value& a, const Value& b) { return OrderByCompare(a, b) < 0; });
  for (size_t i = 0; i < sorted.size(); ++i) {
    EXPECT_EQ(shuffled[i].ToString(), sorted[i].ToString());
  }
  // Ties: numerically equal int and float, NaN with NaN, null with null.
  EXPECT_EQ(OrderByCompare(I(1), D(1.0)), 0);
  EXPECT_EQ(OrderByCompare(D(-0.0), I(0)), 0);
  EXPECT_EQ(OrderByCompare(NaN(), NaN()), 0);
  EXPECT_EQ(OrderByCompare(N(), N()), 0);
  EXPECT_EQ(OrderByCompare(L({I(1)}), L({D(1.0)})), 0);
}

TEST(CypherValueTest, GroupingEquivalenceAndHash) {
  std::vector<std::pair<Value, Value>> equivalent = {
      {N(), N()},
      {I(1), D(1.0)},
      {D(-0.0), D(0.0)},
      {D(-0.0), I(0)},
      {NaN(), NaN()},
      {NaN(), D(-std::numeric_limits<double>::quiet_NaN())},
      {I(int64_t{1} << 60), D(static_cast<double>(int64_t{1} << 60))},
      {I(std::numeric_limits<int64_t>::min()), D(-9223372036854775808.0)},
      {L({I(1), N()}), L({D(1.0), N()})},
      {M({{"k", N()}}), M({{"k", N()}})},
      {M({{"k", I(2)}}), M({{"k", D(2.0)}})},
      {NodeV(3, {"A"}), NodeV(3)},
      {RelV(3), RelV(3, 5, 6)},
      {PathV({1, 2}, {7}), PathV({1, 2}, {7})},
  };
  for (const auto& [a, b] : equivalent) {
    EXPECT_TRUE(Equivalent(a, b)) << a.ToString() << " ~ " << b.ToString();
    EXPECT_EQ(HashValue(a), HashValue(b)) << a.ToString() << " ~ " << b.ToString();
  }
  std::vector<std::pair<Value, Value>> different = {
      {N(), I(0)},
      {I(1), D(1.5)},
      {I(1), S("1")},
      {I(1), B(true)},
      {I((int64_t{1} << 53) + 1), D(static_cast<double>(int64_t{1} << 53))},
      {I(std::numeric_limits<int64_t>::max()), D(9223372036854775808.0)},
      {NaN(), Inf()},
      {L({I(1)}), L({I(1), I(1)})},
      {L({}), M({})},
      {M({{"a", I(1)}}), M({{"b", I(1)}})},
      {NodeV(1), RelV(1)},
      {NodeV(1), NodeV(2)},
      {PathV({1, 2}, {7}), PathV({1, 2}, {8})},
      {S("a"), S("A")},
  };
  for (const auto& [a, b] : different) {
    EXPECT_FALSE(Equivalent(a, b)) << a.ToString() << " vs " << b.ToString();
  }

  absl::flat_hash_set<Value, ValueHash, ValueEquivalent> set;
  for (const Value& v :
       {I(1), D(1.0), NaN(), NaN(), N(), N(), L({I(1)}), L({D(1.0)}), M({{"a", I(1)}}),
        M({{"a", D(1.0)}}), S("1"), B(true), NodeV(1), RelV(1)}) {
    set.insert(v);
  }
  EXPECT_EQ(set.size(), 9u);  // 1, NaN, null, [1], {a: 1}, '1', true, node, rel
}

TEST(CypherValueTest, RowsOfValuesAsGroupingKeys) {
  absl::flat_hash_map<std::vector<Value>, int, ValueHash, ValueEquivalent> groups;
  groups[{S("a"), I(1)}] += 1;
  groups[{S("a"), D(1.0)}] += 1;
  groups[{S("a"), N()}] += 1;
  groups[{S("a"), N()}] += 1;
  groups[{N(), S("a")}] += 1;
  groups[{S("a")}] += 1;
  EXPECT_EQ(groups.size(), 4u);
  EXPECT_EQ((groups[{S("a"), I(1)}]), 2);
  EXPECT_EQ((groups[{S("a"), N()}]), 2);
  EXPECT_TRUE(Equivalent(std::vector<Value>{I(1), NaN()}, std::vector<Value>{D(1.0), NaN()}));
  EXPECT_FALSE(Equivalent(std::vector<Value>{I(1)}, std::vector<Value>{I(1), I(1)}));
  EXPECT_EQ(HashValues({I(1), NaN()}), HashValues({D(1.0), NaN()}));
}

TEST(CypherValueTest, FloatText) {
  std::vector<std::pair<double, std::string>> cases = {
      {0.0, "0.0"},
      {-0.0, "-0.0"},
      {1.0, "1.0"},
      {-2.5, "-2.5"},
      {0.1, "0.1"},
      {1000.0, "1000.0"},
      {123456.789, "123456.789"},
      {9999999.0, "9999999.0"},
      {1e7, "1.0E7"},
      {0.001, "0.001"},
      {0.0001, "1.0E-4"},
      {1.5e-10, "1.5E-10"},
      {9223372036854775808.0, "9.223372036854776E18"},
      {1.7976931348623157e308, "1.7976931348623157E308"},
      {4.9e-324, "5.0E-324"},  // shortest digits; Java prints 4.9E-324
      {1.0 / 3, "0.3333333333333333"},
      {std::numeric_limits<double>::quiet_NaN(), "NaN"},
      {std::numeric_limits<double>::infinity(), "Infinity"},
      {-std::numeric_limits<double>::infinity(), "-Infinity"},
  };
  for (const auto& [d, text] : cases) {
    EXPECT_EQ(FloatToString(d), text);
    if (std::isfinite(d)) {
      EXPECT_EQ(std::strtod(text.c_str(), nullptr), d) << text;  // round trip
    }
  }
}

TEST(CypherValueTest, TypeNames) {
  EXPECT_EQ(CypherTypeName(N()), "NULL");
  EXPECT_EQ(CypherTypeName(B(true)), "BOOLEAN");
  EXPECT_EQ(CypherTypeName(I(1)), "INTEGER");
  EXPECT_EQ(CypherTypeName(D(1)), "FLOAT");
  EXPECT_EQ(CypherTypeName(S("")), "STRING");
  EXPECT_EQ(CypherTypeName(L({})), "LIST");
  EXPECT_EQ(CypherTypeName(M({})), "MAP");
  EXPECT_EQ(CypherTypeName(NodeV(1)), "NODE");
  EXPECT_EQ(CypherTypeName(RelV(1)), "RELATIONSHIP");
  EXPECT_EQ(CypherTypeName(PathV({1}, {})), "PATH");
}

}  // namespace
}  // namespace alliance::query
