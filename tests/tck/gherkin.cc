#include "tests/tck/gherkin.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "schema/status_macros.h"
#include "schema/str_cat.h"

namespace alliance::tck {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

void AddTagOnce(std::vector<std::string>* tags, const std::string& tag) {
  if (std::find(tags->begin(), tags->end(), tag) == tags->end()) tags->push_back(tag);
}

// Replaces `<name>` by the Examples value in one left-to-right pass, so a substituted value that
// itself looks like `<other>` is never expanded again.
std::string Substitute(std::string_view text, const std::map<std::string, std::string>& values) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '<') {
      size_t close = text.find('>', i + 1);
      if (close != std::string_view::npos) {
        auto it = values.find(std::string(text.substr(i + 1, close - i - 1)));
        if (it != values.end()) {
          out += it->second;
          i = close + 1;
          continue;
        }
      }
    }
    out += text[i++];
  }
  return out;
}

struct RawExamples {
  std::vector<std::string> tags;
  int line = 0;
  GherkinTable rows;  // rows[0] is the header.
  std::vector<int> row_lines;
};

struct RawScenario {
  std::string name;
  int line = 0;
  std::vector<std::string> tags;
  std::vector<Step> steps;
  bool outline = false;
  std::vector<RawExamples> examples;
};

enum class Section { kPreamble, kFeature, kBackground, kScenario, kExamples };

class Parser {
 public:
  Parser(std::string_view text, const std::string& path) : text_(text), path_(path) {}

  absl::StatusOr<Feature> Parse() {
    SplitLines();
    for (size_t i = 0; i < lines_.size(); ++i) {
      RETURN_IF_ERROR(ParseLine(static_cast<int>(i) + 1, lines_[i]));
    }
    if (in_docstring_) return Error(docstring_line_, "docstring is never closed");
    if (section_ == Section::kPreamble) return Error(0, "no `Feature:` line");
    if (!pending_tags_.empty()) {
      return Error(pending_tags_line_, "tags are not followed by anything");
    }
    return Expand();
  }

 private:
  absl::Status Error(int line, std::string_view message) const {
    return absl::InvalidArgumentError(StrCat(path_, ":", line, ": ", message));
  }

  void SplitLines() {
    std::string_view rest = text_;
    if (StartsWith(rest, "\xEF\xBB\xBF")) rest.remove_prefix(3);  // UTF-8 BOM.
    while (!rest.empty()) {
      size_t nl = rest.find('\n');
      std::string_view line = rest.substr(0, nl);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      lines_.push_back(line);
      if (nl == std::string_view::npos) break;
      rest.remove_prefix(nl + 1);
    }
  }

  // The step that a table or docstring attaches to: the last step of the open container, and only
  // if nothing else was attached to it yet.
  Step* OpenStep() {
    std::vector<Step>* steps = nullptr;
    if (section_ == Section::kBackground) steps = &background_;
    if (section_ == Section::kScenario) steps = &scenarios_.back().steps;
    if (steps == nullptr || steps->empty()) return nullptr;
    return &steps->back();
  }

  absl::Status ParseLine(int line_no, std::string_view line) {
    if (in_docstring_) return DocstringLine(line);
    std::string_view t = Trim(line);
    if (t.empty() || t.front() == '#') return absl::OkStatus();
    if (t.front() == '@') return TagLine(line_no, t);
    if (t.front() == '|') return TableLine(line_no, t);
    if (StartsWith(t, "\"\"\"") || StartsWith(t, "```")) return OpenDocstring(line_no, line, t);

    if (StartsWith(t, "Feature:")) return FeatureLine(line_no, t.substr(8));
    if (StartsWith(t, "Background:")) return BackgroundLine(line_no);
    if (StartsWith(t, "Scenario Outline:")) return ScenarioLine(line_no, t.substr(17), true);
    if (StartsWith(t, "Scenario Template:")) return ScenarioLine(line_no, t.substr(18), true);
    if (StartsWith(t, "Scenario:")) return ScenarioLine(line_no, t.substr(9), false);
    if (StartsWith(t, "Examples:")) return ExamplesLine(line_no);
    if (StartsWith(t, "Scenarios:")) return ExamplesLine(line_no);
    // `Example:` is Gherkin's synonym for `Scenario:`; test after `Examples:`.
    if (StartsWith(t, "Example:")) return ScenarioLine(line_no, t.substr(8), false);
    if (StartsWith(t, "Rule:")) return Error(line_no, "`Rule:` is not supported");

    for (std::string_view kw : {"Given", "When", "Then", "And", "But", "*"}) {
      if (StartsWith(t, kw) && t.size() > kw.size() && IsBlank(t[kw.size()])) {
        return StepLine(line_no, kw, Trim(t.substr(kw.size())));
      }
    }
    return FreeTextLine(line_no);
  }

  absl::Status RequireNoPendingTags(int line_no, std::string_view what) {
    if (pending_tags_.empty()) return absl::OkStatus();
    return Error(line_no, StrCat("tags cannot precede ", what));
  }

  absl::Status TagLine(int line_no, std::string_view t) {
    if (pending_tags_.empty()) pending_tags_line_ = line_no;
    while (!t.empty()) {
      size_t end = 0;
      while (end < t.size() && !IsBlank(t[end])) ++end;
      std::string_view tag = t.substr(0, end);
      if (tag.front() == '#') break;  // Rest of the line is a comment.
      if (tag.front() != '@' || tag.size() < 2) {
        return Error(line_no, StrCat("malformed tag `", tag, "`"));
      }
      pending_tags_.emplace_back(tag);
      t = Trim(t.substr(end));
    }
    return absl::OkStatus();
  }

  std::vector<std::string> TakeTags() { return std::exchange(pending_tags_, {}); }

  absl::Status FeatureLine(int line_no, std::string_view name) {
    if (section_ != Section::kPreamble) return Error(line_no, "second `Feature:` in one file");
    section_ = Section::kFeature;
    feature_.name = std::string(Trim(name));
    feature_.path = path_;
    feature_.tags = TakeTags();
    return absl::OkStatus();
  }

  absl::Status BackgroundLine(int line_no) {
    RETURN_IF_ERROR(RequireNoPendingTags(line_no, "`Background:`"));
    if (section_ != Section::kFeature) {
      return Error(line_no, "`Background:` must come once, before any scenario");
    }
    section_ = Section::kBackground;
    return absl::OkStatus();
  }

  absl::Status ScenarioLine(int line_no, std::string_view name, bool outline) {
    if (section_ == Section::kPreamble) return Error(line_no, "scenario before `Feature:`");
    section_ = Section::kScenario;
    RawScenario s;
    s.name = std::string(Trim(name));
    s.line = line_no;
    s.tags = TakeTags();
    s.outline = outline;
    scenarios_.push_back(std::move(s));
    return absl::OkStatus();
  }

  absl::Status ExamplesLine(int line_no) {
    if ((section_ != Section::kScenario && section_ != Section::kExamples) ||
        !scenarios_.back().outline) {
      return Error(line_no, "`Examples:` outside a `Scenario Outline:`");
    }
    section_ = Section::kExamples;
    RawExamples ex;
    ex.tags = TakeTags();
    ex.line = line_no;
    scenarios_.back().examples.push_back(std::move(ex));
    return absl::OkStatus();
  }

  absl::Status StepLine(int line_no, std::string_view keyword, std::string_view text) {
    RETURN_IF_ERROR(RequireNoPendingTags(line_no, "a step"));
    Step step;
    step.keyword = std::string(keyword);
    step.text = std::string(text);
    step.line = line_no;
    if (section_ == Section::kBackground) {
      background_.push_back(std::move(step));
    } else if (section_ == Section::kScenario) {
      scenarios_.back().steps.push_back(std::move(step));
    } else {
      return Error(line_no, "step outside a scenario or background");
    }
    return absl::OkStatus();
  }

  // Gherkin allows free description text under Feature/Background/Scenario/Examples headers; it
  // has no meaning for the TCK, but anywhere later it signals a malformed file.
  absl::Status FreeTextLine(int line_no) {
    RETURN_IF_ERROR(RequireNoPendingTags(line_no, "description text"));
    bool allowed = false;
    switch (section_) {
      case Section::kPreamble:
        break;
      case Section::kFeature:
        allowed = true;
        break;
      case Section::kBackground:
        allowed = background_.empty();
        break;
      case Section::kScenario:
        allowed = scenarios_.back().steps.empty();
        break;
      case Section::kExamples:
        allowed = scenarios_.back().examples.back().rows.empty();
        break;
    }
    if (!allowed) return Error(line_no, "unrecognised line");
    return absl::OkStatus();
  }

  absl::Status TableLine(int line_no, std::string_view t) {
    RETURN_IF_ERROR(RequireNoPendingTags(line_no, "a table"));
    std::vector<std::string> cells;
    std::string raw;
    for (size_t i = 1; i < t.size(); ++i) {
      char c = t[i];
      if (c == '\\' && i + 1 < t.size()) {
        // Keep the escape for UnescapeTableCell; only its effect on splitting matters here.
        raw += c;
        raw += t[++i];
      } else if (c == '|') {
        cells.push_back(UnescapeTableCell(Trim(raw)));
        raw.clear();
      } else {
        raw += c;
      }
    }
    if (cells.empty() || !raw.empty()) return Error(line_no, "table row does not end with `|`");

    GherkinTable* table = nullptr;
    if (section_ == Section::kExamples) {
      RawExamples& ex = scenarios_.back().examples.back();
      ex.row_lines.push_back(line_no);
      table = &ex.rows;
    } else {
      Step* step = OpenStep();
      if (step == nullptr || step->docstring.has_value()) {
        return Error(line_no, "table without a step to attach to");
      }
      if (!step->table.has_value()) step->table.emplace();
      table = &*step->table;
    }
    if (!table->empty() && table->front().size() != cells.size()) {
      return Error(line_no, StrCat("table row has ", cells.size(), " cells, expected ",
                                   table->front().size()));
    }
    table->push_back(std::move(cells));
    return absl::OkStatus();
  }

  absl::Status OpenDocstring(int line_no, std::string_view line, std::string_view t) {
    RETURN_IF_ERROR(RequireNoPendingTags(line_no, "a docstring"));
    Step* step = OpenStep();
    if (step == nullptr || step->docstring.has_value() || step->table.has_value()) {
      return Error(line_no, "docstring without a step to attach to");
    }
    in_docstring_ = true;
    docstring_line_ = line_no;
    docstring_delimiter_ = std::string(t.substr(0, 3));
    docstring_indent_ = static_cast<size_t>(t.data() - line.data());
    docstring_lines_.clear();
    return absl::OkStatus();
  }

  absl::Status DocstringLine(std::string_view line) {
    if (Trim(line) == docstring_delimiter_) {
      std::string text;
      for (size_t i = 0; i < docstring_lines_.size(); ++i) {
        if (i > 0) text += '\n';
        text += docstring_lines_[i];
      }
      OpenStep()->docstring = std::move(text);
      in_docstring_ = false;
      return absl::OkStatus();
    }
    // Strip at most the opening delimiter's indentation; a less-indented line keeps its text.
    size_t strip = 0;
    while (strip < docstring_indent_ && strip < line.size() && IsBlank(line[strip])) ++strip;
    std::string content(line.substr(strip));
    // Gherkin lets a docstring contain its own delimiter when escaped.
    std::string escaped = docstring_delimiter_ == "```" ? "\\`\\`\\`" : "\\\"\\\"\\\"";
    for (size_t pos = content.find(escaped); pos != std::string::npos;
         pos = content.find(escaped, pos + 3)) {
      content.replace(pos, escaped.size(), docstring_delimiter_);
    }
    docstring_lines_.push_back(std::move(content));
    return absl::OkStatus();
  }

  absl::StatusOr<Feature> Expand() {
    for (RawScenario& raw : scenarios_) {
      ++feature_.scenario_definitions;
      std::vector<std::string> base_tags = feature_.tags;
      for (const std::string& tag : raw.tags) AddTagOnce(&base_tags, tag);
      if (!raw.outline) {
        Scenario s;
        s.name = raw.name;
        s.line = raw.line;
        s.tags = base_tags;
        s.steps = background_;
        s.steps.insert(s.steps.end(), raw.steps.begin(), raw.steps.end());
        AddScenario(std::move(s));
        continue;
      }
      int index = 0;
      for (const RawExamples& ex : raw.examples) {
        if (ex.rows.empty()) continue;  // An Examples block without a table yields no cases.
        const std::vector<std::string>& header = ex.rows.front();
        for (size_t r = 1; r < ex.rows.size(); ++r) {
          std::map<std::string, std::string> values;
          for (size_t c = 0; c < header.size(); ++c) {
            if (!values.emplace(header[c], ex.rows[r][c]).second) {
              return Error(ex.row_lines.front(),
                           StrCat("duplicate Examples column `", header[c], "`"));
            }
          }
          Scenario s;
          s.name = Substitute(raw.name, values);
          s.line = raw.line;
          s.tags = base_tags;
          for (const std::string& tag : ex.tags) AddTagOnce(&s.tags, tag);
          s.example_index = index++;
          s.example_line = ex.row_lines[r];
          s.steps = background_;
          for (const Step& templ : raw.steps) {
            Step step = templ;
            step.text = Substitute(templ.text, values);
            if (step.docstring) step.docstring = Substitute(*templ.docstring, values);
            if (step.table) {
              for (auto& row : *step.table) {
                for (auto& cell : row) cell = Substitute(cell, values);
              }
            }
            s.steps.push_back(std::move(step));
          }
          AddScenario(std::move(s));
        }
      }
    }
    return std::move(feature_);
  }

  void AddScenario(Scenario s) {
    s.ignored = std::find(s.tags.begin(), s.tags.end(), "@ignore") != s.tags.end();
    feature_.scenarios.push_back(std::move(s));
  }

  std::string_view text_;
  std::string path_;
  std::vector<std::string_view> lines_;

  Section section_ = Section::kPreamble;
  Feature feature_;
  std::vector<Step> background_;
  std::vector<RawScenario> scenarios_;
  std::vector<std::string> pending_tags_;
  int pending_tags_line_ = 0;

  bool in_docstring_ = false;
  int docstring_line_ = 0;
  std::string docstring_delimiter_;
  size_t docstring_indent_ = 0;
  std::vector<std::string> docstring_lines_;
};

}  // namespace

std::string UnescapeTableCell(std::string_view cell) {
  std::string out;
  out.reserve(cell.size());
  for (size_t i = 0; i < cell.size(); ++i) {
    if (cell[i] == '\\' && i + 1 < cell.size()) {
      char next = cell[i + 1];
      if (next == '\\' || next == '|') {
        out += next;
        ++i;
        continue;
      }
      if (next == 'n') {
        out += '\n';
        ++i;
        continue;
      }
    }
    out += cell[i];
  }
  return out;
}

absl::StatusOr<Feature> ParseFeatureText(std::string_view text, const std::string& path) {
  return Parser(text, path).Parse();
}

absl::StatusOr<Feature> ParseFeatureFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(StrCat("cannot open feature file ", path));
  std::stringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return absl::DataLossError(StrCat("cannot read feature file ", path));
  return ParseFeatureText(buffer.str(), path);
}

absl::StatusOr<std::vector<std::string>> FindFeatureFiles(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<std::string> paths;
  fs::recursive_directory_iterator it(dir, ec);
  if (ec) return absl::NotFoundError(StrCat("cannot list ", dir, ": ", ec.message()));
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) return absl::InternalError(StrCat("cannot list ", dir, ": ", ec.message()));
    if (it->is_regular_file(ec) && it->path().extension() == ".feature") {
      paths.push_back(it->path().string());
    }
  }
  if (ec) return absl::InternalError(StrCat("cannot list ", dir, ": ", ec.message()));
  std::sort(paths.begin(), paths.end());
  return paths;
}

}  // namespace alliance::tck
