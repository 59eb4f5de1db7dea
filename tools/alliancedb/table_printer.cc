#include "table_printer.h"

#include <utf8proc.h>

#include <algorithm>

namespace alliance::tools {
namespace {

// Calls fn(bytes, columns) for each code point of `text`; an invalid byte is
// one column wide, and so are control characters (shown as they are).
template <typename Fn>
void ForEachCodePoint(std::string_view text, Fn&& fn) {
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t pos = 0;
  const auto size = static_cast<utf8proc_ssize_t>(text.size());
  while (pos < size) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(bytes + pos, size - pos, &cp);
    size_t width = 1;
    if (n <= 0) {
      n = 1;
    } else {
      width = static_cast<size_t>(std::max(0, utf8proc_charwidth(cp)));
    }
    if (!fn(text.substr(pos, n), width)) return;
    pos += n;
  }
}

// Cuts `text` to at most `width` columns, ending in "…" when cut; line breaks
// become visible "↵" so a cell stays on one line.
std::string FitCell(std::string_view text, size_t width) {
  std::string one_line;
  for (char c : text) {
    if (c == '\n') {
      one_line += "↵";
    } else if (c != '\r') {
      one_line += c;
    }
  }
  if (DisplayWidth(one_line) <= width) return one_line;
  std::string out;
  size_t used = 0;
  ForEachCodePoint(one_line, [&](std::string_view bytes, size_t w) {
    if (used + w + 1 > width) return false;
    out.append(bytes);
    used += w;
    return true;
  });
  return out + "…";
}

std::string MarkdownEscape(const std::string& cell) {
  std::string out;
  for (char c : cell) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

std::string Repeat(std::string_view piece, size_t n) {
  std::string out;
  out.reserve(piece.size() * n);
  for (size_t i = 0; i < n; ++i) out.append(piece);
  return out;
}

}  // namespace

size_t DisplayWidth(std::string_view text) {
  size_t width = 0;
  ForEachCodePoint(text, [&](std::string_view, size_t w) {
    width += w;
    return true;
  });
  return width;
}

std::string GroupThousands(uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

void TablePrinter::AlignRight(size_t column) {
  if (right_aligned_.size() <= column) right_aligned_.resize(column + 1, false);
  right_aligned_[column] = true;
}

void TablePrinter::Print(std::ostream& out, const TableLayout& layout) const {
  const bool markdown = layout.style == TableStyle::kMarkdown;
  // Which rows are shown: all, or a head and a tail around the elision line.
  size_t head = rows_.size(), tail = 0;
  if (layout.max_rows > 0 && rows_.size() > layout.max_rows) {
    head = (layout.max_rows + 1) / 2;
    tail = layout.max_rows / 2;
  }
  const size_t hidden = rows_.size() - head - tail;
  std::vector<std::vector<std::string>> shown;
  auto add = [&](const std::vector<std::string>& row) {
    std::vector<std::string> cells;
    for (size_t i = 0; i < header_.size(); ++i) {
      std::string cell = FitCell(i < row.size() ? row[i] : std::string(), layout.max_cell_width);
      cells.push_back(markdown ? MarkdownEscape(cell) : std::move(cell));
    }
    shown.push_back(std::move(cells));
  };
  for (size_t i = 0; i < head; ++i) add(rows_[i]);
  for (size_t i = rows_.size() - tail; i < rows_.size(); ++i) add(rows_[i]);

  std::vector<std::string> header;
  std::vector<size_t> widths;
  for (const std::string& h : header_) {
    header.push_back(markdown ? MarkdownEscape(h) : h);
    widths.push_back(std::max<size_t>(markdown ? 3 : 1, DisplayWidth(header.back())));
  }
  for (const auto& row : shown) {
    for (size_t i = 0; i < widths.size(); ++i) widths[i] = std::max(widths[i], DisplayWidth(row[i]));
  }
  auto right = [&](size_t i) { return i < right_aligned_.size() && right_aligned_[i]; };
  const std::string_view bar = markdown ? "|" : "│";
  auto print_row = [&](const std::vector<std::string>& row, bool align) {
    out << bar;
    for (size_t i = 0; i < widths.size(); ++i) {
      const std::string pad(widths[i] - DisplayWidth(row[i]), ' ');
      out << ' ' << (align && right(i) ? pad + row[i] : row[i] + pad) << ' ' << bar;
    }
    out << '\n';
  };
  auto rule = [&](std::string_view left, std::string_view mid, std::string_view right_end) {
    if (markdown) {
      out << '|';
      for (size_t i = 0; i < widths.size(); ++i) {
        out << (right(i) ? std::string(widths[i] + 1, '-') + ":" : std::string(widths[i] + 2, '-'))
            << '|';
      }
      out << '\n';
      return;
    }
    out << left;
    for (size_t i = 0; i < widths.size(); ++i) {
      out << Repeat("─", widths[i] + 2) << (i + 1 < widths.size() ? mid : right_end);
    }
    out << '\n';
  };
  // A key-value table has no headings: no heading row either (Markdown needs one).
  const bool headless = !markdown && std::all_of(header_.begin(), header_.end(),
                                                 [](const std::string& h) { return h.empty(); });
  if (!markdown) rule("┌", "┬", "┐");
  if (!headless) {
    print_row(header, true);
    rule("├", "┼", "┤");
  }
  for (size_t i = 0; i < head; ++i) print_row(shown[i], true);
  if (hidden > 0) {
    const std::string note = "… " + GroupThousands(hidden) + (hidden == 1 ? " more row" : " more rows");
    if (markdown) {
      out << "| " << note << " |" << Repeat(" |", widths.size() - 1) << '\n';
    } else {
      std::vector<std::string> elision(widths.size(), "⋮");
      print_row(elision, false);
    }
  }
  for (size_t i = head; i < shown.size(); ++i) print_row(shown[i], true);
  if (!markdown) rule("└", "┴", "┘");
  if (hidden > 0 && !markdown) {
    out << "… " << GroupThousands(hidden) << (hidden == 1 ? " more row" : " more rows") << " ("
        << GroupThousands(head + tail) << " shown)\n";
  }
}

}  // namespace alliance::tools
