#include "line_editor.h"

#include <langinfo.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <clocale>
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
std::atomic<bool>* active_interrupt = nullptr;

// One byte from `fd`; -1 at end of input, on an error, or (when `interruptible`) once the
// interrupt flag is up. Polls rather than blocking in read(): a SIGINT that lands after
// the prompt is drawn but before a read starts would otherwise leave the editor waiting
// for a key, with the Ctrl-C seen by nobody.
int ReadByte(int fd, bool interruptible) {
  for (;;) {
    if (interruptible && active_interrupt != nullptr && active_interrupt->load()) return -1;
    pollfd input{fd, POLLIN, 0};
    const int ready = poll(&input, 1, interruptible ? 100 : -1);
    if (ready == 0 || (ready < 0 && errno == EINTR)) continue;
    if (ready < 0) return -1;
    unsigned char byte;
    const ssize_t n = read(fd, &byte, 1);
    if (n == 1) return byte;
    if (n < 0 && errno == EINTR) continue;
    return -1;
  }
}

// libedit's rl_getc_function hook. libedit stores what it returns as one wchar_t, so a
// multi-byte UTF-8 character (Korean names) is decoded here into one code point.
int ReadCharacter(FILE* stream) {
  const int fd = fileno(stream);
  const int lead = ReadByte(fd, /*interruptible=*/true);
  if (lead < 0x80) return lead;  // ASCII, or -1
  const int length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  if (length == 1) return 0xFFFD;  // a stray continuation byte
  int code_point = lead & (0x7F >> length);
  for (int i = 1; i < length; ++i) {
    const int next = ReadByte(fd, /*interruptible=*/false);
    if (next < 0) return -1;
    if ((next & 0xC0) != 0x80) return 0xFFFD;
    code_point = (code_point << 6) | (next & 0x3F);
  }
  return code_point;
}

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
  active_interrupt = interrupted;
  // libedit decodes, measures and redraws typed text by LC_CTYPE. Statements are
  // UTF-8 whatever the environment says (often plain "C" in containers), so the
  // editor works in a UTF-8 character type; numbers and messages are unaffected.
  std::setlocale(LC_CTYPE, "");
  if (std::string_view(nl_langinfo(CODESET)) != "UTF-8") std::setlocale(LC_CTYPE, "C.UTF-8");
  // Before anything that initialises libedit: it installs the hook only then.
  rl_getc_function = ReadCharacter;
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
  active_interrupt = nullptr;
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
