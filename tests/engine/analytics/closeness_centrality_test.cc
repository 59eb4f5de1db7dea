// Closeness and harmonic centrality against NetworkX 2.8.8's closeness_centrality (with and
// without wf_improved, distance="weight") and harmonic_centrality, including directed graphs,
// where both measure distances *to* a vertex.

#include "engine/analytics/closeness_centrality.h"

#include <vector>

#include "gtest/gtest.h"
#include "tests/engine/analytics/centrality_test_graphs.h"

namespace alliance::analytics {
namespace {

using test_graphs::ExpectScores;

std::vector<double> Closeness(const CsrGraph& graph, bool wf_improved, bool weighted = false) {
  return ClosenessCentrality(graph, {.wf_improved = wf_improved, .weighted = weighted});
}

// Trivial graphs: no scores for the null graph, 0 for a lone vertex, 1 across a single edge.
TEST(ClosenessCentralityTest, TinyGraphs) {
  EXPECT_TRUE(ClosenessCentrality(test_graphs::EmptyGraph()).empty());
  EXPECT_TRUE(HarmonicCentrality(test_graphs::EmptyGraph()).empty());
  // nx.closeness_centrality / nx.harmonic_centrality on a single node and on nx.Graph([(0, 1)])
  ExpectScores(ClosenessCentrality(test_graphs::SingleVertex()), {0.0});
  ExpectScores(HarmonicCentrality(test_graphs::SingleVertex()), {0.0});
  ExpectScores(ClosenessCentrality(test_graphs::SingleEdge()), {1.0, 1.0});
  ExpectScores(HarmonicCentrality(test_graphs::SingleEdge()), {1.0, 1.0});
}

// Connected undirected graphs, where wf_improved changes nothing.
TEST(ClosenessCentralityTest, PathAndStar) {
  for (bool wf_improved : {true, false}) {
    // nx.closeness_centrality(nx.path_graph(4), wf_improved=...)
    ExpectScores(Closeness(test_graphs::Path4(), wf_improved), {0.5, 0.75, 0.75, 0.5});
    // nx.closeness_centrality(nx.star_graph(4), wf_improved=...)
    ExpectScores(
        Closeness(test_graphs::Star5(), wf_improved),
        {1.0, 0.5714285714285714, 0.5714285714285714, 0.5714285714285714, 0.5714285714285714});
  }
  // nx.harmonic_centrality(nx.path_graph(4)) and of nx.star_graph(4)
  ExpectScores(HarmonicCentrality(test_graphs::Path4()),
               {1.8333333333333333, 2.5, 2.5, 1.8333333333333333});
  ExpectScores(HarmonicCentrality(test_graphs::Star5()), {4.0, 2.5, 2.5, 2.5, 2.5});
}

// In a disconnected graph, wf_improved scales by the reached fraction; isolated vertices score 0.
TEST(ClosenessCentralityTest, DisconnectedGraphUsesWassermanFaust) {
  const CsrGraph graph = test_graphs::DisconnectedPairs();
  // nx.closeness_centrality(edges 0-1, 2-3 + isolated 4, wf_improved=True / False)
  ExpectScores(Closeness(graph, true), {0.25, 0.25, 0.25, 0.25, 0.0});
  ExpectScores(Closeness(graph, false), {1.0, 1.0, 1.0, 1.0, 0.0});
  // nx.harmonic_centrality on the same graph
  ExpectScores(HarmonicCentrality(graph), {1.0, 1.0, 1.0, 1.0, 0.0});
}

// Self-loops and parallel edges do not shorten any distance.
TEST(ClosenessCentralityTest, SelfLoopsAndParallelEdges) {
  // nx.closeness_centrality / harmonic_centrality(nx.Graph([(0,1), (1,2), (2,0), (0,0)]))
  ExpectScores(ClosenessCentrality(test_graphs::TriangleWithSelfLoop()), {1.0, 1.0, 1.0});
  ExpectScores(HarmonicCentrality(test_graphs::TriangleWithSelfLoop()), {2.0, 2.0, 2.0});
  // nx.closeness_centrality / harmonic_centrality(multi square)
  ExpectScores(ClosenessCentrality(test_graphs::WeightedMultiSquare()), {0.75, 0.75, 0.75, 0.75});
  ExpectScores(HarmonicCentrality(test_graphs::WeightedMultiSquare()), {2.5, 2.5, 2.5, 2.5});
}

// Directed closeness counts the vertices that reach v (NetworkX reverses the graph).
TEST(ClosenessCentralityTest, DirectedUsesIncomingDistance) {
  const CsrGraph path = test_graphs::DirectedPath4();
  // nx.closeness_centrality(nx.DiGraph([(0, 1), (1, 2), (2, 3)]), wf_improved=True / False)
  ExpectScores(Closeness(path, true), {0.0, 0.3333333333333333, 0.4444444444444444, 0.5});
  ExpectScores(Closeness(path, false), {0.0, 1.0, 0.6666666666666666, 0.5});
  // nx.harmonic_centrality of the same DiGraph
  ExpectScores(HarmonicCentrality(path), {0.0, 1.0, 1.5, 1.8333333333333333});

  const CsrGraph cycle = test_graphs::DirectedCycleIntoLoop();
  // nx.closeness_centrality(DiGraph cycle into loop, wf_improved=True / False), harmonic
  ExpectScores(Closeness(cycle, true), {0.3333333333333333, 0.3333333333333333, 0.3333333333333333,
                                        0.375, 0.5714285714285714});
  ExpectScores(Closeness(cycle, false), {0.6666666666666666, 0.6666666666666666, 0.6666666666666666,
                                         0.5, 0.5714285714285714});
  ExpectScores(HarmonicCentrality(cycle), {1.5, 1.5, 1.5, 1.8333333333333333, 2.833333333333333});

  const CsrGraph dangling = test_graphs::DirectedWithDanglingVertex();
  // nx.closeness_centrality(nx.DiGraph([(0, 1), (1, 2), (0, 2), (3, 2)])), harmonic
  ExpectScores(Closeness(dangling, true), {0.0, 0.3333333333333333, 1.0, 0.0});
  ExpectScores(Closeness(dangling, false), {0.0, 1.0, 1.0, 0.0});
  ExpectScores(HarmonicCentrality(dangling), {0.0, 1.0, 3.0, 0.0});

  const CsrGraph multi = test_graphs::WeightedMultiDigraph();
  // nx.closeness_centrality / harmonic_centrality(MultiDiGraph 0->1 twice, 1->2, 2->0, 2->2)
  ExpectScores(ClosenessCentrality(multi),
               {0.6666666666666666, 0.6666666666666666, 0.6666666666666666});
  ExpectScores(HarmonicCentrality(multi), {1.5, 1.5, 1.5});
}

// Weighted: arc weights are lengths, and parallel edges use the lightest.
TEST(ClosenessCentralityTest, WeightsAreDistances) {
  const CsrGraph graph = test_graphs::WeightedGraph();
  // nx.closeness_centrality(weighted Graph, distance="weight"), harmonic_centrality likewise
  ExpectScores(Closeness(graph, true, true),
               {0.42105263157894735, 0.6153846153846154, 0.7272727272727273, 0.6666666666666666,
                0.38095238095238093});
  ExpectScores(HarmonicCentrality(graph, {.weighted = true}),
               {2.15, 3.0, 4.0, 3.733333333333333, 1.75});

  const CsrGraph digraph = test_graphs::WeightedDigraph();
  // nx.closeness_centrality(weighted DiGraph, distance="weight"), harmonic_centrality likewise
  ExpectScores(Closeness(digraph, true, true),
               {0.42857142857142855, 0.5, 0.3333333333333333, 0.375});
  ExpectScores(HarmonicCentrality(digraph, {.weighted = true}),
               {1.75, 1.8333333333333333, 1.0833333333333333, 1.5833333333333333});

  const CsrGraph multi = test_graphs::WeightedMultiSquare();
  // nx.closeness_centrality(multi square, distance="weight"), harmonic_centrality likewise
  ExpectScores(Closeness(multi, true, true), {0.46153846153846156, 0.5, 0.5, 0.46153846153846156});
  ExpectScores(HarmonicCentrality(multi, {.weighted = true}),
               {1.7333333333333334, 1.8333333333333333, 1.8333333333333333, 1.7333333333333334});
}

// The totals behind both measures: reach count and distance sums per direction.
TEST(ClosenessCentralityTest, DistanceTotalsFollowDirection) {
  const CsrGraph path = test_graphs::DirectedPath4();
  const std::vector<DistanceTotals> outgoing =
      ComputeDistanceTotals(path, ArcDirection::kOut, /*use_weights=*/false, /*threads=*/1);
  EXPECT_EQ(outgoing[0].others_reached, 3u);
  EXPECT_DOUBLE_EQ(outgoing[0].distance_sum, 6.0);
  EXPECT_DOUBLE_EQ(outgoing[0].inverse_distance_sum, 1.0 + 0.5 + 1.0 / 3);
  EXPECT_EQ(outgoing[3].others_reached, 0u);
  const std::vector<DistanceTotals> incoming =
      ComputeDistanceTotals(path, ArcDirection::kIn, /*use_weights=*/false, /*threads=*/1);
  EXPECT_EQ(incoming[0].others_reached, 0u);
  EXPECT_EQ(incoming[3].others_reached, 3u);
  EXPECT_DOUBLE_EQ(incoming[3].distance_sum, 6.0);
}

// Splitting sources over threads gives the same scores (each source writes only its own).
TEST(ClosenessCentralityTest, ThreadsMatchOneThread) {
  const CsrGraph graph = test_graphs::RandomGraph(600, 1500, /*directed=*/true, /*seed=*/3);
  for (bool weighted : {false, true}) {
    ExpectScores(ClosenessCentrality(graph, {.weighted = weighted, .threads = 2}),
                 ClosenessCentrality(graph, {.weighted = weighted, .threads = 1}), 1e-12);
    ExpectScores(HarmonicCentrality(graph, {.weighted = weighted, .threads = 0}),
                 HarmonicCentrality(graph, {.weighted = weighted, .threads = 1}), 1e-12);
  }
}

}  // namespace
}  // namespace alliance::analytics
