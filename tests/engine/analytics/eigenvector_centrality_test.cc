// Eigenvector centrality against NetworkX 2.8.8's eigenvector_centrality: same power iteration
// (on A + I), so the same scores and the same iteration at which it stops.

#include "engine/analytics/eigenvector_centrality.h"

#include <vector>

#include "gtest/gtest.h"
#include "tests/engine/analytics/centrality_test_graphs.h"

namespace alliance::analytics {
namespace {

using test_graphs::ExpectScores;

// NetworkX raises for the null graph; here it is the one non-converged empty result.
TEST(EigenvectorCentralityTest, NullGraphDoesNotConverge) {
  const EigenvectorCentralityResult result = EigenvectorCentrality(test_graphs::EmptyGraph());
  EXPECT_FALSE(result.converged);
  EXPECT_TRUE(result.scores.empty());
}

// Iterates exactly as NetworkX: same scores and the same number of sweeps (found by rerunning
// NetworkX with max_iter = 1, 2, ... until it stopped raising).
TEST(EigenvectorCentralityTest, UndirectedMatchesNetworkX) {
  struct Case {
    const char* name;
    CsrGraph graph;
    std::vector<double> expected;
    uint32_t iterations;
  };
  const std::vector<Case> cases = {
      // nx.eigenvector_centrality(G) for the named G
      {"single vertex", test_graphs::SingleVertex(), {1.0}, 1},
      {"single edge", test_graphs::SingleEdge(), {0.7071067811865476, 0.7071067811865476}, 2},
      {"path_graph(4)",
       test_graphs::Path4(),
       {0.37174823427120085, 0.6015008315175003, 0.6015008315175004, 0.3717482342712008},
       7},
      {"star_graph(4)",
       test_graphs::Star5(),
       {0.7071069290249942, 0.353553316674035, 0.353553316674035, 0.353553316674035,
        0.353553316674035},
       13},
      {"cycle_graph(3)",
       test_graphs::Triangle(),
       {0.5773502691896258, 0.5773502691896258, 0.5773502691896258},
       2},
      // The self-loop counts once, like NetworkX's G[0][0].
      {"triangle with loop",
       test_graphs::TriangleWithSelfLoop(),
       {0.707106690085642, 0.5000000644180598, 0.5000000644180598},
       8},
      // The isolated vertex decays towards 0 without blocking convergence.
      {"pairs + isolated",
       test_graphs::DisconnectedPairs(),
       {0.499999999996362, 0.499999999996362, 0.499999999996362, 0.499999999996362,
        3.8146972655972444e-06},
       17},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const EigenvectorCentralityResult result = EigenvectorCentrality(c.graph);
    EXPECT_TRUE(result.converged);
    EXPECT_EQ(result.iterations, c.iterations);
    ExpectScores(result.scores, c.expected);
  }
}

// Weighted: each in-neighbour contributes score * weight.
TEST(EigenvectorCentralityTest, Weighted) {
  // nx.eigenvector_centrality(weighted Graph, weight="weight") -- 18 sweeps; weight=None differs
  const EigenvectorCentralityResult weighted =
      EigenvectorCentrality(test_graphs::WeightedGraph(), {.weighted = true});
  EXPECT_TRUE(weighted.converged);
  EXPECT_EQ(weighted.iterations, 18u);
  ExpectScores(weighted.scores, {0.33800888113596583, 0.6081919268992321, 0.3600244276024885,
                                 0.26108779896056483, 0.563975308937581});
  // nx.eigenvector_centrality(weighted Graph)
  ExpectScores(EigenvectorCentrality(test_graphs::WeightedGraph()).scores,
               {0.4271316779596084, 0.5298988890761731, 0.5298988890761731, 0.35775191431708964,
                0.35775191431708964});
}

// Directed graphs score v by its in-neighbours (NetworkX adds x[u] into x[v] for each u -> v).
TEST(EigenvectorCentralityTest, DirectedUsesInNeighbours) {
  // nx.eigenvector_centrality(weighted DiGraph) and with weight="weight" (22 sweeps)
  ExpectScores(EigenvectorCentrality(test_graphs::WeightedDigraph()).scores,
               {0.44837094214182543, 0.32133551485489187, 0.551628476318296, 0.6256300897899241});
  const EigenvectorCentralityResult weighted =
      EigenvectorCentrality(test_graphs::WeightedDigraph(), {.weighted = true});
  EXPECT_TRUE(weighted.converged);
  EXPECT_EQ(weighted.iterations, 22u);
  ExpectScores(weighted.scores,
               {0.328797488521238, 0.16439915157693497, 0.6575964112062804, 0.6575956892130079});
}

// Parallel arcs add up: scores equal NetworkX's on the simple graph whose edge weight is the
// multiplicity (or the summed weight); NetworkX itself rejects multigraphs here.
TEST(EigenvectorCentralityTest, ParallelEdgesAddUp) {
  // nx.eigenvector_centrality(Graph 0-1 (mult 2), 1-2, 2-3, 3-0, weight="mult")
  ExpectScores(EigenvectorCentrality(test_graphs::WeightedMultiSquare()).scores,
               {0.6015006317062692, 0.6015006317062692, 0.3717485575721297, 0.3717485575721297});
  // nx.eigenvector_centrality(Graph 0-1 (4.0), 1-2 (2.0), 2-3 (1.0), 3-0 (2.5), weight="weight")
  ExpectScores(EigenvectorCentrality(test_graphs::WeightedMultiSquare(), {.weighted = true}).scores,
               {0.6392842444600904, 0.6060439467512783, 0.3021837687032091, 0.36429570313627185});
}

// Running out of iterations reports failure where NetworkX raises
// PowerIterationFailedConvergence: nx.eigenvector_centrality(nx.path_graph(4), max_iter=3) and
// the DiGraph cycle feeding a self-looped sink at the default 100.
TEST(EigenvectorCentralityTest, ReportsNonConvergence) {
  const EigenvectorCentralityResult short_run =
      EigenvectorCentrality(test_graphs::Path4(), {.max_iterations = 3});
  EXPECT_FALSE(short_run.converged);
  EXPECT_EQ(short_run.iterations, 3u);
  EXPECT_EQ(short_run.scores.size(), 4u);
  EXPECT_FALSE(EigenvectorCentrality(test_graphs::DirectedCycleIntoLoop()).converged);
}

// A tighter tolerance iterates longer and lands closer to the eigenvector.
TEST(EigenvectorCentralityTest, ToleranceControlsStop) {
  // nx.eigenvector_centrality(nx.path_graph(4), tol=1e-12) -- 15 sweeps
  const EigenvectorCentralityResult result =
      EigenvectorCentrality(test_graphs::Path4(), {.tolerance = 1e-12});
  EXPECT_TRUE(result.converged);
  EXPECT_EQ(result.iterations, 15u);
  ExpectScores(result.scores,
               {0.3717480344602256, 0.6015009550075203, 0.6015009550075203, 0.3717480344602255});
}

}  // namespace
}  // namespace alliance::analytics
