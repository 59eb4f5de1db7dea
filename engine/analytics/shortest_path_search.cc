#include "engine/analytics/shortest_path_search.h"

#include <algorithm>
#include <functional>

namespace alliance::analytics {

ShortestPathSearch::ShortestPathSearch(const CsrGraph& graph, ArcDirection direction,
                                       bool use_weights)
    : graph_(graph),
      direction_(direction),
      use_weights_(use_weights && graph.weighted()),
      distance_(graph.vertex_count(), std::numeric_limits<double>::infinity()),
      settle_rank_(graph.vertex_count(), kUnreached) {}

void ShortestPathSearch::Run(VertexIndex source) {
  for (VertexIndex v : settled_) {
    distance_[v] = std::numeric_limits<double>::infinity();
    settle_rank_[v] = kUnreached;
  }
  settled_.clear();
  if (use_weights_) {
    RunDijkstra(source);
  } else {
    RunBreadthFirst(source);
  }
}

void ShortestPathSearch::Settle(VertexIndex v) {
  settle_rank_[v] = static_cast<uint32_t>(settled_.size());
  settled_.push_back(v);
}

void ShortestPathSearch::RunBreadthFirst(VertexIndex source) {
  distance_[source] = 0;
  Settle(source);
  // settled_ doubles as the FIFO queue: BFS discovers vertices in distance order.
  for (size_t head = 0; head < settled_.size(); ++head) {
    const VertexIndex v = settled_[head];
    const double next_distance = distance_[v] + 1;
    const auto neighbors =
        direction_ == ArcDirection::kOut ? graph_.out_neighbors(v) : graph_.in_neighbors(v);
    for (VertexIndex w : neighbors) {
      if (settle_rank_[w] != kUnreached) continue;
      distance_[w] = next_distance;
      Settle(w);
    }
  }
}

void ShortestPathSearch::RunDijkstra(VertexIndex source) {
  const bool out = direction_ == ArcDirection::kOut;
  const auto later = std::greater<std::pair<double, VertexIndex>>();
  frontier_.clear();
  distance_[source] = 0;
  frontier_.emplace_back(0.0, source);
  while (!frontier_.empty()) {
    std::pop_heap(frontier_.begin(), frontier_.end(), later);
    const auto [distance, v] = frontier_.back();
    frontier_.pop_back();
    // Lazy deletion: a vertex is pushed again whenever its tentative distance drops.
    if (settle_rank_[v] != kUnreached || distance > distance_[v]) continue;
    Settle(v);
    const auto neighbors = out ? graph_.out_neighbors(v) : graph_.in_neighbors(v);
    const auto weights = out ? graph_.out_weights(v) : graph_.in_weights(v);
    for (size_t i = 0; i < neighbors.size(); ++i) {
      const VertexIndex w = neighbors[i];
      // Same expression as the predecessor test in the Brandes pass, so ties compare exactly.
      const double candidate = distance + weights[i];
      if (settle_rank_[w] != kUnreached || !(candidate < distance_[w])) continue;
      distance_[w] = candidate;
      frontier_.emplace_back(candidate, w);
      std::push_heap(frontier_.begin(), frontier_.end(), later);
    }
  }
}

}  // namespace alliance::analytics
