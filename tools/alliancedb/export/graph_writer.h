// GraphWriter: what each `alliancedb export` format implements. The exporter
// (graph_exporter.h) drives it over one consistent read of the database:
//
//   [DeclareNode... DeclareRelationship...]   only if NeedsDeclarationPass()
//   Begin, WriteNode..., WriteRelationship..., Finish
//
// Every node comes before every relationship, and a relationship only when
// both its ends are written.
#ifndef ALLIANCE_TOOLS_EXPORT_GRAPH_WRITER_H_
#define ALLIANCE_TOOLS_EXPORT_GRAPH_WRITER_H_

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "alliance/schema.h"
#include "alliance/value.h"

namespace alliance::tools {

class GraphWriter {
 public:
  virtual ~GraphWriter() = default;

  // Formats that must name every attribute or column before the first
  // element (GraphML keys, GEXF attributes, CSV headers) see each element
  // once before Begin().
  virtual bool NeedsDeclarationPass() const { return false; }
  virtual absl::Status DeclareNode(const Node& node, std::string_view group);
  virtual absl::Status DeclareRelationship(const Relationship& rel);

  virtual absl::Status Begin() = 0;
  // `group` is the selected label the node is exported under: a node with
  // several labels is written once, under the first of them in the selection;
  // empty for a node without labels.
  virtual absl::Status WriteNode(const Node& node, std::string_view group) = 0;
  virtual absl::Status WriteRelationship(const Relationship& rel,
                                         const std::vector<std::string>& start_labels,
                                         const std::vector<std::string>& end_labels) = 0;
  // Completes the output; a failed write (a full disk) surfaces here at the
  // latest.
  virtual absl::Status Finish() = 0;
};

enum class ExportFormat { kCsv, kJsonl, kGraphml, kGexf, kDot };

// "csv", "jsonl", "graphml", "gexf" or "dot".
absl::StatusOr<ExportFormat> ParseExportFormat(std::string_view name);

// CSV is a directory of files (one per label and type); the others one file.
bool WritesDirectory(ExportFormat format);

struct WriterTarget {
  std::ostream* stream = nullptr;  // single-file formats
  std::string directory;           // csv: an existing, empty directory
  const SchemaDescription* schema = nullptr;
};

std::unique_ptr<GraphWriter> MakeGraphWriter(ExportFormat format, const WriterTarget& target);

// OK while `out` has taken every write; the writers' error otherwise.
absl::Status StreamStatus(const std::ostream& out);

// The name a viewer shows for a node: its `name` when that is a string,
// else its first label and id ("Organisation 42"), else its id.
std::string DisplayName(const Node& node);

}  // namespace alliance::tools

#endif  // ALLIANCE_TOOLS_EXPORT_GRAPH_WRITER_H_
