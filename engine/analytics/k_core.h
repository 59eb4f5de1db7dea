// k-core decomposition of a CsrGraph snapshot: each vertex's core number and the
// vertex set of a k-core (Batagelj-Zaversnik bucket algorithm).
//
// Degrees here: self-loops are ignored (NetworkX's core_number refuses graphs with
// them; a loop cannot help a vertex stay in a core of its neighbours), parallel
// edges count with their multiplicity (the multigraph degree; NetworkX refuses
// multigraphs), and on a directed snapshot the degree is in-degree + out-degree, as
// in NetworkX, so u->v plus v->u counts twice.
//
//   std::vector<uint64_t> core = CoreNumbers(snapshot);
//   std::vector<VertexIndex> dense = KCoreVertices(snapshot, 3);
#ifndef ALLIANCE_ENGINE_ANALYTICS_K_CORE_H_
#define ALLIANCE_ENGINE_ANALYTICS_K_CORE_H_

#include <cstdint>
#include <vector>

#include "engine/analytics/csr_graph.h"

namespace alliance::analytics {

// The largest k such that the vertex belongs to the k-core (the maximal subgraph
// whose vertices all have degree >= k). O(n + m).
std::vector<uint64_t> CoreNumbers(const CsrGraph& g);

// Vertices of the k-core, ascending; empty when the graph has no k-core. The 0-core
// is every vertex.
std::vector<VertexIndex> KCoreVertices(const CsrGraph& g, uint64_t k);

}  // namespace alliance::analytics

#endif  // ALLIANCE_ENGINE_ANALYTICS_K_CORE_H_
