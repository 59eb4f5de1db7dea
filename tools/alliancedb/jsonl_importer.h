// ImportJsonl: reads APOC JSON Lines (what `alliancedb export --format jsonl`
// and Neo4j's apoc.export.json write) and creates the nodes and relationships
// in one write transaction, so a file goes in completely or not at all.
// Node ids in the file only link the lines; the nodes get new ids.
//
//   absl::StatusOr<JsonlImportResult> r = ImportJsonl(*db, "graph.jsonl", {});
//   // error: "graph.jsonl:12: schema violation: unknown label 'Person'"
#ifndef ALLIANCE_TOOLS_JSONL_IMPORTER_H_
#define ALLIANCE_TOOLS_JSONL_IMPORTER_H_

#include <cstdint>
#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "alliance/database.h"

namespace alliance::tools {

struct JsonlImportOptions {
  // Check every line against the schema inside the transaction, then roll
  // it back.
  bool dry_run = false;
  // Lines read so far and the fraction of the file's bytes.
  std::function<void(uint64_t lines, double fraction)> progress;
};

struct JsonlImportResult {
  uint64_t nodes = 0;
  uint64_t relationships = 0;
  double seconds = 0;
};

// Relationships must follow the nodes they join, as APOC writes them. Errors
// read `PATH:LINE: reason`; nothing is committed then.
absl::StatusOr<JsonlImportResult> ImportJsonl(Database& db, const std::string& path,
                                              const JsonlImportOptions& options);

}  // namespace alliance::tools

#endif  // ALLIANCE_TOOLS_JSONL_IMPORTER_H_
