// The shared search kernel and source partitioning under the centrality algorithms: BFS and
// Dijkstra distances and settle order, multigraph neighbour collapsing, arc direction, reuse
// between runs, and the deterministic split of indices over workers.

#include "engine/analytics/shortest_path_search.h"

#include <atomic>
#include <limits>
#include <utility>
#include <vector>

#include "engine/analytics/source_partition.h"
#include "gtest/gtest.h"
#include "tests/engine/analytics/centrality_test_graphs.h"

namespace alliance::analytics {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

std::vector<double> Distances(const ShortestPathSearch& search, VertexIndex n) {
  std::vector<double> distances;
  for (VertexIndex v = 0; v < n; ++v) distances.push_back(search.distance(v));
  return distances;
}

// BFS counts hops, settles in distance order and leaves unreachable vertices at infinity.
TEST(ShortestPathSearchTest, BreadthFirstHopCounts) {
  const CsrGraph graph = test_graphs::DisconnectedPairs();
  ShortestPathSearch search(graph, ArcDirection::kOut, false);
  search.Run(2);
  EXPECT_EQ(Distances(search, 5), (std::vector<double>{kInfinity, kInfinity, 0, 1, kInfinity}));
  EXPECT_EQ(std::vector<VertexIndex>(search.settled().begin(), search.settled().end()),
            (std::vector<VertexIndex>{2, 3}));
  EXPECT_EQ(search.settle_rank(3), 1u);
  EXPECT_EQ(search.settle_rank(0), ShortestPathSearch::kUnreached);
}

// A second run forgets the first one's reach.
TEST(ShortestPathSearchTest, RunResetsPreviousSearch) {
  const CsrGraph graph = test_graphs::DisconnectedPairs();
  ShortestPathSearch search(graph, ArcDirection::kOut, false);
  search.Run(0);
  search.Run(3);
  EXPECT_EQ(Distances(search, 5), (std::vector<double>{kInfinity, kInfinity, 1, 0, kInfinity}));
  EXPECT_EQ(search.settle_rank(0), ShortestPathSearch::kUnreached);
}

// Dijkstra takes the lightest of parallel arcs and settles in distance order.
TEST(ShortestPathSearchTest, DijkstraUsesLightestParallelArc) {
  const CsrGraph graph = test_graphs::WeightedMultiSquare();
  ShortestPathSearch search(graph, ArcDirection::kOut, true);
  EXPECT_TRUE(search.uses_weights());
  search.Run(0);
  EXPECT_EQ(Distances(search, 4), (std::vector<double>{0, 1, 3, 2.5}));
  EXPECT_EQ(std::vector<VertexIndex>(search.settled().begin(), search.settled().end()),
            (std::vector<VertexIndex>{0, 1, 3, 2}));
}

// Weights are ignored when not asked for, or when the graph has none.
TEST(ShortestPathSearchTest, UnweightedFallsBackToBreadthFirst) {
  const CsrGraph weighted = test_graphs::WeightedMultiSquare();
  EXPECT_FALSE(ShortestPathSearch(weighted, ArcDirection::kOut, false).uses_weights());
  const CsrGraph unweighted = test_graphs::Path4();
  EXPECT_FALSE(ShortestPathSearch(unweighted, ArcDirection::kOut, true).uses_weights());
}

// kIn follows arcs backwards: distances to the source.
TEST(ShortestPathSearchTest, InDirectionMeasuresDistanceToSource) {
  const CsrGraph graph = test_graphs::DirectedPath4();
  ShortestPathSearch search(graph, ArcDirection::kIn, false);
  search.Run(3);
  EXPECT_EQ(Distances(search, 4), (std::vector<double>{3, 2, 1, 0}));
  search.Run(0);
  EXPECT_EQ(search.settled().size(), 1u);
}

// Parallel arcs collapse to one neighbour with the smallest weight, either direction.
TEST(ShortestPathSearchTest, ForEachNeighborCollapsesParallelArcs) {
  const CsrGraph graph = test_graphs::WeightedMultiDigraph();
  std::vector<std::pair<VertexIndex, double>> seen;
  auto record = [&](VertexIndex v, double length) { seen.emplace_back(v, length); };
  ForEachNeighbor(graph, 0, ArcDirection::kOut, true, record);
  EXPECT_EQ(seen, (std::vector<std::pair<VertexIndex, double>>{{1, 1.0}}));
  seen.clear();
  ForEachNeighbor(graph, 1, ArcDirection::kIn, false, record);
  EXPECT_EQ(seen, (std::vector<std::pair<VertexIndex, double>>{{0, 1.0}}));
  seen.clear();
  ForEachNeighbor(graph, 2, ArcDirection::kOut, true, record);  // 2 -> 0 and the loop 2 -> 2
  EXPECT_EQ(seen, (std::vector<std::pair<VertexIndex, double>>{{0, 1.0}, {2, 1.0}}));
}

// 0 threads means the hardware count; never more workers than items, never fewer than one.
TEST(SourcePartitionTest, ResolveWorkerCount) {
  EXPECT_EQ(ResolveWorkerCount(4, 100), 4u);
  EXPECT_EQ(ResolveWorkerCount(4, 2), 2u);
  EXPECT_EQ(ResolveWorkerCount(4, 0), 1u);
  EXPECT_GE(ResolveWorkerCount(0, 1000), 1u);
}

// Every index runs exactly once, on worker index % workers.
TEST(SourcePartitionTest, ParallelForVisitsEachIndexOnceInterleaved) {
  constexpr size_t kItems = 1001;
  std::vector<std::atomic<int>> visits(kItems);
  std::vector<unsigned> worker_of(kItems);
  ParallelFor(kItems, 3, [&](unsigned worker, size_t index) {
    ++visits[index];
    worker_of[index] = worker;
  });
  for (size_t i = 0; i < kItems; ++i) {
    EXPECT_EQ(visits[i].load(), 1) << i;
    EXPECT_EQ(worker_of[i], i % 3) << i;
  }
}

}  // namespace
}  // namespace alliance::analytics
