// Runs one Cypher statement: parse, plan against the catalog, execute in one
// transaction (a read snapshot, or one atomic write), collect the result.
#ifndef ALLIANCE_QUERY_QUERY_EXECUTOR_H_
#define ALLIANCE_QUERY_QUERY_EXECUTOR_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "alliance/value.h"
#include "query/operators.h"
#include "query/procedure_registry.h"
#include "alliance/query_result.h"
#include "storage/store.h"
#include "storage/transaction.h"

namespace alliance::query {

// Opens the transaction the statement needs and commits it when it succeeds;
// on any error nothing of the statement remains.
absl::StatusOr<QueryResult> ExecuteStatement(storage::Store& store, std::string_view text,
                                             const Value::Map& parameters,
                                             const ProcedureRegistry& procedures,
                                             const ExecutionLimits& limits);

// Runs the statement inside `txn` (which must be a write transaction if the
// statement writes) without committing it.
absl::StatusOr<QueryResult> ExecuteInTransaction(storage::Transaction& txn, std::string_view text,
                                                 const Value::Map& parameters,
                                                 const ProcedureRegistry& procedures,
                                                 const ExecutionLimits& limits);

}  // namespace alliance::query

#endif  // ALLIANCE_QUERY_QUERY_EXECUTOR_H_
