#include "report_runner.h"

#include <CLI/CLI.hpp>

#include "html/html_report.h"
#include "report_builders.h"
#include "report_text.h"
#include "statement_progress.h"

namespace alliance::tools {

absl::Status RunReport(Database& db, const ReportRequest& request, std::ostream& out) {
  ReportRequest r = request;
  StatementProgress progress;
  progress.Attach(r.query_options);
  const bool pictures = !r.html_path.empty();
  absl::StatusOr<html::HtmlReport> report;
  if (r.name == "overlap") {
    report = BuildOverlapReport(db, r, pictures);
  } else if (r.name == "centrality") {
    report = BuildCentralityReport(db, r, pictures);
  } else if (r.name == "brokers") {
    report = BuildBrokersReport(db, r, pictures);
  } else if (r.name == "consortium") {
    report = BuildConsortiumReport(db, r, pictures);
  } else if (r.name == "organisation") {
    report = BuildOrganisationReport(db, r, pictures);
  } else {
    return absl::InvalidArgumentError("unknown report '" + r.name +
                                      "' (overlap, centrality, brokers, consortium, organisation)");
  }
  if (!report.ok()) return report.status();
  const ReportTextFormat format = r.format == "json" ? ReportTextFormat::kJson
                                  : r.format == "md" || r.format == "markdown"
                                      ? ReportTextFormat::kMarkdown
                                      : ReportTextFormat::kTable;
  PrintReport(*report, format, out);
  if (pictures) {
    if (absl::Status s = html::WriteHtmlReport(*report, r.html_path); !s.ok()) {
      return absl::Status(s.code(), "writing " + r.html_path + ": " + std::string(s.message()));
    }
    if (format != ReportTextFormat::kJson) out << "HTML report written to " << r.html_path << "\n";
  }
  return absl::OkStatus();
}

int RunReport(Database& db, const std::vector<std::string>& args, std::ostream& out,
              std::ostream& err, const std::atomic<bool>* cancel) {
  CLI::App app{"Analyst reports", ":report"};
  ReportRequest request;
  DefineReportGrammar(app, &request);
  std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 pops from the back
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    out << app.help();
    return 0;
  } catch (const CLI::ParseError& e) {
    err << ":report: " << e.what() << " (reports: overlap, centrality, brokers, consortium NAME, "
        << "organisation NAME)\n";
    return 2;
  }
  request.query_options.cancel = cancel;
  if (!request.db.empty()) {
    err << ":report: --db does not apply in the shell (it reports on the open database)\n";
    return 2;
  }
  if (absl::Status s = RunReport(db, request, out); !s.ok()) {
    err << ":report: " << s.message() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace alliance::tools
