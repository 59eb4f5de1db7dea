// The jsonl export: APOC's apoc.export.json line format, which
// `alliancedb import --jsonl` reads back.
//
//   {"type":"node","id":"7","labels":["Organisation"],"properties":{"name":"KAIST",...}}
//   {"type":"relationship","id":"3","label":"MEMBER_OF",
//    "start":{"id":"7","labels":["Organisation"]},"end":{"id":"9","labels":["Consortium"]},
//    "properties":{"since":2025,...}}
//
// As in APOC, ids are strings, and `labels` and `properties` are left out
// when empty.
#include "format_writers.h"
#include "property_json.h"
#include "schema/str_cat.h"

namespace alliance::tools {
namespace {

using Json = nlohmann::ordered_json;

// The only stored values JSON cannot hold are NaN and the infinities.
constexpr std::string_view kCsvFormatHint = "; --format csv keeps it";

class JsonlWriter final : public GraphWriter {
 public:
  explicit JsonlWriter(std::ostream& out) : out_(out) {}

  absl::Status Begin() override { return absl::OkStatus(); }

  absl::Status WriteNode(const Node& node, std::string_view) override {
    Json j = {{"type", "node"}, {"id", std::to_string(node.id)}};
    if (!node.labels.empty()) j["labels"] = node.labels;
    if (absl::Status s = AddProperties(node.properties, j); !s.ok()) {
      return absl::InvalidArgumentError(
          StrCat("node ", node.id, " (", DisplayName(node), "): ", s.message(), kCsvFormatHint));
    }
    return WriteLine(j);
  }

  absl::Status WriteRelationship(const Relationship& rel,
                                 const std::vector<std::string>& start_labels,
                                 const std::vector<std::string>& end_labels) override {
    Json j = {{"type", "relationship"},
              {"id", std::to_string(rel.id)},
              {"label", rel.type},
              {"start", End(rel.start, start_labels)},
              {"end", End(rel.end, end_labels)}};
    if (absl::Status s = AddProperties(rel.properties, j); !s.ok()) {
      return absl::InvalidArgumentError(
          StrCat("relationship ", rel.id, ": ", s.message(), kCsvFormatHint));
    }
    return WriteLine(j);
  }

  absl::Status Finish() override {
    out_.flush();
    return StreamStatus(out_);
  }

 private:
  static Json End(NodeId id, const std::vector<std::string>& labels) {
    Json j = {{"id", std::to_string(id)}};
    if (!labels.empty()) j["labels"] = labels;
    return j;
  }

  static absl::Status AddProperties(const PropertyMap& properties, Json& j) {
    if (properties.empty()) return absl::OkStatus();
    absl::StatusOr<Json> object = PropertiesToJson(properties);
    if (!object.ok()) return object.status();
    j["properties"] = *std::move(object);
    return absl::OkStatus();
  }

  absl::Status WriteLine(const Json& j) {
    out_ << DumpJson(j) << '\n';
    return StreamStatus(out_);
  }

  std::ostream& out_;
};

}  // namespace

std::unique_ptr<GraphWriter> MakeJsonlWriter(std::ostream& out) {
  return std::make_unique<JsonlWriter>(out);
}

}  // namespace alliance::tools
