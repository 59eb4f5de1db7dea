// alliancedb report: analyst reports over the alliance graph (overlap,
// centrality, brokers, consortium NAME, organisation NAME), printed as tables,
// Markdown or JSON, optionally with a self-contained HTML page of pictures.
#include <iostream>

#include <CLI/CLI.hpp>

#include "commands.h"
#include "database_flag.h"
#include "report_request.h"
#include "report_runner.h"

namespace alliance::tools {

void AddReportCommand(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand("report", "Analyst reports over the alliance graph");
  auto request = std::make_shared<ReportRequest>();
  DefineReportGrammar(*cmd, request.get());
  cmd->footer(
      "Examples:\n"
      "  alliancedb report overlap --html alliance-report.html\n"
      "  alliancedb report centrality --by pageRank --top 5\n"
      "  alliancedb report brokers --format md\n"
      "  alliancedb report consortium \"NC AI Consortium\" --rollup-affiliates\n"
      "  alliancedb report organisation KAIST --format json");
  cmd->final_callback([request, exit_code]() {
    // Reports only read, so they open the database read-only beside a writer.
    auto db = OpenDatabaseFlag(request->db, OpenMode::kReadOnly);
    if (!db.ok()) {
      *exit_code = ReportError(db.status());
      return;
    }
    if (absl::Status s = RunReport(**db, *request, std::cout); !s.ok()) {
      *exit_code = ReportError(s);
    }
  });
}

}  // namespace alliance::tools
