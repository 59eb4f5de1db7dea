// ShellCompletion: the words the shell's Tab offers at the cursor — Cypher
// keywords, labels and relationship types after ':', property names after
// 'var.', procedure names, and the shell's ':' commands — read from the
// database's schema and procedure list.
#ifndef ALLIANCE_TOOLS_SHELL_COMPLETION_H_
#define ALLIANCE_TOOLS_SHELL_COMPLETION_H_

#include <string>
#include <vector>

#include "alliance/database.h"

namespace alliance::tools {

class ShellCompletion {
 public:
  struct Vocabulary {
    std::vector<std::string> labels;
    std::vector<std::string> relationship_types;
    std::vector<std::string> properties;
    std::vector<std::string> procedures;
    std::vector<std::string> commands;
  };

  explicit ShellCompletion(Vocabulary vocabulary);
  // Reads labels, types and properties from the schema and procedure names
  // from dbms.procedures().
  static ShellCompletion ForDatabase(Database& db, std::vector<std::string> commands);

  // Candidates replacing `line[word_start, cursor)`, sorted and distinct.
  // Keywords match case-insensitively and come back in upper case.
  std::vector<std::string> Complete(const std::string& line, size_t word_start,
                                    size_t cursor) const;

  // Characters that end a word for the line editor ('.' is kept inside words,
  // so "algo.pa" and "o.na" reach Complete whole).
  static const char* WordBreakCharacters();

 private:
  Vocabulary vocabulary_;
};

}  // namespace alliance::tools

#endif  // ALLIANCE_TOOLS_SHELL_COMPLETION_H_
