// GraphSnapshot: an immutable in-memory graph (CSR) built from one consistent
// storage view, selected by node labels and relationship types, for the
// analytics. Dense vertex indices map back to stored node ids.
//
//   SnapshotSpec spec{.node_labels = {"Organisation", "Consortium"},
//                     .edge_types = {"MEMBER_OF"}, .directed = false};
//   ASSIGN_OR_RETURN(auto snapshot, BuildSnapshot(txn, spec));
//   PageRank(snapshot->graph(), {});
#ifndef ALLIANCE_ENGINE_GRAPH_SNAPSHOT_H_
#define ALLIANCE_ENGINE_GRAPH_SNAPSHOT_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "alliance/value.h"
#include "engine/analytics/csr_graph.h"

namespace alliance::storage {
class Transaction;
}

namespace alliance {

struct SnapshotSpec {
  // Nodes with any of these labels; empty: every node.
  std::vector<std::string> node_labels;
  // Relationships of these types between selected nodes; empty: every type.
  std::vector<std::string> edge_types;
  bool directed = false;
  // A numeric relationship property read as the weight; empty: unweighted.
  std::string weight_property;
  // Relationships lacking the weight property weigh this much.
  double default_weight = 1.0;
  // A relationship type such as PART_OF: a node with such a relationship is
  // merged into the node at the end of the chain (its top-level parent) before
  // the graph is built, so an affiliate's relationships count as its parent's.
  std::string roll_up_type;

  // Identifies the selection in caches.
  std::string CacheKey() const;
};

class GraphSnapshot {
 public:
  GraphSnapshot(analytics::CsrGraph graph, std::vector<NodeId> node_ids,
                std::vector<uint8_t> label_slots, SnapshotSpec spec);

  const analytics::CsrGraph& graph() const { return graph_; }
  const SnapshotSpec& spec() const { return spec_; }
  analytics::VertexIndex vertex_count() const { return graph_.vertex_count(); }
  NodeId node_id(analytics::VertexIndex v) const { return node_ids_[v]; }
  std::optional<analytics::VertexIndex> vertex_of(NodeId id) const;
  // Position in spec().node_labels of the vertex's first selected label (0
  // when the spec names no labels).
  uint8_t label_slot(analytics::VertexIndex v) const { return label_slots_[v]; }
  // Per-vertex mark: true where the vertex carries spec().node_labels[slot].
  std::vector<bool> VerticesWithLabel(uint8_t slot) const;
  size_t memory_bytes() const;

 private:
  analytics::CsrGraph graph_;
  std::vector<NodeId> node_ids_;  // ascending
  std::vector<uint8_t> label_slots_;
  SnapshotSpec spec_;
};

// Called now and then during a build, one thread at a time, with the relationship
// entries read so far and the number expected (an estimate, 0 when unknown). An error
// stops the build and is its result: how a cancelled statement stops a long build.
using SnapshotCheckpoint = std::function<absl::Status(uint64_t read, uint64_t expected)>;

// Streams the selection out of the transaction's view. Unknown labels or
// types select nothing in a free schema and are errors in an enforced one.
absl::StatusOr<std::shared_ptr<const GraphSnapshot>> BuildSnapshot(
    const storage::Transaction& txn, const SnapshotSpec& spec,
    const SnapshotCheckpoint& checkpoint = nullptr);

}  // namespace alliance

#endif  // ALLIANCE_ENGINE_GRAPH_SNAPSHOT_H_
