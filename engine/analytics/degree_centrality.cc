#include "engine/analytics/degree_centrality.h"

#include <algorithm>
#include <span>

namespace alliance::analytics {
namespace {

double SumArcs(std::span<const VertexIndex> neighbors, std::span<const double> weights,
               bool weighted) {
  if (!weighted || weights.empty()) return static_cast<double>(neighbors.size());
  double sum = 0;
  for (double weight : weights) sum += weight;
  return sum;
}

}  // namespace

std::vector<double> VertexDegrees(const CsrGraph& graph, DegreeKind kind, bool weighted) {
  const VertexIndex n = graph.vertex_count();
  std::vector<double> degrees(n, 0.0);
  const bool count_out = !graph.directed() || kind != DegreeKind::kIn;
  const bool count_in = graph.directed() && kind != DegreeKind::kOut;
  for (VertexIndex v = 0; v < n; ++v) {
    if (count_out) degrees[v] += SumArcs(graph.out_neighbors(v), graph.out_weights(v), weighted);
    if (count_in) degrees[v] += SumArcs(graph.in_neighbors(v), graph.in_weights(v), weighted);
    if (graph.directed()) continue;
    // An undirected self-loop is stored as one arc but touches v with both ends.
    const auto neighbors = graph.out_neighbors(v);
    const auto weights = graph.out_weights(v);
    const auto [loops_begin, loops_end] = std::equal_range(neighbors.begin(), neighbors.end(), v);
    const size_t first = loops_begin - neighbors.begin(), last = loops_end - neighbors.begin();
    degrees[v] +=
        SumArcs(neighbors.subspan(first, last - first),
                weights.empty() ? weights : weights.subspan(first, last - first), weighted);
  }
  return degrees;
}

std::vector<double> DegreeCentrality(const CsrGraph& graph,
                                     const DegreeCentralityOptions& options) {
  const VertexIndex n = graph.vertex_count();
  if (n <= 1) return std::vector<double>(n, 1.0);
  std::vector<double> centrality = VertexDegrees(graph, options.kind, options.weighted);
  const double scale = 1.0 / (n - 1.0);
  for (double& value : centrality) value *= scale;
  return centrality;
}

}  // namespace alliance::analytics
