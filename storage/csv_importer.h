// CsvImporter: bulk import of Neo4j-admin-style CSV node and relationship
// files, all or nothing: every row is checked against the schema first, the
// data is written as sorted SST files, and one atomic IngestExternalFiles
// makes all of it visible at once. A bad row is reported as `file:line: reason`
// and leaves the database as it was.
#ifndef ALLIANCE_STORAGE_CSV_IMPORTER_H_
#define ALLIANCE_STORAGE_CSV_IMPORTER_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "storage/csv_reader.h"
#include "storage/store.h"

namespace alliance::storage {

struct ImportSource {
  enum class Kind { kDetect, kNodes, kRelationships };
  std::string path;
  Kind kind = Kind::kDetect;  // kDetect: relationship files have :START_ID and :END_ID
  // Label for rows of a node file without :LABEL, or type for a relationship
  // file without :TYPE (neo4j-admin's --nodes=Label / --relationships=TYPE).
  std::string default_label_or_type;
};

struct ImportProgress {
  uint64_t rows = 0;
  uint64_t bytes_read = 0;
  uint64_t bytes_total = 0;
};

struct ImportOptions {
  CsvOptions csv;
  // Memory for buffered index and edge entries before they spill to sorted
  // runs on disk; the id map (file id -> node id) comes on top of it.
  size_t memory_budget_bytes = size_t{512} << 20;
  // Threads for relationship files and for writing runs; 0: one per core.
  int threads = 0;
  // Validate every row, write nothing.
  bool dry_run = false;
  std::function<void(const ImportProgress&)> progress;
};

struct ImportStats {
  uint64_t nodes = 0;
  uint64_t relationships = 0;
  uint64_t bytes_read = 0;
  uint64_t sst_files = 0;
  double seconds = 0;
  // Where the time went: node files, relationship files, and sorting and
  // writing the runs plus the ingest.
  double node_seconds = 0;
  double relationship_seconds = 0;
  double commit_seconds = 0;
};

absl::StatusOr<ImportStats> ImportCsv(Store& store, const std::vector<ImportSource>& sources,
                                      const ImportOptions& options);

}  // namespace alliance::storage

#endif  // ALLIANCE_STORAGE_CSV_IMPORTER_H_
