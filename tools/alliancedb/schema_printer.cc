#include "schema_printer.h"

#include "absl/strings/str_join.h"

namespace alliance::tools {
namespace {

std::string PropertyText(const PropertySpec& p, const std::string& key) {
  std::string text = p.name + ": " + p.type;
  if (p.name == key) {
    text += " (key)";
  } else if (p.required) {
    text += " (required)";
  }
  return text;
}

}  // namespace

void PrintSchema(const SchemaDescription& s, std::ostream& out) {
  out << "schema mode: " << (s.mode == SchemaMode::kEnforced ? "enforced" : "free") << "\n";
  for (const LabelSpec& l : s.labels) {
    out << "label " << l.name << "\n";
    for (const PropertySpec& p : l.properties) {
      out << "  " << PropertyText(p, l.key_property) << "\n";
    }
    if (!l.lookup_properties.empty()) {
      out << "  lookups: " << absl::StrJoin(l.lookup_properties, ", ") << "\n";
    }
  }
  for (const RelationshipTypeSpec& t : s.relationship_types) {
    out << "relationship (:" << t.from_label << ")-[:" << t.name << "]->(:" << t.to_label
              << ")\n";
    for (const PropertySpec& p : t.properties) out << "  " << PropertyText(p, "") << "\n";
  }
  if (s.mode == SchemaMode::kFree) {
    out << "labels in use: " << absl::StrJoin(s.label_names, ", ") << "\n"
              << "relationship types in use: " << absl::StrJoin(s.relationship_type_names, ", ")
              << "\n";
  }
}

}  // namespace alliance::tools
