#include "engine/analytics/two_mode_projection.h"

#include <algorithm>
#include <numeric>

#include "engine/analytics/shared_neighbor_counter.h"
#include "engine/analytics/source_partition.h"

namespace alliance::analytics {

TwoModeProjection ProjectTwoMode(const CsrGraph& g, const std::vector<bool>& is_top,
                                 const TwoModeProjectionOptions& options) {
  TwoModeProjection result;
  if (g.directed()) return result;
  const VertexIndex n = g.vertex_count();
  auto on_side = [&](VertexIndex v) {
    return (v < is_top.size() && is_top[v]) == options.project_top;
  };
  result.projected_vertex.assign(n, kNotProjected);
  for (VertexIndex v = 0; v < n; ++v) {
    if (!on_side(v)) continue;
    result.projected_vertex[v] = static_cast<VertexIndex>(result.original_vertex.size());
    result.original_vertex.push_back(v);
  }
  const VertexIndex k = static_cast<VertexIndex>(result.original_vertex.size());
  const uint32_t min_shared = std::max<uint32_t>(options.min_shared, 1);

  const unsigned workers = ResolveWorkerCount(options.threads, k);
  std::vector<SharedNeighborCounter> counters;
  counters.reserve(workers);
  for (unsigned w = 0; w < workers; ++w) counters.emplace_back(g, is_top);

  // Two passes, counting then writing straight into the final arrays: walking twice is
  // cheaper than buffering per worker and copying, because the projection can be far
  // larger than the input (every pair of members of a big consortium is a tie).
  std::vector<ArcIndex> offsets(static_cast<size_t>(k) + 1, 0);
  ParallelFor(k, workers, [&](unsigned worker, size_t i) {
    SharedNeighborCounter& counter = counters[worker];
    const auto partners = counter.Count(result.original_vertex[i]);
    ArcIndex length = partners.size();
    if (min_shared > 1) {
      length = std::count_if(partners.begin(), partners.end(),
                             [&](VertexIndex v) { return counter.Shared(v) >= min_shared; });
    }
    offsets[i + 1] = length;
  });
  std::partial_sum(offsets.begin(), offsets.end(), offsets.begin());

  std::vector<VertexIndex> targets(offsets.back());
  std::vector<double> weights(offsets.back());
  std::vector<std::vector<VertexIndex>> sorted(workers);
  ParallelFor(k, workers, [&](unsigned worker, size_t i) {
    SharedNeighborCounter& counter = counters[worker];
    const auto partners = counter.Count(result.original_vertex[i]);
    std::vector<VertexIndex>& row = sorted[worker];
    row.assign(partners.begin(), partners.end());
    std::sort(row.begin(), row.end());
    ArcIndex arc = offsets[i];
    for (VertexIndex v : row) {
      const uint32_t shared = counter.Shared(v);
      if (shared < min_shared) continue;
      targets[arc] = result.projected_vertex[v];
      weights[arc] = shared;
      ++arc;
    }
  });
  result.graph = CsrGraph::FromSortedArcs(std::move(offsets), std::move(targets),
                                          std::move(weights), /*directed=*/false);
  return result;
}

}  // namespace alliance::analytics
