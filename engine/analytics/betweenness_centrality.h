// Shortest-path betweenness centrality (Brandes), matching NetworkX's betweenness_centrality
// including its normalisation, endpoints and k-sample rescaling.
#ifndef ALLIANCE_ENGINE_ANALYTICS_BETWEENNESS_CENTRALITY_H_
#define ALLIANCE_ENGINE_ANALYTICS_BETWEENNESS_CENTRALITY_H_

#include <optional>
#include <vector>

#include "engine/analytics/csr_graph.h"

namespace alliance::analytics {

struct BetweennessOptions {
  // NetworkX: 1/((n-1)(n-2)), or 1/(n(n-1)) with endpoints; nothing when n is too small.
  // Unnormalised undirected scores are halved, since each path is found from both ends.
  bool normalized = true;
  // Count the path's end vertices as passing through it.
  bool endpoints = false;
  // Dijkstra with arc weights as (positive) lengths; ignored on an unweighted graph.
  bool weighted = false;
  // Pivot sources in place of all vertices; scores are then scaled by n/k like NetworkX's
  // `k` sample (only where NetworkX scales at all). Each source must be < vertex_count.
  std::optional<std::vector<VertexIndex>> sources;
  // Sources are split over this many std::threads; 0 = one per hardware thread. A fixed
  // count gives bit-identical results; different counts differ only in float rounding.
  unsigned threads = 1;
};

// Indexed by VertexIndex. Parallel edges count as one shortest-path step (the lightest one when
// weighted) and self-loops are ignored, as in NetworkX's MultiGraph/MultiDiGraph.
std::vector<double> BetweennessCentrality(const CsrGraph& graph,
                                          const BetweennessOptions& options = {});

}  // namespace alliance::analytics

#endif  // ALLIANCE_ENGINE_ANALYTICS_BETWEENNESS_CENTRALITY_H_
