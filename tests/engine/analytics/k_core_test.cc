// Tests for core numbers and k-core vertex sets: a clique with a tail, regular
// shapes (cycle, star, two triangles), isolated vertices, self-loops ignored,
// parallel edges counted with multiplicity, directed degree = in + out, and the
// empty graph. Simple-graph values checked against NetworkX 2.8 (nx.core_number,
// nx.k_core); NetworkX refuses self-loops and multigraphs, so those are by hand.

#include "engine/analytics/k_core.h"

#include <cstdint>
#include <vector>

#include "gtest/gtest.h"
#include "tests/engine/analytics/structure_test_graphs.h"

namespace alliance::analytics {
namespace {

namespace graphs = structure_graphs;
using Cores = std::vector<uint64_t>;
using Vertices = std::vector<VertexIndex>;
using graphs::Directed;
using graphs::Undirected;

// K4 on 0..3, triangle 3-4-5, pendant 5 - 6, isolated 7.
CsrGraph CliqueWithTail() {
  return Undirected(
      8, {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}, {3, 4}, {4, 5}, {5, 3}, {5, 6}});
}

TEST(CoreNumbersTest, CliqueWithTail) {
  // NetworkX: nx.core_number(G) -> {0..3: 3, 4: 2, 5: 2, 6: 1, 7: 0}.
  EXPECT_EQ(CoreNumbers(CliqueWithTail()), (Cores{3, 3, 3, 3, 2, 2, 1, 0}));
}

TEST(CoreNumbersTest, RegularShapes) {
  // NetworkX: cycle -> all 2; star -> all 1; two bridged triangles -> all 2; path -> all 1.
  EXPECT_EQ(CoreNumbers(graphs::Cycle5()), Cores(5, 2));
  EXPECT_EQ(CoreNumbers(graphs::Star5()), Cores(5, 1));
  EXPECT_EQ(CoreNumbers(graphs::TwoTrianglesBridged()), Cores(6, 2));
  EXPECT_EQ(CoreNumbers(graphs::Path4()), Cores(4, 1));
}

TEST(CoreNumbersTest, SelfLoopsAreIgnored) {
  // NetworkX raises on self-loops; after G.remove_edges_from(nx.selfloop_edges(G)):
  // {0: 2, 1: 2, 2: 2, 3: 1}.
  EXPECT_EQ(CoreNumbers(graphs::TriangleWithLoops()), (Cores{2, 2, 2, 1}));
  // BGL alone gives 2 and 2 here: each loop lifts its vertex.
  EXPECT_EQ(CoreNumbers(Undirected(2, {{0, 1}, {0, 0}, {1, 1}})), (Cores{1, 1}));
  // Disconnected7: the loop at 6 leaves it with degree 0. NetworkX without the loop:
  // {0: 1, 1: 1, 2: 1, 3: 0, 4: 1, 5: 1, 6: 0}.
  EXPECT_EQ(CoreNumbers(graphs::Disconnected7()), (Cores{1, 1, 1, 0, 1, 1, 0}));
}

TEST(CoreNumbersTest, ParallelEdgesCountWithMultiplicity) {
  // By hand: 0 and 1 share three edges, so each has degree 3 within {0, 1}; the
  // pendant 2 has degree 1. With a doubled 0 = 1 they keep degree 2 within {0, 1}.
  EXPECT_EQ(CoreNumbers(Undirected(3, {{0, 1}, {0, 1}, {0, 1}, {1, 2}})), (Cores{3, 3, 1}));
  EXPECT_EQ(CoreNumbers(graphs::DoubledEdge()), (Cores{2, 2, 1}));
}

TEST(CoreNumbersTest, DirectedDegreeIsInPlusOut) {
  // NetworkX: nx.core_number(DiGraph) -> {0: 2, 1: 2, 2: 2, 3: 1}; 0 <-> 1 counts twice.
  EXPECT_EQ(CoreNumbers(Directed(4, {{0, 1}, {1, 0}, {1, 2}, {2, 0}, {2, 3}})),
            (Cores{2, 2, 2, 1}));
}

TEST(CoreNumbersTest, EmptyAndSingleVertexGraphs) {
  EXPECT_TRUE(CoreNumbers(Undirected(0, {})).empty());
  EXPECT_EQ(CoreNumbers(Undirected(1, {})), Cores{0});
  EXPECT_EQ(CoreNumbers(Undirected(1, {{0, 0}})), Cores{0});
}

TEST(KCoreVerticesTest, NestedCores) {
  // NetworkX: sorted(nx.k_core(G, k)) -> k=2: [0..5]; k=3: [0..3]; k=4: [].
  const CsrGraph g = CliqueWithTail();
  EXPECT_EQ(KCoreVertices(g, 0), (Vertices{0, 1, 2, 3, 4, 5, 6, 7}));
  EXPECT_EQ(KCoreVertices(g, 1), (Vertices{0, 1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(KCoreVertices(g, 2), (Vertices{0, 1, 2, 3, 4, 5}));
  EXPECT_EQ(KCoreVertices(g, 3), (Vertices{0, 1, 2, 3}));
  EXPECT_TRUE(KCoreVertices(g, 4).empty());
  EXPECT_TRUE(KCoreVertices(Undirected(0, {}), 0).empty());
}

}  // namespace
}  // namespace alliance::analytics
