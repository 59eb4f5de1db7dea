// The declared schema as the API describes and extends it: labels with their
// key and typed properties, relationship types with their endpoints.
//
//   alliance::PropertySpec score{"pagerank", "double"};
//   db->AddProperty("Organisation", score);
#ifndef ALLIANCE_SCHEMA_H_
#define ALLIANCE_SCHEMA_H_

#include <string>
#include <vector>

namespace alliance {

// Enforced: writes must obey the declared schema (the default, with the
// alliance schema). Free: any labels, types and properties.
enum class SchemaMode { kEnforced, kFree };

struct PropertySpec {
  std::string name;
  std::string type;  // "int", "double", "boolean" or "string", optionally with "[]"
  bool required = false;
};

struct LabelSpec {
  std::string name;
  std::string key_property;                    // unique and required; may be empty
  std::vector<PropertySpec> properties;
  std::vector<std::string> lookup_properties;  // indexed for lookups, not unique
};

struct RelationshipTypeSpec {
  std::string name;
  std::string from_label;
  std::string to_label;
  std::vector<PropertySpec> properties;
};

struct SchemaDescription {
  SchemaMode mode = SchemaMode::kEnforced;
  std::vector<LabelSpec> labels;                     // declared
  std::vector<RelationshipTypeSpec> relationship_types;  // declared
  // Every name in use or declared, in the order they were first seen.
  std::vector<std::string> label_names;
  std::vector<std::string> relationship_type_names;
  std::vector<std::string> property_names;
};

}  // namespace alliance

#endif  // ALLIANCE_SCHEMA_H_
