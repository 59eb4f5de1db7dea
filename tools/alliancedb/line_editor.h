// LineEditor: reads lines from a terminal with editing, persistent history and
// Tab completion, through libedit's readline interface. One per process (the
// library keeps its state in globals).
#ifndef ALLIANCE_TOOLS_LINE_EDITOR_H_
#define ALLIANCE_TOOLS_LINE_EDITOR_H_

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace alliance::tools {

class LineEditor {
 public:
  // Candidates for the word line[start, end) at the cursor.
  using Completer =
      std::function<std::vector<std::string>(const std::string& line, size_t start, size_t end)>;

  // Loads history from `history_path` (empty: no history file). Words for
  // completion end at `word_breaks` (a string that outlives the editor);
  // `interrupted` is the flag the process's SIGINT handler raises.
  LineEditor(std::string history_path, Completer completer, const char* word_breaks,
             std::atomic<bool>* interrupted);
  ~LineEditor();  // saves the history
  LineEditor(const LineEditor&) = delete;
  LineEditor& operator=(const LineEditor&) = delete;

  enum class Outcome { kLine, kInterrupted, kEndOfInput };
  Outcome ReadLine(const std::string& prompt, std::string* line);
  void AddHistory(const std::string& entry);

 private:
  std::string history_path_;
  std::atomic<bool>* interrupted_;
};

}  // namespace alliance::tools

#endif  // ALLIANCE_TOOLS_LINE_EDITOR_H_
