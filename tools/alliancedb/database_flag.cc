#include "database_flag.h"

#include <iostream>

#include <CLI/CLI.hpp>

#include "alliance/default_database.h"

namespace alliance::tools {

void AddDatabaseFlag(CLI::App& command, std::string* path) {
  command.add_option("--db", *path,
                     "Database directory (default: $ALLIANCEDB_HOME, else "
                     "$XDG_DATA_HOME/alliancedb/default, built from the bundled data)");
}

absl::StatusOr<std::unique_ptr<Database>> OpenDatabaseFlag(const std::string& path, OpenMode mode,
                                                           const Options& options) {
  if (path.empty()) return OpenOrCreateBundled(DefaultDatabasePath(), mode == OpenMode::kReadOnly);
  if (mode == OpenMode::kReadOnly) return Database::OpenReadOnly(path, options);
  return Database::Open(path, options);
}

int ReportError(const absl::Status& status) {
  std::cerr << "alliancedb: " << status.message() << "\n";
  return 1;
}

}  // namespace alliance::tools
