// ReportRequest: one `alliancedb report NAME ...` (or shell `:report ...`)
// request, and the command-line grammar both share.
#ifndef ALLIANCE_TOOLS_REPORT_REQUEST_H_
#define ALLIANCE_TOOLS_REPORT_REQUEST_H_

#include <string>
#include <vector>

#include "alliance/query_result.h"

namespace CLI {
class App;
}  // namespace CLI

namespace alliance::tools {

struct ReportRequest {
  std::string name;          // overlap, centrality, brokers, consortium, organisation
  std::vector<std::string> subject;  // NAME of consortium/organisation, as words
  std::string db;
  std::string html_path;     // also write a self-contained HTML page here
  std::string format = "table";  // table, md, json
  bool rollup_affiliates = false;
  int min_consortia = 2;     // overlap: organisations in at least this many
  int top = 10;              // centrality, brokers: rows per measure
  std::string by = "twoModeBetweenness";  // centrality: the ranking measure
  QueryOptions query_options;  // how the report's procedures run: progress, cancellation

  std::string SubjectName() const;
};

// Adds the report subcommands and their options to `report`, filling
// `request` when parsed (`request->name` is the chosen report).
void DefineReportGrammar(CLI::App& report, ReportRequest* request);

}  // namespace alliance::tools

#endif  // ALLIANCE_TOOLS_REPORT_REQUEST_H_
