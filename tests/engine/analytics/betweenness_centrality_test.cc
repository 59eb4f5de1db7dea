// Betweenness centrality against NetworkX 2.8.8's betweenness_centrality: normalisation and
// endpoints on every small graph, weights, multigraph rules, k-sample rescaling, and the
// thread split agreeing with a single thread.

#include "engine/analytics/betweenness_centrality.h"

#include <vector>

#include "gtest/gtest.h"
#include "tests/engine/analytics/centrality_test_graphs.h"

namespace alliance::analytics {
namespace {

using test_graphs::ExpectScores;

std::vector<double> Betweenness(const CsrGraph& graph, bool normalized, bool endpoints) {
  return BetweennessCentrality(graph, {.normalized = normalized, .endpoints = endpoints});
}

// The null graph has no scores and a lone vertex scores 0 in every mode.
TEST(BetweennessCentralityTest, EmptyAndSingleVertex) {
  EXPECT_TRUE(BetweennessCentrality(test_graphs::EmptyGraph()).empty());
  for (bool normalized : {false, true}) {
    for (bool endpoints : {false, true}) {
      ExpectScores(Betweenness(test_graphs::SingleVertex(), normalized, endpoints), {0.0});
    }
  }
}

// n = 2: NetworkX skips normalisation without endpoints (n <= 2) but applies 1/(n(n-1)) with
// them; unnormalised undirected scores are halved.
TEST(BetweennessCentralityTest, TwoVerticesFollowRescaleCases) {
  const CsrGraph graph = test_graphs::SingleEdge();
  // nx.betweenness_centrality(nx.Graph([(0, 1)]), normalized=..., endpoints=...)
  ExpectScores(Betweenness(graph, true, false), {0.0, 0.0});
  ExpectScores(Betweenness(graph, true, true), {1.0, 1.0});
  ExpectScores(Betweenness(graph, false, false), {0.0, 0.0});
  ExpectScores(Betweenness(graph, false, true), {1.0, 1.0});
}

// Undirected normalisation is 1/((n-1)(n-2)) on ordered pairs, halving otherwise.
TEST(BetweennessCentralityTest, PathAndStar) {
  const CsrGraph path = test_graphs::Path4();
  // nx.betweenness_centrality(nx.path_graph(4), normalized=..., endpoints=...)
  ExpectScores(Betweenness(path, true, false), {0.0, 0.6666666666666666, 0.6666666666666666, 0.0});
  ExpectScores(Betweenness(path, true, true), {0.5, 0.8333333333333333, 0.8333333333333333, 0.5});
  ExpectScores(Betweenness(path, false, false), {0.0, 2.0, 2.0, 0.0});
  ExpectScores(Betweenness(path, false, true), {3.0, 5.0, 5.0, 3.0});

  const CsrGraph star = test_graphs::Star5();
  // nx.betweenness_centrality(nx.star_graph(4), normalized=..., endpoints=...)
  ExpectScores(Betweenness(star, true, false), {1.0, 0.0, 0.0, 0.0, 0.0});
  ExpectScores(Betweenness(star, true, true), {1.0, 0.4, 0.4, 0.4, 0.4});
  ExpectScores(Betweenness(star, false, false), {6.0, 0.0, 0.0, 0.0, 0.0});
  ExpectScores(Betweenness(star, false, true), {10.0, 4.0, 4.0, 4.0, 4.0});
}

// A self-loop is never on a shortest path: the looped triangle scores as the plain one.
TEST(BetweennessCentralityTest, SelfLoopIsIgnored) {
  for (const CsrGraph& graph : {test_graphs::Triangle(), test_graphs::TriangleWithSelfLoop()}) {
    // nx.betweenness_centrality(nx.cycle_graph(3) and the looped triangle, ...)
    ExpectScores(Betweenness(graph, true, false), {0.0, 0.0, 0.0});
    ExpectScores(Betweenness(graph, true, true),
                 {0.6666666666666666, 0.6666666666666666, 0.6666666666666666});
    ExpectScores(Betweenness(graph, false, true), {2.0, 2.0, 2.0});
  }
}

// Endpoint credit only covers vertices the source reaches; isolated vertices get nothing.
TEST(BetweennessCentralityTest, DisconnectedGraph) {
  const CsrGraph graph = test_graphs::DisconnectedPairs();
  // nx.betweenness_centrality(edges 0-1, 2-3 + isolated 4, normalized=..., endpoints=True)
  ExpectScores(Betweenness(graph, true, false), {0.0, 0.0, 0.0, 0.0, 0.0});
  ExpectScores(Betweenness(graph, true, true), {0.1, 0.1, 0.1, 0.1, 0.0});
  ExpectScores(Betweenness(graph, false, true), {1.0, 1.0, 1.0, 1.0, 0.0});
}

// Parallel edges are one step (not two paths), and weighted uses the lightest of them, as
// NetworkX on a MultiGraph.
TEST(BetweennessCentralityTest, ParallelEdgesCountOnce) {
  const CsrGraph graph = test_graphs::WeightedMultiSquare();
  // nx.betweenness_centrality(multi square, normalized=..., endpoints=...)
  ExpectScores(Betweenness(graph, true, false), {0.16666666666666666, 0.16666666666666666,
                                                 0.16666666666666666, 0.16666666666666666});
  ExpectScores(Betweenness(graph, true, true),
               {0.5833333333333333, 0.5833333333333333, 0.5833333333333333, 0.5833333333333333});
  ExpectScores(Betweenness(graph, false, false), {0.5, 0.5, 0.5, 0.5});
  ExpectScores(Betweenness(graph, false, true), {3.5, 3.5, 3.5, 3.5});
  // nx.betweenness_centrality(multi square, normalized=..., weight="weight")
  ExpectScores(BetweennessCentrality(graph, {.weighted = true}),
               {0.0, 0.3333333333333333, 0.3333333333333333, 0.0});
  ExpectScores(BetweennessCentrality(graph, {.normalized = false, .weighted = true}),
               {0.0, 1.0, 1.0, 0.0});
}

// Directed graphs normalise by 1/((n-1)(n-2)) and are not halved when unnormalised.
TEST(BetweennessCentralityTest, Directed) {
  const CsrGraph path = test_graphs::DirectedPath4();
  // nx.betweenness_centrality(nx.DiGraph([(0, 1), (1, 2), (2, 3)]), ...)
  ExpectScores(Betweenness(path, true, false), {0.0, 0.3333333333333333, 0.3333333333333333, 0.0});
  ExpectScores(Betweenness(path, true, true),
               {0.25, 0.41666666666666663, 0.41666666666666663, 0.25});
  ExpectScores(Betweenness(path, false, false), {0.0, 2.0, 2.0, 0.0});
  ExpectScores(Betweenness(path, false, true), {3.0, 5.0, 5.0, 3.0});

  const CsrGraph cycle = test_graphs::DirectedCycleIntoLoop();
  // nx.betweenness_centrality(nx.DiGraph([(0,1), (1,2), (2,0), (2,3), (3,4), (0,4), (4,4)]), ...)
  ExpectScores(Betweenness(cycle, true, false), {0.16666666666666666, 0.16666666666666666,
                                                 0.3333333333333333, 0.08333333333333333, 0.0});
  ExpectScores(Betweenness(cycle, true, true), {0.4, 0.4, 0.5, 0.25, 0.2});
  ExpectScores(Betweenness(cycle, false, false), {2.0, 2.0, 4.0, 1.0, 0.0});
  ExpectScores(Betweenness(cycle, false, true), {8.0, 8.0, 10.0, 5.0, 4.0});

  const CsrGraph dangling = test_graphs::DirectedWithDanglingVertex();
  // nx.betweenness_centrality(nx.DiGraph([(0, 1), (1, 2), (0, 2), (3, 2)]), endpoints=True, ...)
  ExpectScores(Betweenness(dangling, true, true),
               {0.16666666666666666, 0.16666666666666666, 0.25, 0.08333333333333333});
  ExpectScores(Betweenness(dangling, false, true), {2.0, 2.0, 3.0, 1.0});

  const CsrGraph multi = test_graphs::WeightedMultiDigraph();
  // nx.betweenness_centrality(MultiDiGraph 0->1 twice, 1->2, 2->0, 2->2, ...)
  ExpectScores(Betweenness(multi, true, false), {0.5, 0.5, 0.5});
  ExpectScores(Betweenness(multi, false, true), {5.0, 5.0, 5.0});
}

// Weighted shortest paths (Dijkstra), ties between equal-length paths shared out.
TEST(BetweennessCentralityTest, WeightsAreDistances) {
  const CsrGraph graph = test_graphs::WeightedGraph();
  // nx.betweenness_centrality(weighted Graph, normalized=..., weight="weight")
  ExpectScores(BetweennessCentrality(graph, {.weighted = true}),
               {0.0, 0.27777777777777773, 0.5277777777777777, 0.36111111111111105, 0.0});
  ExpectScores(BetweennessCentrality(graph, {.normalized = false, .weighted = true}),
               {0.0, 1.6666666666666665, 3.166666666666666, 2.1666666666666665, 0.0});

  const CsrGraph digraph = test_graphs::WeightedDigraph();
  // nx.betweenness_centrality(weighted DiGraph, normalized=..., weight="weight")
  ExpectScores(BetweennessCentrality(digraph, {.weighted = true}), {0.5, 0.25, 0.5, 0.5});
  ExpectScores(BetweennessCentrality(digraph, {.normalized = false, .weighted = true}),
               {3.0, 1.5, 3.0, 3.0});

  const CsrGraph multi = test_graphs::WeightedMultiDigraph();
  // nx.betweenness_centrality(weighted MultiDiGraph, weight="weight")
  ExpectScores(BetweennessCentrality(multi, {.weighted = true}), {0.5, 0.5, 0.5});
}

// The weighted flag is harmless on an unweighted graph: every arc has length 1.
TEST(BetweennessCentralityTest, WeightedOnUnweightedGraphIsHopCount) {
  ExpectScores(BetweennessCentrality(test_graphs::Path4(), {.weighted = true}),
               Betweenness(test_graphs::Path4(), true, false));
}

// Explicit sources stand in for NetworkX's k random pivots: scores scale by n/k wherever
// _rescale scales at all (not for unnormalised directed graphs).
TEST(BetweennessCentralityTest, SampledSourcesRescaleLikeK) {
  // nx.betweenness_centrality(nx.path_graph(4), k=2, ...) with the sample forced to [1, 3]
  const CsrGraph path = test_graphs::Path4();
  const std::vector<VertexIndex> path_sources = {1, 3};
  ExpectScores(BetweennessCentrality(path, {.sources = path_sources}),
               {0.0, 0.3333333333333333, 1.0, 0.0});
  ExpectScores(BetweennessCentrality(path, {.endpoints = true, .sources = path_sources}),
               {0.3333333333333333, 0.8333333333333333, 0.8333333333333333, 0.6666666666666666});
  ExpectScores(BetweennessCentrality(path, {.normalized = false, .sources = path_sources}),
               {0.0, 1.0, 3.0, 0.0});
  ExpectScores(BetweennessCentrality(
                   path, {.normalized = false, .endpoints = true, .sources = path_sources}),
               {2.0, 5.0, 5.0, 4.0});

  // nx.betweenness_centrality(weighted Graph, k=3, ...) with the sample forced to [0, 2, 4]
  const CsrGraph weighted = test_graphs::WeightedGraph();
  const std::vector<VertexIndex> weighted_sources = {0, 2, 4};
  ExpectScores(BetweennessCentrality(weighted, {.sources = weighted_sources}),
               {0.0, 0.41666666666666663, 0.13888888888888887, 0.13888888888888887, 0.0});
  ExpectScores(BetweennessCentrality(
                   weighted, {.normalized = false, .endpoints = true, .sources = weighted_sources}),
               {5.0, 5.0, 5.833333333333334, 3.3333333333333335, 5.0});
  // ... and weight="weight"
  ExpectScores(BetweennessCentrality(weighted, {.weighted = true, .sources = weighted_sources}),
               {0.0, 0.39351851851851843, 0.39351851851851843, 0.5324074074074073, 0.0});

  // nx.betweenness_centrality(DiGraph cycle into loop, k=2, ...) with the sample forced to [0, 3]
  const CsrGraph directed = test_graphs::DirectedCycleIntoLoop();
  const std::vector<VertexIndex> directed_sources = {0, 3};
  ExpectScores(BetweennessCentrality(directed, {.sources = directed_sources}),
               {0.0, 0.41666666666666663, 0.20833333333333331, 0.0, 0.0});
  ExpectScores(BetweennessCentrality(directed, {.endpoints = true, .sources = directed_sources}),
               {0.5, 0.375, 0.25, 0.25, 0.25});
  ExpectScores(BetweennessCentrality(directed, {.normalized = false, .sources = directed_sources}),
               {0.0, 2.0, 1.0, 0.0, 0.0});
  ExpectScores(BetweennessCentrality(
                   directed, {.normalized = false, .endpoints = true, .sources = directed_sources}),
               {4.0, 3.0, 2.0, 2.0, 2.0});
}

// An empty sample yields zeros rather than NetworkX's division by k = 0.
TEST(BetweennessCentralityTest, EmptySampleScoresZero) {
  ExpectScores(BetweennessCentrality(test_graphs::Path4(), {.sources = std::vector<VertexIndex>{}}),
               {0.0, 0.0, 0.0, 0.0});
}

// Splitting sources over threads changes nothing but float rounding, for BFS on an
// undirected graph and Dijkstra on a directed one.
TEST(BetweennessCentralityTest, TwoThreadsMatchOneThread) {
  for (bool directed_and_weighted : {false, true}) {
    const CsrGraph graph = test_graphs::RandomGraph(2000, 4000, directed_and_weighted, /*seed=*/7);
    const std::vector<double> single =
        BetweennessCentrality(graph, {.weighted = directed_and_weighted, .threads = 1});
    const std::vector<double> split =
        BetweennessCentrality(graph, {.weighted = directed_and_weighted, .threads = 2});
    ExpectScores(split, single, 1e-9);
  }
}

// Sampled sources, endpoints and the hardware thread count (0) combine with the split.
TEST(BetweennessCentralityTest, SampledSourcesSplitOverAllHardwareThreads) {
  const CsrGraph graph = test_graphs::RandomGraph(500, 1500, /*directed=*/false, /*seed=*/11);
  std::vector<VertexIndex> sources;
  for (VertexIndex v = 0; v < 500; v += 7) sources.push_back(v);
  const BetweennessOptions single = {.endpoints = true, .sources = sources, .threads = 1};
  BetweennessOptions all_threads = single;
  all_threads.threads = 0;
  ExpectScores(BetweennessCentrality(graph, all_threads), BetweennessCentrality(graph, single),
               1e-9);
}

}  // namespace
}  // namespace alliance::analytics
