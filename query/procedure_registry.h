// ProcedureRegistry: the procedures `CALL name(args) YIELD cols` can reach.
// The query layer owns the registry; the engine fills it (db.* and the
// analytics procedures), so the query layer never depends on the engine.
#ifndef ALLIANCE_QUERY_PROCEDURE_REGISTRY_H_
#define ALLIANCE_QUERY_PROCEDURE_REGISTRY_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "alliance/value.h"

namespace alliance::storage {
class Transaction;
}

namespace alliance::query {

struct ProcedureSignature {
  std::string name;                 // "db.labels", "algo.pageRank"
  std::vector<std::string> inputs;  // argument names, in order
  size_t required_inputs = 0;       // the first N inputs are required
  std::vector<std::string> outputs; // YIELD columns, in order
  std::string description;
  bool writes = false;              // needs a write transaction
};

// Long steps inside a procedure call this now and then with units done and expected:
// it passes the figures to the statement's progress callback and returns an error
// when the statement must stop (cancelled, out of time). Safe from any one thread.
using ProcedureCheckpoint =
    std::function<absl::Status(std::string_view step, uint64_t done, uint64_t expected)>;

// What a procedure sees: its arguments, the statement's transaction and checkpoint.
struct ProcedureCall {
  const std::vector<Value>& args;
  storage::Transaction& txn;
  const ProcedureCheckpoint* checkpoint = nullptr;  // none: run to the end
};

// Rows, each with one value per declared output.
using ProcedureFn =
    std::function<absl::StatusOr<std::vector<std::vector<Value>>>(const ProcedureCall& call)>;

class ProcedureRegistry {
 public:
  // Replaces a procedure of the same name.
  void Register(ProcedureSignature signature, ProcedureFn fn);
  // Case-sensitive on the namespace, as in Neo4j.
  const ProcedureSignature* Find(std::string_view name) const;
  const ProcedureFn* FindFunction(std::string_view name) const;
  std::vector<const ProcedureSignature*> List() const;

 private:
  std::map<std::string, std::pair<ProcedureSignature, ProcedureFn>, std::less<>> procedures_;
};

}  // namespace alliance::query

#endif  // ALLIANCE_QUERY_PROCEDURE_REGISTRY_H_
