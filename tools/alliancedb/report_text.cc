#include "report_text.h"

#include <nlohmann/json.hpp>

#include "membership_drawing.h"
#include "table_printer.h"

namespace alliance::tools {
namespace {

bool IsNumber(const std::string& s) {
  if (s.empty()) return false;
  char* end = nullptr;
  std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size();
}

void PrintTable(const std::string& caption, const std::vector<std::string>& header,
                const std::vector<std::vector<std::string>>& rows, ReportTextFormat format,
                std::ostream& out) {
  if (!caption.empty()) out << (format == ReportTextFormat::kMarkdown ? "### " : "") << caption << "\n\n";
  if (rows.empty()) {
    out << "(none)\n\n";
    return;
  }
  TablePrinter table(header);
  for (size_t c = 0; c < header.size(); ++c) {
    bool numeric = true;
    for (const auto& row : rows) numeric = numeric && c < row.size() && IsNumber(row[c]);
    if (numeric) table.AlignRight(c);
  }
  for (const auto& row : rows) table.AddRow(row);
  table.Print(out, {.style = format == ReportTextFormat::kMarkdown ? TableStyle::kMarkdown
                                                                    : TableStyle::kBox,
                    .max_cell_width = 100});
  out << "\n";
}

nlohmann::json SectionJson(const html::Section& section) {
  return std::visit(
      [](const auto& s) -> nlohmann::json {
        using T = std::decay_t<decltype(s)>;
        if constexpr (std::is_same_v<T, html::Paragraph>) {
          return {{"type", "text"}, {"caption", s.caption}, {"text", s.text}};
        } else if constexpr (std::is_same_v<T, html::Table>) {
          nlohmann::json rows = nlohmann::json::array();
          for (const auto& row : s.rows) {
            nlohmann::json object = nlohmann::json::object();
            for (size_t i = 0; i < s.header.size() && i < row.size(); ++i) {
              object[s.header[i].empty() ? "field" + std::to_string(i) : s.header[i]] = row[i];
            }
            rows.push_back(std::move(object));
          }
          return {{"type", "table"}, {"caption", s.caption}, {"columns", s.header}, {"rows", rows}};
        } else if constexpr (std::is_same_v<T, html::Heatmap>) {
          return {{"type", "matrix"},   {"caption", s.caption},
                  {"labels", s.labels}, {s.value_name, s.values},
                  {s.secondary_name, s.secondary}};
        } else if constexpr (std::is_same_v<T, html::BarChart>) {
          nlohmann::json items = nlohmann::json::array();
          for (const auto& item : s.items) items.push_back({{"label", item.label}, {"value", item.value}});
          return {{"type", "bars"}, {"caption", s.caption}, {"series", s.series_label}, {"items", items}};
        } else {
          nlohmann::json nodes = nlohmann::json::array(), edges = nlohmann::json::array();
          for (const auto& n : s.nodes) {
            nodes.push_back({{"id", n.id}, {"label", n.label}, {"size", n.size}, {"groups", n.groups}});
          }
          for (const auto& e : s.edges) edges.push_back({e.from, e.to});
          return {{"type", "network"}, {"caption", s.caption}, {"nodes", nodes}, {"edges", edges}};
        }
      },
      section);
}

}  // namespace

void PrintReport(const html::HtmlReport& report, ReportTextFormat format, std::ostream& out) {
  if (format == ReportTextFormat::kJson) {
    nlohmann::json sections = nlohmann::json::array();
    for (const html::Section& s : report.sections) sections.push_back(SectionJson(s));
    out << nlohmann::json{{"title", report.title}, {"subtitle", report.subtitle},
                          {"sections", sections}}
               .dump(2)
        << "\n";
    return;
  }
  const bool markdown = format == ReportTextFormat::kMarkdown;
  out << (markdown ? "## " : "") << report.title << "\n";
  if (!report.subtitle.empty()) out << (markdown ? "\n" : "") << report.subtitle << "\n";
  out << "\n";
  for (const html::Section& section : report.sections) {
    if (const auto* t = std::get_if<html::Table>(&section)) {
      PrintTable(t->caption, t->header, t->rows, format, out);
    } else if (const auto* p = std::get_if<html::Paragraph>(&section)) {
      out << (p->caption.empty() ? "" : p->caption + ": ") << p->text << "\n\n";
    } else if (const auto* h = std::get_if<html::Heatmap>(&section)) {
      std::vector<std::string> header = {""};
      for (size_t i = 0; i < h->labels.size(); ++i) header.push_back(std::to_string(i + 1));
      std::vector<std::vector<std::string>> rows;
      for (size_t i = 0; i < h->labels.size(); ++i) {
        std::vector<std::string> row = {std::to_string(i + 1) + " " + h->labels[i]};
        for (double v : h->values[i]) row.push_back(FormatScore(v));
        rows.push_back(std::move(row));
      }
      PrintTable(h->caption, header, rows, format, out);
    }
  }
}

}  // namespace alliance::tools
