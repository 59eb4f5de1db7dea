#include "engine/analytics/betweenness_centrality.h"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>

#include "engine/analytics/shortest_path_search.h"
#include "engine/analytics/source_partition.h"

namespace alliance::analytics {
namespace {

// One worker's Brandes state: its own search scratch and score accumulator.
class BrandesAccumulator {
 public:
  BrandesAccumulator(const CsrGraph& graph, bool use_weights, bool endpoints)
      : search_(graph, ArcDirection::kOut, use_weights),
        endpoints_(endpoints),
        path_count_(graph.vertex_count(), 0.0),
        dependency_(graph.vertex_count(), 0.0),
        betweenness_(graph.vertex_count(), 0.0) {}

  void AddSource(VertexIndex source) {
    if (!search_.uses_weights()) return AddSourceBreadthFirst(source);
    search_.Run(source);
    const std::span<const VertexIndex> settled = search_.settled();
    // Predecessors settle first, so counts pulled in settle order are complete.
    path_count_[source] = 1.0;
    for (size_t i = 1; i < settled.size(); ++i) {
      const VertexIndex w = settled[i];
      double paths = 0;
      ForEachPredecessor(w, [&](VertexIndex v) { paths += path_count_[v]; });
      path_count_[w] = paths;
    }
    for (size_t i = settled.size(); i-- > 0;) {
      const VertexIndex w = settled[i];
      const double share = (1.0 + dependency_[w]) / path_count_[w];
      ForEachPredecessor(w, [&](VertexIndex v) { dependency_[v] += path_count_[v] * share; });
      if (w != source) betweenness_[w] += dependency_[w] + (endpoints_ ? 1.0 : 0.0);
    }
    if (endpoints_) betweenness_[source] += static_cast<double>(settled.size() - 1);
    for (VertexIndex v : settled) path_count_[v] = dependency_[v] = 0.0;
  }

  std::vector<double>& betweenness() { return betweenness_; }

 private:
  // Hop counts: path counts are summed while the BFS discovers vertices and the
  // dependencies pushed back along out-arcs, two passes over the arcs instead of
  // the three the general search takes (its own pass, then one per phase over
  // the in-arcs), with integer distance tests. On the dense organisation
  // projection that is most of the running time.
  void AddSourceBreadthFirst(VertexIndex source) {
    const CsrGraph& g = search_.graph();
    if (hops_.empty()) hops_.assign(g.vertex_count(), kUnreachedHops);
    order_.clear();
    order_.push_back(source);
    hops_[source] = 0;
    path_count_[source] = 1.0;
    for (size_t head = 0; head < order_.size(); ++head) {
      const VertexIndex v = order_[head];
      const uint32_t next = hops_[v] + 1;
      const double paths = path_count_[v];
      const std::span<const VertexIndex> out = g.out_neighbors(v);
      for (size_t i = 0; i < out.size(); ++i) {
        const VertexIndex w = out[i];
        if (i > 0 && out[i - 1] == w) continue;  // a parallel arc is one path (NetworkX)
        if (hops_[w] == kUnreachedHops) {
          hops_[w] = next;
          order_.push_back(w);
        }
        if (hops_[w] == next) path_count_[w] += paths;
      }
    }
    for (size_t i = order_.size(); i-- > 0;) {
      const VertexIndex v = order_[i];
      const uint32_t next = hops_[v] + 1;
      double dependency = 0;
      const std::span<const VertexIndex> out = g.out_neighbors(v);
      for (size_t k = 0; k < out.size(); ++k) {
        const VertexIndex w = out[k];
        if (k > 0 && out[k - 1] == w) continue;
        if (hops_[w] == next) dependency += (1.0 + dependency_[w]) / path_count_[w];
      }
      dependency_[v] = dependency * path_count_[v];
      if (v != source) betweenness_[v] += dependency_[v] + (endpoints_ ? 1.0 : 0.0);
    }
    if (endpoints_) betweenness_[source] += static_cast<double>(order_.size() - 1);
    for (VertexIndex v : order_) {
      path_count_[v] = dependency_[v] = 0.0;
      hops_[v] = kUnreachedHops;
    }
  }

  static constexpr uint32_t kUnreachedHops = std::numeric_limits<uint32_t>::max();

  // v precedes w on a shortest path. The settle-rank test keeps the DAG acyclic even when a
  // tiny weight vanishes in rounding, and mirrors NetworkX, which only links earlier-popped
  // vertices.
  template <typename Visit>
  void ForEachPredecessor(VertexIndex w, const Visit& visit) const {
    const double distance_w = search_.distance(w);
    const uint32_t rank_w = search_.settle_rank(w);
    ForEachNeighbor(
        search_.graph(), w, Reversed(search_.direction()), search_.uses_weights(),
        [&](VertexIndex v, double length) {
          if (search_.settle_rank(v) < rank_w && search_.distance(v) + length == distance_w) {
            visit(v);
          }
        });
  }

  ShortestPathSearch search_;
  bool endpoints_;
  std::vector<double> path_count_;  // sigma
  std::vector<double> dependency_;  // delta
  std::vector<double> betweenness_;
  std::vector<uint32_t> hops_;       // breadth-first only; kUnreachedHops between runs
  std::vector<VertexIndex> order_;   // breadth-first discovery order
};

// NetworkX's _rescale, including the cases it leaves unscaled.
void Rescale(std::vector<double>& betweenness, const BetweennessOptions& options, bool directed) {
  const double n = static_cast<double>(betweenness.size());
  std::optional<double> scale;
  if (options.normalized) {
    if (options.endpoints) {
      if (n >= 2) scale = 1.0 / (n * (n - 1));
    } else if (n > 2) {
      scale = 1.0 / ((n - 1) * (n - 2));
    }
  } else if (!directed) {
    scale = 0.5;
  }
  if (!scale) return;
  if (options.sources) *scale = *scale * n / static_cast<double>(options.sources->size());
  for (double& value : betweenness) value *= *scale;
}

}  // namespace

std::vector<double> BetweennessCentrality(const CsrGraph& graph,
                                          const BetweennessOptions& options) {
  const VertexIndex n = graph.vertex_count();
  // An empty sample has nothing to scale by (NetworkX divides by k = 0).
  if (options.sources && options.sources->empty()) return std::vector<double>(n, 0.0);
  const size_t source_count = options.sources ? options.sources->size() : n;
  const unsigned workers = ResolveWorkerCount(options.threads, source_count);
  std::vector<BrandesAccumulator> accumulators;
  accumulators.reserve(workers);
  for (unsigned worker = 0; worker < workers; ++worker) {
    accumulators.emplace_back(graph, options.weighted, options.endpoints);
  }
  ParallelFor(source_count, workers, [&](unsigned worker, size_t index) {
    const VertexIndex source =
        options.sources ? (*options.sources)[index] : static_cast<VertexIndex>(index);
    if (source < n) accumulators[worker].AddSource(source);
  });

  std::vector<double> betweenness = std::move(accumulators[0].betweenness());
  for (unsigned worker = 1; worker < workers; ++worker) {
    const std::vector<double>& partial = accumulators[worker].betweenness();
    for (VertexIndex v = 0; v < n; ++v) betweenness[v] += partial[v];
  }
  Rescale(betweenness, options, graph.directed());
  return betweenness;
}

}  // namespace alliance::analytics
