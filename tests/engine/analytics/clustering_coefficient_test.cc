#include "engine/analytics/clustering_coefficient.h"

#include <gtest/gtest.h>

#include <cmath>

#include "tests/engine/analytics/cohesion_test_graphs.h"

namespace alliance::analytics {
namespace {

using cohesion_graphs::Undirected;

void ExpectValues(const std::vector<double>& actual, const std::vector<double>& expected) {
  ASSERT_EQ(actual.size(), expected.size());
  for (size_t v = 0; v < expected.size(); ++v) {
    EXPECT_NEAR(actual[v], expected[v], 1e-12) << "vertex " << v;
  }
}

// Expected: [nx.clustering(G)[v] for v in range(n)] on the same graphs.
TEST(ClusteringCoefficientTest, UnweightedSmallGraphsMatchNetworkX) {
  ExpectValues(LocalClustering(cohesion_graphs::Triangle()), {1, 1, 1});
  ExpectValues(LocalClustering(cohesion_graphs::TwoCliques()), {1, 1, 1, 0.5, 0.5, 1, 1, 1});
  ExpectValues(LocalClustering(cohesion_graphs::Star()), {0, 0, 0, 0, 0});
  ExpectValues(LocalClustering(cohesion_graphs::Disconnected()), {1, 1, 1, 0, 0, 0});
  ExpectValues(LocalClustering(cohesion_graphs::SingleVertex()), {0});
  EXPECT_TRUE(LocalClustering(cohesion_graphs::Empty()).empty());
}

// Loops do not make a vertex its own neighbour; parallel edges count once
// (nx.clustering(nx.Graph(multigraph))). Both graphs reduce to a triangle plus 2-3.
TEST(ClusteringCoefficientTest, SelfLoopsAndParallelEdgesAreIgnored) {
  ExpectValues(LocalClustering(cohesion_graphs::SelfLoops()), {1, 1, 1.0 / 3, 0});
  ExpectValues(LocalClustering(cohesion_graphs::Parallel()), {1, 1, 1.0 / 3, 0});
}

// nx.clustering(nx.karate_club_graph(), weight=None): stored weights are not used
// unless asked for.
TEST(ClusteringCoefficientTest, KarateUnweightedMatchesNetworkX) {
  ExpectValues(LocalClustering(cohesion_graphs::Karate(/*weighted=*/true)), {0.15,
                                                                             0.3333333333333333,
                                                                             0.24444444444444444,
                                                                             0.6666666666666666,
                                                                             0.6666666666666666,
                                                                             0.5,
                                                                             0.5,
                                                                             1.0,
                                                                             0.5,
                                                                             0,
                                                                             0.6666666666666666,
                                                                             0,
                                                                             1.0,
                                                                             0.6,
                                                                             1.0,
                                                                             1.0,
                                                                             1.0,
                                                                             1.0,
                                                                             1.0,
                                                                             0.3333333333333333,
                                                                             1.0,
                                                                             1.0,
                                                                             1.0,
                                                                             0.4,
                                                                             0.3333333333333333,
                                                                             0.3333333333333333,
                                                                             1.0,
                                                                             0.16666666666666666,
                                                                             0.3333333333333333,
                                                                             0.6666666666666666,
                                                                             0.5,
                                                                             0.2,
                                                                             0.19696969696969696,
                                                                             0.11029411764705882});
}

// nx.clustering(nx.karate_club_graph(), weight="weight"): geometric mean of the
// triangle's weights normalised by the largest weight (7).
TEST(ClusteringCoefficientTest, KarateWeightedMatchesNetworkX) {
  ExpectValues(LocalClustering(cohesion_graphs::Karate(/*weighted=*/true), {.weighted = true}),
               {0.06631121196141879, 0.16691488397650842,
                0.13142659927282047, 0.3000014925962803,
                0.2495944184960854,  0.23177447626640532,
                0.23177447626640532, 0.4856715918928874,
                0.24297226992368195, 0,
                0.2495944184960854,  0,
                0.2971548318645577,  0.3072865570958022,
                0.44389035799340837, 0.5592668058812662,
                0.5081276149271519,  0.2857142857142857,
                0.3077763842902691,  0.11999248094236886,
                0.3523160106186386,  0.3599774428271066,
                0.44389035799340837, 0.22058508021994944,
                0.14459947485122202, 0.14459947485122202,
                0.3599774428271066,  0.09523809523809523,
                0.11999248094236886, 0.3033133517839719,
                0.23473382269963547, 0.09395524239742073,
                0.09656764202868078, 0.05233010615463943});
  EXPECT_NEAR(AverageClustering(cohesion_graphs::Karate(true), {.weighted = true}),
              0.24139179950856338, 1e-12);
}

// A self-loop is no triangle side, but its weight (8) is the maximum all weights are
// divided by, as in NetworkX: nx.clustering(G, weight="weight") with edges
// (0,1,1), (1,2,2), (0,2,3), (2,3,4), (3,3,8).
TEST(ClusteringCoefficientTest, WeightedLoopSetsTheNormalisingMaximum) {
  const CsrGraph g =
      Undirected(4, {{0, 1, 1}, {1, 2, 2}, {0, 2, 3}, {2, 3, 4}, {3, 3, 8}}, /*weighted=*/true);
  ExpectValues(LocalClustering(g, {.weighted = true}),
               {0.22714007410401746, 0.22714007410401746, 0.07571335803467248, 0});
}

// Parallel edges 0-1 of weights 1 and 2 act as one edge of weight 3: nx.clustering on a
// Graph with edges (0,1,3), (1,2,3), (0,2,1), (2,3,4), (1,3,0.5).
TEST(ClusteringCoefficientTest, WeightedParallelEdgesAddUp) {
  const CsrGraph g = Undirected(
      4, {{0, 1, 1}, {0, 1, 2}, {1, 2, 3}, {0, 2, 1}, {2, 3, 4}, {1, 3, 0.5}}, /*weighted=*/true);
  ExpectValues(LocalClustering(g, {.weighted = true}),
               {0.520020955762976, 0.3247670346570037, 0.3247670346570037, 0.4542801482080349});
}

// With all weights equal, weighted clustering is the unweighted one.
TEST(ClusteringCoefficientTest, WeightedOnUnweightedGraphEqualsUnweighted) {
  ExpectValues(LocalClustering(cohesion_graphs::Karate(), {.weighted = true}),
               LocalClustering(cohesion_graphs::Karate()));
}

// nx.average_clustering(G) and nx.average_clustering(G, count_zeros=False).
TEST(ClusteringCoefficientTest, AverageMatchesNetworkX) {
  EXPECT_NEAR(AverageClustering(cohesion_graphs::TwoCliques()), 0.875, 1e-12);
  EXPECT_NEAR(AverageClustering(cohesion_graphs::SelfLoops()), 0.5833333333333334, 1e-12);
  EXPECT_NEAR(AverageClustering(cohesion_graphs::SelfLoops(), {.count_zeros = false}),
              0.7777777777777778, 1e-12);
  EXPECT_NEAR(AverageClustering(cohesion_graphs::Disconnected()), 0.5, 1e-12);
  EXPECT_NEAR(AverageClustering(cohesion_graphs::Disconnected(), {.count_zeros = false}), 1.0,
              1e-12);
  EXPECT_NEAR(AverageClustering(cohesion_graphs::Karate()), 0.5706384782076823, 1e-12);
  EXPECT_NEAR(AverageClustering(cohesion_graphs::Karate(), {.count_zeros = false}),
              0.6063033830956625, 1e-12);
  EXPECT_EQ(AverageClustering(cohesion_graphs::Star()), 0.0);
}

// Where NetworkX divides by zero (no vertices, or only zeros with count_zeros=False)
// the average is NaN.
TEST(ClusteringCoefficientTest, AverageOfNothingIsNaN) {
  EXPECT_TRUE(std::isnan(AverageClustering(cohesion_graphs::Empty())));
  EXPECT_TRUE(std::isnan(AverageClustering(cohesion_graphs::Star(), {.count_zeros = false})));
}

// Only undirected graphs are supported.
TEST(ClusteringCoefficientTest, DirectedGraphGivesNothing) {
  const CsrGraph g = CsrGraph::Build(3, {{0, 1}, {1, 2}, {2, 0}}, {.directed = true});
  EXPECT_TRUE(LocalClustering(g).empty());
  EXPECT_TRUE(std::isnan(AverageClustering(g)));
}

}  // namespace
}  // namespace alliance::analytics
