#include "progress_bar.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>

namespace alliance::tools {
namespace {

// 987 -> "987", 12345 -> "12.3k", 123456 -> "123k": a redrawn line must not
// jitter in width, and three significant digits are all a glance takes in.
std::string Compact(double n, bool bytes) {
  static const char* const kCounts[] = {"", "k", "M", "G", "T", "P"};
  static const char* const kBytes[] = {" B", " KiB", " MiB", " GiB", " TiB", " PiB"};
  const double base = bytes ? 1024 : 1000;
  int unit = 0;
  while (n >= base && unit < 5) {
    n /= base;
    ++unit;
  }
  char buf[32];
  if (unit == 0 || n >= 100) {
    std::snprintf(buf, sizeof buf, "%.0f%s", n, bytes ? kBytes[unit] : kCounts[unit]);
  } else {
    std::snprintf(buf, sizeof buf, "%.1f%s", n, bytes ? kBytes[unit] : kCounts[unit]);
  }
  return buf;
}

// 75 -> "1:15", 3700 -> "1:01:40".
std::string ClockText(double seconds) {
  const auto s = static_cast<long long>(std::llround(std::max(0.0, seconds)));
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%lld:%02lld", s / 60, s % 60);
  }
  return buf;
}

}  // namespace

ProgressBar::ProgressBar(std::string what, std::string unit)
    : ProgressBar(std::move(what), std::move(unit),
                  Options{.out = &std::cerr, .enabled = ::isatty(STDERR_FILENO) == 1}) {}

ProgressBar::ProgressBar(std::string what, std::string unit, Options options)
    : what_(std::move(what)), unit_(std::move(unit)), options_(std::move(options)) {
  if (options_.out == nullptr) options_.out = &std::cerr;
  if (!options_.now) options_.now = [] { return Clock::now(); };
  start_ = options_.now();
  stage_start_ = start_;
  last_draw_ = start_;
}

ProgressBar::~ProgressBar() { Finish(); }

void ProgressBar::SetStage(std::string_view stage) {
  if (stage == stage_) return;
  stage_ = std::string(stage);
  stage_start_ = options_.now();
  done_ = 0;
}

void ProgressBar::Update(uint64_t done, double fraction) {
  done_ = done;
  fraction_ = fraction;
  if (!options_.enabled || finished_) return;
  const Clock::time_point now = options_.now();
  if (now - start_ < options_.delay) return;
  if (shown_ && now - last_draw_ < options_.refresh) return;
  Draw(now);
}

void ProgressBar::Finish() {
  if (finished_) return;
  finished_ = true;
  if (!shown_) return;
  Draw(options_.now());
  *options_.out << "\n" << std::flush;
}

void ProgressBar::Draw(Clock::time_point now) {
  // \x1b[K clears what a longer earlier line left to the right.
  *options_.out << "\r" << Line(now) << "\x1b[K" << std::flush;
  last_draw_ = now;
  shown_ = true;
}

std::string ProgressBar::Line(Clock::time_point now) const {
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double stage_seconds = std::chrono::duration<double>(now - stage_start_).count();
  std::string line = what_ + (stage_.empty() ? "" : ", " + stage_) + ": ";
  double fraction = fraction_;
  const bool known = fraction >= 0;
  if (known) {
    fraction = std::min(fraction, 1.0);
    char pct[8];
    std::snprintf(pct, sizeof pct, "%3.0f%% ", 100 * fraction);
    line += pct;
  }
  const std::string unit = options_.bytes ? "" : " " + unit_;
  line += Compact(static_cast<double>(done_), options_.bytes) + unit;
  if (stage_seconds > 0) {
    line += ", " + Compact(done_ / stage_seconds, options_.bytes) + unit + "/s";
  }
  if (finished_) {
    line += ", " + ClockText(seconds);
  } else if (known && fraction > 0) {
    line += ", " + ClockText(seconds * (1 - fraction) / fraction) + " left";
  }
  return line;
}

}  // namespace alliance::tools
