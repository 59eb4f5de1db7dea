// Runs a report request: builds the named report, prints it in the requested
// format and writes the HTML page when asked. Shared by `alliancedb report`
// and the shell's :report.
#ifndef ALLIANCE_TOOLS_REPORT_RUNNER_H_
#define ALLIANCE_TOOLS_REPORT_RUNNER_H_

#include <atomic>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "alliance/database.h"
#include "report_request.h"

namespace alliance::tools {

absl::Status RunReport(Database& db, const ReportRequest& request, std::ostream& out);

// `args` as typed after :report (e.g. {"consortium", "NC AI Consortium"});
// returns the exit code, with usage errors and failures on `err`.
// `cancel` (may be null) stops the report's procedures, as Ctrl-C in the shell does.
int RunReport(Database& db, const std::vector<std::string>& args, std::ostream& out,
              std::ostream& err, const std::atomic<bool>* cancel = nullptr);

}  // namespace alliance::tools

#endif  // ALLIANCE_TOOLS_REPORT_RUNNER_H_
