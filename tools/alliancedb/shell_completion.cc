#include "shell_completion.h"

#include <algorithm>
#include <cctype>

namespace alliance::tools {
namespace {

// The openCypher keywords the query language takes, for completion.
constexpr const char* kKeywords[] = {
    "MATCH",    "OPTIONAL", "WHERE",   "RETURN",  "WITH",     "DISTINCT", "ORDER",  "BY",
    "ASC",      "DESC",     "SKIP",    "LIMIT",   "UNWIND",   "AS",       "CREATE", "MERGE",
    "SET",      "REMOVE",   "DELETE",  "DETACH",  "CALL",     "YIELD",    "UNION",  "ALL",
    "AND",      "OR",       "XOR",     "NOT",     "IN",       "IS",       "NULL",   "TRUE",
    "FALSE",    "CASE",     "WHEN",    "THEN",    "ELSE",     "END",      "EXISTS", "STARTS",
    "ENDS",     "CONTAINS", "EXPLAIN", "PROFILE", "ON",       "COUNT",    "FOREACH"};

bool StartsWithIgnoringCase(const std::string& s, const std::string& prefix) {
  if (prefix.size() > s.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i]))) {
      return false;
    }
  }
  return true;
}

void AddMatching(const std::vector<std::string>& names, const std::string& prefix,
                 const std::string& lead, std::vector<std::string>& out) {
  for (const std::string& n : names) {
    if (n.compare(0, prefix.size(), prefix) == 0) out.push_back(lead + n);
  }
}

}  // namespace

ShellCompletion::ShellCompletion(Vocabulary vocabulary) : vocabulary_(std::move(vocabulary)) {}

ShellCompletion ShellCompletion::ForDatabase(Database& db, std::vector<std::string> commands) {
  Vocabulary v;
  const SchemaDescription schema = db.Schema();
  v.labels = schema.label_names;
  v.relationship_types = schema.relationship_type_names;
  v.properties = schema.property_names;
  if (auto procedures = db.Execute("CALL dbms.procedures() YIELD name RETURN name");
      procedures.ok()) {
    for (const auto& row : procedures->rows) v.procedures.push_back(row[0].as_string());
  }
  v.commands = std::move(commands);
  return ShellCompletion(std::move(v));
}

const char* ShellCompletion::WordBreakCharacters() { return " \t\n\"'`@$><=;|&{(,:[]-)}*+/%^!~"; }

std::vector<std::string> ShellCompletion::Complete(const std::string& line, size_t word_start,
                                                   size_t cursor) const {
  cursor = std::min(cursor, line.size());
  word_start = std::min(word_start, cursor);
  const std::string word = line.substr(word_start, cursor - word_start);
  const size_t first = line.find_first_not_of(" \t");
  std::vector<std::string> out;
  if (first != std::string::npos && line[first] == ':' && word_start <= first + 1) {
    // A shell command at the start of the line (the ':' is a break character).
    for (const std::string& c : vocabulary_.commands) {
      if (c.compare(1, word.size(), word) == 0) out.push_back(c.substr(1));
    }
  } else if (word_start > 0 && line[word_start - 1] == ':') {
    AddMatching(vocabulary_.labels, word, "", out);
    AddMatching(vocabulary_.relationship_types, word, "", out);
  } else if (const size_t dot = word.rfind('.'); dot != std::string::npos) {
    AddMatching(vocabulary_.procedures, word, "", out);
    if (out.empty()) {
      // variable.property
      AddMatching(vocabulary_.properties, word.substr(dot + 1), word.substr(0, dot + 1), out);
    }
  } else if (word_start > 0 && line[word_start - 1] == '$') {
    // Parameters are the session's, not the database's; nothing to offer here.
  } else {
    for (const char* k : kKeywords) {
      if (StartsWithIgnoringCase(k, word)) out.push_back(k);
    }
    AddMatching(vocabulary_.procedures, word, "", out);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace alliance::tools
