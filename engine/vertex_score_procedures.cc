// Per-vertex analytics procedures. Each algorithm is declared once; the stream
// form (`algo.x(config) YIELD node, <value>`) and the write form
// (`algo.x.write(config) YIELD nodePropertiesWritten, property`) share it.
#include <algorithm>
#include <functional>
#include <numeric>
#include <random>

#include "absl/strings/str_join.h"
#include "engine/algorithm_config.h"
#include "engine/analytics/betweenness_centrality.h"
#include "engine/analytics/closeness_centrality.h"
#include "engine/analytics/clustering_coefficient.h"
#include "engine/analytics/connected_components.h"
#include "engine/analytics/degree_centrality.h"
#include "engine/analytics/eigenvector_centrality.h"
#include "engine/analytics/k_core.h"
#include "engine/analytics/louvain.h"
#include "engine/analytics/page_rank.h"
#include "engine/analytics/structural_holes.h"
#include "engine/analytics/two_mode_centrality.h"
#include "engine/analytics/two_mode_projection.h"
#include "engine/analytics_procedures.h"
#include "query/graph_reader.h"
#include "schema/status_macros.h"
#include "schema/str_cat.h"
#include "storage/transaction.h"

namespace alliance {
namespace {

using analytics::CsrGraph;
using analytics::VertexIndex;
using Rows = std::vector<std::vector<Value>>;

// What an algorithm produces: a value per vertex, and columns that are the
// same on every row (Louvain's modularity).
struct VertexValues {
  std::vector<Value> values;
  std::vector<Value> constants;
};
using VertexRun =
    std::function<absl::StatusOr<VertexValues>(const GraphSnapshot&, unsigned threads)>;

struct VertexAlgorithm {
  std::string name;
  std::string output;                  // the per-vertex column
  std::vector<std::string> constants;  // further columns, same on every row
  std::string description;
  std::vector<std::string> default_labels;
  std::vector<std::string> default_types;
  // Reads the algorithm's own configuration keys; the run comes after the
  // whole configuration has been checked, so a typo never costs a snapshot.
  std::function<absl::StatusOr<VertexRun>(AlgorithmConfig&, const SnapshotSpec&)> configure;
};

std::vector<Value> Doubles(const std::vector<double>& xs) {
  std::vector<Value> out;
  out.reserve(xs.size());
  for (double x : xs) out.push_back(Value::Double(x));
  return out;
}

template <typename T>
std::vector<Value> Ints(const std::vector<T>& xs) {
  std::vector<Value> out;
  out.reserve(xs.size());
  for (T x : xs) out.push_back(Value::Int(static_cast<int64_t>(x)));
  return out;
}

double Numeric(const Value& v) {
  return v.type() == Value::Type::kInt ? static_cast<double>(v.as_int()) : v.as_double();
}

// Vertex order, or the top k by value (ties by node id), NaN last.
std::vector<VertexIndex> RowOrder(const std::vector<Value>& values, int64_t top_k) {
  std::vector<VertexIndex> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  if (top_k <= 0) return order;
  auto better = [&](VertexIndex a, VertexIndex b) {
    const double x = Numeric(values[a]), y = Numeric(values[b]);
    if (std::isnan(x) != std::isnan(y)) return std::isnan(y);
    if (x != y) return x > y;
    return a < b;
  };
  const size_t k = std::min<size_t>(static_cast<size_t>(top_k), order.size());
  std::partial_sort(order.begin(), order.begin() + k, order.end(), better);
  order.resize(k);
  return order;
}

// The one-mode projection of a two-mode snapshot onto the vertices with the
// label in `slot`, as a snapshot of its own (same node ids), so every
// per-vertex algorithm and the write-back run on it unchanged.
std::shared_ptr<const GraphSnapshot> ProjectSnapshot(const GraphSnapshot& s, uint8_t slot,
                                                     SnapshotSpec spec, unsigned threads) {
  analytics::TwoModeProjection projection =
      analytics::ProjectTwoMode(s.graph(), s.VerticesWithLabel(slot), {.threads = threads});
  std::vector<NodeId> node_ids;
  node_ids.reserve(projection.original_vertex.size());
  for (VertexIndex v : projection.original_vertex) node_ids.push_back(s.node_id(v));
  std::vector<uint8_t> slots(node_ids.size(), slot);
  return std::make_shared<const GraphSnapshot>(std::move(projection.graph), std::move(node_ids),
                                               std::move(slots), std::move(spec));
}

struct Prepared {
  std::shared_ptr<const GraphSnapshot> snapshot;
  VertexValues result;
  int64_t top_k = 0;
  std::string write_property;
};

absl::StatusOr<Prepared> Prepare(const VertexAlgorithm& algo, const std::string& procedure,
                                 const query::ProcedureCall& call, SnapshotCache& cache,
                                 bool write) {
  ASSIGN_OR_RETURN(AlgorithmConfig config,
                   AlgorithmConfig::From(procedure, call.args.empty() ? Value() : call.args[0]));
  // project: 'Organisation' runs the algorithm on the one-mode projection of the
  // selected two-mode graph (the membership graph unless nodeLabels and
  // relationshipTypes say otherwise: organisations tied by consortia shared),
  // whose weight, the count shared, counts only with projectionWeighted: as a
  // strength it reads well, as a path length (betweenness) it would not.
  ASSIGN_OR_RETURN(std::string project, config.String("project", ""));
  ASSIGN_OR_RETURN(bool projection_weighted, config.Bool("projectionWeighted", false));
  const bool membership_defaults = !project.empty() && algo.default_labels.empty();
  ASSIGN_OR_RETURN(SnapshotSpec spec,
                   config.Selection(membership_defaults ? kMembershipLabels : algo.default_labels,
                                    membership_defaults ? kMembershipTypes : algo.default_types));
  ASSIGN_OR_RETURN(unsigned threads, config.Threads());
  Prepared p;
  if (write) {
    ASSIGN_OR_RETURN(p.write_property, config.String("writeProperty", ""));
    if (p.write_property.empty()) {
      return absl::InvalidArgumentError(
          StrCat(procedure, ": give the node property to write as writeProperty"));
    }
  } else {
    ASSIGN_OR_RETURN(p.top_k, config.Int("topK", 0, 0, int64_t{1} << 40));
  }
  SnapshotSpec run_spec = spec;
  uint8_t project_slot = 0;
  if (!project.empty()) {
    if (spec.directed) return config.Error("directed", "must be false with project");
    if (!spec.weight_property.empty()) {
      return config.Error("weightProperty",
                          "does not apply with project (the projection's weight is the count "
                          "shared; use projectionWeighted)");
    }
    ASSIGN_OR_RETURN(project_slot, LabelSlot(procedure, spec, project));
    run_spec.weight_property = projection_weighted ? "shared" : "";
  } else if (projection_weighted) {
    return config.Error("projectionWeighted", "applies only with project");
  }
  ASSIGN_OR_RETURN(VertexRun run, algo.configure(config, run_spec));
  RETURN_IF_ERROR(config.CheckAllUsed());
  ASSIGN_OR_RETURN(p.snapshot, SnapshotFor(cache, call, spec));
  if (!project.empty()) p.snapshot = ProjectSnapshot(*p.snapshot, project_slot, run_spec, threads);
  ASSIGN_OR_RETURN(p.result, run(*p.snapshot, threads));
  return p;
}

void Register(query::ProcedureRegistry& registry, SnapshotCache& cache, VertexAlgorithm algo) {
  auto shared = std::make_shared<VertexAlgorithm>(std::move(algo));
  std::vector<std::string> outputs = {"node", shared->output};
  outputs.insert(outputs.end(), shared->constants.begin(), shared->constants.end());
  registry.Register(
      {shared->name, {"config"}, 0, outputs, shared->description},
      [shared, &cache](const query::ProcedureCall& call) -> absl::StatusOr<Rows> {
        ASSIGN_OR_RETURN(Prepared p, Prepare(*shared, shared->name, call, cache, false));
        Rows rows;
        for (VertexIndex v : RowOrder(p.result.values, p.top_k)) {
          ASSIGN_OR_RETURN(Value node, VertexNode(call.txn, *p.snapshot, v));
          std::vector<Value> row = {std::move(node), p.result.values[v]};
          row.insert(row.end(), p.result.constants.begin(), p.result.constants.end());
          rows.push_back(std::move(row));
        }
        return rows;
      });
  const std::string write_name = shared->name + ".write";
  registry.Register(
      {write_name,
       {"config"},
       1,
       {"nodePropertiesWritten", "property"},
       StrCat(shared->description, "; writes ", shared->output,
              " into the node property named by writeProperty, atomically with the statement"),
       /*writes=*/true},
      [shared, &cache, write_name](const query::ProcedureCall& call) -> absl::StatusOr<Rows> {
        ASSIGN_OR_RETURN(Prepared p, Prepare(*shared, write_name, call, cache, true));
        for (VertexIndex v = 0; v < p.snapshot->vertex_count(); ++v) {
          PropertyMap props;
          props.emplace(p.write_property, p.result.values[v]);
          RETURN_IF_ERROR(call.txn.SetNodeProperties(p.snapshot->node_id(v), std::move(props),
                                                     /*replace=*/false));
        }
        return Rows{{Value::Int(p.snapshot->vertex_count()), Value::String(p.write_property)}};
      });
}

// Sampled betweenness: the first k vertices of a seeded shuffle, so the same
// seed picks the same sources on the same snapshot.
std::vector<VertexIndex> SampleSources(VertexIndex n, int64_t k, uint64_t seed) {
  std::vector<VertexIndex> all(n);
  std::iota(all.begin(), all.end(), 0);
  std::mt19937_64 rng(seed);
  std::shuffle(all.begin(), all.end(), rng);
  all.resize(std::min<size_t>(static_cast<size_t>(k), all.size()));
  std::sort(all.begin(), all.end());
  return all;
}

absl::StatusOr<std::vector<bool>> TopSide(const std::string& procedure, const GraphSnapshot& s,
                                          const std::string& top_label) {
  ASSIGN_OR_RETURN(uint8_t slot, LabelSlot(procedure, s.spec(), top_label));
  return s.VerticesWithLabel(slot);
}

absl::Status RequireConverged(const std::string& procedure, bool converged, uint32_t iterations) {
  if (converged) return absl::OkStatus();
  return absl::FailedPreconditionError(
      StrCat(procedure, ": did not converge in ", iterations,
             " iterations (raise maxIterations or tolerance)"));
}

}  // namespace

absl::StatusOr<std::shared_ptr<const GraphSnapshot>> SnapshotFor(
    SnapshotCache& cache, const query::ProcedureCall& call, const SnapshotSpec& spec) {
  if (call.checkpoint == nullptr) return cache.Get(call.txn, spec);
  const query::ProcedureCheckpoint& checkpoint = *call.checkpoint;
  return cache.Get(call.txn, spec, [&checkpoint](uint64_t read, uint64_t expected) {
    return checkpoint("snapshot", read, expected);
  });
}

absl::StatusOr<Value> VertexNode(const storage::Transaction& txn, const GraphSnapshot& snapshot,
                                 VertexIndex v) {
  return query::LoadNode(txn, snapshot.node_id(v));
}

absl::StatusOr<uint8_t> LabelSlot(const std::string& procedure, const SnapshotSpec& spec,
                                  const std::string& label) {
  for (size_t i = 0; i < spec.node_labels.size(); ++i) {
    if (spec.node_labels[i] == label) return static_cast<uint8_t>(i);
  }
  return absl::InvalidArgumentError(StrCat(procedure, ": label '", label,
                                           "' is not among the selected nodeLabels [",
                                           absl::StrJoin(spec.node_labels, ", "), "]"));
}

void RegisterVertexScoreProcedures(query::ProcedureRegistry& registry, SnapshotCache& cache) {
  Register(registry, cache,
           {"algo.degree", "score", {}, "Degree centrality (weighted: strength)", {}, {},
            [](AlgorithmConfig& c, const SnapshotSpec& spec) -> absl::StatusOr<VertexRun> {
              ASSIGN_OR_RETURN(bool normalized, c.Bool("normalized", true));
              ASSIGN_OR_RETURN(std::string dir,
                               c.String("orientation", "both", {"both", "in", "out"}));
              analytics::DegreeCentralityOptions o;
              o.kind = dir == "in"    ? analytics::DegreeKind::kIn
                       : dir == "out" ? analytics::DegreeKind::kOut
                                      : analytics::DegreeKind::kTotal;
              o.weighted = !spec.weight_property.empty();
              return VertexRun([o, normalized](const GraphSnapshot& s,
                                               unsigned) -> absl::StatusOr<VertexValues> {
                return VertexValues{
                    Doubles(normalized ? analytics::DegreeCentrality(s.graph(), o)
                                       : analytics::VertexDegrees(s.graph(), o.kind, o.weighted)),
                    {}};
              });
            }});
  Register(registry, cache,
           {"algo.betweenness", "score", {},
            "Betweenness centrality (Brandes; weights as distances; optional source sampling)",
            {}, {},
            [](AlgorithmConfig& c, const SnapshotSpec& spec) -> absl::StatusOr<VertexRun> {
              analytics::BetweennessOptions o;
              ASSIGN_OR_RETURN(o.normalized, c.Bool("normalized", true));
              ASSIGN_OR_RETURN(o.endpoints, c.Bool("endpoints", false));
              ASSIGN_OR_RETURN(int64_t samples, c.Int("samplingSize", 0, 0, int64_t{1} << 32));
              ASSIGN_OR_RETURN(int64_t seed, c.Int("samplingSeed", 0, INT64_MIN, INT64_MAX));
              o.weighted = !spec.weight_property.empty();
              return VertexRun([o, samples, seed](const GraphSnapshot& s,
                                                  unsigned threads) mutable
                               -> absl::StatusOr<VertexValues> {
                o.threads = threads;
                if (samples > 0) {
                  o.sources = SampleSources(s.vertex_count(), samples, static_cast<uint64_t>(seed));
                }
                return VertexValues{Doubles(analytics::BetweennessCentrality(s.graph(), o)), {}};
              });
            }});
  Register(registry, cache,
           {"algo.closeness", "score", {},
            "Closeness centrality (Wasserman-Faust scaling on disconnected graphs by default)",
            {}, {},
            [](AlgorithmConfig& c, const SnapshotSpec& spec) -> absl::StatusOr<VertexRun> {
              analytics::ClosenessOptions o;
              ASSIGN_OR_RETURN(o.wf_improved, c.Bool("wfImproved", true));
              o.weighted = !spec.weight_property.empty();
              return VertexRun([o](const GraphSnapshot& s, unsigned threads) mutable
                               -> absl::StatusOr<VertexValues> {
                o.threads = threads;
                return VertexValues{Doubles(analytics::ClosenessCentrality(s.graph(), o)), {}};
              });
            }});
  Register(registry, cache,
           {"algo.harmonic", "score", {}, "Harmonic centrality: the sum of 1/distance", {}, {},
            [](AlgorithmConfig&, const SnapshotSpec& spec) -> absl::StatusOr<VertexRun> {
              analytics::HarmonicOptions o;
              o.weighted = !spec.weight_property.empty();
              return VertexRun([o](const GraphSnapshot& s, unsigned threads) mutable
                               -> absl::StatusOr<VertexValues> {
                o.threads = threads;
                return VertexValues{Doubles(analytics::HarmonicCentrality(s.graph(), o)), {}};
              });
            }});
  Register(registry, cache,
           {"algo.eigenvector", "score", {}, "Eigenvector centrality (power iteration)", {}, {},
            [](AlgorithmConfig& c, const SnapshotSpec& spec) -> absl::StatusOr<VertexRun> {
              analytics::EigenvectorCentralityOptions o;
              ASSIGN_OR_RETURN(int64_t iterations, c.Int("maxIterations", 100, 1, 1000000));
              ASSIGN_OR_RETURN(o.tolerance, c.Double("tolerance", 1e-6, 0, 1));
              o.max_iterations = static_cast<uint32_t>(iterations);
              o.weighted = !spec.weight_property.empty();
              const std::string name = c.procedure();
              return VertexRun([o, name](const GraphSnapshot& s,
                                         unsigned) -> absl::StatusOr<VertexValues> {
                auto r = analytics::EigenvectorCentrality(s.graph(), o);
                if (s.vertex_count() > 0) {
                  RETURN_IF_ERROR(RequireConverged(name, r.converged, r.iterations));
                }
                return VertexValues{Doubles(r.scores), {}};
              });
            }});
  Register(registry, cache,
           {"algo.pageRank", "score", {},
            "PageRank (dangling vertices spread uniformly; scores sum to 1)", {}, {},
            [](AlgorithmConfig& c, const SnapshotSpec& spec) -> absl::StatusOr<VertexRun> {
              analytics::PageRankOptions o;
              ASSIGN_OR_RETURN(o.damping, c.Double("dampingFactor", 0.85, 0, 1));
              ASSIGN_OR_RETURN(int64_t iterations, c.Int("maxIterations", 100, 1, 1000000));
              ASSIGN_OR_RETURN(o.tolerance, c.Double("tolerance", 1e-6, 0, 1));
              o.max_iterations = static_cast<uint32_t>(iterations);
              o.weighted = !spec.weight_property.empty();
              const std::string name = c.procedure();
              return VertexRun([o, name](const GraphSnapshot& s, unsigned threads) mutable
                               -> absl::StatusOr<VertexValues> {
                o.threads = threads;
                auto r = analytics::PageRank(s.graph(), o);
                RETURN_IF_ERROR(RequireConverged(name, r.converged, r.iterations));
                return VertexValues{Doubles(r.scores), {}};
              });
            }});
  // Two-mode measures: one side ("top", organisations by default) against the other.
  struct TwoMode {
    const char* name;
    const char* description;
    int measure;  // 0 degree, 1 betweenness, 2 closeness
  };
  for (TwoMode t : {TwoMode{"algo.twoMode.degree", "Two-mode degree centrality (Borgatti-Everett)", 0},
                    TwoMode{"algo.twoMode.betweenness",
                            "Two-mode betweenness centrality (Borgatti-Everett)", 1},
                    TwoMode{"algo.twoMode.closeness",
                            "Two-mode closeness centrality (Borgatti-Everett)", 2}}) {
    Register(registry, cache,
             {t.name, "score", {}, t.description, kMembershipLabels, kMembershipTypes,
              [measure = t.measure](AlgorithmConfig& c,
                                    const SnapshotSpec& spec) -> absl::StatusOr<VertexRun> {
                ASSIGN_OR_RETURN(std::string top,
                                 c.String("topLabel", spec.node_labels.empty()
                                                          ? std::string()
                                                          : spec.node_labels.front()));
                ASSIGN_OR_RETURN(bool normalized, c.Bool("normalized", true));
                if (spec.directed) {
                  return c.Error("directed", "must be false: two-mode measures are undirected");
                }
                const std::string name = c.procedure();
                return VertexRun([=](const GraphSnapshot& s,
                                     unsigned threads) -> absl::StatusOr<VertexValues> {
                  ASSIGN_OR_RETURN(std::vector<bool> is_top, TopSide(name, s, top));
                  switch (measure) {
                    case 0:
                      return VertexValues{
                          Doubles(analytics::TwoModeDegreeCentrality(s.graph(), is_top)), {}};
                    case 1:
                      return VertexValues{Doubles(analytics::TwoModeBetweennessCentrality(
                                              s.graph(), is_top, threads)),
                                          {}};
                    default:
                      return VertexValues{
                          Doubles(analytics::TwoModeClosenessCentrality(
                              s.graph(), is_top, {.normalized = normalized, .threads = threads})),
                          {}};
                  }
                });
              }});
  }
  Register(registry, cache,
           {"algo.components", "componentId", {},
            "Connected components (weak), or strongly connected ones with mode 'strong'", {}, {},
            [](AlgorithmConfig& c, const SnapshotSpec& spec) -> absl::StatusOr<VertexRun> {
              ASSIGN_OR_RETURN(std::string mode, c.String("mode", "weak", {"weak", "strong"}));
              if (mode == "strong" && !spec.directed) {
                return c.Error("mode", "'strong' needs directed: true");
              }
              return VertexRun([mode](const GraphSnapshot& s,
                                      unsigned) -> absl::StatusOr<VertexValues> {
                auto labels = mode == "strong" ? analytics::StronglyConnectedComponents(s.graph())
                                               : analytics::ConnectedComponents(s.graph());
                return VertexValues{Ints(labels.component), {}};
              });
            }});
  Register(registry, cache,
           {"algo.kCore", "coreNumber", {}, "k-core numbers (self-loops ignored)", {}, {},
            [](AlgorithmConfig&, const SnapshotSpec&) -> absl::StatusOr<VertexRun> {
              return VertexRun([](const GraphSnapshot& s,
                                  unsigned) -> absl::StatusOr<VertexValues> {
                return VertexValues{Ints(analytics::CoreNumbers(s.graph())), {}};
              });
            }});
  Register(registry, cache,
           {"algo.clustering", "coefficient", {}, "Local clustering coefficient", {}, {},
            [](AlgorithmConfig& c, const SnapshotSpec& spec) -> absl::StatusOr<VertexRun> {
              analytics::ClusteringOptions o;
              o.weighted = !spec.weight_property.empty();
              if (spec.directed) return c.Error("directed", "must be false for clustering");
              return VertexRun([o](const GraphSnapshot& s,
                                   unsigned) -> absl::StatusOr<VertexValues> {
                return VertexValues{Doubles(analytics::LocalClustering(s.graph(), o)), {}};
              });
            }});
  Register(registry, cache,
           // Yields `score`: CONSTRAINT is a reserved word in Cypher.
           {"algo.constraint", "score", {},
            "Burt's constraint (structural holes; low values broker between groups)", {}, {},
            [](AlgorithmConfig&, const SnapshotSpec& spec) -> absl::StatusOr<VertexRun> {
              analytics::StructuralHoleOptions o{!spec.weight_property.empty()};
              return VertexRun([o](const GraphSnapshot& s,
                                   unsigned) -> absl::StatusOr<VertexValues> {
                return VertexValues{Doubles(analytics::Constraint(s.graph(), o)), {}};
              });
            }});
  Register(registry, cache,
           {"algo.effectiveSize", "effectiveSize", {},
            "Burt's effective size (structural holes: non-redundant contacts)", {}, {},
            [](AlgorithmConfig&, const SnapshotSpec& spec) -> absl::StatusOr<VertexRun> {
              analytics::StructuralHoleOptions o{!spec.weight_property.empty()};
              return VertexRun([o](const GraphSnapshot& s,
                                   unsigned) -> absl::StatusOr<VertexValues> {
                return VertexValues{Doubles(analytics::EffectiveSize(s.graph(), o)), {}};
              });
            }});
  Register(registry, cache,
           {"algo.louvain", "community", {"modularity"},
            "Louvain communities (blocs) with the partition's modularity", {}, {},
            [](AlgorithmConfig& c, const SnapshotSpec& spec) -> absl::StatusOr<VertexRun> {
              analytics::LouvainOptions o;
              ASSIGN_OR_RETURN(o.resolution, c.Double("resolution", 1.0, 0, 1e9));
              ASSIGN_OR_RETURN(o.threshold, c.Double("threshold", 1e-7, 0, 1));
              ASSIGN_OR_RETURN(int64_t seed, c.Int("seed", 0, 0, INT64_MAX));
              o.seed = static_cast<uint64_t>(seed);
              o.weighted = !spec.weight_property.empty();
              if (spec.directed) return c.Error("directed", "must be false for Louvain");
              return VertexRun([o](const GraphSnapshot& s,
                                   unsigned) -> absl::StatusOr<VertexValues> {
                auto r = analytics::Louvain(s.graph(), o);
                return VertexValues{Ints(r.community), {Value::Double(r.modularity)}};
              });
            }});
}

}  // namespace alliance
