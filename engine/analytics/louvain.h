// Louvain community detection on an undirected, optionally weighted graph: local moves
// then aggregation into a smaller CsrGraph, level after level, as
// networkx.algorithms.community.louvain_communities does it.
#ifndef ALLIANCE_ENGINE_ANALYTICS_LOUVAIN_H_
#define ALLIANCE_ENGINE_ANALYTICS_LOUVAIN_H_

#include <cstdint>
#include <vector>

#include "engine/analytics/csr_graph.h"

namespace alliance::analytics {

struct LouvainOptions {
  // Above 1 favours smaller communities, below 1 larger ones (as in Modularity).
  double resolution = 1.0;
  // A level that raises modularity by no more than this ends the run (NetworkX default).
  double threshold = 1e-7;
  // Seeds the random order in which vertices are visited. The shuffle reproduces
  // Python's random.Random(seed).shuffle, so with the same vertex order NetworkX visits
  // vertices in the same order for the same seed, and the partitions agree (checked for
  // seeds 0..9 on the karate club and the Florentine families). They could differ only
  // where two moves gain exactly the same and NetworkX's neighbour order, which is
  // insertion order rather than sorted, picks the other one.
  uint64_t seed = 0;
  // Use stored edge weights (NetworkX weight="weight"); false weighs every edge 1.
  bool weighted = true;
};

struct LouvainResult {
  // Community of each vertex, numbered 0..community_count-1 in order of smallest member.
  std::vector<uint32_t> community;
  uint32_t community_count = 0;
  // Modularity(g, community) with the same resolution and weighting.
  double modularity = 0;
  // Partitions produced (what louvain_partitions would yield); 0 for an edgeless graph.
  uint32_t levels = 0;
};

// Parallel edges act as one edge of their summed weight and a self-loop adds its weight
// twice to its vertex's degree, as NetworkX treats a MultiGraph. With no edge weight at
// all every vertex stays alone and modularity is NaN (NetworkX raises ZeroDivisionError).
// A directed graph gives an empty result: only the undirected method is implemented.
LouvainResult Louvain(const CsrGraph& g, const LouvainOptions& options = {});

}  // namespace alliance::analytics

#endif  // ALLIANCE_ENGINE_ANALYTICS_LOUVAIN_H_
