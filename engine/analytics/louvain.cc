#include "engine/analytics/louvain.h"

#include <algorithm>
#include <bit>
#include <limits>
#include <numeric>

#include "engine/analytics/modularity.h"
#include "engine/analytics/simple_graph.h"

namespace alliance::analytics {
namespace {

// Python's random.Random(int): MT19937 seeded through init_by_array, integers below n
// drawn by rejection on getrandbits. Reproducing it (rather than using <random>) makes
// a seed visit vertices in the same order as NetworkX's louvain_communities(seed=...),
// which lets results be checked against NetworkX run for run.
class PythonRandom {
 public:
  explicit PythonRandom(uint64_t seed) {
    const uint32_t key[2] = {static_cast<uint32_t>(seed), static_cast<uint32_t>(seed >> 32)};
    InitByArray(key, (seed >> 32) != 0 ? 2 : 1);
  }

  // random.shuffle
  template <typename T>
  void Shuffle(std::vector<T>& x) {
    for (size_t i = x.size(); i-- > 1;) std::swap(x[i], x[Below(static_cast<uint32_t>(i + 1))]);
  }

 private:
  static constexpr int kN = 624, kM = 397;

  void InitGenrand(uint32_t s) {
    mt_[0] = s;
    for (int i = 1; i < kN; ++i) mt_[i] = 1812433253u * (mt_[i - 1] ^ (mt_[i - 1] >> 30)) + i;
    index_ = kN;
  }

  void InitByArray(const uint32_t* key, int key_length) {
    InitGenrand(19650218u);
    int i = 1, j = 0;
    for (int k = std::max(kN, key_length); k > 0; --k) {
      mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1664525u)) + key[j] + j;
      if (++i >= kN) {
        mt_[0] = mt_[kN - 1];
        i = 1;
      }
      if (++j >= key_length) j = 0;
    }
    for (int k = kN - 1; k > 0; --k) {
      mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1566083941u)) - i;
      if (++i >= kN) {
        mt_[0] = mt_[kN - 1];
        i = 1;
      }
    }
    mt_[0] = 0x80000000u;
  }

  uint32_t Next() {
    if (index_ >= kN) {
      auto mix = [](uint32_t a, uint32_t b) {
        const uint32_t y = (a & 0x80000000u) | (b & 0x7fffffffu);
        return (y >> 1) ^ ((y & 1u) ? 0x9908b0dfu : 0u);
      };
      for (int k = 0; k < kN; ++k) mt_[k] = mt_[(k + kM) % kN] ^ mix(mt_[k], mt_[(k + 1) % kN]);
      index_ = 0;
    }
    uint32_t y = mt_[index_++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
  }

  // random._randbelow_with_getrandbits; n <= 2^32 - 1, so one 32-bit draw suffices.
  uint32_t Below(uint32_t n) {
    const int bits = std::bit_width(n);
    uint32_t r;
    do {
      r = Next() >> (32 - bits);
    } while (r >= n);
    return r;
  }

  uint32_t mt_[kN];
  int index_ = kN;
};

// Weighted degree with a self-loop counted twice (NetworkX's G.degree(weight=...)).
std::vector<double> Degrees(const CsrGraph& g) {
  std::vector<double> degree(g.vertex_count(), 0.0);
  for (VertexIndex u = 0; u < g.vertex_count(); ++u) {
    const auto targets = g.out_neighbors(u);
    for (size_t i = 0; i < targets.size(); ++i) {
      const double w = g.arc_weight(g.first_arc(u) + i);
      degree[u] += targets[i] == u ? 2 * w : w;
    }
  }
  return degree;
}

// One level of local moves (NetworkX's _one_level) on a simple graph whose loops carry
// the weight already inside each vertex. Fills node2com with community labels, each the
// index of the vertex the community started from; returns whether any vertex moved.
// The arithmetic and the order in which candidate communities are tried follow NetworkX
// so that ties resolve the same way.
bool OneLevel(const CsrGraph& g, const std::vector<double>& degree, double m, double resolution,
              PythonRandom& rng, std::vector<uint32_t>* node2com_out) {
  const VertexIndex n = g.vertex_count();
  std::vector<uint32_t>& node2com = *node2com_out;
  node2com.resize(n);
  std::iota(node2com.begin(), node2com.end(), 0u);
  std::vector<double> stot = degree;
  std::vector<VertexIndex> order(n);
  std::iota(order.begin(), order.end(), 0u);
  rng.Shuffle(order);

  std::vector<double> weight_to(n, 0.0);
  std::vector<uint8_t> listed(n, 0);
  std::vector<uint32_t> candidates;  // in order of first appearance among the neighbours
  const double two_m_squared = 2 * (m * m);
  bool improvement = false;
  for (uint64_t moves = 1; moves > 0;) {
    moves = 0;
    for (VertexIndex u : order) {
      candidates.clear();
      const auto targets = g.out_neighbors(u);
      for (size_t i = 0; i < targets.size(); ++i) {
        if (targets[i] == u) continue;
        const uint32_t c = node2com[targets[i]];
        if (!listed[c]) {
          listed[c] = 1;
          candidates.push_back(c);
        }
        weight_to[c] += g.arc_weight(g.first_arc(u) + i);
      }
      const uint32_t own = node2com[u];
      // NetworkX reads weights2com[own] from a defaultdict, appending it when absent.
      if (!listed[own]) {
        listed[own] = 1;
        candidates.push_back(own);
      }
      const double k = degree[u];
      stot[own] -= k;
      const double remove_cost = -weight_to[own] / m + resolution * (stot[own] * k) / two_m_squared;
      double best_gain = 0;
      uint32_t best = own;
      for (uint32_t c : candidates) {
        const double gain =
            remove_cost + weight_to[c] / m - resolution * (stot[c] * k) / two_m_squared;
        if (gain > best_gain) {
          best_gain = gain;
          best = c;
        }
      }
      stot[best] += k;
      if (best != own) {
        node2com[u] = best;
        improvement = true;
        ++moves;
      }
      for (uint32_t c : candidates) {
        weight_to[c] = 0;
        listed[c] = 0;
      }
    }
  }
  return improvement;
}

// Renumbers labels to 0..k-1 in label order (NetworkX's order of the aggregated nodes);
// returns k.
uint32_t Compact(std::vector<uint32_t>* labels) {
  std::vector<uint32_t> index(labels->size(), 0);
  for (uint32_t c : *labels) index[c] = 1;
  uint32_t k = 0;
  for (uint32_t& slot : index) slot = slot ? k++ : 0;
  for (uint32_t& c : *labels) c = index[c];
  return k;
}

// The graph of communities (NetworkX's _gen_graph): one vertex per group, edge weights
// summed, the weight inside a group on its self-loop.
CsrGraph Aggregate(const CsrGraph& g, const std::vector<uint32_t>& group, uint32_t k) {
  std::vector<uint32_t> member_offsets(static_cast<size_t>(k) + 1, 0);
  for (uint32_t c : group) ++member_offsets[c + 1];
  std::partial_sum(member_offsets.begin(), member_offsets.end(), member_offsets.begin());
  std::vector<VertexIndex> members(group.size());
  {
    std::vector<uint32_t> next(member_offsets.begin(), member_offsets.end() - 1);
    for (VertexIndex u = 0; u < group.size(); ++u) members[next[group[u]]++] = u;
  }
  std::vector<ArcIndex> offsets(static_cast<size_t>(k) + 1, 0);
  std::vector<VertexIndex> targets;
  std::vector<double> weights;
  std::vector<double> acc(k, 0.0);
  std::vector<uint8_t> touched_flag(k, 0);
  std::vector<uint32_t> touched;
  for (uint32_t c = 0; c < k; ++c) {
    touched.clear();
    for (uint32_t x = member_offsets[c]; x < member_offsets[c + 1]; ++x) {
      const VertexIndex u = members[x];
      const auto nbrs = g.out_neighbors(u);
      for (size_t i = 0; i < nbrs.size(); ++i) {
        const VertexIndex v = nbrs[i];
        const uint32_t d = group[v];
        if (d == c && v < u)
          continue;  // an inner edge is two arcs; keep the one from its lower end
        if (!touched_flag[d]) {
          touched_flag[d] = 1;
          touched.push_back(d);
        }
        acc[d] += g.arc_weight(g.first_arc(u) + i);
      }
    }
    std::sort(touched.begin(), touched.end());
    for (uint32_t d : touched) {
      targets.push_back(d);
      weights.push_back(acc[d]);
      acc[d] = 0;
      touched_flag[d] = 0;
    }
    offsets[c + 1] = targets.size();
  }
  return CsrGraph::FromSortedArcs(std::move(offsets), std::move(targets), std::move(weights),
                                  /*directed=*/false);
}

}  // namespace

LouvainResult Louvain(const CsrGraph& g, const LouvainOptions& options) {
  LouvainResult result;
  if (g.directed()) return result;
  const VertexIndex n = g.vertex_count();
  // Vertex of the current level graph that each original vertex belongs to.
  std::vector<uint32_t> membership(n);
  std::iota(membership.begin(), membership.end(), 0u);

  CsrGraph level = Simplify(
      g, {.drop_self_loops = false, .keep_weights = true, .count_arcs = !options.weighted});
  std::vector<double> degree = Degrees(level);
  const double m = std::accumulate(degree.begin(), degree.end(), 0.0) / 2;
  const ModularityOptions level_modularity{.resolution = options.resolution, .weighted = true};

  if (m != 0) {
    PythonRandom rng(options.seed);
    double mod = Modularity(level, membership, level_modularity);
    std::vector<uint32_t> node2com;
    OneLevel(level, degree, m, options.resolution, rng, &node2com);
    while (true) {
      ++result.levels;
      const double new_mod = Modularity(level, node2com, level_modularity);
      const uint32_t k = Compact(&node2com);
      for (uint32_t& x : membership) x = node2com[x];
      if (new_mod - mod <= options.threshold) break;
      mod = new_mod;
      level = Aggregate(level, node2com, k);
      degree = Degrees(level);
      // A level where nothing moves leaves the partition as it was.
      if (!OneLevel(level, degree, m, options.resolution, rng, &node2com)) break;
    }
  }

  // Renumber by smallest member, the order a scan of the vertices meets communities.
  constexpr uint32_t kUnset = std::numeric_limits<uint32_t>::max();
  std::vector<uint32_t> id(n, kUnset);
  result.community.resize(n);
  for (VertexIndex v = 0; v < n; ++v) {
    uint32_t& c = id[membership[v]];
    if (c == kUnset) c = result.community_count++;
    result.community[v] = c;
  }
  result.modularity = Modularity(g, result.community,
                                 {.resolution = options.resolution, .weighted = options.weighted});
  return result;
}

}  // namespace alliance::analytics
