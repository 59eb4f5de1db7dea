// Newman–Girvan modularity of a vertex partition, with the value
// networkx.algorithms.community.modularity gives (weights, resolution, directed graphs).
#ifndef ALLIANCE_ENGINE_ANALYTICS_MODULARITY_H_
#define ALLIANCE_ENGINE_ANALYTICS_MODULARITY_H_

#include <cstdint>
#include <span>

#include "engine/analytics/csr_graph.h"

namespace alliance::analytics {

struct ModularityOptions {
  // Above 1 favours smaller communities, below 1 larger ones.
  double resolution = 1.0;
  // Use stored edge weights (NetworkX weight="weight"); false weighs every edge 1.
  bool weighted = true;
};

// community[v] is the community of vertex v; ids must be below vertex_count() but need
// not be contiguous. Undirected:
//   Q = sum over communities c of  L_c / m - resolution * (K_c / 2m)^2
// with L_c the weight of the edges inside c, K_c the summed degrees of c (a self-loop
// adds its weight twice to its vertex's degree, once to L_c) and m the total edge weight.
// Directed: L_c / m - resolution * out_c * in_c / m^2. Parallel edges each count, as in a
// NetworkX MultiGraph. NaN when the partition does not fit the graph (wrong length, id
// out of range) or the total weight is 0 (NetworkX raises in both cases).
double Modularity(const CsrGraph& g, std::span<const uint32_t> community,
                  const ModularityOptions& options = {});

}  // namespace alliance::analytics

#endif  // ALLIANCE_ENGINE_ANALYTICS_MODULARITY_H_
