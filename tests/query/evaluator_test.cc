// Evaluator tests: hundreds of expressions taken from the openCypher TCK
// expression features (boolean logic, comparison, null, lists, maps, strings,
// type conversion, quantifiers, precedence, graph functions), each parsed as
// `RETURN <expr>` and evaluated over a fixed row, with the value expected
// (written as Value::ToString prints it) or the error class and detail code;
// plus precomputed slots, the subquery hook, predicate truth, error locations
// and the aggregators.
#include "query/evaluator.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "query/cypher_value.h"
#include "query/functions.h"
#include "query/parser.h"
#include "query/query_error.h"

namespace alliance::query {
namespace {

Node MakeN() {
  Node n;
  n.id = 1;
  n.labels = {"A", "B"};
  n.properties = {{"name", Value::String("Apa")}, {"age", Value::Int(42)}};
  return n;
}

Node MakeM() {
  Node m;
  m.id = 2;
  m.labels = {"C"};
  return m;
}

Relationship MakeR() {
  Relationship r;
  r.id = 7;
  r.start = 1;
  r.end = 2;
  r.type = "KNOWS";
  r.properties = {{"since", Value::Int(2020)}};
  return r;
}

// The variables every test expression may use.
struct Fixture {
  Row row;
  Scope scope;
  Value::Map params;

  Fixture() {
    auto bind = [this](const std::string& name, Value v) {
      scope.slots[name] = static_cast<int>(row.size());
      row.push_back(std::move(v));
    };
    bind("n", Value::MakeNode(MakeN()));
    bind("m", Value::MakeNode(MakeM()));
    bind("r", Value::MakeRelationship(MakeR()));
    bind("p", Value::MakePath(Path{{MakeN(), MakeM()}, {MakeR()}}));
    bind("map", Value::MakeMap({{"name", Value::String("Mats")},
                                {"nome", Value::String("Pontus")},
                                {"nothing", Value()}}));
    bind("nul", Value());
    bind("list", Value::MakeList({Value::Int(1), Value::Int(2), Value::Int(3)}));
    params = {
        {"expr", Value::MakeList({Value::String("Apa")})},
        {"idx", Value::Int(0)},
        {"map", Value::MakeMap({{"name", Value::String("Apa")}})},
        {"s", Value::String("name")},
        {"f", Value::Double(12.3)},
        {"one", Value::Int(1)},
    };
  }
};

// Value::ToString, with floats as Cypher's toString() writes them.
std::string Show(const Value& v) {
  switch (v.type()) {
    case Value::Type::kDouble: return FloatToString(v.as_double());
    case Value::Type::kList: {
      std::string out = "[";
      for (const Value& e : v.as_list()) out += (out.size() > 1 ? ", " : "") + Show(e);
      return out + "]";
    }
    case Value::Type::kMap: {
      std::string out = "{";
      for (const auto& [k, e] : v.as_map())
        out += (out.size() > 1 ? ", " : "") + k + ": " + Show(e);
      return out + "}";
    }
    default: return v.ToString();
  }
}

std::string ErrorText(const absl::Status& s) {
  std::optional<QueryErrorInfo> info = GetQueryError(s);
  if (!info) return "!status " + s.ToString();
  return "!" + std::string(ErrorTypeName(info->type)) + "/" + info->detail;
}

// The value of `RETURN expr` over the fixture's row, as Show prints it, or
// "!Type/Detail" for a query error.
std::string EvalToText(std::string_view expr) {
  static const Fixture* const fixture = new Fixture();
  std::string query = "RETURN " + std::string(expr);
  absl::StatusOr<std::unique_ptr<Statement>> s = Parse(query);
  if (!s.ok()) return "!parse " + std::string(s.status().message());
  const auto& ret = (*s)->query->parts[0].clauses.back()->As<ReturnClause>();
  EvalContext ctx(*(*s)->source, fixture->params);
  absl::StatusOr<Value> v =
      Evaluate(*ret.projection.items[0].expr, fixture->row, fixture->scope, ctx);
  if (!v.ok()) return ErrorText(v.status());
  return Show(*v);
}

struct Case {
  const char* expr;
  const char* expected;
};

void RunTable(const std::vector<Case>& cases) {
  for (const Case& c : cases) EXPECT_EQ(EvalToText(c.expr), c.expected) << "RETURN " << c.expr;
}

constexpr char kTypeErr[] = "!TypeError/InvalidArgumentType";
constexpr char kArgValue[] = "!TypeError/InvalidArgumentValue";

TEST(EvaluatorTest, Literals) {
  RunTable({
      {"1", "1"},
      {"-1", "-1"},
      {"1.5", "1.5"},
      {"-0.0", "-0.0"},
      {"'abc'", "'abc'"},
      {"true", "true"},
      {"null", "null"},
      {"0x1F", "31"},
      {"-9223372036854775808", "-9223372036854775808"},
      {"[1, 'a', [2]]", "[1, 'a', [2]]"},
      {"{k: 1, a: 'x'}", "{a: 'x', k: 1}"},
      {"{k: 1, k: 2}", "{k: 2}"},
      {"{}", "{}"},
      {"[]", "[]"},
      {"$one", "1"},
      {"$missing", "!ParameterMissing/MissingParameter"},
  });
}

// Boolean1-5: three-valued AND, OR, XOR, NOT.
TEST(EvaluatorTest, BooleanLogic) {
  RunTable({
      {"true AND true", "true"},
      {"true AND false", "false"},
      {"true AND null", "null"},
      {"false AND true", "false"},
      {"false AND null", "false"},
      {"null AND true", "null"},
      {"null AND false", "false"},
      {"null AND null", "null"},
      {"true OR false", "true"},
      {"true OR null", "true"},
      {"false OR null", "null"},
      {"null OR true", "true"},
      {"null OR false", "null"},
      {"false OR false", "false"},
      {"null OR null", "null"},
      {"true XOR true", "false"},
      {"true XOR false", "true"},
      {"false XOR false", "false"},
      {"true XOR null", "null"},
      {"null XOR false", "null"},
      {"NOT true", "false"},
      {"NOT false", "true"},
      {"NOT null", "null"},
      {"true AND true AND null", "null"},
      {"true AND false AND null", "false"},
      {"null AND null AND false AND null", "false"},
      {"false OR false OR null OR false", "null"},
      {"true AND true AND false AND false AND true AND null AND false AND true", "false"},
      {"1 AND true", kTypeErr},
      {"true AND 'x'", kTypeErr},
      {"NOT 1", kTypeErr},
      {"'a' OR false", kTypeErr},
      {"null AND 1", kTypeErr},
      {"[] XOR true", kTypeErr},
      // The left side decides without looking at the right.
      {"false AND 'x'", "false"},
      {"true OR 1", "true"},
  });
}

// Precedence1 and Precedence3.
TEST(EvaluatorTest, Precedence) {
  RunTable({
      {"true OR true XOR true", "true"},
      {"(true OR true) XOR true", "false"},
      {"true XOR false AND false", "true"},
      {"(true XOR false) AND false", "false"},
      {"true OR false AND false", "true"},
      {"NOT true AND false", "false"},
      {"NOT (true AND false)", "true"},
      {"NOT false OR true", "true"},
      {"NOT (false OR true)", "false"},
      {"NOT false >= false", "false"},
      {"(NOT false) >= false", "true"},
      {"true OR false = false", "true"},
      {"(true OR false) = false", "false"},
      {"false = true IS NULL", "true"},
      {"(false = true) IS NULL", "false"},
      {"NOT false IS NULL", "true"},
      {"(NOT false) IS NULL", "false"},
      {"true OR false IS NULL", "true"},
      {"false = true IN [true, false]", "false"},
      {"(false = true) IN [true, false]", "true"},
      {"NOT true IN [true, false]", "false"},
      {"(NOT true) IN [true, false]", "true"},
      {"false AND true IN [true, false]", "false"},
      {"(false AND true) IN [true, false]", "true"},
      {"12 / 4 * 3 - 2 * 4", "1"},
      {"12 / 4 * (3 - 2 * 4)", "-15"},
      {"[[1], [2, 3], [4, 5]] + [5, [6, 7], [8, 9], 10][3]", "[[1], [2, 3], [4, 5], 10]"},
      {"([[1], [2, 3], [4, 5]] + [5, [6, 7], [8, 9], 10])[3]", "5"},
      {"[[1], [2, 3], [4, 5]] + [5, [6, 7], [8, 9], 10][2]", "[[1], [2, 3], [4, 5], 8, 9]"},
      {"([[1], [2, 3], [4, 5]] + [5, [6, 7], [8, 9], 10])[2]", "[4, 5]"},
      {"[[1], [2, 3], [4, 5]] + [5, [6, 7], [8, 9], 10][1..3]",
       "[[1], [2, 3], [4, 5], [6, 7], [8, 9]]"},
      {"([[1], [2, 3], [4, 5]] + [5, [6, 7], [8, 9], 10])[1..3]", "[[2, 3], [4, 5]]"},
      {"[1]+2 IN [3]+4", "false"},
      {"[1]+(2 IN [3])+4", "[1, false, 4]"},
      {"[1]+[2] IN [3]+[4]", "false"},
      {"(([1]+[2]) IN [3])+[4]", "[false, 4]"},
      {"[1]+([2] IN [3])+[4]", "[1, false, 4]"},
      {"[1, 2] = [3, 4] IN [[3, 4], false]", "false"},
      {"([1, 2] = [3, 4]) IN [[3, 4], false]", "true"},
      {"[1, 2] <> [3, 4] IN [[3, 4], false]", "true"},
      {"[1, 2] < [3, 4] IN [[3, 4], false]", "null"},
      {"([1, 2] < [3, 4]) IN [[3, 4], false]", "false"},
      {"[1, 2] >= [3, 4] IN [[3, 4], false]", "null"},
      {"([1, 2] > [3, 4]) IN [[3, 4], false]", "true"},
  });
}

// Comparison1: equality.
TEST(EvaluatorTest, Equality) {
  RunTable({
      {"[1, 2] = [1]", "false"},
      {"[null] = [1]", "null"},
      {"['a'] = [1]", "false"},
      {"[[1]] = [[1], [null]]", "false"},
      {"[[1], [2]] = [[1], [null]]", "null"},
      {"[[1], [2, 3]] = [[1], [null]]", "false"},
      {"[null, 1] = [1, 2]", "false"},
      {"{} = {}", "true"},
      {"{k: true} = {k: true}", "true"},
      {"{k: 1} = {k: 1}", "true"},
      {"{k: 1.0} = {k: 1.0}", "true"},
      {"{k: 'abc'} = {k: 'abc'}", "true"},
      {"{k: 'a', l: 2} = {k: 'a', l: 2}", "true"},
      {"{} = {k: null}", "false"},
      {"{k: null} = {}", "false"},
      {"{k: 1} = {k: 1, l: null}", "false"},
      {"{k: null, l: 1} = {l: 1}", "false"},
      {"{k: null} = {k: null, l: null}", "false"},
      {"{k: null} = {k: null}", "null"},
      {"{k: 1} = {k: null}", "null"},
      {"{k: 1, l: null} = {k: null, l: null}", "null"},
      {"{k: 1, l: null} = {k: null, l: 1}", "null"},
      {"{k: 1, l: null} = {k: 1, l: 1}", "null"},
      {"0.0 / 0.0 = 1", "false"},
      {"0.0 / 0.0 <> 1", "true"},
      {"0.0 / 0.0 = 1.0", "false"},
      {"0.0 / 0.0 = 0.0 / 0.0", "false"},
      {"0.0 / 0.0 <> 0.0 / 0.0", "true"},
      {"0.0 / 0.0 = 'a'", "false"},
      {"0.0 / 0.0 <> 'a'", "true"},
      {"1.0 = 1.0", "true"},
      {"1 = 1.0", "true"},
      {"'1.0' = 1.0", "false"},
      {"'1' = 1", "false"},
      {"null = null", "null"},
      {"null <> null", "null"},
      {"1 <> null", "null"},
      {"4611686018427387905 = 4611686018427387905", "true"},
      {"4611686018427387905 = 4611686018427387900", "false"},
      {"9007199254740993 = 9007199254740992.0", "false"},  // exact, not via double
      {"n = n", "true"},
      {"n = m", "false"},
      {"r = r", "true"},
      {"p = p", "true"},
      {"n = r", "false"},
      {"n <> m", "true"},
  });
}

// Comparison2: <, <=, >, >= and chained comparisons.
TEST(EvaluatorTest, Ordering) {
  RunTable({
      {"[1, 0] >= [1]", "true"},
      {"[1, null] >= [1]", "true"},
      {"[1, 2] >= [1, null]", "null"},
      {"[1, 'a'] >= [1, null]", "null"},
      {"[1, 2] >= [3, null]", "false"},
      {"0.0 / 0.0 > 1", "false"},
      {"0.0 / 0.0 >= 1", "false"},
      {"0.0 / 0.0 < 1", "false"},
      {"0.0 / 0.0 <= 1", "false"},
      {"0.0 / 0.0 > 1.0", "false"},
      {"0.0 / 0.0 >= 0.0 / 0.0", "false"},
      {"0.0 / 0.0 <= 0.0 / 0.0", "false"},
      {"0.0 / 0.0 > 'a'", "null"},
      {"1.0 < 1.0", "false"},
      {"1 < 1.0", "false"},
      {"1 <= 1.0", "true"},
      {"'1.0' < 1.0", "null"},
      {"'1' < 1", "null"},
      {"1 < 3.14", "true"},
      {"3.14 >= 1", "true"},
      {"'' < 1", "null"},
      {"true < 1", "null"},
      {"[] < {}", "null"},
      {"{} < {}", "null"},
      {"n < m", "null"},
      {"r <= r", "null"},
      {"'a' < 'b'", "true"},
      {"'B' < 'a'", "true"},
      {"'ab' < 'abc'", "true"},
      {"'é' > 'z'", "true"},
      {"false < true", "true"},
      {"null < 1", "null"},
      {"1 < 2 < 3", "true"},
      {"1 < 3 < 2", "false"},
      {"3 > 2 > 1", "true"},
      {"1 < 2 > 0", "true"},
      {"1 < null < 3", "null"},
      {"2 < 1 < null", "false"},
  });
}

// Null1, Null3 and List5: IS NULL and IN.
TEST(EvaluatorTest, NullAndIn) {
  RunTable({
      {"null IS NULL", "true"},
      {"1 IS NULL", "false"},
      {"null IS NOT NULL", "false"},
      {"map.nothing IS NULL", "true"},
      {"map.name IS NULL", "false"},
      {"map.missing IS NULL", "true"},
      {"nul.missing IS NULL", "true"},
      {"{name: null}.name IS NULL", "true"},
      {"3 IN [[1, 2, 3]][0]", "true"},
      {"3 IN list[0..1]", "false"},
      {"3 IN [1, 2, 3][0..1]", "false"},
      {"1 IN ['1', 2]", "false"},
      {"[1, 2] IN [1, [1, '2']]", "false"},
      {"[1] IN [1, 2]", "false"},
      {"[1, 2] IN [1, 2]", "false"},
      {"[1] IN [1, 2, [1]]", "true"},
      {"[1, 2] IN [1, [1, 2]]", "true"},
      {"[1, 2] IN [1, [2, 1]]", "false"},
      {"[1, 2] IN [1, [1, 2, 3]]", "false"},
      {"[1, 2] IN [1, [[1, 2]]]", "false"},
      {"[[1, 2], [3, 4]] IN [5, [[1, 2], [3, 4]]]", "true"},
      {"[[1, 2], 3] IN [1, [[1, 2], 3]]", "true"},
      {"[[1]] IN [2, [[1]]]", "true"},
      {"[[1, 3]] IN [2, [[1, 3]]]", "true"},
      {"[[1]] IN [2, [1]]", "false"},
      {"[[1, 3]] IN [2, [1, 3]]", "false"},
      {"null IN [null]", "null"},
      {"[null] IN [[null]]", "null"},
      {"[null] IN [null]", "null"},
      {"[1] IN [[1, null]]", "false"},
      {"3 IN [1, null, 3]", "true"},
      {"4 IN [1, null, 3]", "null"},
      {"[1, 2] IN [[null, 'foo'], [1, 2]]", "true"},
      {"[1, 2] IN [1, [1, 2], null]", "true"},
      {"[1, 2] IN [[null, 'foo']]", "false"},
      {"[1, 2] IN [[null, 2]]", "null"},
      {"[1, 2] IN [1, [1, 2, null]]", "false"},
      {"[1, 2, null] IN [1, [1, 2, null]]", "null"},
      {"[1, 2] IN [[null, 2], [1, 2]]", "true"},
      {"[[1, 2], [3, 4]] IN [5, [[1, 2], [3, 4], null]]", "false"},
      {"[1, 2] IN [[null, 2], [1, 3]]", "null"},
      {"[] IN [[]]", "true"},
      {"[] IN []", "false"},
      {"[] IN [1, []]", "true"},
      {"[] IN [1, 2]", "false"},
      {"[[]] IN [1, [[]]]", "true"},
      {"[] IN [1, 2, null]", "null"},
      {"[[], []] IN [1, [[], []]]", "true"},
      {"null IN null", "null"},
      {"null IN [1, 2, 3]", "null"},
      {"null IN [1, 2, 3, null]", "null"},
      {"null IN []", "false"},
      {"1 IN [1, 2, 3, null]", "true"},
      {"1 IN [null, 1]", "true"},
      {"5 IN [1, 2, 3, null]", "null"},
      {"1 IN 1.0", kTypeErr},
      {"1 IN {x: []}", kTypeErr},
      {"1 IN 'foo'", kTypeErr},
  });
}

// List1, List2, Map1, Map2, Graph6, Graph7: element access and slicing.
TEST(EvaluatorTest, AccessAndSlicing) {
  RunTable({
      {"[1, 2, 3][0]", "1"},
      {"[[1]][0][0]", "1"},
      {"$expr[$idx]", "'Apa'"},
      {"$expr[toInteger($idx)]", "'Apa'"},
      {"list[-1]", "3"},
      {"list[-3]", "1"},
      {"list[3]", "null"},
      {"list[-4]", "null"},
      {"list[null]", "null"},
      {"nul[0]", "null"},
      {"true[0]", kTypeErr},
      {"123[0]", kTypeErr},
      {"4.7[0]", kTypeErr},
      {"'1'[0]", kTypeErr},
      {"list[true]", kTypeErr},
      {"list[4.7]", kTypeErr},
      {"list['1']", kTypeErr},
      {"list[[1]]", kTypeErr},
      {"list[{x: 3}]", kTypeErr},
      {"$map[$s]", "'Apa'"},
      {"$map[toString($s)]", "'Apa'"},
      {"nul['x']", "null"},
      {"map[null]", "null"},
      {"{name: 'Mats', Name: 'Pontus'}['name']", "'Mats'"},
      {"{name: 'Mats', Name: 'Pontus'}['Name']", "'Pontus'"},
      {"{name: 'Mats', Name: 'Pontus'}['nAMe']", "null"},
      {"{null: 'Mats', NULL: 'Pontus'}['NULL']", "'Pontus'"},
      {"$map[$idx]", "!TypeError/MapElementAccessByNonString"},
      {"$map[$f]", "!TypeError/MapElementAccessByNonString"},
      {"100[0]", kTypeErr},
      {"n['nam' + 'e']", "'Apa'"},
      {"r['since']", "2020"},
      {"n[1]", "!TypeError/MapElementAccessByNonString"},
      {"map.missing", "null"},
      {"map.nothing", "null"},
      {"map.name", "'Mats'"},
      {"nul.missing", "null"},
      {"[123, {existing: 42}][1].existing", "42"},
      {"{name: 'Mats', Name: 'Pontus'}.Name", "'Pontus'"},
      {"{name: 'Mats', Name: 'Pontus'}.nAMe", "null"},
      {"{null: 'Mats', NULL: 'Pontus'}.`null`", "'Mats'"},
      {"(123).num", kTypeErr},
      {"'string'.num", kTypeErr},
      {"[123, true].num", kTypeErr},
      {"n.name", "'Apa'"},
      {"n.missing", "null"},
      {"r.since", "2020"},
      {"[123, n][1].age", "42"},
      {"list[1..]", "[2, 3]"},
      {"list[..2]", "[1, 2]"},
      {"list[0..1]", "[1]"},
      {"list[0..0]", "[]"},
      {"list[-3..-1]", "[1, 2]"},
      {"list[3..1]", "[]"},
      {"list[-5..5]", "[1, 2, 3]"},
      {"list[null..null]", "null"},
      {"list[1..null]", "null"},
      {"list[null..3]", "null"},
      {"list[..null]", "null"},
      {"list[null..]", "null"},
      {"list[$one..3]", "[2, 3]"},
      {"nul[0..1]", "null"},
      {"'abc'[0..1]", kTypeErr},
      {"list[0.5..1]", kTypeErr},
  });
}

// List4, List6, List9, List11.
TEST(EvaluatorTest, ListFunctions) {
  RunTable({
      {"[1, 10, 100] + [4, 5]", "[1, 10, 100, 4, 5]"},
      {"[false, true] + false", "[false, true, false]"},
      {"1 + [2]", "[1, 2]"},
      {"[1] + [[2]]", "[1, [2]]"},
      {"[1] + null", "null"},
      {"size([1, 2, 3])", "3"},
      {"size([[], []] + [[]])", "3"},
      {"size(null)", "null"},
      {"size(nul)", "null"},
      {"size('héllo')", "5"},
      {"size(p)", kArgValue},
      {"tail([1, 2, 3])", "[2, 3]"},
      {"tail([])", "[]"},
      {"head([1, 2])", "1"},
      {"head([])", "null"},
      {"head(nul)", "null"},
      {"last([1, 2])", "2"},
      {"last([])", "null"},
      {"reverse([1, 2, 3])", "[3, 2, 1]"},
      {"isEmpty([])", "true"},
      {"isEmpty('a')", "false"},
      {"isEmpty({})", "true"},
      {"range(-1236, -1234)", "[-1236, -1235, -1234]"},
      {"range(-1234, -1234)", "[-1234]"},
      {"range(0, -123)", "[]"},
      {"range(0, 0)", "[0]"},
      {"range(0, 10)", "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]"},
      {"range(1381, -3412, -1298)", "[1381, 83, -1215, -2513]"},
      {"range(0, -2000, -1298)", "[0, -1298]"},
      {"range(10, -10, -3)", "[10, 7, 4, 1, -2, -5, -8]"},
      {"range(0, 1, 2)", "[0]"},
      {"range(0, 1, -1)", "[]"},
      {"range(0, 0, -1)", "[0]"},
      {"range(-10, 10, 3)", "[-10, -7, -4, -1, 2, 5, 8]"},
      {"range(-3412, 1381, 1298)", "[-3412, -2114, -816, 482]"},
      {"range(-9223372036854775808, -9223372036854775807)",
       "[-9223372036854775808, -9223372036854775807]"},
      {"range(9223372036854775806, 9223372036854775807, 5)", "[9223372036854775806]"},
      {"range(2, 8, 0)", "!ArgumentError/NumberOutOfRange"},
      {"range(0, 0, 0)", "!ArgumentError/NumberOutOfRange"},
      {"range(0, 100000000000)", "!ArgumentError/NumberOutOfRange"},
      {"range(true, 1, 1)", "!ArgumentError/InvalidArgumentType"},
      {"range(0, 1.1, 1)", "!ArgumentError/InvalidArgumentType"},
      {"range(-0.0, 1, 1)", "!ArgumentError/InvalidArgumentType"},
      {"range(0, 1, -1.1)", "!ArgumentError/InvalidArgumentType"},
      {"range('xyz', 1, 1)", "!ArgumentError/InvalidArgumentType"},
      {"range(0, [1], 1)", "!ArgumentError/InvalidArgumentType"},
      {"range(0, 1, {step: 1})", "!ArgumentError/InvalidArgumentType"},
      {"coalesce(null, 1, 2)", "1"},
      {"coalesce(null, null)", "null"},
      {"coalesce(nul, map.name)", "'Mats'"},
      {"coalesce(1, 1 / 0)", "1"},
  });
}

// Quantifier1-4 and List12 (list comprehension).
TEST(EvaluatorTest, QuantifiersAndComprehensions) {
  RunTable({
      {"none(x IN [] WHERE true)", "true"},
      {"none(x IN [true] WHERE x)", "false"},
      {"none(x IN [false] WHERE x)", "true"},
      {"none(x IN [1, null] WHERE x = 2)", "null"},
      {"none(x IN [2, null] WHERE x = 2)", "false"},
      {"single(x IN [] WHERE true)", "false"},
      {"single(x IN [true, false] WHERE x)", "true"},
      {"single(x IN [true, false, true] WHERE x)", "false"},
      {"single(x IN [false, true, false] WHERE x)", "true"},
      {"single(x IN [2, 3, 2] WHERE x = 2)", "false"},
      {"single(x IN [200, -10, 36, 21, 10] WHERE x < 10)", "true"},
      {"single(x IN [null] WHERE x = 2)", "null"},
      {"single(x IN [2, null] WHERE x = 2)", "null"},
      {"single(x IN [34, 0, null, 5, 900] WHERE x < 10)", "false"},
      {"single(x IN [34, 10, null, 15, 900] WHERE x < 10)", "null"},
      {"single(x IN [0, null] WHERE x IS NULL)", "true"},
      {"single(x IN [null, null] WHERE x IS NULL)", "false"},
      {"single(x IN [null, 123, null, null] WHERE x IS NOT NULL)", "true"},
      {"single(x IN [1, null, true, 4.5, 'abc', false] WHERE false)", "false"},
      {"single(x IN [1, null, true, 4.5, 'abc', false] WHERE true)", "false"},
      {"single(x IN [1] WHERE true)", "true"},
      {"single(x IN [{a: 4}, {a: 2, b: 5}, {a: 4}] WHERE x.a = 2)", "true"},
      {"any(x IN [] WHERE true)", "false"},
      {"any(x IN [1, null] WHERE x = 2)", "null"},
      {"any(x IN [2, null] WHERE x = 2)", "true"},
      {"any(x IN [null] WHERE x IS NULL)", "true"},
      {"any(x IN ['abc', 'ef'] WHERE size(x) = 3)", "true"},
      {"all(x IN [] WHERE false)", "true"},
      {"all(x IN [2, null] WHERE x = 2)", "null"},
      {"all(x IN [1, null] WHERE x = 2)", "false"},
      {"all(x IN [2, 2] WHERE x = 2)", "true"},
      {"all(x IN [[1, 2, 3], ['a']] WHERE size(x) = 3)", "false"},
      {"all(x IN nul WHERE x)", "null"},
      {"any(x IN 1 WHERE x)", kTypeErr},
      {"any(x IN ['Clara'] WHERE x % 2 = 0)", kTypeErr},
      {"any(x IN [1, 2] WHERE x)", kTypeErr},
      {"[x IN [1, 2, 3] | x * 2]", "[2, 4, 6]"},
      {"[x IN [1, 2, 3] WHERE x > 1]", "[2, 3]"},
      {"[x IN [1, 2, 3] WHERE x > 1 | x + 10]", "[12, 13]"},
      {"[x IN [1, 2] WHERE x = 2 OR null]", "[2]"},
      {"[x IN nul | x]", "null"},
      {"[x IN [1, 2] | [y IN [10, 20] | x + y]]", "[[11, 21], [12, 22]]"},
      {"[list IN [[9]] | list[0]]", "[9]"},
      {"[x IN list | x + list[0]]", "[2, 3, 4]"},
      {"[x IN [1, 2] | x] + [x IN [3] | x]", "[1, 2, 3]"},
      {"[x IN 'abc' | x]", kTypeErr},
      {"[x IN [1] WHERE 'yes']", kTypeErr},
  });
}

// TypeConversion1-4.
TEST(EvaluatorTest, TypeConversion) {
  RunTable({
      {"toBoolean(true)", "true"},
      {"toBoolean('true')", "true"},
      {"toBoolean('FALSE')", "false"},
      {"toBoolean(' tru ')", "null"},
      {"toBoolean('')", "null"},
      {"toBoolean('f alse')", "null"},
      {"toBoolean(null)", "null"},
      {"toBoolean(0)", "false"},
      {"toBoolean([])", kArgValue},
      {"toBoolean({})", kArgValue},
      {"toBoolean(1.0)", kArgValue},
      {"toBoolean(n)", kArgValue},
      {"toBoolean(r)", kArgValue},
      {"toBoolean(p)", kArgValue},
      {"toInteger(82.9)", "82"},
      {"toInteger(-2.9)", "-2"},
      {"toInteger('foo')", "null"},
      {"toInteger('')", "null"},
      {"toInteger(1 - $one)", "0"},
      {"toInteger('42')", "42"},
      {"toInteger(' 42 ')", "42"},
      {"toInteger('1.7')", "1"},
      {"toInteger('9223372036854775807')", "9223372036854775807"},
      {"toInteger('1e30')", "null"},
      {"toInteger(true)", "1"},
      {"[n IN [2, 2.9, '1.7'] | toInteger(n)]", "[2, 2, 1]"},
      {"[n IN ['2', '2.9', 'foo'] | toInteger(n)]", "[2, 2, null]"},
      {"toInteger(1e30)", "!ArgumentError/NumberOutOfRange"},
      {"toInteger([])", kArgValue},
      {"toInteger({})", kArgValue},
      {"toInteger(n)", kArgValue},
      {"toInteger(r)", kArgValue},
      {"toInteger(p)", kArgValue},
      {"[n IN [3.4, 3] | toFloat(n)]", "[3.4, 3.0]"},
      {"[n IN [3.4, 3, '5'] | toFloat(n)]", "[3.4, 3.0, 5.0]"},
      {"[n IN ['1', '2', 'foo'] | toFloat(n)]", "[1.0, 2.0, null]"},
      {"toFloat('')", "null"},
      {"toFloat('1e3')", "1000.0"},
      {"toFloat('-.5')", "-0.5"},
      {"toFloat('inf')", "null"},
      {"toFloat('0x10')", "null"},
      {"toFloat(true)", kArgValue},
      {"toFloat([])", kArgValue},
      {"toFloat(n)", kArgValue},
      {"toString(42)", "'42'"},
      {"toString(true)", "'true'"},
      {"toString(1 < 0)", "'false'"},
      {"toString(2.3)", "'2.3'"},
      {"toString(1.0)", "'1.0'"},
      {"toString(1000.0)", "'1000.0'"},
      {"toString(1e7)", "'1.0E7'"},
      {"toString(-0.0001)", "'-1.0E-4'"},
      {"'x' + 1e20", "'x1.0E20'"},
      {"toString('apa')", "'apa'"},
      {"[x IN [1, 2.3, true, 'apa'] | toString(x)]", "['1', '2.3', 'true', 'apa']"},
      {"coalesce(toString(nul), 'x')", "'x'"},
      {"toString(coalesce(nul, 'x'))", "'x'"},
      {"toString([])", kArgValue},
      {"toString({})", kArgValue},
      {"toString(n)", kArgValue},
      {"toString(r)", kArgValue},
      {"toString(p)", kArgValue},
      {"toIntegerOrNull([])", "null"},
      {"toIntegerOrNull('7')", "7"},
      {"toFloatOrNull(true)", "null"},
      {"toBooleanOrNull(1.0)", "null"},
      {"toStringOrNull(n)", "null"},
  });
}

// String1, String4, String8-11 and the other string functions.
TEST(EvaluatorTest, Strings) {
  RunTable({
      {"substring('0123456789', 1)", "'123456789'"},
      {"substring('0123456789', 1, 3)", "'123'"},
      {"substring('abc', 5)", "''"},
      {"substring('abc', 1, 100)", "'bc'"},
      {"substring('héllo', 1, 2)", "'él'"},
      {"substring('abc', -1)", "!ArgumentError/NumberOutOfRange"},
      {"substring('abc', 0, -1)", "!ArgumentError/NumberOutOfRange"},
      {"substring(null, 1)", "null"},
      {"substring('abc', 1.0)", kArgValue},
      {"split('one1two', '1')", "['one', 'two']"},
      {"size(split('one1two', '1'))", "2"},
      {"split('a,b,', ',')", "['a', 'b', '']"},
      {"split('abc', '')", "['a', 'b', 'c']"},
      {"split('a-b_c', ['-', '_'])", "['a', 'b', 'c']"},
      {"split('a::b', '::')", "['a', 'b']"},
      {"split(null, ',')", "null"},
      {"'ABCDEF' STARTS WITH 'ABC'", "true"},
      {"'ABCDEF' STARTS WITH 'ABCDEF'", "true"},
      {"'AB' STARTS WITH 'ABC'", "false"},
      {"'abc' STARTS WITH ''", "true"},
      {"' Foo ' STARTS WITH ' '", "true"},
      {"'abc' STARTS WITH null", "null"},
      {"null STARTS WITH 'a'", "null"},
      {"1 STARTS WITH 1", "null"},
      {"[] STARTS WITH {}", "null"},
      {"'ABCDEF' ENDS WITH 'DEF'", "true"},
      {"'EF' ENDS WITH 'DEF'", "false"},
      {"'abc' ENDS WITH ''", "true"},
      {"3.14 ENDS WITH true", "null"},
      {"'ABCDEF' CONTAINS 'CD'", "true"},
      {"'ABCDEF' CONTAINS 'ABCDEF'", "true"},
      {"'abcdef' CONTAINS 'CD'", "false"},
      {"'' CONTAINS ''", "true"},
      {"'Foo\\nFoo' CONTAINS '\\n'", "true"},
      {"'Foo Foo' CONTAINS '\\n'", "false"},
      {"'abc' CONTAINS null", "null"},
      {"NOT 'ab' CONTAINS 'b'", "false"},
      {"'abcdef' STARTS WITH 'a' AND 'abcdef' ENDS WITH 'f'", "true"},
      {"'abc' =~ 'a.c'", "true"},
      {"'abc' =~ 'a'", "false"},
      {"'ABC' =~ '(?i)abc'", "true"},
      {"'abc' =~ null", "null"},
      {"1 =~ 'a'", "null"},
      {"'a' =~ '('", "!ArgumentError/InvalidArgumentValue"},
      {"toUpper('abc')", "'ABC'"},
      {"toLower('ÀÉ')", "'àé'"},
      {"toUpper('ñandú')", "'ÑANDÚ'"},
      {"toLower('ΑΒΓ')", "'αβγ'"},
      {"upper('x')", "'X'"},
      {"toUpper(null)", "null"},
      {"toUpper(1)", kArgValue},
      {"trim('  a b  ')", "'a b'"},
      {"ltrim('  a ')", "'a '"},
      {"rtrim('  a ')", "'  a'"},
      {"trim('\\t x\\n')", "'x'"},
      {"trim('   ')", "''"},
      {"reverse('abc')", "'cba'"},
      {"reverse('héllo')", "'olléh'"},
      {"left('hello', 3)", "'hel'"},
      {"right('hello', 3)", "'llo'"},
      {"left('hi', 10)", "'hi'"},
      {"right('한국어', 2)", "'국어'"},
      {"left('hi', -1)", "!ArgumentError/NumberOutOfRange"},
      {"replace('hello', 'l', 'L')", "'heLLo'"},
      {"replace('abc', '', '-')", "'-a-b-c-'"},
      {"replace('aaa', 'aa', 'b')", "'ba'"},
      {"'a' + 'b'", "'ab'"},
      {"'a' + 1", "'a1'"},
      {"1.5 + 'a'", "'1.5a'"},
      {"'a' + true", kTypeErr},
      {"char_length('héllo')", "5"},
  });
}

// Mathematical2-17 and the arithmetic operators.
TEST(EvaluatorTest, Arithmetic) {
  RunTable({
      {"n.age + 5", "47"},
      {"$one + 5", "6"},
      {"7 / 2", "3"},
      {"-7 / 2", "-3"},
      {"7 % 3", "1"},
      {"-7 % 3", "-1"},
      {"7.0 / 2", "3.5"},
      {"2 ^ 3", "8.0"},
      {"2 ^ 0.5", "1.4142135623730951"},
      {"1 + 2.5", "3.5"},
      {"5.5 % 2", "1.5"},
      {"1 / 0", "!ArgumentError/DivisionByZero"},
      {"1 % 0", "!ArgumentError/DivisionByZero"},
      {"1.0 / 0", "Infinity"},
      {"-1.0 / 0", "-Infinity"},
      {"0.0 / 0.0", "NaN"},
      {"1 / 0.0", "Infinity"},
      {"9223372036854775807 + 1", "!ArgumentError/NumberOutOfRange"},
      {"-9223372036854775808 - 1", "!ArgumentError/NumberOutOfRange"},
      {"9223372036854775807 * 2", "!ArgumentError/NumberOutOfRange"},
      {"-9223372036854775808 / -1", "!ArgumentError/NumberOutOfRange"},
      {"-9223372036854775808 % -1", "0"},
      {"-(-9223372036854775808)", "!ArgumentError/NumberOutOfRange"},
      {"9223372036854775807 + 0.0", "9.223372036854776E18"},
      {"null + 1", "null"},
      {"1 - null", "null"},
      {"null ^ 2", "null"},
      {"-null", "null"},
      {"+1", "1"},
      {"-(1.5)", "-1.5"},
      {"'a' - 1", kTypeErr},
      {"[1] * 2", kTypeErr},
      {"true + 1", kTypeErr},
      {"-'a'", kTypeErr},
      {"abs(-1)", "1"},
      {"abs(-1.5)", "1.5"},
      {"abs(-9223372036854775808)", "!ArgumentError/NumberOutOfRange"},
      {"abs('a')", kArgValue},
      {"sign(-3)", "-1"},
      {"sign(0.5)", "1"},
      {"sign(0)", "0"},
      {"sqrt(16)", "4.0"},
      {"sqrt(-1)", "NaN"},
      {"sqrt(null)", "null"},
      {"ceil(1.2)", "2.0"},
      {"floor(-1.2)", "-2.0"},
      {"round(2.5)", "3.0"},
      {"round(-2.5)", "-2.0"},
      {"round(0.49999999999999994)", "0.0"},
      {"round(3)", "3.0"},
      {"round(3.14159, 2)", "3.14"},
      {"round(2.675, 2)", "2.68"},
      {"round(-1.5, 0)", "-2.0"},
      {"round(1234.5, -2)", "1200.0"},
      {"round(2.5, 0, 'HALF_EVEN')", "2.0"},
      {"round(3.5, 0, 'half_even')", "4.0"},
      {"round(1.21, 1, 'CEILING')", "1.3"},
      {"round(-1.21, 1, 'CEILING')", "-1.2"},
      {"round(1.29, 1, 'DOWN')", "1.2"},
      {"round(1.25, 1, 'HALF_DOWN')", "1.2"},
      {"round(0.001, 1, 'UP')", "0.1"},
      {"round(9.99, 1)", "10.0"},
      {"round(1, 1, 'bogus')", "!ArgumentError/InvalidArgumentValue"},
      {"exp(0)", "1.0"},
      {"log(1)", "0.0"},
      {"log(0)", "-Infinity"},
      {"log10(100)", "2.0"},
      {"sin(0)", "0.0"},
      {"cos(0)", "1.0"},
      {"atan2(1, 1) * 4", "3.141592653589793"},
      {"pi()", "3.141592653589793"},
      {"e()", "2.718281828459045"},
      {"degrees(pi())", "180.0"},
      {"radians(180) = pi()", "true"},
      {"rand() >= 0 AND rand() < 1", "true"},
      {"timestamp() > 1600000000000", "true"},
      {"size(randomUUID())", "36"},
  });
}

TEST(EvaluatorTest, CaseExpressions) {
  RunTable({
      {"CASE 1 WHEN 1 THEN 'one' ELSE 'other' END", "'one'"},
      {"CASE 3 WHEN 1 THEN 'one' ELSE 'other' END", "'other'"},
      {"CASE 2 WHEN 1 THEN 'one' END", "null"},
      {"CASE 1.0 WHEN 1 THEN 'num' END", "'num'"},
      {"CASE null WHEN null THEN 1 ELSE 2 END", "2"},
      {"CASE WHEN 1 > 2 THEN 'a' WHEN 2 > 1 THEN 'b' END", "'b'"},
      {"CASE WHEN null THEN 1 ELSE 2 END", "2"},
      {"CASE WHEN false THEN 1 END", "null"},
      {"CASE WHEN true THEN 1 ELSE 1 / 0 END", "1"},
      {"CASE WHEN 1 THEN 1 END", kTypeErr},
  });
}

// Graph3-8: labels, types, keys, properties and the path functions.
TEST(EvaluatorTest, GraphFunctions) {
  RunTable({
      {"labels(n)", "['A', 'B']"},
      {"labels(m)", "['C']"},
      {"labels(nul)", "null"},
      {"labels(null)", "null"},
      {"labels([n, 1][0])", "['A', 'B']"},
      {"labels([n, 1][1])", kArgValue},
      {"type(r)", "'KNOWS'"},
      {"type(n)", kArgValue},
      {"id(n)", "1"},
      {"id(r)", "7"},
      {"keys(n)", "['age', 'name']"},
      {"keys(map)", "['name', 'nome', 'nothing']"},
      {"keys(nul)", "null"},
      {"'name' IN keys(n)", "true"},
      {"'missingToo' IN keys(n)", "false"},
      {"properties(r)", "{since: 2020}"},
      {"properties(map)", "{name: 'Mats', nome: 'Pontus', nothing: null}"},
      {"properties(1)", kArgValue},
      {"length(p)", "1"},
      {"nodes(p)", "[(:A:B {age: 42, name: 'Apa'}), (:C)]"},
      {"relationships(p)", "[[:KNOWS {since: 2020}]]"},
      {"size(nodes(p))", "2"},
      {"id(startNode(r))", "1"},
      {"id(endNode(r))", "2"},
      {"n:A", "true"},
      {"n:A:B", "true"},
      {"n:B:A:B", "true"},
      {"n:A:C", "false"},
      {"m:A", "false"},
      {"nul:A", "null"},
      {"r:KNOWS", "true"},
      {"r:LIKES", "false"},
      {"exists(n.name)", "true"},
      {"exists(n.missing)", "false"},
      {"exists(nul.name)", "false"},
      {"n{.name, .missing}", "{missing: null, name: 'Apa'}"},
      {"n{.*, extra: n.age + 1}", "{age: 42, extra: 43, name: 'Apa'}"},
      {"map{.name, extra: 1}", "{extra: 1, name: 'Mats'}"},
      {"map{list}", "{list: [1, 2, 3]}"},
      {"nul{.name}", "null"},
      {"r{.since}", "{since: 2020}"},
  });
}

TEST(EvaluatorTest, FunctionsAndSubqueriesNeedingMore) {
  RunTable({
      {"foo(1)", "!SyntaxError/UnknownFunction"},
      {"apoc.coll.sum([1])", "!SyntaxError/UnknownFunction"},
      {"count(1)", "!SyntaxError/InvalidAggregation"},
      {"count(*)", "!SyntaxError/InvalidAggregation"},
      {"sum(1) + 1", "!SyntaxError/InvalidAggregation"},
      {"size([1], [2])", "!SyntaxError/InvalidNumberOfArguments"},
      {"pi(1)", "!SyntaxError/InvalidNumberOfArguments"},
      {"TOUPPER('a')", "'A'"},
      {"exists((n)-->())", "!SemanticError/UnsupportedExpression"},
      {"[(n)-->(x) | x]", "!SemanticError/UnsupportedExpression"},
  });
}

std::unique_ptr<Statement> MustParse(std::string_view query) {
  absl::StatusOr<std::unique_ptr<Statement>> s = Parse(query);
  EXPECT_TRUE(s.ok()) << s.status();
  return s.ok() ? std::move(*s) : nullptr;
}

const Expression& FirstItem(const Statement& s) {
  return *s.query->parts[0].clauses.back()->As<ReturnClause>().projection.items[0].expr;
}

TEST(EvaluatorTest, PrecomputedSlotsReplaceSubexpressions) {
  auto s = MustParse("RETURN count(*) + 1, collect(x)[0]");
  const auto& ret = s->query->parts[0].clauses.back()->As<ReturnClause>();
  const auto& sum = ret.projection.items[0].expr->As<BinaryExpr>();
  const auto& index = ret.projection.items[1].expr->As<IndexExpr>();
  Row row = {Value::Int(5), Value::MakeList({Value::String("first")})};
  Scope scope;
  scope.precomputed[sum.left.get()] = 0;
  scope.precomputed[index.object.get()] = 1;
  Value::Map params;
  EvalContext ctx(*s->source, params);
  absl::StatusOr<Value> a = Evaluate(*ret.projection.items[0].expr, row, scope, ctx);
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(a->ToString(), "6");
  absl::StatusOr<Value> b = Evaluate(*ret.projection.items[1].expr, row, scope, ctx);
  ASSERT_TRUE(b.ok()) << b.status();
  EXPECT_EQ(b->ToString(), "'first'");
  // A whole projected item can be precomputed too.
  scope.precomputed[ret.projection.items[0].expr.get()] = 1;
  absl::StatusOr<Value> c = Evaluate(*ret.projection.items[0].expr, row, scope, ctx);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->ToString(), "['first']");
}

TEST(EvaluatorTest, SubqueryHookSeesComprehensionVariables) {
  auto s = MustParse("RETURN [x IN [1, 2, 3] WHERE exists((n)-->()) AND (x)-->(n) | x]");
  Value::Map params;
  EvalContext ctx(*s->source, params);
  std::vector<std::string> seen;
  ctx.subquery = [&](const Expression& e, const Row& row,
                     const Scope& scope) -> absl::StatusOr<Value> {
    auto n = scope.slots.find("n");
    EXPECT_NE(n, scope.slots.end());
    EXPECT_EQ(row[n->second].ToString(), "'node'");
    auto x = scope.slots.find("x");
    if (x == scope.slots.end()) {
      seen.push_back("no x");
      return Value::Bool(false);
    }
    seen.push_back(std::string(ExprKindName(e.kind)) + ":" + row[x->second].ToString());
    return Value::Bool(row[x->second].as_int() != 2);
  };
  Row row = {Value::String("node")};
  Scope scope;
  scope.slots["n"] = 0;
  absl::StatusOr<Value> v = Evaluate(FirstItem(*s), row, scope, ctx);
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_EQ(v->ToString(), "[1, 3]");
  EXPECT_EQ(seen.size(), 5u);  // x = 2 fails the first conjunct: AND stops there
}

TEST(EvaluatorTest, PredicateTruth) {
  Value::Map params;
  Row row = {Value(), Value::Bool(true), Value::Int(1), Value::Bool(false)};
  Scope scope;
  scope.slots = {{"a", 0}, {"b", 1}, {"c", 2}, {"d", 3}};
  for (auto [query, expected] : std::vector<std::pair<std::string, std::string>>{
           {"RETURN a", "false"},
           {"RETURN b", "true"},
           {"RETURN d", "false"},
           {"RETURN b AND a", "false"},
           {"RETURN c", "!TypeError/InvalidArgumentType"},
           {"RETURN undefined", "!status"},
       }) {
    auto s = MustParse(query);
    EvalContext ctx(*s->source, params);
    absl::StatusOr<bool> r = EvaluatePredicate(FirstItem(*s), row, scope, ctx);
    std::string got = r.ok() ? (*r ? "true" : "false") : ErrorText(r.status());
    EXPECT_EQ(got.substr(0, expected.size()), expected) << query;
  }
}

TEST(EvaluatorTest, ErrorsPointAtTheOffendingExpression) {
  auto s = MustParse("RETURN 1 +\n  [1, 2][0] / (3 - 3)");
  Value::Map params;
  EvalContext ctx(*s->source, params);
  absl::StatusOr<Value> v = Evaluate(FirstItem(*s), {}, Scope(), ctx);
  ASSERT_FALSE(v.ok());
  std::string message(v.status().message());
  EXPECT_NE(message.find("ArgumentError (DivisionByZero) at line 2, column 3"), std::string::npos)
      << message;
  EXPECT_NE(message.find("\n    ^"), std::string::npos) << message;

  auto t = MustParse("RETURN toUpper(1)");
  EvalContext ctx2(*t->source, params);
  v = Evaluate(FirstItem(*t), {}, Scope(), ctx2);
  ASSERT_FALSE(v.ok());
  message = std::string(v.status().message());
  EXPECT_NE(message.find("column 16"), std::string::npos) << message;  // at the argument
}

TEST(EvaluatorTest, DeepExpressionsWithinTheParserLimits) {
  std::string sum = "1";
  for (int k = 0; k < 900; ++k) sum += " + 1";
  EXPECT_EQ(EvalToText(sum), "901");
  std::string nested = std::string(400, '[') + "1" + std::string(400, ']');
  EXPECT_EQ(EvalToText("size(" + nested + ") = 1 AND " + nested + " = " + nested), "true");
  std::string comprehension = "x";
  for (int k = 0; k < 100; ++k) comprehension = "[x IN [1] | " + comprehension + "]";
  EXPECT_EQ(EvalToText("size(" + comprehension + ")"), "1");
}

TEST(EvaluatorTest, ContextWithoutQueryTextStillTypesErrors) {
  auto s = MustParse("RETURN 1 / 0");
  Value::Map params;
  EvalContext ctx("", params);
  absl::StatusOr<Value> v = Evaluate(FirstItem(*s), {}, Scope(), ctx);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(ErrorText(v.status()), "!ArgumentError/DivisionByZero");
}

TEST(EvaluatorTest, RegexCacheIsReusedAcrossRows) {
  Value::Map params;
  auto s = MustParse("RETURN 'abc' =~ 'a.*'");
  EvalContext ctx(*s->source, params);
  for (int k = 0; k < 3; ++k) {
    absl::StatusOr<Value> v = Evaluate(FirstItem(*s), {}, Scope(), ctx);
    ASSERT_TRUE(v.ok());
    EXPECT_TRUE(v->as_bool());
  }
}

// `$text =~ $pattern`: "true", "false", "null" or "!Type/Detail".
std::string Match(const Value& text, std::string_view pattern) {
  static const auto* const statement = MustParse("RETURN $text =~ $pattern").release();
  Value::Map params = {{"text", text}, {"pattern", Value::String(std::string(pattern))}};
  EvalContext ctx(*statement->source, params);
  absl::StatusOr<Value> v = Evaluate(FirstItem(*statement), {}, Scope(), ctx);
  if (!v.ok()) return ErrorText(v.status());
  return v->ToString();
}

std::string Match(std::string_view text, std::string_view pattern) {
  return Match(Value::String(std::string(text)), pattern);
}

TEST(EvaluatorTest, RegularExpressions) {
  struct RegexCase {
    const char* text;
    const char* pattern;
    const char* expected;
  };
  constexpr char kBad[] = "!ArgumentError/InvalidArgumentValue";
  std::vector<RegexCase> cases = {
      {"", "", "true"},
      {"", "a*", "true"},
      {"a", "", "false"},
      {"Tobias", "Tob.*", "true"},
      {"abc", "abc", "true"},
      {"abc", "ab", "false"},  // the whole string must match
      {"abc", "bc", "false"},
      {"abc", "a.c", "true"},
      {"a\nc", "a.c", "false"},
      {"a\nc", "(?s)a.c", "true"},
      {"ABC", "(?i)abc", "true"},
      {"ÀB", "(?i)àb", "true"},
      {"ABC", "(?i)[a-c]+", "true"},
      {"abc", "[a-c]+", "true"},
      {"abd", "[^d]+", "false"},
      {"a]", "[]a]+", "true"},
      {"a-b", "[a-]+b", "true"},
      {"aaa", "a{3}", "true"},
      {"aa", "a{3}", "false"},
      {"aaaa", "a{2,3}", "false"},
      {"aaaaa", "a{2,}", "true"},
      {"a{2}", "a{2", "false"},
      {"a{2", "a{2", "true"},
      {"ab", "a|ab", "true"},
      {"ab", "(a|ab)(c|bcd)?", "true"},
      {"xay", "x(a|b)*?y", "true"},
      {"foo.bar", "foo\\.bar", "true"},
      {"fooxbar", "foo\\.bar", "false"},
      {"12-34", "\\d+-\\d+", "true"},
      {"ab_1", "\\w+", "true"},
      {"a b", "a\\sb", "true"},
      {"a b", "\\S+", "false"},
      {"a1", "[\\D\\d]+", "true"},
      {"hello world", ".*\\bworld", "true"},
      {"helloworld", ".*\\bworld", "false"},
      {"helloworld", ".*\\Bworld", "true"},
      {"abc", "^abc$", "true"},
      {"x", "(?<name>x)", "true"},
      {"xy", "(?:x)(y)", "true"},
      {"a.b", "\\Qa.b\\E", "true"},
      {"axb", "\\Qa.b\\E", "false"},
      {"é", "\\u00e9", "true"},
      {"é", "\\x{e9}", "true"},
      {"A", "\\x41", "true"},
      {"\t", "\\t", "true"},
      {"한국어", "한.어", "true"},
      {"한국어", "[가-힣]+", "true"},
      {"(", "(", kBad},
      {"a", "a)", kBad},
      {"a", "[a", kBad},
      {"a", "a**", kBad},
      {"a", "*a", kBad},
      {"a", "(?=a)a", kBad},
      {"aa", "(a)\\1", kBad},
      {"a", "a{3,1}", kBad},
      {"a", "\\p{L}", kBad},
      {"a", "a++", kBad},
      {"a", "(?x)a", kBad},
      {"a", "a(?i)", kBad},
      {"a", "\\k", kBad},
      {"a", "[b-a]", kBad},
      {"a", "a{1001}", kBad},
  };
  for (const RegexCase& c : cases) {
    EXPECT_EQ(Match(c.text, c.pattern), c.expected)
        << "'" << c.text << "' =~ '" << c.pattern << "'";
  }
  EXPECT_EQ(Match(Value(), "a"), "null");
  EXPECT_EQ(Match(Value::Int(1), "1"), "null");
}

TEST(EvaluatorTest, RegularExpressionsRunInLinearTimeWithoutRecursion) {
  // std::regex overflows the stack on the first and needs exponential time on
  // the others.
  std::string long_text(1'000'000, 'a');
  EXPECT_EQ(Match(long_text, ".*"), "true");
  EXPECT_EQ(Match(long_text, "(a|b)*"), "true");
  EXPECT_EQ(Match(long_text + "!", "(a|b)*"), "false");
  EXPECT_EQ(Match(std::string(5000, 'a'), "(a*)*b"), "false");
  EXPECT_EQ(Match(std::string(60, 'x'), "(x+x+)+y"), "false");
  EXPECT_EQ(Match(std::string(30, 'a'), "(a?){30}a{30}"), "true");
  // Deep nesting is refused rather than recursed into.
  EXPECT_EQ(Match("a", std::string(300, '(') + "a" + std::string(300, ')')),
            "!ArgumentError/InvalidArgumentValue");
  EXPECT_EQ(Match("a", "((a{1000}){1000}){1000}"), "!ArgumentError/InvalidArgumentValue");
}

TEST(FunctionsTest, Registry) {
  EXPECT_TRUE(IsKnownFunction("toUpper"));
  EXPECT_TRUE(IsKnownFunction("TOUPPER"));
  EXPECT_TRUE(IsKnownFunction("count"));
  EXPECT_FALSE(IsKnownFunction("nosuch"));
  EXPECT_FALSE(IsKnownFunction("apoc.coll.sum"));
  EXPECT_TRUE(IsAggregateFunction("Count"));
  EXPECT_TRUE(IsAggregateFunction("collect"));
  EXPECT_TRUE(IsAggregateFunction("percentileDisc"));
  EXPECT_TRUE(IsAggregateFunction("STDEV"));
  EXPECT_FALSE(IsAggregateFunction("size"));
  EXPECT_FALSE(IsAggregateFunction("nosuch"));
  const FunctionInfo* info = FindFunction("RANGE");
  ASSERT_NE(info, nullptr);
  EXPECT_EQ(info->name, "range");
  EXPECT_EQ(info->min_args, 2);
  EXPECT_EQ(info->max_args, 3);
  EXPECT_EQ(FindFunction("coalesce")->max_args, -1);
}

// Feeds `values` to a new aggregator and prints the result.
std::string Aggregate(std::string_view name, bool distinct, const std::vector<Value>& values,
                      bool star = false, std::optional<Value> parameter = std::nullopt) {
  absl::StatusOr<std::unique_ptr<Aggregator>> agg =
      parameter ? MakeAggregator(name, distinct, star, *parameter)
                : MakeAggregator(name, distinct, star);
  if (!agg.ok()) return ErrorText(agg.status());
  for (const Value& v : values) {
    absl::Status s = (*agg)->Add(v);
    if (!s.ok()) return ErrorText(s);
  }
  return Show((*agg)->Finish());
}

TEST(AggregatorTest, Aggregates) {
  Value null;
  auto I = [](int64_t i) { return Value::Int(i); };
  auto D = [](double d) { return Value::Double(d); };
  auto S = [](std::string s) { return Value::String(std::move(s)); };
  auto L = [](Value::List l) { return Value::MakeList(std::move(l)); };
  // Aggregation1, 2, 5 and the rest.
  EXPECT_EQ(Aggregate("count", false, {I(1), null, I(1)}), "2");
  EXPECT_EQ(Aggregate("count", false, {I(1), null, I(1)}, /*star=*/true), "3");
  EXPECT_EQ(Aggregate("COUNT", true, {I(1), null, D(1.0), I(2)}), "2");
  EXPECT_EQ(Aggregate("count", false, {}), "0");
  EXPECT_EQ(Aggregate("max", false, {I(1), I(2), I(0), null, I(-1)}), "2");
  EXPECT_EQ(Aggregate("min", false, {I(1), I(2), I(0), null, I(-1)}), "-1");
  EXPECT_EQ(Aggregate("max", false, {D(1.0), D(2.0), D(0.5), null}), "2.0");
  EXPECT_EQ(Aggregate("min", false, {D(1.0), D(2.0), D(0.5), null}), "0.5");
  EXPECT_EQ(Aggregate("max", false, {I(1), D(2.0), I(5), null, D(3.2), D(0.1)}), "5");
  EXPECT_EQ(Aggregate("min", false, {I(1), D(2.0), I(5), null, D(3.2), D(0.1)}), "0.1");
  EXPECT_EQ(Aggregate("max", false, {S("a"), S("b"), S("B"), null, S("abc"), S("abc1")}), "'b'");
  EXPECT_EQ(Aggregate("min", false, {S("a"), S("b"), S("B"), null, S("abc"), S("abc1")}), "'B'");
  EXPECT_EQ(Aggregate("max", false, {L({I(1)}), L({I(2)}), L({I(2), I(1)})}), "[2, 1]");
  EXPECT_EQ(Aggregate("min", false, {L({I(1)}), L({I(2)}), L({I(2), I(1)})}), "[1]");
  EXPECT_EQ(Aggregate("max", false, {I(1), S("a"), null, L({I(1), I(2)}), D(0.2), S("b")}), "1");
  EXPECT_EQ(Aggregate("min", false, {I(1), S("a"), null, L({I(1), I(2)}), D(0.2), S("b")}),
            "[1, 2]");
  EXPECT_EQ(Aggregate("min", false, {null}), "null");
  EXPECT_EQ(Aggregate("collect", false, {I(1), null, I(1), S("x")}), "[1, 1, 'x']");
  EXPECT_EQ(Aggregate("collect", true, {I(42), I(43), null, I(42), D(43.0)}), "[42, 43]");
  EXPECT_EQ(Aggregate("collect", false, {null}), "[]");
  EXPECT_EQ(Aggregate("sum", false, {I(1), I(2), null}), "3");
  EXPECT_EQ(Aggregate("sum", false, {I(1), D(2.5)}), "3.5");
  EXPECT_EQ(Aggregate("sum", false, {}), "0");
  EXPECT_EQ(Aggregate("sum", true, {I(1), I(1), D(1.0), I(2)}), "3");
  EXPECT_EQ(Aggregate("sum", false, {I(9223372036854775807), I(1)}),
            "!ArgumentError/NumberOutOfRange");
  EXPECT_EQ(Aggregate("sum", false, {I(1), S("a")}), "!TypeError/InvalidArgumentType");
  EXPECT_EQ(Aggregate("avg", false, {I(1), I(2), null}), "1.5");
  EXPECT_EQ(Aggregate("avg", false, {}), "null");
  EXPECT_EQ(Aggregate("avg", false, {I(9223372036854775807), I(9223372036854775807)}),
            "9.223372036854776E18");
  EXPECT_EQ(Aggregate("avg", false, {S("a")}), "!TypeError/InvalidArgumentType");
  EXPECT_EQ(Aggregate("stDev", false, {I(2), I(4), I(4), I(4), I(5), I(5), I(7), I(9)}),
            "2.138089935299395");
  EXPECT_EQ(Aggregate("stDevP", false, {I(2), I(4), I(4), I(4), I(5), I(5), I(7), I(9)}), "2.0");
  EXPECT_EQ(Aggregate("stDev", false, {I(1)}), "0.0");
  EXPECT_EQ(Aggregate("percentileDisc", false, {I(10), I(20), I(30), I(40)}, false, D(0.5)), "20");
  EXPECT_EQ(Aggregate("percentileDisc", false, {I(10), I(20), I(30)}, false, D(0.0)), "10");
  EXPECT_EQ(Aggregate("percentileDisc", false, {I(10), I(20), I(30)}, false, D(1.0)), "30");
  EXPECT_EQ(Aggregate("percentileCont", false, {I(10), I(20), I(30), I(40)}, false, D(0.5)),
            "25.0");
  EXPECT_EQ(Aggregate("percentileCont", false, {I(30), I(10), I(20)}, false, D(0.25)), "15.0");
  EXPECT_EQ(Aggregate("percentileCont", false, {}, false, D(0.5)), "null");
  EXPECT_EQ(Aggregate("percentileCont", false, {I(1)}, false, D(1.5)),
            "!ArgumentError/NumberOutOfRange");
  EXPECT_EQ(Aggregate("percentileCont", false, {I(1)}, false, S("x")),
            "!TypeError/InvalidArgumentType");
  EXPECT_EQ(Aggregate("percentileCont", false, {I(1)}), "!SyntaxError/InvalidNumberOfArguments");
  EXPECT_EQ(Aggregate("size", false, {}), "!SyntaxError/UnknownFunction");
}

}  // namespace
}  // namespace alliance::query
