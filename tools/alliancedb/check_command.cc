// alliancedb check: verify a database's invariants without changing it.
#include <iostream>

#include <CLI/CLI.hpp>

#include "alliance/database.h"
#include "commands.h"
#include "database_flag.h"

namespace alliance::tools {

void AddCheckCommand(CLI::App& app, int* exit_code) {
  auto db_path = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "check",
      "Verify invariants (adjacency copies agree, indexes match records, schema holds); "
      "exit 1 when a problem is found");
  AddDatabaseFlag(*cmd, db_path.get());
  cmd->footer("Example:\n  alliancedb check --db /tmp/alliances");
  cmd->callback([db_path, exit_code]() {
    auto db = OpenDatabaseFlag(*db_path, OpenMode::kReadOnly);
    if (!db.ok()) {
      *exit_code = ReportError(db.status());
      return;
    }
    auto result = (*db)->Check();
    if (!result.ok()) {
      *exit_code = ReportError(result.status());
      return;
    }
    for (const std::string& p : result->problems) std::cout << "problem: " << p << "\n";
    if (result->problems_not_listed > 0) {
      std::cout << "... and " << result->problems_not_listed << " more problems\n";
    }
    std::cout << "checked " << result->nodes << " nodes, " << result->relationships
              << " relationships, " << result->index_entries << " index entries: "
              << (result->ok() ? "no problems" : "PROBLEMS FOUND") << "\n";
    *exit_code = result->ok() ? 0 : 1;
  });
}

}  // namespace alliance::tools
