// Articulation points and bridges of an undirected CsrGraph snapshot: the vertices
// and edges whose removal disconnects part of the graph (Boost.Graph underneath).
//
//   absl::StatusOr<BiconnectedStructure> cuts = FindBiconnectedStructure(snapshot);
#ifndef ALLIANCE_ENGINE_ANALYTICS_BICONNECTED_STRUCTURE_H_
#define ALLIANCE_ENGINE_ANALYTICS_BICONNECTED_STRUCTURE_H_

#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/analytics/csr_graph.h"

namespace alliance::analytics {

struct BiconnectedStructure {
  // Vertices whose removal increases the number of connected components; ascending.
  std::vector<VertexIndex> articulation_points;
  // Edges whose removal increases the number of connected components, as
  // (smaller end, larger end), ascending. An edge with a parallel twin is never a
  // bridge (the twin keeps its ends connected), nor is a self-loop.
  std::vector<std::pair<VertexIndex, VertexIndex>> bridges;
};

// InvalidArgument on a directed snapshot: both notions are defined for undirected
// graphs only (as in NetworkX, which refuses directed graphs too).
absl::StatusOr<BiconnectedStructure> FindBiconnectedStructure(const CsrGraph& g);

}  // namespace alliance::analytics

#endif  // ALLIANCE_ENGINE_ANALYTICS_BICONNECTED_STRUCTURE_H_
