// The alliancedb command, run as a user runs it: exit codes, output and
// error messages of every subcommand.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/temp_dir.h"

namespace alliance {
namespace {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

class AllianceDbTest : public ::testing::Test {
 protected:
  RunResult Run(const std::string& args, const std::string& tool = ALLIANCEDB_BINARY) {
    const std::string out = dir_.Sub("stdout"), err = dir_.Sub("stderr");
    const std::string cmd = "ALLIANCEDB_HOME='" + dir_.Sub("home") + "' ALLIANCEDB_DATA_DIR='" +
                            ALLIANCE_TEST_DATA_DIR + "' '" + tool + "' " + args + " >'" + out +
                            "' 2>'" + err + "' </dev/null";
    int status = std::system(cmd.c_str());
    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = Slurp(out);
    r.err = Slurp(err);
    return r;
  }
  static std::string Slurp(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  std::string Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_.Sub(name)) << text;
    return dir_.Sub(name);
  }
  testing::TempDir dir_;
};

TEST_F(AllianceDbTest, VersionAndHelp) {
  RunResult r = Run("--version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "alliancedb 0.1.0\n");
  for (const char* sub : {"import", "generate", "check", "report overlap", "schema show",
                          "schema add label"}) {
    r = Run(std::string(sub) + " --help");
    EXPECT_EQ(r.exit_code, 0) << sub;
    EXPECT_NE(r.out.find("Example"), std::string::npos) << sub << ": " << r.out;
  }
  EXPECT_EQ(Run("frobnicate").exit_code, 2);
  EXPECT_EQ(Run("").exit_code, 2);
}

// The main job: the default database is built from the bundled data on first
// use and the shared organisations are listed with their consortia.
TEST_F(AllianceDbTest, ReportOverlapOnTheDefaultDatabase) {
  RunResult r = Run("report overlap");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Organisations in 2 or more consortia: 4"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("│ KAIST                     │         3 │ NC AI Consortium, Naver Cloud "
                       "Consortium, SK Telecom Consortium │"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("│ NC AI Consortium       │ Naver Cloud Consortium │      2 │ KAIST, Korea "
                       "University          │  0.1333 │"),
            std::string::npos)
      << r.out;
  EXPECT_TRUE(std::filesystem::exists(dir_.Sub("home/CURRENT")));
  r = Run("report overlap --min-consortia 3");
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("Organisations in 3 or more consortia: 1"), std::string::npos) << r.out;
  EXPECT_EQ(Run("report overlap --min-consortia 0").exit_code, 2);
}

TEST_F(AllianceDbTest, ImportCheckAndErrors) {
  const std::string db = dir_.Sub("db");
  const std::string nodes = Write("n.csv", "id:ID,:LABEL,name,kind\na,Organisation,A,x\nc,Consortium,C,programme\n");
  const std::string edges = Write("e.csv", ":START_ID,:END_ID,:TYPE,role\na,c,MEMBER_OF,lead\n");
  RunResult r = Run("import --db " + db + " " + nodes + " " + edges);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("imported 2 nodes and 1 relationships"), std::string::npos) << r.out;
  r = Run("check --db " + db);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("no problems"), std::string::npos);

  const std::string bad = Write("bad.csv", "id:ID,:LABEL,name,kind\nz,Organisation,Z,x\ny,Person,Y,x\n");
  r = Run("import --db " + db + " " + bad);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(bad + ":3: schema violation: unknown label 'Person'"), std::string::npos)
      << r.err;
  r = Run("import --db " + db + " --dry-run " + Write("ok.csv", "id:ID,:LABEL,name,kind\nq,Organisation,Q,x\n"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("dry run"), std::string::npos);
  r = Run("report overlap --db " + db);
  EXPECT_NE(r.out.find("Organisations in 2 or more consortia: 0"), std::string::npos) << r.out;
  EXPECT_EQ(Run("check --db " + dir_.Sub("nowhere")).exit_code, 1);
  EXPECT_EQ(Run("import --db " + db).exit_code, 2);
}

// `check` exits 1 when an `in` entry is missing.
TEST_F(AllianceDbTest, CheckFindsCorruption) {
  const std::string db = dir_.Sub("db");
  ASSERT_EQ(Run("import --db " + db + " " + ALLIANCE_TEST_DATA_DIR + "/nodes/organisation.csv " +
                ALLIANCE_TEST_DATA_DIR + "/nodes/consortium.csv " + ALLIANCE_TEST_DATA_DIR +
                "/edges/member_of.csv")
                .exit_code,
            0);
  RunResult r = Run(db, CORRUPT_IN_ENTRY_BINARY);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = Run("check --db " + db);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("problem: relationship"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("PROBLEMS FOUND"), std::string::npos);
}

TEST_F(AllianceDbTest, SchemaShowAndAdd) {
  const std::string db = dir_.Sub("db");
  RunResult r = Run("schema show --db " + db);
  ASSERT_EQ(r.exit_code, 1);  // read-only open of a missing database
  ASSERT_EQ(Run("schema add property --db " + db + " Organisation pagerank:double").exit_code, 0);
  r = Run("schema show --db " + db);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("label Organisation\n  name: string (key)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  pagerank: double\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("relationship (:Organisation)-[:MEMBER_OF]->(:Consortium)"),
            std::string::npos);
  r = Run("schema add property --db " + db + " Organisation pagerank:double");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("already declares property 'pagerank'"), std::string::npos) << r.err;
  EXPECT_EQ(Run("schema add property --db " + db + " Organisation rank").exit_code, 1);
  ASSERT_EQ(Run("schema add label --db " + db + " Fund --key name --property name:string").exit_code, 0);
  ASSERT_EQ(Run("schema add type --db " + db + " FUNDS --from Fund --to Consortium").exit_code, 0);
  r = Run("schema show --db " + db);
  EXPECT_NE(r.out.find("relationship (:Fund)-[:FUNDS]->(:Consortium)"), std::string::npos);
}

// generate output imports cleanly.
TEST_F(AllianceDbTest, GenerateThenImport) {
  const std::string out = dir_.Sub("gen");
  RunResult r = Run("generate --orgs 500 --consortia 40 --seed 3 --out " + out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("wrote 500 organisations, 40 consortia"), std::string::npos) << r.out;
  std::string files;
  for (const auto& sub : {"nodes", "edges"}) {
    for (const auto& e : std::filesystem::directory_iterator(out + "/" + sub)) {
      files += " " + e.path().string();
    }
  }
  r = Run("import --db " + dir_.Sub("db") + files);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Run("check --db " + dir_.Sub("db")).exit_code, 0);
  EXPECT_EQ(Run("generate --orgs 0 --out " + out).exit_code, 1);
}

}  // namespace
}  // namespace alliance
