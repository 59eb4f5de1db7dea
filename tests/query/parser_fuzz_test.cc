// Parser fuzz tests: random byte strings and random mutations of valid
// queries (fixed seeds, so failures reproduce) never crash or throw. Each
// input either parses, and then prints to a fixed point, or fails with a
// SyntaxError that names a line and column; hostile nesting such as 100,000
// '(' fails with NestingTooDeep instead of overflowing the stack.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "query/parser.h"
#include "query/query_error.h"
#include "tests/query/repeated_text.h"

namespace alliance::query {
namespace {

constexpr int kRandomInputs = 20000;
constexpr int kMutatedInputs = 20000;

// Valid queries covering every construct; mutations start from these.
const char* const kSeedQueries[] = {
    "MATCH (a:A:B {k: 1})-[r:T|U*1..3 {w: 2}]->(b)<-[:V]-(c) WHERE a.k > 1 RETURN a, r, b",
    "OPTIONAL MATCH p = (a)--(b) RETURN p, length(p) AS n ORDER BY n DESC SKIP 1 LIMIT 2",
    "MATCH (n) WITH DISTINCT n.x AS x, count(*) AS c WHERE c > 1 RETURN x, c",
    "UNWIND [1, 2, 3] AS x WITH x WHERE x % 2 = 1 RETURN collect(x)",
    "CREATE (a:Person {name: 'Kim', age: 30})-[:KNOWS {since: 2020}]->(b:Person {name: '이'})",
    "MERGE (n:A {k: $k}) ON CREATE SET n.created = true, n:New ON MATCH SET n += {seen: 1}",
    "MATCH (n) SET n.p = 1, n = {a: 1}, n:A:B REMOVE n.q, n:C",
    "MATCH (n)-[r]->() DELETE r DETACH DELETE n",
    "CALL db.labels() YIELD label AS l WHERE l STARTS WITH 'A' RETURN l",
    "CALL db.labels",
    "RETURN 1 AS x UNION ALL RETURN 2 AS x",
    "EXPLAIN MATCH (n) RETURN n;",
    "RETURN -2 ^ 2, NOT a = b, a OR b XOR c AND d, a < b <= c, x IS NOT NULL, s =~ 'a.*'",
    "RETURN 0x1F, 0o17, 1.5e-3, .5, -9223372036854775808, 'a\\tb\\u00e9', \"q\\\"\"",
    "RETURN [x IN range(1, 10) WHERE x > 2 | x * 2], [1, 2][0], l[1..2], l[..2], l[1..]",
    "MATCH (a) RETURN [(a)-[:T]->(b) WHERE b.x | b.name], all(x IN l WHERE x > 0)",
    "MATCH (n) WHERE EXISTS { MATCH (n)-->(m) WHERE m.x = 1 } AND exists(n.p) RETURN n",
    "MATCH (n) WHERE (n)-[:T]->(:B) AND n:A RETURN n{.name, .*, k: 1, v}",
    "RETURN CASE x WHEN 1 THEN 'a' ELSE 'b' END, CASE WHEN y THEN 1 END, {a: {b: [1]}}",
    "MATCH (`a b`:`회사`) RETURN `a b`.`이름` AS `이름`, $param, $0",
    "MATCH (a)\n// comment\nWHERE a.x /* inline */ = 1\nRETURN a.x + 1 AS y",
    "WITH [1, 2] AS l RETURN any(x IN l WHERE x = 1), none(x IN l WHERE x = 3), "
    "single(x IN l WHERE x = 2)",
};

// Pieces of Cypher, valid and not, for random inputs that get past the lexer.
const std::string_view kFragments[] = {
    "MATCH", "OPTIONAL", "WHERE", "RETURN", "WITH", "UNWIND", "CREATE", "MERGE", "ON", "SET",
    "REMOVE", "DELETE", "DETACH", "CALL", "YIELD", "UNION", "ALL", "AS", "ORDER BY", "SKIP",
    "LIMIT", "DISTINCT", "AND", "OR", "XOR", "NOT", "IN", "IS", "NULL", "STARTS WITH",
    "CONTAINS", "CASE", "WHEN", "THEN", "ELSE", "END", "EXISTS", "count(*)", "any", "all",
    "(", ")", "[", "]", "{", "}", "-", "->", "<-", "--", ":", "*", "..", ".", ",", "|", "=",
    "<>", "<", ">=", "+", "+=", "^", "%", "/", "=~", ";", "'", "\"", "`", "$", "$p", "1", "0",
    "0x1F", "0o7", "1.5", "1e", ".5", "9223372036854775808", "'s'", "'\\u00'", "'\\q'", "x",
    "n", "a.b", "n:A", " ", "  ", "\n", "\t", "/*", "*/", "//", "한", "`회사`", "\xFF", "\xC3",
    std::string_view("\0", 1), "\\", "#", "!",
};

std::string RandomInput(std::mt19937& rng) {
  std::uniform_int_distribution<int> length(0, 60);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<size_t> fragment(0, std::size(kFragments) - 1);
  bool soup = rng() % 2 == 0;  // half pure bytes, half Cypher-ish pieces
  std::string out;
  int n = length(rng);
  for (int k = 0; k < n; ++k) {
    if (soup && rng() % 4 != 0) {
      out += kFragments[fragment(rng)];
      if (rng() % 2 == 0) out += ' ';
    } else {
      out.push_back(static_cast<char>(byte(rng)));
    }
  }
  return out;
}

std::string Mutate(std::string s, std::mt19937& rng) {
  std::uniform_int_distribution<size_t> fragment(0, std::size(kFragments) - 1);
  int rounds = 1 + static_cast<int>(rng() % 4);
  for (int r = 0; r < rounds; ++r) {
    size_t at = s.empty() ? 0 : rng() % (s.size() + 1);
    size_t len = 1 + rng() % 6;
    switch (rng() % 6) {
      case 0: s.erase(std::min(at, s.size()), len); break;
      case 1: s.insert(at, kFragments[fragment(rng)]); break;
      case 2:
        if (!s.empty()) s[at % s.size()] = static_cast<char>(rng() % 256);
        break;
      case 3: s.insert(at, s.substr(std::min(at, s.size()), len)); break;
      case 4:
        if (s.size() > 1) std::swap(s[at % s.size()], s[rng() % s.size()]);
        break;
      case 5: s.resize(std::min(s.size(), at)); break;
    }
  }
  return s;
}

// Parse must return; a success must print to a fixed point, a failure must be
// a located SyntaxError.
void Check(const std::string& input) {
  absl::StatusOr<std::unique_ptr<Statement>> s = Parse(input);
  if (s.ok()) {
    std::string printed = ToString(**s);
    absl::StatusOr<std::unique_ptr<Statement>> again = Parse(printed);
    ASSERT_TRUE(again.ok()) << "input:\n" << input << "\nprinted:\n" << printed << "\n"
                            << again.status().message();
    ASSERT_EQ(ToString(**again), printed) << "input:\n" << input;
    return;
  }
  std::optional<QueryErrorInfo> info = GetQueryError(s.status());
  ASSERT_TRUE(info.has_value()) << s.status();
  ASSERT_EQ(info->type, ErrorType::kSyntaxError) << s.status();
  ASSERT_FALSE(info->detail.empty());
  absl::string_view message = s.status().message();
  ASSERT_NE(message.find(" at line "), absl::string_view::npos) << message;
  ASSERT_NE(message.find('^'), absl::string_view::npos) << message;
}

TEST(ParserFuzzTest, SeedQueriesParse) {
  for (const char* q : kSeedQueries) {
    absl::StatusOr<std::unique_ptr<Statement>> s = Parse(q);
    EXPECT_TRUE(s.ok()) << q << "\n" << s.status().message();
  }
}

TEST(ParserFuzzTest, RandomByteStringsNeverCrash) {
  std::mt19937 rng(20240601);
  int parsed = 0;
  for (int k = 0; k < kRandomInputs; ++k) {
    std::string input = RandomInput(rng);
    ASSERT_NO_FATAL_FAILURE(Check(input)) << "random input #" << k;
    parsed += Parse(input).ok();
  }
  RecordProperty("parsed", parsed);
}

TEST(ParserFuzzTest, MutatedQueriesNeverCrash) {
  std::mt19937 rng(7);
  int parsed = 0;
  for (int k = 0; k < kMutatedInputs; ++k) {
    std::string input = Mutate(kSeedQueries[rng() % std::size(kSeedQueries)], rng);
    ASSERT_NO_FATAL_FAILURE(Check(input)) << "mutation #" << k;
    parsed += Parse(input).ok();
  }
  // Many mutations stay valid; if none did, the mutator would test nothing.
  EXPECT_GT(parsed, kMutatedInputs / 20);
  RecordProperty("parsed", parsed);
}


std::string DetailOf(const std::string& input) {
  absl::StatusOr<std::unique_ptr<Statement>> s = Parse(input);
  if (s.ok()) return "parsed";
  std::optional<QueryErrorInfo> info = GetQueryError(s.status());
  return info ? info->detail : "no payload";
}

TEST(ParserFuzzTest, DeepNestingFailsCleanly) {
  const int n = 100000;
  EXPECT_EQ(DetailOf(Repeat("(", n)), "UnexpectedSyntax") << "not a query at all";
  EXPECT_EQ(DetailOf("RETURN " + Repeat("(", n)), "NestingTooDeep");
  EXPECT_EQ(DetailOf("RETURN " + Repeat("(", n) + "1" + Repeat(")", n)), "NestingTooDeep");
  EXPECT_EQ(DetailOf("RETURN " + Repeat("[", n) + Repeat("]", n)), "NestingTooDeep");
  EXPECT_EQ(DetailOf("RETURN " + Repeat("{a: ", n) + "1" + Repeat("}", n)), "NestingTooDeep");
  EXPECT_EQ(DetailOf("RETURN " + Repeat("[x IN ", n)), "NestingTooDeep");
  EXPECT_EQ(DetailOf("RETURN " + Repeat("CASE WHEN ", n)), "NestingTooDeep");
  EXPECT_EQ(DetailOf("RETURN " + Repeat("f(", n)), "NestingTooDeep");
  EXPECT_EQ(DetailOf("MATCH (n) WHERE " + Repeat("EXISTS { MATCH (n) WHERE ", n)),
            "NestingTooDeep");
  EXPECT_EQ(DetailOf("MATCH " + Repeat("({a: ", n)), "NestingTooDeep");
  // Prefix and operator runs are loops in the parser; the tree height bounds them.
  EXPECT_EQ(DetailOf("RETURN " + Repeat("- ", n) + "x"), "NestingTooDeep");
  EXPECT_EQ(DetailOf("RETURN " + Repeat("NOT ", n) + "x"), "NestingTooDeep");
  EXPECT_EQ(DetailOf("RETURN 1" + Repeat(" + 1", n)), "NestingTooDeep");
  EXPECT_EQ(DetailOf("RETURN a" + Repeat(" < a", n)), "NestingTooDeep");
  EXPECT_EQ(DetailOf("RETURN a" + Repeat(".b", n)), "NestingTooDeep");
  EXPECT_EQ(DetailOf("RETURN a" + Repeat("[0]", n)), "NestingTooDeep");
  EXPECT_EQ(DetailOf("RETURN a" + Repeat(" IS NULL", n)), "NestingTooDeep");
  // Wide but flat input is fine.
  EXPECT_EQ(DetailOf("MATCH (a)" + Repeat("-->()", n) + " RETURN a"), "parsed");
  EXPECT_EQ(DetailOf("RETURN [" + Repeat("1, ", n) + "1]"), "parsed");
  EXPECT_EQ(DetailOf("RETURN n" + Repeat(":A", n)), "parsed");
}

}  // namespace
}  // namespace alliance::query
