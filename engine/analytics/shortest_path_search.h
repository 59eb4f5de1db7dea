// Single-source shortest-path search (BFS hop counts, or Dijkstra with arc weights as lengths)
// shared by betweenness, closeness and harmonic centrality, with NetworkX's multigraph rules.
#ifndef ALLIANCE_ENGINE_ANALYTICS_SHORTEST_PATH_SEARCH_H_
#define ALLIANCE_ENGINE_ANALYTICS_SHORTEST_PATH_SEARCH_H_

#include <cstdint>
#include <limits>
#include <span>
#include <utility>
#include <vector>

#include "engine/analytics/csr_graph.h"

namespace alliance::analytics {

// kIn walks arcs backwards: NetworkX measures directed closeness on the reversed graph.
enum class ArcDirection { kOut, kIn };

inline ArcDirection Reversed(ArcDirection direction) {
  return direction == ArcDirection::kOut ? ArcDirection::kIn : ArcDirection::kOut;
}

// Calls visit(neighbor, length) once per distinct neighbour of v along `direction`. Parallel
// arcs collapse to their shortest one: NetworkX's BFS sees each multigraph neighbour once and
// its Dijkstra weight function takes the minimum over parallel edges, so counting each arc
// would inflate shortest-path counts. Lengths are 1 unless `use_weights`.
template <typename Visit>
void ForEachNeighbor(const CsrGraph& graph, VertexIndex v, ArcDirection direction, bool use_weights,
                     const Visit& visit) {
  const bool out = direction == ArcDirection::kOut;
  const std::span<const VertexIndex> neighbors =
      out ? graph.out_neighbors(v) : graph.in_neighbors(v);
  const std::span<const double> weights =
      use_weights ? (out ? graph.out_weights(v) : graph.in_weights(v)) : std::span<const double>();
  for (size_t i = 0; i < neighbors.size();) {
    const VertexIndex neighbor = neighbors[i];
    double length = weights.empty() ? 1.0 : weights[i];
    // Arcs are sorted by endpoint, so parallel arcs are adjacent.
    for (++i; i < neighbors.size() && neighbors[i] == neighbor; ++i) {
      if (!weights.empty() && weights[i] < length) length = weights[i];
    }
    visit(neighbor, length);
  }
}

// Reusable per-thread search state: Run() only resets what the previous run touched, so
// thousands of searches on a large graph with few reachable vertices stay cheap.
// Weighted lengths must be positive, as NetworkX requires.
class ShortestPathSearch {
 public:
  static constexpr uint32_t kUnreached = std::numeric_limits<uint32_t>::max();

  // Dijkstra when `use_weights` and the graph carries weights, BFS otherwise (the two agree
  // on unit lengths, and BFS is cheaper).
  ShortestPathSearch(const CsrGraph& graph, ArcDirection direction, bool use_weights);
  // The search keeps a reference to the graph, so it must not be a temporary.
  ShortestPathSearch(const CsrGraph&& graph, ArcDirection direction, bool use_weights) = delete;

  void Run(VertexIndex source);

  // Reached vertices in the order they were settled (non-decreasing distance), source first.
  std::span<const VertexIndex> settled() const { return settled_; }
  // +infinity when the last run did not reach v.
  double distance(VertexIndex v) const { return distance_[v]; }
  // Position of v in settled(), kUnreached when not reached.
  uint32_t settle_rank(VertexIndex v) const { return settle_rank_[v]; }

  const CsrGraph& graph() const { return graph_; }
  ArcDirection direction() const { return direction_; }
  bool uses_weights() const { return use_weights_; }

 private:
  void Settle(VertexIndex v);
  void RunBreadthFirst(VertexIndex source);
  void RunDijkstra(VertexIndex source);

  const CsrGraph& graph_;
  ArcDirection direction_;
  bool use_weights_;
  std::vector<double> distance_;
  std::vector<uint32_t> settle_rank_;
  std::vector<VertexIndex> settled_;
  std::vector<std::pair<double, VertexIndex>> frontier_;  // Dijkstra's min-heap
};

}  // namespace alliance::analytics

#endif  // ALLIANCE_ENGINE_ANALYTICS_SHORTEST_PATH_SEARCH_H_
