// ShellSession: what `alliancedb shell` does with each line typed, apart from
// the terminal: gathers statements ended by ';', runs them and the `:`
// commands (:help, :schema, :timing, :format/:mode, :explain, :params, :param,
// :report, :quit), and prints results. Errors are printed and the session goes
// on; the count of failures decides the exit code of a piped session.
#ifndef ALLIANCE_TOOLS_SHELL_SESSION_H_
#define ALLIANCE_TOOLS_SHELL_SESSION_H_

#include <atomic>
#include <ostream>
#include <string>
#include <vector>

#include "alliance/database.h"
#include "result_printer.h"
#include "statement_splitter.h"

namespace alliance::tools {

class ShellSession {
 public:
  // `cancel` is raised (by the Ctrl-C handler) to stop the running statement.
  ShellSession(Database& db, std::ostream& out, std::ostream& err, std::atomic<bool>* cancel);

  // Handles one line; false once the session should end (:quit).
  bool HandleLine(const std::string& line);
  // A statement has begun but not ended (the continuation prompt shows).
  bool pending() const { return splitter_.pending(); }
  // Ctrl-C at the prompt: forget the unfinished statement.
  void DiscardPending() { splitter_.Clear(); }
  int failures() const { return failures_; }
  // As :format does; fails on an unknown format.
  absl::Status SetFormat(const std::string& format) { return ParseOutputFormat(format, &format_); }

  // The `:` commands, for :help and tab completion.
  static const std::vector<std::string>& CommandNames();

 private:
  void RunStatement(const std::string& text);
  // Returns false for :quit.
  bool RunCommand(const std::string& line);
  void Fail(const std::string& message);
  void SetParameter(const std::string& spec);

  Database& db_;
  std::ostream& out_;
  std::ostream& err_;
  std::atomic<bool>* cancel_;
  StatementSplitter splitter_;
  PropertyMap params_;
  OutputFormat format_ = OutputFormat::kTable;
  bool timing_ = false;
  int failures_ = 0;
};

}  // namespace alliance::tools

#endif  // ALLIANCE_TOOLS_SHELL_SESSION_H_
