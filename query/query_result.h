// QueryResult: what running one statement gives: named columns, rows of
// values, counts of the changes made, the plan for EXPLAIN/PROFILE, and notes
// for the user (such as "did you mean" for a key that matched nothing).
#ifndef ALLIANCE_QUERY_QUERY_RESULT_H_
#define ALLIANCE_QUERY_QUERY_RESULT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "alliance/value.h"

namespace alliance::query {

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
  std::string plan;  // EXPLAIN / PROFILE text; empty otherwise
  std::vector<std::string> notifications;
};

}  // namespace alliance::query

#endif  // ALLIANCE_QUERY_QUERY_RESULT_H_
