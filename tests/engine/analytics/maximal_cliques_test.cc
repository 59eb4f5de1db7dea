#include "engine/analytics/maximal_cliques.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "tests/engine/analytics/cohesion_test_graphs.h"

namespace alliance::analytics {
namespace {

using cohesion_graphs::Undirected;
using Cliques = std::vector<std::vector<VertexIndex>>;

Cliques All(const CsrGraph& g) { return FindMaximalCliques(g).cliques; }

// Expected lists: sorted(sorted(c) for c in nx.find_cliques(G)) on the same graphs.
TEST(MaximalCliquesTest, SmallGraphsMatchNetworkX) {
  EXPECT_EQ(All(cohesion_graphs::Triangle()), (Cliques{{0, 1, 2}}));
  EXPECT_EQ(All(cohesion_graphs::TwoCliques()), (Cliques{{0, 1, 2, 3}, {3, 4}, {4, 5, 6, 7}}));
  EXPECT_EQ(All(cohesion_graphs::Star()), (Cliques{{0, 1}, {0, 2}, {0, 3}, {0, 4}}));
  EXPECT_EQ(All(cohesion_graphs::Disconnected()), (Cliques{{0, 1, 2}, {3, 4}, {5}}));
}

// An empty graph has no cliques; a lone vertex is a maximal clique of size 1.
TEST(MaximalCliquesTest, EmptyAndSingleVertex) {
  EXPECT_TRUE(All(cohesion_graphs::Empty()).empty());
  EXPECT_EQ(All(cohesion_graphs::SingleVertex()), (Cliques{{0}}));
}

// Self-loops are ignored and parallel edges collapse (nx.find_cliques on nx.Graph(G)).
TEST(MaximalCliquesTest, SelfLoopsAndParallelEdgesDoNotChangeCliques) {
  EXPECT_EQ(All(cohesion_graphs::SelfLoops()), (Cliques{{0, 1, 2}, {2, 3}}));
  EXPECT_EQ(All(cohesion_graphs::Parallel()), (Cliques{{0, 1, 2}, {2, 3}}));
  // A vertex whose only edge is a loop is isolated, hence a clique of its own.
  EXPECT_EQ(All(Undirected(2, {{1, 1}})), (Cliques{{0}, {1}}));
}

// All 36 maximal cliques of the karate club, as nx.find_cliques(nx.karate_club_graph()).
TEST(MaximalCliquesTest, KarateClubMatchesNetworkX) {
  const Cliques expected = {
      {0, 1, 2, 3, 7},  {0, 1, 2, 3, 13}, {0, 1, 17},   {0, 1, 19},   {0, 1, 21},   {0, 2, 8},
      {0, 3, 12},       {0, 4, 6},        {0, 4, 10},   {0, 5, 6},    {0, 5, 10},   {0, 11},
      {0, 31},          {1, 30},          {2, 8, 32},   {2, 9},       {2, 27},      {2, 28},
      {5, 6, 16},       {8, 30, 32, 33},  {9, 33},      {13, 33},     {14, 32, 33}, {15, 32, 33},
      {18, 32, 33},     {19, 33},         {20, 32, 33}, {22, 32, 33}, {23, 25},     {23, 27, 33},
      {23, 29, 32, 33}, {24, 25, 31},     {24, 27},     {26, 29, 33}, {28, 31, 33}, {31, 32, 33}};
  EXPECT_EQ(All(cohesion_graphs::Karate()), expected);
}

// min_size filters without changing which cliques count as maximal.
TEST(MaximalCliquesTest, MinimumSizeFilters) {
  const auto result = FindMaximalCliques(cohesion_graphs::Karate(), {.min_size = 4});
  EXPECT_EQ(result.cliques,
            (Cliques{{0, 1, 2, 3, 7}, {0, 1, 2, 3, 13}, {8, 30, 32, 33}, {23, 29, 32, 33}}));
  EXPECT_FALSE(result.truncated);
  EXPECT_TRUE(FindMaximalCliques(cohesion_graphs::Karate(), {.min_size = 6}).cliques.empty());
}

// The cap bounds the output and says so; a cap equal to the total does not truncate.
TEST(MaximalCliquesTest, CapReportsTruncation) {
  const auto capped = FindMaximalCliques(cohesion_graphs::Karate(), {.max_cliques = 5});
  EXPECT_EQ(capped.cliques.size(), 5u);
  EXPECT_TRUE(capped.truncated);
  const auto exact = FindMaximalCliques(cohesion_graphs::Karate(), {.max_cliques = 36});
  EXPECT_EQ(exact.cliques.size(), 36u);
  EXPECT_FALSE(exact.truncated);
}

// On a dense random graph the result is exactly the maximal cliques found by brute force
// over all vertex subsets.
TEST(MaximalCliquesTest, DenseGraphMatchesBruteForce) {
  const VertexIndex n = 16;
  std::vector<WeightedEdge> edges;
  uint32_t adj[n] = {};
  uint32_t state = 12345;
  auto next = [&] { return state = state * 1103515245u + 12345u; };
  for (VertexIndex a = 0; a < n; ++a) {
    for (VertexIndex b = a + 1; b < n; ++b) {
      if ((next() >> 16) % 100 < 60) {
        edges.push_back({a, b});
        adj[a] |= 1u << b;
        adj[b] |= 1u << a;
      }
    }
  }
  Cliques expected;
  for (uint32_t set = 1; set < (1u << n); ++set) {
    bool clique = true, maximal = true;
    for (VertexIndex v = 0; v < n; ++v) {
      const uint32_t others = set & ~(1u << v);
      if (set >> v & 1)
        clique = clique && (adj[v] & others) == others;
      else
        maximal = maximal && (adj[v] & set) != set;
    }
    if (!clique || !maximal) continue;
    expected.emplace_back();
    for (VertexIndex v = 0; v < n; ++v) {
      if (set >> v & 1) expected.back().push_back(v);
    }
  }
  std::sort(expected.begin(), expected.end());
  EXPECT_GT(expected.size(), 20u);
  EXPECT_EQ(All(Undirected(n, edges)), expected);
}

// Cliques are defined for undirected graphs only.
TEST(MaximalCliquesTest, DirectedGraphGivesNothing) {
  const CsrGraph g = CsrGraph::Build(3, {{0, 1}, {1, 2}, {2, 0}}, {.directed = true});
  EXPECT_TRUE(All(g).empty());
}

}  // namespace
}  // namespace alliance::analytics
