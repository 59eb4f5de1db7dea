// Small hand-checkable graphs shared by the graph-structure tests (components,
// cuts, cores, shortest paths, the BGL view), so each is drawn once.
#ifndef ALLIANCE_TESTS_ENGINE_ANALYTICS_STRUCTURE_TEST_GRAPHS_H_
#define ALLIANCE_TESTS_ENGINE_ANALYTICS_STRUCTURE_TEST_GRAPHS_H_

#include <utility>
#include <vector>

#include "engine/analytics/csr_graph.h"
#include "tests/engine/analytics/cohesion_test_graphs.h"

namespace alliance::analytics::structure_graphs {

// One edge-list builder for every test graph (see cohesion_test_graphs.h).
using cohesion_graphs::Undirected;
inline CsrGraph Directed(VertexIndex n, std::vector<WeightedEdge> edges) {
  return CsrGraph::Build(n, std::move(edges), {.directed = true});
}

// 0 - 1 - 2 - 3
inline CsrGraph Path4() { return Undirected(4, {{0, 1}, {1, 2}, {2, 3}}); }
// 0 - 1 - 2 - 3 - 4 - 0
inline CsrGraph Cycle5() { return Undirected(5, {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 0}}); }
// Triangles 0-1-2 and 3-4-5 joined by the bridge 2 - 3.
inline CsrGraph TwoTrianglesBridged() {
  return Undirected(6, {{0, 1}, {1, 2}, {2, 0}, {3, 4}, {4, 5}, {5, 3}, {2, 3}});
}
// Centre 0, leaves 1..4.
inline CsrGraph Star5() { return Undirected(5, {{0, 1}, {0, 2}, {0, 3}, {0, 4}}); }
// {0,4}, {1,2,5}, isolated 3, and 6 alone with a self-loop; edges listed out of
// order so that component labels cannot come from the input order.
inline CsrGraph Disconnected7() { return Undirected(7, {{4, 0}, {1, 5}, {5, 2}, {6, 6}}); }
// Triangle 0-1-2, pendant 2 - 3, self-loops at 0 and 3.
inline CsrGraph TriangleWithLoops() {
  return Undirected(4, {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {3, 3}, {0, 0}});
}
// 0 = 1 (doubled edge) - 2.
inline CsrGraph DoubledEdge() { return Undirected(3, {{0, 1}, {0, 1}, {1, 2}}); }
// Directed: cycle 0->1->2->0, 2->3, 3<->4, 5->6, 7 isolated.
inline CsrGraph DirectedMixed() {
  return Directed(8, {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {3, 4}, {4, 3}, {5, 6}});
}

}  // namespace alliance::analytics::structure_graphs

#endif  // ALLIANCE_TESTS_ENGINE_ANALYTICS_STRUCTURE_TEST_GRAPHS_H_
