#include "result_printer.h"

#include <nlohmann/json.hpp>

#include "table_printer.h"

namespace alliance::tools {
namespace {

nlohmann::json ToJson(const Value& v);

nlohmann::json PropertiesJson(const PropertyMap& props) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [k, e] : props) j[k] = ToJson(e);
  return j;
}

nlohmann::json ToJson(const Value& v) {
  switch (v.type()) {
    case Value::Type::kNull: return nullptr;
    case Value::Type::kBool: return v.as_bool();
    case Value::Type::kInt: return v.as_int();
    case Value::Type::kDouble: return v.as_double();
    case Value::Type::kString: return v.as_string();
    case Value::Type::kList: {
      nlohmann::json j = nlohmann::json::array();
      for (const Value& e : v.as_list()) j.push_back(ToJson(e));
      return j;
    }
    case Value::Type::kMap: return PropertiesJson(v.as_map());
    case Value::Type::kNode: {
      const Node& n = v.as_node();
      return {{"id", n.id}, {"labels", n.labels}, {"properties", PropertiesJson(n.properties)}};
    }
    case Value::Type::kRelationship: {
      const Relationship& r = v.as_relationship();
      return {{"id", r.id},
              {"type", r.type},
              {"start", r.start},
              {"end", r.end},
              {"properties", PropertiesJson(r.properties)}};
    }
    case Value::Type::kPath: {
      nlohmann::json nodes = nlohmann::json::array(), rels = nlohmann::json::array();
      for (const Node& n : v.as_path().nodes) nodes.push_back(ToJson(Value::MakeNode(n)));
      for (const Relationship& r : v.as_path().relationships) {
        rels.push_back(ToJson(Value::MakeRelationship(r)));
      }
      return {{"nodes", nodes}, {"relationships", rels}};
    }
  }
  return nullptr;
}

std::string CsvQuote(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

absl::Status ParseOutputFormat(const std::string& text, OutputFormat* format) {
  if (text == "table" || text == "box") {
    *format = OutputFormat::kTable;
  } else if (text == "markdown" || text == "md") {
    *format = OutputFormat::kMarkdown;
  } else if (text == "csv") {
    *format = OutputFormat::kCsv;
  } else if (text == "json") {
    *format = OutputFormat::kJson;
  } else if (text == "jsonl") {
    *format = OutputFormat::kJsonLines;
  } else {
    return absl::InvalidArgumentError("unknown format '" + text +
                                      "' (expected table, markdown, csv, json or jsonl)");
  }
  return absl::OkStatus();
}

std::string CellText(const Value& v) {
  return v.type() == Value::Type::kString ? v.as_string() : v.ToString();
}

void PrintResult(const QueryResult& result, OutputFormat format, std::ostream& out,
                 size_t max_table_rows) {
  switch (format) {
    case OutputFormat::kTable:
    case OutputFormat::kMarkdown: {
      if (result.columns.empty()) break;
      TablePrinter table(result.columns);
      std::vector<bool> numeric(result.columns.size(), !result.rows.empty());
      for (const auto& row : result.rows) {
        std::vector<std::string> cells;
        for (size_t i = 0; i < row.size(); ++i) {
          const Value& v = row[i];
          if (i < numeric.size() && !v.is_null() && v.type() != Value::Type::kInt &&
              v.type() != Value::Type::kDouble) {
            numeric[i] = false;
          }
          cells.push_back(CellText(v));
        }
        table.AddRow(std::move(cells));
      }
      for (size_t i = 0; i < numeric.size(); ++i) {
        if (numeric[i]) table.AlignRight(i);
      }
      const bool markdown = format == OutputFormat::kMarkdown;
      table.Print(out, {.style = markdown ? TableStyle::kMarkdown : TableStyle::kBox,
                        .max_rows = max_table_rows});
      if (!markdown) {
        out << "(" << GroupThousands(result.rows.size())
            << (result.rows.size() == 1 ? " row)\n" : " rows)\n");
      }
      break;
    }
    case OutputFormat::kCsv: {
      for (size_t i = 0; i < result.columns.size(); ++i) {
        out << (i ? "," : "") << CsvQuote(result.columns[i]);
      }
      if (!result.columns.empty()) out << "\n";
      for (const auto& row : result.rows) {
        for (size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << CsvQuote(CellText(row[i]));
        out << "\n";
      }
      break;
    }
    case OutputFormat::kJson:
    case OutputFormat::kJsonLines: {
      nlohmann::json all = nlohmann::json::array();
      for (const auto& row : result.rows) {
        nlohmann::json obj = nlohmann::json::object();
        for (size_t i = 0; i < row.size() && i < result.columns.size(); ++i) {
          obj[result.columns[i]] = ToJson(row[i]);
        }
        if (format == OutputFormat::kJsonLines) {
          out << obj.dump() << "\n";
        } else {
          all.push_back(std::move(obj));
        }
      }
      if (format == OutputFormat::kJson) out << all.dump(2) << "\n";
      break;
    }
  }
}

}  // namespace alliance::tools
