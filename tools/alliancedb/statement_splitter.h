// StatementSplitter: gathers typed lines into complete Cypher statements, each
// ended by a ';' outside strings, quoted names and comments, so the shell can
// take statements that span lines and several statements on one line.
#ifndef ALLIANCE_TOOLS_STATEMENT_SPLITTER_H_
#define ALLIANCE_TOOLS_STATEMENT_SPLITTER_H_

#include <string>
#include <vector>

namespace alliance::tools {

class StatementSplitter {
 public:
  // Adds one line (without its line break); returns the statements it
  // completed, without their ';', trimmed. Empty statements (";;") are dropped.
  std::vector<std::string> AddLine(const std::string& line);
  // True while a statement has begun but not ended: the shell shows its
  // continuation prompt.
  bool pending() const;
  // What has been typed of the unfinished statement.
  const std::string& buffer() const { return buffer_; }
  void Clear();

 private:
  enum class State { kCode, kSingleQuote, kDoubleQuote, kBacktick, kBlockComment };
  std::string buffer_;
  State state_ = State::kCode;
};

}  // namespace alliance::tools

#endif  // ALLIANCE_TOOLS_STATEMENT_SPLITTER_H_
