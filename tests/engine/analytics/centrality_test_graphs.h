// Small graphs shared by the centrality tests. Each builder names the NetworkX 2.8.8 graph the
// expected values in the tests were computed on (vertex i of the CsrGraph is NetworkX node i).
#ifndef ALLIANCE_TESTS_ENGINE_ANALYTICS_CENTRALITY_TEST_GRAPHS_H_
#define ALLIANCE_TESTS_ENGINE_ANALYTICS_CENTRALITY_TEST_GRAPHS_H_

#include <cstdint>
#include <random>
#include <utility>
#include <vector>

#include "engine/analytics/csr_graph.h"
#include "gtest/gtest.h"

namespace alliance::analytics::test_graphs {

inline CsrGraph Undirected(VertexIndex n, std::vector<WeightedEdge> edges, bool weighted = false) {
  return CsrGraph::Build(n, std::move(edges), {.directed = false, .weighted = weighted});
}

inline CsrGraph Directed(VertexIndex n, std::vector<WeightedEdge> edges, bool weighted = false) {
  return CsrGraph::Build(n, std::move(edges), {.directed = true, .weighted = weighted});
}

// nx.Graph() with no nodes.
inline CsrGraph EmptyGraph() { return Undirected(0, {}); }
// One isolated node.
inline CsrGraph SingleVertex() { return Undirected(1, {}); }
// nx.Graph([(0, 1)]).
inline CsrGraph SingleEdge() { return Undirected(2, {{0, 1}}); }
// nx.path_graph(4).
inline CsrGraph Path4() { return Undirected(4, {{0, 1}, {1, 2}, {2, 3}}); }
// nx.star_graph(4): centre 0, leaves 1..4.
inline CsrGraph Star5() { return Undirected(5, {{0, 1}, {0, 2}, {0, 3}, {0, 4}}); }
// nx.cycle_graph(3).
inline CsrGraph Triangle() { return Undirected(3, {{0, 1}, {1, 2}, {2, 0}}); }
// Edges 0-1 and 2-3 plus isolated node 4.
inline CsrGraph DisconnectedPairs() { return Undirected(5, {{0, 1}, {2, 3}}); }
// nx.Graph([(0, 1), (1, 2), (2, 0), (0, 0)]): a triangle with a self-loop on 0.
inline CsrGraph TriangleWithSelfLoop() { return Undirected(3, {{0, 1}, {1, 2}, {2, 0}, {0, 0}}); }
// nx.MultiGraph with weighted edges (0,1,1.0), (0,1,3.0), (1,2,2.0), (2,3,1.0), (3,0,2.5):
// a square whose 0-1 side is doubled.
inline CsrGraph WeightedMultiSquare() {
  return Undirected(4, {{0, 1, 1.0}, {0, 1, 3.0}, {1, 2, 2.0}, {2, 3, 1.0}, {3, 0, 2.5}},
                    /*weighted=*/true);
}
// nx.DiGraph([(0, 1), (1, 2), (2, 3)]).
inline CsrGraph DirectedPath4() { return Directed(4, {{0, 1}, {1, 2}, {2, 3}}); }
// nx.DiGraph([(0,1), (1,2), (2,0), (2,3), (3,4), (0,4), (4,4)]): a cycle feeding a sink that
// only loops to itself.
inline CsrGraph DirectedCycleIntoLoop() {
  return Directed(5, {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {3, 4}, {0, 4}, {4, 4}});
}
// nx.DiGraph([(0, 1), (1, 2), (0, 2), (3, 2)]): 2 has no out-arcs.
inline CsrGraph DirectedWithDanglingVertex() {
  return Directed(4, {{0, 1}, {1, 2}, {0, 2}, {3, 2}});
}
// nx.Graph with weighted edges (0,1,1.0), (1,2,1.0), (0,2,2.0), (2,3,0.5), (3,4,1.5), (1,4,3.0).
inline CsrGraph WeightedGraph() {
  return Undirected(5,
                    {{0, 1, 1.0}, {1, 2, 1.0}, {0, 2, 2.0}, {2, 3, 0.5}, {3, 4, 1.5}, {1, 4, 3.0}},
                    /*weighted=*/true);
}
// nx.DiGraph with weighted edges (0,1,1.0), (1,2,2.0), (0,2,3.0), (2,3,1.0), (3,0,1.0), (1,3,4.0).
inline CsrGraph WeightedDigraph() {
  return Directed(4, {{0, 1, 1.0}, {1, 2, 2.0}, {0, 2, 3.0}, {2, 3, 1.0}, {3, 0, 1.0}, {1, 3, 4.0}},
                  /*weighted=*/true);
}
// nx.MultiDiGraph with weighted edges (0,1,1.0), (0,1,2.0), (1,2,1.0), (2,0,1.0), (2,2,1.0).
inline CsrGraph WeightedMultiDigraph() {
  return Directed(3, {{0, 1, 1.0}, {0, 1, 2.0}, {1, 2, 1.0}, {2, 0, 1.0}, {2, 2, 1.0}},
                  /*weighted=*/true);
}

// Uniform random edges (self-loops and parallel edges included) with weights in [0.5, 2).
inline CsrGraph RandomGraph(VertexIndex n, uint64_t edge_count, bool directed, uint64_t seed) {
  std::mt19937_64 random(seed);
  std::uniform_int_distribution<VertexIndex> vertex(0, n - 1);
  std::uniform_real_distribution<double> weight(0.5, 2.0);
  std::vector<WeightedEdge> edges;
  for (uint64_t i = 0; i < edge_count; ++i) {
    const VertexIndex from = vertex(random), to = vertex(random);
    edges.push_back({from, to, weight(random)});
  }
  return CsrGraph::Build(n, std::move(edges), {.directed = directed, .weighted = true});
}

inline void ExpectScores(const std::vector<double>& actual, const std::vector<double>& expected,
                         double tolerance = 1e-9) {
  ASSERT_EQ(actual.size(), expected.size());
  for (size_t v = 0; v < expected.size(); ++v) {
    EXPECT_NEAR(actual[v], expected[v], tolerance) << "vertex " << v;
  }
}

}  // namespace alliance::analytics::test_graphs

#endif  // ALLIANCE_TESTS_ENGINE_ANALYTICS_CENTRALITY_TEST_GRAPHS_H_
