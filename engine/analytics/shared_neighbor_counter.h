// The two-hop walk behind the one-mode projection and overlap similarity: for a vertex u
// of a two-mode graph, how many distinct other-side neighbours it shares with each vertex
// of its own side, tallied in a dense counter array (no hashing, no n x n matrix).
#ifndef ALLIANCE_ENGINE_ANALYTICS_SHARED_NEIGHBOR_COUNTER_H_
#define ALLIANCE_ENGINE_ANALYTICS_SHARED_NEIGHBOR_COUNTER_H_

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "engine/analytics/csr_graph.h"
#include "engine/analytics/sorted_intersection.h"

namespace alliance::analytics {

// is_top marks the top side, as in two_mode_centrality.h: entries past its end count as
// bottom. Only edges between the two sides are walked; an edge inside one side (not a
// two-mode graph) and a self-loop are ignored, and parallel edges count once. One
// counter per thread: it holds 4 bytes per vertex of scratch.
class SharedNeighborCounter {
 public:
  SharedNeighborCounter(const CsrGraph& g, const std::vector<bool>& is_top)
      : g_(g), is_top_(is_top), count_(g.vertex_count(), 0) {}

  bool IsTop(VertexIndex v) const { return v < is_top_.size() && is_top_[v]; }

  // Counts the neighbours u shares with every vertex v >= first_partner on its side
  // (v != u). Returns the vertices sharing at least one, unordered; Shared(v) gives the
  // count. Both stay valid until the next call.
  std::span<const VertexIndex> Count(VertexIndex u, VertexIndex first_partner = 0) {
    for (VertexIndex v : partners_) count_[v] = 0;
    partners_.clear();
    const bool side = IsTop(u);
    const auto nu = g_.out_neighbors(u);
    ForEachDistinct(nu, [&](size_t i) {
      const VertexIndex w = nu[i];
      if (IsTop(w) == side) return;
      const auto nw = g_.out_neighbors(w);
      // Sorted arcs: skip the partners below first_partner without looking at them.
      const auto from = std::lower_bound(nw.begin(), nw.end(), first_partner);
      const std::span<const VertexIndex> tail(from, nw.end());
      ForEachDistinct(tail, [&](size_t j) {
        const VertexIndex v = tail[j];
        if (v == u || IsTop(v) != side) return;
        if (count_[v]++ == 0) partners_.push_back(v);
      });
    });
    return partners_;
  }

  uint32_t Shared(VertexIndex v) const { return count_[v]; }

  // Distinct neighbours of v on the other side: |N(v)| for the similarity measures.
  uint32_t OtherSideDegree(VertexIndex v) const {
    const bool side = IsTop(v);
    const auto nv = g_.out_neighbors(v);
    uint32_t degree = 0;
    ForEachDistinct(nv, [&](size_t i) { degree += IsTop(nv[i]) != side; });
    return degree;
  }

 private:
  const CsrGraph& g_;
  const std::vector<bool>& is_top_;
  std::vector<uint32_t> count_;
  std::vector<VertexIndex> partners_;
};

}  // namespace alliance::analytics

#endif  // ALLIANCE_ENGINE_ANALYTICS_SHARED_NEIGHBOR_COUNTER_H_
