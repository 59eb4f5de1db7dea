// AttributeCatalog: the typed attributes that GraphML (<key>) and GEXF
// (<attribute>) declare before any element, one per property name and element
// kind, with the text each value is written as. The viewer formats have no
// list types that NetworkX, Gephi and yEd all read, so lists are string
// attributes holding a JSON array (["고려대", "KU"]); DOT uses the same text.
#ifndef ALLIANCE_TOOLS_EXPORT_ATTRIBUTE_CATALOG_H_
#define ALLIANCE_TOOLS_EXPORT_ATTRIBUTE_CATALOG_H_

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "alliance/value.h"

namespace alliance::tools {

enum class AttributeType { kLong, kDouble, kBoolean, kString };

// The attribute type's name in GraphML's attr.type and GEXF's type: "long",
// "double", "boolean" or "string".
std::string_view XmlTypeName(AttributeType type);

// The attribute type of a value: int -> long, double, bool; strings and lists
// -> string.
AttributeType AttributeTypeOf(const Value& value);

// Ints in decimal; doubles in shortest round-trip form, with XML Schema's
// INF, -INF and NaN; true/false; strings as they are; lists as JSON arrays.
absl::StatusOr<std::string> AttributeText(const Value& value);

// A node's labels as one attribute, as APOC writes them: ":Organisation:Lead".
std::string LabelsAttribute(const std::vector<std::string>& labels);

class AttributeCatalog {
 public:
  struct Attribute {
    std::string name;
    AttributeType type;
    size_t index;  // declaration order, for ids such as d3 or 3
  };

  // Declares a synthetic attribute (GraphML's `labels`) before the
  // properties, so its id stays fixed whatever they are. A property of the
  // same name still gets an attribute of its own.
  void DeclareFixed(const std::string& name, AttributeType type);
  // A name seen with values of different types (possible in a free schema)
  // becomes a string attribute, so no value is written under a wrong type.
  void Observe(const PropertyMap& properties);

  // In declaration order.
  const std::vector<Attribute>& attributes() const { return attributes_; }
  // The attribute of a property; null for one never observed.
  const Attribute* Find(const std::string& name) const;

 private:
  std::vector<Attribute> attributes_;
  std::map<std::string, size_t, std::less<>> by_name_;
};

}  // namespace alliance::tools

#endif  // ALLIANCE_TOOLS_EXPORT_ATTRIBUTE_CATALOG_H_
