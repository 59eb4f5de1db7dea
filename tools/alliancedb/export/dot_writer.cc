// The dot export, for Graphviz (dot, neato, sfdp) and anything that reads DOT.
// Nodes are "<id>" with label = DisplayName and `labels` (":Organisation");
// edges are labelled with their type. Properties follow as quoted
// attributes, lists as JSON arrays (see attribute_catalog.h); a property
// named like a Graphviz attribute (color, shape) therefore styles the drawing.
#include "attribute_catalog.h"
#include "format_writers.h"

namespace alliance::tools {
namespace {

// A DOT quoted string. Graphviz reads \" as a quote and \n as a line break;
// doubling the backslash keeps a literal one.
std::string Quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        break;
      default:
        out += c;
    }
  }
  out += '"';
  return out;
}

class DotWriter final : public GraphWriter {
 public:
  explicit DotWriter(std::ostream& out) : out_(out) {}

  absl::Status Begin() override {
    out_ << "// Exported by alliancedb. Lists are JSON arrays.\ndigraph \"alliancedb\" {\n";
    return StreamStatus(out_);
  }

  absl::Status WriteNode(const Node& node, std::string_view) override {
    out_ << "  " << Quoted(std::to_string(node.id)) << " [label=" << Quoted(DisplayName(node))
         << ", labels=" << Quoted(LabelsAttribute(node.labels));
    if (absl::Status s = Attributes(node.properties); !s.ok()) return s;
    out_ << "];\n";
    return StreamStatus(out_);
  }

  absl::Status WriteRelationship(const Relationship& rel, const std::vector<std::string>&,
                                 const std::vector<std::string>&) override {
    out_ << "  " << Quoted(std::to_string(rel.start)) << " -> " << Quoted(std::to_string(rel.end))
         << " [label=" << Quoted(rel.type);
    if (absl::Status s = Attributes(rel.properties); !s.ok()) return s;
    out_ << "];\n";
    return StreamStatus(out_);
  }

  absl::Status Finish() override {
    out_ << "}\n";
    out_.flush();
    return StreamStatus(out_);
  }

 private:
  absl::Status Attributes(const PropertyMap& properties) {
    for (const auto& [name, value] : properties) {
      absl::StatusOr<std::string> text = AttributeText(value);
      if (!text.ok()) return text.status();
      out_ << ", " << Quoted(name) << "=" << Quoted(*text);
    }
    return absl::OkStatus();
  }

  std::ostream& out_;
};

}  // namespace

std::unique_ptr<GraphWriter> MakeDotWriter(std::ostream& out) {
  return std::make_unique<DotWriter>(out);
}

}  // namespace alliance::tools
