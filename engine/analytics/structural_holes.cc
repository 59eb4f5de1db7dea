#include "engine/analytics/structural_holes.h"

#include <algorithm>
#include <limits>

#include "engine/analytics/simple_graph.h"
#include "engine/analytics/sorted_intersection.h"

namespace alliance::analytics {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Tie strengths over a simple graph (loops kept, parallel arcs merged) with each
// vertex's weight total and maximum precomputed, so p and m are one division each.
class Ties {
 public:
  Ties(const CsrGraph& simple, bool weighted) : g_(simple), weighted_(weighted) {
    const VertexIndex n = g_.vertex_count();
    total_.assign(n, 0.0);
    max_.assign(n, 0.0);
    for (VertexIndex v = 0; v < n; ++v) {
      double total = 0, max = 0;
      for (size_t i = 0; i < g_.out_degree(v); ++i) {
        const double w = Weight(v, i);
        total += w;
        max = i == 0 ? w : std::max(max, w);
      }
      total_[v] = total;
      max_[v] = max;
    }
  }

  const CsrGraph& graph() const { return g_; }
  // Weight of v's i-th arc.
  double Weight(VertexIndex v, size_t i) const {
    return weighted_ ? g_.arc_weight(g_.first_arc(v) + i) : 1.0;
  }
  // NetworkX's normalized_mutual_weight of a tie of weight w at v, with norm=sum (p)
  // and with norm=max (m).
  double P(VertexIndex v, double w) const { return Divide(w, total_[v]); }
  double M(VertexIndex v, double w) const { return Divide(w, max_[v]); }

 private:
  static double Divide(double w, double scale) { return scale == 0 ? 0.0 : w / scale; }

  const CsrGraph& g_;
  bool weighted_;
  std::vector<double> total_, max_;
};

double VertexConstraint(const Ties& ties, VertexIndex v) {
  const CsrGraph& g = ties.graph();
  const auto nv = g.out_neighbors(v);
  double constraint = 0;
  for (size_t x = 0; x < nv.size(); ++x) {
    const VertexIndex n = nv[x];
    double indirect = 0;  // through every w tied to both v and n
    ForEachCommon(nv, g.out_neighbors(n), [&](size_t pos_v, size_t pos_n) {
      // Arc n->w carries the weight of the tie w-n.
      indirect += ties.P(v, ties.Weight(v, pos_v)) * ties.P(nv[pos_v], ties.Weight(n, pos_n));
    });
    const double local = ties.P(v, ties.Weight(v, x)) + indirect;
    constraint += local * local;
  }
  return constraint;
}

double WeightedEffectiveSize(const Ties& ties, VertexIndex u) {
  const CsrGraph& g = ties.graph();
  const auto nu = g.out_neighbors(u);
  double size = 0;
  for (size_t x = 0; x < nu.size(); ++x) {
    const VertexIndex v = nu[x];
    double redundancy = 0;
    ForEachCommon(nu, g.out_neighbors(v), [&](size_t pos_u, size_t pos_v) {
      redundancy += ties.P(u, ties.Weight(u, pos_u)) * ties.M(v, ties.Weight(v, pos_v));
    });
    size += 1 - redundancy;
  }
  return size;
}

// Borgatti's simplification for unweighted undirected graphs.
double UnweightedEffectiveSize(const CsrGraph& g, VertexIndex v) {
  const auto nv = g.out_neighbors(v);
  uint64_t others = 0, pair_ends = 0, loops = 0;
  for (VertexIndex w : nv) {
    if (w == v) continue;
    ++others;
    ForEachCommon(nv, g.out_neighbors(w), [&](size_t pos_v, size_t) {
      const VertexIndex x = nv[pos_v];
      if (x == v) return;
      if (x == w) {
        ++loops;
      } else {
        ++pair_ends;  // each tie between two neighbours is seen from both ends
      }
    });
  }
  if (others == 0) return kNaN;
  const double n = static_cast<double>(others);
  const double ties = static_cast<double>(pair_ends / 2 + loops);
  return n - (2 * ties) / n;
}

}  // namespace

std::vector<double> Constraint(const CsrGraph& g, const StructuralHoleOptions& options) {
  if (g.directed()) return {};
  CsrGraph storage;
  const Ties ties(SimpleView(g, {.keep_weights = options.weighted}, &storage), options.weighted);
  std::vector<double> result(g.vertex_count());
  for (VertexIndex v = 0; v < g.vertex_count(); ++v) {
    result[v] = g.out_degree(v) == 0 ? kNaN : VertexConstraint(ties, v);
  }
  return result;
}

std::vector<double> EffectiveSize(const CsrGraph& g, const StructuralHoleOptions& options) {
  if (g.directed()) return {};
  CsrGraph storage;
  const CsrGraph& simple = SimpleView(g, {.keep_weights = options.weighted}, &storage);
  std::vector<double> result(g.vertex_count());
  if (!options.weighted) {
    for (VertexIndex v = 0; v < g.vertex_count(); ++v) {
      result[v] = g.out_degree(v) == 0 ? kNaN : UnweightedEffectiveSize(simple, v);
    }
    return result;
  }
  const Ties ties(simple, /*weighted=*/true);
  for (VertexIndex v = 0; v < g.vertex_count(); ++v) {
    result[v] = g.out_degree(v) == 0 ? kNaN : WeightedEffectiveSize(ties, v);
  }
  return result;
}

}  // namespace alliance::analytics
