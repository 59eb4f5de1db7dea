#include "query_parameter.h"

#include <nlohmann/json.hpp>

namespace alliance::tools {
namespace {

Value FromJson(const nlohmann::json& j) {
  if (j.is_null()) return Value();
  if (j.is_boolean()) return Value::Bool(j.get<bool>());
  if (j.is_number_integer()) return Value::Int(j.get<int64_t>());
  if (j.is_number()) return Value::Double(j.get<double>());
  if (j.is_string()) return Value::String(j.get<std::string>());
  if (j.is_array()) {
    Value::List l;
    for (const auto& e : j) l.push_back(FromJson(e));
    return Value::MakeList(std::move(l));
  }
  Value::Map m;
  for (const auto& [k, e] : j.items()) m.emplace(k, FromJson(e));
  return Value::MakeMap(std::move(m));
}

}  // namespace

absl::Status ParseQueryParameter(const std::string& text, PropertyMap& params) {
  const auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0) {
    return absl::InvalidArgumentError("--param '" + text + "' must be written name=value");
  }
  const std::string value = text.substr(eq + 1);
  nlohmann::json j = nlohmann::json::parse(value, nullptr, /*allow_exceptions=*/false);
  params[text.substr(0, eq)] = j.is_discarded() ? Value::String(value) : FromJson(j);
  return absl::OkStatus();
}

}  // namespace alliance::tools
