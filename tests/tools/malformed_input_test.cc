// A corpus of malformed inputs (tests/tools/malformed/) run through import
// and query as a user runs them: each gives a clear `file:line: reason` (or
// query position), a non-zero exit, and leaves the database as it was: an
// export before and after is identical and the checker finds nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "tests/tools/cli_runner.h"

namespace alliance {
namespace {

using testing::CliResult;
using testing::CliRunner;

std::map<std::string, std::string> ReadTree(const std::string& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) {
      files[std::filesystem::relative(e.path(), dir).string()] =
          CliRunner::Slurp(e.path().string());
    }
  }
  return files;
}

TEST(MalformedInputTest, EveryBadInputIsReportedAndChangesNothing) {
  CliRunner cli;
  ASSERT_EQ(cli.Run("check").exit_code, 0);  // builds the default database
  ASSERT_EQ(cli.Run("export --format csv " + cli.Path("before")).exit_code, 0);

  const std::string corpus = MALFORMED_CORPUS_DIR;
  const std::map<std::string, std::string> imports = {
      {"bad_header.csv", ":1: column 'since:integer' has unknown type 'integer'"},
      {"bad_utf8.csv", ":3: column 'name' has invalid UTF-8"},
      {"dangling_edge.csv", ":2: start node id 'org:nc-ai' is not defined by any node file"},
      {"duplicate_id.csv", ":3: duplicate node id 'x1' (first used at "},
      {"duplicate_key.csv",
       ":3: schema violation: duplicate key Organisation name 'NC AI' (already in the database"},
      {"truncated.csv", ":3: expected 4 fields, found 2"},
      {"unbalanced_quote.csv", ":3: unterminated quoted field"},
      {"wrong_type.csv", ":2: column 'budget_krw' expects int, got 'lots'"},
  };
  size_t files_in_corpus = 0;
  for (const auto& e : std::filesystem::directory_iterator(corpus)) files_in_corpus += e.is_regular_file();
  EXPECT_EQ(files_in_corpus, imports.size()) << "every corpus file has an expectation";
  for (const auto& [file, reason] : imports) {
    const std::string path = corpus + "/" + file;
    CliResult r = cli.Run("import '" + path + "'");
    EXPECT_EQ(r.exit_code, 1) << file << ": " << r.err;
    EXPECT_NE(r.err.find(path + reason), std::string::npos) << file << ": " << r.err;
  }

  // A runaway quoted field is cut off at the reader's record limit, not
  // buffered without end.
  {
    const std::string path = cli.Path("runaway.csv");
    std::ofstream out(path, std::ios::binary);
    out << "id:ID,:LABEL,name,kind\nx1,Organisation,\"";
    const std::string block(1 << 20, 'a');
    for (int i = 0; i < 257; ++i) out << block;
  }
  CliResult r = cli.Run("import '" + cli.Path("runaway.csv") + "'");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("runaway.csv:2: record is larger than"), std::string::npos) << r.err;

  // Bad statements: a syntax error points at its line and column; a write
  // breaking a unique key changes nothing.
  r = cli.Run("query \"MATCH (n RETURN n\"");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("line 1, column"), std::string::npos) << r.err;
  r = cli.Run("query \"CREATE (:Organisation {name: 'Fresh', kind: 'x'}) "
              "CREATE (:Organisation {name: 'NC AI', kind: 'x'})\"");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("duplicate key"), std::string::npos) << r.err;

  ASSERT_EQ(cli.Run("export --format csv " + cli.Path("after")).exit_code, 0);
  EXPECT_EQ(ReadTree(cli.Path("before")), ReadTree(cli.Path("after")));
  r = cli.Run("check");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("no problems"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace alliance
