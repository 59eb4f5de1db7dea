// Checker: verifies a store's invariants without changing anything: both
// adjacency copies agree, every index entry matches its record, every record
// decodes, edge endpoints exist and the schema holds.
#ifndef ALLIANCE_STORAGE_CHECKER_H_
#define ALLIANCE_STORAGE_CHECKER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "storage/transaction.h"

namespace alliance::storage {

struct CheckReport {
  uint64_t nodes = 0;
  uint64_t edges = 0;
  uint64_t index_entries = 0;
  // One line per problem found; empty when the store is sound. Capped at
  // `max_problems` so a badly damaged store still gives a readable report.
  std::vector<std::string> problems;
  uint64_t problems_not_listed = 0;

  bool ok() const { return problems.empty() && problems_not_listed == 0; }
};

// Reads everything under one snapshot. An error status means the check could
// not run (I/O), not that problems were found.
absl::StatusOr<CheckReport> CheckStore(const Transaction& txn, size_t max_problems = 100);

}  // namespace alliance::storage

#endif  // ALLIANCE_STORAGE_CHECKER_H_
