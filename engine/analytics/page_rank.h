// PageRank by power iteration, step for step as NetworkX 2.8's pagerank (its scipy
// implementation), with multi-threaded pull sweeps.
#ifndef ALLIANCE_ENGINE_ANALYTICS_PAGE_RANK_H_
#define ALLIANCE_ENGINE_ANALYTICS_PAGE_RANK_H_

#include <cstdint>
#include <vector>

#include "engine/analytics/csr_graph.h"

namespace alliance::analytics {

struct PageRankOptions {
  double damping = 0.85;  // NetworkX's alpha
  // Stop once the L1 change of an iteration is below vertex_count * tolerance.
  double tolerance = 1e-6;
  uint32_t max_iterations = 100;
  // Follow arcs in proportion to weight / out-strength. On by default because NetworkX's
  // pagerank reads the "weight" attribute by default; an unweighted graph counts each arc as 1.
  bool weighted = true;
  // Vertices are swept in fixed blocks spread over this many std::threads (0 = one per
  // hardware thread once the graph has kPageRankParallelArcs arcs, one below: each sweep
  // starts its threads); the block sums make results bit-identical for any thread count.
  unsigned threads = 1;
};

// Below this many arcs a sweep takes less time than starting threads for it. Two-mode
// graphs from analytics_bench, one thread vs two: 100k arcs 1.90 vs 2.75 ms; 300k arcs
// 10.9 vs 5.95 ms; 1M arcs 27.2 vs 15.4 ms (bench/RESULTS.md).
inline constexpr uint64_t kPageRankParallelArcs = 200'000;

struct PageRankResult {
  // Indexed by VertexIndex; sums to 1 up to rounding. The last iterate when not converged.
  std::vector<double> scores;
  uint32_t iterations = 0;
  // False where NetworkX raises PowerIterationFailedConvergence. The null graph converges
  // trivially to no scores, as NetworkX returns {}.
  bool converged = false;
};

// An undirected graph walks each edge both ways. Parallel arcs add their weights, and vertices
// with zero out-strength (dangling) spread their score uniformly, as NetworkX's default.
PageRankResult PageRank(const CsrGraph& graph, const PageRankOptions& options = {});

}  // namespace alliance::analytics

#endif  // ALLIANCE_ENGINE_ANALYTICS_PAGE_RANK_H_
