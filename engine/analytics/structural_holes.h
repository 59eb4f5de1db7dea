// Burt's structural-hole measures of an undirected graph: constraint and effective size,
// with the values networkx.constraint and networkx.effective_size give.
#ifndef ALLIANCE_ENGINE_ANALYTICS_STRUCTURAL_HOLES_H_
#define ALLIANCE_ENGINE_ANALYTICS_STRUCTURAL_HOLES_H_

#include <vector>

#include "engine/analytics/csr_graph.h"

namespace alliance::analytics {

struct StructuralHoleOptions {
  // false: every edge weighs 1 (NetworkX weight=None). true: edge weights are used
  // (NetworkX weight="weight"); an unweighted CsrGraph then weighs every edge 1.
  bool weighted = false;
};

// Both functions follow NetworkX to the letter, which fixes these edge cases:
//  - p(u,v), the proportional tie strength, is w(u,v) / sum of u's edge weights (NetworkX's
//    mutual weight counts an undirected edge from both ends; the factor 2 cancels).
//  - A vertex with no edges at all gets NaN ("not defined for isolated nodes").
//  - A self-loop makes a vertex its own neighbour: it adds to the vertex's total weight
//    and contributes a term for the vertex itself, exactly as nx.all_neighbors lists it.
//  - Parallel edges are one tie: unweighted they count once, weighted their weights add.
//  - A directed graph gives an empty vector (only the undirected forms are implemented).

// c(v) = sum over neighbours n of (p(v,n) + sum over w of p(v,w) p(w,n))^2.
std::vector<double> Constraint(const CsrGraph& g, const StructuralHoleOptions& options = {});

// Weighted: e(u) = sum over neighbours v of (1 - sum over w of p(u,w) m(v,w)), m(v,w) being
// w(v,w) over v's largest edge weight. Unweighted: Borgatti's n - 2t/n, n the neighbours
// other than u and t the edges among them (their self-loops included, as in nx.ego_graph).
// A vertex whose only edges are self-loops has n = 0: NaN, where NetworkX divides by zero.
std::vector<double> EffectiveSize(const CsrGraph& g, const StructuralHoleOptions& options = {});

}  // namespace alliance::analytics

#endif  // ALLIANCE_ENGINE_ANALYTICS_STRUCTURAL_HOLES_H_
