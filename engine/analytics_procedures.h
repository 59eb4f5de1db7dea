// The analytics procedures (`CALL algo.*`), registered by the engine into the
// query layer's registry: per-vertex scores with stream and `.write` variants
// (vertex_score_procedures.cc) and whole-graph structure, paths and overlap
// (graph_structure_procedures.cc). Snapshots come from the shared cache.
#ifndef ALLIANCE_ENGINE_ANALYTICS_PROCEDURES_H_
#define ALLIANCE_ENGINE_ANALYTICS_PROCEDURES_H_

#include <vector>

#include "absl/status/statusor.h"
#include "alliance/value.h"
#include "engine/snapshot_cache.h"
#include "query/procedure_registry.h"

namespace alliance {

void RegisterVertexScoreProcedures(query::ProcedureRegistry& registry, SnapshotCache& cache);
void RegisterGraphStructureProcedures(query::ProcedureRegistry& registry, SnapshotCache& cache);

// The membership graph, the default selection of the two-mode procedures.
inline const std::vector<std::string> kMembershipLabels = {"Organisation", "Consortium"};
inline const std::vector<std::string> kMembershipTypes = {"MEMBER_OF"};

// The snapshot of `spec` for a procedure call: from the cache, or built under the
// call's checkpoint, so a long build shows progress and stops when the statement does.
absl::StatusOr<std::shared_ptr<const GraphSnapshot>> SnapshotFor(
    SnapshotCache& cache, const query::ProcedureCall& call, const SnapshotSpec& spec);

// The node value of a snapshot vertex, as Cypher returns it.
absl::StatusOr<Value> VertexNode(const storage::Transaction& txn, const GraphSnapshot& snapshot,
                                 analytics::VertexIndex v);
// Which position of the selection's labels `label` is; an error naming the
// procedure when the selection lacks it.
absl::StatusOr<uint8_t> LabelSlot(const std::string& procedure, const SnapshotSpec& spec,
                                  const std::string& label);

}  // namespace alliance

#endif  // ALLIANCE_ENGINE_ANALYTICS_PROCEDURES_H_
