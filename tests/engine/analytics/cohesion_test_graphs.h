// Small graphs shared by the cohesion and community tests: the hand-made cases every
// test file checks, plus Zachary's karate club and the Florentine families as NetworkX
// 2.8.8 ships them (nx.karate_club_graph(), nx.florentine_families_graph()).
#ifndef ALLIANCE_TESTS_ENGINE_ANALYTICS_COHESION_TEST_GRAPHS_H_
#define ALLIANCE_TESTS_ENGINE_ANALYTICS_COHESION_TEST_GRAPHS_H_

#include <vector>

#include "engine/analytics/csr_graph.h"

namespace alliance::analytics::cohesion_graphs {

inline CsrGraph Undirected(VertexIndex n, std::vector<WeightedEdge> edges, bool weighted = false) {
  return CsrGraph::Build(n, std::move(edges), {.directed = false, .weighted = weighted});
}

// The same graphs are built in Python (networkx.Graph, or MultiGraph for Parallel())
// to obtain the expected values hard-coded in the tests.
inline CsrGraph Triangle() { return Undirected(3, {{0, 1}, {1, 2}, {0, 2}}); }

// K4 {0,1,2,3} and K4 {4,5,6,7} joined by the edge 3-4.
inline CsrGraph TwoCliques() {
  std::vector<WeightedEdge> edges;
  for (VertexIndex base : {0u, 4u}) {
    for (VertexIndex a = 0; a < 4; ++a) {
      for (VertexIndex b = a + 1; b < 4; ++b) edges.push_back({base + a, base + b});
    }
  }
  edges.push_back({3, 4});
  return Undirected(8, std::move(edges));
}

// Centre 0, leaves 1..4.
inline CsrGraph Star() { return Undirected(5, {{0, 1}, {0, 2}, {0, 3}, {0, 4}}); }

inline CsrGraph Empty() { return Undirected(0, {}); }
inline CsrGraph SingleVertex() { return Undirected(1, {}); }

// Triangle 0-1-2 with loops on 0 and 3, and the pendant edge 2-3.
inline CsrGraph SelfLoops() {
  return Undirected(4, {{0, 1}, {1, 2}, {0, 2}, {0, 0}, {2, 3}, {3, 3}});
}

// Triangle with 0-1 doubled, and 2-3 tripled.
inline CsrGraph Parallel() {
  return Undirected(4, {{0, 1}, {0, 1}, {1, 2}, {0, 2}, {2, 3}, {2, 3}, {2, 3}});
}

// Triangle {0,1,2}, edge 3-4, isolated 5.
// Random memberships of `tops` vertices (0..tops-1) in `bottoms` groups
// (tops..tops+bottoms-1), repeats allowed; deterministic per seed.
inline CsrGraph RandomTwoMode(VertexIndex tops, VertexIndex bottoms, int edge_count, uint32_t seed) {
  std::vector<WeightedEdge> edges;
  uint32_t state = seed;
  auto next = [&] { return (state = state * 1103515245u + 12345u) >> 8; };
  for (int e = 0; e < edge_count; ++e) edges.push_back({next() % tops, tops + next() % bottoms});
  return Undirected(tops + bottoms, std::move(edges));
}

inline CsrGraph Disconnected() { return Undirected(6, {{0, 1}, {1, 2}, {0, 2}, {3, 4}}); }

// A two-mode graph shaped like the bundled alliance data: organisations 0..6 (top; 6
// belongs to nothing) are members of consortia 7..10, and membership 0-7 is recorded
// twice. Consortium 7 = {0, 1, 5}, 8 = {0, 1, 3, 4}, 9 = {0, 2, 3}, 10 = {2}.
inline CsrGraph TwoModeAlliances() {
  const std::vector<std::vector<VertexIndex>> members = {
      {0, 1, 5, 0}, {0, 1, 3, 4}, {0, 2, 3}, {2}};
  std::vector<WeightedEdge> edges;
  for (VertexIndex c = 0; c < members.size(); ++c) {
    for (VertexIndex m : members[c]) edges.push_back({m, 7 + c});
  }
  return Undirected(11, std::move(edges));
}
inline std::vector<bool> TwoModeAlliancesTop() {
  std::vector<bool> is_top(11, false);
  for (VertexIndex v = 0; v < 7; ++v) is_top[v] = true;
  return is_top;
}

// Zachary's karate club with NetworkX's edge weights (the number of contexts in which
// the two members met); use weighted = false for the classic unweighted graph.
inline CsrGraph Karate(bool weighted = false) {
  return Undirected(
      34,
      {{0, 1, 4},   {0, 2, 5},   {0, 3, 3},   {0, 4, 3},   {0, 5, 3},   {0, 6, 3},   {0, 7, 2},
       {0, 8, 2},   {0, 10, 2},  {0, 11, 3},  {0, 12, 1},  {0, 13, 3},  {0, 17, 2},  {0, 19, 2},
       {0, 21, 2},  {0, 31, 2},  {1, 2, 6},   {1, 3, 3},   {1, 7, 4},   {1, 13, 5},  {1, 17, 1},
       {1, 19, 2},  {1, 21, 2},  {1, 30, 2},  {2, 3, 3},   {2, 7, 4},   {2, 8, 5},   {2, 9, 1},
       {2, 13, 3},  {2, 27, 2},  {2, 28, 2},  {2, 32, 2},  {3, 7, 3},   {3, 12, 3},  {3, 13, 3},
       {4, 6, 2},   {4, 10, 3},  {5, 6, 5},   {5, 10, 3},  {5, 16, 3},  {6, 16, 3},  {8, 30, 3},
       {8, 32, 3},  {8, 33, 4},  {9, 33, 2},  {13, 33, 3}, {14, 32, 3}, {14, 33, 2}, {15, 32, 3},
       {15, 33, 4}, {18, 32, 1}, {18, 33, 2}, {19, 33, 1}, {20, 32, 3}, {20, 33, 1}, {22, 32, 2},
       {22, 33, 3}, {23, 25, 5}, {23, 27, 4}, {23, 29, 3}, {23, 32, 5}, {23, 33, 4}, {24, 25, 2},
       {24, 27, 3}, {24, 31, 2}, {25, 31, 7}, {26, 29, 4}, {26, 33, 2}, {27, 33, 4}, {28, 31, 2},
       {28, 33, 2}, {29, 32, 4}, {29, 33, 2}, {30, 32, 3}, {30, 33, 3}, {31, 32, 4}, {31, 33, 4},
       {32, 33, 5}},
      weighted);
}

// Vertices in nx.florentine_families_graph() node order: Acciaiuoli, Medici,
// Castellani, Peruzzi, Strozzi, Barbadori, Ridolfi, Tornabuoni, Albizzi, Salviati,
// Pazzi, Bischeri, Guadagni, Ginori, Lamberteschi.
inline CsrGraph FlorentineFamilies() {
  return Undirected(15, {{0, 1},  {1, 5},  {1, 6},  {1, 7},  {1, 8},   {1, 9},  {2, 3},
                         {2, 4},  {2, 5},  {3, 4},  {3, 11}, {4, 6},   {4, 11}, {6, 7},
                         {7, 12}, {8, 12}, {8, 13}, {9, 10}, {11, 12}, {12, 14}});
}

}  // namespace alliance::analytics::cohesion_graphs

#endif  // ALLIANCE_TESTS_ENGINE_ANALYTICS_COHESION_TEST_GRAPHS_H_
