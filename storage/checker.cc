#include "storage/checker.h"

#include <optional>

#include "absl/container/flat_hash_map.h"
#include "schema/str_cat.h"
#include "schema/status_macros.h"

namespace alliance::storage {
namespace {

class Problems {
 public:
  Problems(CheckReport& report, size_t max) : report_(report), max_(max) {}
  template <typename... Args>
  void Add(const Args&... args) {
    if (report_.problems.size() < max_) {
      report_.problems.push_back(StrCat(args...));
    } else {
      ++report_.problems_not_listed;
    }
  }

 private:
  CheckReport& report_;
  size_t max_;
};

}  // namespace

absl::StatusOr<CheckReport> CheckStore(const Transaction& txn, size_t max_problems) {
  CheckReport report;
  Problems problems(report, max_problems);
  const schema::Catalog& catalog = txn.catalog();

  // Nodes: decode, validate against the schema, and expect their index entries.
  absl::flat_hash_map<NodeId, std::vector<uint32_t>> labels_of;
  absl::Status scan = txn.ScanNodes([&](NodeId id, std::string_view bytes) {
    ++report.nodes;
    auto node = DecodeNodeRecord(bytes);
    if (!node.ok()) {
      problems.Add("node ", id, ": ", node.status().message());
      labels_of[id];
      return true;
    }
    labels_of[id] = node->labels;
    PropertyMap props = txn.PropertiesByName(node->properties);
    if (absl::Status s = catalog.ValidateNode(txn.LabelNames(node->labels), props); !s.ok()) {
      problems.Add("node ", id, ": ", s.message());
    }
    for (uint32_t label : node->labels) {
      auto entry = txn.Get(Cf::kLabelIdx, LabelIndexKey(label, id));
      if (!entry.ok() || !entry->has_value()) {
        problems.Add("node ", id, ": label index has no entry for label ",
                     txn.LabelNames({label}).front());
      }
      const schema::LabelDef* def =
          label < catalog.label_count() ? catalog.FindLabelDef(catalog.LabelName(label)) : nullptr;
      if (def == nullptr || def->key_property.empty()) continue;
      auto key = catalog.FindPropertyKey(def->key_property);
      auto it = key ? props.find(def->key_property) : props.end();
      if (it == props.end()) continue;
      auto holder = txn.FindByKey(label, *key, it->second);
      if (!holder.ok() || !holder->has_value() || **holder != id) {
        problems.Add("node ", id, ": unique index for ", def->name, ".", def->key_property, " = ",
                     it->second.ToString(), " does not point to it");
      }
    }
    return true;
  });
  RETURN_IF_ERROR(scan);

  // Label index entries must point to nodes that carry the label.
  for (uint32_t label = 0; label < catalog.label_count(); ++label) {
    RETURN_IF_ERROR(txn.ScanLabel(label, [&](NodeId id) {
      ++report.index_entries;
      auto it = labels_of.find(id);
      if (it == labels_of.end()) {
        problems.Add("label index: ", catalog.LabelName(label), " entry for missing node ", id);
      } else if (std::find(it->second.begin(), it->second.end(), label) == it->second.end()) {
        problems.Add("label index: node ", id, " is listed under ", catalog.LabelName(label),
                     " but does not have it");
      }
      return true;
    }));
  }

  // Unique and lookup index entries must point to a live node holding the
  // indexed value.
  auto indexed_value_matches = [&](uint32_t label, uint32_t property, NodeId id,
                                   std::string_view key, bool unique) {
    auto node = txn.GetNode(id);
    if (!node.ok() || !node->has_value()) return false;
    const auto& labels = (*node)->labels;
    if (std::find(labels.begin(), labels.end(), label) == labels.end()) return false;
    for (const auto& [k, v] : (*node)->properties) {
      if (k != property) continue;
      std::vector<Value> values = v.type() == Value::Type::kList ? v.as_list() : std::vector{v};
      for (const Value& value : values) {
        auto expected = UniqueIndexKey(label, property, value);
        if (!expected.ok()) continue;
        if (!unique) AppendU64(*expected, id);
        if (*expected == key) return true;
      }
    }
    return false;
  };
  RETURN_IF_ERROR(txn.ScanPrefix(Cf::kUniqueIdx, "", [&](std::string_view key,
                                                         std::string_view value) {
    ++report.index_entries;
    if (key.size() < 9 || value.size() != kNodeKeySize ||
        !indexed_value_matches(ReadU32(key.data()), ReadU32(key.data() + 4),
                               ReadU64(value.data()), key, true)) {
      problems.Add("unique index: an entry does not match its node (",
                   value.size() == kNodeKeySize ? StrCat("node ", ReadU64(value.data()))
                                                : std::string("damaged value"),
                   ")");
    }
    return true;
  }));
  RETURN_IF_ERROR(txn.ScanPrefix(Cf::kLookupIdx, "", [&](std::string_view key, std::string_view) {
    ++report.index_entries;
    const NodeId id = key.size() >= 17 ? ReadU64(key.data() + key.size() - 8) : 0;
    if (key.size() < 17 ||
        !indexed_value_matches(ReadU32(key.data()), ReadU32(key.data() + 4), id, key, false)) {
      problems.Add("lookup index: an entry does not match its node (node ", id, ")");
    }
    return true;
  }));

  // Edges: each `out` entry has its `in` twin and live endpoints, and follows
  // the schema.
  RETURN_IF_ERROR(txn.ScanEdges([&](const EdgeKey& e, std::string_view record) {
    ++report.edges;
    auto src = labels_of.find(e.src);
    auto dst = labels_of.find(e.dst);
    if (src == labels_of.end()) problems.Add("relationship ", e.id, ": start node ", e.src, " is missing");
    if (dst == labels_of.end()) problems.Add("relationship ", e.id, ": end node ", e.dst, " is missing");
    // A point lookup, not a scan of dst's in-edges: hubs have thousands.
    auto twin = txn.Get(Cf::kIn, e.InKey());
    if (!twin.ok() || !twin->has_value()) {
      problems.Add("relationship ", e.id, " (", e.src, ")->(", e.dst,
                   "): the `in` column family has no matching entry");
    }
    auto props = DecodeEdgeRecord(record);
    if (!props.ok()) {
      problems.Add("relationship ", e.id, ": ", props.status().message());
    } else if (src != labels_of.end() && dst != labels_of.end() &&
               e.type < catalog.edge_type_count()) {
      PropertyMap map = txn.PropertiesByName(*props);
      absl::Status valid = catalog.ValidateEdge(catalog.EdgeTypeName(e.type),
                                                txn.LabelNames(src->second),
                                                txn.LabelNames(dst->second), map);
      if (!valid.ok()) problems.Add("relationship ", e.id, ": ", valid.message());
    }
    return true;
  }));

  // Every `in` entry must have its `out` twin.
  RETURN_IF_ERROR(txn.ScanPrefix(Cf::kIn, "", [&](std::string_view key, std::string_view) {
    auto e = EdgeKey::DecodeIn(key);
    if (!e.ok()) {
      problems.Add("an `in` key does not decode: ", e.status().message());
      return true;
    }
    auto out = txn.Get(Cf::kOut, e->OutKey());
    if (!out.ok() || !out->has_value()) {
      problems.Add("relationship ", e->id, " (", e->src, ")->(", e->dst,
                   "): `in` entry without an `out` entry");
    }
    return true;
  }));
  return report;
}

}  // namespace alliance::storage
