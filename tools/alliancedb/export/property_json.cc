#include "property_json.h"

#include <cmath>

#include "schema/str_cat.h"

namespace alliance::tools {

absl::StatusOr<nlohmann::ordered_json> PropertyToJson(const Value& value) {
  switch (value.type()) {
    case Value::Type::kNull:
      return nullptr;
    case Value::Type::kBool:
      return value.as_bool();
    case Value::Type::kInt:
      return value.as_int();
    case Value::Type::kDouble:
      // nlohmann would write null, which reads back as an absent property.
      if (!std::isfinite(value.as_double())) {
        return absl::InvalidArgumentError(
            StrCat("the value ", value.ToString(), " has no JSON form"));
      }
      return value.as_double();
    case Value::Type::kString:
      return value.as_string();
    case Value::Type::kList: {
      nlohmann::ordered_json list = nlohmann::ordered_json::array();
      for (const Value& element : value.as_list()) {
        absl::StatusOr<nlohmann::ordered_json> j = PropertyToJson(element);
        if (!j.ok()) return j.status();
        list.push_back(*std::move(j));
      }
      return list;
    }
    default:
      return absl::InvalidArgumentError(
          StrCat("a ", TypeName(value.type()), " is not a property value"));
  }
}

absl::StatusOr<nlohmann::ordered_json> PropertiesToJson(const PropertyMap& properties) {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (const auto& [name, value] : properties) {
    absl::StatusOr<nlohmann::ordered_json> j = PropertyToJson(value);
    if (!j.ok())
      return absl::InvalidArgumentError(StrCat("property '", name, "': ", j.status().message()));
    object[name] = *std::move(j);
  }
  return object;
}

namespace {

absl::StatusOr<Value> ScalarFromJson(const nlohmann::ordered_json& json) {
  switch (json.type()) {
    case nlohmann::ordered_json::value_t::null:
      return Value();
    case nlohmann::ordered_json::value_t::boolean:
      return Value::Bool(json.get<bool>());
    case nlohmann::ordered_json::value_t::number_integer:
      return Value::Int(json.get<int64_t>());
    case nlohmann::ordered_json::value_t::number_unsigned: {
      const uint64_t u = json.get<uint64_t>();
      if (u > static_cast<uint64_t>(INT64_MAX)) {
        return absl::InvalidArgumentError(StrCat("the integer ", u, " does not fit in 64 bits"));
      }
      return Value::Int(static_cast<int64_t>(u));
    }
    case nlohmann::ordered_json::value_t::number_float:
      return Value::Double(json.get<double>());
    case nlohmann::ordered_json::value_t::string:
      return Value::String(json.get<std::string>());
    case nlohmann::ordered_json::value_t::array:
      return absl::InvalidArgumentError("a list inside a list is not a property value");
    default:
      return absl::InvalidArgumentError(
          StrCat("a JSON ", json.type_name(), " is not a property value"));
  }
}

}  // namespace

absl::StatusOr<Value> PropertyFromJson(const nlohmann::ordered_json& json) {
  if (!json.is_array()) return ScalarFromJson(json);
  Value::List list;
  list.reserve(json.size());
  for (const auto& element : json) {
    absl::StatusOr<Value> v = ScalarFromJson(element);
    if (!v.ok()) return v.status();
    list.push_back(*std::move(v));
  }
  return Value::MakeList(std::move(list));
}

std::string DumpJson(const nlohmann::ordered_json& json) {
  return json.dump(-1, ' ', /*ensure_ascii=*/false,
                   nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace alliance::tools
