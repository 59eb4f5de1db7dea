#include "tests/engine/analytics/reference_graph.h"

#include <algorithm>
#include <fstream>
#include <limits>
#include <stdexcept>

namespace alliance::testing {
namespace {

using nlohmann::json;

constexpr std::string_view kFormat = "alliancedb-networkx-reference/1";

uint32_t Index(const json& j, uint32_t n) {
  uint64_t i = j.get<uint64_t>();
  if (i >= n) throw std::runtime_error("vertex index " + std::to_string(i) + " out of range");
  return static_cast<uint32_t>(i);
}

std::vector<uint32_t> Indices(const json& j, uint32_t n) {
  std::vector<uint32_t> out;
  if (j.is_null()) return out;
  for (const json& x : j) out.push_back(Index(x, n));
  return out;
}

std::vector<ReferenceGraph::Edge> Edges(const json& j, uint32_t n) {
  std::vector<ReferenceGraph::Edge> out;
  for (const json& e : j) {
    if (e.size() != 3) throw std::runtime_error("edge is not [u, v, weight]");
    out.push_back({Index(e[0], n), Index(e[1], n), e[2].get<double>()});
  }
  return out;
}

std::vector<ReferenceGraph::PairOverlap> Overlaps(const json& j, uint32_t n) {
  std::vector<ReferenceGraph::PairOverlap> out;
  for (const json& o : j) {
    out.push_back({Index(o.at("u"), n), Index(o.at("v"), n), o.at("shared").get<int>(),
                   Indices(o.at("common"), n), o.at("jaccard").get<double>(),
                   o.at("overlap").get<double>(), o.at("cosine").get<double>()});
  }
  return out;
}

const json& ResultMeta(const json& doc, std::string_view key) {
  const json& results = doc.at("results");
  auto it = results.find(key);
  if (it == results.end()) throw std::out_of_range("no reference result '" + std::string(key) + "'");
  return *it;
}

}  // namespace

ReferenceGraph ReferenceGraph::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open reference file " + path);
  try {
    return FromJson(json::parse(in));
  } catch (const std::exception& e) {
    throw std::runtime_error(path + ": " + e.what());
  }
}

ReferenceGraph ReferenceGraph::FromJson(json doc) {
  if (doc.value("format", "") != kFormat) {
    throw std::runtime_error("not an " + std::string(kFormat) + " document");
  }
  ReferenceGraph r;
  const json& g = doc.at("graph");
  r.name = g.at("name").get<std::string>();
  r.vertices = g.at("vertices").get<std::vector<std::string>>();
  const uint32_t n = r.vertex_count();
  r.edges = Edges(g.at("edges"), n);
  r.weighted = g.at("weighted").get<bool>();
  r.two_mode = g.at("two_mode").get<bool>();
  r.top_side = Indices(g.at("top_side"), n);
  r.bottom_side = Indices(g.at("bottom_side"), n);
  r.isolated = Indices(g.at("isolated"), n);

  for (const auto& [key, arr] : doc.at("vertex_values").items()) {
    if (arr.size() != n) throw std::runtime_error("vertex_values." + key + " has wrong length");
    std::vector<double>& v = r.vertex_values[key];
    v.reserve(n);
    for (const json& x : arr) {
      v.push_back(x.is_null() ? std::numeric_limits<double>::quiet_NaN() : x.get<double>());
    }
  }
  r.articulation_points = Indices(doc.at("articulation_points"), n);
  for (const json& b : doc.at("bridges")) r.bridges.emplace_back(Index(b.at(0), n), Index(b.at(1), n));
  r.component_count = doc.at("component_count").get<int>();
  for (const json& c : doc.at("cliques")) r.cliques.push_back(Indices(c, n));

  for (const auto& [key, l] : doc.at("louvain").items()) {
    Louvain& out = r.louvain[key];
    out.best_modularity = l.at("best_modularity").get<double>();
    out.best_seed = l.at("best_seed").get<int>();
    out.modularity_by_seed = l.at("modularity_by_seed").get<std::vector<double>>();
    out.community_count = l.at("community_count").get<int>();
    out.partition = Indices(l.at("partition"), n);
  }
  for (const json& sp : doc.at("shortest_paths")) {
    ShortestPaths out{Index(sp.at("source"), n), Index(sp.at("target"), n),
                      sp.at("weighted").get<bool>(), std::nullopt, {}};
    if (!sp.at("length").is_null()) out.length = sp.at("length").get<double>();
    for (const json& p : sp.at("paths")) out.paths.push_back(Indices(p, n));
    r.shortest_paths.push_back(std::move(out));
  }
  if (r.two_mode) {
    const json& tm = doc.at("two_mode");
    r.projection_top = Edges(tm.at("projection_top"), n);
    r.projection_bottom = Edges(tm.at("projection_bottom"), n);
    r.overlap_top = Overlaps(tm.at("overlap_top"), n);
    r.overlap_bottom = Overlaps(tm.at("overlap_bottom"), n);
  }
  r.document = std::move(doc);
  return r;
}

const std::vector<double>& ReferenceGraph::Values(std::string_view key) const {
  auto it = vertex_values.find(key);
  if (it == vertex_values.end()) {
    throw std::out_of_range("no reference values '" + std::string(key) + "' for graph " + name);
  }
  return it->second;
}

bool ReferenceGraph::IsWeighted(std::string_view key) const {
  return ResultMeta(document, key).at("weighted").get<bool>();
}

std::string ReferenceGraph::Call(std::string_view key) const {
  return ResultMeta(document, key).at("call").get<std::string>();
}

std::vector<std::vector<uint32_t>> ReferenceGraph::Ties(std::string_view key) const {
  Values(key);  // throws for an unknown key
  std::vector<std::vector<uint32_t>> out;
  for (const json& group : document.at("ties").at(std::string(key))) {
    out.push_back(Indices(group, vertex_count()));
  }
  return out;
}

std::vector<uint32_t> ReferenceGraph::ArgMax(std::string_view key) const {
  Values(key);
  return Indices(document.at("argmax").at(std::string(key)), vertex_count());
}

uint32_t ReferenceGraph::VertexIndex(std::string_view vertex_name) const {
  auto it = std::find(vertices.begin(), vertices.end(), vertex_name);
  if (it == vertices.end()) {
    throw std::out_of_range("no vertex '" + std::string(vertex_name) + "' in graph " + name);
  }
  return static_cast<uint32_t>(it - vertices.begin());
}

const ReferenceGraph::PairOverlap* ReferenceGraph::FindOverlap(uint32_t a, uint32_t b) const {
  if (a > b) std::swap(a, b);
  for (const auto* list : {&overlap_top, &overlap_bottom}) {
    for (const PairOverlap& o : *list) {
      if (o.u == a && o.v == b) return &o;
    }
  }
  return nullptr;
}

}  // namespace alliance::testing
