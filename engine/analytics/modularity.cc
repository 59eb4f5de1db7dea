#include "engine/analytics/modularity.h"

#include <limits>
#include <vector>

namespace alliance::analytics {

double Modularity(const CsrGraph& g, std::span<const uint32_t> community,
                  const ModularityOptions& options) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  const VertexIndex n = g.vertex_count();
  if (community.size() != n) return kNaN;
  for (uint32_t c : community) {
    if (c >= n) return kNaN;
  }
  // Per community: weight inside, and the out- and in-degree sums (equal when undirected).
  std::vector<double> inside(n, 0.0), out_sum(n, 0.0), in_sum(n, 0.0);
  double total = 0;  // sum of arc weights; a loop arc is counted again below when undirected
  for (VertexIndex u = 0; u < n; ++u) {
    const auto targets = g.out_neighbors(u);
    const ArcIndex first = g.first_arc(u);
    for (size_t i = 0; i < targets.size(); ++i) {
      const VertexIndex v = targets[i];
      const double w = options.weighted ? g.arc_weight(first + i) : 1.0;
      const bool loop = u == v;
      // An undirected loop is one arc but two edge ends.
      const double ends = !g.directed() && loop ? 2 * w : w;
      total += ends;
      out_sum[community[u]] += ends;
      in_sum[community[v]] += ends;
      // An undirected edge appears as two arcs; count it once.
      if (community[u] == community[v] && (g.directed() || u <= v)) inside[community[u]] += w;
    }
  }
  if (total == 0) return kNaN;
  // Undirected: total is the degree sum 2m; directed: total is m.
  const double m = g.directed() ? total : total / 2;
  const double norm = 1 / (total * total);
  double q = 0;
  for (VertexIndex c = 0; c < n; ++c) {
    const double degree_term = g.directed() ? out_sum[c] * in_sum[c] : out_sum[c] * out_sum[c];
    q += inside[c] / m - options.resolution * degree_term * norm;
  }
  return q;
}

}  // namespace alliance::analytics
