// Two-mode centrality against NetworkX 2.8.8's bipartite degree_centrality,
// betweenness_centrality and closeness_centrality, including disconnected graphs and the
// cases where NetworkX divides by zero.

#include "engine/analytics/two_mode_centrality.h"

#include <vector>

#include "gtest/gtest.h"
#include "tests/engine/analytics/centrality_test_graphs.h"

namespace alliance::analytics {
namespace {

using test_graphs::ExpectScores;

// Top 0, 1, 2 and bottom 3, 4: nx.Graph([(0, 3), (1, 3), (1, 4), (2, 4)]), nodes=[0, 1, 2].
CsrGraph Chain() { return test_graphs::Undirected(5, {{0, 3}, {1, 3}, {1, 4}, {2, 4}}); }
// Top 0..3, bottom 4..8: nx.Graph([(0,4), (0,5), (1,5), (1,6), (2,6), (3,7)]) plus isolated
// bottom node 8, nodes=[0, 1, 2, 3].
CsrGraph TwoComponentsAndIsolated() {
  return test_graphs::Undirected(9, {{0, 4}, {0, 5}, {1, 5}, {1, 6}, {2, 6}, {3, 7}});
}

// A list of top vertices becomes a mask; vertices outside the graph are dropped.
TEST(TwoModeCentralityTest, MarkTopVertices) {
  const std::vector<VertexIndex> top = {0, 2, 9};
  EXPECT_EQ(MarkTopVertices(4, top), (std::vector<bool>{true, false, true, false}));
}

// Degree over the size of the opposite side.
TEST(TwoModeCentralityTest, Degree) {
  // bipartite.degree_centrality(chain, [0, 1, 2])
  ExpectScores(
      TwoModeDegreeCentrality(Chain(), MarkTopVertices(5, std::vector<VertexIndex>{0, 1, 2})),
      {0.5, 1.0, 0.5, 0.6666666666666666, 0.6666666666666666});
  // bipartite.degree_centrality(two components + isolated, [0, 1, 2, 3])
  const std::vector<bool> top = MarkTopVertices(9, std::vector<VertexIndex>{0, 1, 2, 3});
  ExpectScores(TwoModeDegreeCentrality(TwoComponentsAndIsolated(), top),
               {0.4, 0.4, 0.2, 0.2, 0.25, 0.5, 0.5, 0.25, 0.0});
}

// Betweenness over Borgatti & Everett's per-side maximum.
TEST(TwoModeCentralityTest, Betweenness) {
  // bipartite.betweenness_centrality(chain, [0, 1, 2])
  ExpectScores(
      TwoModeBetweennessCentrality(Chain(), MarkTopVertices(5, std::vector<VertexIndex>{0, 1, 2})),
      {0.0, 1.0, 0.0, 0.6, 0.6});
  // bipartite.betweenness_centrality(two components + isolated, [0, 1, 2, 3])
  const std::vector<bool> top = MarkTopVertices(9, std::vector<VertexIndex>{0, 1, 2, 3});
  ExpectScores(TwoModeBetweennessCentrality(TwoComponentsAndIsolated(), top),
               {0.16, 0.24, 0.0, 0.0, 0.0, 0.25, 0.16666666666666666, 0.0, 0.0});
  // bipartite.betweenness_centrality(nx.complete_bipartite_graph(2, 3), [0, 1])
  const CsrGraph complete =
      test_graphs::Undirected(5, {{0, 2}, {0, 3}, {0, 4}, {1, 2}, {1, 3}, {1, 4}});
  ExpectScores(
      TwoModeBetweennessCentrality(complete, MarkTopVertices(5, std::vector<VertexIndex>{0, 1}),
                                   /*threads=*/2),
      {0.3, 0.3, 0.08333333333333333, 0.08333333333333333, 0.08333333333333333});
}

// Where NetworkX raises ZeroDivisionError the scores are 0: the leaves of the path 1-0-2 (top
// 1, 2) have maximum betweenness 0, and a graph with one side empty has no maximum at all.
TEST(TwoModeCentralityTest, DivisionByZeroScoresZero) {
  const CsrGraph star = test_graphs::Undirected(3, {{0, 1}, {0, 2}});
  const std::vector<bool> leaves_on_top = {false, true, true};
  ExpectScores(TwoModeBetweennessCentrality(star, leaves_on_top), {1.0, 0.0, 0.0});
  const CsrGraph isolated = test_graphs::Undirected(2, {});
  const std::vector<bool> all_top = {true, true};
  ExpectScores(TwoModeDegreeCentrality(isolated, all_top), {0.0, 0.0});
  ExpectScores(TwoModeBetweennessCentrality(isolated, all_top), {0.0, 0.0});
  EXPECT_TRUE(TwoModeDegreeCentrality(test_graphs::EmptyGraph(), {}).empty());
}

// Closeness: the least possible total distance over the actual one, optionally times the
// reached fraction. Isolated vertices score 0.
TEST(TwoModeCentralityTest, Closeness) {
  const std::vector<bool> chain_top = MarkTopVertices(5, std::vector<VertexIndex>{0, 1, 2});
  // bipartite.closeness_centrality(chain, [0, 1, 2], normalized=True / False)
  for (bool normalized : {true, false}) {
    ExpectScores(TwoModeClosenessCentrality(Chain(), chain_top, {.normalized = normalized}),
                 {0.6, 1.0, 0.6, 0.7142857142857143, 0.7142857142857143});
  }
  const std::vector<bool> top = MarkTopVertices(9, std::vector<VertexIndex>{0, 1, 2, 3});
  // bipartite.closeness_centrality(two components + isolated, [0, 1, 2, 3])
  ExpectScores(TwoModeClosenessCentrality(TwoComponentsAndIsolated(), top),
               {0.625, 0.763888888888889, 0.4583333333333333, 1.375, 0.5, 0.8333333333333333,
                0.6818181818181818, 1.5, 0.0});
  // ... normalized=False
  ExpectScores(TwoModeClosenessCentrality(TwoComponentsAndIsolated(), top,
                                          {.normalized = false, .threads = 2}),
               {1.0, 1.2222222222222223, 0.7333333333333333, 11.0, 0.8, 1.3333333333333333,
                1.0909090909090908, 12.0, 0.0});
}

}  // namespace
}  // namespace alliance::analytics
