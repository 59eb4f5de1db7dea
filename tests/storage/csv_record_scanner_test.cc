#include "storage/csv_record_scanner.h"

#include <random>
#include <set>
#include <string>

#include "gtest/gtest.h"
#include "storage/csv_reader.h"

namespace alliance::storage {
namespace {

// Random records mixing what quoting can hold: delimiters, line breaks and
// doubled quotes in quoted fields, quotes inside unquoted fields, CRLF
// endings, empty fields.
std::string RandomCsv(std::mt19937& rng, int rows) {
  static const char* kFields[] = {"plain",          "\"a,b\"",        "\"two\nlines\"",
                                  "\"say \"\"hi\"\"\"", "5\" tall",       "",
                                  "\"\"",           "\"\"\"\"",       "\"x \"\"y\"\"\nz\"",
                                  "\"\n\"",         "it's \"quoted\"", "\"a\"\"\n\"\"b\""};
  std::string text = "a,b,c\n";
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < 3; ++c) {
      if (c > 0) text += ',';
      text += kFields[rng() % (sizeof kFields / sizeof kFields[0])];
    }
    // No blank records: the reader skips those, the scanner does not.
    if (text.back() == ',' || text.back() == '\n') text += "end";
    text += rng() % 4 == 0 ? "\r\n" : "\n";
  }
  return text;
}

// Record starts as the scanner finds them, fed `chunk` bytes at a time, as
// 1-based line numbers (the header is line 1).
std::set<int64_t> ScannedStarts(const std::string& text, size_t chunk) {
  const size_t header = text.find('\n') + 1;
  CsvRecordScanner scanner(',', '"');
  std::set<int64_t> lines{2};
  for (size_t at = header; at < text.size(); at += chunk) {
    const size_t n = std::min(chunk, text.size() - at);
    scanner.Feed(text.data() + at, n, [&](int64_t start) {
      if (header + start < text.size()) lines.insert(2 + scanner.line_breaks());
    });
  }
  return lines;
}

// The scanner finds exactly the records the reader reads, however the bytes
// are cut into chunks (quotes, doubled quotes and line breaks on the cuts).
TEST(CsvRecordScannerTest, FindsTheReadersRecordStarts) {
  std::mt19937 rng(3);
  for (int round = 0; round < 20; ++round) {
    const std::string text = RandomCsv(rng, 300);
    auto reader = CsvReader::OpenString("t.csv", text, {});
    ASSERT_TRUE(reader.ok()) << reader.status();
    std::set<int64_t> expected;
    while (true) {
      absl::StatusOr<bool> more = (*reader)->Next();
      ASSERT_TRUE(more.ok()) << more.status() << "\n" << text;
      if (!*more) break;
      expected.insert((*reader)->line());
    }
    for (size_t chunk : {size_t{1}, size_t{2}, size_t{3}, size_t{7}, size_t{64}, text.size()}) {
      EXPECT_EQ(ScannedStarts(text, chunk), expected) << "chunk " << chunk << "\n" << text;
    }
  }
}

}  // namespace
}  // namespace alliance::storage
