// PageRank against NetworkX 2.8.8's pagerank (the scipy power iteration): scores, the
// iteration at which it stops, dangling vertices, weights, parallel edges and the thread split.

#include "engine/analytics/page_rank.h"

#include <numeric>
#include <vector>

#include "gtest/gtest.h"
#include "tests/engine/analytics/centrality_test_graphs.h"

namespace alliance::analytics {
namespace {

using test_graphs::ExpectScores;

// NetworkX returns {} for the null graph; that counts as converged after no sweeps.
TEST(PageRankTest, NullGraph) {
  const PageRankResult result = PageRank(test_graphs::EmptyGraph());
  EXPECT_TRUE(result.converged);
  EXPECT_EQ(result.iterations, 0u);
  EXPECT_TRUE(result.scores.empty());
}

// Same scores and same number of sweeps as NetworkX (found by rerunning nx.pagerank with
// max_iter = 1, 2, ... until it stopped raising), on undirected and directed graphs alike.
TEST(PageRankTest, MatchesNetworkXIterationForIteration) {
  struct Case {
    const char* name;
    CsrGraph graph;
    std::vector<double> expected;
    uint32_t iterations;
  };
  const std::vector<Case> cases = {
      // nx.pagerank(G) for the named G
      {"single vertex", test_graphs::SingleVertex(), {1.0}, 1},
      {"single edge", test_graphs::SingleEdge(), {0.5, 0.5}, 1},
      {"cycle_graph(3)",
       test_graphs::Triangle(),
       {0.3333333333333333, 0.3333333333333333, 0.3333333333333333},
       1},
      {"path_graph(4)",
       test_graphs::Path4(),
       {0.17543839772251532, 0.32456160227748454, 0.32456160227748454, 0.17543839772251532},
       15},
      {"star_graph(4)",
       test_graphs::Star5(),
       {0.47567668878363595, 0.13108082780409108, 0.13108082780409108, 0.13108082780409108,
        0.13108082780409108},
       77},
      // The isolated vertex is dangling: its score is spread uniformly.
      {"pairs + isolated",
       test_graphs::DisconnectedPairs(),
       {0.2409638268462948, 0.2409638268462948, 0.2409638268462948, 0.2409638268462948,
        0.03614469261482073},
       8},
      // The undirected self-loop is one arc back to 0 (one diagonal entry in NetworkX's matrix).
      {"triangle with loop",
       test_graphs::TriangleWithSelfLoop(),
       {0.41605848889566305, 0.2919707555521684, 0.2919707555521684},
       7},
      {"DiGraph path",
       test_graphs::DirectedPath4(),
       {0.11615558155321364, 0.21488785520742984, 0.2988109016680539, 0.3701456615713026},
       21},
      // The sink's self-loop keeps it from dangling, so it soaks up most of the score.
      {"DiGraph cycle into loop",
       test_graphs::DirectedCycleIntoLoop(),
       {0.06330779853288171, 0.05690581437647473, 0.07837034438798963, 0.06330779853288171,
        0.7381082441697725},
       20},
      {"DiGraph with dangling 2",
       test_graphs::DirectedWithDanglingVertex(),
       {0.14469179492479523, 0.20618556701106677, 0.5044308431393429, 0.14469179492479523},
       16},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const PageRankResult result = PageRank(c.graph);
    EXPECT_TRUE(result.converged);
    EXPECT_EQ(result.iterations, c.iterations);
    ExpectScores(result.scores, c.expected);
    EXPECT_NEAR(std::accumulate(result.scores.begin(), result.scores.end(), 0.0), 1.0, 1e-12);
  }
}

// Weighted (the NetworkX default) follows arcs by weight / out-strength; unweighted counts
// arcs, so a doubled edge still carries twice the share.
TEST(PageRankTest, WeightsAndParallelEdges) {
  struct Case {
    const char* name;
    CsrGraph graph;
    bool weighted;
    std::vector<double> expected;
    uint32_t iterations;
  };
  const std::vector<Case> cases = {
      // nx.pagerank(G) (weight="weight") and nx.pagerank(G, weight=None)
      {"weighted Graph",
       test_graphs::WeightedGraph(),
       true,
       {0.17117605447152173, 0.26446650019123735, 0.19809337898855214, 0.12298330234849664,
        0.24328076400019213},
       35},
      {"weighted Graph, weight=None",
       test_graphs::WeightedGraph(),
       false,
       {0.16809495422526696, 0.24369622576678, 0.24369622576678, 0.1722562971205864,
        0.1722562971205864},
       14},
      {"weighted DiGraph",
       test_graphs::WeightedDigraph(),
       true,
       {0.3105251403417434, 0.1034865194604215, 0.2647808726113472, 0.3212074675864879},
       56},
      {"weighted DiGraph, weight=None",
       test_graphs::WeightedDigraph(),
       false,
       {0.2972101275128807, 0.163813582448939, 0.23343473174786417, 0.30554155829031626},
       40},
      {"multi square",
       test_graphs::WeightedMultiSquare(),
       true,
       {0.32866520395673005, 0.3065069123505275, 0.17133479604326993, 0.19349308764947237},
       5},
      {"multi square, weight=None",
       test_graphs::WeightedMultiSquare(),
       false,
       {0.2912620886697602, 0.2912620886697602, 0.20873791133023972, 0.20873791133023972},
       7},
      {"MultiDiGraph",
       test_graphs::WeightedMultiDigraph(),
       true,
       {0.2540239254039426, 0.2659197486050315, 0.48005632599102566},
       25},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const PageRankResult result = PageRank(c.graph, {.weighted = c.weighted});
    EXPECT_TRUE(result.converged);
    EXPECT_EQ(result.iterations, c.iterations);
    ExpectScores(result.scores, c.expected);
  }
}

// Damping and tolerance are NetworkX's alpha and tol.
TEST(PageRankTest, DampingAndTolerance) {
  // nx.pagerank(DiGraph cycle into loop, alpha=0.5, tol=1e-10) -- 19 sweeps
  const PageRankResult result =
      PageRank(test_graphs::DirectedCycleIntoLoop(), {.damping = 0.5, .tolerance = 1e-10});
  EXPECT_TRUE(result.converged);
  EXPECT_EQ(result.iterations, 19u);
  ExpectScores(result.scores, {0.14193548387847843, 0.13548387098126113, 0.16774193551391364,
                               0.14193548387847843, 0.4129032257478684});
}

// Running out of sweeps is reported where NetworkX raises PowerIterationFailedConvergence
// (nx.pagerank(DiGraph cycle into loop, max_iter=2)); the last iterate is still returned.
TEST(PageRankTest, ReportsNonConvergence) {
  const PageRankResult result =
      PageRank(test_graphs::DirectedCycleIntoLoop(), {.max_iterations = 2});
  EXPECT_FALSE(result.converged);
  EXPECT_EQ(result.iterations, 2u);
  EXPECT_NEAR(std::accumulate(result.scores.begin(), result.scores.end(), 0.0), 1.0, 1e-12);
}

// Sweeping vertex blocks on two threads gives the same ranks and stops at the same sweep.
TEST(PageRankTest, TwoThreadsMatchOneThread) {
  for (bool directed : {false, true}) {
    const CsrGraph graph = test_graphs::RandomGraph(2000, 6000, directed, /*seed=*/5);
    for (bool weighted : {false, true}) {
      const PageRankResult single = PageRank(graph, {.weighted = weighted, .threads = 1});
      const PageRankResult split = PageRank(graph, {.weighted = weighted, .threads = 2});
      EXPECT_TRUE(single.converged);
      EXPECT_EQ(split.iterations, single.iterations);
      ExpectScores(split.scores, single.scores, 1e-9);
    }
  }
}

}  // namespace
}  // namespace alliance::analytics
