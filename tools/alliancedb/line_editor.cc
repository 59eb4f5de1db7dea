#include "line_editor.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

// libedit's readline.h needs stdio first.
#include <editline/readline.h>

namespace alliance::tools {
namespace {

constexpr int kHistoryEntries = 2000;

// readline's completion callback is a plain function pointer; the completer of
// the one LineEditor lives here.
LineEditor::Completer* active_completer = nullptr;

char* Duplicate(const std::string& s) {
  char* copy = static_cast<char*>(std::malloc(s.size() + 1));
  std::memcpy(copy, s.c_str(), s.size() + 1);
  return copy;
}

// readline's contract: a malloc'd, NULL-ended array whose first entry replaces
// the word (the candidates' longest common prefix) and the rest are listed.
char** CompleteWord(const char* /*text*/, int start, int end) {
  rl_attempted_completion_over = 1;  // never fall back to file names
  // No space after a completion: labels and properties are followed by ')' or '.'.
  rl_completion_append_character = '\0';
  if (active_completer == nullptr) return nullptr;
  const std::vector<std::string> candidates =
      (*active_completer)(rl_line_buffer, static_cast<size_t>(start), static_cast<size_t>(end));
  if (candidates.empty()) return nullptr;
  std::string prefix = candidates.front();
  for (const std::string& c : candidates) {
    size_t i = 0;
    while (i < prefix.size() && i < c.size() && prefix[i] == c[i]) ++i;
    prefix.resize(i);
  }
  char** matches = static_cast<char**>(std::malloc((candidates.size() + 2) * sizeof(char*)));
  matches[0] = Duplicate(candidates.size() == 1 ? candidates.front() : prefix);
  for (size_t i = 0; i < candidates.size(); ++i) matches[i + 1] = Duplicate(candidates[i]);
  matches[candidates.size() + 1] = nullptr;
  if (candidates.size() == 1) {
    std::free(matches[1]);
    matches[1] = nullptr;
  }
  return matches;
}

}  // namespace

LineEditor::LineEditor(std::string history_path, Completer completer, const char* word_breaks,
                       std::atomic<bool>* interrupted)
    : history_path_(std::move(history_path)), interrupted_(interrupted) {
  active_completer = new Completer(std::move(completer));
  rl_readline_name = "alliancedb";
  rl_attempted_completion_function = CompleteWord;
  rl_basic_word_break_characters = word_breaks;
  rl_completer_word_break_characters = const_cast<char*>(word_breaks);
  using_history();
  stifle_history(kHistoryEntries);
  if (!history_path_.empty()) read_history(history_path_.c_str());  // absent on first use
}

LineEditor::~LineEditor() {
  if (!history_path_.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(history_path_).parent_path(), ec);
    write_history(history_path_.c_str());
  }
  delete active_completer;
  active_completer = nullptr;
}

LineEditor::Outcome LineEditor::ReadLine(const std::string& prompt, std::string* line) {
  interrupted_->store(false);
  char* text = readline(prompt.c_str());
  if (interrupted_->exchange(false)) {
    std::free(text);
    return Outcome::kInterrupted;
  }
  if (text == nullptr) return Outcome::kEndOfInput;
  *line = text;
  std::free(text);
  return Outcome::kLine;
}

void LineEditor::AddHistory(const std::string& entry) { add_history(entry.c_str()); }

}  // namespace alliance::tools
