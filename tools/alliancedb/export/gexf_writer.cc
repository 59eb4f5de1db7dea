// The gexf export (GEXF 1.3, Gephi's own format): a static directed graph
// whose attributes are declared per class with their types (int -> long,
// double, boolean, string; lists are strings holding a JSON array, see
// attribute_catalog.h). A node's label is its name (DisplayName), an edge's
// label its relationship type; nodes also carry a `labels` attribute
// (":Organisation"). NetworkX reads GEXF 1.3 from version 3.6 on; older
// versions know only the 1.1draft and 1.2draft namespaces.
#include "attribute_catalog.h"
#include "format_writers.h"
#include "schema/str_cat.h"
#include "xml_text.h"

namespace alliance::tools {
namespace {

class GexfWriter final : public GraphWriter {
 public:
  explicit GexfWriter(std::ostream& out) : out_(out) {
    node_attributes_.DeclareFixed("labels", AttributeType::kString);
  }

  bool NeedsDeclarationPass() const override { return true; }
  absl::Status DeclareNode(const Node& node, std::string_view) override {
    node_attributes_.Observe(node.properties);
    return absl::OkStatus();
  }
  absl::Status DeclareRelationship(const Relationship& rel) override {
    edge_attributes_.Observe(rel.properties);
    return absl::OkStatus();
  }

  absl::Status Begin() override {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<gexf xmlns=\"http://gexf.net/1.3\" "
            "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
            "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" "
            "version=\"1.3\">\n"
            "  <meta>\n    <creator>alliancedb</creator>\n  </meta>\n"
            "  <graph defaultedgetype=\"directed\" mode=\"static\">\n";
    DeclareAttributes("node", node_attributes_);
    DeclareAttributes("edge", edge_attributes_);
    out_ << "    <nodes>\n";
    return StreamStatus(out_);
  }

  absl::Status WriteNode(const Node& node, std::string_view) override {
    out_ << "      <node id=\"" << node.id << "\" label=\"" << XmlEscape(DisplayName(node))
         << "\">\n        <attvalues>\n";
    AttValue(0, LabelsAttribute(node.labels));
    if (absl::Status s = AttValues(node.properties, node_attributes_); !s.ok()) return s;
    out_ << "        </attvalues>\n      </node>\n";
    return StreamStatus(out_);
  }

  absl::Status WriteRelationship(const Relationship& rel, const std::vector<std::string>&,
                                 const std::vector<std::string>&) override {
    OpenEdges();
    out_ << "      <edge id=\"" << rel.id << "\" source=\"" << rel.start << "\" target=\""
         << rel.end << "\" label=\"" << XmlEscape(rel.type) << "\"";
    if (rel.properties.empty()) {
      out_ << "/>\n";
      return StreamStatus(out_);
    }
    out_ << ">\n        <attvalues>\n";
    if (absl::Status s = AttValues(rel.properties, edge_attributes_); !s.ok()) return s;
    out_ << "        </attvalues>\n      </edge>\n";
    return StreamStatus(out_);
  }

  absl::Status Finish() override {
    OpenEdges();
    out_ << "    </edges>\n  </graph>\n</gexf>\n";
    out_.flush();
    return StreamStatus(out_);
  }

 private:
  void DeclareAttributes(std::string_view kind, const AttributeCatalog& attributes) {
    if (attributes.attributes().empty()) return;
    out_ << "    <attributes class=\"" << kind << "\" mode=\"static\">\n";
    for (const AttributeCatalog::Attribute& a : attributes.attributes()) {
      out_ << "      <attribute id=\"" << a.index << "\" title=\"" << XmlEscape(a.name)
           << "\" type=\"" << XmlTypeName(a.type) << "\"/>\n";
    }
    out_ << "    </attributes>\n";
  }

  // <edges> follows every node.
  void OpenEdges() {
    if (edges_open_) return;
    out_ << "    </nodes>\n    <edges>\n";
    edges_open_ = true;
  }

  void AttValue(size_t id, std::string_view text) {
    out_ << "          <attvalue for=\"" << id << "\" value=\"" << XmlEscape(text) << "\"/>\n";
  }

  absl::Status AttValues(const PropertyMap& properties, const AttributeCatalog& attributes) {
    for (const auto& [name, value] : properties) {
      absl::StatusOr<std::string> text = AttributeText(value);
      if (!text.ok()) return text.status();
      AttValue(attributes.Find(name)->index, *text);
    }
    return absl::OkStatus();
  }

  std::ostream& out_;
  AttributeCatalog node_attributes_;
  AttributeCatalog edge_attributes_;
  bool edges_open_ = false;
};

}  // namespace

std::unique_ptr<GraphWriter> MakeGexfWriter(std::ostream& out) {
  return std::make_unique<GexfWriter>(out);
}

}  // namespace alliance::tools
