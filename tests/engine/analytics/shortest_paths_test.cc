// Tests for single-source distances and all shortest paths: BFS on unweighted and
// Dijkstra on weighted snapshots, hop counting on demand, lexicographic order and
// the cap, parallel edges and zero weights not multiplying paths, unreachable and
// trivial targets, and the errors (bad vertex, negative or NaN weight). Expected
// values checked against NetworkX 2.8 (nx.all_shortest_paths, whose order differs:
// compared after sorting; nx.single_source_shortest_path_length /
// nx.single_source_dijkstra_path_length).

#include "engine/analytics/shortest_paths.h"

#include <cmath>
#include <limits>
#include <vector>

#include "absl/status/status.h"
#include "gtest/gtest.h"
#include "tests/engine/analytics/structure_test_graphs.h"

namespace alliance::analytics {
namespace {

namespace graphs = structure_graphs;
using Path = std::vector<VertexIndex>;
using Paths = std::vector<Path>;
using graphs::Undirected;

constexpr double kInf = std::numeric_limits<double>::infinity();

// Two diamonds in a row: 0 -{1,2}- 3 -{4,5}- 6, so four shortest paths 0 -> 6.
CsrGraph DoubleDiamond() {
  return Undirected(7, {{0, 1}, {0, 2}, {1, 3}, {2, 3}, {3, 4}, {3, 5}, {4, 6}, {5, 6}});
}

// Directed, weighted: 0->1->3 and 0->2->3 both cost 3, the direct 0->3 costs 3.5;
// then 3->4. Vertex 5 is unreachable.
CsrGraph WeightedDag() {
  return CsrGraph::Build(6, {{0, 1, 1}, {0, 2, 2}, {1, 3, 2}, {2, 3, 1}, {0, 3, 3.5}, {3, 4, 1}},
                         {.directed = true, .weighted = true});
}

Paths All(const CsrGraph& g, VertexIndex from, VertexIndex to, ShortestPathOptions options = {}) {
  absl::StatusOr<Paths> paths = AllShortestPaths(g, from, to, options);
  EXPECT_TRUE(paths.ok()) << paths.status();
  return paths.ok() ? *std::move(paths) : Paths{};
}

std::vector<double> Distances(const CsrGraph& g, VertexIndex from,
                              ShortestPathOptions options = {}) {
  absl::StatusOr<std::vector<double>> dist = ShortestPathDistances(g, from, options);
  EXPECT_TRUE(dist.ok()) << dist.status();
  return dist.ok() ? *std::move(dist) : std::vector<double>{};
}

TEST(AllShortestPathsTest, ListsEveryPathInLexicographicOrder) {
  // NetworkX: [[0,1,3,4,6], [0,2,3,4,6], [0,1,3,5,6], [0,2,3,5,6]], sorted here.
  EXPECT_EQ(All(DoubleDiamond(), 0, 6),
            (Paths{{0, 1, 3, 4, 6}, {0, 1, 3, 5, 6}, {0, 2, 3, 4, 6}, {0, 2, 3, 5, 6}}));
  // Backwards too: order is by vertex sequence, not by discovery.
  EXPECT_EQ(All(DoubleDiamond(), 6, 0),
            (Paths{{6, 4, 3, 1, 0}, {6, 4, 3, 2, 0}, {6, 5, 3, 1, 0}, {6, 5, 3, 2, 0}}));
}

TEST(AllShortestPathsTest, StopsAtTheCapKeepingTheFirstPaths) {
  EXPECT_EQ(All(DoubleDiamond(), 0, 6, {.max_paths = 3}),
            (Paths{{0, 1, 3, 4, 6}, {0, 1, 3, 5, 6}, {0, 2, 3, 4, 6}}));
  EXPECT_TRUE(All(DoubleDiamond(), 0, 6, {.max_paths = 0}).empty());
}

TEST(AllShortestPathsTest, WeightedDirected) {
  // NetworkX: all_shortest_paths(G, 0, 4, weight="weight") -> [[0,1,3,4], [0,2,3,4]].
  EXPECT_EQ(All(WeightedDag(), 0, 4), (Paths{{0, 1, 3, 4}, {0, 2, 3, 4}}));
  // NetworkX, weight=None: [[0,3,4]].
  EXPECT_EQ(All(WeightedDag(), 0, 4, {.use_weights = false}), (Paths{{0, 3, 4}}));
}

TEST(AllShortestPathsTest, UnreachableTargetGivesNoPathsAndSourceGivesItself) {
  // NetworkX raises NetworkXNoPath for 4 -> 0 (against the arcs); we return nothing.
  EXPECT_TRUE(All(WeightedDag(), 4, 0).empty());
  EXPECT_TRUE(All(WeightedDag(), 0, 5).empty());
  EXPECT_TRUE(All(graphs::Disconnected7(), 0, 1).empty());
  // NetworkX: all_shortest_paths(G, 3, 3) -> [[3]].
  EXPECT_EQ(All(DoubleDiamond(), 3, 3), (Paths{{3}}));
  EXPECT_EQ(All(Undirected(1, {}), 0, 0), (Paths{{0}}));
}

TEST(AllShortestPathsTest, ParallelEdgesAndSelfLoopsDoNotMultiplyPaths) {
  // NetworkX on a MultiGraph: [[0,1,2]].
  EXPECT_EQ(All(graphs::DoubledEdge(), 0, 2), (Paths{{0, 1, 2}}));
  EXPECT_EQ(All(graphs::TriangleWithLoops(), 0, 3), (Paths{{0, 2, 3}}));
  // Parallel edges of weights 5 and 1: the lighter one counts.
  // NetworkX on a MultiGraph, weight="weight": [[0,2], [0,1,2]].
  const CsrGraph g = CsrGraph::Build(3, {{0, 1, 5}, {0, 1, 1}, {1, 2, 1}, {0, 2, 2}},
                                     {.directed = false, .weighted = true});
  EXPECT_EQ(All(g, 0, 2), (Paths{{0, 1, 2}, {0, 2}}));
}

TEST(AllShortestPathsTest, ZeroWeightEdgesGiveEachSimplePathOnce) {
  // NetworkX repeats paths here: [[0,2], [0,2], [0,2], [0,1,2], [0,1,2], [0,1,2]].
  const CsrGraph g =
      CsrGraph::Build(3, {{0, 1, 0}, {1, 2, 0}, {0, 2, 0}}, {.directed = false, .weighted = true});
  EXPECT_EQ(All(g, 0, 2), (Paths{{0, 1, 2}, {0, 2}}));
}

TEST(ShortestPathDistancesTest, HopsOnUnweightedGraphs) {
  // NetworkX: single_source_shortest_path_length(G, 0) -> 0,1,1,2,3,3,4.
  EXPECT_EQ(Distances(DoubleDiamond(), 0), (std::vector<double>{0, 1, 1, 2, 3, 3, 4}));
  EXPECT_EQ(Distances(graphs::Disconnected7(), 1),
            (std::vector<double>{kInf, 0, 2, kInf, kInf, 1, kInf}));
}

TEST(ShortestPathDistancesTest, WeightsOrHopsOnWeightedGraphs) {
  // NetworkX: single_source_dijkstra_path_length(G, 0) -> 0, 1, 2, 3, 4 (5 absent).
  EXPECT_EQ(Distances(WeightedDag(), 0), (std::vector<double>{0, 1, 2, 3, 4, kInf}));
  // NetworkX: single_source_shortest_path_length(G, 0) -> 0, 1, 1, 1, 2.
  EXPECT_EQ(Distances(WeightedDag(), 0, {.use_weights = false}),
            (std::vector<double>{0, 1, 1, 1, 2, kInf}));
}

TEST(ShortestPathDistancesTest, EmptyGraphHasNoSource) {
  EXPECT_EQ(ShortestPathDistances(Undirected(0, {}), 0).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(ShortestPathsErrorsTest, RejectsOutOfRangeVertices) {
  EXPECT_EQ(AllShortestPaths(DoubleDiamond(), 7, 0).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(AllShortestPaths(DoubleDiamond(), 0, 7).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(ShortestPathsErrorsTest, RejectsNegativeAndNanWeightsUnlessCountingHops) {
  for (double bad : {-1.0, std::nan("")}) {
    const CsrGraph g =
        CsrGraph::Build(3, {{0, 1, 1}, {1, 2, bad}}, {.directed = true, .weighted = true});
    EXPECT_EQ(ShortestPathDistances(g, 0).status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(AllShortestPaths(g, 0, 2).status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(All(g, 0, 2, {.use_weights = false}), (Paths{{0, 1, 2}}));
  }
}

}  // namespace
}  // namespace alliance::analytics
