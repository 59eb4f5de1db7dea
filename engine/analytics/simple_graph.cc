#include "engine/analytics/simple_graph.h"

#include <vector>

namespace alliance::analytics {

bool IsSimple(const CsrGraph& g, const SimplifyOptions& options) {
  for (VertexIndex v = 0; v < g.vertex_count(); ++v) {
    const auto targets = g.out_neighbors(v);
    for (size_t i = 0; i < targets.size(); ++i) {
      if (i > 0 && targets[i] == targets[i - 1]) return false;
      if (options.drop_self_loops && targets[i] == v) return false;
    }
  }
  return true;
}

CsrGraph Simplify(const CsrGraph& g, const SimplifyOptions& options) {
  const VertexIndex n = g.vertex_count();
  std::vector<ArcIndex> offsets(static_cast<size_t>(n) + 1, 0);
  std::vector<VertexIndex> targets;
  std::vector<double> weights;
  targets.reserve(g.arc_count());
  if (options.keep_weights) weights.reserve(g.arc_count());
  for (VertexIndex v = 0; v < n; ++v) {
    const auto nbrs = g.out_neighbors(v);
    const ArcIndex first = g.first_arc(v);
    for (size_t i = 0; i < nbrs.size(); ++i) {
      if (options.drop_self_loops && nbrs[i] == v) continue;
      const double w = options.count_arcs ? 1.0 : g.arc_weight(first + i);
      if (i > 0 && nbrs[i] == nbrs[i - 1]) {
        if (options.keep_weights) weights.back() += w;
        continue;
      }
      targets.push_back(nbrs[i]);
      if (options.keep_weights) weights.push_back(w);
    }
    offsets[v + 1] = targets.size();
  }
  return CsrGraph::FromSortedArcs(std::move(offsets), std::move(targets), std::move(weights),
                                  g.directed());
}

const CsrGraph& SimpleView(const CsrGraph& g, const SimplifyOptions& options, CsrGraph* storage) {
  const bool weights_differ = options.keep_weights && options.count_arcs && g.weighted();
  if (!weights_differ && IsSimple(g, options)) return g;
  *storage = Simplify(g, options);
  return *storage;
}

}  // namespace alliance::analytics
