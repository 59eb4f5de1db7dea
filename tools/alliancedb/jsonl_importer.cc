#include "jsonl_importer.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "absl/container/flat_hash_map.h"
#include "export/property_json.h"

namespace alliance::tools {
namespace {

using Json = nlohmann::ordered_json;

// The properties each declared label and type requires. The transaction
// checks them only at commit, since a later statement could still set them;
// a JSON line is a whole node or relationship, so checking here gives the
// error its line.
class RequiredProperties {
 public:
  explicit RequiredProperties(const SchemaDescription& schema) {
    for (const LabelSpec& label : schema.labels) {
      std::vector<std::string>& names = labels_[label.name];
      if (!label.key_property.empty()) names.push_back(label.key_property);
      for (const PropertySpec& p : label.properties) {
        if (p.required && p.name != label.key_property) names.push_back(p.name);
      }
    }
    for (const RelationshipTypeSpec& type : schema.relationship_types) {
      for (const PropertySpec& p : type.properties) {
        if (p.required) types_[type.name].push_back(p.name);
      }
    }
  }

  absl::Status CheckNode(const std::vector<std::string>& labels,
                         const PropertyMap& properties) const {
    for (const std::string& label : labels) {
      auto it = labels_.find(label);
      if (it == labels_.end()) continue;
      for (const std::string& name : it->second) {
        if (properties.find(name) == properties.end()) {
          return Missing("label " + label, name);
        }
      }
    }
    return absl::OkStatus();
  }

  absl::Status CheckRelationship(const std::string& type, const PropertyMap& properties) const {
    auto it = types_.find(type);
    if (it == types_.end()) return absl::OkStatus();
    for (const std::string& name : it->second) {
      if (properties.find(name) == properties.end())
        return Missing("relationship type " + type, name);
    }
    return absl::OkStatus();
  }

 private:
  static absl::Status Missing(const std::string& owner, const std::string& name) {
    return absl::InvalidArgumentError("schema violation: " + owner + " requires property '" + name +
                                      "'");
  }

  absl::flat_hash_map<std::string, std::vector<std::string>> labels_;
  absl::flat_hash_map<std::string, std::vector<std::string>> types_;
};

class JsonlImporter {
 public:
  JsonlImporter(Transaction& txn, const SchemaDescription& schema, std::string path)
      : txn_(txn), required_(schema), path_(std::move(path)) {}

  absl::Status ReadAll(std::istream& in, uint64_t bytes_total,
                       const std::function<void(uint64_t, double)>& progress) {
    std::string text;
    uint64_t bytes = 0;
    while (std::getline(in, text)) {
      ++line_;
      bytes += text.size() + 1;
      if (!text.empty() && text.back() == '\r') text.pop_back();
      if (text.find_first_not_of(" \t") != std::string::npos) {
        if (absl::Status s = Line(text); !s.ok()) {
          return absl::Status(
              s.code(), path_ + ":" + std::to_string(line_) + ": " + std::string(s.message()));
        }
      }
      if (progress) progress(line_, bytes_total ? static_cast<double>(bytes) / bytes_total : -1);
    }
    if (in.bad()) return absl::InternalError(path_ + ": read error: " + std::strerror(errno));
    return absl::OkStatus();
  }

  const JsonlImportResult& result() const { return result_; }

 private:
  struct FileNode {
    NodeId id;
    int64_t line;
  };

  absl::Status Line(const std::string& text) {
    Json j;
    try {
      j = Json::parse(text);
    } catch (const Json::exception& e) {
      // "[json.exception.parse_error.101] parse error at line 1, column 9: ...":
      // the line is ours to name, the column is worth keeping.
      std::string what = e.what();
      if (const size_t end = what.find("] ");
          what.rfind("[json.", 0) == 0 && end != std::string::npos) {
        what.erase(0, end + 2);
      }
      if (const size_t at = what.find("at line 1, column"); at != std::string::npos) {
        what.replace(at, 17, "at column");
      }
      return absl::InvalidArgumentError("not valid JSON: " + what);
    }
    if (!j.is_object()) return absl::InvalidArgumentError("expected a JSON object");
    const auto type = j.find("type");
    if (type == j.end() || !type->is_string()) {
      return absl::InvalidArgumentError("no \"type\" (\"node\" or \"relationship\")");
    }
    if (*type == "node") return CreateNode(j);
    if (*type == "relationship") return CreateRelationship(j);
    return absl::InvalidArgumentError("unknown type " + type->dump() +
                                      " (expected \"node\" or \"relationship\")");
  }

  // APOC writes ids as strings; older exports and hand-written files use numbers.
  static absl::StatusOr<std::string> IdOf(const Json& object, const std::string& where) {
    const auto id = object.find("id");
    if (id != object.end() && id->is_string()) return id->get<std::string>();
    if (id != object.end() && id->is_number_integer()) return id->dump();
    return absl::InvalidArgumentError(where + " has no \"id\" (a string or an integer)");
  }

  static absl::StatusOr<PropertyMap> PropertiesOf(const Json& object) {
    PropertyMap properties;
    const auto found = object.find("properties");
    if (found == object.end() || found->is_null()) return properties;
    if (!found->is_object()) return absl::InvalidArgumentError("\"properties\" is not an object");
    for (const auto& [name, json] : found->items()) {
      absl::StatusOr<Value> value = PropertyFromJson(json);
      if (!value.ok()) {
        return absl::InvalidArgumentError("property '" + name +
                                          "': " + std::string(value.status().message()));
      }
      if (!value->is_null()) properties.emplace(name, *std::move(value));
    }
    return properties;
  }

  absl::Status CreateNode(const Json& j) {
    absl::StatusOr<std::string> id = IdOf(j, "the node");
    if (!id.ok()) return id.status();
    std::vector<std::string> labels;
    if (const auto found = j.find("labels"); found != j.end() && !found->is_null()) {
      if (!found->is_array()) return absl::InvalidArgumentError("\"labels\" is not a list");
      for (const Json& label : *found) {
        if (!label.is_string()) {
          return absl::InvalidArgumentError("label " + label.dump() + " is not a string");
        }
        labels.push_back(label.get<std::string>());
      }
    }
    absl::StatusOr<PropertyMap> properties = PropertiesOf(j);
    if (!properties.ok()) return properties.status();
    if (auto seen = ids_.find(*id); seen != ids_.end()) {
      return absl::InvalidArgumentError("duplicate node id '" + *id + "' (first on line " +
                                        std::to_string(seen->second.line) + ")");
    }
    // After CreateNode, so its errors (an unknown label, a wrong type) come first.
    const absl::Status required = required_.CheckNode(labels, *properties);
    absl::StatusOr<NodeId> node = txn_.CreateNode(labels, *std::move(properties));
    if (!node.ok()) return node.status();
    if (!required.ok()) return required;
    ids_.emplace(*std::move(id), FileNode{*node, line_});
    ++result_.nodes;
    return absl::OkStatus();
  }

  absl::StatusOr<NodeId> EndOf(const Json& j, const std::string& end) {
    const auto found = j.find(end);
    if (found == j.end() || !found->is_object()) {
      return absl::InvalidArgumentError("the relationship has no \"" + end + "\" node");
    }
    absl::StatusOr<std::string> id = IdOf(*found, "the " + end + " node");
    if (!id.ok()) return id.status();
    auto it = ids_.find(*id);
    if (it == ids_.end()) {
      return absl::InvalidArgumentError("unknown " + end + " node id '" + *id +
                                        "' (nodes must come before their relationships)");
    }
    return it->second.id;
  }

  absl::Status CreateRelationship(const Json& j) {
    const auto type = j.find("label");
    if (type == j.end() || !type->is_string()) {
      return absl::InvalidArgumentError("the relationship has no \"label\" (its type)");
    }
    absl::StatusOr<NodeId> start = EndOf(j, "start");
    if (!start.ok()) return start.status();
    absl::StatusOr<NodeId> end = EndOf(j, "end");
    if (!end.ok()) return end.status();
    absl::StatusOr<PropertyMap> properties = PropertiesOf(j);
    if (!properties.ok()) return properties.status();
    const std::string type_name = type->get<std::string>();
    const absl::Status required = required_.CheckRelationship(type_name, *properties);
    absl::StatusOr<Relationship> rel =
        txn_.CreateRelationship(*start, type_name, *end, *std::move(properties));
    if (!rel.ok()) return rel.status();
    if (!required.ok()) return required;
    ++result_.relationships;
    return absl::OkStatus();
  }

  Transaction& txn_;
  const RequiredProperties required_;
  const std::string path_;
  int64_t line_ = 0;
  absl::flat_hash_map<std::string, FileNode> ids_;
  JsonlImportResult result_;
};

}  // namespace

absl::StatusOr<JsonlImportResult> ImportJsonl(Database& db, const std::string& path,
                                              const JsonlImportOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError("cannot open " + path + ": " + std::strerror(errno));
  std::error_code ec;
  const uint64_t size = std::filesystem::file_size(path, ec);
  absl::StatusOr<std::unique_ptr<Transaction>> txn = db.BeginWrite();
  if (!txn.ok()) return txn.status();
  JsonlImporter importer(**txn, db.Schema(), path);
  // Returning early drops the transaction, which rolls it back.
  if (absl::Status s = importer.ReadAll(in, ec ? 0 : size, options.progress); !s.ok()) return s;
  if (options.dry_run) {
    (*txn)->Rollback();
  } else if (absl::Status s = (*txn)->Commit(); !s.ok()) {
    return absl::Status(s.code(), path + ": commit failed: " + std::string(s.message()));
  }
  JsonlImportResult result = importer.result();
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace alliance::tools
