#include "engine/analytics/two_mode_projection.h"

#include <gtest/gtest.h>

#include <tuple>
#include <vector>

#include "engine/analytics/sorted_intersection.h"
#include "tests/engine/analytics/cohesion_test_graphs.h"

namespace alliance::analytics {
namespace {

using cohesion_graphs::Undirected;
using Edge = std::tuple<VertexIndex, VertexIndex, double>;

// Each undirected edge once (a < b) with its weight, in vertex order.
std::vector<Edge> Edges(const CsrGraph& g) {
  std::vector<Edge> edges;
  for (VertexIndex a = 0; a < g.vertex_count(); ++a) {
    const auto targets = g.out_neighbors(a);
    for (size_t i = 0; i < targets.size(); ++i) {
      if (a < targets[i]) edges.emplace_back(a, targets[i], g.arc_weight(g.first_arc(a) + i));
    }
  }
  return edges;
}

// Organisations tied by shared consortia; the duplicated membership 0-7 counts once.
// Expected: nx.bipartite.weighted_projected_graph(nx.Graph(B), range(7)).edges(data=True).
TEST(TwoModeProjectionTest, ProjectsTopSideLikeNetworkX) {
  const TwoModeProjection p =
      ProjectTwoMode(cohesion_graphs::TwoModeAlliances(), cohesion_graphs::TwoModeAlliancesTop());
  EXPECT_EQ(p.original_vertex, (std::vector<VertexIndex>{0, 1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(p.graph.vertex_count(), 7u);  // 6 shares nothing but stays, as in NetworkX
  EXPECT_FALSE(p.graph.directed());
  EXPECT_EQ(Edges(p.graph), (std::vector<Edge>{{0, 1, 2},
                                               {0, 2, 1},
                                               {0, 3, 2},
                                               {0, 4, 1},
                                               {0, 5, 1},
                                               {1, 3, 1},
                                               {1, 4, 1},
                                               {1, 5, 1},
                                               {2, 3, 1},
                                               {3, 4, 1}}));
  EXPECT_EQ(p.projected_vertex[3], 3u);
  EXPECT_EQ(p.projected_vertex[8], kNotProjected);
}

// The bottom side is renumbered 0..3 in original order; the mappings go both ways.
// Expected: weighted_projected_graph(nx.Graph(B), [7, 8, 9, 10]).
TEST(TwoModeProjectionTest, ProjectsBottomSideWithMapping) {
  const TwoModeProjection p =
      ProjectTwoMode(cohesion_graphs::TwoModeAlliances(), cohesion_graphs::TwoModeAlliancesTop(),
                     {.project_top = false});
  EXPECT_EQ(p.original_vertex, (std::vector<VertexIndex>{7, 8, 9, 10}));
  EXPECT_EQ(p.projected_vertex[9], 2u);
  EXPECT_EQ(p.projected_vertex[0], kNotProjected);
  EXPECT_EQ(Edges(p.graph), (std::vector<Edge>{{0, 1, 2}, {0, 2, 1}, {1, 2, 2}, {2, 3, 1}}));
}

// min_shared drops weak ties but keeps every vertex.
TEST(TwoModeProjectionTest, MinimumSharedDropsWeakTies) {
  const TwoModeProjection p =
      ProjectTwoMode(cohesion_graphs::TwoModeAlliances(), cohesion_graphs::TwoModeAlliancesTop(),
                     {.min_shared = 2});
  EXPECT_EQ(p.graph.vertex_count(), 7u);
  EXPECT_EQ(Edges(p.graph), (std::vector<Edge>{{0, 1, 2}, {0, 3, 2}}));
}

// A star with its centre on top projects its leaves onto a complete graph of weight 1.
TEST(TwoModeProjectionTest, StarLeavesFormACompleteGraph) {
  const TwoModeProjection p = ProjectTwoMode(
      cohesion_graphs::Star(), {true, false, false, false, false}, {.project_top = false});
  EXPECT_EQ(p.original_vertex, (std::vector<VertexIndex>{1, 2, 3, 4}));
  EXPECT_EQ(Edges(p.graph),
            (std::vector<Edge>{{0, 1, 1}, {0, 2, 1}, {0, 3, 1}, {1, 2, 1}, {1, 3, 1}, {2, 3, 1}}));
  // is_top shorter than the graph: the missing entries are bottom.
  const TwoModeProjection top = ProjectTwoMode(cohesion_graphs::Star(), {true});
  EXPECT_EQ(top.original_vertex, (std::vector<VertexIndex>{0}));
  EXPECT_EQ(top.graph.arc_count(), 0u);
}

// Edges inside one side and self-loops are no two-mode ties and are ignored.
TEST(TwoModeProjectionTest, SameSideEdgesAndLoopsAreIgnored) {
  CsrGraph noisy = Undirected(11, {{0, 7},
                                   {1, 7},
                                   {5, 7},
                                   {0, 8},
                                   {1, 8},
                                   {3, 8},
                                   {4, 8},
                                   {0, 9},
                                   {2, 9},
                                   {3, 9},
                                   {2, 10},
                                   {0, 1},
                                   {7, 8},
                                   {8, 8},
                                   {2, 2}});
  const auto top = cohesion_graphs::TwoModeAlliancesTop();
  EXPECT_EQ(Edges(ProjectTwoMode(noisy, top).graph),
            Edges(ProjectTwoMode(cohesion_graphs::TwoModeAlliances(), top).graph));
  EXPECT_EQ(
      Edges(ProjectTwoMode(noisy, top, {.project_top = false}).graph),
      Edges(
          ProjectTwoMode(cohesion_graphs::TwoModeAlliances(), top, {.project_top = false}).graph));
}

// Degenerate inputs give empty projections, not errors.
TEST(TwoModeProjectionTest, EmptyInputs) {
  EXPECT_EQ(ProjectTwoMode(cohesion_graphs::Empty(), {}).graph.vertex_count(), 0u);
  const TwoModeProjection single = ProjectTwoMode(cohesion_graphs::SingleVertex(), {true});
  EXPECT_EQ(single.graph.vertex_count(), 1u);
  EXPECT_EQ(single.graph.arc_count(), 0u);
  EXPECT_EQ(ProjectTwoMode(cohesion_graphs::SingleVertex(), {true}, {.project_top = false})
                .graph.vertex_count(),
            0u);
  const CsrGraph directed = CsrGraph::Build(2, {{0, 1}}, {.directed = true});
  EXPECT_TRUE(ProjectTwoMode(directed, {true}).original_vertex.empty());
}

// On a random two-mode graph with repeated memberships, every weight is the size of the
// neighbourhood intersection, every sharing pair is present, and the thread count does
// not change the result.
TEST(TwoModeProjectionTest, RandomGraphMatchesIntersectionsForAnyThreadCount) {
  const VertexIndex tops = 300, bottoms = 40;
  const CsrGraph g = cohesion_graphs::RandomTwoMode(tops, bottoms, 1500, 7);
  std::vector<bool> is_top(tops, true);

  const TwoModeProjection serial = ProjectTwoMode(g, is_top, {.threads = 1});
  const TwoModeProjection parallel = ProjectTwoMode(g, is_top, {.threads = 4});
  EXPECT_EQ(Edges(serial.graph), Edges(parallel.graph));

  std::vector<Edge> expected;
  for (VertexIndex a = 0; a < tops; ++a) {
    for (VertexIndex b = a + 1; b < tops; ++b) {
      const size_t shared = CountCommon(g.out_neighbors(a), g.out_neighbors(b));
      if (shared > 0) expected.emplace_back(a, b, static_cast<double>(shared));
    }
  }
  EXPECT_GT(expected.size(), 1000u);
  EXPECT_EQ(Edges(serial.graph), expected);
}

}  // namespace
}  // namespace alliance::analytics
