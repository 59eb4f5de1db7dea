// alliancedb shell: the interactive Cypher shell (REPL). On a terminal it edits
// lines, keeps history and completes with Tab; with piped input it reads
// statements one after another, going on past errors, and exits 1 if any failed.
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>

#include "alliance/database.h"
#include "alliance/version.h"
#include "commands.h"
#include "database_flag.h"
#include "line_editor.h"
#include "shell_completion.h"
#include "shell_session.h"

namespace alliance::tools {
namespace {

// Raised by SIGINT: cancels the running statement, or the line being typed.
std::atomic<bool> interrupted{false};

void OnInterrupt(int) { interrupted.store(true); }

// $ALLIANCEDB_HISTORY, else $XDG_STATE_HOME/alliancedb/history, else
// ~/.local/state/alliancedb/history; empty when there is no home.
std::string HistoryPath() {
  if (const char* p = std::getenv("ALLIANCEDB_HISTORY")) return p;
  if (const char* state = std::getenv("XDG_STATE_HOME"); state && *state) {
    return std::string(state) + "/alliancedb/history";
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return std::string(home) + "/.local/state/alliancedb/history";
  }
  return "";
}

struct ShellFlags {
  std::string db;
  std::string format = "table";
  bool read_only = false;
};

int Run(const ShellFlags& flags) {
  // A writer elsewhere holds the lock: the shell still reads.
  auto db = OpenDatabaseFlag(flags.db, flags.read_only ? OpenMode::kReadOnly : OpenMode::kReadWrite);
  bool fell_back = false;
  if (!db.ok() && !flags.read_only && absl::IsUnavailable(db.status())) {
    db = OpenDatabaseFlag(flags.db, OpenMode::kReadOnly);
    fell_back = db.ok();
  }
  if (!db.ok()) return ReportError(db.status());

  struct sigaction action = {};
  action.sa_handler = OnInterrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: a blocked read returns, so the prompt comes back
  sigaction(SIGINT, &action, nullptr);

  ShellSession session(**db, std::cout, std::cerr, &interrupted);
  if (absl::Status s = session.SetFormat(flags.format); !s.ok()) return ReportError(s);
  if (!isatty(STDIN_FILENO)) {
    std::string line;
    while (std::getline(std::cin, line)) {
      interrupted.store(false);
      if (!session.HandleLine(line)) break;
    }
    if (session.pending()) {
      std::cerr << "alliancedb shell: input ended inside a statement (missing ';')\n";
      return 1;
    }
    return session.failures() > 0 ? 1 : 0;
  }

  std::cout << "AllianceDB " << kVersion << " shell on " << (*db)->path()
            << ((*db)->read_only() ? " (read-only" : "")
            << (fell_back ? ": another process is writing it)" : (*db)->read_only() ? ")" : "")
            << "\nStatements end with ';'. :help for commands, Ctrl-D to leave.\n";
  const ShellCompletion completion =
      ShellCompletion::ForDatabase(**db, ShellSession::CommandNames());
  LineEditor editor(
      HistoryPath(),
      [&completion](const std::string& line, size_t start, size_t end) {
        return completion.Complete(line, start, end);
      },
      ShellCompletion::WordBreakCharacters(), &interrupted);
  std::string statement_text;
  for (;;) {
    std::string line;
    switch (editor.ReadLine(session.pending() ? "      ...> " : "alliancedb> ", &line)) {
      case LineEditor::Outcome::kEndOfInput:
        std::cout << "\n";
        return 0;
      case LineEditor::Outcome::kInterrupted:
        // As in psql: Ctrl-C drops what is being typed and shows a fresh prompt.
        session.DiscardPending();
        statement_text.clear();
        std::cout << "^C\n";
        continue;
      case LineEditor::Outcome::kLine:
        break;
    }
    statement_text += (statement_text.empty() ? "" : " ") + line;
    const bool keep_going = session.HandleLine(line);
    if (!session.pending() && !statement_text.empty()) {
      editor.AddHistory(statement_text);
      statement_text.clear();
    }
    if (!keep_going) return 0;
  }
}

}  // namespace

void AddShellCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<ShellFlags>();
  CLI::App* cmd = app.add_subcommand("shell", "Interactive Cypher shell (REPL)");
  AddDatabaseFlag(*cmd, &flags->db);
  cmd->add_option("--format", flags->format, "Output: table, markdown, csv, json or jsonl")
      ->capture_default_str();
  cmd->add_flag("--read-only", flags->read_only, "Open the database for reading only");
  cmd->footer(
      "Statements end with ';' and may span lines; Tab completes keywords, labels,\n"
      "relationship types, properties and procedures; history is kept in\n"
      "$XDG_STATE_HOME/alliancedb/history (or $ALLIANCEDB_HISTORY).\n"
      "Examples:\n"
      "  alliancedb shell\n"
      "  alliancedb shell --db /tmp/g --format csv < statements.cypher\n"
      "  echo \"MATCH (c:Consortium) RETURN c.name;\" | alliancedb shell");
  cmd->callback([flags, exit_code]() { *exit_code = Run(*flags); });
}

}  // namespace alliance::tools
