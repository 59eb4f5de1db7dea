// CsrGraph: an immutable graph in compressed sparse row form, the in-memory
// snapshot every analytics algorithm runs on. Vertices are dense 0..n-1;
// an undirected graph stores each edge once in each direction ("arcs"), so
// out_neighbors(v) is the whole neighbourhood. Directed graphs also carry the
// reverse (in-arc) CSR, which pull-style algorithms (PageRank) need.
//
// Memory: 4 bytes per arc for the target, 8 more when weighted, plus 8 bytes
// per vertex per direction for the offsets. Thread-safe for concurrent reads.
//
//   CsrGraph g = CsrGraph::Build(3, {{0, 1, 1.0}, {1, 2, 2.0}}, {.directed = false});
//   for (VertexIndex w : g.out_neighbors(1)) ...   // 0 and 2
#ifndef ALLIANCE_ENGINE_ANALYTICS_CSR_GRAPH_H_
#define ALLIANCE_ENGINE_ANALYTICS_CSR_GRAPH_H_

#include <cstdint>
#include <span>
#include <vector>

namespace alliance::analytics {

using VertexIndex = uint32_t;
using ArcIndex = uint64_t;

struct WeightedEdge {
  VertexIndex from = 0;
  VertexIndex to = 0;
  double weight = 1.0;
};

struct CsrBuildOptions {
  bool directed = true;
  // Keep each edge's weight; otherwise every arc weighs 1 and weights are not stored.
  bool weighted = false;
};

class CsrGraph {
 public:
  CsrGraph() = default;

  // Edges may come in any order; parallel edges and self-loops are kept as
  // given (an undirected self-loop is stored as one arc). Arcs of a vertex
  // are sorted by target, so neighbourhoods can be intersected by merging.
  static CsrGraph Build(VertexIndex vertex_count, std::vector<WeightedEdge> edges,
                        CsrBuildOptions options);

  // For builders that already hold source-sorted arcs (the storage snapshot):
  // `offsets` has n+1 entries, arcs of v are targets[offsets[v]..offsets[v+1]).
  // An undirected graph must list every non-loop edge in both directions.
  static CsrGraph FromSortedArcs(std::vector<ArcIndex> offsets, std::vector<VertexIndex> targets,
                                 std::vector<double> weights, bool directed);

  // The undirected graph underlying a directed one: each arc u->v becomes the
  // edge {u, v} (so u->v and v->u give two parallel edges); self-loops stay
  // single arcs. An undirected graph comes back as a copy.
  CsrGraph AsUndirected() const;

  VertexIndex vertex_count() const {
    return offsets_.empty() ? 0 : static_cast<VertexIndex>(offsets_.size() - 1);
  }
  ArcIndex arc_count() const { return targets_.size(); }
  // Undirected edges count once (a self-loop once); directed edges once each.
  uint64_t edge_count() const { return edge_count_; }
  bool directed() const { return directed_; }
  bool weighted() const { return !weights_.empty(); }

  std::span<const VertexIndex> out_neighbors(VertexIndex v) const {
    return {targets_.data() + offsets_[v], targets_.data() + offsets_[v + 1]};
  }
  // Weights parallel to out_neighbors(v); empty when the graph is unweighted.
  std::span<const double> out_weights(VertexIndex v) const {
    if (weights_.empty()) return {};
    return {weights_.data() + offsets_[v], weights_.data() + offsets_[v + 1]};
  }
  uint64_t out_degree(VertexIndex v) const { return offsets_[v + 1] - offsets_[v]; }
  ArcIndex first_arc(VertexIndex v) const { return offsets_[v]; }
  VertexIndex arc_target(ArcIndex a) const { return targets_[a]; }
  double arc_weight(ArcIndex a) const { return weights_.empty() ? 1.0 : weights_[a]; }

  // In-arcs; for an undirected graph the same as the out-arcs.
  std::span<const VertexIndex> in_neighbors(VertexIndex v) const {
    if (!directed_) return out_neighbors(v);
    return {in_sources_.data() + in_offsets_[v], in_sources_.data() + in_offsets_[v + 1]};
  }
  std::span<const double> in_weights(VertexIndex v) const {
    if (!directed_) return out_weights(v);
    if (in_weights_.empty()) return {};
    return {in_weights_.data() + in_offsets_[v], in_weights_.data() + in_offsets_[v + 1]};
  }
  uint64_t in_degree(VertexIndex v) const {
    return directed_ ? in_offsets_[v + 1] - in_offsets_[v] : out_degree(v);
  }

  // Sum of arc weights leaving v (the out-degree when unweighted).
  double out_strength(VertexIndex v) const;
  // Heap bytes held, for the memory benchmark.
  size_t memory_bytes() const;

 private:
  void BuildReverse();

  bool directed_ = true;
  uint64_t edge_count_ = 0;
  std::vector<ArcIndex> offsets_;
  std::vector<VertexIndex> targets_;
  std::vector<double> weights_;
  std::vector<ArcIndex> in_offsets_;
  std::vector<VertexIndex> in_sources_;
  std::vector<double> in_weights_;
};

}  // namespace alliance::analytics

#endif  // ALLIANCE_ENGINE_ANALYTICS_CSR_GRAPH_H_
