// Degree centrality against NetworkX 2.8.8's degree_centrality, in_/out_degree_centrality
// and G.degree(weight="weight"), including self-loops, parallel edges and n <= 1.

#include "engine/analytics/degree_centrality.h"

#include <vector>

#include "gtest/gtest.h"
#include "tests/engine/analytics/centrality_test_graphs.h"

namespace alliance::analytics {
namespace {

using test_graphs::ExpectScores;

// The null graph has no scores; a lone vertex scores 1 as NetworkX's len(G) <= 1 case.
TEST(DegreeCentralityTest, GraphsOfAtMostOneVertex) {
  EXPECT_TRUE(DegreeCentrality(test_graphs::EmptyGraph()).empty());
  ExpectScores(DegreeCentrality(test_graphs::SingleVertex()), {1.0});
  ExpectScores(DegreeCentrality(test_graphs::SingleVertex(), {.weighted = true}), {1.0});
}

// Degree over n - 1 on simple undirected graphs; isolated vertices score 0.
TEST(DegreeCentralityTest, UndirectedDegreeOverNMinusOne) {
  // nx.degree_centrality(nx.path_graph(4))
  ExpectScores(DegreeCentrality(test_graphs::Path4()),
               {0.3333333333333333, 0.6666666666666666, 0.6666666666666666, 0.3333333333333333});
  // nx.degree_centrality(nx.star_graph(4))
  ExpectScores(DegreeCentrality(test_graphs::Star5()), {1.0, 0.25, 0.25, 0.25, 0.25});
  // nx.degree_centrality on edges 0-1, 2-3 and isolated node 4
  ExpectScores(DegreeCentrality(test_graphs::DisconnectedPairs()), {0.25, 0.25, 0.25, 0.25, 0.0});
  // nx.degree_centrality(nx.Graph([(0, 1)]))
  ExpectScores(DegreeCentrality(test_graphs::SingleEdge()), {1.0, 1.0});
}

// An undirected self-loop adds 2 to the degree even though the CSR stores it as one arc.
TEST(DegreeCentralityTest, UndirectedSelfLoopCountsTwice) {
  // nx.degree_centrality(nx.Graph([(0, 1), (1, 2), (2, 0), (0, 0)]))
  ExpectScores(DegreeCentrality(test_graphs::TriangleWithSelfLoop()), {2.0, 1.0, 1.0});
  // Every arc weighs 1 in an unweighted graph, so strength equals degree.
  ExpectScores(DegreeCentrality(test_graphs::TriangleWithSelfLoop(), {.weighted = true}),
               {2.0, 1.0, 1.0});
}

// Each parallel edge counts, as in a NetworkX MultiGraph; weighted sums every parallel weight.
TEST(DegreeCentralityTest, ParallelEdgesEachCount) {
  // nx.degree_centrality(multi square)
  ExpectScores(DegreeCentrality(test_graphs::WeightedMultiSquare()),
               {1.0, 1.0, 0.6666666666666666, 0.6666666666666666});
  // {v: d / 3 for v, d in multi_square.degree(weight="weight")}
  ExpectScores(DegreeCentrality(test_graphs::WeightedMultiSquare(), {.weighted = true}),
               {2.1666666666666665, 2.0, 1.0, 1.1666666666666667});
}

// Directed total degree is in + out (a self-loop adds 1 to each); in/out pick one side.
TEST(DegreeCentralityTest, DirectedInOutAndTotal) {
  const CsrGraph graph = test_graphs::DirectedCycleIntoLoop();
  // nx.degree_centrality / in_degree_centrality / out_degree_centrality on the same DiGraph
  ExpectScores(DegreeCentrality(graph), {0.75, 0.5, 0.75, 0.5, 1.0});
  ExpectScores(DegreeCentrality(graph, {.kind = DegreeKind::kIn}), {0.25, 0.25, 0.25, 0.25, 0.75});
  ExpectScores(DegreeCentrality(graph, {.kind = DegreeKind::kOut}), {0.5, 0.25, 0.5, 0.25, 0.25});

  const CsrGraph multi = test_graphs::WeightedMultiDigraph();
  // nx.degree_centrality / in_ / out_ on the MultiDiGraph (parallel 0->1, loop on 2)
  ExpectScores(DegreeCentrality(multi), {1.5, 1.5, 2.0});
  ExpectScores(DegreeCentrality(multi, {.kind = DegreeKind::kIn}), {0.5, 1.0, 1.0});
  ExpectScores(DegreeCentrality(multi, {.kind = DegreeKind::kOut}), {1.0, 0.5, 1.0});
}

// Weighted directed degree sums in- and/or out-arc weights.
TEST(DegreeCentralityTest, DirectedStrength) {
  const CsrGraph graph = test_graphs::WeightedDigraph();
  // {v: d / 3 for v, d in G.degree(weight="weight")}, and in_degree / out_degree likewise
  ExpectScores(DegreeCentrality(graph, {.weighted = true}),
               {1.6666666666666667, 2.3333333333333335, 2.0, 2.0});
  ExpectScores(DegreeCentrality(graph, {.kind = DegreeKind::kIn, .weighted = true}),
               {0.3333333333333333, 0.3333333333333333, 1.6666666666666667, 1.6666666666666667});
  ExpectScores(DegreeCentrality(graph, {.kind = DegreeKind::kOut, .weighted = true}),
               {1.3333333333333333, 2.0, 0.3333333333333333, 0.3333333333333333});
}

// In/out mean the plain degree on an undirected graph, where NetworkX has no such variant.
TEST(DegreeCentralityTest, UndirectedIgnoresKind) {
  const std::vector<double> total = DegreeCentrality(test_graphs::TriangleWithSelfLoop());
  ExpectScores(DegreeCentrality(test_graphs::TriangleWithSelfLoop(), {.kind = DegreeKind::kIn}),
               total);
  ExpectScores(DegreeCentrality(test_graphs::TriangleWithSelfLoop(), {.kind = DegreeKind::kOut}),
               total);
}

}  // namespace
}  // namespace alliance::analytics
