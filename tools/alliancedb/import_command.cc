// alliancedb import: bulk import of Neo4j-admin-style CSV files, all or nothing.
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>

#include "alliance/database.h"
#include "commands.h"
#include "database_flag.h"
#include "jsonl_importer.h"
#include "progress_bar.h"

namespace alliance::tools {
namespace {

struct ImportFlags {
  std::string db;
  std::vector<std::string> files;
  std::vector<std::string> nodes;
  std::vector<std::string> relationships;
  std::string delimiter = ",";
  std::string array_delimiter = ";";
  std::string schema = "enforced";
  bool dry_run = false;
  std::string jsonl;  // APOC JSON Lines instead of CSV files
  size_t memory_mb = 512;
  int threads = 0;
};

// "--nodes=Label:file.csv" style is awkward on shells; accept "Label=file" or "file".
ImportFile Split(const std::string& arg, ImportFile::Kind kind) {
  ImportFile f;
  f.kind = kind;
  auto eq = arg.find('=');
  if (eq == std::string::npos) {
    f.path = arg;
  } else {
    f.default_label_or_type = arg.substr(0, eq);
    f.path = arg.substr(eq + 1);
  }
  return f;
}

// --jsonl: one write transaction through the public API instead of the CSV
// bulk path, so it checks every line exactly as a CREATE would.
int RunJsonl(const ImportFlags& flags) {
  if (!flags.files.empty() || !flags.nodes.empty() || !flags.relationships.empty()) {
    std::cerr << "alliancedb import: --jsonl reads the whole graph from one file; give no CSV "
                 "files with it\n";
    return 2;
  }
  Options options;
  options.schema_mode = flags.schema == "free" ? SchemaMode::kFree : SchemaMode::kEnforced;
  auto db = OpenDatabaseFlag(flags.db, OpenMode::kReadWrite, options);
  if (!db.ok()) return ReportError(db.status());
  ProgressBar bar("import", "lines");
  JsonlImportOptions import;
  import.dry_run = flags.dry_run;
  import.progress = [&bar](uint64_t lines, double fraction) { bar.Update(lines, fraction); };
  auto result = ImportJsonl(**db, flags.jsonl, import);
  bar.Finish();
  if (!result.ok()) return ReportError(result.status());
  std::cout << (flags.dry_run ? "validated " : "imported ") << result->nodes << " nodes and "
            << result->relationships << " relationships in " << result->seconds << " s"
            << (flags.dry_run ? " (dry run: nothing written)" : "") << "\n";
  return 0;
}

int Run(const ImportFlags& flags) {
  if (!flags.jsonl.empty()) return RunJsonl(flags);
  if (flags.delimiter.size() != 1 || flags.array_delimiter.size() != 1) {
    std::cerr << "alliancedb import: --delimiter and --array-delimiter take one character\n";
    return 2;
  }
  std::vector<ImportFile> files;
  for (const auto& f : flags.files) {
    ImportFile file;
    file.path = f;
    files.push_back(std::move(file));
  }
  for (const auto& f : flags.nodes) files.push_back(Split(f, ImportFile::Kind::kNodes));
  for (const auto& f : flags.relationships) {
    files.push_back(Split(f, ImportFile::Kind::kRelationships));
  }
  if (files.empty()) {
    std::cerr << "alliancedb import: no input files (give FILES, --nodes or --relationships)\n";
    return 2;
  }
  Options options;
  options.schema_mode = flags.schema == "free" ? SchemaMode::kFree : SchemaMode::kEnforced;
  auto db = OpenDatabaseFlag(flags.db, OpenMode::kReadWrite, options);
  if (!db.ok()) return ReportError(db.status());
  ImportOptions import;
  import.delimiter = flags.delimiter[0];
  import.array_delimiter = flags.array_delimiter[0];
  import.dry_run = flags.dry_run;
  import.memory_budget_bytes = flags.memory_mb << 20;
  import.threads = flags.threads;
  if (::isatty(STDERR_FILENO)) {
    import.progress = [](const ImportProgress& p) {
      double pct = p.bytes_total ? 100.0 * p.bytes_read / p.bytes_total : 0;
      std::fprintf(stderr, "\rimport: %llu rows, %.0f%% read", static_cast<unsigned long long>(p.rows),
                   pct);
    };
  }
  auto result = (*db)->Import(files, import);
  if (import.progress) std::fprintf(stderr, "\n");
  if (!result.ok()) return ReportError(result.status());
  std::cout << (flags.dry_run ? "validated " : "imported ") << result->nodes << " nodes and "
            << result->relationships << " relationships in " << result->seconds << " s (nodes "
            << result->node_seconds << " s, relationships " << result->relationship_seconds
            << " s, sort, write and commit " << result->commit_seconds << " s)"
            << (flags.dry_run ? " (dry run: nothing written)" : "") << "\n";
  return 0;
}

}  // namespace

void AddImportCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<ImportFlags>();
  CLI::App* cmd = app.add_subcommand(
      "import", "Import CSV node and relationship files (Neo4j admin import headers), all or nothing");
  AddDatabaseFlag(*cmd, &flags->db);
  cmd->add_option("files", flags->files,
                  "CSV files; relationship files are those with :START_ID and :END_ID");
  cmd->add_option("--nodes", flags->nodes, "A node file, optionally as Label=FILE");
  cmd->add_option("--relationships", flags->relationships,
                  "A relationship file, optionally as TYPE=FILE");
  cmd->add_option("--delimiter", flags->delimiter, "Field delimiter")->capture_default_str();
  cmd->add_option("--array-delimiter", flags->array_delimiter, "Delimiter inside array fields")
      ->capture_default_str();
  cmd->add_option("--schema", flags->schema,
                  "Schema of a database this import creates: enforced (the alliance schema) or free")
      ->check(CLI::IsMember({"enforced", "free"}))
      ->capture_default_str();
  cmd->add_option("--memory-mb", flags->memory_mb, "Buffer memory before spilling sorted runs")
      ->capture_default_str();
  cmd->add_option("--threads", flags->threads,
                  "Threads for relationship files and sorted runs (0: one per core)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_flag("--dry-run", flags->dry_run, "Check every row; write nothing");
  cmd->add_option("--jsonl", flags->jsonl,
                  "Import APOC JSON Lines (alliancedb export --format jsonl) in one transaction, "
                  "all or nothing");
  cmd->footer(
      "Examples:\n"
      "  alliancedb import --db /tmp/alliances data/nodes/*.csv data/edges/*.csv\n"
      "  alliancedb import --db /tmp/g --schema free --nodes=Person=people.csv "
      "--relationships=KNOWS=knows.csv");
  cmd->callback([flags, exit_code]() { *exit_code = Run(*flags); });
}

}  // namespace alliance::tools
