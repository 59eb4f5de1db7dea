// Converts between the public query types (alliance/query_result.h) and the
// query layer's own, which the public headers must not expose.
#ifndef ALLIANCE_ENGINE_QUERY_CONVERSION_H_
#define ALLIANCE_ENGINE_QUERY_CONVERSION_H_

#include "alliance/query_result.h"
#include "query/operators.h"
#include "query/query_result.h"

namespace alliance {

inline query::ExecutionLimits ToLimits(const QueryOptions& o) {
  query::ExecutionLimits l;
  l.max_rows = o.max_rows;
  l.timeout = o.timeout;
  l.max_var_length = o.max_var_length;
  l.cancelled = o.cancel;
  return l;
}

inline QueryResult ToPublic(query::QueryResult r) {
  QueryResult out;
  out.columns = std::move(r.columns);
  out.rows = std::move(r.rows);
  out.stats = QueryStats{r.stats.nodes_created,         r.stats.nodes_deleted,
                         r.stats.relationships_created, r.stats.relationships_deleted,
                         r.stats.labels_added,          r.stats.labels_removed,
                         r.stats.properties_set};
  out.plan = std::move(r.plan);
  out.notifications = std::move(r.notifications);
  return out;
}

}  // namespace alliance

#endif  // ALLIANCE_ENGINE_QUERY_CONVERSION_H_
