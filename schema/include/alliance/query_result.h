// The result of a Cypher statement run through Database::Execute or
// Transaction::Execute: named columns and rows of values, with the counts of
// changes made, the plan (EXPLAIN / PROFILE) and notes for the user. Part of
// the vocabulary every layer shares, like Value: the query layer fills it.
#ifndef ALLIANCE_QUERY_RESULT_H_
#define ALLIANCE_QUERY_RESULT_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "alliance/value.h"

namespace alliance {

struct QueryStats {
  int64_t nodes_created = 0;
  int64_t nodes_deleted = 0;
  int64_t relationships_created = 0;
  int64_t relationships_deleted = 0;
  int64_t labels_added = 0;
  int64_t labels_removed = 0;
  int64_t properties_set = 0;
};

struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
  QueryStats stats;
  std::string plan;  // operator tree for EXPLAIN, with rows and times for PROFILE
  std::vector<std::string> notifications;  // e.g. "no Organisation has name 'KAIS'; did you mean 'KAIST'?"
};

// Resource limits of one statement; exceeding one fails it with a clear error
// and leaves the graph as it was.
struct QueryOptions {
  int64_t max_rows = 10'000'000;           // rows materialised by sorts, aggregations, results
  std::chrono::milliseconds timeout{0};    // 0: none
  int64_t max_var_length = 50;             // hard cap on unbounded `*` expansions
  // Set to true from another thread to cancel the running statement.
  const std::atomic<bool>* cancel = nullptr;
  // Told how long steps inside the statement get on, for a progress bar: the step
  // ("snapshot": reading the graph for an analytics procedure), units done so far and
  // units expected (an estimate; 0 when unknown). Called from one thread at a time,
  // not always the caller's; it should return quickly.
  std::function<void(std::string_view step, uint64_t done, uint64_t expected)> progress;
};

}  // namespace alliance

#endif  // ALLIANCE_QUERY_RESULT_H_
