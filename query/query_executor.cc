#include "query/query_executor.h"

#include "query/parser.h"
#include "query/planner.h"
#include "query/query_error.h"
#include "schema/status_macros.h"
#include "schema/str_cat.h"

namespace alliance::query {
namespace {

absl::StatusOr<QueryResult> Run(storage::Transaction& txn, const Statement& statement,
                                const Value::Map& parameters, const ProcedureRegistry& procedures,
                                const ExecutionLimits& limits) {
  ASSIGN_OR_RETURN(Plan plan, PlanStatement(statement, txn.catalog(), procedures));
  QueryResult result;
  result.columns = plan.columns;
  if (plan.writes && !txn.is_write()) {
    return MakeQueryError(ErrorType::kSemanticError, "WriteInReadTransaction",
                          "this statement changes the graph but runs in a read transaction");
  }
  if (statement.mode == StatementMode::kExplain) {
    result.plan = DescribePlan(*plan.root, false);
    return result;
  }
  EvalContext eval(*statement.source, parameters);
  ExecContext ctx;
  ctx.txn = &txn;
  ctx.eval = &eval;
  ctx.stats = &result.stats;
  ctx.procedures = &procedures;
  ctx.limits = limits;
  ctx.notifications = &result.notifications;
  ctx.profile = statement.mode == StatementMode::kProfile;
  if (limits.timeout.count() > 0) ctx.deadline = std::chrono::steady_clock::now() + limits.timeout;
  std::shared_ptr<SubPlans> subplans = plan.subplans;
  eval.subquery = [&ctx, subplans](const Expression& expr, const Row& row,
                                   const Scope&) -> absl::StatusOr<Value> {
    auto it = subplans->find(&expr);
    if (it == subplans->end()) {
      return absl::InternalError(StrCat("no plan for ", expr.text));
    }
    it->second.argument->SetArgument(row);
    it->second.root->Reset();
    Row scratch;
    ASSIGN_OR_RETURN(bool found, it->second.root->Pull(ctx, scratch));
    return Value::Bool(found);
  };
  Row row;
  while (true) {
    ASSIGN_OR_RETURN(bool more, plan.root->Pull(ctx, row));
    if (!more) break;
    if (!plan.columns.empty()) {
      RETURN_IF_ERROR(ctx.Materialise(1));
      result.rows.push_back(std::move(row));
    }
  }
  if (ctx.profile) result.plan = DescribePlan(*plan.root, true);
  return result;
}

}  // namespace

absl::StatusOr<QueryResult> ExecuteInTransaction(storage::Transaction& txn, std::string_view text,
                                                 const Value::Map& parameters,
                                                 const ProcedureRegistry& procedures,
                                                 const ExecutionLimits& limits) {
  ASSIGN_OR_RETURN(std::unique_ptr<Statement> statement, Parse(text));
  return Run(txn, *statement, parameters, procedures, limits);
}

absl::StatusOr<QueryResult> ExecuteStatement(storage::Store& store, std::string_view text,
                                             const Value::Map& parameters,
                                             const ProcedureRegistry& procedures,
                                             const ExecutionLimits& limits) {
  ASSIGN_OR_RETURN(std::unique_ptr<Statement> statement, Parse(text));
  const bool writes = StatementWrites(*statement, procedures);
  if (writes && statement->mode != StatementMode::kExplain) {
    if (store.read_only()) {
      return MakeQueryError(ErrorType::kSemanticError, "ReadOnlyDatabase",
                            StrCat("the database ", store.path(),
                                   " is open read-only; this statement changes the graph"));
    }
    ASSIGN_OR_RETURN(std::unique_ptr<storage::Transaction> txn, store.BeginWrite());
    ASSIGN_OR_RETURN(QueryResult result, Run(*txn, *statement, parameters, procedures, limits));
    RETURN_IF_ERROR(txn->Commit());
    return result;
  }
  std::unique_ptr<storage::Transaction> txn = store.BeginRead();
  return Run(*txn, *statement, parameters, procedures, limits);
}

}  // namespace alliance::query
