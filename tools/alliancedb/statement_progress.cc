#include "statement_progress.h"

namespace alliance::tools {

StatementProgress::~StatementProgress() {
  if (bar_) bar_->Finish();
}

void StatementProgress::Attach(QueryOptions& options) {
  options.progress = [this](std::string_view step, uint64_t done, uint64_t expected) {
    Report(step, done, expected);
  };
}

void StatementProgress::Report(std::string_view step, uint64_t done, uint64_t expected) {
  std::lock_guard<std::mutex> lock(mu_);
  // A new step, or the same step counting from zero again (the next procedure's
  // snapshot), gets a bar of its own.
  if (!bar_ || step != step_ || done < last_done_) {
    if (bar_) bar_->Finish();
    step_ = std::string(step);
    const std::string what = step == "snapshot" ? "building snapshot" : step_;
    bar_ = std::make_unique<ProgressBar>(what, "relationships");
  }
  last_done_ = done;
  bar_->Update(done, expected > 0 ? static_cast<double>(done) / static_cast<double>(expected)
                                  : -1);
}

}  // namespace alliance::tools
