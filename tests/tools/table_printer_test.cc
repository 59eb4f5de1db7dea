// TablePrinter: columns line up by display width (Korean takes two columns),
// long cells end in an ellipsis, long tables show head and tail around a
// "… N more rows" line, and Markdown escapes '|'.
#include "tools/alliancedb/table_printer.h"

#include <gtest/gtest.h>

#include <sstream>

namespace alliance::tools {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(TablePrinterTest, WideCharactersAlign) {
  TablePrinter t({"name", "n"});
  t.AddRow({"고려대학교", "2"});
  t.AddRow({"KAIST", "3"});
  t.AlignRight(1);
  std::ostringstream out;
  t.Print(out);
  const auto lines = Lines(out.str());
  ASSERT_EQ(lines.size(), 6u);
  for (const std::string& line : lines) EXPECT_EQ(DisplayWidth(line), DisplayWidth(lines[0])) << line;
  EXPECT_EQ(lines[3], "│ 고려대학교 │ 2 │");
  EXPECT_EQ(lines[4], "│ KAIST      │ 3 │");
  EXPECT_EQ(DisplayWidth("고려대학교"), 10u);
}

TEST(TablePrinterTest, LongCellsAreCutWithEllipsis) {
  TablePrinter t({"x"});
  t.AddRow({"abcdefghij"});
  t.AddRow({"한국어한국어"});
  std::ostringstream out;
  t.Print(out, {.max_cell_width = 5});
  EXPECT_NE(out.str().find("│ abcd… │"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("│ 한국… │"), std::string::npos) << out.str();
}

TEST(TablePrinterTest, HugeTablesAreSummarised) {
  TablePrinter t({"i"});
  for (int i = 0; i < 12345; ++i) t.AddRow({std::to_string(i)});
  std::ostringstream out;
  t.Print(out, {.max_rows = 4});
  const std::string text = out.str();
  EXPECT_NE(text.find("│ 1     │"), std::string::npos) << text;
  EXPECT_EQ(text.find("│ 2     │"), std::string::npos) << text;
  EXPECT_NE(text.find("│ 12344 │"), std::string::npos) << text;
  EXPECT_NE(text.find("… 12,341 more rows (4 shown)"), std::string::npos) << text;
  EXPECT_EQ(GroupThousands(1234567), "1,234,567");
  EXPECT_EQ(GroupThousands(999), "999");
}

TEST(TablePrinterTest, MarkdownEscapesPipes) {
  TablePrinter t({"a|b", "n"});
  t.AddRow({"x|y", "1"});
  t.AlignRight(1);
  std::ostringstream out;
  t.Print(out, {.style = TableStyle::kMarkdown});
  EXPECT_EQ(out.str(), "| a\\|b |   n |\n|------|----:|\n| x\\|y |   1 |\n");
}

}  // namespace
}  // namespace alliance::tools
