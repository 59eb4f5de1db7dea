// The csv export: Neo4j admin import files that `alliancedb import` reads back
// into the same graph.
//
//   OUT/nodes/<label>.csv   :ID,:LABEL,name,name_ko,aliases:string[],...
//   OUT/edges/<type>.csv    :START_ID,:END_ID,:TYPE,role,since:int,...
//
// The id column is a bare `:ID` holding the node id: neo4j-admin stores a
// named `id:ID` as a property too (under a free schema, or where a label
// declares `id`), which would add a property the graph did not have, or clash
// with a real `id` property. A node with several labels is written once, in
// the file of the first selected one, with all its labels in :LABEL. File
// names are the label or type in lower case, with characters that do not
// belong in a file name replaced by `_`, and `-2`, `-3` ... against clashes
// (and for the further parts of a CsvTableLayout).
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "csv_dialect.h"
#include "csv_table_layout.h"
#include "format_writers.h"
#include "schema/str_cat.h"

namespace alliance::tools {
namespace {

constexpr std::string_view kJsonlFormatHint = "; --format jsonl keeps it";

std::string FileStem(std::string_view name) {
  std::string stem;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 'A' && u <= 'Z') {
      stem += static_cast<char>(u - 'A' + 'a');
    } else if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || c == '_' || c == '-' ||
               u >= 0x80) {
      stem += c;
    } else {
      stem += '_';
    }
  }
  return stem.empty() ? "_" : stem;
}

// Unique file names in one directory: the stem, then stem-2, stem-3, ...
class FileNames {
 public:
  std::string Take(const std::string& stem) {
    std::string name = stem;
    for (int n = 2; !used_.insert(name).second; ++n) name = StrCat(stem, "-", n);
    return name + ".csv";
  }

 private:
  std::set<std::string> used_;
};

struct OpenFile {
  std::string path;
  std::ofstream out;
};

// One label's nodes or one type's relationships: the layout and, from
// Begin() on, one open file per part.
struct Table {
  CsvTableLayout layout;
  std::vector<std::unique_ptr<OpenFile>> files;
};

class CsvWriter final : public GraphWriter {
 public:
  CsvWriter(std::string directory, const SchemaDescription& schema)
      : directory_(std::move(directory)), schema_(schema) {}

  bool NeedsDeclarationPass() const override { return true; }

  absl::Status DeclareNode(const Node& node, std::string_view group) override {
    if (absl::StatusOr<std::string> labels = LabelsField(node.labels); !labels.ok()) {
      return NodeError(node, labels.status());
    }
    absl::StatusOr<size_t> part = nodes_[std::string(group)].layout.Place(node.properties);
    if (!part.ok()) return NodeError(node, part.status());
    return absl::OkStatus();
  }

  absl::Status DeclareRelationship(const Relationship& rel) override {
    absl::StatusOr<size_t> part = relationships_[rel.type].layout.Place(rel.properties);
    if (!part.ok()) return RelationshipError(rel, part.status());
    return absl::OkStatus();
  }

  absl::Status Begin() override {
    FileNames node_files;
    for (auto& [label, table] : nodes_) {
      table.layout.OrderColumns(LabelColumnOrder(label));
      if (absl::Status s =
              Open("nodes", label.empty() ? "unlabelled" : label, ":ID,:LABEL", node_files, table);
          !s.ok()) {
        return s;
      }
    }
    FileNames edge_files;
    for (auto& [type, table] : relationships_) {
      table.layout.OrderColumns(TypeColumnOrder(type));
      if (absl::Status s = Open("edges", type, ":START_ID,:END_ID,:TYPE", edge_files, table);
          !s.ok()) {
        return s;
      }
    }
    return absl::OkStatus();
  }

  absl::Status WriteNode(const Node& node, std::string_view group) override {
    absl::StatusOr<std::string> labels = LabelsField(node.labels);
    if (!labels.ok()) return NodeError(node, labels.status());
    absl::Status s = WriteRow(nodes_.find(std::string(group))->second, node.properties,
                              StrCat(node.id, ",", *labels));
    return s.ok() ? s : NodeError(node, s);
  }

  absl::Status WriteRelationship(const Relationship& rel, const std::vector<std::string>&,
                                 const std::vector<std::string>&) override {
    absl::Status s = WriteRow(relationships_.find(rel.type)->second, rel.properties,
                              StrCat(rel.start, ",", rel.end, ",", QuoteField(rel.type, true)));
    return s.ok() ? s : RelationshipError(rel, s);
  }

  absl::Status Finish() override {
    for (auto* tables : {&nodes_, &relationships_}) {
      for (auto& [name, table] : *tables) {
        for (auto& file : table.files) {
          file->out.close();
          if (file->out.fail()) return WriteError(*file);
        }
      }
    }
    return absl::OkStatus();
  }

 private:
  static absl::Status NodeError(const Node& node, const absl::Status& s) {
    return absl::InvalidArgumentError(
        StrCat("node ", node.id, " (", DisplayName(node), "): ", s.message(), kJsonlFormatHint));
  }
  static absl::Status RelationshipError(const Relationship& rel, const absl::Status& s) {
    return absl::InvalidArgumentError(StrCat("relationship ", rel.id, " (", rel.start,
                                             ")-[:", rel.type, "]->(", rel.end, "): ", s.message(),
                                             kJsonlFormatHint));
  }
  static absl::Status WriteError(const OpenFile& file) {
    return absl::InternalError(StrCat("cannot write ", file.path, ": ", std::strerror(errno)));
  }

  // The key first, then the declared properties, in the schema's order.
  std::vector<std::string> LabelColumnOrder(const std::string& label) const {
    std::vector<std::string> order;
    for (const LabelSpec& spec : schema_.labels) {
      if (spec.name != label) continue;
      if (!spec.key_property.empty()) order.push_back(spec.key_property);
      for (const PropertySpec& p : spec.properties) order.push_back(p.name);
    }
    return order;
  }
  std::vector<std::string> TypeColumnOrder(const std::string& type) const {
    std::vector<std::string> order;
    for (const RelationshipTypeSpec& spec : schema_.relationship_types) {
      if (spec.name != type) continue;
      for (const PropertySpec& p : spec.properties) order.push_back(p.name);
    }
    return order;
  }

  absl::Status Open(const std::string& subdirectory, const std::string& name,
                    std::string_view fixed_columns, FileNames& names, Table& table) {
    const std::filesystem::path dir = std::filesystem::path(directory_) / subdirectory;
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return absl::InternalError(StrCat("cannot create ", dir.string(), ": ", ec.message()));
    for (const CsvTableLayout::Part& part : table.layout.parts()) {
      std::string header(fixed_columns);
      for (const CsvTableLayout::Column& column : part.columns) {
        absl::StatusOr<std::string> field = HeaderField(column.name, column.type);
        if (!field.ok()) {
          return absl::InvalidArgumentError(StrCat(subdirectory == "nodes" ? "label " : "type ",
                                                   name, ": ", field.status().message(),
                                                   kJsonlFormatHint));
        }
        StrAppend(&header, ",", *field);
      }
      auto file = std::make_unique<OpenFile>();
      file->path = (dir / names.Take(FileStem(name))).string();
      file->out.open(file->path, std::ios::binary | std::ios::trunc);
      if (!file->out) return WriteError(*file);
      file->out << header << '\n';
      table.files.push_back(std::move(file));
    }
    return absl::OkStatus();
  }

  absl::Status WriteRow(Table& table, const PropertyMap& properties, std::string line) {
    absl::StatusOr<size_t> p = table.layout.Find(properties);
    if (!p.ok()) return p.status();
    const CsvTableLayout::Part& part = table.layout.parts()[*p];
    std::vector<const Value*> cells(part.columns.size(), nullptr);
    for (const auto& [name, value] : properties) cells[part.index.find(name)->second] = &value;
    for (const Value* cell : cells) {
      line += kCsvDelimiter;
      if (cell == nullptr) continue;
      absl::StatusOr<std::string> field = ValueField(*cell);
      if (!field.ok()) return field.status();
      line += *field;
    }
    line += '\n';
    OpenFile& file = *table.files[*p];
    file.out << line;
    if (!file.out) return WriteError(file);
    return absl::OkStatus();
  }

  std::string directory_;
  const SchemaDescription& schema_;
  // Ordered by name, so file names come out the same on every run.
  std::map<std::string, Table> nodes_;          // by group; "" for nodes without labels
  std::map<std::string, Table> relationships_;  // by type
};

}  // namespace

std::unique_ptr<GraphWriter> MakeCsvWriter(std::string directory, const SchemaDescription& schema) {
  return std::make_unique<CsvWriter>(std::move(directory), schema);
}

}  // namespace alliance::tools
