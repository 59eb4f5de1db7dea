// One-mode projection of a two-mode graph (organisations tied by shared consortia, or
// consortia by shared members), as networkx.bipartite.weighted_projected_graph.
#ifndef ALLIANCE_ENGINE_ANALYTICS_TWO_MODE_PROJECTION_H_
#define ALLIANCE_ENGINE_ANALYTICS_TWO_MODE_PROJECTION_H_

#include <cstdint>
#include <limits>
#include <vector>

#include "engine/analytics/csr_graph.h"

namespace alliance::analytics {

inline constexpr VertexIndex kNotProjected = std::numeric_limits<VertexIndex>::max();

struct TwoModeProjectionOptions {
  // Project the vertices is_top marks (else the others).
  bool project_top = true;
  // Keep only ties sharing at least this many neighbours (1, NetworkX's behaviour, keeps
  // every tie; 0 is read as 1).
  uint32_t min_shared = 1;
  // 0 = one per hardware thread. The result does not depend on it.
  unsigned threads = 1;
};

// The projected graph has only the projected side's vertices, renumbered 0..k-1 in
// original order, so analytics run on it see no isolated other-side vertices (they
// would skew average clustering or Louvain). Because the renumbering keeps the order,
// sorted neighbourhoods stay sorted.
struct TwoModeProjection {
  // Undirected and weighted: the weight of a-b is the number of distinct other-side
  // vertices both are tied to. Vertices sharing nothing stay, isolated, as in NetworkX.
  CsrGraph graph;
  // original_vertex[i] is the input vertex behind projected vertex i (ascending).
  std::vector<VertexIndex> original_vertex;
  // projected_vertex[v] is v's projected index, kNotProjected for the other side.
  std::vector<VertexIndex> projected_vertex;
};

// is_top as in two_mode_centrality.h (entries past its end count as bottom). Only edges
// between the two sides count; parallel edges count once (NetworkX works on neighbour
// sets). Cost: per projected vertex, the sum of its neighbours' degrees. A directed
// graph gives an empty projection.
TwoModeProjection ProjectTwoMode(const CsrGraph& g, const std::vector<bool>& is_top,
                                 const TwoModeProjectionOptions& options = {});

}  // namespace alliance::analytics

#endif  // ALLIANCE_ENGINE_ANALYTICS_TWO_MODE_PROJECTION_H_
