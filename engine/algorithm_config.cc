#include "engine/algorithm_config.h"

#include <algorithm>

#include "absl/strings/str_join.h"
#include "schema/status_macros.h"
#include "schema/str_cat.h"

namespace alliance {

absl::StatusOr<AlgorithmConfig> AlgorithmConfig::From(std::string procedure,
                                                      const Value& config) {
  if (config.is_null()) return AlgorithmConfig(std::move(procedure), {});
  if (config.type() != Value::Type::kMap) {
    return absl::InvalidArgumentError(
        StrCat(procedure, ": the configuration must be a map, got ", config.ToString()));
  }
  return AlgorithmConfig(std::move(procedure), config.as_map());
}

absl::Status AlgorithmConfig::Error(const std::string& key, const std::string& problem) const {
  return absl::InvalidArgumentError(StrCat(procedure_, ": configuration key '", key, "' ",
                                           problem));
}

const Value* AlgorithmConfig::Find(const std::string& key) {
  known_.insert(key);
  auto it = values_.find(key);
  return it == values_.end() || it->second.is_null() ? nullptr : &it->second;
}

absl::StatusOr<bool> AlgorithmConfig::Bool(const std::string& key, bool fallback) {
  const Value* v = Find(key);
  if (v == nullptr) return fallback;
  if (v->type() != Value::Type::kBool) return Error(key, "must be a boolean, got " + v->ToString());
  return v->as_bool();
}

absl::StatusOr<int64_t> AlgorithmConfig::Int(const std::string& key, int64_t fallback,
                                             int64_t min, int64_t max) {
  const Value* v = Find(key);
  if (v == nullptr) return fallback;
  if (v->type() != Value::Type::kInt) return Error(key, "must be an integer, got " + v->ToString());
  if (v->as_int() < min || v->as_int() > max) {
    return Error(key, StrCat("must be between ", min, " and ", max, ", got ", v->as_int()));
  }
  return v->as_int();
}

absl::StatusOr<double> AlgorithmConfig::Double(const std::string& key, double fallback,
                                               double min, double max) {
  const Value* v = Find(key);
  if (v == nullptr) return fallback;
  double d;
  if (v->type() == Value::Type::kInt) {
    d = static_cast<double>(v->as_int());
  } else if (v->type() == Value::Type::kDouble) {
    d = v->as_double();
  } else {
    return Error(key, "must be a number, got " + v->ToString());
  }
  if (!(d >= min && d <= max)) {
    return Error(key, StrCat("must be between ", min, " and ", max, ", got ", v->ToString()));
  }
  return d;
}

absl::StatusOr<std::string> AlgorithmConfig::String(const std::string& key, std::string fallback,
                                                    const std::vector<std::string>& allowed) {
  const Value* v = Find(key);
  if (v == nullptr) return fallback;
  if (v->type() != Value::Type::kString) return Error(key, "must be a string, got " + v->ToString());
  if (!allowed.empty() &&
      std::find(allowed.begin(), allowed.end(), v->as_string()) == allowed.end()) {
    return Error(key, StrCat("must be one of '", absl::StrJoin(allowed, "', '"), "', got '",
                             v->as_string(), "'"));
  }
  return v->as_string();
}

absl::StatusOr<std::vector<std::string>> AlgorithmConfig::Strings(
    const std::string& key, std::vector<std::string> fallback) {
  const Value* v = Find(key);
  if (v == nullptr) return fallback;
  if (v->type() == Value::Type::kString) return std::vector<std::string>{v->as_string()};
  if (v->type() == Value::Type::kList) {
    std::vector<std::string> out;
    for (const Value& e : v->as_list()) {
      if (e.type() != Value::Type::kString) {
        return Error(key, "must be a string or a list of strings, got " + v->ToString());
      }
      out.push_back(e.as_string());
    }
    return out;
  }
  return Error(key, "must be a string or a list of strings, got " + v->ToString());
}

absl::StatusOr<SnapshotSpec> AlgorithmConfig::Selection(std::vector<std::string> default_labels,
                                                        std::vector<std::string> default_types,
                                                        bool default_directed) {
  SnapshotSpec spec;
  ASSIGN_OR_RETURN(spec.node_labels, Strings("nodeLabels", std::move(default_labels)));
  ASSIGN_OR_RETURN(spec.edge_types, Strings("relationshipTypes", std::move(default_types)));
  ASSIGN_OR_RETURN(spec.directed, Bool("directed", default_directed));
  ASSIGN_OR_RETURN(spec.weight_property, String("weightProperty", ""));
  ASSIGN_OR_RETURN(spec.default_weight, Double("defaultWeight", 1.0, -1e300, 1e300));
  ASSIGN_OR_RETURN(spec.roll_up_type, String("rollUp", ""));
  return spec;
}

absl::StatusOr<unsigned> AlgorithmConfig::Threads() {
  ASSIGN_OR_RETURN(int64_t threads, Int("threads", 0, 0, 1024));
  return static_cast<unsigned>(threads);
}

absl::Status AlgorithmConfig::CheckAllUsed() const {
  for (const auto& [key, value] : values_) {
    if (known_.count(key) == 0) {
      return absl::InvalidArgumentError(StrCat(procedure_, ": unknown configuration key '", key,
                                               "' (known: ", absl::StrJoin(known_, ", "), ")"));
    }
  }
  return absl::OkStatus();
}

}  // namespace alliance
