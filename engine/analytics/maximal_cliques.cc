#include "engine/analytics/maximal_cliques.h"

#include <algorithm>

#include "engine/analytics/simple_graph.h"
#include "engine/analytics/sorted_intersection.h"

namespace alliance::analytics {
namespace {

using Set = std::vector<VertexIndex>;

// Smallest-last (degeneracy) order by the Batagelj–Zaversnik bucket method, O(n + m).
// Starting each search at v with only its later neighbours as candidates bounds the
// candidate sets by the degeneracy, which is what makes sparse graphs fast.
std::vector<VertexIndex> DegeneracyOrder(const CsrGraph& g) {
  const VertexIndex n = g.vertex_count();
  std::vector<uint32_t> degree(n);
  uint32_t max_degree = 0;
  for (VertexIndex v = 0; v < n; ++v) {
    degree[v] = static_cast<uint32_t>(g.out_degree(v));
    max_degree = std::max(max_degree, degree[v]);
  }
  std::vector<uint32_t> bin_start(static_cast<size_t>(max_degree) + 2, 0);
  for (VertexIndex v = 0; v < n; ++v) ++bin_start[degree[v] + 1];
  for (size_t d = 1; d < bin_start.size(); ++d) bin_start[d] += bin_start[d - 1];
  std::vector<VertexIndex> order(n);
  std::vector<uint32_t> position(n);
  {
    std::vector<uint32_t> next(bin_start.begin(), bin_start.end() - 1);
    for (VertexIndex v = 0; v < n; ++v) {
      position[v] = next[degree[v]]++;
      order[position[v]] = v;
    }
  }
  for (uint32_t i = 0; i < n; ++i) {
    const VertexIndex v = order[i];
    for (VertexIndex w : g.out_neighbors(v)) {
      if (degree[w] <= degree[v]) continue;
      // Move w to the front of its bucket, then shrink the bucket by one.
      const uint32_t dw = degree[w];
      const uint32_t front = bin_start[dw];
      const VertexIndex u = order[front];
      if (u != w) {
        std::swap(order[front], order[position[w]]);
        position[u] = position[w];
        position[w] = front;
      }
      ++bin_start[dw];
      --degree[w];
    }
  }
  return order;
}

class CliqueSearch {
 public:
  CliqueSearch(const CsrGraph& g, const MaximalCliqueOptions& options, MaximalCliqueResult* result)
      : g_(g), options_(options), result_(result) {}

  void Run() {
    const VertexIndex n = g_.vertex_count();
    const std::vector<VertexIndex> order = DegeneracyOrder(g_);
    std::vector<uint32_t> rank(n);
    for (uint32_t i = 0; i < n; ++i) rank[order[i]] = i;
    for (VertexIndex v : order) {
      Set& p = Level(0).p;
      Set& x = Level(0).x;
      p.clear();
      x.clear();
      for (VertexIndex w : g_.out_neighbors(v)) (rank[w] > rank[v] ? p : x).push_back(w);
      clique_.assign(1, v);
      if (!Expand(0)) return;
    }
  }

 private:
  struct Frame {
    Set p, x, branch;
  };

  // Frames are reused across calls so the search allocates once per depth, not per node.
  Frame& Level(size_t depth) {
    if (frames_.size() <= depth) frames_.resize(depth + 1);
    return frames_[depth];
  }

  std::span<const VertexIndex> Nbrs(VertexIndex v) const { return g_.out_neighbors(v); }

  // Extends clique_ by subsets of frame(depth).p, excluding those that frame(depth).x
  // already covers. Returns false once the cap is exceeded.
  bool Expand(size_t depth) {
    {
      Frame& f = Level(depth);
      if (f.p.empty()) return f.x.empty() ? Report() : true;
      if (clique_.size() + f.p.size() < options_.min_size) return true;
      // Tomita pivot: the vertex of P ∪ X covering most of P leaves the fewest branches.
      VertexIndex pivot = f.p.front();
      size_t best = 0;
      for (const Set* s : {&f.p, &f.x}) {
        for (VertexIndex u : *s) {
          const size_t covered = CountCommon<VertexIndex>(f.p, Nbrs(u));
          if (covered > best) {
            best = covered;
            pivot = u;
          }
        }
      }
      f.branch.clear();
      std::set_difference(f.p.begin(), f.p.end(), Nbrs(pivot).begin(), Nbrs(pivot).end(),
                          std::back_inserter(f.branch));
    }
    for (size_t b = 0;; ++b) {
      // Frames are fetched afresh each round: deeper calls may grow frames_ and move them.
      Level(depth + 1);
      Frame& f = frames_[depth];
      Frame& child = frames_[depth + 1];
      if (b >= f.branch.size()) break;
      const VertexIndex q = f.branch[b];
      IntersectInto<VertexIndex>(f.p, Nbrs(q), &child.p);
      IntersectInto<VertexIndex>(f.x, Nbrs(q), &child.x);
      clique_.push_back(q);
      const bool go_on = Expand(depth + 1);
      clique_.pop_back();
      if (!go_on) return false;
      // q's cliques are all reported: move it from the candidates to the excluded.
      Frame& self = frames_[depth];
      self.p.erase(std::lower_bound(self.p.begin(), self.p.end(), q));
      self.x.insert(std::lower_bound(self.x.begin(), self.x.end(), q), q);
    }
    return true;
  }

  bool Report() {
    if (clique_.size() < options_.min_size) return true;
    if (options_.max_cliques != 0 && result_->cliques.size() >= options_.max_cliques) {
      result_->truncated = true;
      return false;
    }
    Set sorted = clique_;
    std::sort(sorted.begin(), sorted.end());
    result_->cliques.push_back(std::move(sorted));
    return true;
  }

  const CsrGraph& g_;
  const MaximalCliqueOptions& options_;
  MaximalCliqueResult* result_;
  std::vector<Frame> frames_;
  Set clique_;
};

}  // namespace

MaximalCliqueResult FindMaximalCliques(const CsrGraph& g, const MaximalCliqueOptions& options) {
  MaximalCliqueResult result;
  if (g.directed()) return result;
  CsrGraph storage;
  const CsrGraph& simple =
      SimpleView(g, {.drop_self_loops = true, .keep_weights = false}, &storage);
  CliqueSearch(simple, options, &result).Run();
  std::sort(result.cliques.begin(), result.cliques.end());
  return result;
}

}  // namespace alliance::analytics
