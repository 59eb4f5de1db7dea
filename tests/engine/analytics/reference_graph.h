// ReferenceGraph: one graph plus the NetworkX 2.8.8 reference results for it, as
// written by tests/engine/analytics/reference/networkx_reference.py (format
// "alliancedb-networkx-reference/1"; the script's header documents every key,
// the exact NetworkX call behind it, tolerances and known ties).
//
// Vertex i of the C++ side is vertices[i]; every per-vertex array is indexed the
// same way. Test-only code: it throws (std::runtime_error / std::out_of_range)
// on a malformed document or an unknown key, which gtest reports as a failure.
//
//   ReferenceGraph ref = ReferenceGraph::Load(path);
//   const std::vector<double>& pr = ref.Values("pagerank_weighted");
//   bool w = ref.IsWeighted("pagerank_weighted");   // true
//   for (const auto& e : ref.edges) ... e.u, e.v, e.weight
#ifndef ALLIANCE_TESTS_ENGINE_ANALYTICS_REFERENCE_GRAPH_H_
#define ALLIANCE_TESTS_ENGINE_ANALYTICS_REFERENCE_GRAPH_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace alliance::testing {

struct ReferenceGraph {
  struct Edge {
    uint32_t u = 0;  // u < v
    uint32_t v = 0;
    double weight = 1.0;
  };
  struct Louvain {
    double best_modularity = 0;
    int best_seed = 0;
    std::vector<double> modularity_by_seed;  // seeds 0..9
    int community_count = 0;
    std::vector<uint32_t> partition;  // per vertex: smallest member of its community
  };
  struct ShortestPaths {
    uint32_t source = 0;
    uint32_t target = 0;
    bool weighted = false;
    std::optional<double> length;  // hops, or summed weight; empty if unreachable
    std::vector<std::vector<uint32_t>> paths;  // sorted; each from source to target
  };
  struct PairOverlap {  // two vertices of one side of a two-mode graph
    uint32_t u = 0;  // u < v
    uint32_t v = 0;
    int shared = 0;
    std::vector<uint32_t> common;  // the shared neighbours, sorted
    double jaccard = 0, overlap = 0, cosine = 0;
  };

  std::string name;
  std::vector<std::string> vertices;
  std::vector<Edge> edges;  // sorted by (u, v)
  bool weighted = false;
  bool two_mode = false;
  std::vector<uint32_t> top_side;     // empty unless two_mode
  std::vector<uint32_t> bottom_side;  // empty unless two_mode
  std::vector<uint32_t> isolated;

  // Per-vertex arrays by key; NetworkX's NaN (written as null) becomes quiet NaN.
  std::map<std::string, std::vector<double>, std::less<>> vertex_values;
  std::vector<uint32_t> articulation_points;             // sorted
  std::vector<std::pair<uint32_t, uint32_t>> bridges;    // (min, max), sorted
  int component_count = 0;
  std::vector<std::vector<uint32_t>> cliques;            // sorted, each sorted
  std::map<std::string, Louvain, std::less<>> louvain;   // "unweighted", "weighted"
  std::vector<ShortestPaths> shortest_paths;
  // Two-mode only: weighted_projected_graph of each side (weight = shared count)
  // and the overlap measures of every pair of that side sharing >= 1 neighbour.
  std::vector<Edge> projection_top, projection_bottom;
  std::vector<PairOverlap> overlap_top, overlap_bottom;

  nlohmann::json document;  // the whole document, for anything not mirrored above

  // Reads and validates a document; throws std::runtime_error with the path.
  static ReferenceGraph Load(const std::string& path);
  static ReferenceGraph FromJson(nlohmann::json doc);

  uint32_t vertex_count() const { return static_cast<uint32_t>(vertices.size()); }
  bool Has(std::string_view key) const { return vertex_values.find(key) != vertex_values.end(); }
  // Throws std::out_of_range naming the key when it is absent.
  const std::vector<double>& Values(std::string_view key) const;
  // Whether the result under `key` (vertex_values key, "louvain.weighted", ...)
  // used edge weights; throws std::out_of_range when the key is unknown.
  bool IsWeighted(std::string_view key) const;
  // The NetworkX call recorded for `key`.
  std::string Call(std::string_view key) const;
  // Groups of vertices whose `key` values agree within tie_tolerance (1e-9).
  std::vector<std::vector<uint32_t>> Ties(std::string_view key) const;
  // Vertices within tie_tolerance of the maximum of `key`.
  std::vector<uint32_t> ArgMax(std::string_view key) const;
  // Index of the vertex with this name; throws std::out_of_range if none.
  uint32_t VertexIndex(std::string_view vertex_name) const;
  // Pair overlap of two vertices of one side (either order), if they share any.
  const PairOverlap* FindOverlap(uint32_t a, uint32_t b) const;
};

}  // namespace alliance::testing

#endif  // ALLIANCE_TESTS_ENGINE_ANALYTICS_REFERENCE_GRAPH_H_
