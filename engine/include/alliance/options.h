// Options for opening a database and for bulk imports.
#ifndef ALLIANCE_OPTIONS_H_
#define ALLIANCE_OPTIONS_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "alliance/schema.h"

namespace alliance {

struct Options {
  // Create the database when the directory is missing or empty.
  bool create_if_missing = true;
  // Schema of a newly created database; an existing one keeps its own.
  SchemaMode schema_mode = SchemaMode::kEnforced;
  // Sync the write-ahead log on every commit (survives power loss). When
  // false, a commit survives a crash of the process but not of the machine.
  bool sync_on_commit = true;
  size_t block_cache_bytes = 64 << 20;
};

// One input file of an import. Node files are those without :START_ID and
// :END_ID columns, unless `kind` says otherwise.
struct ImportFile {
  enum class Kind { kDetect, kNodes, kRelationships };
  std::string path;
  Kind kind = Kind::kDetect;
  // Label(s) ("A:B") for a node file without :LABEL; type for a relationship
  // file without :TYPE.
  std::string default_label_or_type;
};

struct ImportProgress {
  uint64_t rows = 0;
  uint64_t bytes_read = 0;
  uint64_t bytes_total = 0;
};

struct ImportOptions {
  char delimiter = ',';
  char array_delimiter = ';';
  char quote = '"';
  bool trim_strings = false;
  // Buffer memory before sorted runs spill to disk (the id map comes on top).
  size_t memory_budget_bytes = size_t{512} << 20;
  // Threads for relationship files and for writing sorted runs; 0: one per core.
  int threads = 0;
  bool dry_run = false;  // validate every row, change nothing
  std::function<void(const ImportProgress&)> progress;
};

struct ImportResult {
  uint64_t nodes = 0;
  uint64_t relationships = 0;
  uint64_t bytes_read = 0;
  double seconds = 0;
  // Where the time went: node files, relationship files, and sorting and
  // writing the data plus the atomic commit.
  double node_seconds = 0;
  double relationship_seconds = 0;
  double commit_seconds = 0;
};

}  // namespace alliance

#endif  // ALLIANCE_OPTIONS_H_
