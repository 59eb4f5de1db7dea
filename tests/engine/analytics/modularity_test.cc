#include "engine/analytics/modularity.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "tests/engine/analytics/cohesion_test_graphs.h"

namespace alliance::analytics {
namespace {

using cohesion_graphs::Undirected;
using Labels = std::vector<uint32_t>;

// Expected values: networkx.algorithms.community.modularity(G, communities, ...) on the
// same graphs and partitions.
TEST(ModularityTest, UnweightedMatchesNetworkX) {
  EXPECT_NEAR(Modularity(cohesion_graphs::Triangle(), Labels{0, 0, 0}), 0.0, 1e-12);
  EXPECT_NEAR(Modularity(cohesion_graphs::Triangle(), Labels{0, 1, 2}), -0.3333333333333333, 1e-12);
  EXPECT_NEAR(Modularity(cohesion_graphs::Triangle(), Labels{0, 0, 2}), -0.2222222222222222, 1e-12);
  const Labels halves = {0, 0, 0, 0, 4, 4, 4, 4};  // ids need not be contiguous
  EXPECT_NEAR(Modularity(cohesion_graphs::TwoCliques(), halves), 0.42307692307692313, 1e-12);
  EXPECT_NEAR(Modularity(cohesion_graphs::TwoCliques(), Labels(8, 0)), 0.0, 1e-12);
}

// resolution multiplies the expected-edges term: modularity(G, c, resolution=2).
TEST(ModularityTest, ResolutionScalesTheNullModel) {
  EXPECT_NEAR(
      Modularity(cohesion_graphs::TwoCliques(), Labels{0, 0, 0, 0, 1, 1, 1, 1}, {.resolution = 2}),
      -0.07692307692307687, 1e-12);
}

// A self-loop adds its weight twice to the degree and once inside its community.
TEST(ModularityTest, SelfLoopsCountAsNetworkXCountsThem) {
  EXPECT_NEAR(Modularity(cohesion_graphs::SelfLoops(), Labels{0, 0, 0, 3}), 0.2083333333333333,
              1e-12);
  EXPECT_NEAR(Modularity(cohesion_graphs::SelfLoops(), Labels{0, 0, 2, 2}), 0.16666666666666663,
              1e-12);
}

// Parallel edges each count, as for a NetworkX MultiGraph.
TEST(ModularityTest, ParallelEdgesEachCount) {
  EXPECT_NEAR(Modularity(cohesion_graphs::Parallel(), Labels{0, 0, 0, 3}), -0.09183673469387754,
              1e-12);
  EXPECT_NEAR(Modularity(cohesion_graphs::Parallel(), Labels{0, 0, 2, 2}), 0.20408163265306123,
              1e-12);
}

// Weighted (the default) versus weight=None, edges (0,1,1), (1,2,2), (0,2,3), (2,3,4),
// (3,3,8).
TEST(ModularityTest, WeightsMatchNetworkX) {
  const CsrGraph g =
      Undirected(4, {{0, 1, 1}, {1, 2, 2}, {0, 2, 3}, {2, 3, 4}, {3, 3, 8}}, /*weighted=*/true);
  EXPECT_NEAR(Modularity(g, Labels{0, 0, 0, 3}), 0.2716049382716049, 1e-12);
  EXPECT_NEAR(Modularity(g, Labels{0, 0, 0, 3}, {.weighted = false}), 0.22, 1e-12);
  EXPECT_NEAR(Modularity(g, Labels{0, 0, 2, 2}, {.resolution = 0.5}), 0.378858024691358, 1e-12);
}

// Directed graphs use out- times in-degree: nx.DiGraph([(0,1),(1,2),(2,0),(2,3),(3,3)]).
TEST(ModularityTest, DirectedMatchesNetworkX) {
  const CsrGraph g =
      CsrGraph::Build(4, {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {3, 3}}, {.directed = true});
  EXPECT_NEAR(Modularity(g, Labels{0, 0, 0, 3}), 0.24, 1e-12);
  EXPECT_NEAR(Modularity(g, Labels{0, 0, 2, 2}), 0.08000000000000004, 1e-12);
}

// Where NetworkX raises (no edges, not a partition of the vertices) the value is NaN.
TEST(ModularityTest, UndefinedCasesAreNaN) {
  EXPECT_TRUE(std::isnan(Modularity(cohesion_graphs::Empty(), Labels{})));
  EXPECT_TRUE(std::isnan(Modularity(cohesion_graphs::SingleVertex(), Labels{0})));
  EXPECT_TRUE(std::isnan(Modularity(cohesion_graphs::Triangle(), Labels{0, 0})));
  EXPECT_TRUE(std::isnan(Modularity(cohesion_graphs::Triangle(), Labels{0, 0, 3})));
}

}  // namespace
}  // namespace alliance::analytics
