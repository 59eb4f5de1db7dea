// The Cypher function library: scalar functions for the evaluator and the
// aggregates the Aggregate operator drives through Aggregator.
//
// Scalars: size, toUpper, range, abs, ... (the registry in functions.cc).
// Aggregates: count, sum, avg, min, max, collect, stDev, stDevP,
// percentileCont, percentileDisc.
//
//   if (!IsKnownFunction(name)) -> SyntaxError (UnknownFunction)    // the binder
//   ASSIGN_OR_RETURN(auto agg, MakeAggregator("sum", /*distinct=*/false, /*star=*/false));
//   for (row : group) RETURN_IF_ERROR(agg->Add(value_of_argument));
//   Value total = agg->Finish();
//
// Function names match case-insensitively. Unless noted, a scalar function
// returns null when any argument is null; an argument of the wrong type is a
// TypeError (InvalidArgumentValue), as the openCypher TCK expects of
// labels(1), toInteger([]) and the like.
//
// startNode(r) and endNode(r): a Relationship value only holds node ids, so
// these return a Node with just `id` set (no labels or properties). The
// executor, which can read the graph, replaces such nodes when it needs them
// whole (it can also intercept these calls before evaluation).
#ifndef ALLIANCE_QUERY_FUNCTIONS_H_
#define ALLIANCE_QUERY_FUNCTIONS_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "alliance/value.h"
#include "query/ast.h"

namespace alliance::query {

class EvalContext;

struct FunctionInfo {
  std::string_view name;  // canonical spelling, e.g. "toUpper"
  int min_args;
  int max_args;  // -1: no upper bound (coalesce)
  bool aggregate;
};

// The built-in function called `name` (any case), or nullptr. Names with a
// namespace ("apoc.coll.sum") are never built in.
const FunctionInfo* FindFunction(std::string_view name);
bool IsKnownFunction(std::string_view name);
// count, sum, avg, min, max, collect, stDev, stDevP, percentileCont, percentileDisc.
bool IsAggregateFunction(std::string_view name);

// Calls the scalar function named by `call` on the values of its arguments
// (args[i] is the value of call.args[i]). Errors point at the call or at the
// offending argument: SyntaxError (UnknownFunction) for an unknown or
// aggregate name, SyntaxError (InvalidNumberOfArguments) for a wrong count.
// exists(x) here is `x IS NOT NULL`; the evaluator handles exists(pattern).
absl::StatusOr<Value> CallFunction(const FunctionCallExpr& call, std::span<const Value* const> args,
                                   EvalContext& ctx);

// Accumulates one aggregate over the rows of a group. Nulls are skipped
// (except by count(*)); DISTINCT is applied by the aggregator, by grouping
// equivalence (cypher_value.h).
class Aggregator {
 public:
  virtual ~Aggregator() = default;
  // TypeError (InvalidArgumentType) for a value the aggregate cannot take
  // (sum('a')); ArgumentError (NumberOutOfRange) when an integer sum overflows.
  virtual absl::Status Add(const Value& v) = 0;
  // count: 0 for no rows; sum: 0; collect: []; avg, min, max, percentiles:
  // null; stDev, stDevP: 0.0.
  virtual Value Finish() = 0;
};

// For count(*) pass name "count" with star=true (Add is then called once per
// row with any value). Unknown names and non-aggregates are an error.
// percentileCont/percentileDisc need the percentile: use the overload below.
absl::StatusOr<std::unique_ptr<Aggregator>> MakeAggregator(std::string_view name, bool distinct,
                                                           bool star);

// percentileCont(x, p) and percentileDisc(x, p): `parameter` is p, evaluated
// once per group (the planner evaluates the second argument on the group's
// first row). p must be a number in [0, 1]: ArgumentError (NumberOutOfRange)
// otherwise. Other aggregates ignore `parameter`.
absl::StatusOr<std::unique_ptr<Aggregator>> MakeAggregator(std::string_view name, bool distinct,
                                                           bool star, const Value& parameter);

}  // namespace alliance::query

#endif  // ALLIANCE_QUERY_FUNCTIONS_H_
