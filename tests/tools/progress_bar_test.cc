// ProgressBar on a fake clock: silent for the first second and when disabled
// (stderr not a terminal), then rows, rate, percentage and time left, redrawn
// at most ten times a second, and a final line with the total time.
#include "progress_bar.h"

#include <gtest/gtest.h>

#include <sstream>

namespace alliance::tools {
namespace {

using Clock = ProgressBar::Clock;
using std::chrono::milliseconds;

class ProgressBarTest : public ::testing::Test {
 protected:
  ProgressBar::Options Options(bool enabled = true, bool bytes = false) {
    ProgressBar::Options o;
    o.out = &out_;
    o.enabled = enabled;
    o.bytes = bytes;
    o.now = [this] { return now_; };
    return o;
  }
  void At(int ms) { now_ = Clock::time_point() + milliseconds(ms); }

  std::ostringstream out_;
  Clock::time_point now_{};
};

TEST_F(ProgressBarTest, QuietDuringTheFirstSecond) {
  ProgressBar bar("export", "rows", Options());
  At(900);
  bar.Update(100, 0.9);
  bar.Finish();
  EXPECT_EQ(out_.str(), "");  // not even a newline
}

TEST_F(ProgressBarTest, RowsRateAndTimeLeft) {
  {
    ProgressBar bar("export", "rows", Options());
    At(2000);
    bar.Update(500, 0.5);
    EXPECT_EQ(out_.str(), "\rexport:  50% 500 rows, 250 rows/s, 0:02 left\x1b[K");
    At(2050);  // too soon to redraw
    bar.Update(600, 0.6);
    EXPECT_EQ(out_.str(), "\rexport:  50% 500 rows, 250 rows/s, 0:02 left\x1b[K");
    At(4000);
    bar.Update(1000, 1.0);
    out_.str("");
  }  // the destructor finishes
  EXPECT_EQ(out_.str(), "\rexport: 100% 1.0k rows, 250 rows/s, 0:04\x1b[K\n");
}

TEST_F(ProgressBarTest, UnknownTotalShowsNoPercentage) {
  ProgressBar bar("export", "rows", Options());
  At(2000);
  bar.Update(12345);
  EXPECT_EQ(out_.str(), "\rexport: 12.3k rows, 6.2k rows/s\x1b[K");
}

// Rows and rate count from the stage's start; the time left is over the whole.
TEST_F(ProgressBarTest, Stages) {
  ProgressBar bar("export", "rows", Options());
  bar.SetStage("reading");
  At(2000);
  bar.Update(3000, 0.5);
  EXPECT_EQ(out_.str(), "\rexport, reading:  50% 3.0k rows, 1.5k rows/s, 0:02 left\x1b[K");
  out_.str("");
  bar.SetStage("writing");
  At(3000);
  bar.Update(500, 0.75);
  EXPECT_EQ(out_.str(), "\rexport, writing:  75% 500 rows, 500 rows/s, 0:01 left\x1b[K");
}

TEST_F(ProgressBarTest, Bytes) {
  ProgressBar bar("import", "", Options(true, /*bytes=*/true));
  At(2000);
  bar.Update(1572864, 0.1);
  EXPECT_EQ(out_.str(), "\rimport:  10% 1.5 MiB, 768 KiB/s, 0:18 left\x1b[K");
}

TEST_F(ProgressBarTest, DisabledShowsNothing) {
  ProgressBar bar("export", "rows", Options(/*enabled=*/false));
  At(5000);
  bar.Update(10, 0.5);
  bar.Finish();
  EXPECT_EQ(out_.str(), "");
}

}  // namespace
}  // namespace alliance::tools
