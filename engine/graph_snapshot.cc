#include "engine/graph_snapshot.h"

#include <algorithm>
#include <limits>

#include "absl/strings/str_join.h"
#include "schema/catalog.h"
#include "schema/status_macros.h"
#include "schema/str_cat.h"
#include "storage/keys.h"
#include "storage/record_codec.h"
#include "storage/transaction.h"

namespace alliance {
namespace {

using analytics::CsrGraph;
using analytics::VertexIndex;
constexpr VertexIndex kNotSelected = std::numeric_limits<VertexIndex>::max();

struct ResolvedSpec {
  std::vector<uint32_t> labels;  // parallel to spec.node_labels; missing ones dropped
  std::vector<uint8_t> label_slots;
  std::vector<bool> type_selected;  // by type id; empty: all types
  bool no_types = false;            // every named type is unknown: no edges
  std::optional<uint32_t> weight_key;
  std::optional<uint32_t> roll_up_type;
};

absl::StatusOr<ResolvedSpec> Resolve(const schema::Catalog& catalog, const SnapshotSpec& spec) {
  const bool enforced = catalog.mode() == schema::SchemaMode::kEnforced;
  ResolvedSpec r;
  if (spec.node_labels.size() > 255) {
    return absl::InvalidArgumentError("a snapshot selects at most 255 labels");
  }
  for (size_t i = 0; i < spec.node_labels.size(); ++i) {
    auto id = catalog.FindLabel(spec.node_labels[i]);
    if (!id && enforced) {
      return absl::InvalidArgumentError(StrCat("unknown label '", spec.node_labels[i], "'"));
    }
    if (id) {
      r.labels.push_back(*id);
      r.label_slots.push_back(static_cast<uint8_t>(i));
    }
  }
  if (!spec.edge_types.empty()) {
    r.type_selected.assign(catalog.edge_type_count(), false);
    r.no_types = true;
    for (const std::string& name : spec.edge_types) {
      auto id = catalog.FindEdgeType(name);
      if (!id && enforced) {
        return absl::InvalidArgumentError(StrCat("unknown relationship type '", name, "'"));
      }
      if (id) {
        r.type_selected[*id] = true;
        r.no_types = false;
      }
    }
  }
  if (!spec.weight_property.empty()) {
    r.weight_key = catalog.FindPropertyKey(spec.weight_property);
    if (!r.weight_key && enforced) {
      return absl::InvalidArgumentError(
          StrCat("unknown weight property '", spec.weight_property, "'"));
    }
    if (!r.weight_key) r.weight_key = std::numeric_limits<uint32_t>::max();  // always absent
  }
  if (!spec.roll_up_type.empty()) {
    r.roll_up_type = catalog.FindEdgeType(spec.roll_up_type);
    if (!r.roll_up_type && enforced) {
      return absl::InvalidArgumentError(
          StrCat("unknown roll-up relationship type '", spec.roll_up_type, "'"));
    }
  }
  return r;
}

// Selected node ids in ascending order with the slot of their first label.
absl::Status SelectNodes(const storage::Transaction& txn, const SnapshotSpec& spec,
                         const ResolvedSpec& r, std::vector<NodeId>& ids,
                         std::vector<uint8_t>& slots) {
  if (spec.node_labels.empty()) {
    RETURN_IF_ERROR(txn.ScanNodes([&](NodeId id, std::string_view) {
      ids.push_back(id);
      return true;
    }));
    slots.assign(ids.size(), 0);
    return absl::OkStatus();
  }
  std::vector<std::pair<NodeId, uint8_t>> tagged;
  for (size_t i = 0; i < r.labels.size(); ++i) {
    RETURN_IF_ERROR(txn.ScanLabel(r.labels[i], [&](NodeId id) {
      tagged.emplace_back(id, r.label_slots[i]);
      return true;
    }));
  }
  std::sort(tagged.begin(), tagged.end());
  for (const auto& [id, slot] : tagged) {
    if (!ids.empty() && ids.back() == id) continue;  // first (lowest) slot wins
    ids.push_back(id);
    slots.push_back(slot);
  }
  return absl::OkStatus();
}

absl::StatusOr<double> WeightOf(std::string_view record, const ResolvedSpec& r,
                                const SnapshotSpec& spec, const storage::EdgeKey& e) {
  ASSIGN_OR_RETURN(Value v, storage::ReadEdgeProperty(record, *r.weight_key));
  switch (v.type()) {
    case Value::Type::kNull: return spec.default_weight;
    case Value::Type::kInt: return static_cast<double>(v.as_int());
    case Value::Type::kDouble: return v.as_double();
    default:
      return absl::InvalidArgumentError(StrCat("weight property '", spec.weight_property,
                                               "' of relationship ", e.id, " is not a number: ",
                                               v.ToString()));
  }
}

}  // namespace

std::string SnapshotSpec::CacheKey() const {
  return StrCat(absl::StrJoin(node_labels, ":"), "|", absl::StrJoin(edge_types, ":"), "|",
                directed ? "d" : "u", "|", weight_property, "|", default_weight, "|",
                roll_up_type);
}

GraphSnapshot::GraphSnapshot(CsrGraph graph, std::vector<NodeId> node_ids,
                             std::vector<uint8_t> label_slots, SnapshotSpec spec)
    : graph_(std::move(graph)),
      node_ids_(std::move(node_ids)),
      label_slots_(std::move(label_slots)),
      spec_(std::move(spec)) {}

std::optional<VertexIndex> GraphSnapshot::vertex_of(NodeId id) const {
  auto it = std::lower_bound(node_ids_.begin(), node_ids_.end(), id);
  if (it == node_ids_.end() || *it != id) return std::nullopt;
  return static_cast<VertexIndex>(it - node_ids_.begin());
}

std::vector<bool> GraphSnapshot::VerticesWithLabel(uint8_t slot) const {
  std::vector<bool> marked(label_slots_.size());
  for (size_t v = 0; v < label_slots_.size(); ++v) marked[v] = label_slots_[v] == slot;
  return marked;
}

size_t GraphSnapshot::memory_bytes() const {
  return graph_.memory_bytes() + node_ids_.capacity() * sizeof(NodeId) + label_slots_.capacity();
}

absl::StatusOr<std::shared_ptr<const GraphSnapshot>> BuildSnapshot(
    const storage::Transaction& txn, const SnapshotSpec& spec) {
  ASSIGN_OR_RETURN(ResolvedSpec r, Resolve(txn.catalog(), spec));
  std::vector<NodeId> ids;
  std::vector<uint8_t> slots;
  RETURN_IF_ERROR(SelectNodes(txn, spec, r, ids, slots));

  // Dense map from stored id to vertex: ids are allocated sequentially, so a
  // flat array beats hashing on the hot path (4 bytes per id up to the largest).
  std::vector<VertexIndex> vertex_of(ids.empty() ? 0 : ids.back() + 1, kNotSelected);
  for (size_t i = 0; i < ids.size(); ++i) vertex_of[ids[i]] = static_cast<VertexIndex>(i);
  auto lookup = [&](NodeId id) {
    return id < vertex_of.size() ? vertex_of[id] : kNotSelected;
  };
  auto type_wanted = [&](uint32_t type) {
    if (r.no_types) return false;
    return r.type_selected.empty() ||
           (type < r.type_selected.size() && r.type_selected[type]);
  };
  const bool weighted = r.weight_key.has_value();

  // Roll-up: each selected node points at its parent (gathered by the same
  // scan as the edges); affiliates fold into their top-level selected ancestor
  // and drop out of the vertex set.
  std::vector<VertexIndex> parent;
  if (r.roll_up_type) parent.assign(ids.size(), kNotSelected);

  absl::Status failure;
  std::vector<analytics::ArcIndex> offsets{0};
  std::vector<VertexIndex> targets;
  std::vector<double> weights;
  std::vector<analytics::WeightedEdge> edges;  // roll-up only: sources out of order
  VertexIndex current = 0;
  RETURN_IF_ERROR(txn.ScanPrefix(storage::Cf::kOut, "", [&](std::string_view key,
                                                            std::string_view record) {
    if (key.size() != storage::kEdgeKeySize) return true;
    const uint32_t type = storage::ReadU32(key.data() + 8);
    const bool roll_up_edge = r.roll_up_type && type == *r.roll_up_type;
    if (!type_wanted(type) && !roll_up_edge) return true;
    const VertexIndex from = lookup(storage::ReadU64(key.data()));
    if (from == kNotSelected) return true;
    const VertexIndex to = lookup(storage::ReadU64(key.data() + 12));
    if (to == kNotSelected) return true;
    if (roll_up_edge) {
      if (to != from && (parent[from] == kNotSelected || to < parent[from])) {
        parent[from] = to;  // the lowest id: deterministic
      }
      return true;
    }
    double w = 1.0;
    if (weighted) {
      auto edge = storage::EdgeKey::DecodeOut(key);
      absl::StatusOr<double> got = edge.ok() ? WeightOf(record, r, spec, *edge) : edge.status();
      if (!got.ok()) {
        failure = got.status();
        return false;
      }
      w = *got;
    }
    if (r.roll_up_type) {
      edges.push_back({from, to, w});
      return true;
    }
    while (current < from) {
      offsets.push_back(targets.size());
      ++current;
    }
    targets.push_back(to);
    if (weighted) weights.push_back(w);
    return true;
  }));
  RETURN_IF_ERROR(failure);

  CsrGraph graph;
  if (!r.roll_up_type) {
    while (offsets.size() < ids.size() + 1) offsets.push_back(targets.size());
    graph = CsrGraph::FromSortedArcs(std::move(offsets), std::move(targets), std::move(weights),
                                     /*directed=*/true);
    if (!spec.directed) graph = graph.AsUndirected();
  } else {
    // Fold every vertex into its root; the survivors are renumbered densely.
    std::vector<VertexIndex> root(ids.size());
    for (size_t i = 0; i < ids.size(); ++i) {
      VertexIndex v = static_cast<VertexIndex>(i);
      for (size_t steps = 0; parent[v] != kNotSelected && steps < ids.size(); ++steps) {
        v = parent[v];  // a cycle stops after n steps at some member of it
      }
      root[i] = v;
    }
    std::vector<VertexIndex> renumber(ids.size(), kNotSelected);
    std::vector<NodeId> kept_ids;
    std::vector<uint8_t> kept_slots;
    for (size_t i = 0; i < ids.size(); ++i) {
      if (root[i] != i) continue;
      renumber[i] = static_cast<VertexIndex>(kept_ids.size());
      kept_ids.push_back(ids[i]);
      kept_slots.push_back(slots[i]);
    }
    for (size_t i = 0; i < ids.size(); ++i) {
      if (renumber[i] == kNotSelected) renumber[i] = renumber[root[i]];
    }
    for (analytics::WeightedEdge& e : edges) {
      e.from = renumber[e.from];
      e.to = renumber[e.to];
    }
    graph = CsrGraph::Build(static_cast<VertexIndex>(kept_ids.size()), std::move(edges),
                            {.directed = spec.directed, .weighted = weighted});
    ids = std::move(kept_ids);
    slots = std::move(kept_slots);
  }
  return std::make_shared<const GraphSnapshot>(std::move(graph), std::move(ids),
                                               std::move(slots), spec);
}

}  // namespace alliance
