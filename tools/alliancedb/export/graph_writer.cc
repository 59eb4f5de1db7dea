#include "graph_writer.h"

#include "format_writers.h"
#include "schema/str_cat.h"

namespace alliance::tools {

absl::Status GraphWriter::DeclareNode(const Node&, std::string_view) { return absl::OkStatus(); }

absl::Status GraphWriter::DeclareRelationship(const Relationship&) { return absl::OkStatus(); }

absl::StatusOr<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "csv") return ExportFormat::kCsv;
  if (name == "jsonl") return ExportFormat::kJsonl;
  if (name == "graphml") return ExportFormat::kGraphml;
  if (name == "gexf") return ExportFormat::kGexf;
  if (name == "dot") return ExportFormat::kDot;
  return absl::InvalidArgumentError(
      StrCat("unknown export format '", name, "' (expected csv, jsonl, graphml, gexf or dot)"));
}

bool WritesDirectory(ExportFormat format) { return format == ExportFormat::kCsv; }

std::unique_ptr<GraphWriter> MakeGraphWriter(ExportFormat format, const WriterTarget& target) {
  switch (format) {
    case ExportFormat::kCsv:
      return MakeCsvWriter(target.directory, *target.schema);
    case ExportFormat::kJsonl:
      return MakeJsonlWriter(*target.stream);
    case ExportFormat::kGraphml:
      return MakeGraphmlWriter(*target.stream);
    case ExportFormat::kGexf:
      return MakeGexfWriter(*target.stream);
    case ExportFormat::kDot:
      return MakeDotWriter(*target.stream);
  }
  return nullptr;
}

absl::Status StreamStatus(const std::ostream& out) {
  return out ? absl::OkStatus() : absl::InternalError("writing the export failed");
}

std::string DisplayName(const Node& node) {
  const Value& name = node.Property("name");
  if (name.type() == Value::Type::kString) return name.as_string();
  if (node.labels.empty()) return std::to_string(node.id);
  return StrCat(node.labels.front(), " ", node.id);
}

}  // namespace alliance::tools
