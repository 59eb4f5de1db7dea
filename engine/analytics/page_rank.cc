#include "engine/analytics/page_rank.h"

#include <algorithm>
#include <cmath>
#include <span>
#include <utility>

#include "engine/analytics/source_partition.h"

namespace alliance::analytics {
namespace {

// Block size of a sweep: large enough to amortise scheduling, small enough that a few
// thousand vertices still spread over several threads.
constexpr VertexIndex kBlockSize = 1024;

}  // namespace

PageRankResult PageRank(const CsrGraph& graph, const PageRankOptions& options) {
  const VertexIndex n = graph.vertex_count();
  PageRankResult result;
  if (n == 0) {
    result.converged = true;
    return result;
  }
  const bool use_weights = options.weighted && graph.weighted();
  const double alpha = options.damping;
  const double uniform = 1.0 / n;
  const size_t block_count = (static_cast<size_t>(n) + kBlockSize - 1) / kBlockSize;
  const unsigned requested =
      options.threads == 0 && graph.arc_count() < kPageRankParallelArcs ? 1 : options.threads;
  const unsigned workers = ResolveWorkerCount(requested, block_count);

  // 0 marks a dangling vertex, as NetworkX's S == 0 after inverting the nonzero row sums.
  std::vector<double> inverse_strength(n);
  for (VertexIndex v = 0; v < n; ++v) {
    const double strength =
        use_weights ? graph.out_strength(v) : static_cast<double>(graph.out_degree(v));
    inverse_strength[v] = strength != 0 ? 1.0 / strength : 0.0;
  }

  // share[u] = rank[u] / strength[u]: what u sends along each unit of arc weight. The sweep
  // writes the next iteration's shares too, so each iteration needs only one parallel pass.
  std::vector<double> rank(n, uniform), next_rank(n);
  std::vector<double> share(n), next_share(n);
  double dangling_sum = 0;
  for (VertexIndex v = 0; v < n; ++v) {
    share[v] = rank[v] * inverse_strength[v];
    if (inverse_strength[v] == 0) dangling_sum += rank[v];
  }
  // Per-block partial sums, added in block order so the totals do not depend on threads.
  std::vector<double> block_change(block_count), block_dangling(block_count);

  while (result.iterations < options.max_iterations) {
    ++result.iterations;
    // NetworkX: x = alpha * (x @ A + sum(x[dangling]) * p) + (1 - alpha) * p, p uniform.
    const double teleport = alpha * (dangling_sum * uniform) + (1.0 - alpha) * uniform;
    ParallelFor(block_count, workers, [&](unsigned, size_t block) {
      const VertexIndex begin = static_cast<VertexIndex>(block * kBlockSize);
      const VertexIndex end = std::min<VertexIndex>(n, begin + kBlockSize);
      double change = 0, dangling = 0;
      for (VertexIndex v = begin; v < end; ++v) {
        const std::span<const VertexIndex> sources = graph.in_neighbors(v);
        const std::span<const double> weights =
            use_weights ? graph.in_weights(v) : std::span<const double>();
        double inflow = 0;
        for (size_t i = 0; i < sources.size(); ++i) {
          inflow += share[sources[i]] * (weights.empty() ? 1.0 : weights[i]);
        }
        const double value = alpha * inflow + teleport;
        next_rank[v] = value;
        next_share[v] = value * inverse_strength[v];
        if (inverse_strength[v] == 0) dangling += value;
        change += std::abs(value - rank[v]);
      }
      block_change[block] = change;
      block_dangling[block] = dangling;
    });
    double change = 0;
    dangling_sum = 0;
    for (size_t block = 0; block < block_count; ++block) {
      change += block_change[block];
      dangling_sum += block_dangling[block];
    }
    std::swap(rank, next_rank);
    std::swap(share, next_share);
    if (change < n * options.tolerance) {
      result.converged = true;
      break;
    }
  }
  result.scores = std::move(rank);
  return result;
}

}  // namespace alliance::analytics
