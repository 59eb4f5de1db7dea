#include "engine/analytics/csr_graph.h"

#include <algorithm>
#include <numeric>

namespace alliance::analytics {
namespace {

// Sorts each vertex's arcs by target (weights follow), so neighbourhoods merge.
void SortArcs(const std::vector<ArcIndex>& offsets, std::vector<VertexIndex>& targets,
              std::vector<double>& weights) {
  std::vector<std::pair<VertexIndex, double>> scratch;
  for (size_t v = 0; v + 1 < offsets.size(); ++v) {
    const ArcIndex begin = offsets[v], end = offsets[v + 1];
    if (std::is_sorted(targets.begin() + begin, targets.begin() + end)) continue;
    if (weights.empty()) {
      std::sort(targets.begin() + begin, targets.begin() + end);
      continue;
    }
    scratch.clear();
    for (ArcIndex a = begin; a < end; ++a) scratch.emplace_back(targets[a], weights[a]);
    std::stable_sort(scratch.begin(), scratch.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    for (ArcIndex a = begin; a < end; ++a) {
      targets[a] = scratch[a - begin].first;
      weights[a] = scratch[a - begin].second;
    }
  }
}

}  // namespace

CsrGraph CsrGraph::Build(VertexIndex vertex_count, std::vector<WeightedEdge> edges,
                         CsrBuildOptions options) {
  std::vector<ArcIndex> offsets(static_cast<size_t>(vertex_count) + 1, 0);
  for (const WeightedEdge& e : edges) {
    ++offsets[e.from + 1];
    if (!options.directed && e.from != e.to) ++offsets[e.to + 1];
  }
  std::partial_sum(offsets.begin(), offsets.end(), offsets.begin());
  std::vector<VertexIndex> targets(offsets.back());
  std::vector<double> weights(options.weighted ? offsets.back() : 0);
  std::vector<ArcIndex> next(offsets.begin(), offsets.end() - 1);
  auto place = [&](VertexIndex from, VertexIndex to, double w) {
    const ArcIndex a = next[from]++;
    targets[a] = to;
    if (options.weighted) weights[a] = w;
  };
  for (const WeightedEdge& e : edges) {
    place(e.from, e.to, e.weight);
    if (!options.directed && e.from != e.to) place(e.to, e.from, e.weight);
  }
  const uint64_t edge_count = edges.size();
  edges = {};
  CsrGraph g = FromSortedArcs(std::move(offsets), std::move(targets), std::move(weights),
                              options.directed);
  g.edge_count_ = edge_count;
  return g;
}

CsrGraph CsrGraph::FromSortedArcs(std::vector<ArcIndex> offsets, std::vector<VertexIndex> targets,
                                  std::vector<double> weights, bool directed) {
  CsrGraph g;
  g.directed_ = directed;
  if (offsets.empty()) offsets.push_back(0);
  SortArcs(offsets, targets, weights);
  g.offsets_ = std::move(offsets);
  g.targets_ = std::move(targets);
  g.weights_ = std::move(weights);
  if (directed) {
    g.edge_count_ = g.targets_.size();
    g.BuildReverse();
  } else {
    uint64_t loops = 0;
    for (VertexIndex v = 0; v < g.vertex_count(); ++v) {
      for (VertexIndex w : g.out_neighbors(v)) loops += (w == v);
    }
    g.edge_count_ = (g.targets_.size() - loops) / 2 + loops;
  }
  return g;
}

void CsrGraph::BuildReverse() {
  const VertexIndex n = vertex_count();
  in_offsets_.assign(static_cast<size_t>(n) + 1, 0);
  for (VertexIndex t : targets_) ++in_offsets_[t + 1];
  std::partial_sum(in_offsets_.begin(), in_offsets_.end(), in_offsets_.begin());
  in_sources_.resize(targets_.size());
  if (!weights_.empty()) in_weights_.resize(targets_.size());
  std::vector<ArcIndex> next(in_offsets_.begin(), in_offsets_.end() - 1);
  // Sources are visited in increasing order, so each in-list comes out sorted.
  for (VertexIndex v = 0; v < n; ++v) {
    for (ArcIndex a = offsets_[v]; a < offsets_[v + 1]; ++a) {
      const ArcIndex slot = next[targets_[a]]++;
      in_sources_[slot] = v;
      if (!weights_.empty()) in_weights_[slot] = weights_[a];
    }
  }
}

CsrGraph CsrGraph::AsUndirected() const {
  if (!directed_) return *this;
  const VertexIndex n = vertex_count();
  std::vector<ArcIndex> offsets(static_cast<size_t>(n) + 1, 0);
  for (VertexIndex v = 0; v < n; ++v) {
    uint64_t loops = 0;
    for (VertexIndex w : out_neighbors(v)) loops += (w == v);
    offsets[v + 1] = offsets[v] + out_degree(v) + in_degree(v) - loops;
  }
  std::vector<VertexIndex> targets(offsets.back());
  std::vector<double> weights(weights_.empty() ? 0 : offsets.back());
  for (VertexIndex v = 0; v < n; ++v) {
    // Merge the two sorted lists; a self-loop is taken from the out-list only.
    auto out = out_neighbors(v), in = in_neighbors(v);
    auto out_w = out_weights(v), in_w = in_weights(v);
    size_t i = 0, j = 0;
    ArcIndex a = offsets[v];
    while (i < out.size() || j < in.size()) {
      if (j < in.size() && in[j] == v) {
        ++j;
        continue;
      }
      const bool take_out = j == in.size() || (i < out.size() && out[i] <= in[j]);
      targets[a] = take_out ? out[i] : in[j];
      if (!weights.empty()) weights[a] = take_out ? out_w[i] : in_w[j];
      ++a;
      take_out ? ++i : ++j;
    }
  }
  CsrGraph g;
  g.directed_ = false;
  g.edge_count_ = edge_count_;
  g.offsets_ = std::move(offsets);
  g.targets_ = std::move(targets);
  g.weights_ = std::move(weights);
  return g;
}

double CsrGraph::out_strength(VertexIndex v) const {
  if (weights_.empty()) return static_cast<double>(out_degree(v));
  double sum = 0;
  for (double w : out_weights(v)) sum += w;
  return sum;
}

size_t CsrGraph::memory_bytes() const {
  return offsets_.capacity() * sizeof(ArcIndex) + targets_.capacity() * sizeof(VertexIndex) +
         weights_.capacity() * sizeof(double) + in_offsets_.capacity() * sizeof(ArcIndex) +
         in_sources_.capacity() * sizeof(VertexIndex) + in_weights_.capacity() * sizeof(double);
}

}  // namespace alliance::analytics
