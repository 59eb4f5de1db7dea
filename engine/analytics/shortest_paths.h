// Shortest paths on a CsrGraph snapshot: distances from one source, and every
// shortest path between two vertices (BFS or Dijkstra from Boost.Graph underneath).
//
//   auto paths = AllShortestPaths(snapshot, from, to, {.max_paths = 100});
//   for (const std::vector<VertexIndex>& path : *paths) ...   // from ... to
#ifndef ALLIANCE_ENGINE_ANALYTICS_SHORTEST_PATHS_H_
#define ALLIANCE_ENGINE_ANALYTICS_SHORTEST_PATHS_H_

#include <cstddef>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/analytics/csr_graph.h"

namespace alliance::analytics {

struct ShortestPathOptions {
  // Sum arc weights (Dijkstra) when the snapshot is weighted; otherwise count hops
  // (BFS). Hops are always used on an unweighted snapshot.
  bool use_weights = true;
  // AllShortestPaths stops after this many paths; their number can grow
  // exponentially with the graph.
  size_t max_paths = 1000;
};

// Length of a shortest path from `source` to every vertex; +infinity where there is
// none. Paths follow arc directions on a directed snapshot. InvalidArgument if
// `source` is out of range or (weights in use) some arc weight is negative or NaN.
absl::StatusOr<std::vector<double>> ShortestPathDistances(const CsrGraph& g, VertexIndex source,
                                                          ShortestPathOptions options = {});

// Shortest paths from `source` to `target`, each listing its vertices from source to
// target, in lexicographic order, at most options.max_paths of them. Parallel edges
// do not multiply paths (a path is its vertex sequence). Empty when `target` is
// unreachable (NetworkX raises NetworkXNoPath instead); {{source}} when
// source == target. With zero-weight edges only simple paths are listed. Fails as
// ShortestPathDistances does, or if `target` is out of range.
absl::StatusOr<std::vector<std::vector<VertexIndex>>> AllShortestPaths(
    const CsrGraph& g, VertexIndex source, VertexIndex target, ShortestPathOptions options = {});

}  // namespace alliance::analytics

#endif  // ALLIANCE_ENGINE_ANALYTICS_SHORTEST_PATHS_H_
