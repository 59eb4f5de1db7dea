// alliancedb backup, run as a user runs it, beside a writer in another
// process that holds the database's write lock.
#include <gtest/gtest.h>

#include "alliance/database.h"
#include "tests/tools/cli_runner.h"

namespace alliance {
namespace {

using testing::CliRunner;

// The writer (this test process) keeps its lock and its unflushed commits;
// the backup, a read-only open in another process, still copies every commit
// acknowledged before it started, and the writer goes on afterwards.
TEST(BackupCommandTest, CopiesBesideAWriterInAnotherProcess) {
  CliRunner cli;
  const std::string db_path = cli.Path("db");
  auto db = Database::Open(db_path);
  ASSERT_TRUE(db.ok()) << db.status();
  for (int i = 0; i < 200; ++i) {
    ASSERT_TRUE((*db)
                    ->Execute("CREATE (:Organisation {name: $name, kind: 'company'})",
                              {{"name", Value::String("org " + std::to_string(i))}})
                    .ok());
  }
  const std::string copy = cli.Path("copy");
  auto r = cli.Run("backup --db " + db_path + " " + copy);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("backed up"), std::string::npos) << r.out;
  ASSERT_TRUE((*db)->Execute("CREATE (:Organisation {name: 'after', kind: 'company'})").ok());

  r = cli.Run("query --db " + copy + " --format csv \"MATCH (o:Organisation) RETURN count(o) AS n\"");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "n\n200\n");
  r = cli.Run("check --db " + copy);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;

  // An existing destination is refused with a clear message and exit code.
  r = cli.Run("backup --db " + db_path + " " + copy);
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("already exists"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace alliance
