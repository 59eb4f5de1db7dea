#include "schema/catalog.h"

#include <capnp/message.h>
#include <capnp/serialize.h>
#include <kj/exception.h>

#include <algorithm>
#include <cstring>

#include "schema/str_cat.h"
#include "absl/strings/str_join.h"
#include "schema/records.capnp.h"

namespace alliance::schema {
namespace {

using records::CatalogRecord;
using records::PropertyDefRecord;

template <typename Def>
const PropertyDef* FindIn(const std::vector<PropertyDef>& defs, std::string_view name) {
  for (const PropertyDef& d : defs) {
    if (d.name == name) return &d;
  }
  return nullptr;
}

uint32_t Intern(std::string_view name, std::vector<std::string>& names,
                absl::flat_hash_map<std::string, uint32_t>& ids) {
  auto it = ids.find(ToAbsl(name));
  if (it != ids.end()) return it->second;
  uint32_t id = static_cast<uint32_t>(names.size());
  names.emplace_back(name);
  ids.emplace(std::string(name), id);
  return id;
}

std::optional<uint32_t> Find(std::string_view name,
                             const absl::flat_hash_map<std::string, uint32_t>& ids) {
  auto it = ids.find(ToAbsl(name));
  if (it == ids.end()) return std::nullopt;
  return it->second;
}

bool ValueHasType(const Value& v, const PropertyDef& def) {
  if (!def.is_list) return v.type() == def.type;
  if (v.type() != Value::Type::kList) return false;
  for (const Value& e : v.as_list()) {
    if (e.type() != def.type) return false;
  }
  return true;
}

// Ints are accepted where doubles are declared, as Cypher users write `22` for 22.0.
void CoerceToDeclared(Value& v, const PropertyDef& def) {
  if (def.type != Value::Type::kDouble) return;
  if (!def.is_list && v.type() == Value::Type::kInt) {
    v = Value::Double(static_cast<double>(v.as_int()));
  } else if (def.is_list && v.type() == Value::Type::kList) {
    for (Value& e : v.mutable_list()) {
      if (e.type() == Value::Type::kInt) e = Value::Double(static_cast<double>(e.as_int()));
    }
  }
}

std::string ValueTypeText(const Value& v) {
  if (v.type() != Value::Type::kList) return std::string(TypeName(v.type()));
  if (v.as_list().empty()) return "list";
  const Value::Type first = v.as_list().front().type();
  for (const Value& e : v.as_list()) {
    if (e.type() != first) return "mixed list";
  }
  return StrCat(TypeName(first), "[]");
}

absl::Status CheckProperty(std::string_view owner_kind, std::string_view owner,
                           const PropertyDef& def, Value& value) {
  if (ConformsTo(def, value)) return absl::OkStatus();
  return absl::InvalidArgumentError(StrCat(
      "schema violation: ", owner_kind, " ", owner, " property '", def.name, "' is declared ",
      def.TypeText(), " but the value ", value.ToString(), " is ", ValueTypeText(value)));
}

void WriteProperties(const std::vector<PropertyDef>& defs,
                     capnp::List<PropertyDefRecord>::Builder out);

}  // namespace

bool ConformsTo(const PropertyDef& def, Value& value) {
  CoerceToDeclared(value, def);
  return ValueHasType(value, def);
}

std::string PropertyDef::TypeText() const {
  std::string text(TypeName(type));
  if (is_list) text += "[]";
  return text;
}

absl::StatusOr<PropertyDef> PropertyDef::Parse(std::string_view name, std::string_view type_text,
                                               bool required) {
  PropertyDef def;
  def.name = std::string(name);
  def.required = required;
  std::string_view base = type_text;
  if (base.size() > 2 && base.substr(base.size() - 2) == "[]") {
    def.is_list = true;
    base.remove_suffix(2);
  }
  if (base == "int" || base == "long" || base == "integer") {
    def.type = Value::Type::kInt;
  } else if (base == "double" || base == "float") {
    def.type = Value::Type::kDouble;
  } else if (base == "boolean" || base == "bool") {
    def.type = Value::Type::kBool;
  } else if (base == "string") {
    def.type = Value::Type::kString;
  } else {
    return absl::InvalidArgumentError(
        StrCat("property '", name, "': unknown type '", type_text,
                     "' (expected int, double, boolean or string, optionally followed by [])"));
  }
  if (name.empty()) return absl::InvalidArgumentError("property name is empty");
  return def;
}

template <typename Def>
absl::Status Catalog::AddOptionalProperty(std::vector<Def>& defs, std::string_view kind,
                                          std::string_view owner, PropertyDef def) {
  for (Def& d : defs) {
    if (d.name != owner) continue;
    if (d.FindProperty(def.name) != nullptr) {
      return absl::AlreadyExistsError(
          StrCat(kind, " '", owner, "' already declares property '", def.name, "'"));
    }
    // A required property would make stored data invalid without a rewrite.
    if (def.required) {
      return absl::InvalidArgumentError(StrCat("property '", def.name,
                                               "' cannot be added as required: existing ",
                                               owner, " data does not have it"));
    }
    InternPropertyKey(def.name);
    d.properties.push_back(std::move(def));
    return absl::OkStatus();
  }
  return absl::NotFoundError(StrCat(kind, " '", owner, "' is not declared"));
}

const PropertyDef* LabelDef::FindProperty(std::string_view property) const {
  return FindIn<LabelDef>(properties, property);
}

const PropertyDef* EdgeTypeDef::FindProperty(std::string_view property) const {
  return FindIn<EdgeTypeDef>(properties, property);
}

Catalog Catalog::Free() { return Catalog(); }

std::optional<LabelId> Catalog::FindLabel(std::string_view name) const {
  return Find(name, label_ids_);
}
std::optional<PropertyKeyId> Catalog::FindPropertyKey(std::string_view name) const {
  return Find(name, property_ids_);
}
std::optional<EdgeTypeId> Catalog::FindEdgeType(std::string_view name) const {
  return Find(name, edge_type_ids_);
}
LabelId Catalog::InternLabel(std::string_view name) {
  return Intern(name, label_names_, label_ids_);
}
PropertyKeyId Catalog::InternPropertyKey(std::string_view name) {
  return Intern(name, property_names_, property_ids_);
}
EdgeTypeId Catalog::InternEdgeType(std::string_view name) {
  return Intern(name, edge_type_names_, edge_type_ids_);
}

const LabelDef* Catalog::FindLabelDef(std::string_view name) const {
  for (const LabelDef& d : labels_) {
    if (d.name == name) return &d;
  }
  return nullptr;
}

const EdgeTypeDef* Catalog::FindEdgeTypeDef(std::string_view name) const {
  for (const EdgeTypeDef& d : edge_types_) {
    if (d.name == name) return &d;
  }
  return nullptr;
}

absl::Status Catalog::AddLabel(LabelDef def) {
  if (def.name.empty()) return absl::InvalidArgumentError("label name is empty");
  if (FindLabelDef(def.name) != nullptr) {
    return absl::AlreadyExistsError(StrCat("label '", def.name, "' is already declared"));
  }
  if (FindLabel(def.name)) {
    // Stored nodes may already carry it and would have to be checked first.
    return absl::FailedPreconditionError(StrCat(
        "label '", def.name, "' is already in use by undeclared data and cannot be declared"));
  }
  if (!def.key_property.empty()) {
    const PropertyDef* key = def.FindProperty(def.key_property);
    if (key == nullptr) {
      return absl::InvalidArgumentError(StrCat("label '", def.name, "': key property '",
                                                     def.key_property, "' is not declared"));
    }
    if (key->is_list) {
      return absl::InvalidArgumentError(
          StrCat("label '", def.name, "': key property '", def.key_property,
                       "' cannot be a list"));
    }
  }
  for (const std::string& lookup : def.lookup_properties) {
    if (def.FindProperty(lookup) == nullptr) {
      return absl::InvalidArgumentError(StrCat("label '", def.name, "': lookup property '",
                                                     lookup, "' is not declared"));
    }
  }
  InternLabel(def.name);
  for (const PropertyDef& p : def.properties) InternPropertyKey(p.name);
  labels_.push_back(std::move(def));
  return absl::OkStatus();
}

absl::Status Catalog::AddLabelProperty(std::string_view label, PropertyDef def) {
  return AddOptionalProperty(labels_, "label", label, std::move(def));
}

absl::Status Catalog::AddEdgeType(EdgeTypeDef def) {
  if (def.name.empty()) return absl::InvalidArgumentError("relationship type name is empty");
  if (FindEdgeTypeDef(def.name) != nullptr) {
    return absl::AlreadyExistsError(
        StrCat("relationship type '", def.name, "' is already declared"));
  }
  if (FindEdgeType(def.name)) {
    return absl::FailedPreconditionError(
        StrCat("relationship type '", def.name,
                     "' is already in use by undeclared data and cannot be declared"));
  }
  if (mode_ == SchemaMode::kEnforced) {
    for (const std::string* endpoint : {&def.from_label, &def.to_label}) {
      if (FindLabelDef(*endpoint) == nullptr) {
        return absl::InvalidArgumentError(StrCat("relationship type '", def.name,
                                                       "': label '", *endpoint,
                                                       "' is not declared"));
      }
    }
  }
  InternEdgeType(def.name);
  for (const PropertyDef& p : def.properties) InternPropertyKey(p.name);
  edge_types_.push_back(std::move(def));
  return absl::OkStatus();
}

absl::Status Catalog::AddEdgeTypeProperty(std::string_view type, PropertyDef def) {
  return AddOptionalProperty(edge_types_, "relationship type", type, std::move(def));
}

absl::Status Catalog::ValidateNode(const std::vector<std::string>& labels,
                                   PropertyMap& properties, bool check_required) const {
  std::vector<const LabelDef*> defs;
  for (const std::string& label : labels) {
    const LabelDef* def = FindLabelDef(label);
    if (def == nullptr) {
      if (mode_ == SchemaMode::kFree) continue;
      std::vector<std::string> known;
      for (const LabelDef& d : labels_) known.push_back(d.name);
      return absl::InvalidArgumentError(StrCat("schema violation: unknown label '", label,
                                                     "' (declared: ",
                                                     absl::StrJoin(known, ", "), ")"));
    }
    defs.push_back(def);
  }
  if (mode_ == SchemaMode::kEnforced && labels.empty()) {
    return absl::InvalidArgumentError("schema violation: a node needs a label");
  }
  for (auto& [name, value] : properties) {
    if (value.is_null()) continue;
    const PropertyDef* found = nullptr;
    const LabelDef* owner = nullptr;
    for (const LabelDef* def : defs) {
      if ((found = def->FindProperty(name)) != nullptr) {
        owner = def;
        break;
      }
    }
    if (found == nullptr) {
      if (mode_ == SchemaMode::kFree) continue;
      return absl::InvalidArgumentError(
          StrCat("schema violation: label ", absl::StrJoin(labels, ":"),
                       " has no property '", name, "' (value ", value.ToString(), ")"));
    }
    if (absl::Status s = CheckProperty("label", owner->name, *found, value); !s.ok()) return s;
  }
  for (const LabelDef* def : defs) {
    if (!check_required) break;
    for (const PropertyDef& p : def->properties) {
      if (!p.required) continue;
      auto it = properties.find(p.name);
      if (it == properties.end() || it->second.is_null()) {
        return absl::InvalidArgumentError(StrCat("schema violation: label ", def->name,
                                                       " requires property '", p.name, "'"));
      }
    }
  }
  return absl::OkStatus();
}

absl::Status Catalog::ValidateEdge(std::string_view type,
                                   const std::vector<std::string>& from_labels,
                                   const std::vector<std::string>& to_labels,
                                   PropertyMap& properties, bool check_required) const {
  const EdgeTypeDef* def = FindEdgeTypeDef(type);
  if (def == nullptr) {
    if (mode_ == SchemaMode::kFree) return absl::OkStatus();
    std::vector<std::string> known;
    for (const EdgeTypeDef& d : edge_types_) known.push_back(d.name);
    return absl::InvalidArgumentError(StrCat("schema violation: unknown relationship type '",
                                                   type, "' (declared: ",
                                                   absl::StrJoin(known, ", "), ")"));
  }
  auto has = [](const std::vector<std::string>& labels, const std::string& label) {
    return std::find(labels.begin(), labels.end(), label) != labels.end();
  };
  if (!has(from_labels, def->from_label) || !has(to_labels, def->to_label)) {
    return absl::InvalidArgumentError(StrCat(
        "schema violation: relationship type ", type, " goes from ", def->from_label, " to ",
        def->to_label, ", not from ", absl::StrJoin(from_labels, ":"), " to ",
        absl::StrJoin(to_labels, ":")));
  }
  for (auto& [name, value] : properties) {
    if (value.is_null()) continue;
    const PropertyDef* p = def->FindProperty(name);
    if (p == nullptr) {
      if (mode_ == SchemaMode::kFree) continue;
      return absl::InvalidArgumentError(StrCat("schema violation: relationship type ", type,
                                                     " has no property '", name, "' (value ",
                                                     value.ToString(), ")"));
    }
    if (absl::Status s = CheckProperty("relationship type", type, *p, value); !s.ok()) return s;
  }
  for (const PropertyDef& p : def->properties) {
    if (!p.required || !check_required) continue;
    auto it = properties.find(p.name);
    if (it == properties.end() || it->second.is_null()) {
      return absl::InvalidArgumentError(StrCat("schema violation: relationship type ", type,
                                                     " requires property '", p.name, "'"));
    }
  }
  return absl::OkStatus();
}

namespace {

void WriteProperties(const std::vector<PropertyDef>& defs,
                     capnp::List<PropertyDefRecord>::Builder out) {
  for (size_t i = 0; i < defs.size(); ++i) {
    auto b = out[i];
    b.setName(defs[i].name);
    b.setType(static_cast<uint8_t>(defs[i].type));
    b.setIsList(defs[i].is_list);
    b.setRequired(defs[i].required);
  }
}

absl::StatusOr<std::vector<PropertyDef>> ReadProperties(
    capnp::List<PropertyDefRecord>::Reader in) {
  std::vector<PropertyDef> defs;
  for (auto r : in) {
    if (r.getType() > static_cast<uint8_t>(Value::Type::kString)) {
      return absl::DataLossError(StrCat("catalog: property '", r.getName().cStr(),
                                              "' has unknown type code ", r.getType()));
    }
    defs.push_back(PropertyDef{r.getName().cStr(), static_cast<Value::Type>(r.getType()),
                               r.getIsList(), r.getRequired()});
  }
  return defs;
}

template <typename List>
void WriteNames(const std::vector<std::string>& names, List out) {
  for (size_t i = 0; i < names.size(); ++i) out.set(i, names[i]);
}

}  // namespace

std::string Catalog::Serialize() const {
  capnp::MallocMessageBuilder message;
  auto root = message.initRoot<CatalogRecord>();
  root.setEnforced(mode_ == SchemaMode::kEnforced);
  WriteNames(label_names_, root.initLabelNames(label_names_.size()));
  WriteNames(property_names_, root.initPropertyNames(property_names_.size()));
  WriteNames(edge_type_names_, root.initEdgeTypeNames(edge_type_names_.size()));
  auto labels = root.initLabels(labels_.size());
  for (size_t i = 0; i < labels_.size(); ++i) {
    labels[i].setName(labels_[i].name);
    labels[i].setKeyProperty(labels_[i].key_property);
    WriteProperties(labels_[i].properties, labels[i].initProperties(labels_[i].properties.size()));
    WriteNames(labels_[i].lookup_properties,
               labels[i].initLookupProperties(labels_[i].lookup_properties.size()));
  }
  auto types = root.initEdgeTypes(edge_types_.size());
  for (size_t i = 0; i < edge_types_.size(); ++i) {
    types[i].setName(edge_types_[i].name);
    types[i].setFromLabel(edge_types_[i].from_label);
    types[i].setToLabel(edge_types_[i].to_label);
    WriteProperties(edge_types_[i].properties,
                    types[i].initProperties(edge_types_[i].properties.size()));
  }
  kj::Array<capnp::word> words = capnp::messageToFlatArray(message);
  auto bytes = words.asBytes();
  return std::string(reinterpret_cast<const char*>(bytes.begin()), bytes.size());
}

absl::StatusOr<Catalog> Catalog::Deserialize(std::string_view bytes) {
  if (bytes.size() % sizeof(capnp::word) != 0) {
    return absl::DataLossError("catalog record has a truncated length");
  }
  // Copy into word-aligned memory: Cap'n Proto 0.9 rejects unaligned buffers.
  kj::Array<capnp::word> words = kj::heapArray<capnp::word>(bytes.size() / sizeof(capnp::word));
  std::memcpy(words.begin(), bytes.data(), bytes.size());
  Catalog catalog;
  kj::Maybe<kj::Exception> error = kj::runCatchingExceptions([&]() {
    capnp::FlatArrayMessageReader reader(words);
    auto root = reader.getRoot<CatalogRecord>();
    catalog.mode_ = root.getEnforced() ? SchemaMode::kEnforced : SchemaMode::kFree;
    for (auto n : root.getLabelNames()) catalog.InternLabel(n.cStr());
    for (auto n : root.getPropertyNames()) catalog.InternPropertyKey(n.cStr());
    for (auto n : root.getEdgeTypeNames()) catalog.InternEdgeType(n.cStr());
    for (auto l : root.getLabels()) {
      LabelDef def;
      def.name = l.getName().cStr();
      def.key_property = l.getKeyProperty().cStr();
      auto props = ReadProperties(l.getProperties());
      if (!props.ok()) kj::throwFatalException(KJ_EXCEPTION(FAILED, props.status().ToString()));
      def.properties = *std::move(props);
      for (auto n : l.getLookupProperties()) def.lookup_properties.emplace_back(n.cStr());
      catalog.labels_.push_back(std::move(def));
    }
    for (auto t : root.getEdgeTypes()) {
      EdgeTypeDef def;
      def.name = t.getName().cStr();
      def.from_label = t.getFromLabel().cStr();
      def.to_label = t.getToLabel().cStr();
      auto props = ReadProperties(t.getProperties());
      if (!props.ok()) kj::throwFatalException(KJ_EXCEPTION(FAILED, props.status().ToString()));
      def.properties = *std::move(props);
      catalog.edge_types_.push_back(std::move(def));
    }
  });
  KJ_IF_MAYBE(e, error) {
    return absl::DataLossError(
        StrCat("catalog record does not decode: ", e->getDescription().cStr()));
  }
  return catalog;
}

}  // namespace alliance::schema
