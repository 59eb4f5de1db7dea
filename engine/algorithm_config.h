// AlgorithmConfig: reads an analytics procedure's configuration map
// (`CALL algo.pageRank({dampingFactor: 0.9, ...})`) with typed defaults, and
// refuses keys the procedure does not know, naming the known ones.
#ifndef ALLIANCE_ENGINE_ALGORITHM_CONFIG_H_
#define ALLIANCE_ENGINE_ALGORITHM_CONFIG_H_

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "alliance/value.h"
#include "engine/graph_snapshot.h"

namespace alliance {

class AlgorithmConfig {
 public:
  // `procedure` prefixes error messages; `config` must be a map or null.
  static absl::StatusOr<AlgorithmConfig> From(std::string procedure, const Value& config);

  absl::StatusOr<bool> Bool(const std::string& key, bool fallback);
  absl::StatusOr<int64_t> Int(const std::string& key, int64_t fallback, int64_t min, int64_t max);
  absl::StatusOr<double> Double(const std::string& key, double fallback, double min, double max);
  absl::StatusOr<std::string> String(const std::string& key, std::string fallback,
                                     const std::vector<std::string>& allowed = {});
  // A string or a list of strings.
  absl::StatusOr<std::vector<std::string>> Strings(const std::string& key,
                                                   std::vector<std::string> fallback);
  // The graph selection keys: nodeLabels, relationshipTypes, directed,
  // weightProperty, defaultWeight, rollUp.
  absl::StatusOr<SnapshotSpec> Selection(std::vector<std::string> default_labels,
                                         std::vector<std::string> default_types,
                                         bool default_directed = false);
  // `threads`: 0 (the default) means one per core, which the algorithms
  // resolve themselves (analytics/source_partition.h).
  absl::StatusOr<unsigned> Threads();
  // Fails on any key no getter asked for.
  absl::Status CheckAllUsed() const;

  absl::Status Error(const std::string& key, const std::string& problem) const;
  const std::string& procedure() const { return procedure_; }

 private:
  AlgorithmConfig(std::string procedure, Value::Map values)
      : procedure_(std::move(procedure)), values_(std::move(values)) {}
  const Value* Find(const std::string& key);

  std::string procedure_;
  Value::Map values_;
  std::set<std::string> known_;
};

}  // namespace alliance

#endif  // ALLIANCE_ENGINE_ALGORITHM_CONFIG_H_
