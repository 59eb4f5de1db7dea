// Tests for connected / weakly / strongly connected components: labels numbered by
// each component's smallest vertex, isolated vertices and self-loops, directed
// snapshots, and the empty graph. Expected values checked against NetworkX 2.8.

#include "engine/analytics/connected_components.h"

#include <vector>

#include "gtest/gtest.h"
#include "tests/engine/analytics/structure_test_graphs.h"

namespace alliance::analytics {
namespace {

namespace graphs = structure_graphs;
using Labels = std::vector<VertexIndex>;
using graphs::Directed;
using graphs::Undirected;

TEST(ConnectedComponentsTest, NumbersComponentsBySmallestVertex) {
  // NetworkX: nx.connected_components(G) -> {0,4}, {1,2,5}, {3}, {6}.
  const ComponentLabels cc = ConnectedComponents(graphs::Disconnected7());
  EXPECT_EQ(cc.count, 4u);
  EXPECT_EQ(cc.component, (Labels{0, 1, 1, 2, 0, 1, 3}));
}

TEST(ConnectedComponentsTest, ConnectedGraphsAreOneComponent) {
  for (const CsrGraph& g : {graphs::Path4(), graphs::Cycle5(), graphs::TwoTrianglesBridged(),
                            graphs::Star5(), graphs::TriangleWithLoops(), graphs::DoubledEdge()}) {
    const ComponentLabels cc = ConnectedComponents(g);
    EXPECT_EQ(cc.count, 1u);
    EXPECT_EQ(cc.component, Labels(g.vertex_count(), 0));
  }
}

TEST(ConnectedComponentsTest, EmptyAndSingleVertexGraphs) {
  const ComponentLabels empty = ConnectedComponents(Undirected(0, {}));
  EXPECT_EQ(empty.count, 0u);
  EXPECT_TRUE(empty.component.empty());
  const ComponentLabels single = ConnectedComponents(Undirected(1, {}));
  EXPECT_EQ(single.count, 1u);
  EXPECT_EQ(single.component, Labels{0});
  EXPECT_EQ(StronglyConnectedComponents(Directed(0, {})).count, 0u);
  EXPECT_EQ(StronglyConnectedComponents(Directed(1, {{0, 0}})).count, 1u);
}

TEST(ConnectedComponentsTest, DirectedSnapshotGivesWeakComponents) {
  // NetworkX: nx.weakly_connected_components(G) -> {0,1,2,3,4}, {5,6}, {7}.
  const ComponentLabels wcc = ConnectedComponents(graphs::DirectedMixed());
  EXPECT_EQ(wcc.count, 3u);
  EXPECT_EQ(wcc.component, (Labels{0, 0, 0, 0, 0, 1, 1, 2}));
  // Joined only by arcs pointing into 1: weakly connected all the same.
  const ComponentLabels inward = ConnectedComponents(Directed(3, {{0, 1}, {2, 1}}));
  EXPECT_EQ(inward.count, 1u);
}

TEST(StronglyConnectedComponentsTest, NumbersComponentsBySmallestVertex) {
  // NetworkX: nx.strongly_connected_components(G) -> {3,4}, {0,1,2}, {6}, {5}, {7}
  // (reverse topological order there; numbered by smallest vertex here).
  const ComponentLabels scc = StronglyConnectedComponents(graphs::DirectedMixed());
  EXPECT_EQ(scc.count, 5u);
  EXPECT_EQ(scc.component, (Labels{0, 0, 0, 1, 1, 2, 3, 4}));
}

TEST(StronglyConnectedComponentsTest, OnUndirectedSnapshotEqualsConnectedComponents) {
  const CsrGraph g = graphs::Disconnected7();
  const ComponentLabels scc = StronglyConnectedComponents(g);
  const ComponentLabels cc = ConnectedComponents(g);
  EXPECT_EQ(scc.count, cc.count);
  EXPECT_EQ(scc.component, cc.component);
}

TEST(StronglyConnectedComponentsTest, DirectedPathIsAllSingletons) {
  // NetworkX: nx.number_strongly_connected_components(nx.path_graph(4, nx.DiGraph)) == 4.
  const ComponentLabels scc = StronglyConnectedComponents(Directed(4, {{2, 3}, {1, 2}, {0, 1}}));
  EXPECT_EQ(scc.count, 4u);
  EXPECT_EQ(scc.component, (Labels{0, 1, 2, 3}));
}

}  // namespace
}  // namespace alliance::analytics
