#include "shell_session.h"

#include <chrono>
#include <cstdio>
#include <iomanip>
#include <sstream>

#include "absl/strings/ascii.h"
#include "report_runner.h"
#include "schema_printer.h"
#include "statement_progress.h"
#include "table_printer.h"

namespace alliance::tools {
namespace {

std::string Stripped(const std::string& s) { return std::string(absl::StripAsciiWhitespace(s)); }

// Arguments of :report, split at blanks; "double quotes" keep a name whole.
std::vector<std::string> Words(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> words;
  for (std::string w; in >> std::quoted(w);) words.push_back(w);
  return words;
}

constexpr const char* kHelp =
    "Statements end with ';' and may span lines. Ctrl-C cancels a running statement\n"
    "(or the one being typed); Ctrl-D or :quit leaves.\n"
    "\n"
    "  :help                     this text\n"
    "  :schema                   labels, properties and relationship types\n"
    "  :timing on|off            print each statement's time\n"
    "  :format FORMAT            table, markdown, csv, json or jsonl (also :mode)\n"
    "  :explain STATEMENT        the plan of a statement, without running it\n"
    "  :params                   the parameters set\n"
    "  :param NAME => VALUE      set $NAME to a Cypher expression's value ('KAIST', 3, [1, 2])\n"
    "  :param NAME               remove $NAME\n"
    "  :report NAME [ARGS]       overlap, centrality, brokers, consortium NAME, organisation NAME\n"
    "  :quit                     leave (also :exit)\n"
    "\n"
    "Procedures: CALL dbms.procedures() lists the analytics (CALL algo.pageRank({topK: 5})).\n";

}  // namespace

const std::vector<std::string>& ShellSession::CommandNames() {
  static const auto* names = new std::vector<std::string>{
      ":help", ":schema", ":timing", ":format", ":mode", ":explain",
      ":params", ":param", ":report", ":quit", ":exit"};
  return *names;
}

ShellSession::ShellSession(Database& db, std::ostream& out, std::ostream& err,
                           std::atomic<bool>* cancel)
    : db_(db), out_(out), err_(err), cancel_(cancel) {}

bool ShellSession::HandleLine(const std::string& line) {
  if (!splitter_.pending()) {
    const std::string trimmed = Stripped(line);
    if (trimmed.empty()) return true;
    if (trimmed[0] == ':') return RunCommand(trimmed);
  }
  for (const std::string& statement : splitter_.AddLine(line)) RunStatement(statement);
  return true;
}

void ShellSession::Fail(const std::string& message) {
  ++failures_;
  err_ << message << "\n";
  err_.flush();
}

void ShellSession::RunStatement(const std::string& text) {
  // The flag is cleared by whoever reads the next line, not here: a Ctrl-C that lands
  // between reading the line and starting the statement must still cancel it.
  QueryOptions options;
  options.cancel = cancel_;
  StatementProgress progress;
  progress.Attach(options);
  const auto start = std::chrono::steady_clock::now();
  auto result = db_.Execute(text, params_, options);
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (!result.ok()) {
    Fail(std::string(result.status().message()));
    return;
  }
  for (const std::string& n : result->notifications) err_ << "note: " << n << "\n";
  if (!result->plan.empty()) out_ << result->plan;
  PrintResult(*result, format_, out_, /*max_table_rows=*/40);
  const QueryStats& s = result->stats;
  if (s.nodes_created + s.nodes_deleted + s.relationships_created + s.relationships_deleted +
          s.properties_set + s.labels_added + s.labels_removed >
      0) {
    out_ << "nodes created: " << s.nodes_created << ", deleted: " << s.nodes_deleted
         << "; relationships created: " << s.relationships_created
         << ", deleted: " << s.relationships_deleted << "; properties set: " << s.properties_set
         << "\n";
  }
  if (timing_) {
    char text_ms[32];
    std::snprintf(text_ms, sizeof text_ms, "%.3f", ms);
    out_ << "time: " << text_ms << " ms\n";
  }
  out_.flush();
}

void ShellSession::SetParameter(const std::string& spec) {
  const size_t arrow = spec.find("=>");
  if (arrow == std::string::npos) {
    const std::string name = Stripped(spec);
    if (name.empty()) return Fail(":param needs a name: :param name => value");
    if (params_.erase(name) == 0) return Fail(":param: no parameter $" + name);
    return;
  }
  const std::string name = Stripped(spec.substr(0, arrow));
  const std::string expression = Stripped(spec.substr(arrow + 2));
  if (name.empty() || expression.empty()) {
    return Fail(":param expects name => value, e.g. :param org => 'KAIST'");
  }
  // The value is a Cypher expression, evaluated with the parameters already set.
  auto result = db_.Execute("RETURN " + expression + " AS value", params_);
  if (!result.ok()) return Fail(":param " + name + ": " + std::string(result.status().message()));
  params_[name] = result->rows.at(0).at(0);
}

bool ShellSession::RunCommand(const std::string& line) {
  const size_t space = line.find_first_of(" \t");
  const std::string command = line.substr(0, space);
  const std::string rest = space == std::string::npos ? "" : Stripped(line.substr(space));
  if (command == ":quit" || command == ":exit" || command == ":q") return false;
  if (command == ":help") {
    out_ << kHelp;
  } else if (command == ":schema") {
    PrintSchema(db_.Schema(), out_);
  } else if (command == ":timing") {
    if (rest != "on" && rest != "off") {
      Fail(":timing expects on or off");
    } else {
      timing_ = rest == "on";
    }
  } else if (command == ":format" || command == ":mode") {
    if (absl::Status s = ParseOutputFormat(rest, &format_); !s.ok()) {
      Fail(command + ": " + std::string(s.message()));
    }
  } else if (command == ":explain") {
    std::string statement = rest;
    while (!statement.empty() && (statement.back() == ';' || statement.back() == ' ')) {
      statement.pop_back();
    }
    if (statement.empty()) {
      Fail(":explain expects a statement");
    } else {
      RunStatement("EXPLAIN " + statement);
    }
  } else if (command == ":params") {
    if (params_.empty()) out_ << "no parameters (set one with :param name => value)\n";
    for (const auto& [name, value] : params_) out_ << "$" << name << " => " << value.ToString() << "\n";
  } else if (command == ":param") {
    SetParameter(rest);
  } else if (command == ":report") {
    std::ostringstream err;
    if (RunReport(db_, Words(rest), out_, err, cancel_) != 0) Fail(Stripped(err.str()));
  } else {
    Fail("unknown command " + command + " (:help lists them)");
  }
  out_.flush();
  return true;
}

}  // namespace alliance::tools
