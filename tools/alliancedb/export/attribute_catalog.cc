#include "attribute_catalog.h"

#include <charconv>
#include <cmath>

#include "property_json.h"

namespace alliance::tools {

AttributeType AttributeTypeOf(const Value& value) {
  switch (value.type()) {
    case Value::Type::kInt:
      return AttributeType::kLong;
    case Value::Type::kDouble:
      return AttributeType::kDouble;
    case Value::Type::kBool:
      return AttributeType::kBoolean;
    default:
      return AttributeType::kString;
  }
}

absl::StatusOr<std::string> AttributeText(const Value& value) {
  switch (value.type()) {
    case Value::Type::kInt:
      return std::to_string(value.as_int());
    case Value::Type::kDouble: {
      const double d = value.as_double();
      if (std::isnan(d)) return std::string("NaN");
      if (std::isinf(d)) return std::string(d > 0 ? "INF" : "-INF");
      char buf[32];
      const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
      return std::string(buf, end);
    }
    case Value::Type::kBool:
      return std::string(value.as_bool() ? "true" : "false");
    case Value::Type::kString:
      return value.as_string();
    default: {
      absl::StatusOr<nlohmann::ordered_json> j = PropertyToJson(value);
      if (!j.ok()) return j.status();
      return DumpJson(*j);
    }
  }
}

std::string LabelsAttribute(const std::vector<std::string>& labels) {
  std::string text;
  for (const std::string& label : labels) text += ":" + label;
  return text;
}

void AttributeCatalog::DeclareFixed(const std::string& name, AttributeType type) {
  attributes_.push_back(Attribute{name, type, attributes_.size()});
}

void AttributeCatalog::Observe(const PropertyMap& properties) {
  for (const auto& [name, value] : properties) {
    const AttributeType type = AttributeTypeOf(value);
    auto [it, inserted] = by_name_.emplace(name, attributes_.size());
    if (inserted) {
      attributes_.push_back(Attribute{name, type, attributes_.size()});
    } else if (attributes_[it->second].type != type) {
      attributes_[it->second].type = AttributeType::kString;
    }
  }
}

const AttributeCatalog::Attribute* AttributeCatalog::Find(const std::string& name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : &attributes_[it->second];
}

std::string_view XmlTypeName(AttributeType type) {
  switch (type) {
    case AttributeType::kLong:
      return "long";
    case AttributeType::kDouble:
      return "double";
    case AttributeType::kBoolean:
      return "boolean";
    case AttributeType::kString:
      break;
  }
  return "string";
}

}  // namespace alliance::tools
