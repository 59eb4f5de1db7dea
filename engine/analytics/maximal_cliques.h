// All maximal cliques of an undirected graph: Bron–Kerbosch with Tomita pivoting over a
// degeneracy ordering (Eppstein, Löffler & Strash), the set networkx.find_cliques yields.
#ifndef ALLIANCE_ENGINE_ANALYTICS_MAXIMAL_CLIQUES_H_
#define ALLIANCE_ENGINE_ANALYTICS_MAXIMAL_CLIQUES_H_

#include <cstddef>
#include <vector>

#include "engine/analytics/csr_graph.h"

namespace alliance::analytics {

struct MaximalCliqueOptions {
  // Cliques smaller than this are searched but not reported (an isolated vertex is a
  // maximal clique of size 1, as in NetworkX).
  size_t min_size = 1;
  // Stop after this many reported cliques; 0 means no cap. The number of maximal
  // cliques can grow exponentially, so callers facing unknown data should set one.
  size_t max_cliques = 0;
};

struct MaximalCliqueResult {
  // Each clique sorted ascending; the list sorted lexicographically.
  std::vector<std::vector<VertexIndex>> cliques;
  // The cap was hit. The cliques kept are then the first found in search order
  // (deterministic for a given graph), not the lexicographically smallest.
  bool truncated = false;
};

// Self-loops are ignored and parallel edges collapsed, as in NetworkX. A directed
// graph gives an empty result: cliques are defined here for undirected graphs only.
MaximalCliqueResult FindMaximalCliques(const CsrGraph& g, const MaximalCliqueOptions& options = {});

}  // namespace alliance::analytics

#endif  // ALLIANCE_ENGINE_ANALYTICS_MAXIMAL_CLIQUES_H_
