#include "engine/analytics/two_mode_centrality.h"

#include <cstdint>

#include "engine/analytics/betweenness_centrality.h"
#include "engine/analytics/closeness_centrality.h"
#include "engine/analytics/degree_centrality.h"

namespace alliance::analytics {
namespace {

bool IsTop(const std::vector<bool>& is_top, VertexIndex v) {
  return v < is_top.size() && is_top[v];
}

struct SideSizes {
  int64_t top = 0;
  int64_t bottom = 0;

  int64_t own(bool top_side) const { return top_side ? top : bottom; }
  int64_t other(bool top_side) const { return top_side ? bottom : top; }
};

SideSizes CountSides(VertexIndex vertex_count, const std::vector<bool>& is_top) {
  SideSizes sizes;
  for (VertexIndex v = 0; v < vertex_count; ++v) ++(IsTop(is_top, v) ? sizes.top : sizes.bottom);
  return sizes;
}

// Borgatti & Everett's maximum betweenness of a vertex on a side of `own` vertices facing
// `other` ones (NetworkX's bet_max_top with n = own, m = other; bet_max_bot swaps them).
double MaxTwoModeBetweenness(int64_t own, int64_t other) {
  const int64_t s = (own - 1) / other, t = (own - 1) % other;
  const double m = static_cast<double>(other);
  return (m * m * (s + 1.0) * (s + 1.0) + m * (s + 1.0) * (2.0 * t - s - 1.0) -
          t * (2.0 * s - t + 3.0)) /
         2.0;
}

// value / divisor, or 0 where NetworkX would raise ZeroDivisionError.
double DivideOrZero(double value, double divisor) { return divisor != 0 ? value / divisor : 0.0; }

}  // namespace

std::vector<bool> MarkTopVertices(VertexIndex vertex_count, std::span<const VertexIndex> top) {
  std::vector<bool> is_top(vertex_count, false);
  for (VertexIndex v : top) {
    if (v < vertex_count) is_top[v] = true;
  }
  return is_top;
}

std::vector<double> TwoModeDegreeCentrality(const CsrGraph& graph,
                                            const std::vector<bool>& is_top) {
  const SideSizes sizes = CountSides(graph.vertex_count(), is_top);
  std::vector<double> centrality = VertexDegrees(graph, DegreeKind::kTotal, /*weighted=*/false);
  for (VertexIndex v = 0; v < graph.vertex_count(); ++v) {
    centrality[v] = DivideOrZero(centrality[v], static_cast<double>(sizes.other(IsTop(is_top, v))));
  }
  return centrality;
}

std::vector<double> TwoModeBetweennessCentrality(const CsrGraph& graph,
                                                 const std::vector<bool>& is_top,
                                                 unsigned threads) {
  const SideSizes sizes = CountSides(graph.vertex_count(), is_top);
  std::vector<double> betweenness =
      BetweennessCentrality(graph, {.normalized = false, .threads = threads});
  // A side facing an empty side has no maximum (NetworkX's divmod by zero).
  const double max_top =
      sizes.top > 0 && sizes.bottom > 0 ? MaxTwoModeBetweenness(sizes.top, sizes.bottom) : 0.0;
  const double max_bottom =
      sizes.top > 0 && sizes.bottom > 0 ? MaxTwoModeBetweenness(sizes.bottom, sizes.top) : 0.0;
  for (VertexIndex v = 0; v < graph.vertex_count(); ++v) {
    betweenness[v] = DivideOrZero(betweenness[v], IsTop(is_top, v) ? max_top : max_bottom);
  }
  return betweenness;
}

std::vector<double> TwoModeClosenessCentrality(const CsrGraph& graph,
                                               const std::vector<bool>& is_top,
                                               const TwoModeClosenessOptions& options) {
  const VertexIndex n = graph.vertex_count();
  const SideSizes sizes = CountSides(n, is_top);
  // NetworkX's bipartite closeness walks out-arcs and never uses weights.
  const std::vector<DistanceTotals> totals =
      ComputeDistanceTotals(graph, ArcDirection::kOut, /*use_weights=*/false, options.threads);
  std::vector<double> closeness(n, 0.0);
  if (n <= 1) return closeness;
  for (VertexIndex v = 0; v < n; ++v) {
    const DistanceTotals& entry = totals[v];
    if (!(entry.distance_sum > 0)) continue;
    const bool top_side = IsTop(is_top, v);
    const double least_total =
        static_cast<double>(sizes.other(top_side) + 2 * (sizes.own(top_side) - 1));
    closeness[v] = least_total / entry.distance_sum;
    if (options.normalized) closeness[v] *= static_cast<double>(entry.others_reached) / (n - 1.0);
  }
  return closeness;
}

}  // namespace alliance::analytics
