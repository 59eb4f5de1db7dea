// The graphml export, for yEd, Gephi, NetworkX (nx.read_graphml) and igraph.
// Every property becomes a <key> declared up front with its type (int ->
// long, double, boolean, string; lists are strings holding a JSON array, see
// attribute_catalog.h). As in APOC's GraphML export, nodes carry `labels`
// (":Organisation") and edges `label` (the relationship type). Node ids are
// n<id>, edge ids e<id>.
#include "attribute_catalog.h"
#include "format_writers.h"
#include "schema/str_cat.h"
#include "xml_text.h"

namespace alliance::tools {
namespace {

class GraphmlWriter final : public GraphWriter {
 public:
  explicit GraphmlWriter(std::ostream& out) : out_(out) {
    node_keys_.DeclareFixed("labels", AttributeType::kString);
    edge_keys_.DeclareFixed("label", AttributeType::kString);
  }

  bool NeedsDeclarationPass() const override { return true; }
  absl::Status DeclareNode(const Node& node, std::string_view) override {
    node_keys_.Observe(node.properties);
    return absl::OkStatus();
  }
  absl::Status DeclareRelationship(const Relationship& rel) override {
    edge_keys_.Observe(rel.properties);
    return absl::OkStatus();
  }

  absl::Status Begin() override {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
            "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
            "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
            "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    edge_key_base_ = node_keys_.attributes().size();
    DeclareKeys("node", node_keys_, 0);
    DeclareKeys("edge", edge_keys_, edge_key_base_);
    out_ << "  <graph id=\"G\" edgedefault=\"directed\">\n";
    return StreamStatus(out_);
  }

  absl::Status WriteNode(const Node& node, std::string_view) override {
    out_ << "    <node id=\"n" << node.id << "\">";
    Data(0, LabelsAttribute(node.labels));
    if (absl::Status s = Properties(node.properties, node_keys_, 0); !s.ok()) return s;
    out_ << "</node>\n";
    return StreamStatus(out_);
  }

  absl::Status WriteRelationship(const Relationship& rel, const std::vector<std::string>&,
                                 const std::vector<std::string>&) override {
    out_ << "    <edge id=\"e" << rel.id << "\" source=\"n" << rel.start << "\" target=\"n"
         << rel.end << "\">";
    Data(edge_key_base_, rel.type);
    if (absl::Status s = Properties(rel.properties, edge_keys_, edge_key_base_); !s.ok()) return s;
    out_ << "</edge>\n";
    return StreamStatus(out_);
  }

  absl::Status Finish() override {
    out_ << "  </graph>\n</graphml>\n";
    out_.flush();
    return StreamStatus(out_);
  }

 private:
  void DeclareKeys(std::string_view kind, const AttributeCatalog& keys, size_t base) {
    for (const AttributeCatalog::Attribute& a : keys.attributes()) {
      out_ << "  <key id=\"d" << base + a.index << "\" for=\"" << kind << "\" attr.name=\""
           << XmlEscape(a.name) << "\" attr.type=\"" << XmlTypeName(a.type) << "\"/>\n";
    }
  }

  void Data(size_t key, std::string_view text) {
    out_ << "<data key=\"d" << key << "\">" << XmlEscape(text) << "</data>";
  }

  absl::Status Properties(const PropertyMap& properties, const AttributeCatalog& keys,
                          size_t base) {
    for (const auto& [name, value] : properties) {
      absl::StatusOr<std::string> text = AttributeText(value);
      if (!text.ok()) return text.status();
      Data(base + keys.Find(name)->index, *text);
    }
    return absl::OkStatus();
  }

  std::ostream& out_;
  AttributeCatalog node_keys_;
  AttributeCatalog edge_keys_;
  size_t edge_key_base_ = 0;
};

}  // namespace

std::unique_ptr<GraphWriter> MakeGraphmlWriter(std::ostream& out) {
  return std::make_unique<GraphmlWriter>(out);
}

}  // namespace alliance::tools
