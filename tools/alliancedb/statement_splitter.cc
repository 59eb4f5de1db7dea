#include "statement_splitter.h"

#include "absl/strings/ascii.h"

namespace alliance::tools {

std::vector<std::string> StatementSplitter::AddLine(const std::string& line) {
  std::vector<std::string> done;
  if (!buffer_.empty()) buffer_ += '\n';
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    const char next = i + 1 < line.size() ? line[i + 1] : '\0';
    switch (state_) {
      case State::kCode:
        if (c == ';') {
          std::string statement(absl::StripAsciiWhitespace(buffer_));
          if (!statement.empty()) done.push_back(std::move(statement));
          buffer_.clear();
          continue;
        }
        if (c == '/' && next == '/') {
          buffer_.append(line, i, std::string::npos);  // the rest of the line is a comment
          i = line.size();
          continue;
        }
        if (c == '/' && next == '*') {
          state_ = State::kBlockComment;
          buffer_ += "/*";
          ++i;
          continue;
        }
        if (c == '\'') state_ = State::kSingleQuote;
        if (c == '"') state_ = State::kDoubleQuote;
        if (c == '`') state_ = State::kBacktick;
        break;
      case State::kSingleQuote:
      case State::kDoubleQuote:
        if (c == '\\' && next != '\0') {  // an escaped quote does not end the string
          buffer_ += c;
          buffer_ += next;
          ++i;
          continue;
        }
        if ((c == '\'' && state_ == State::kSingleQuote) ||
            (c == '"' && state_ == State::kDoubleQuote)) {
          state_ = State::kCode;
        }
        break;
      case State::kBacktick:
        if (c == '`') state_ = State::kCode;  // `` inside a name reads as leaving and re-entering
        break;
      case State::kBlockComment:
        if (c == '*' && next == '/') {
          state_ = State::kCode;
          buffer_ += "*/";
          ++i;
          continue;
        }
        break;
    }
    buffer_ += c;
  }
  return done;
}

bool StatementSplitter::pending() const {
  return state_ != State::kCode || !absl::StripAsciiWhitespace(buffer_).empty();
}

void StatementSplitter::Clear() {
  buffer_.clear();
  state_ = State::kCode;
}

}  // namespace alliance::tools
