#include "engine/analytics/structural_holes.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "tests/engine/analytics/cohesion_test_graphs.h"

namespace alliance::analytics {
namespace {

using cohesion_graphs::Undirected;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void ExpectValues(const std::vector<double>& actual, const std::vector<double>& expected) {
  ASSERT_EQ(actual.size(), expected.size());
  for (size_t v = 0; v < expected.size(); ++v) {
    if (std::isnan(expected[v])) {
      EXPECT_TRUE(std::isnan(actual[v])) << "vertex " << v << " is " << actual[v];
    } else {
      EXPECT_NEAR(actual[v], expected[v], 1e-12) << "vertex " << v;
    }
  }
}

constexpr StructuralHoleOptions kWeighted{.weighted = true};

// Expected: nx.constraint(G) and nx.effective_size(G) on the same graphs.
TEST(StructuralHolesTest, SmallGraphsMatchNetworkX) {
  ExpectValues(Constraint(cohesion_graphs::Triangle()), {1.125, 1.125, 1.125});
  ExpectValues(EffectiveSize(cohesion_graphs::Triangle()), {1, 1, 1});
  ExpectValues(Constraint(cohesion_graphs::TwoCliques()),
               {0.8657407407407406, 0.8657407407407406, 0.8657407407407406, 0.5833333333333333,
                0.5833333333333333, 0.8657407407407405, 0.8657407407407405, 0.8657407407407405});
  ExpectValues(EffectiveSize(cohesion_graphs::TwoCliques()), {1, 1, 1, 2.5, 2.5, 1, 1, 1});
  ExpectValues(Constraint(cohesion_graphs::Star()), {0.25, 1, 1, 1, 1});
  ExpectValues(EffectiveSize(cohesion_graphs::Star()), {4, 1, 1, 1, 1});
}

// NetworkX: "not defined for isolated nodes" gives NaN; an empty graph gives nothing.
TEST(StructuralHolesTest, IsolatedVerticesAreNaN) {
  ExpectValues(Constraint(cohesion_graphs::SingleVertex()), {kNaN});
  ExpectValues(EffectiveSize(cohesion_graphs::SingleVertex()), {kNaN});
  ExpectValues(EffectiveSize(cohesion_graphs::SingleVertex(), kWeighted), {kNaN});
  ExpectValues(Constraint(cohesion_graphs::Disconnected()), {1.125, 1.125, 1.125, 1, 1, kNaN});
  ExpectValues(EffectiveSize(cohesion_graphs::Disconnected()), {1, 1, 1, 1, 1, kNaN});
  EXPECT_TRUE(Constraint(cohesion_graphs::Empty()).empty());
  EXPECT_TRUE(EffectiveSize(cohesion_graphs::Empty()).empty());
}

// Self-loops count as NetworkX counts them: the vertex is its own neighbour in the
// constraint and the weighted effective size; in Borgatti's formula a neighbour's loop
// is a tie of the ego network (vertex 1 there has n = 2, t = 2).
TEST(StructuralHolesTest, SelfLoopsFollowNetworkX) {
  ExpectValues(Constraint(cohesion_graphs::SelfLoops()),
               {1.2037037037037037, 1.1388888888888888, 0.8209876543209877, 1.4027777777777777});
  ExpectValues(EffectiveSize(cohesion_graphs::SelfLoops()), {1, 0, 1, 1});
  ExpectValues(EffectiveSize(cohesion_graphs::SelfLoops(), kWeighted),
               {0.6666666666666667, 0.5, 1.6666666666666667, 0.5});
  // Only a loop: constraint (p + p*p)^2 = 4 and weighted size 0; Borgatti's formula
  // has no other vertex to divide by (NetworkX raises ZeroDivisionError): NaN.
  const CsrGraph lone_loop = Undirected(2, {{1, 1}});
  ExpectValues(Constraint(lone_loop), {kNaN, 4});
  ExpectValues(EffectiveSize(lone_loop, kWeighted), {kNaN, 0});
  ExpectValues(EffectiveSize(lone_loop), {kNaN, kNaN});
}

// Unweighted, parallel edges are one tie: nx.constraint(nx.Graph(multigraph)).
TEST(StructuralHolesTest, ParallelEdgesCountOnceUnweighted) {
  ExpectValues(Constraint(cohesion_graphs::Parallel()),
               {1.0069444444444444, 1.0069444444444444, 0.6111111111111112, 1});
  ExpectValues(EffectiveSize(cohesion_graphs::Parallel()), {1, 1, 2.3333333333333335, 1});
}

// nx.constraint / nx.effective_size on nx.karate_club_graph() with weight=None.
TEST(StructuralHolesTest, KarateUnweightedMatchesNetworkX) {
  ExpectValues(Constraint(cohesion_graphs::Karate()), {0.15542329764660495,
                                                       0.27953510802469134,
                                                       0.18517663966049389,
                                                       0.39665964720507535,
                                                       0.5294174382716048,
                                                       0.4774848090277778,
                                                       0.4774848090277778,
                                                       0.4427115885416667,
                                                       0.3036007136678201,
                                                       0.5,
                                                       0.5294174382716048,
                                                       1.0,
                                                       0.6225043402777779,
                                                       0.32333541666666676,
                                                       0.5736795943867743,
                                                       0.5736795943867743,
                                                       0.78125,
                                                       0.590868537808642,
                                                       0.5736795943867743,
                                                       0.37371935013717417,
                                                       0.5736795943867743,
                                                       0.590868537808642,
                                                       0.5736795943867743,
                                                       0.30582372164552096,
                                                       0.4598765432098765,
                                                       0.4598765432098765,
                                                       0.6709018166089966,
                                                       0.2850692041522491,
                                                       0.3869131530607885,
                                                       0.4494090013456363,
                                                       0.3460064638600538,
                                                       0.24457540369088812,
                                                       0.2492233622751933,
                                                       0.1564186851211073});
  ExpectValues(EffectiveSize(cohesion_graphs::Karate()), {13.75,
                                                          6.333333333333334,
                                                          7.8,
                                                          2.6666666666666665,
                                                          1.6666666666666667,
                                                          2.5,
                                                          2.5,
                                                          1.0,
                                                          3.0,
                                                          2.0,
                                                          1.6666666666666667,
                                                          1.0,
                                                          1.0,
                                                          2.6,
                                                          1.0,
                                                          1.0,
                                                          1.0,
                                                          1.0,
                                                          1.0,
                                                          2.3333333333333335,
                                                          1.0,
                                                          1.0,
                                                          1.0,
                                                          3.4,
                                                          2.3333333333333335,
                                                          2.3333333333333335,
                                                          1.0,
                                                          3.5,
                                                          2.3333333333333335,
                                                          2.0,
                                                          2.5,
                                                          5.0,
                                                          9.833333333333334,
                                                          15.235294117647058});
}

// The same with weight="weight" (NetworkX's karate weights).
TEST(StructuralHolesTest, KarateWeightedMatchesNetworkX) {
  const CsrGraph karate = cohesion_graphs::Karate(/*weighted=*/true);
  ExpectValues(Constraint(karate, kWeighted),
               {0.19062348905638032, 0.3409019831285561,  0.25565383909645606, 0.4122226156115593,
                0.508088569654933,   0.49112922777491624, 0.5314047216519745,  0.527081950416345,
                0.3344147563587521,  0.5555555555555556,  0.5304976482780612,  1.0,
                0.7302295918367347,  0.3827486243156608,  0.6411266928285626,  0.6323943473973153,
                0.9397491245018718,  0.6653314075883578,  0.6670775837009678,  0.4391093639199636,
                0.7238213470731378,  0.6236083811249431,  0.6398342278393352,  0.3127739611655626,
                0.5124716553287981,  0.4563144985885511,  0.65316243881949,    0.3222101463859707,
                0.39898274124464594, 0.4389251973538791,  0.3944911707240065,  0.2754988351267919,
                0.2582561404837537,  0.18628728563229374});
  ExpectValues(EffectiveSize(karate, kWeighted), {13.775000000000002,
                                                  6.4672413793103445,
                                                  7.946969696969697,
                                                  3.6333333333333333,
                                                  2.225,
                                                  2.942857142857143,
                                                  2.7846153846153845,
                                                  1.4615384615384617,
                                                  3.396078431372549,
                                                  2.0,
                                                  2.15,
                                                  1.0,
                                                  1.3,
                                                  2.923529411764706,
                                                  1.0,
                                                  1.0,
                                                  1.0,
                                                  1.288888888888889,
                                                  1.0,
                                                  2.413333333333333,
                                                  1.0,
                                                  1.2666666666666666,
                                                  1.0,
                                                  3.723809523809524,
                                                  2.428571428571429,
                                                  2.6258503401360542,
                                                  1.5666666666666669,
                                                  3.5076923076923077,
                                                  2.5428571428571427,
                                                  2.4923076923076923,
                                                  2.690909090909091,
                                                  5.141043083900226,
                                                  10.089285714285714,
                                                  15.22891865079365});
  // Stored weights are not used unless asked for.
  ExpectValues(Constraint(karate), Constraint(cohesion_graphs::Karate()));
}

// Weighted with a heavy loop: nx.constraint / nx.effective_size(G, weight="weight") on
// edges (0,1,1), (1,2,2), (0,2,3), (2,3,4), (3,3,8).
TEST(StructuralHolesTest, WeightedSelfLoopMatchesNetworkX) {
  const CsrGraph g =
      Undirected(4, {{0, 1, 1}, {1, 2, 2}, {0, 2, 3}, {2, 3, 4}, {3, 3, 8}}, /*weighted=*/true);
  ExpectValues(Constraint(g, kWeighted),
               {1.0138888888888888, 1.1489197530864197, 0.8080418381344305, 1.8943758573388199});
  ExpectValues(EffectiveSize(g, kWeighted),
               {1.125, 1.0833333333333335, 2.314814814814815, 0.5000000000000001});
}

// Weighted parallel edges add up ("the mutual weight is the sum of the weights of
// edges joining them"): 0-1 of weights 1 and 2 is NetworkX's (0,1,3) in a Graph with
// (0,1,3), (1,2,3), (0,2,1), (2,3,4), (1,3,0.5).
TEST(StructuralHolesTest, WeightedParallelEdgesAddUp) {
  const CsrGraph g = Undirected(
      4, {{0, 1, 1}, {0, 1, 2}, {1, 2, 3}, {0, 2, 1}, {2, 3, 4}, {1, 3, 0.5}}, /*weighted=*/true);
  ExpectValues(Constraint(g, kWeighted),
               {1.0673134707840237, 0.7806861348528017, 0.6434244220952956, 1.0814522609394404});
  ExpectValues(EffectiveSize(g, kWeighted),
               {1.1875, 2.192307692307692, 2.369791666666667, 1.0277777777777777});
}

// Only the undirected measures are implemented.
TEST(StructuralHolesTest, DirectedGraphGivesNothing) {
  const CsrGraph g = CsrGraph::Build(3, {{0, 1}, {1, 2}}, {.directed = true});
  EXPECT_TRUE(Constraint(g).empty());
  EXPECT_TRUE(EffectiveSize(g, kWeighted).empty());
}

}  // namespace
}  // namespace alliance::analytics
