// Tests for TCK values and result comparison: every value syntax the TCK writes, the TCK's
// equality rules, the total order and list canonicalisation, printing round trips, result-table
// and side-effect comparison, and that every result/parameter/side-effect table in the DEV subset
// parses.

#include "tests/tck/tck_value.h"

#include <cmath>
#include <cstdint>
#include <iostream>
#include <limits>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/tck/gherkin.h"
#include "tests/tck/tck_result.h"

#ifndef ALLIANCE_SHARED_DIR
#define ALLIANCE_SHARED_DIR "/work/shared"
#endif

namespace alliance::tck {
namespace {

TckValue P(const std::string& text) {
  absl::StatusOr<TckValue> v = ParseTckValue(text);
  EXPECT_TRUE(v.ok()) << text << ": " << v.status();
  return v.ok() ? *std::move(v) : TckValue::String("<<parse error>>");
}

bool Fails(const std::string& text) { return !ParseTckValue(text).ok(); }

TckValue Canon(const std::string& text) {
  TckValue v = P(text);
  Canonicalize(v);
  return v;
}

TEST(TckValueParseTest, KeywordsAndIntegers) {
  EXPECT_TRUE(P("null").is_null());
  EXPECT_EQ(P("true").kind(), TckValue::Kind::kBool);
  EXPECT_TRUE(P("true").AsBool());
  EXPECT_FALSE(P(" false ").AsBool());  // Surrounding whitespace is allowed.
  EXPECT_EQ(P("-12").AsInt(), -12);
  EXPECT_EQ(P("0").AsInt(), 0);
  EXPECT_EQ(P("9223372036854775807").AsInt(), std::numeric_limits<int64_t>::max());
  EXPECT_EQ(P("-9223372036854775808").AsInt(), std::numeric_limits<int64_t>::min());
  EXPECT_TRUE(Fails("9223372036854775808"));  // Out of int64 range is an error, not a float.
  EXPECT_TRUE(Fails("nullx"));
  EXPECT_TRUE(Fails("True"));
  EXPECT_TRUE(Fails(""));
  EXPECT_TRUE(Fails("12abc"));
}

TEST(TckValueParseTest, FloatsInEveryWrittenForm) {
  EXPECT_EQ(P("1.0").kind(), TckValue::Kind::kFloat);
  EXPECT_EQ(P("1.0").AsFloat(), 1.0);
  EXPECT_EQ(P(".5").AsFloat(), 0.5);
  EXPECT_EQ(P("-.5").AsFloat(), -0.5);
  EXPECT_EQ(P("1e-305").AsFloat(), 1e-305);
  EXPECT_EQ(P("-1.2635418652381264e305").AsFloat(), -1.2635418652381264e305);
  EXPECT_EQ(P("1e308").AsFloat(), 1e308);
  EXPECT_EQ(P("1E9").kind(), TckValue::Kind::kFloat);  // An exponent alone makes a float.
  EXPECT_EQ(P("1e+3").AsFloat(), 1000.0);
  EXPECT_EQ(P("-1000000000.0").AsFloat(), -1e9);
  // Different spellings of one number are one value.
  EXPECT_EQ(P("0.000001"), P(".1e-5"));
  EXPECT_TRUE(std::isnan(P("NaN").AsFloat()));
  EXPECT_EQ(P("Inf").AsFloat(), std::numeric_limits<double>::infinity());
  EXPECT_EQ(P("Infinity").AsFloat(), std::numeric_limits<double>::infinity());
  EXPECT_EQ(P("-Inf").AsFloat(), -std::numeric_limits<double>::infinity());
  EXPECT_TRUE(Fails("1e999"));
  EXPECT_TRUE(Fails("1."));
  EXPECT_TRUE(Fails("1e"));
  EXPECT_TRUE(Fails("-"));
  EXPECT_TRUE(Fails("."));
}

TEST(TckValueParseTest, StringsHaveOnlyQuoteAndBackslashEscapes) {
  EXPECT_EQ(P("'abc'").AsString(), "abc");
  EXPECT_EQ(P("''").AsString(), "");
  EXPECT_EQ(P("'it\\'s'").AsString(), "it's");
  EXPECT_EQ(P("'back\\\\slash'").AsString(), "back\\slash");
  EXPECT_EQ(P("'a\\tb'").AsString(), "a\\tb");        // Not an escape: kept as written.
  EXPECT_EQ(P("'Foo\nFoo'").AsString(), "Foo\nFoo");  // A newline from Gherkin `\n`.
  EXPECT_EQ(P("'a{b:c}'").AsString(), "a{b:c}");
  EXPECT_EQ(P("'[1, 2]'").AsString(), "[1, 2]");
  EXPECT_EQ(P("'ab: c, as#?lßdj '").AsString(), "ab: c, as#?lßdj ");
  EXPECT_EQ(P("'\xF0\x9F\x98\x80 emoji'").AsString(), "\xF0\x9F\x98\x80 emoji");
  EXPECT_EQ(P("'null'").kind(), TckValue::Kind::kString);
  EXPECT_TRUE(Fails("'unterminated"));
  EXPECT_TRUE(Fails("'escaped end\\'"));
  EXPECT_TRUE(Fails("'a' 'b'"));
}

TEST(TckValueParseTest, ListsNestAndRejectBadSeparators) {
  TckValue v = P("[1, 'a', [2]]");
  ASSERT_EQ(v.kind(), TckValue::Kind::kList);
  ASSERT_EQ(v.AsList().size(), 3u);
  EXPECT_EQ(v.AsList()[0].AsInt(), 1);
  EXPECT_EQ(v.AsList()[1].AsString(), "a");
  EXPECT_EQ(v.AsList()[2], TckValue::List({TckValue::Int(2)}));
  EXPECT_TRUE(P("[]").AsList().empty());
  EXPECT_EQ(P("[[], [[]], [null]]").AsList().size(), 3u);
  EXPECT_EQ(P("[ 1 ,2,  3 ]"), P("[1, 2, 3]"));
  EXPECT_TRUE(Fails("[1,]"));
  EXPECT_TRUE(Fails("[1 2]"));
  EXPECT_TRUE(Fails("[1"));
  EXPECT_TRUE(Fails(std::string(100000, '[')));  // Deep nesting fails cleanly, no overflow.
}

TEST(TckValueParseTest, MapsAreOrderFreeAndStringValuesMayHoldBraces) {
  TckValue v = P("{name: 'a{b:c}, d}', other: '}', $k_1: {inner: [1]}}");
  ASSERT_EQ(v.kind(), TckValue::Kind::kMap);
  EXPECT_EQ(v.AsMap().at("name").AsString(), "a{b:c}, d}");
  EXPECT_EQ(v.AsMap().at("other").AsString(), "}");
  EXPECT_EQ(v.AsMap().at("$k_1"), P("{inner: [1]}"));
  EXPECT_EQ(P("{a: 1, b: 2}"), P("{b: 2, a: 1}"));
  EXPECT_NE(P("{a: 1}"), P("{a: 1, b: null}"));  // A null entry is still an entry.
  EXPECT_TRUE(P("{}").AsMap().empty());
  EXPECT_EQ(P("{``: null}").AsMap().count(""), 1u);
  EXPECT_EQ(P("{`a b`: 1}").AsMap().count("a b"), 1u);
  EXPECT_EQ(P("{k: -.1e-5}").AsMap().at("k").AsFloat(), -0.000001);
  EXPECT_TRUE(Fails("{a: 1, a: 2}"));
  EXPECT_TRUE(Fails("{a 1}"));
  EXPECT_TRUE(Fails("{'a': 1}"));
  EXPECT_TRUE(Fails("{a: 1"));
}

TEST(TckValueParseTest, NodesCompareByLabelSetAndProperties) {
  TckValue empty = P("()");
  ASSERT_EQ(empty.kind(), TckValue::Kind::kNode);
  EXPECT_TRUE(empty.AsNode().labels.empty());
  TckValue n = P("(:A:B {p: 1, name: 'x'})");
  EXPECT_EQ(n.AsNode().labels, (std::set<std::string>{"A", "B"}));
  EXPECT_EQ(n.AsNode().properties.at("p").AsInt(), 1);
  EXPECT_EQ(P("(:B:A {p: 1, name: 'x'})"), n);  // Label order is irrelevant.
  EXPECT_EQ(P("({name: 'A'})").AsNode().properties.at("name").AsString(), "A");
  EXPECT_NE(P("(:A)"), P("(:A:B)"));
  EXPECT_NE(P("(:A {p: 1})"), P("(:A {p: 1.0})"));
  EXPECT_NE(P("(:A)"), P("[:A]"));
  EXPECT_TRUE(Fails("(n:A)"));  // Results never carry variables.
  EXPECT_TRUE(Fails("(:A"));
}

TEST(TckValueParseTest, RelationshipsAreDistinguishedFromLists) {
  TckValue r = P("[:T {p: 1}]");
  ASSERT_EQ(r.kind(), TckValue::Kind::kRelationship);
  EXPECT_EQ(r.AsRelationship().type, "T");
  EXPECT_EQ(r.AsRelationship().properties.at("p").AsInt(), 1);
  EXPECT_EQ(P("[ :T ]").AsRelationship().type, "T");
  EXPECT_NE(P("[:T {p: 1}]"), P("[:U {p: 1}]"));
  EXPECT_EQ(P("[[:T], [:T]]").AsList().size(), 2u);
  EXPECT_TRUE(Fails("[:T:U]"));
  EXPECT_TRUE(Fails("[:]"));
}

TEST(TckValueParseTest, PathsAlternateNodesAndDirectedRelationships) {
  TckValue p = P("<(:A)-[:T]->(:B)<-[:U {w: 2}]-(:C)>");
  ASSERT_EQ(p.kind(), TckValue::Kind::kPath);
  const TckPath& path = p.AsPath();
  EXPECT_EQ(path.start.labels, std::set<std::string>{"A"});
  ASSERT_EQ(path.hops.size(), 2u);
  EXPECT_TRUE(path.hops[0].forward);
  EXPECT_EQ(path.hops[0].relationship.type, "T");
  EXPECT_EQ(path.hops[0].node.labels, std::set<std::string>{"B"});
  EXPECT_FALSE(path.hops[1].forward);
  EXPECT_EQ(path.hops[1].relationship.properties.at("w").AsInt(), 2);
  EXPECT_TRUE(P("<()>").AsPath().hops.empty());
  EXPECT_EQ(P("<({name: 'A'})-[:X]->({name: 'B'})>").AsPath().hops.size(), 1u);
  EXPECT_NE(P("<(:A)-[:T]->(:B)>"), P("<(:A)<-[:T]-(:B)>"));  // Direction matters.
  EXPECT_EQ(P("[<()>, <(:N)-[:REL]->()>]").AsList().size(), 2u);
  EXPECT_TRUE(Fails("<(:A)-[:T]-(:B)>"));
  EXPECT_TRUE(Fails("<(:A)-[:T]->>"));
  EXPECT_TRUE(Fails("<(:A)"));
}

TEST(TckValueEqualityTest, FollowsTheTckRules) {
  EXPECT_EQ(P("NaN"), P("NaN"));
  EXPECT_EQ(P("-0.0"), P("0.0"));
  EXPECT_NE(P("1"), P("1.0"));  // Integers and floats never compare equal.
  EXPECT_NE(P("[1]"), P("[1.0]"));
  EXPECT_EQ(P("null"), P("null"));
  EXPECT_NE(P("null"), P("''"));
  EXPECT_NE(P("'1'"), P("1"));
  EXPECT_NE(P("[1, 2]"), P("[2, 1]"));  // List order matters unless canonicalised.
  EXPECT_NE(P("Inf"), P("-Inf"));
  EXPECT_NE(P("NaN"), P("Inf"));
}

TEST(TckValueOrderTest, CompareIsATotalOrderConsistentWithEquality) {
  std::vector<TckValue> values;
  for (const char* text : {"null",
                           "false",
                           "true",
                           "-1",
                           "0",
                           "1",
                           "-Inf",
                           "-1.5",
                           "-0.0",
                           "0.0",
                           "1.0",
                           "Inf",
                           "NaN",
                           "''",
                           "'a'",
                           "'b'",
                           "[]",
                           "[1]",
                           "[1, 2]",
                           "[2]",
                           "[1.0]",
                           "{}",
                           "{a: 1}",
                           "{a: 2}",
                           "{b: 1}",
                           "{a: 1, b: 1}",
                           "()",
                           "(:A)",
                           "(:A:B)",
                           "(:A {p: 1})",
                           "[:T]",
                           "[:T {p: 1}]",
                           "[:U]",
                           "<()>",
                           "<(:A)-[:T]->()>",
                           "<(:A)<-[:T]-()>",
                           "<(:A)-[:T]->()-[:T]->()>"}) {
    values.push_back(P(text));
  }
  for (const TckValue& a : values) {
    EXPECT_EQ(Compare(a, a), 0) << ToString(a);
    for (const TckValue& b : values) {
      EXPECT_EQ(Compare(a, b), -Compare(b, a)) << ToString(a) << " vs " << ToString(b);
      EXPECT_EQ(Compare(a, b) == 0, a == b);
      for (const TckValue& c : values) {
        if (Compare(a, b) < 0 && Compare(b, c) < 0) {
          EXPECT_LT(Compare(a, c), 0)
              << ToString(a) << " < " << ToString(b) << " < " << ToString(c);
        }
      }
    }
  }
  // Only -0.0/0.0 are equal among the distinct spellings above.
  EXPECT_EQ(Compare(P("-0.0"), P("0.0")), 0);
  EXPECT_GT(Compare(P("NaN"), P("Inf")), 0);  // NaN sorts after every other float.
}

TEST(TckValueCanonicalizeTest, SortsListsAtEveryDepth) {
  EXPECT_EQ(Canon("[3, 1, 2]"), P("[1, 2, 3]"));
  EXPECT_EQ(Canon("[[2, 1], [1]]"), Canon("[[1], [1, 2]]"));
  EXPECT_EQ(Canon("[[2, 1], [1]]"), P("[[1], [1, 2]]"));
  EXPECT_EQ(Canon("{k: [2, 1], m: [[3, 0]]}"), P("{k: [1, 2], m: [[0, 3]]}"));
  EXPECT_EQ(Canon("(:A {l: ['b', 'a']})"), P("(:A {l: ['a', 'b']})"));
  EXPECT_EQ(Canon("[:T {l: [2, 1]}]"), P("[:T {l: [1, 2]}]"));
  EXPECT_EQ(Canon("<({l: [2, 1]})-[:T {l: [2, 1]}]->({l: [2, 1]})>"),
            P("<({l: [1, 2]})-[:T {l: [1, 2]}]->({l: [1, 2]})>"));
  // Mixed kinds and NaN still sort deterministically, and duplicates are kept.
  EXPECT_EQ(Canon("[NaN, 'x', 1, null, 1.0, 1]"), Canon("[1, 1.0, null, 1, 'x', NaN]"));
  EXPECT_EQ(Canon("[1, 1, 2]").AsList().size(), 3u);
  EXPECT_NE(Canon("[1, 1, 2]"), Canon("[1, 2, 2]"));
  TckValue scalar = P("'unchanged'");
  Canonicalize(scalar);
  EXPECT_EQ(scalar, P("'unchanged'"));
}

TEST(TckValueToStringTest, PrintsTckSyntax) {
  EXPECT_EQ(ToString(P("null")), "null");
  EXPECT_EQ(ToString(P("-12")), "-12");
  EXPECT_EQ(ToString(P("1.0")), "1.0");
  EXPECT_EQ(ToString(P("-1000000000.0")), "-1000000000.0");
  EXPECT_EQ(ToString(P("0.5")), "0.5");
  EXPECT_EQ(ToString(P("0.000001")), "0.000001");
  EXPECT_EQ(ToString(P("-0.0")), "-0.0");
  EXPECT_EQ(ToString(P("1e308")), "1e+308");
  EXPECT_EQ(ToString(P("1e-305")), "1e-305");
  EXPECT_EQ(ToString(P("-1.2635418652381264e305")), "-1.2635418652381264e+305");
  EXPECT_EQ(ToString(P("NaN")), "NaN");
  EXPECT_EQ(ToString(P("-Inf")), "-Inf");
  EXPECT_EQ(ToString(P("'it\\'s \\\\ ok'")), "'it\\'s \\\\ ok'");
  EXPECT_EQ(ToString(P("{b: 'x', a: 1}")), "{a: 1, b: 'x'}");  // Keys print sorted.
  EXPECT_EQ(ToString(P("{``: 1, `a b`: 2}")), "{``: 1, `a b`: 2}");
  EXPECT_EQ(ToString(P("(:B:A {p: [1, 2]})")), "(:A:B {p: [1, 2]})");
  EXPECT_EQ(ToString(P("({p: 1})")), "({p: 1})");
  EXPECT_EQ(ToString(P("()")), "()");
  EXPECT_EQ(ToString(P("[:T {p: 1}]")), "[:T {p: 1}]");
  EXPECT_EQ(ToString(P("<(:A)-[:T]->(:B)<-[:U]-(:C)>")), "<(:A)-[:T]->(:B)<-[:U]-(:C)>");
}

TEST(TckValueToStringTest, RoundTripsThroughTheParser) {
  for (const char* text : {"null",
                           "true",
                           "-9223372036854775808",
                           "0.1",
                           "-0.0",
                           "1e-305",
                           "-1.2635418652381264e305",
                           "4.9e-324",
                           "NaN",
                           "Inf",
                           "-Inf",
                           "123456789.0",
                           "'a{b:c}'",
                           "'q\\'\\\\'",
                           "'\xF0\x9F\x98\x80'",
                           "'line\nbreak'",
                           "[1, [2.5, ['x']]]",
                           "{k: 'v{:}', `we ird`: [null]}",
                           "(:A:B {p: 1})",
                           "[:T {p: {q: 1}}]",
                           "<(:A)-[:T]->(:B)<-[:U]-(:C)>"}) {
    TckValue v = P(text);
    std::string printed = ToString(v);
    absl::StatusOr<TckValue> back = ParseTckValue(printed);
    ASSERT_TRUE(back.ok()) << text << " printed as " << printed << ": " << back.status();
    EXPECT_EQ(*back, v) << text << " printed as " << printed;
    EXPECT_EQ(ToString(*back), printed);
  }
}

// ---- Result tables (tck_result.h) ----

std::vector<std::vector<TckValue>> Rows(const std::vector<std::vector<std::string>>& texts) {
  std::vector<std::vector<TckValue>> rows;
  for (const auto& row : texts) {
    std::vector<TckValue> values;
    for (const std::string& t : row) values.push_back(P(t));
    rows.push_back(std::move(values));
  }
  return rows;
}

ExpectedTable MustParseTable(std::vector<std::vector<std::string>> table) {
  absl::StatusOr<ExpectedTable> t = ParseExpectedTable(table);
  EXPECT_TRUE(t.ok()) << t.status();
  return t.ok() ? *std::move(t) : ExpectedTable{};
}

TEST(TckResultTest, ParsesHeaderVerbatimAndHeaderOnlyMeansZeroRows) {
  ExpectedTable t = MustParseTable({{"count(*)", "(n:Foo)", "count(a) > 0"}});
  EXPECT_EQ(t.columns, (std::vector<std::string>{"count(*)", "(n:Foo)", "count(a) > 0"}));
  EXPECT_TRUE(t.rows.empty());
  ExpectedTable u = MustParseTable({{"a", "b"}, {"1", "'x'"}, {"[1]", "{k: 'v'}"}});
  ASSERT_EQ(u.rows.size(), 2u);
  EXPECT_EQ(u.rows[1][1], P("{k: 'v'}"));
  absl::StatusOr<ExpectedTable> bad = ParseExpectedTable({{"a"}, {"1"}, {"'open"}});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("row 2"), std::string::npos) << bad.status();
  EXPECT_FALSE(ParseExpectedTable({}).ok());
}

TEST(TckResultTest, AnyOrderComparesRowsAsMultisets) {
  ExpectedTable t = MustParseTable({{"x", "y"}, {"1", "'a'"}, {"2", "'b'"}, {"2", "'b'"}});
  EXPECT_TRUE(CompareResults(t, {"x", "y"}, Rows({{"2", "'b'"}, {"1", "'a'"}, {"2", "'b'"}}),
                             Ordering::kAnyOrder, false)
                  .ok());
  // Duplicates count: one `| 2 | 'b' |` short is a mismatch.
  absl::Status s = CompareResults(t, {"x", "y"}, Rows({{"2", "'b'"}, {"1", "'a'"}, {"1", "'a'"}}),
                                  Ordering::kAnyOrder, false);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("expected but missing (1 rows):\n  | 2 | 'b' |"), std::string::npos)
      << s.message();
  EXPECT_NE(s.message().find("present but not expected (1 rows):\n  | 1 | 'a' |"),
            std::string::npos)
      << s.message();
}

TEST(TckResultTest, InOrderReportsTheFirstDifferingRow) {
  ExpectedTable t = MustParseTable({{"x"}, {"1"}, {"2"}, {"3"}});
  EXPECT_TRUE(
      CompareResults(t, {"x"}, Rows({{"1"}, {"2"}, {"3"}}), Ordering::kInOrder, false).ok());
  absl::Status s = CompareResults(t, {"x"}, Rows({{"1"}, {"3"}, {"2"}}), Ordering::kInOrder, false);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("row 1 differs"), std::string::npos) << s.message();
  EXPECT_TRUE(
      CompareResults(t, {"x"}, Rows({{"1"}, {"3"}, {"2"}}), Ordering::kAnyOrder, false).ok());
}

TEST(TckResultTest, ColumnsRowCountAndWidthMismatchesAreExplained) {
  ExpectedTable t = MustParseTable({{"a", "b"}, {"1", "2"}});
  absl::Status cols = CompareResults(t, {"b", "a"}, Rows({{"2", "1"}}), Ordering::kAnyOrder, false);
  ASSERT_FALSE(cols.ok());
  EXPECT_NE(cols.message().find("columns differ"), std::string::npos) << cols.message();
  absl::Status count = CompareResults(t, {"a", "b"}, {}, Ordering::kInOrder, false);
  ASSERT_FALSE(count.ok());
  EXPECT_NE(count.message().find("expected 1 rows (in order), got 0"), std::string::npos)
      << count.message();
  absl::Status width = CompareResults(t, {"a", "b"}, Rows({{"1"}}), Ordering::kAnyOrder, false);
  EXPECT_FALSE(width.ok());
  ExpectedTable empty = MustParseTable({{"a", "b"}});
  EXPECT_TRUE(CompareResults(empty, {"a", "b"}, {}, Ordering::kAnyOrder, false).ok());
}

TEST(TckResultTest, IgnoreListOrderCanonicalisesBothSides) {
  ExpectedTable t = MustParseTable({{"l"}, {"[1, [3, 2]]"}});
  auto actual = Rows({{"[[2, 3], 1]"}});
  EXPECT_FALSE(CompareResults(t, {"l"}, actual, Ordering::kAnyOrder, false).ok());
  EXPECT_TRUE(CompareResults(t, {"l"}, actual, Ordering::kAnyOrder, true).ok());
  EXPECT_TRUE(CompareResults(t, {"l"}, actual, Ordering::kInOrder, true).ok());
  // Element multiplicity still matters.
  EXPECT_FALSE(
      CompareResults(t, {"l"}, Rows({{"[[2, 3], 1, 1]"}}), Ordering::kAnyOrder, true).ok());
}

TEST(TckResultTest, ValueRulesApplyInsideRows) {
  ExpectedTable t = MustParseTable({{"v"}, {"1"}, {"NaN"}, {"(:A {p: 1})"}});
  EXPECT_TRUE(
      CompareResults(t, {"v"}, Rows({{"(:A {p: 1})"}, {"NaN"}, {"1"}}), Ordering::kAnyOrder, false)
          .ok());
  EXPECT_FALSE(CompareResults(t, {"v"}, Rows({{"(:A {p: 1})"}, {"NaN"}, {"1.0"}}),
                              Ordering::kAnyOrder, false)
                   .ok());
}

TEST(TckResultTest, ParametersAreNameValuePairs) {
  absl::StatusOr<std::vector<std::pair<std::string, TckValue>>> p =
      ParseParameters({{"expr", "{name: 'Apa'}"}, {"idx", "'name'"}});
  ASSERT_TRUE(p.ok()) << p.status();
  ASSERT_EQ(p->size(), 2u);
  EXPECT_EQ((*p)[0].first, "expr");
  EXPECT_EQ((*p)[0].second, P("{name: 'Apa'}"));
  EXPECT_EQ((*p)[1].second, P("'name'"));
  EXPECT_FALSE(ParseParameters({{"a", "1", "2"}}).ok());
  EXPECT_FALSE(ParseParameters({{"a", "1"}, {"a", "2"}}).ok());
  EXPECT_FALSE(ParseParameters({{"a", "'open"}}).ok());
}

TEST(TckSideEffectsTest, UnlistedKeysAreZeroAndBadTablesAreRejected) {
  absl::StatusOr<SideEffects> e =
      ParseSideEffects({{"+nodes", "1"}, {"-properties", "2"}, {"+labels", "0"}});
  ASSERT_TRUE(e.ok()) << e.status();
  EXPECT_EQ(e->nodes_created, 1);
  EXPECT_EQ(e->properties_removed, 2);
  EXPECT_EQ(e->nodes_deleted, 0);
  EXPECT_EQ(e->relationships_created, 0);
  absl::StatusOr<SideEffects> all = ParseSideEffects({{"+nodes", "1"},
                                                      {"-nodes", "2"},
                                                      {"+relationships", "3"},
                                                      {"-relationships", "4"},
                                                      {"+labels", "5"},
                                                      {"-labels", "6"},
                                                      {"+properties", "7"},
                                                      {"-properties", "8"}});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(*all, (SideEffects{1, 2, 3, 4, 5, 6, 7, 8}));
  EXPECT_EQ(*ParseSideEffects({}), SideEffects{});
  EXPECT_FALSE(ParseSideEffects({{"+edges", "1"}}).ok());
  EXPECT_FALSE(ParseSideEffects({{"+nodes", "1"}, {"+nodes", "1"}}).ok());
  EXPECT_FALSE(ParseSideEffects({{"+nodes", "-1"}}).ok());
  EXPECT_FALSE(ParseSideEffects({{"+nodes", "one"}}).ok());
  EXPECT_FALSE(ParseSideEffects({{"+nodes", ""}}).ok());
  EXPECT_FALSE(ParseSideEffects({{"+nodes"}}).ok());
}

TEST(TckSideEffectsTest, CompareNamesEveryDifferingCounter) {
  SideEffects expected{.nodes_created = 1, .properties_set = 2};
  SideEffects actual{.nodes_created = 2, .labels_removed = 1, .properties_set = 2};
  EXPECT_TRUE(CompareSideEffects(expected, expected).ok());
  absl::Status s = CompareSideEffects(expected, actual);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("+nodes: expected 1, got 2"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("-labels: expected 0, got 1"), std::string::npos) << s.message();
  EXPECT_EQ(s.message().find("+properties: expected"), std::string::npos) << s.message();
  EXPECT_EQ(ToString(actual), "{+nodes: 2, -labels: 1, +properties: 2}");
  EXPECT_EQ(ToString(SideEffects{}), "{}");
}

// Every result, parameter and side-effect table in the DEV subset must parse, and every parsed
// value must survive a print/parse round trip, so the harness never fails on its own input.
TEST(TckDevSetTest, EveryValueTableParsesAndRoundTrips) {
  absl::StatusOr<std::vector<std::string>> files =
      FindFeatureFiles(std::string(ALLIANCE_SHARED_DIR) + "/tck/features");
  ASSERT_TRUE(files.ok()) << files.status();
  ASSERT_FALSE(files->empty());
  int result_tables = 0, parameter_tables = 0, side_effect_tables = 0, values = 0;
  auto starts_with = [](const std::string& s, const char* p) { return s.rfind(p, 0) == 0; };
  for (const std::string& path : *files) {
    absl::StatusOr<Feature> feature = ParseFeatureFile(path);
    ASSERT_TRUE(feature.ok()) << feature.status();
    for (const Scenario& s : feature->scenarios) {
      for (const Step& step : s.steps) {
        std::string where = path + ":" + std::to_string(step.line) + " (" + s.name + ")";
        if (starts_with(step.text, "the result should be") && step.table) {
          absl::StatusOr<ExpectedTable> t = ParseExpectedTable(*step.table);
          ASSERT_TRUE(t.ok()) << where << ": " << t.status();
          ++result_tables;
          for (const auto& row : t->rows) {
            for (const TckValue& v : row) {
              ++values;
              absl::StatusOr<TckValue> back = ParseTckValue(ToString(v));
              ASSERT_TRUE(back.ok()) << where << ": " << back.status();
              EXPECT_EQ(*back, v) << where << ": " << ToString(v);
            }
          }
        } else if (step.text == "parameters are:") {
          ASSERT_TRUE(step.table.has_value()) << where;
          absl::StatusOr<std::vector<std::pair<std::string, TckValue>>> p =
              ParseParameters(*step.table);
          ASSERT_TRUE(p.ok()) << where << ": " << p.status();
          ++parameter_tables;
        } else if (step.text == "the side effects should be:") {
          ASSERT_TRUE(step.table.has_value()) << where;
          absl::StatusOr<SideEffects> e = ParseSideEffects(*step.table);
          ASSERT_TRUE(e.ok()) << where << ": " << e.status();
          ++side_effect_tables;
        }
      }
    }
  }
  EXPECT_GT(result_tables, 0);
  EXPECT_GT(parameter_tables, 0);
  EXPECT_GT(side_effect_tables, 0);
  std::cout << "[ info ] parsed " << result_tables << " result tables (" << values << " values), "
            << parameter_tables << " parameter tables, " << side_effect_tables
            << " side-effect tables\n";
}

}  // namespace
}  // namespace alliance::tck
