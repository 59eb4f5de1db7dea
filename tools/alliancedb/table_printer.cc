#include "table_printer.h"

#include <utf8proc.h>

#include <algorithm>

namespace alliance::tools {
namespace {

// Calls fn(bytes, columns) for each code point of `text`; an invalid byte is
// one column wide.
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

// Cuts `text` to at most `width` columns, ending in "…" when cut.
std::string Truncate(std::string_view text, size_t width) {
  if (DisplayWidth(text) <= width) return std::string(text);
  std::string out;
  size_t used = 0;
  ForEachCodePoint(text, [&](std::string_view bytes, size_t w) {
    if (used + w + 1 > width) return false;
    out.append(bytes);
    used += w;
    return true;
  });
  return out + "…";
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

void TablePrinter::Print(std::ostream& out, size_t max_cell_width) const {
  auto cells = rows_;
  std::vector<size_t> widths;
  for (const std::string& h : header_) widths.push_back(DisplayWidth(h));
  for (auto& row : cells) {
    for (size_t i = 0; i < row.size() && i < widths.size(); ++i) {
      row[i] = Truncate(row[i], max_cell_width);
      widths[i] = std::max(widths[i], DisplayWidth(row[i]));
    }
  }
  auto print_row = [&](const std::vector<std::string>& row) {
    for (size_t i = 0; i < widths.size(); ++i) {
      const std::string& cell = i < row.size() ? row[i] : std::string();
      out << (i == 0 ? "" : " | ") << cell;
      if (i + 1 < widths.size()) out << std::string(widths[i] - DisplayWidth(cell), ' ');
    }
    out << '\n';
  };
  print_row(header_);
  for (size_t i = 0; i < widths.size(); ++i) {
    out << (i == 0 ? "" : "-+-") << std::string(widths[i], '-');
  }
  out << '\n';
  for (const auto& row : cells) print_row(row);
}

}  // namespace alliance::tools
