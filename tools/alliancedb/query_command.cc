// alliancedb query: run one Cypher statement from the command line or a file.
#include <fstream>
#include <iostream>
#include <sstream>

#include <unistd.h>

#include <CLI/CLI.hpp>

#include "alliance/database.h"
#include "commands.h"
#include "database_flag.h"
#include "query_parameter.h"
#include "statement_progress.h"
#include "result_printer.h"

namespace alliance::tools {
namespace {

struct QueryFlags {
  std::string db;
  std::string query;
  std::string file;
  std::string format = "table";
  std::vector<std::string> params;
  bool stats = false;
  int64_t max_rows = -1;  // -1: 40 on a terminal, all otherwise
};

int Run(const QueryFlags& flags) {
  std::string text = flags.query;
  if (!flags.file.empty()) {
    std::ifstream in(flags.file);
    if (!in) {
      std::cerr << "alliancedb query: cannot read " << flags.file << "\n";
      return 1;
    }
    std::stringstream s;
    s << in.rdbuf();
    text = s.str();
  }
  if (text.empty()) {
    std::cerr << "alliancedb query: give a statement or -f FILE\n";
    return 2;
  }
  OutputFormat format;
  if (absl::Status s = ParseOutputFormat(flags.format, &format); !s.ok()) return ReportError(s);
  PropertyMap params;
  for (const std::string& p : flags.params) {
    if (absl::Status s = ParseQueryParameter(p, params); !s.ok()) return ReportError(s);
  }
  // Reading statements open the database read-only, so they run beside a writer.
  auto db = OpenDatabaseFlag(flags.db, OpenMode::kReadOnly);
  if (!db.ok()) return ReportError(db.status());
  auto writes = (*db)->IsWriteStatement(text);
  if (!writes.ok()) return ReportError(writes.status());
  if (*writes) {
    db->reset();
    db = OpenDatabaseFlag(flags.db, OpenMode::kReadWrite);
    if (!db.ok()) return ReportError(db.status());
  }
  QueryOptions options;
  StatementProgress progress;
  progress.Attach(options);
  auto result = (*db)->Execute(text, params, options);
  if (!result.ok()) return ReportError(result.status());
  for (const std::string& n : result->notifications) std::cerr << "note: " << n << "\n";
  if (!result->plan.empty()) std::cout << result->plan;
  const size_t max_rows = flags.max_rows >= 0 ? static_cast<size_t>(flags.max_rows)
                                              : (isatty(STDOUT_FILENO) ? 40 : 0);
  PrintResult(*result, format, std::cout, max_rows);
  if (flags.stats || (*writes && format == OutputFormat::kTable)) {
    const QueryStats& s = result->stats;
    std::cerr << "nodes created: " << s.nodes_created << ", deleted: " << s.nodes_deleted
              << "; relationships created: " << s.relationships_created
              << ", deleted: " << s.relationships_deleted << "; properties set: "
              << s.properties_set << "; labels added: " << s.labels_added
              << ", removed: " << s.labels_removed << "\n";
  }
  return 0;
}

}  // namespace

void AddQueryCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<QueryFlags>();
  CLI::App* cmd = app.add_subcommand("query", "Run one Cypher statement");
  AddDatabaseFlag(*cmd, &flags->db);
  cmd->add_option("statement", flags->query, "The Cypher statement");
  cmd->add_option("-f,--file", flags->file, "Read the statement from a file");
  cmd->add_option("--format", flags->format, "Output: table, markdown, csv, json or jsonl")
      ->capture_default_str();
  cmd->add_option("--max-rows", flags->max_rows,
                  "Table rows shown before the rest is summarised (0: all; default 40 on a "
                  "terminal, all when piped)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--param", flags->params,
                  "Parameter name=value (value as JSON when it parses, else a string)");
  cmd->add_flag("--stats", flags->stats, "Print the counts of changes to stderr");
  cmd->footer(
      "Examples:\n"
      "  alliancedb query \"MATCH (o:Organisation)-[:MEMBER_OF]->(c:Consortium) WITH o, "
      "count(DISTINCT c) AS n WHERE n > 1 RETURN o.name, n ORDER BY n DESC\"\n"
      "  alliancedb query --param name=KAIST \"MATCH (o:Organisation {name: $name}) RETURN o\"\n"
      "  alliancedb query --format json -f report.cypher");
  cmd->callback([flags, exit_code]() { *exit_code = Run(*flags); });
}

}  // namespace alliance::tools
