#include "engine/analytics/shortest_paths.h"

#include <exception>
#include <limits>
#include <string>
#include <vector>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>

#include "absl/status/status.h"
#include "engine/analytics/csr_graph_bgl.h"
#include "schema/status_macros.h"

namespace alliance::analytics {
namespace {

constexpr double kUnreachable = std::numeric_limits<double>::infinity();
// No vertex has this index: vertex_count() itself is at most this.
constexpr VertexIndex kNoStep = std::numeric_limits<VertexIndex>::max();

bool UsesWeights(const CsrGraph& g, const ShortestPathOptions& options) {
  return options.use_weights && g.weighted();
}

absl::Status CheckVertex(const CsrGraph& g, VertexIndex v, const char* role) {
  if (v < g.vertex_count()) return absl::OkStatus();
  return absl::InvalidArgumentError(std::string(role) + " vertex " + std::to_string(v) +
                                    " is out of range; the graph has " +
                                    std::to_string(g.vertex_count()) + " vertices");
}

// Checked up front rather than left to BGL, which throws negative_edge only for arcs
// it happens to examine and lets NaN through silently.
absl::Status CheckWeights(const CsrGraph& g) {
  for (VertexIndex u = 0; u < g.vertex_count(); ++u) {
    const auto weights = g.out_weights(u);
    for (size_t i = 0; i < weights.size(); ++i) {
      if (weights[i] >= 0) continue;
      return absl::InvalidArgumentError("arc " + std::to_string(u) + " -> " +
                                        std::to_string(g.out_neighbors(u)[i]) + " has weight " +
                                        std::to_string(weights[i]) +
                                        "; shortest paths need non-negative weights");
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<double>> ShortestPathDistances(const CsrGraph& g, VertexIndex source,
                                                          ShortestPathOptions options) {
  RETURN_IF_ERROR(CheckVertex(g, source, "source"));
  // Out-arcs are the whole neighbourhood of an undirected snapshot, so the directed
  // view serves both kinds and needs no edge numbering.
  const BglView view(g);
  std::vector<double> dist(g.vertex_count(), kUnreachable);
  if (!UsesWeights(g, options)) {
    dist[source] = 0;
    boost::breadth_first_search(view, source,
                                boost::visitor(boost::make_bfs_visitor(
                                    boost::record_distances(dist.data(), boost::on_tree_edge()))));
    return dist;
  }
  RETURN_IF_ERROR(CheckWeights(g));
  try {
    boost::dijkstra_shortest_paths(view, source,
                                   boost::weight_map(get(boost::edge_weight, view))
                                       .distance_map(dist.data())
                                       .distance_inf(kUnreachable));
  } catch (const std::exception& e) {
    return absl::InternalError(std::string("Dijkstra failed: ") + e.what());
  }
  return dist;
}

absl::StatusOr<std::vector<std::vector<VertexIndex>>> AllShortestPaths(
    const CsrGraph& g, VertexIndex source, VertexIndex target, ShortestPathOptions options) {
  RETURN_IF_ERROR(CheckVertex(g, target, "target"));
  ASSIGN_OR_RETURN(const std::vector<double> dist, ShortestPathDistances(g, source, options));
  std::vector<std::vector<VertexIndex>> paths;
  if (dist[target] == kUnreachable || options.max_paths == 0) return paths;
  if (source == target) return std::vector<std::vector<VertexIndex>>{{source}};

  // An arc u -> v is on a shortest path from the source iff it is tight. Exact
  // equality (as NetworkX compares) holds at least along the path Dijkstra found,
  // because it computed dist[v] as this very sum.
  const bool weighted = UsesWeights(g, options);
  auto tight = [&](VertexIndex u, VertexIndex v, double w) { return dist[u] + w == dist[v]; };

  // Vertices with a tight path on to the target: the forward walk below enters only
  // these, so (weights > 0) every branch it takes ends in a path.
  const VertexIndex n = g.vertex_count();
  std::vector<char> reaches_target(n, 0);
  reaches_target[target] = 1;
  std::vector<VertexIndex> pending = {target};
  while (!pending.empty()) {
    const VertexIndex v = pending.back();
    pending.pop_back();
    const auto preds = g.in_neighbors(v);
    const auto weights = g.in_weights(v);
    for (size_t i = 0; i < preds.size(); ++i) {
      const VertexIndex u = preds[i];
      if (reaches_target[u] || !tight(u, v, weighted ? weights[i] : 1.0)) continue;
      reaches_target[u] = 1;
      pending.push_back(u);
    }
  }

  // Depth-first from the source over tight arcs, neighbours in increasing order,
  // yields the paths in lexicographic order. Parallel arcs are one step. The
  // on_path check only matters for zero-weight cycles.
  struct Frame {
    VertexIndex v;
    size_t next_arc;
  };
  std::vector<Frame> stack = {{source, 0}};
  std::vector<char> on_path(n, 0);
  on_path[source] = 1;
  while (!stack.empty() && paths.size() < options.max_paths) {
    const VertexIndex u = stack.back().v;
    size_t& next = stack.back().next_arc;
    const auto nbrs = g.out_neighbors(u);
    const auto weights = g.out_weights(u);
    VertexIndex step = kNoStep;
    while (next < nbrs.size() && step == kNoStep) {
      const VertexIndex v = nbrs[next];
      bool any_tight = false;
      for (; next < nbrs.size() && nbrs[next] == v; ++next) {
        any_tight = any_tight || tight(u, v, weighted ? weights[next] : 1.0);
      }
      if (any_tight && reaches_target[v] && !on_path[v]) step = v;
    }
    if (step == kNoStep) {
      on_path[u] = 0;
      stack.pop_back();
    } else if (step == target) {
      std::vector<VertexIndex>& path = paths.emplace_back();
      path.reserve(stack.size() + 1);
      for (const Frame& f : stack) path.push_back(f.v);
      path.push_back(target);
    } else {
      on_path[step] = 1;
      stack.push_back({step, 0});
    }
  }
  return paths;
}

}  // namespace alliance::analytics
