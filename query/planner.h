// Planner: binds a parsed statement against the catalog (variables in scope,
// labels and types that exist, procedures that are registered) and turns it
// into a tree of operators: index seeks for key lookups, label scans
// otherwise, expansions over the adjacency column families, filters as early
// as their variables allow.
#ifndef ALLIANCE_QUERY_PLANNER_H_
#define ALLIANCE_QUERY_PLANNER_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "query/ast.h"
#include "query/operators.h"
#include "query/procedure_registry.h"
#include "schema/catalog.h"

namespace alliance::query {

// Pattern predicates (`WHERE (a)-[:T]->()`) run as small plans of their own,
// one per expression, started with the current row as their argument.
struct SubPlan {
  std::unique_ptr<Operator> root;
  ArgumentOp* argument = nullptr;
  std::shared_ptr<std::vector<PathPattern>> patterns;  // what the plan points into
};
using SubPlans = absl::flat_hash_map<const Expression*, SubPlan>;

struct Plan {
  std::unique_ptr<Operator> root;       // yields rows of `columns.size()` values
  std::vector<std::string> columns;     // empty for a statement without RETURN
  bool writes = false;                  // has an updating clause or writing procedure
  std::shared_ptr<SubPlans> subplans;
};

absl::StatusOr<Plan> PlanStatement(const Statement& statement, const schema::Catalog& catalog,
                                   const ProcedureRegistry& procedures);

// Does the statement change the graph? Decided before planning so that the
// caller can open the right kind of transaction.
bool StatementWrites(const Statement& statement, const ProcedureRegistry& procedures);

}  // namespace alliance::query

#endif  // ALLIANCE_QUERY_PLANNER_H_
