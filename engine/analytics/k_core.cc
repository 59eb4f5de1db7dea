#include "engine/analytics/k_core.h"

#include <algorithm>
#include <vector>

namespace alliance::analytics {
namespace {

// Calls fn(u) for every neighbour u != v of v: out-arcs, plus in-arcs on a
// directed snapshot, each parallel arc once per copy.
template <typename Fn>
void ForEachLooplessNeighbor(const CsrGraph& g, VertexIndex v, Fn&& fn) {
  for (VertexIndex u : g.out_neighbors(v)) {
    if (u != v) fn(u);
  }
  if (!g.directed()) return;
  for (VertexIndex u : g.in_neighbors(v)) {
    if (u != v) fn(u);
  }
}

}  // namespace

// Batagelj and Zaversnik (2003) over flat arrays: vertices sit in `order` sorted
// by current degree, `bucket_start[d]` is where degree d begins and `position` is
// each vertex's slot. Taking vertices in order and, for every neighbour still of
// higher degree, swapping it to the front of its bucket and shrinking that bucket
// keeps the order sorted in O(1) per arc. (Boost's core_numbers keeps a mutable
// heap instead, about twice as slow at a million vertices.)
std::vector<uint64_t> CoreNumbers(const CsrGraph& g) {
  const VertexIndex n = g.vertex_count();
  std::vector<uint32_t> degree(n, 0);
  uint32_t max_degree = 0;
  for (VertexIndex v = 0; v < n; ++v) {
    uint32_t d = 0;
    ForEachLooplessNeighbor(g, v, [&](VertexIndex) { ++d; });
    degree[v] = d;
    max_degree = std::max(max_degree, d);
  }
  std::vector<uint32_t> bucket_start(static_cast<size_t>(max_degree) + 1, 0);
  for (VertexIndex v = 0; v < n; ++v) ++bucket_start[degree[v]];
  uint32_t start = 0;
  for (uint32_t& count : bucket_start) {
    const uint32_t size = count;
    count = start;
    start += size;
  }
  std::vector<VertexIndex> order(n);
  std::vector<uint32_t> position(n);
  for (VertexIndex v = 0; v < n; ++v) {
    position[v] = bucket_start[degree[v]]++;
    order[position[v]] = v;
  }
  // Filling advanced each start to its bucket's end; shift them back.
  for (uint32_t d = max_degree; d > 0; --d) bucket_start[d] = bucket_start[d - 1];
  if (!bucket_start.empty()) bucket_start[0] = 0;

  for (uint32_t i = 0; i < n; ++i) {
    const VertexIndex v = order[i];
    ForEachLooplessNeighbor(g, v, [&](VertexIndex u) {
      if (degree[u] <= degree[v]) return;
      const uint32_t du = degree[u];
      const uint32_t pu = position[u];
      const uint32_t pw = bucket_start[du];
      const VertexIndex w = order[pw];
      if (u != w) {
        order[pu] = w;
        position[w] = pu;
        order[pw] = u;
        position[u] = pw;
      }
      ++bucket_start[du];
      --degree[u];
    });
  }
  return std::vector<uint64_t>(degree.begin(), degree.end());
}

std::vector<VertexIndex> KCoreVertices(const CsrGraph& g, uint64_t k) {
  const std::vector<uint64_t> core = CoreNumbers(g);
  std::vector<VertexIndex> members;
  for (VertexIndex v = 0; v < g.vertex_count(); ++v) {
    if (core[v] >= k) members.push_back(v);
  }
  return members;
}

}  // namespace alliance::analytics
