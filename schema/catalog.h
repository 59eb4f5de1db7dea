// Catalog: the dense ids of label, property-key and edge-type names, and the
// declared schema that writes must obey (enforced mode) or may ignore (free mode).
//
// Not thread-safe: the storage layer guards it and hands readers copies.
#ifndef ALLIANCE_SCHEMA_CATALOG_H_
#define ALLIANCE_SCHEMA_CATALOG_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "alliance/value.h"

namespace alliance::schema {

using LabelId = uint32_t;
using PropertyKeyId = uint32_t;
using EdgeTypeId = uint32_t;

struct PropertyDef {
  std::string name;
  Value::Type type = Value::Type::kString;  // of the value, or of each element when is_list
  bool is_list = false;
  bool required = false;

  // "int", "string[]", ...
  std::string TypeText() const;
  // Parses "int", "double", "boolean", "string" with an optional "[]".
  static absl::StatusOr<PropertyDef> Parse(std::string_view name, std::string_view type_text,
                                           bool required);
};

// Converts `value` where the declaration allows it (an int where a double is
// declared) and tells whether it then has the declared type.
bool ConformsTo(const PropertyDef& def, Value& value);

struct LabelDef {
  std::string name;
  std::string key_property;  // unique and required; empty for none
  std::vector<PropertyDef> properties;
  std::vector<std::string> lookup_properties;  // indexed, not unique

  const PropertyDef* FindProperty(std::string_view property) const;
};

struct EdgeTypeDef {
  std::string name;
  std::string from_label;
  std::string to_label;
  std::vector<PropertyDef> properties;

  const PropertyDef* FindProperty(std::string_view property) const;
};

enum class SchemaMode { kEnforced, kFree };

class Catalog {
 public:
  // The alliance schema of ../shared/seed/FACTS.md, enforced.
  static Catalog AllianceSchema();
  // Any labels, types and properties; validates only what is declared.
  static Catalog Free();

  SchemaMode mode() const { return mode_; }

  // Name tables. Ids are dense and never reused; Intern* adds a missing name.
  std::optional<LabelId> FindLabel(std::string_view name) const;
  std::optional<PropertyKeyId> FindPropertyKey(std::string_view name) const;
  std::optional<EdgeTypeId> FindEdgeType(std::string_view name) const;
  LabelId InternLabel(std::string_view name);
  PropertyKeyId InternPropertyKey(std::string_view name);
  EdgeTypeId InternEdgeType(std::string_view name);
  const std::string& LabelName(LabelId id) const { return label_names_[id]; }
  const std::string& PropertyKeyName(PropertyKeyId id) const { return property_names_[id]; }
  const std::string& EdgeTypeName(EdgeTypeId id) const { return edge_type_names_[id]; }
  size_t label_count() const { return label_names_.size(); }
  size_t property_key_count() const { return property_names_.size(); }
  size_t edge_type_count() const { return edge_type_names_.size(); }

  // Declarations.
  const std::vector<LabelDef>& labels() const { return labels_; }
  const std::vector<EdgeTypeDef>& edge_types() const { return edge_types_; }
  const LabelDef* FindLabelDef(std::string_view name) const;
  const EdgeTypeDef* FindEdgeTypeDef(std::string_view name) const;

  // Extending the schema never invalidates stored data: a new label or edge
  // type, or a new optional property.
  absl::Status AddLabel(LabelDef def);
  absl::Status AddLabelProperty(std::string_view label, PropertyDef def);
  absl::Status AddEdgeType(EdgeTypeDef def);
  absl::Status AddEdgeTypeProperty(std::string_view type, PropertyDef def);

  // Checks a node's labels and properties against the declarations and
  // converts values where the schema says so (an int stored as a double
  // property becomes a double). Errors name the label, property and value.
  // `check_required` false skips the required-property rule, which a
  // statement may satisfy only by its end (CREATE then SET); transactions
  // check it at commit.
  absl::Status ValidateNode(const std::vector<std::string>& labels, PropertyMap& properties,
                            bool check_required = true) const;
  absl::Status ValidateEdge(std::string_view type, const std::vector<std::string>& from_labels,
                            const std::vector<std::string>& to_labels, PropertyMap& properties,
                            bool check_required = true) const;

  // Cap'n Proto encoding stored in the meta column family.
  std::string Serialize() const;
  static absl::StatusOr<Catalog> Deserialize(std::string_view bytes);

 private:
  template <typename Def>
  absl::Status AddOptionalProperty(std::vector<Def>& defs, std::string_view kind,
                                   std::string_view owner, PropertyDef def);

  SchemaMode mode_ = SchemaMode::kFree;
  std::vector<std::string> label_names_;
  std::vector<std::string> property_names_;
  std::vector<std::string> edge_type_names_;
  absl::flat_hash_map<std::string, uint32_t> label_ids_;
  absl::flat_hash_map<std::string, uint32_t> property_ids_;
  absl::flat_hash_map<std::string, uint32_t> edge_type_ids_;
  std::vector<LabelDef> labels_;
  std::vector<EdgeTypeDef> edge_types_;
};

}  // namespace alliance::schema

#endif  // ALLIANCE_SCHEMA_CATALOG_H_
