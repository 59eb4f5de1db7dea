// alliancedb: the command-line front of AllianceDB.
#include <iostream>

#include <CLI/CLI.hpp>

#include "alliance/version.h"
#include "commands.h"

int main(int argc, char** argv) {
  CLI::App app{
      "AllianceDB: a graph database of industry alliances.\n"
      "Without --db, commands use the default database, built from the bundled\n"
      "Korean sovereign-AI consortia dataset on first use.",
      "alliancedb"};
  app.set_version_flag("--version", std::string("alliancedb ") + alliance::kVersion);
  app.require_subcommand(1);
  app.footer(
      "Examples:\n"
      "  alliancedb report overlap\n"
      "  alliancedb query \"MATCH (o:Organisation {name: 'KAIST'})-[:MEMBER_OF]->(c) RETURN c.name\"\n"
      "  alliancedb import --db /tmp/g data/nodes/*.csv data/edges/*.csv\n"
      "  alliancedb generate --orgs 10000 --consortia 1000 --out /tmp/s");
  int exit_code = 0;
  alliance::tools::AddShellCommand(app, &exit_code);
  alliance::tools::AddReportCommand(app, &exit_code);
  alliance::tools::AddQueryCommand(app, &exit_code);
  alliance::tools::AddImportCommand(app, &exit_code);
  alliance::tools::AddExportCommand(app, &exit_code);
  alliance::tools::AddGenerateCommand(app, &exit_code);
  alliance::tools::AddSchemaCommand(app, &exit_code);
  alliance::tools::AddCheckCommand(app, &exit_code);
  alliance::tools::AddBackupCommand(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  return exit_code;
}
