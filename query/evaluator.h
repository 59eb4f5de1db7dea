// Expression evaluation: computes the value of a Cypher expression (ast.h)
// over one row, with openCypher's null propagation and runtime type errors.
//
//   Scope scope;
//   scope.slots["n"] = 0;                            // variable n lives in row[0]
//   EvalContext ctx(query_text, parameters);
//   absl::StatusOr<Value> v = Evaluate(expr, row, scope, ctx);
//   absl::StatusOr<bool> keep = EvaluatePredicate(where, row, scope, ctx);
//
// Errors are query errors (query_error.h) located at the offending
// sub-expression: TypeError for operands of the wrong type, ArgumentError for
// bad values (division by zero, integer overflow, range() with step 0),
// ParameterMissing for an unknown $parameter.
//
// `=~` uses a linear-time matcher of its own (not std::regex, which overflows
// the stack on long strings); evaluator.cc lists the regex syntax it accepts.
#ifndef ALLIANCE_QUERY_EVALUATOR_H_
#define ALLIANCE_QUERY_EVALUATOR_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "alliance/value.h"
#include "query/ast.h"
#include "query/query_error.h"

namespace alliance::query {

using Row = std::vector<Value>;

// Where the variables of an expression live: name -> index in the row.
// `precomputed` maps sub-expressions already computed by an operator
// (aggregates, projected items) to the row slot holding their value; Evaluate
// returns that slot's value instead of evaluating the sub-expression.
// Look names up with alliance::ToAbsl(name) (schema/str_cat.h): Abseil's
// string_view is not std::string_view here.
struct Scope {
  absl::flat_hash_map<std::string, int> slots;
  absl::flat_hash_map<const Expression*, int> precomputed;
};

class RegexCache;  // compiled =~ patterns, private to evaluator.cc

// What every evaluation of one statement shares. Not thread-safe: one per
// executing statement.
class EvalContext {
 public:
  // `query_text` (for error carets) and `parameters` must outlive the context.
  EvalContext(std::string_view query_text, const Value::Map& parameters);
  ~EvalContext();
  EvalContext(const EvalContext&) = delete;
  EvalContext& operator=(const EvalContext&) = delete;

  std::string_view query_text() const { return query_text_; }
  const Value::Map& parameters() const { return *parameters_; }

  // Pattern predicates, pattern comprehensions and EXISTS subqueries need the
  // graph: the executor installs this hook. It receives the expression
  // (kPatternPredicate, kPatternComprehension or kExistsSubquery) and returns
  // a boolean (predicate, EXISTS) or a list (comprehension). Variables bound
  // by an enclosing list comprehension or quantifier arrive as extra slots
  // appended to `row` and named in `scope`. When the hook is empty these
  // expressions fail with a SemanticError (UnsupportedExpression).
  std::function<absl::StatusOr<Value>(const Expression& expr, const Row& row, const Scope& scope)>
      subquery;

  // For rand() and randomUUID(); seeded from std::random_device.
  std::mt19937_64& rng() { return rng_; }

  // timestamp(): milliseconds since the Unix epoch, fixed when the context
  // was made so that every row of a statement sees the same time.
  int64_t statement_time_millis() const { return statement_time_millis_; }

  RegexCache& regex_cache() { return *regex_cache_; }

 private:
  std::string_view query_text_;
  const Value::Map* parameters_;
  std::mt19937_64 rng_;
  int64_t statement_time_millis_;
  std::unique_ptr<RegexCache> regex_cache_;
};

// The value of `expr` over `row`. Variables resolve through `scope`; a name
// missing from the scope is an internal error (the binder checks names).
// Aggregate functions and count(*) must be precomputed (Scope::precomputed);
// evaluating one directly is a SyntaxError (InvalidAggregation).
absl::StatusOr<Value> Evaluate(const Expression& expr, const Row& row, const Scope& scope,
                               EvalContext& ctx);

// Cypher truth of a predicate result: true only for boolean true (null/false
// -> false). A non-boolean, non-null value is a TypeError.
absl::StatusOr<bool> EvaluatePredicate(const Expression& expr, const Row& row, const Scope& scope,
                                       EvalContext& ctx);

// A query error located at the start of `expr` in ctx.query_text() (no
// location when the context has no query text).
absl::Status ExpressionError(const EvalContext& ctx, const Expression& expr, ErrorType type,
                             std::string_view detail, std::string_view message);

}  // namespace alliance::query

#endif  // ALLIANCE_QUERY_EVALUATOR_H_
