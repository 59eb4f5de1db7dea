#include "engine/analytics/closeness_centrality.h"

#include "engine/analytics/source_partition.h"

namespace alliance::analytics {

std::vector<DistanceTotals> ComputeDistanceTotals(const CsrGraph& graph, ArcDirection direction,
                                                  bool use_weights, unsigned threads) {
  const VertexIndex n = graph.vertex_count();
  std::vector<DistanceTotals> totals(n);
  const unsigned workers = ResolveWorkerCount(threads, n);
  std::vector<ShortestPathSearch> searches;
  searches.reserve(workers);
  for (unsigned worker = 0; worker < workers; ++worker) {
    searches.emplace_back(graph, direction, use_weights);
  }
  // Each source writes only its own entry, so workers need no accumulators of their own.
  ParallelFor(n, workers, [&](unsigned worker, size_t index) {
    const VertexIndex source = static_cast<VertexIndex>(index);
    ShortestPathSearch& search = searches[worker];
    search.Run(source);
    DistanceTotals& entry = totals[source];
    entry.others_reached = search.settled().size() - 1;
    for (VertexIndex v : search.settled()) {
      const double distance = search.distance(v);
      entry.distance_sum += distance;
      if (distance != 0) entry.inverse_distance_sum += 1.0 / distance;
    }
  });
  return totals;
}

std::vector<double> ClosenessCentrality(const CsrGraph& graph, const ClosenessOptions& options) {
  const VertexIndex n = graph.vertex_count();
  const std::vector<DistanceTotals> totals =
      ComputeDistanceTotals(graph, ArcDirection::kIn, options.weighted, options.threads);
  std::vector<double> closeness(n, 0.0);
  if (n <= 1) return closeness;
  for (VertexIndex v = 0; v < n; ++v) {
    const DistanceTotals& entry = totals[v];
    if (!(entry.distance_sum > 0)) continue;
    const double reached = static_cast<double>(entry.others_reached);
    closeness[v] = reached / entry.distance_sum;
    if (options.wf_improved) closeness[v] *= reached / (n - 1.0);
  }
  return closeness;
}

std::vector<double> HarmonicCentrality(const CsrGraph& graph, const HarmonicOptions& options) {
  const std::vector<DistanceTotals> totals =
      ComputeDistanceTotals(graph, ArcDirection::kIn, options.weighted, options.threads);
  std::vector<double> harmonic;
  harmonic.reserve(totals.size());
  for (const DistanceTotals& entry : totals) harmonic.push_back(entry.inverse_distance_sum);
  return harmonic;
}

}  // namespace alliance::analytics
