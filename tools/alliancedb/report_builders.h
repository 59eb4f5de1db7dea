// The analyst reports: each reads the database through the public API and the
// engine's analytics procedures and returns its content as an html::HtmlReport,
// which report_text.h prints for a terminal and html/html_report.h draws.
#ifndef ALLIANCE_TOOLS_REPORT_BUILDERS_H_
#define ALLIANCE_TOOLS_REPORT_BUILDERS_H_

#include "absl/status/statusor.h"
#include "alliance/database.h"
#include "html/report_model.h"
#include "report_request.h"

namespace alliance::tools {

// `pictures`: also compute the heatmap, charts and network drawing (only the
// HTML page shows them).
absl::StatusOr<html::HtmlReport> BuildOverlapReport(Database& db, const ReportRequest& r,
                                                    bool pictures);
absl::StatusOr<html::HtmlReport> BuildCentralityReport(Database& db, const ReportRequest& r,
                                                       bool pictures);
absl::StatusOr<html::HtmlReport> BuildBrokersReport(Database& db, const ReportRequest& r,
                                                    bool pictures);
absl::StatusOr<html::HtmlReport> BuildConsortiumReport(Database& db, const ReportRequest& r,
                                                       bool pictures);
absl::StatusOr<html::HtmlReport> BuildOrganisationReport(Database& db, const ReportRequest& r,
                                                         bool pictures);

}  // namespace alliance::tools

#endif  // ALLIANCE_TOOLS_REPORT_BUILDERS_H_
