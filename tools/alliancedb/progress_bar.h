// ProgressBar: one self-rewriting stderr line for long-running commands (export,
// import, snapshot builds): rows done, rate, fraction done and time left, and
// the stage when the work has several ("reading", then "writing").
// It stays silent unless stderr is a terminal and the work has already taken
// over a second, so pipes, logs and quick runs see nothing.
//
//   ProgressBar bar("export", "rows");
//   bar.SetStage("writing");
//   for (...) bar.Update(++rows, done_units / total_units);
//   bar.Finish();
//
// Not thread-safe: update it from one thread.
#ifndef ALLIANCE_TOOLS_PROGRESS_BAR_H_
#define ALLIANCE_TOOLS_PROGRESS_BAR_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace alliance::tools {

class ProgressBar {
 public:
  using Clock = std::chrono::steady_clock;

  struct Options {
    // Where the line goes, and whether it is shown at all; the defaults are
    // std::cerr and isatty(STDERR_FILENO).
    std::ostream* out = nullptr;
    bool enabled = false;
    // Work shorter than this never shows a line.
    Clock::duration delay = std::chrono::seconds(1);
    // Redrawing more often than this only costs time.
    Clock::duration refresh = std::chrono::milliseconds(100);
    // Counts are bytes: shown as KiB, MiB, ... instead of k, M, ...
    bool bytes = false;
    // Tests substitute a fake clock.
    std::function<Clock::time_point()> now;
  };

  // `what` starts the line ("export"); `unit` names what is counted ("rows").
  ProgressBar(std::string what, std::string unit);
  ProgressBar(std::string what, std::string unit, Options options);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // Shown after `what` ("export, writing: ..."); `done` and the rate count
  // from the stage's start, the fraction and time left over the whole work.
  void SetStage(std::string_view stage);
  // `done` units so far in this stage; `fraction` of the whole work in
  // [0, 1], or negative when unknown (then no percentage or time left).
  void Update(uint64_t done, double fraction = -1);
  // Ends the line when one was shown, with the final figures.
  void Finish();

 private:
  void Draw(Clock::time_point now);
  std::string Line(Clock::time_point now) const;

  std::string what_;
  std::string unit_;
  Options options_;
  std::string stage_;
  Clock::time_point start_;
  Clock::time_point stage_start_;
  Clock::time_point last_draw_;
  uint64_t done_ = 0;
  double fraction_ = -1;
  bool shown_ = false;
  bool finished_ = false;
};

}  // namespace alliance::tools

#endif  // ALLIANCE_TOOLS_PROGRESS_BAR_H_
