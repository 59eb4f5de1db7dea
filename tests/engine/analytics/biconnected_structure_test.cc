// Tests for articulation points and bridges: the classic shapes (path, cycle, star,
// two triangles joined by a bridge, disconnected graphs), the multigraph cases BGL
// gets wrong on its own (self-loops anywhere, doubled edges), sorted output, and the
// refusal of directed snapshots. Expected values checked against NetworkX 2.8
// (nx.articulation_points, nx.bridges; a MultiGraph for the doubled edge).

#include "engine/analytics/biconnected_structure.h"

#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "gtest/gtest.h"
#include "tests/engine/analytics/structure_test_graphs.h"

namespace alliance::analytics {
namespace {

namespace graphs = structure_graphs;
using Vertices = std::vector<VertexIndex>;
using Edges = std::vector<std::pair<VertexIndex, VertexIndex>>;
using graphs::Undirected;

BiconnectedStructure Find(const CsrGraph& g) {
  absl::StatusOr<BiconnectedStructure> result = FindBiconnectedStructure(g);
  EXPECT_TRUE(result.ok()) << result.status();
  return result.ok() ? *std::move(result) : BiconnectedStructure{};
}

TEST(BiconnectedStructureTest, PathCutsEveryInnerVertexAndEdge) {
  // NetworkX: articulation_points -> [1, 2]; bridges -> (0,1), (1,2), (2,3).
  const BiconnectedStructure s = Find(graphs::Path4());
  EXPECT_EQ(s.articulation_points, (Vertices{1, 2}));
  EXPECT_EQ(s.bridges, (Edges{{0, 1}, {1, 2}, {2, 3}}));
}

TEST(BiconnectedStructureTest, CycleHasNoCuts) {
  // NetworkX: both empty.
  const BiconnectedStructure s = Find(graphs::Cycle5());
  EXPECT_TRUE(s.articulation_points.empty());
  EXPECT_TRUE(s.bridges.empty());
}

TEST(BiconnectedStructureTest, TrianglesJoinedByABridge) {
  // NetworkX: articulation_points -> [2, 3]; bridges -> (2,3).
  const BiconnectedStructure s = Find(graphs::TwoTrianglesBridged());
  EXPECT_EQ(s.articulation_points, (Vertices{2, 3}));
  EXPECT_EQ(s.bridges, (Edges{{2, 3}}));
}

TEST(BiconnectedStructureTest, StarCentreAndEverySpoke) {
  // NetworkX: articulation_points -> [0]; bridges -> the four spokes.
  const BiconnectedStructure s = Find(graphs::Star5());
  EXPECT_EQ(s.articulation_points, (Vertices{0}));
  EXPECT_EQ(s.bridges, (Edges{{0, 1}, {0, 2}, {0, 3}, {0, 4}}));
}

TEST(BiconnectedStructureTest, DisconnectedGraphIsCutPerComponent) {
  // NetworkX: articulation_points -> [5]; bridges -> (0,4), (1,5), (2,5); the
  // self-loop at 6 is neither.
  const BiconnectedStructure s = Find(graphs::Disconnected7());
  EXPECT_EQ(s.articulation_points, (Vertices{5}));
  EXPECT_EQ(s.bridges, (Edges{{0, 4}, {1, 5}, {2, 5}}));
}

TEST(BiconnectedStructureTest, SelfLoopsChangeNothing) {
  // Loops at 0 (the DFS root, which BGL alone would drop) and at 3.
  // NetworkX: articulation_points -> [2]; bridges -> (2,3).
  const BiconnectedStructure s = Find(graphs::TriangleWithLoops());
  EXPECT_EQ(s.articulation_points, (Vertices{2}));
  EXPECT_EQ(s.bridges, (Edges{{2, 3}}));
  // A loop at an inner vertex: BGL alone files it with the tree edge 0-1, which
  // would then stop looking like a bridge.
  // NetworkX: articulation_points -> [1]; bridges -> (0,1), (1,2).
  const BiconnectedStructure inner = Find(Undirected(3, {{0, 1}, {1, 2}, {1, 1}}));
  EXPECT_EQ(inner.articulation_points, (Vertices{1}));
  EXPECT_EQ(inner.bridges, (Edges{{0, 1}, {1, 2}}));
}

TEST(BiconnectedStructureTest, DoubledEdgeIsNotABridge) {
  // NetworkX on a MultiGraph: articulation_points -> [1]; bridges -> (1,2) only.
  const BiconnectedStructure s = Find(graphs::DoubledEdge());
  EXPECT_EQ(s.articulation_points, (Vertices{1}));
  EXPECT_EQ(s.bridges, (Edges{{1, 2}}));
}

TEST(BiconnectedStructureTest, EmptyAndSingleVertexGraphsHaveNoCuts) {
  for (const CsrGraph& g : {Undirected(0, {}), Undirected(1, {}), Undirected(1, {{0, 0}})}) {
    const BiconnectedStructure s = Find(g);
    EXPECT_TRUE(s.articulation_points.empty());
    EXPECT_TRUE(s.bridges.empty());
  }
}

TEST(BiconnectedStructureTest, RefusesDirectedSnapshots) {
  const absl::StatusOr<BiconnectedStructure> result =
      FindBiconnectedStructure(graphs::DirectedMixed());
  EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace alliance::analytics
