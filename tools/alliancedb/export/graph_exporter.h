// ExportGraph: writes the selected nodes and relationships of a database
// through a GraphWriter, from one read transaction, so the export is one
// consistent view even while a writer commits beside it.
//
//   absl::StatusOr<ExportSelection> selection =
//       SelectForExport(db->Schema(), {"Organisation"}, {});
//   absl::StatusOr<ExportCounts> counts = ExportGraph(*db, *selection, *writer);
#ifndef ALLIANCE_TOOLS_EXPORT_GRAPH_EXPORTER_H_
#define ALLIANCE_TOOLS_EXPORT_GRAPH_EXPORTER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "alliance/database.h"
#include "graph_writer.h"

namespace alliance::tools {

struct ExportSelection {
  // Scanned in this order; a node with several of them is written once,
  // under the first.
  std::vector<std::string> labels;
  // Nodes without any label too (a free schema allows them); set when no
  // labels were named.
  bool unlabelled_nodes = false;
  // Relationship types; empty means every type. A relationship is written
  // when both its ends are.
  std::vector<std::string> types;
};

// The selection for labels and types as the user named them (empty: all).
// Unknown names are errors that list the known ones.
absl::StatusOr<ExportSelection> SelectForExport(const SchemaDescription& schema,
                                                const std::vector<std::string>& labels,
                                                const std::vector<std::string>& types);

struct ExportCounts {
  uint64_t nodes = 0;
  uint64_t relationships = 0;
};

// The stage ("reading" for the declaration pass of the writers that have
// one, then "writing"), the rows it has handled, and the fraction of the
// whole work done.
using ExportProgress = std::function<void(std::string_view stage, uint64_t rows, double fraction)>;

absl::StatusOr<ExportCounts> ExportGraph(const Database& db, const ExportSelection& selection,
                                         GraphWriter& writer,
                                         const ExportProgress& progress = nullptr);

}  // namespace alliance::tools

#endif  // ALLIANCE_TOOLS_EXPORT_GRAPH_EXPORTER_H_
