// Whole-graph analytics procedures: brokers (articulation points, bridges),
// cliques, shortest paths between two nodes, and the overlap of one side of
// the membership graph (shared members, Jaccard, overlap coefficient, cosine)
// with its weighted projection.
#include <algorithm>

#include "engine/algorithm_config.h"
#include "engine/analytics/biconnected_structure.h"
#include "engine/analytics/maximal_cliques.h"
#include "engine/analytics/overlap_similarity.h"
#include "engine/analytics/shortest_paths.h"
#include "engine/analytics/two_mode_projection.h"
#include "engine/analytics_procedures.h"
#include "schema/catalog.h"
#include "schema/status_macros.h"
#include "schema/str_cat.h"
#include "storage/transaction.h"

namespace alliance {
namespace {

using analytics::VertexIndex;
using Rows = std::vector<std::vector<Value>>;

struct Call {
  AlgorithmConfig config;
  SnapshotSpec spec;
  unsigned threads = 1;
};

absl::StatusOr<Call> Begin(const std::string& name, const Value& config_value,
                           std::vector<std::string> labels, std::vector<std::string> types) {
  ASSIGN_OR_RETURN(AlgorithmConfig config, AlgorithmConfig::From(name, config_value));
  ASSIGN_OR_RETURN(SnapshotSpec spec, config.Selection(std::move(labels), std::move(types)));
  ASSIGN_OR_RETURN(unsigned threads, config.Threads());
  return Call{std::move(config), std::move(spec), threads};
}

absl::StatusOr<Value> NodeList(const storage::Transaction& txn, const GraphSnapshot& s,
                               const std::vector<VertexIndex>& vertices) {
  Value::List nodes;
  for (VertexIndex v : vertices) {
    ASSIGN_OR_RETURN(Value node, VertexNode(txn, s, v));
    nodes.push_back(std::move(node));
  }
  return Value::MakeList(std::move(nodes));
}

// A procedure argument naming a node: a node value, or the key (name) of a
// node of one of the selected labels.
absl::StatusOr<VertexIndex> ResolveEndpoint(const std::string& procedure, const std::string& what,
                                            const Value& arg, const storage::Transaction& txn,
                                            const GraphSnapshot& s) {
  std::optional<NodeId> id;
  if (arg.type() == Value::Type::kNode) {
    id = arg.as_node().id;
  } else if (arg.type() == Value::Type::kString) {
    const schema::Catalog& catalog = txn.catalog();
    for (const std::string& label : s.spec().node_labels) {
      auto label_id = catalog.FindLabel(label);
      const schema::LabelDef* def = catalog.FindLabelDef(label);
      const std::string key = def != nullptr && !def->key_property.empty() ? def->key_property
                                                                           : "name";
      auto key_id = catalog.FindPropertyKey(key);
      if (!label_id || !key_id) continue;
      ASSIGN_OR_RETURN(std::optional<NodeId> found, txn.FindByKey(*label_id, *key_id, arg));
      if (found) {
        id = found;
        break;
      }
    }
    if (!id) {
      return absl::NotFoundError(StrCat(procedure, ": no selected node is called ",
                                        arg.ToString(), " (", what, ")"));
    }
  } else {
    return absl::InvalidArgumentError(
        StrCat(procedure, ": ", what, " must be a node or a name, got ", arg.ToString()));
  }
  auto v = s.vertex_of(*id);
  if (!v) {
    return absl::InvalidArgumentError(
        StrCat(procedure, ": the ", what, " node is not in the selected graph"));
  }
  return *v;
}

absl::StatusOr<analytics::OverlapMetric> MetricNamed(AlgorithmConfig& c) {
  ASSIGN_OR_RETURN(std::string metric,
                   c.String("rankBy", "shared", {"shared", "jaccard", "overlap", "cosine"}));
  if (metric == "jaccard") return analytics::OverlapMetric::kJaccard;
  if (metric == "overlap") return analytics::OverlapMetric::kOverlapCoefficient;
  if (metric == "cosine") return analytics::OverlapMetric::kCosine;
  return analytics::OverlapMetric::kShared;
}

}  // namespace

void RegisterGraphStructureProcedures(query::ProcedureRegistry& registry, SnapshotCache& cache) {
  // Articulation points and bridges come from one biconnected-structure pass.
  auto structure_of = [&cache](const std::string& name, const query::ProcedureCall& call)
      -> absl::StatusOr<std::pair<std::shared_ptr<const GraphSnapshot>,
                                  analytics::BiconnectedStructure>> {
    ASSIGN_OR_RETURN(Call c, Begin(name, call.args.empty() ? Value() : call.args[0], {}, {}));
    RETURN_IF_ERROR(c.config.CheckAllUsed());
    c.spec.directed = false;
    ASSIGN_OR_RETURN(auto s, SnapshotFor(cache, call, c.spec));
    ASSIGN_OR_RETURN(auto structure, analytics::FindBiconnectedStructure(s->graph()));
    return std::pair{std::move(s), std::move(structure)};
  };
  registry.Register(
      {"algo.articulationPoints", {"config"}, 0, {"node"},
       "Nodes whose removal disconnects their component (brokers)"},
      [structure_of](const query::ProcedureCall& call) -> absl::StatusOr<Rows> {
        ASSIGN_OR_RETURN(auto found, structure_of("algo.articulationPoints", call));
        const auto& [s, structure] = found;
        Rows rows;
        for (VertexIndex v : structure.articulation_points) {
          ASSIGN_OR_RETURN(Value node, VertexNode(call.txn, *s, v));
          rows.push_back({std::move(node)});
        }
        return rows;
      });
  registry.Register(
      {"algo.bridges", {"config"}, 0, {"source", "target"},
       "Edges whose removal disconnects their component"},
      [structure_of](const query::ProcedureCall& call) -> absl::StatusOr<Rows> {
        ASSIGN_OR_RETURN(auto found, structure_of("algo.bridges", call));
        const auto& [s, structure] = found;
        Rows rows;
        for (auto [a, b] : structure.bridges) {
          ASSIGN_OR_RETURN(Value x, VertexNode(call.txn, *s, a));
          ASSIGN_OR_RETURN(Value y, VertexNode(call.txn, *s, b));
          rows.push_back({std::move(x), std::move(y)});
        }
        return rows;
      });
  registry.Register(
      {"algo.cliques", {"config"}, 0, {"clique", "size"},
       "Maximal cliques (Bron-Kerbosch with pivoting); minSize, maxCliques"},
      [&cache](const query::ProcedureCall& call) -> absl::StatusOr<Rows> {
        ASSIGN_OR_RETURN(
            Call c, Begin("algo.cliques", call.args.empty() ? Value() : call.args[0], {}, {}));
        analytics::MaximalCliqueOptions o;
        ASSIGN_OR_RETURN(int64_t min_size, c.config.Int("minSize", 1, 1, 1 << 30));
        ASSIGN_OR_RETURN(int64_t max_cliques, c.config.Int("maxCliques", 100000, 0, INT64_MAX));
        o.min_size = static_cast<size_t>(min_size);
        o.max_cliques = static_cast<size_t>(max_cliques);
        RETURN_IF_ERROR(c.config.CheckAllUsed());
        c.spec.directed = false;
        ASSIGN_OR_RETURN(auto s, SnapshotFor(cache, call, c.spec));
        auto result = analytics::FindMaximalCliques(s->graph(), o);
        Rows rows;
        for (const auto& clique : result.cliques) {
          ASSIGN_OR_RETURN(Value nodes, NodeList(call.txn, *s, clique));
          rows.push_back({std::move(nodes), Value::Int(static_cast<int64_t>(clique.size()))});
        }
        return rows;
      });
  registry.Register(
      {"algo.shortestPaths", {"from", "to", "config"}, 2, {"index", "path", "length", "via"},
       "All shortest paths between two nodes (nodes or names), with the nodes of viaLabel "
       "(default Consortium) each path runs through"},
      [&cache](const query::ProcedureCall& call) -> absl::StatusOr<Rows> {
        const std::string name = "algo.shortestPaths";
        ASSIGN_OR_RETURN(Call c, Begin(name, call.args.size() > 2 ? call.args[2] : Value(),
                                       kMembershipLabels, kMembershipTypes));
        ASSIGN_OR_RETURN(std::string via_label, c.config.String("viaLabel", "Consortium"));
        ASSIGN_OR_RETURN(int64_t max_paths, c.config.Int("maxPaths", 1000, 1, 1 << 30));
        RETURN_IF_ERROR(c.config.CheckAllUsed());
        ASSIGN_OR_RETURN(auto s, SnapshotFor(cache, call, c.spec));
        ASSIGN_OR_RETURN(VertexIndex from, ResolveEndpoint(name, "from", call.args[0], call.txn, *s));
        ASSIGN_OR_RETURN(VertexIndex to, ResolveEndpoint(name, "to", call.args[1], call.txn, *s));
        analytics::ShortestPathOptions o;
        o.use_weights = !c.spec.weight_property.empty();
        o.max_paths = static_cast<size_t>(max_paths);
        ASSIGN_OR_RETURN(auto paths, analytics::AllShortestPaths(s->graph(), from, to, o));
        std::optional<uint8_t> via_slot;
        for (size_t i = 0; i < s->spec().node_labels.size(); ++i) {
          if (s->spec().node_labels[i] == via_label) via_slot = static_cast<uint8_t>(i);
        }
        Rows rows;
        for (size_t i = 0; i < paths.size(); ++i) {
          double length = 0;
          for (size_t k = 0; k + 1 < paths[i].size(); ++k) {
            if (!o.use_weights) {
              length += 1;
              continue;
            }
            // The lightest parallel arc is the one a shortest path takes.
            double best = std::numeric_limits<double>::infinity();
            auto nbrs = s->graph().out_neighbors(paths[i][k]);
            auto ws = s->graph().out_weights(paths[i][k]);
            for (size_t j = 0; j < nbrs.size(); ++j) {
              if (nbrs[j] == paths[i][k + 1]) best = std::min(best, ws[j]);
            }
            length += best;
          }
          std::vector<VertexIndex> via;
          for (size_t k = 1; k + 1 < paths[i].size(); ++k) {
            if (via_slot && s->label_slot(paths[i][k]) == *via_slot) via.push_back(paths[i][k]);
          }
          ASSIGN_OR_RETURN(Value nodes, NodeList(call.txn, *s, paths[i]));
          ASSIGN_OR_RETURN(Value via_nodes, NodeList(call.txn, *s, via));
          rows.push_back({Value::Int(static_cast<int64_t>(i)), std::move(nodes),
                          o.use_weights ? Value::Double(length)
                                        : Value::Int(static_cast<int64_t>(length)),
                          std::move(via_nodes)});
        }
        return rows;
      });
  registry.Register(
      {"algo.overlap", {"config"}, 0,
       {"a", "b", "shared", "jaccard", "overlap", "cosine", "sharedMembers"},
       "Overlap of pairs on one side of a two-mode graph (compare: the label compared, default "
       "Consortium): shared neighbours, Jaccard, overlap coefficient, cosine; minShared, topK, "
       "rankBy, listShared, rollUp"},
      [&cache](const query::ProcedureCall& call) -> absl::StatusOr<Rows> {
        const std::string name = "algo.overlap";
        ASSIGN_OR_RETURN(Call c, Begin(name, call.args.empty() ? Value() : call.args[0],
                                       kMembershipLabels, kMembershipTypes));
        ASSIGN_OR_RETURN(std::string compare, c.config.String("compare", "Consortium"));
        analytics::OverlapOptions o;
        ASSIGN_OR_RETURN(int64_t min_shared, c.config.Int("minShared", 1, 1, UINT32_MAX));
        ASSIGN_OR_RETURN(int64_t top_k, c.config.Int("topK", 0, 0, INT64_MAX));
        ASSIGN_OR_RETURN(o.rank_by, MetricNamed(c.config));
        ASSIGN_OR_RETURN(int64_t list_shared, c.config.Int("listShared", 100, 0, INT64_MAX));
        RETURN_IF_ERROR(c.config.CheckAllUsed());
        if (c.spec.directed) return c.config.Error("directed", "must be false for overlap");
        ASSIGN_OR_RETURN(uint8_t slot, LabelSlot(name, c.spec, compare));
        o.min_shared = static_cast<uint32_t>(min_shared);
        o.top_k = static_cast<size_t>(top_k);
        o.list_shared = static_cast<size_t>(list_shared);
        o.threads = c.threads;
        ASSIGN_OR_RETURN(auto s, SnapshotFor(cache, call, c.spec));
        auto result = analytics::OverlapSimilarity(s->graph(), s->VerticesWithLabel(slot), o);
        Rows rows;
        for (const auto& p : result.pairs) {
          ASSIGN_OR_RETURN(Value a, VertexNode(call.txn, *s, p.a));
          ASSIGN_OR_RETURN(Value b, VertexNode(call.txn, *s, p.b));
          ASSIGN_OR_RETURN(Value members, NodeList(call.txn, *s, p.shared_neighbors));
          rows.push_back({std::move(a), std::move(b), Value::Int(p.shared),
                          Value::Double(p.jaccard), Value::Double(p.overlap),
                          Value::Double(p.cosine), std::move(members)});
        }
        return rows;
      });
  registry.Register(
      {"algo.projection", {"config"}, 0, {"a", "b", "weight"},
       "Weighted one-mode projection of a two-mode graph (project: the label kept, default "
       "Organisation; weight = neighbours shared); minShared, rollUp"},
      [&cache](const query::ProcedureCall& call) -> absl::StatusOr<Rows> {
        const std::string name = "algo.projection";
        ASSIGN_OR_RETURN(Call c, Begin(name, call.args.empty() ? Value() : call.args[0],
                                       kMembershipLabels, kMembershipTypes));
        ASSIGN_OR_RETURN(std::string keep, c.config.String("project", "Organisation"));
        ASSIGN_OR_RETURN(int64_t min_shared, c.config.Int("minShared", 1, 1, UINT32_MAX));
        RETURN_IF_ERROR(c.config.CheckAllUsed());
        if (c.spec.directed) return c.config.Error("directed", "must be false for projections");
        ASSIGN_OR_RETURN(uint8_t slot, LabelSlot(name, c.spec, keep));
        ASSIGN_OR_RETURN(auto s, SnapshotFor(cache, call, c.spec));
        analytics::TwoModeProjectionOptions o;
        o.min_shared = static_cast<uint32_t>(min_shared);
        o.threads = c.threads;
        auto projection = analytics::ProjectTwoMode(s->graph(), s->VerticesWithLabel(slot), o);
        Rows rows;
        const auto& g = projection.graph;
        for (VertexIndex u = 0; u < g.vertex_count(); ++u) {
          auto nbrs = g.out_neighbors(u);
          auto ws = g.out_weights(u);
          for (size_t j = 0; j < nbrs.size(); ++j) {
            if (nbrs[j] <= u) continue;  // each pair once
            ASSIGN_OR_RETURN(Value a, VertexNode(call.txn, *s, projection.original_vertex[u]));
            ASSIGN_OR_RETURN(Value b,
                             VertexNode(call.txn, *s, projection.original_vertex[nbrs[j]]));
            rows.push_back({std::move(a), std::move(b),
                            Value::Int(static_cast<int64_t>(ws.empty() ? 1 : ws[j]))});
          }
        }
        return rows;
      });
}

}  // namespace alliance
