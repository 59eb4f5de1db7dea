// CliRunner: runs the built alliancedb binary as a user runs it, in a fresh
// temporary directory that is also its default-database home
// ($ALLIANCEDB_HOME), with the bundled dataset; gives back the exit code,
// stdout and stderr.
//
//   CliRunner cli;
//   CliResult r = cli.Run("export --format jsonl " + cli.Path("g.jsonl"));
#ifndef ALLIANCE_TESTS_TOOLS_CLI_RUNNER_H_
#define ALLIANCE_TESTS_TOOLS_CLI_RUNNER_H_

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/temp_dir.h"

namespace alliance::testing {

struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

class CliRunner {
 public:
  // `args` go to the shell as they are: quote paths with spaces yourself.
  CliResult Run(const std::string& args) const { return RunProgram(ALLIANCEDB_BINARY, args); }

  // With `input` as standard input (a pipe, not a terminal).
  CliResult RunWithInput(const std::string& args, const std::string& input) const {
    return RunProgram(ALLIANCEDB_BINARY, args, Write(".stdin", input));
  }

  // Any program, in the same environment.
  CliResult RunProgram(const std::string& program, const std::string& args,
                       const std::string& stdin_path = "/dev/null") const {
    const std::string out = dir_.Sub(".stdout"), err = dir_.Sub(".stderr");
    const std::string cmd = "ALLIANCEDB_HOME='" + dir_.Sub("home") + "' ALLIANCEDB_DATA_DIR='" +
                            ALLIANCE_TEST_DATA_DIR + "' '" + program + "' " + args + " >'" + out +
                            "' 2>'" + err + "' <'" + stdin_path + "'";
    const int status = std::system(cmd.c_str());
    CliResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = Slurp(out);
    r.err = Slurp(err);
    return r;
  }

  std::string Path(const std::string& name) const { return dir_.Sub(name); }

  std::string Write(const std::string& name, const std::string& text) const {
    std::ofstream(dir_.Sub(name), std::ios::binary) << text;
    return dir_.Sub(name);
  }

  static std::string Slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }

 private:
  TempDir dir_;
};

}  // namespace alliance::testing

#endif  // ALLIANCE_TESTS_TOOLS_CLI_RUNNER_H_
