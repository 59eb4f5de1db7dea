// alliancedb backup: an online copy of a database (a RocksDB checkpoint),
// taken beside a running writer; restore by opening the copy.
#include <iostream>

#include <CLI/CLI.hpp>

#include "alliance/database.h"
#include "commands.h"
#include "database_flag.h"

namespace alliance::tools {

void AddBackupCommand(CLI::App& app, int* exit_code) {
  auto db_path = std::make_shared<std::string>();
  auto destination = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "backup",
      "Copy the database to DEST while it stays in use (another process may be writing); "
      "the copy holds every commit acknowledged before the backup started and no partial "
      "one. Restore by opening the copy (--db DEST)");
  AddDatabaseFlag(*cmd, db_path.get());
  cmd->add_option("DEST", *destination, "Directory for the copy (must not exist)")->required();
  cmd->footer(
      "Examples:\n"
      "  alliancedb backup --db /data/alliances /backups/alliances-2026-11-28\n"
      "  alliancedb query --db /backups/alliances-2026-11-28 \"MATCH (o:Organisation) RETURN "
      "count(o)\"");
  cmd->callback([db_path, destination, exit_code]() {
    // Read-only: a writer in another process keeps its lock and goes on.
    auto db = OpenDatabaseFlag(*db_path, OpenMode::kReadOnly);
    if (!db.ok()) {
      *exit_code = ReportError(db.status());
      return;
    }
    if (absl::Status s = (*db)->Backup(*destination); !s.ok()) {
      *exit_code = ReportError(s);
      return;
    }
    std::cout << "backed up " << (*db)->path() << " to " << *destination << "\n";
    *exit_code = 0;
  });
}

}  // namespace alliance::tools
