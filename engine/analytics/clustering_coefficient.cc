#include "engine/analytics/clustering_coefficient.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/analytics/simple_graph.h"
#include "engine/analytics/sorted_intersection.h"

namespace alliance::analytics {
namespace {

double Ratio(double twice_triangles, uint64_t degree) {
  if (twice_triangles == 0) return 0.0;
  return twice_triangles / (static_cast<double>(degree) * static_cast<double>(degree - 1));
}

// `g` has no loops and no parallel arcs.
std::vector<double> Unweighted(const CsrGraph& g) {
  std::vector<double> result(g.vertex_count(), 0.0);
  for (VertexIndex v = 0; v < g.vertex_count(); ++v) {
    const auto nv = g.out_neighbors(v);
    uint64_t twice_triangles = 0;  // each triangle at v is seen from both of its other corners
    for (VertexIndex w : nv) twice_triangles += CountCommon(nv, g.out_neighbors(w));
    result[v] = Ratio(static_cast<double>(twice_triangles), nv.size());
  }
  return result;
}

// `g` has no parallel arcs but keeps its loops, whose weights count towards the maximum.
std::vector<double> Weighted(const CsrGraph& g) {
  const VertexIndex n = g.vertex_count();
  double max_weight = 1.0;
  if (g.arc_count() > 0) {
    max_weight = -std::numeric_limits<double>::infinity();
    for (ArcIndex a = 0; a < g.arc_count(); ++a) max_weight = std::max(max_weight, g.arc_weight(a));
  }
  std::vector<double> result(n, 0.0);
  for (VertexIndex i = 0; i < n; ++i) {
    const auto ni = g.out_neighbors(i);
    const ArcIndex ai = g.first_arc(i);
    uint64_t degree = 0;
    double twice_triangles = 0;  // summed over ordered neighbour pairs (j, k)
    for (size_t x = 0; x < ni.size(); ++x) {
      const VertexIndex j = ni[x];
      if (j == i) continue;
      ++degree;
      const double wij = g.arc_weight(ai + x) / max_weight;
      const auto nj = g.out_neighbors(j);
      const ArcIndex aj = g.first_arc(j);
      ForEachCommon(ni, nj, [&](size_t pos_i, size_t pos_j) {
        const VertexIndex k = ni[pos_i];
        if (k == i || k == j) return;  // loops at i or j are not triangle sides
        const double wjk = g.arc_weight(aj + pos_j) / max_weight;
        const double wki = g.arc_weight(ai + pos_i) / max_weight;
        twice_triangles += std::cbrt(wij * wjk * wki);
      });
    }
    result[i] = Ratio(twice_triangles, degree);
  }
  return result;
}

}  // namespace

std::vector<double> LocalClustering(const CsrGraph& g, const ClusteringOptions& options) {
  if (g.directed()) return {};
  CsrGraph storage;
  if (!options.weighted) {
    return Unweighted(SimpleView(g, {.drop_self_loops = true, .keep_weights = false}, &storage));
  }
  return Weighted(SimpleView(g, {.drop_self_loops = false, .keep_weights = true}, &storage));
}

double AverageClustering(std::span<const double> local, bool count_zeros) {
  double sum = 0;
  size_t count = 0;
  for (double c : local) {
    if (!count_zeros && !(std::abs(c) > 0)) continue;
    sum += c;
    ++count;
  }
  return count == 0 ? std::numeric_limits<double>::quiet_NaN() : sum / static_cast<double>(count);
}

double AverageClustering(const CsrGraph& g, const ClusteringOptions& options) {
  if (g.directed()) return std::numeric_limits<double>::quiet_NaN();
  return AverageClustering(LocalClustering(g, options), options.count_zeros);
}

}  // namespace alliance::analytics
