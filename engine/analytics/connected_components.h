// Connected, weakly connected and strongly connected components of a CsrGraph
// snapshot (Boost.Graph underneath), labelled deterministically.
//
//   ComponentLabels cc = ConnectedComponents(snapshot);
//   if (cc.component[a] == cc.component[b]) ...   // a and b are connected
#ifndef ALLIANCE_ENGINE_ANALYTICS_CONNECTED_COMPONENTS_H_
#define ALLIANCE_ENGINE_ANALYTICS_CONNECTED_COMPONENTS_H_

#include <vector>

#include "engine/analytics/csr_graph.h"

namespace alliance::analytics {

struct ComponentLabels {
  // Component of each vertex, in 0..count-1. Components are numbered in order of
  // their smallest vertex, so labels do not depend on traversal order: vertex 0 is
  // always in component 0, and an isolated vertex is a component of its own.
  std::vector<VertexIndex> component;
  VertexIndex count = 0;
};

// Connected components; on a directed snapshot the weakly connected ones (edge
// directions ignored).
ComponentLabels ConnectedComponents(const CsrGraph& g);

// Strongly connected components; on an undirected snapshot they equal the
// connected components.
ComponentLabels StronglyConnectedComponents(const CsrGraph& g);

}  // namespace alliance::analytics

#endif  // ALLIANCE_ENGINE_ANALYTICS_CONNECTED_COMPONENTS_H_
