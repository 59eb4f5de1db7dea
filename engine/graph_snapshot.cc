#include "engine/graph_snapshot.h"

#include <algorithm>
#include <atomic>
#include <limits>
#include <mutex>

#include "absl/strings/str_join.h"
#include "schema/catalog.h"
#include "schema/status_macros.h"
#include "schema/str_cat.h"
#include "storage/keys.h"
#include "storage/record_codec.h"
#include "storage/task_runner.h"
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

// The arcs of source vertices [first, last), read from one key range of the out
// column family. offsets[i] is where vertex first + i starts in targets.
struct ArcSlice {
  VertexIndex first = 0;
  VertexIndex last = 0;
  std::vector<analytics::ArcIndex> offsets;
  std::vector<VertexIndex> targets;
  std::vector<double> weights;
  std::vector<analytics::WeightedEdge> edges;  // roll-up only: sources out of order
  absl::Status status;
};

// Below this many vertices a thread costs more than it saves. A writer's view reads
// through its write batch, which is not to be shared between threads.
constexpr size_t kVerticesPerSlice = 1 << 15;

size_t SliceCountFor(const storage::Transaction& txn, size_t vertex_count) {
  if (txn.is_write() || vertex_count < 2 * kVerticesPerSlice) return 1;
  // Several slices per thread: out-degrees are heavy-tailed, so equal vertex ranges
  // are not equal work, and idle threads take the next slice.
  const size_t wanted = 4 * static_cast<size_t>(storage::ResolveThreadCount(0));
  return std::min(wanted, vertex_count / kVerticesPerSlice);
}

// The build's progress, shared by the slice readers: calls the checkpoint from one
// thread at a time, and once it fails every reader stops.
class BuildProgress {
 public:
  // Entries a reader reads between reports.
  static constexpr uint64_t kReportEvery = 1 << 16;

  BuildProgress(const SnapshotCheckpoint& checkpoint, uint64_t expected)
      : checkpoint_(checkpoint), expected_(expected) {}

  // Counts `read` more entries; false when the build must stop.
  bool Add(uint64_t read) {
    if (stopped_.load(std::memory_order_relaxed)) return false;
    const uint64_t total = read_.fetch_add(read, std::memory_order_relaxed) + read;
    if (!checkpoint_) return true;
    std::unique_lock<std::mutex> lock(mu_, std::try_to_lock);
    if (!lock.owns_lock()) return true;  // another reader is reporting right now
    absl::Status status = checkpoint_(total, std::max(total, expected_));
    if (status.ok()) return true;
    status_ = std::move(status);
    stopped_.store(true, std::memory_order_relaxed);
    return false;
  }

  // Once every reader is done.
  const absl::Status& status() const { return status_; }

 private:
  const SnapshotCheckpoint& checkpoint_;
  const uint64_t expected_;
  std::atomic<uint64_t> read_{0};
  std::atomic<bool> stopped_{false};
  std::mutex mu_;
  absl::Status status_;
};

struct JoinedArcs {
  std::vector<analytics::ArcIndex> offsets;
  std::vector<VertexIndex> targets;
  std::vector<double> weights;
};

JoinedArcs JoinSlices(std::vector<ArcSlice>& slices, size_t vertex_count, bool weighted) {
  JoinedArcs joined;
  if (slices.size() == 1) {
    joined.offsets = std::move(slices[0].offsets);
    joined.targets = std::move(slices[0].targets);
    joined.weights = std::move(slices[0].weights);
    return joined;
  }
  size_t arc_count = 0;
  for (const ArcSlice& slice : slices) arc_count += slice.targets.size();
  joined.offsets.reserve(vertex_count + 1);
  joined.targets.reserve(arc_count);
  if (weighted) joined.weights.reserve(arc_count);
  for (ArcSlice& slice : slices) {
    const analytics::ArcIndex base = joined.targets.size();
    for (size_t i = 0; i + 1 < slice.offsets.size(); ++i) {
      joined.offsets.push_back(base + slice.offsets[i]);
    }
    joined.targets.insert(joined.targets.end(), slice.targets.begin(), slice.targets.end());
    joined.weights.insert(joined.weights.end(), slice.weights.begin(), slice.weights.end());
    slice = ArcSlice();  // release each slice as soon as it is copied
  }
  joined.offsets.push_back(joined.targets.size());
  return joined;
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
    const storage::Transaction& txn, const SnapshotSpec& spec,
    const SnapshotCheckpoint& checkpoint) {
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

  // The out column family is read in slices of source vertices, several at once on a
  // large committed view; slices are joined in key order, so the graph does not depend
  // on how many threads read it.
  const size_t slice_count = SliceCountFor(txn, ids.size());
  std::vector<ArcSlice> slices(slice_count);
  for (size_t k = 0; k < slice_count; ++k) {
    slices[k].first = static_cast<VertexIndex>(ids.size() * k / slice_count);
    slices[k].last = static_cast<VertexIndex>(ids.size() * (k + 1) / slice_count);
  }
  BuildProgress progress(checkpoint, checkpoint ? txn.EstimatedKeyCount(storage::Cf::kOut) : 0);
  storage::RunTasks(slice_count, storage::ResolveThreadCount(0), [&](size_t k) {
    ArcSlice& slice = slices[k];
    slice.offsets.push_back(0);
    if (slice.first == slice.last) return;  // nothing selected
    const std::string begin = storage::NodeKey(ids[slice.first]);
    const std::string end = slice.last < ids.size() ? storage::NodeKey(ids[slice.last]) : "";
    VertexIndex current = slice.first;
    uint64_t unreported = 0;
    absl::Status scanned = txn.ScanRange(
        storage::Cf::kOut, begin, end, [&](std::string_view key, std::string_view record) {
          if (++unreported == BuildProgress::kReportEvery) {
            if (!progress.Add(unreported)) return false;
            unreported = 0;
          }
          if (key.size() != storage::kEdgeKeySize) return true;
          const uint32_t type = storage::ReadU32(key.data() + 8);
          const bool roll_up_edge = r.roll_up_type && type == *r.roll_up_type;
          if (!type_wanted(type) && !roll_up_edge) return true;
          const VertexIndex from = lookup(storage::ReadU64(key.data()));
          if (from == kNotSelected) return true;
          const VertexIndex to = lookup(storage::ReadU64(key.data() + 12));
          if (to == kNotSelected) return true;
          if (roll_up_edge) {
            // Sources of a slice are its own: no other thread writes parent[from].
            if (to != from && (parent[from] == kNotSelected || to < parent[from])) {
              parent[from] = to;  // the lowest id: deterministic
            }
            return true;
          }
          double w = 1.0;
          if (weighted) {
            auto edge = storage::EdgeKey::DecodeOut(key);
            absl::StatusOr<double> got =
                edge.ok() ? WeightOf(record, r, spec, *edge) : edge.status();
            if (!got.ok()) {
              slice.status = got.status();
              return false;
            }
            w = *got;
          }
          if (r.roll_up_type) {
            slice.edges.push_back({from, to, w});
            return true;
          }
          while (current < from) {
            slice.offsets.push_back(slice.targets.size());
            ++current;
          }
          slice.targets.push_back(to);
          if (weighted) slice.weights.push_back(w);
          return true;
        });
    if (slice.status.ok()) slice.status = scanned;
    progress.Add(unreported);
    while (current < slice.last) {
      slice.offsets.push_back(slice.targets.size());
      ++current;
    }
  });
  RETURN_IF_ERROR(progress.status());
  for (const ArcSlice& slice : slices) RETURN_IF_ERROR(slice.status);

  CsrGraph graph;
  if (!r.roll_up_type) {
    JoinedArcs arcs = JoinSlices(slices, ids.size(), weighted);
    graph = CsrGraph::FromSortedArcs(std::move(arcs.offsets), std::move(arcs.targets),
                                     std::move(arcs.weights), /*directed=*/true);
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
    std::vector<analytics::WeightedEdge> edges;
    for (ArcSlice& slice : slices) {
      if (edges.empty()) {
        edges = std::move(slice.edges);
      } else {
        edges.insert(edges.end(), slice.edges.begin(), slice.edges.end());
      }
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
