#include "report_request.h"

#include <CLI/CLI.hpp>

#include "absl/strings/str_join.h"
#include "database_flag.h"

namespace alliance::tools {

std::string ReportRequest::SubjectName() const { return absl::StrJoin(subject, " "); }

namespace {

const char* const kMeasures[] = {"degree",           "betweenness",        "pageRank",
                                 "eigenvector",      "twoModeDegree",      "twoModeBetweenness",
                                 "twoModeCloseness", "projectedDegree",    "projectedBetweenness"};

void AddCommonOptions(CLI::App& cmd, ReportRequest* r) {
  AddDatabaseFlag(cmd, &r->db);
  cmd.add_option("--html", r->html_path,
                 "Also write a self-contained HTML page (tables and pictures) to this file");
  cmd.add_option("--format", r->format, "Terminal output: table, md or json")
      ->check(CLI::IsMember({"table", "md", "markdown", "json"}))
      ->capture_default_str();
  cmd.add_flag("--rollup-affiliates", r->rollup_affiliates,
               "Count affiliates (PART_OF) as their top-level parent");
}

}  // namespace

void DefineReportGrammar(CLI::App& report, ReportRequest* r) {
  report.require_subcommand(1);
  CLI::App* overlap = report.add_subcommand(
      "overlap", "Consortium x consortium shared members (with Jaccard) and the organisations "
                 "shared across consortia");
  AddCommonOptions(*overlap, r);
  overlap->add_option("--min-consortia", r->min_consortia,
                      "List organisations in at least this many consortia")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  overlap->footer(
      "Examples:\n  alliancedb report overlap\n"
      "  alliancedb report overlap --rollup-affiliates --html alliance-report.html");

  std::vector<std::string> measures(std::begin(kMeasures), std::end(kMeasures));
  CLI::App* centrality = report.add_subcommand(
      "centrality", "Top organisations by degree, betweenness, PageRank, eigenvector, two-mode "
                    "and projected centrality");
  AddCommonOptions(*centrality, r);
  centrality->add_option("--top", r->top, "Organisations listed")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  centrality->add_option("--by", r->by, "Measure to rank by")
      ->check(CLI::IsMember(measures))
      ->capture_default_str();
  centrality->footer(
      "Examples:\n  alliancedb report centrality\n"
      "  alliancedb report centrality --by pageRank --top 5 --format md");

  CLI::App* brokers = report.add_subcommand(
      "brokers", "Articulation points, bridges, k-core shells and structural holes: who holds "
                 "the alliance network together");
  AddCommonOptions(*brokers, r);
  brokers->add_option("--top", r->top, "Organisations listed by structural-hole measures")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  brokers->footer("Example:\n  alliancedb report brokers --html brokers.html");

  CLI::App* consortium = report.add_subcommand(
      "consortium", "Profile of one consortium: lead, members by kind, models, hardware, "
                    "overlaps with other consortia");
  AddCommonOptions(*consortium, r);
  consortium->add_option("name", r->subject, "Consortium name (English, Korean or alias)")
      ->required();
  consortium->footer(
      "Examples:\n  alliancedb report consortium \"NC AI Consortium\"\n"
      "  alliancedb report consortium 'KT 컨소시엄' --rollup-affiliates");

  CLI::App* organisation = report.add_subcommand(
      "organisation", "Profile of one organisation: consortia, affiliates, co-members and its "
                      "rank in each measure");
  AddCommonOptions(*organisation, r);
  organisation->add_option("name", r->subject, "Organisation name (English, Korean or alias)")
      ->required();
  organisation->footer(
      "Examples:\n  alliancedb report organisation KAIST\n"
      "  alliancedb report organisation \"Korea University\" --rollup-affiliates");

  for (CLI::App* sub : {overlap, centrality, brokers, consortium, organisation}) {
    sub->preparse_callback([r, sub](size_t) { r->name = sub->get_name(); });
  }
}

}  // namespace alliance::tools
