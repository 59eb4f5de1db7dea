// StatementProgress: draws what a running statement reports through
// QueryOptions::progress (the snapshot builds of analytics procedures) as a
// ProgressBar on stderr; like every bar, shown only on a terminal and only for
// steps that take over a second.
#ifndef ALLIANCE_TOOLS_STATEMENT_PROGRESS_H_
#define ALLIANCE_TOOLS_STATEMENT_PROGRESS_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "alliance/query_result.h"
#include "progress_bar.h"

namespace alliance::tools {

class StatementProgress {
 public:
  StatementProgress() = default;
  ~StatementProgress();
  StatementProgress(const StatementProgress&) = delete;
  StatementProgress& operator=(const StatementProgress&) = delete;

  // Sends the progress of statements run with `options` here; this object must
  // outlive them.
  void Attach(QueryOptions& options);

 private:
  void Report(std::string_view step, uint64_t done, uint64_t expected);

  std::mutex mu_;  // reports come from the statement's worker threads, one at a time
  std::string step_;
  uint64_t last_done_ = 0;
  std::unique_ptr<ProgressBar> bar_;
};

}  // namespace alliance::tools

#endif  // ALLIANCE_TOOLS_STATEMENT_PROGRESS_H_
