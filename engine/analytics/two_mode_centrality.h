// Two-mode (bipartite) degree, betweenness and closeness centrality, normalised per side as
// NetworkX's networkx.algorithms.bipartite.centrality (Borgatti & Everett 1997).
#ifndef ALLIANCE_ENGINE_ANALYTICS_TWO_MODE_CENTRALITY_H_
#define ALLIANCE_ENGINE_ANALYTICS_TWO_MODE_CENTRALITY_H_

#include <span>
#include <vector>

#include "engine/analytics/csr_graph.h"

namespace alliance::analytics {

// The graph is the undirected two-mode graph; is_top[v] marks the side NetworkX receives as
// `nodes`. Entries past the end of is_top count as bottom. Where NetworkX divides by zero (an
// empty side, or a side whose maximum betweenness is 0) those scores are 0.

std::vector<bool> MarkTopVertices(VertexIndex vertex_count, std::span<const VertexIndex> top);

// Degree over the size of the opposite side.
std::vector<double> TwoModeDegreeCentrality(const CsrGraph& graph, const std::vector<bool>& is_top);

// Unnormalised betweenness over the largest betweenness a vertex on its side can reach in a
// two-mode graph with these side sizes. `threads` as in BetweennessOptions.
std::vector<double> TwoModeBetweennessCentrality(const CsrGraph& graph,
                                                 const std::vector<bool>& is_top,
                                                 unsigned threads = 1);

struct TwoModeClosenessOptions {
  // Scale by the fraction of the graph reached, as NetworkX's `normalized`.
  bool normalized = true;
  unsigned threads = 1;  // 0 = one per hardware thread
};

// (other side + 2 * (own side - 1)), the least total distance possible, over the total
// hop distance from v.
std::vector<double> TwoModeClosenessCentrality(const CsrGraph& graph,
                                               const std::vector<bool>& is_top,
                                               const TwoModeClosenessOptions& options = {});

}  // namespace alliance::analytics

#endif  // ALLIANCE_ENGINE_ANALYTICS_TWO_MODE_CENTRALITY_H_
