// Closeness and harmonic centrality as NetworkX's closeness_centrality and
// harmonic_centrality, plus the per-vertex distance totals both (and two-mode closeness) use.
#ifndef ALLIANCE_ENGINE_ANALYTICS_CLOSENESS_CENTRALITY_H_
#define ALLIANCE_ENGINE_ANALYTICS_CLOSENESS_CENTRALITY_H_

#include <cstdint>
#include <vector>

#include "engine/analytics/csr_graph.h"
#include "engine/analytics/shortest_path_search.h"

namespace alliance::analytics {

// Shortest-path distances between one vertex and every vertex it can reach.
struct DistanceTotals {
  uint64_t others_reached = 0;  // not counting the vertex itself
  double distance_sum = 0;
  double inverse_distance_sum = 0;  // over nonzero distances only, as NetworkX's harmonic
};

// One search per vertex, split over `threads` (0 = one per hardware thread). kIn totals the
// distances *to* each vertex, which is what NetworkX's directed closeness and harmonic use.
std::vector<DistanceTotals> ComputeDistanceTotals(const CsrGraph& graph, ArcDirection direction,
                                                  bool use_weights, unsigned threads);

struct ClosenessOptions {
  // Wasserman-Faust scaling by the reached fraction (NetworkX's default), so vertices in
  // small components do not outrank well-connected ones.
  bool wf_improved = true;
  // Arc weights as (positive) lengths; ignored on an unweighted graph.
  bool weighted = false;
  unsigned threads = 1;  // 0 = one per hardware thread
};

// (r - 1) / sum of distances to v from the r vertices that reach it; 0 when nothing reaches v.
std::vector<double> ClosenessCentrality(const CsrGraph& graph,
                                        const ClosenessOptions& options = {});

struct HarmonicOptions {
  bool weighted = false;  // arc weights as lengths
  unsigned threads = 1;   // 0 = one per hardware thread
};

// Sum over other vertices u of 1 / d(u, v); unreachable vertices add nothing. Not normalised.
std::vector<double> HarmonicCentrality(const CsrGraph& graph, const HarmonicOptions& options = {});

}  // namespace alliance::analytics

#endif  // ALLIANCE_ENGINE_ANALYTICS_CLOSENESS_CENTRALITY_H_
