#include "query/planner.h"

#include <algorithm>
#include <set>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_join.h"
#include "query/cypher_value.h"
#include "query/functions.h"
#include "query/graph_reader.h"
#include "query/query_error.h"
#include "schema/status_macros.h"
#include "schema/str_cat.h"
#include "storage/record_codec.h"

namespace alliance::query {
namespace {

using ScopePtr = std::shared_ptr<Scope>;

// Hidden variables (anonymous pattern parts) get names no user can write.
bool IsHidden(const std::string& name) { return !name.empty() && name[0] == ' '; }

bool IsAggregateCall(const Expression& e) {
  if (e.kind == ExprKind::kCountStar) return true;
  if (const auto* f = e.TryAs<FunctionCallExpr>()) {
    return f->namespaces.empty() && IsAggregateFunction(f->name);
  }
  return false;
}

bool ContainsAggregate(const Expression& e) {
  if (IsAggregateCall(e)) return true;
  // Aggregates inside comprehensions and subqueries belong to them.
  if (e.kind == ExprKind::kExistsSubquery || e.kind == ExprKind::kPatternComprehension) {
    return false;
  }
  bool found = false;
  ForEachChild(e, [&](const Expression& c) { found = found || ContainsAggregate(c); });
  return found;
}

void CollectAggregates(const Expression& e, std::vector<const Expression*>& out) {
  if (IsAggregateCall(e)) {
    out.push_back(&e);
    return;
  }
  if (e.kind == ExprKind::kExistsSubquery || e.kind == ExprKind::kPatternComprehension) return;
  ForEachChild(e, [&](const Expression& c) { CollectAggregates(c, out); });
}

// Splits a WHERE into its AND-ed parts.
void Conjuncts(const Expression& e, std::vector<const Expression*>& out) {
  if (const auto* b = e.TryAs<BinaryExpr>(); b != nullptr && b->op == BinaryOp::kAnd) {
    Conjuncts(*b->left, out);
    Conjuncts(*b->right, out);
    return;
  }
  out.push_back(&e);
}

bool HasVariables(const Expression& e) {
  if (e.kind == ExprKind::kVariable || e.kind == ExprKind::kMapProjection ||
      e.kind == ExprKind::kPatternPredicate || e.kind == ExprKind::kExistsSubquery ||
      e.kind == ExprKind::kPatternComprehension) {
    return true;
  }
  bool found = false;
  ForEachChild(e, [&](const Expression& c) { found = found || HasVariables(c); });
  return found;
}

std::string Nearest(const std::vector<std::string>& names, std::string_view wanted);

class Planner {
 public:
  Planner(const Statement& statement, const schema::Catalog& catalog,
          const ProcedureRegistry& procedures)
      : statement_(statement), catalog_(catalog), procedures_(procedures),
        text_(*statement.source) {}

  absl::StatusOr<Plan> Run();

 private:
  absl::Status Error(ErrorType type, std::string_view detail, std::string_view message,
                     SourcePos pos) const {
    return MakeQueryError(type, detail, message, text_, pos.offset);
  }

  // What a variable holds, as far as the text tells: patterns bind nodes,
  // relationships and paths; projections of other expressions bind values.
  enum class Kind { kUnknown, kNode, kRelationship, kRelationshipList, kPath, kValue };
  int NewSlot(Kind kind = Kind::kUnknown) {
    kinds_.push_back(kind);
    return num_slots_++;
  }
  Kind KindOf(int slot) const { return slot < static_cast<int>(kinds_.size()) ? kinds_[slot] : Kind::kUnknown; }
  absl::Status Conflict(std::string_view name, SourcePos pos) const {
    return Error(ErrorType::kSyntaxError, "VariableTypeConflict",
                 StrCat("variable `", name, "` is already bound to a different kind of value"), pos);
  }
  std::string Hidden() { return StrCat(" anon", hidden_++); }

  absl::StatusOr<std::unique_ptr<Operator>> PlanSingle(const SingleQuery& q,
                                                      std::vector<std::string>& columns);
  absl::Status CheckExpression(const Expression& e, const Scope& scope,
                               std::set<std::string>& locals);
  absl::Status CheckExpression(const Expression& e, const Scope& scope) {
    std::set<std::string> locals;
    return CheckExpression(e, scope, locals);
  }
  absl::StatusOr<std::unique_ptr<Operator>> PlanMatch(std::unique_ptr<Operator> op,
                                                      const MatchClause& m, ScopePtr& scope);
  absl::StatusOr<std::unique_ptr<Operator>> PlanPatterns(
      std::unique_ptr<Operator> op, const std::vector<PathPattern>& patterns, ScopePtr& scope,
      const Expression* where);
  absl::StatusOr<std::unique_ptr<Operator>> PlanPath(std::unique_ptr<Operator> op,
                                                     const PathPattern& path, ScopePtr& scope,
                                                     std::vector<int>& rel_slots,
                                                     const std::vector<const Expression*>& where);
  absl::StatusOr<std::unique_ptr<Operator>> PlanProjection(std::unique_ptr<Operator> op,
                                                           const Projection& p, ScopePtr& scope,
                                                           bool is_return,
                                                           const Expression* where,
                                                           std::vector<int>* out_slots,
                                                           std::vector<std::string>* out_names);
  absl::StatusOr<std::unique_ptr<Operator>> PlanUnwind(std::unique_ptr<Operator> op,
                                                       const UnwindClause& u, ScopePtr& scope);
  absl::StatusOr<std::unique_ptr<Operator>> PlanCall(std::unique_ptr<Operator> op,
                                                     const CallClause& c, ScopePtr& scope,
                                                     bool standalone,
                                                     std::vector<std::string>& columns,
                                                     std::vector<int>& column_slots);
  absl::StatusOr<std::unique_ptr<Operator>> PlanUpdate(std::unique_ptr<Operator> op,
                                                       const Clause& c, ScopePtr& scope);
  // SKIP and LIMIT take constants (parameters allowed, evaluated at run time).
  absl::Status CheckConstant(const Expression& e, std::string_view what);
  absl::Status CheckSetItem(const SetItem& item, const Scope& scope);
  absl::StatusOr<std::vector<uint32_t>> LabelIds(const std::vector<std::string>& labels,
                                                 SourcePos pos, bool* impossible);
  absl::StatusOr<std::vector<uint32_t>> TypeIds(const std::vector<std::string>& types,
                                                SourcePos pos, bool* impossible);

  const Statement& statement_;
  const schema::Catalog& catalog_;
  const ProcedureRegistry& procedures_;
  std::string_view text_;
  int num_slots_ = 0;
  std::vector<Kind> kinds_;
  int hidden_ = 0;
  std::shared_ptr<SubPlans> subplans_ = std::make_shared<SubPlans>();
  bool writes_ = false;
};

// ---------------------------------------------------------------- binding

absl::Status Planner::CheckExpression(const Expression& e, const Scope& scope,
                                      std::set<std::string>& locals) {
  switch (e.kind) {
    case ExprKind::kVariable: {
      const auto& v = e.As<VariableExpr>();
      if (!scope.slots.contains(v.name) && !locals.contains(v.name)) {
        return Error(ErrorType::kSyntaxError, "UndefinedVariable",
                     StrCat("variable `", v.name, "` is not defined"), e.pos);
      }
      return absl::OkStatus();
    }
    case ExprKind::kMapProjection: {
      const auto& m = e.As<MapProjectionExpr>();
      if (!scope.slots.contains(m.variable) && !locals.contains(m.variable)) {
        return Error(ErrorType::kSyntaxError, "UndefinedVariable",
                     StrCat("variable `", m.variable, "` is not defined"), e.pos);
      }
      for (const auto& item : m.items) {
        if (item.kind == MapProjectionItem::Kind::kVariable && !scope.slots.contains(item.key) &&
            !locals.contains(item.key)) {
          return Error(ErrorType::kSyntaxError, "UndefinedVariable",
                       StrCat("variable `", item.key, "` is not defined"), item.pos);
        }
        if (item.value) RETURN_IF_ERROR(CheckExpression(*item.value, scope, locals));
      }
      return absl::OkStatus();
    }
    case ExprKind::kListComprehension: {
      const auto& c = e.As<ListComprehensionExpr>();
      RETURN_IF_ERROR(CheckExpression(*c.list, scope, locals));
      const bool added = locals.insert(c.variable).second;
      absl::Status s = absl::OkStatus();
      if (c.where) s = CheckExpression(*c.where, scope, locals);
      if (s.ok() && c.projection) s = CheckExpression(*c.projection, scope, locals);
      if (added) locals.erase(c.variable);
      return s;
    }
    case ExprKind::kQuantifier: {
      const auto& q = e.As<QuantifierExpr>();
      RETURN_IF_ERROR(CheckExpression(*q.list, scope, locals));
      const bool added = locals.insert(q.variable).second;
      absl::Status s = q.where ? CheckExpression(*q.where, scope, locals) : absl::OkStatus();
      if (added) locals.erase(q.variable);
      return s;
    }
    case ExprKind::kUnary:
    case ExprKind::kBinary: {
      // Operands whose type is known from the text alone are checked now.
      auto literal_type = [](const Expression& x) -> std::optional<Value::Type> {
        if (const auto* l = x.TryAs<LiteralExpr>()) return l->value.type();
        if (x.kind == ExprKind::kList) return Value::Type::kList;
        if (x.kind == ExprKind::kMap) return Value::Type::kMap;
        return std::nullopt;
      };
      auto require = [&](const Expression& x, Value::Type want, std::string_view op) -> absl::Status {
        auto t = literal_type(x);
        if (t && *t != want && *t != Value::Type::kNull) {
          return Error(ErrorType::kSyntaxError, "InvalidArgumentType",
                       StrCat("type mismatch: ", op, " expects ",
                              want == Value::Type::kBool ? "a boolean" : "a list", ", got `",
                              x.text, "`"),
                       x.pos);
        }
        return absl::OkStatus();
      };
      if (const auto* u = e.TryAs<UnaryExpr>(); u != nullptr && u->op == UnaryOp::kNot) {
        RETURN_IF_ERROR(require(*u->operand, Value::Type::kBool, "NOT"));
      }
      if (const auto* b = e.TryAs<BinaryExpr>()) {
        if (b->op == BinaryOp::kAnd || b->op == BinaryOp::kOr || b->op == BinaryOp::kXor) {
          RETURN_IF_ERROR(require(*b->left, Value::Type::kBool, BinaryOpText(b->op)));
          RETURN_IF_ERROR(require(*b->right, Value::Type::kBool, BinaryOpText(b->op)));
        } else if (b->op == BinaryOp::kIn) {
          RETURN_IF_ERROR(require(*b->right, Value::Type::kList, "IN"));
        }
      }
      break;
    }
    case ExprKind::kFunctionCall: {
      const auto& f = e.As<FunctionCallExpr>();
      if (!IsKnownFunction(f.QualifiedName())) {
        return Error(ErrorType::kSyntaxError, "UnknownFunction",
                     StrCat("unknown function '", f.QualifiedName(), "'"), e.pos);
      }
      break;
    }
    case ExprKind::kPatternPredicate: {
      const auto& pp = e.As<PatternPredicateExpr>();
      auto argument = std::make_unique<ArgumentOp>(0);
      SubPlan sub;
      sub.argument = argument.get();
      sub.patterns = std::make_shared<std::vector<PathPattern>>();
      sub.patterns->push_back(Clone(pp.pattern));
      for (const NodePattern& np : sub.patterns->front().nodes) {
        if (!np.variable.empty() && !scope.slots.contains(np.variable) &&
            !locals.contains(np.variable)) {
          return Error(ErrorType::kSyntaxError, "UndefinedVariable",
                       StrCat("variable `", np.variable,
                              "` is not defined (a pattern predicate cannot introduce one)"),
                       np.pos);
        }
      }
      ScopePtr sub_scope = std::make_shared<Scope>(scope);
      ASSIGN_OR_RETURN(sub.root, PlanPatterns(std::move(argument), *sub.patterns, sub_scope, nullptr));
      (*subplans_)[&e] = std::move(sub);
      return absl::OkStatus();
    }
    case ExprKind::kPatternComprehension:
    case ExprKind::kExistsSubquery:
      return Error(ErrorType::kSyntaxError, "UnsupportedExpression",
                   StrCat("pattern expressions (", ExprKindName(e.kind),
                          ") are not supported yet; use OPTIONAL MATCH or a second MATCH"),
                   e.pos);
    default:
      break;
  }
  absl::Status status = absl::OkStatus();
  ForEachChild(e, [&](const Expression& c) {
    if (status.ok()) status = CheckExpression(c, scope, locals);
  });
  return status;
}

absl::StatusOr<std::vector<uint32_t>> Planner::LabelIds(const std::vector<std::string>& labels,
                                                        SourcePos pos, bool* impossible) {
  std::vector<uint32_t> ids;
  for (const std::string& l : labels) {
    auto id = catalog_.FindLabel(l);
    if (catalog_.mode() == schema::SchemaMode::kEnforced && catalog_.FindLabelDef(l) == nullptr) {
      std::vector<std::string> known;
      for (const auto& d : catalog_.labels()) known.push_back(d.name);
      return Error(ErrorType::kSemanticError, "UnknownLabel",
                   StrCat("unknown label '", l, "'", Nearest(known, l)), pos);
    }
    if (!id) {
      *impossible = true;
      continue;
    }
    ids.push_back(*id);
  }
  return ids;
}

absl::StatusOr<std::vector<uint32_t>> Planner::TypeIds(const std::vector<std::string>& types,
                                                       SourcePos pos, bool* impossible) {
  std::vector<uint32_t> ids;
  for (const std::string& t : types) {
    if (catalog_.mode() == schema::SchemaMode::kEnforced &&
        catalog_.FindEdgeTypeDef(t) == nullptr) {
      std::vector<std::string> known;
      for (const auto& d : catalog_.edge_types()) known.push_back(d.name);
      return Error(ErrorType::kSemanticError, "UnknownRelationshipType",
                   StrCat("unknown relationship type '", t, "'", Nearest(known, t)), pos);
    }
    if (auto id = catalog_.FindEdgeType(t)) ids.push_back(*id);
  }
  // Only unknown types were named: nothing can match.
  if (!types.empty() && ids.empty()) *impossible = true;
  return ids;
}

// ---------------------------------------------------------------- patterns

struct NodeCheck {
  std::vector<std::string> labels;
  const Expression* properties = nullptr;
};

// True when the node value in `v` has every label and property of `check`.
absl::StatusOr<bool> NodeMatches(ExecContext& ctx, const Row& row, const Scope& scope,
                                 const Value& v, const NodeCheck& check) {
  if (v.type() != Value::Type::kNode) return false;
  const Node& n = v.as_node();
  for (const std::string& l : check.labels) {
    if (!n.HasLabel(l)) return false;
  }
  if (check.properties == nullptr) return true;
  ASSIGN_OR_RETURN(Value wanted, Evaluate(*check.properties, row, scope, *ctx.eval));
  if (wanted.type() != Value::Type::kMap) return wanted.is_null() ? false : true;
  for (const auto& [k, want] : wanted.as_map()) {
    std::optional<bool> eq = CypherEquals(n.Property(k), want);
    if (!eq.value_or(false)) return false;
  }
  return true;
}

absl::StatusOr<bool> RelationshipMatches(ExecContext& ctx, const Row& row, const Scope& scope,
                                         const Relationship& r, const Expression* properties) {
  if (properties == nullptr) return true;
  ASSIGN_OR_RETURN(Value wanted, Evaluate(*properties, row, scope, *ctx.eval));
  if (wanted.type() != Value::Type::kMap) return !wanted.is_null();
  for (const auto& [k, want] : wanted.as_map()) {
    if (!CypherEquals(r.Property(k), want).value_or(false)) return false;
  }
  return true;
}

bool RelationshipUsed(const Row& row, const std::vector<int>& slots, RelationshipId id) {
  for (int s : slots) {
    const Value& v = row[s];
    if (v.type() == Value::Type::kRelationship && v.as_relationship().id == id) return true;
    if (v.type() == Value::Type::kList) {
      for (const Value& e : v.as_list()) {
        if (e.type() == Value::Type::kRelationship && e.as_relationship().id == id) return true;
      }
    }
  }
  return false;
}

struct ExpandSpec {
  int from = 0;
  int rel = 0;
  int to = 0;
  Direction direction = Direction::kBoth;  // as seen from `from`
  std::vector<uint32_t> types;             // empty: any
  bool impossible = false;                 // only unknown types were named
  bool into = false;                       // `to` already bound
  bool rel_bound = false;                  // the relationship itself already bound
  std::optional<VarLength> var_length;
  std::vector<int> unique_against;         // relationship slots bound earlier in the clause
  NodeCheck to_check;
  const Expression* rel_properties = nullptr;
  ScopePtr scope;
};

// Calls fn(edge, record, other_end) for each relationship of `node` in the
// spec's direction and types; a self-loop counts once for an undirected step.
absl::Status ForEachStep(ExecContext& ctx, NodeId node, const ExpandSpec& spec,
                         const std::function<absl::Status(const storage::EdgeKey&,
                                                          std::string_view, NodeId)>& fn) {
  std::vector<std::optional<uint32_t>> types;
  for (uint32_t t : spec.types) types.push_back(t);
  if (types.empty()) types.push_back(std::nullopt);
  absl::Status inner;
  auto visit = [&](storage::Direction d) -> absl::Status {
    for (const auto& type : types) {
      RETURN_IF_ERROR(ctx.txn->ForEachEdge(
          node, d, type, [&](const storage::EdgeKey& e, std::string_view rec) {
            if (d == storage::Direction::kIn && spec.direction == Direction::kBoth &&
                e.src == e.dst) {
              return true;  // already seen from the outgoing side
            }
            const NodeId other = d == storage::Direction::kOut ? e.dst : e.src;
            inner = fn(e, rec, other);
            return inner.ok();
          }));
      RETURN_IF_ERROR(inner);
    }
    return absl::OkStatus();
  };
  if (spec.direction != Direction::kIncoming) RETURN_IF_ERROR(visit(storage::Direction::kOut));
  if (spec.direction != Direction::kOutgoing) RETURN_IF_ERROR(visit(storage::Direction::kIn));
  return absl::OkStatus();
}

absl::Status ExpandOnce(ExecContext& ctx, const Row& in, const ExpandSpec& spec,
                        std::vector<Row>& out) {
  if (spec.impossible || in[spec.from].type() != Value::Type::kNode) return absl::OkStatus();
  const NodeId from = in[spec.from].as_node().id;
  return ForEachStep(ctx, from, spec, [&](const storage::EdgeKey& e, std::string_view rec,
                                          NodeId other) -> absl::Status {
    if (spec.rel_bound) {
      const Value& r = in[spec.rel];
      if (r.type() != Value::Type::kRelationship || r.as_relationship().id != e.id) {
        return absl::OkStatus();
      }
    }
    if (RelationshipUsed(in, spec.unique_against, e.id)) return absl::OkStatus();
    if (spec.into && (in[spec.to].type() != Value::Type::kNode ||
                      in[spec.to].as_node().id != other)) {
      return absl::OkStatus();
    }
    ASSIGN_OR_RETURN(Value rel, MakeRelationshipValue(*ctx.txn, e, rec));
    ASSIGN_OR_RETURN(bool rel_ok, RelationshipMatches(ctx, in, *spec.scope, rel.as_relationship(),
                                                      spec.rel_properties));
    if (!rel_ok) return absl::OkStatus();
    Row row = in;
    row[spec.rel] = std::move(rel);
    if (!spec.into) {
      ASSIGN_OR_RETURN(row[spec.to], LoadNode(*ctx.txn, other));
    }
    ASSIGN_OR_RETURN(bool ok, NodeMatches(ctx, row, *spec.scope, row[spec.to], spec.to_check));
    if (ok) out.push_back(std::move(row));
    return absl::OkStatus();
  });
}

// Depth-first over paths of min..max relationships, no relationship twice.
absl::Status ExpandVariable(ExecContext& ctx, const Row& in, const ExpandSpec& spec,
                            std::vector<Row>& out) {
  if (spec.impossible || in[spec.from].type() != Value::Type::kNode) return absl::OkStatus();
  const int64_t min = spec.var_length->min.value_or(1);
  const bool bounded = spec.var_length->max.has_value();
  const int64_t max = bounded ? *spec.var_length->max : ctx.limits.max_var_length;
  std::vector<Value> path;
  absl::flat_hash_set<RelationshipId> used;

  std::function<absl::Status(NodeId)> step = [&](NodeId at) -> absl::Status {
    RETURN_IF_ERROR(ctx.Check());
    const int64_t depth = static_cast<int64_t>(path.size());
    if (depth >= min) {
      const bool lands = !spec.into || (in[spec.to].type() == Value::Type::kNode &&
                                        in[spec.to].as_node().id == at);
      if (lands) {
        Row row = in;
        row[spec.rel] = Value::MakeList(path);
        if (!spec.into) {
          ASSIGN_OR_RETURN(row[spec.to], LoadNode(*ctx.txn, at));
        }
        ASSIGN_OR_RETURN(bool ok, NodeMatches(ctx, row, *spec.scope, row[spec.to], spec.to_check));
        if (ok) {
          RETURN_IF_ERROR(ctx.Materialise(1));
          out.push_back(std::move(row));
        }
      }
    }
    if (depth >= max) {
      if (bounded) return absl::OkStatus();
      // An unbounded `*` stops at the hard cap, loudly.
      bool more = false;
      RETURN_IF_ERROR(ForEachStep(ctx, at, spec, [&](const storage::EdgeKey& e, std::string_view,
                                                     NodeId) {
        more = more || (!used.contains(e.id) && !RelationshipUsed(in, spec.unique_against, e.id));
        return absl::OkStatus();
      }));
      if (!more) return absl::OkStatus();
      return absl::ResourceExhaustedError(
          StrCat("variable-length expansion reached the hard cap of ", max,
                 " relationships; give the pattern an upper bound such as *1..", max));
    }
    struct Step {
      storage::EdgeKey key;
      std::string record;
      NodeId other;
    };
    std::vector<Step> steps;
    RETURN_IF_ERROR(ForEachStep(ctx, at, spec, [&](const storage::EdgeKey& e, std::string_view rec,
                                                    NodeId other) {
      if (!used.contains(e.id) && !RelationshipUsed(in, spec.unique_against, e.id)) {
        steps.push_back(Step{e, std::string(rec), other});
      }
      return absl::OkStatus();
    }));
    for (const Step& s : steps) {
      ASSIGN_OR_RETURN(Value rel, MakeRelationshipValue(*ctx.txn, s.key, s.record));
      ASSIGN_OR_RETURN(bool ok, RelationshipMatches(ctx, in, *spec.scope, rel.as_relationship(),
                                                    spec.rel_properties));
      if (!ok) continue;
      used.insert(s.key.id);
      path.push_back(std::move(rel));
      RETURN_IF_ERROR(step(s.other));
      path.pop_back();
      used.erase(s.key.id);
    }
    return absl::OkStatus();
  };
  return step(in[spec.from].as_node().id);
}

// Keeps the first row of each distinct combination of `slots` (all values of
// the row when `slots` is empty); `count` charges each kept row to the
// statement's materialisation budget, since the seen-set holds it.
std::unique_ptr<Operator> MakeDistinct(std::unique_ptr<Operator> op, std::vector<int> slots,
                                       bool count) {
  auto seen = std::make_shared<absl::flat_hash_set<std::vector<Value>, ValueHash, ValueEquivalent>>();
  return std::make_unique<FilterOp>(
      "Distinct", std::move(op),
      [slots = std::move(slots), seen, count](ExecContext& ctx, const Row& row)
          -> absl::StatusOr<bool> {
        std::vector<Value> key;
        if (slots.empty()) {
          key = row;
        } else {
          for (int s : slots) key.push_back(row[s]);
        }
        if (!seen->insert(std::move(key)).second) return false;
        if (count) RETURN_IF_ERROR(ctx.Materialise(1));
        return true;
      });
}

// ORDER BY: a stable sort on the keys evaluated in `scope`.
std::unique_ptr<Operator> MakeSort(std::unique_ptr<Operator> op, const std::vector<SortItem>& items,
                                   ScopePtr scope) {
  std::vector<std::pair<const Expression*, bool>> keys;
  for (const SortItem& s : items) keys.emplace_back(s.expr.get(), s.ascending);
  return std::make_unique<EagerOp>(
      "Sort", std::move(op),
      [keys, scope](ExecContext& ctx, std::vector<Row>& rows) -> absl::Status {
        std::vector<std::pair<std::vector<Value>, size_t>> decorated;
        for (size_t r = 0; r < rows.size(); ++r) {
          std::vector<Value> k;
          for (const auto& [e, asc] : keys) {
            ASSIGN_OR_RETURN(Value v, Evaluate(*e, rows[r], *scope, *ctx.eval));
            k.push_back(std::move(v));
          }
          decorated.emplace_back(std::move(k), r);
        }
        std::stable_sort(decorated.begin(), decorated.end(), [&](const auto& a, const auto& b) {
          for (size_t i = 0; i < keys.size(); ++i) {
            int c = OrderByCompare(a.first[i], b.first[i]);
            if (c != 0) return keys[i].second ? c < 0 : c > 0;
          }
          return false;
        });
        std::vector<Row> sorted;
        for (auto& d : decorated) sorted.push_back(std::move(rows[d.second]));
        rows = std::move(sorted);
        return absl::OkStatus();
      });
}

std::string Nearest(const std::vector<std::string>& names, std::string_view wanted) {
  auto distance = [](std::string_view a, std::string_view b) {
    std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
      cur[0] = i;
      for (size_t j = 1; j <= b.size(); ++j) {
        const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                          std::tolower(static_cast<unsigned char>(b[j - 1]));
        cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (same ? 0 : 1)});
      }
      std::swap(prev, cur);
    }
    return prev[b.size()];
  };
  std::vector<std::pair<size_t, std::string>> scored;
  for (const std::string& n : names) scored.emplace_back(distance(n, wanted), n);
  std::sort(scored.begin(), scored.end());
  std::string out;
  const size_t limit = std::max<size_t>(2, wanted.size() / 3);
  for (size_t i = 0; i < scored.size() && i < 3; ++i) {
    if (scored[i].first > limit) break;
    out += out.empty() ? "; did you mean " : " or ";
    out += "'" + scored[i].second + "'";
  }
  if (!out.empty()) out += "?";
  return out;
}

absl::StatusOr<std::unique_ptr<Operator>> Planner::PlanPath(
    std::unique_ptr<Operator> op, const PathPattern& path, ScopePtr& scope,
    std::vector<int>& rel_slots, const std::vector<const Expression*>& where) {
  const size_t n = path.nodes.size();
  std::vector<int> node_slots(n);
  std::vector<bool> bound(n);
  std::vector<NodeCheck> checks(n);
  const Scope before = *scope;
  for (size_t i = 0; i < n; ++i) {
    const NodePattern& np = path.nodes[i];
    bool impossible = false;
    ASSIGN_OR_RETURN(std::vector<uint32_t> ids, LabelIds(np.labels, np.pos, &impossible));
    (void)ids;
    checks[i].labels = np.labels;
    checks[i].properties = np.properties.get();
    if (np.properties && np.properties->kind == ExprKind::kParameter) {
      return Error(ErrorType::kSyntaxError, "InvalidParameterUse",
                   "a parameter cannot stand for a node's properties in MATCH; write "
                   "{key: $param.key}",
                   np.properties->pos);
    }
    if (np.properties) RETURN_IF_ERROR(CheckExpression(*np.properties, before));
    std::string name = np.variable.empty() ? Hidden() : np.variable;
    auto it = scope->slots.find(name);
    if (it != scope->slots.end()) {
      const Kind k = KindOf(it->second);
      if (k != Kind::kNode && k != Kind::kUnknown) return Conflict(name, np.pos);
      node_slots[i] = it->second;
      bound[i] = before.slots.contains(name);
    } else {
      node_slots[i] = NewSlot(Kind::kNode);
      scope->slots[name] = node_slots[i];
    }
  }
  std::vector<int> path_rel_slots(path.relationships.size());
  std::vector<bool> rel_bound(path.relationships.size());
  for (size_t i = 0; i < path.relationships.size(); ++i) {
    const RelationshipPattern& rp = path.relationships[i];
    if (rp.properties && rp.properties->kind == ExprKind::kParameter) {
      return Error(ErrorType::kSyntaxError, "InvalidParameterUse",
                   "a parameter cannot stand for a relationship's properties in MATCH",
                   rp.properties->pos);
    }
    if (rp.properties) RETURN_IF_ERROR(CheckExpression(*rp.properties, before));
    std::string name = rp.variable.empty() ? Hidden() : rp.variable;
    const Kind kind = rp.var_length ? Kind::kRelationshipList : Kind::kRelationship;
    if (auto it = scope->slots.find(name); it != scope->slots.end()) {
      // Bound by an earlier clause: the expansion must walk that relationship.
      if (KindOf(it->second) != kind || !before.slots.contains(name) || rp.var_length) {
        return Conflict(name, rp.pos);
      }
      path_rel_slots[i] = it->second;
      rel_bound[i] = true;
      continue;
    }
    path_rel_slots[i] = NewSlot(kind);
    scope->slots[name] = path_rel_slots[i];
  }
  // A node variable named like one of this pattern's relationships.
  for (const NodePattern& np : path.nodes) {
    for (const RelationshipPattern& rp : path.relationships) {
      if (!np.variable.empty() && np.variable == rp.variable) return Conflict(np.variable, np.pos);
    }
  }

  // Where to start: a node bound earlier, else a key lookup, else a label scan.
  size_t start = n;
  for (size_t i = 0; i < n && start == n; ++i) {
    if (bound[i]) start = i;
  }
  struct Seek {
    uint32_t label;
    uint32_t key;
    const Expression* value;
  };
  std::optional<Seek> seek;
  if (start == n) {
    for (size_t i = 0; i < n && !seek; ++i) {
      for (const std::string& l : path.nodes[i].labels) {
        const schema::LabelDef* def = catalog_.FindLabelDef(l);
        if (def == nullptr || def->key_property.empty()) continue;
        auto label_id = catalog_.FindLabel(l);
        auto key_id = catalog_.FindPropertyKey(def->key_property);
        if (!label_id || !key_id) continue;
        const Expression* value = nullptr;
        if (const auto* m = path.nodes[i].properties
                                ? path.nodes[i].properties->TryAs<MapExpr>()
                                : nullptr) {
          for (const auto& e : m->entries) {
            if (e.key == def->key_property && !HasVariables(*e.value)) value = e.value.get();
          }
        }
        const std::string& var = path.nodes[i].variable;
        for (const Expression* c : where) {
          if (value != nullptr || var.empty()) break;
          const auto* b = c->TryAs<BinaryExpr>();
          if (b == nullptr || b->op != BinaryOp::kEq) continue;
          for (auto [lhs, rhs] : {std::pair{b->left.get(), b->right.get()},
                                  std::pair{b->right.get(), b->left.get()}}) {
            const auto* p = lhs->TryAs<PropertyExpr>();
            if (p == nullptr || p->key != def->key_property || HasVariables(*rhs)) continue;
            const auto* v = p->object->TryAs<VariableExpr>();
            if (v != nullptr && v->name == var) value = rhs;
          }
        }
        if (value != nullptr) {
          seek = Seek{*label_id, *key_id, value};
          start = i;
        }
      }
    }
  }
  if (start == n) {
    start = 0;
    for (size_t i = 0; i < n; ++i) {
      if (!path.nodes[i].labels.empty()) {
        start = i;
        break;
      }
    }
  }

  // The start node.
  const int start_slot = node_slots[start];
  const NodeCheck start_check = checks[start];
  ScopePtr check_scope = scope;
  if (!bound[start]) {
    std::optional<uint32_t> scan_label;
    bool impossible = false;
    if (!path.nodes[start].labels.empty()) {
      const std::string& l = path.nodes[start].labels.front();
      scan_label = catalog_.FindLabel(l);
      impossible = !scan_label.has_value();
    }
    if (seek) {
      const Seek s = *seek;
      const std::string label_name = catalog_.LabelName(s.label);
      const std::string key_name = catalog_.PropertyKeyName(s.key);
      auto seek_op = std::make_unique<FlatMapOp>(
          "NodeIndexSeek", std::move(op),
          [s, start_slot, start_check, check_scope, label_name, key_name](
              ExecContext& ctx, const Row& in, std::vector<Row>& out) -> absl::Status {
            ASSIGN_OR_RETURN(Value key, Evaluate(*s.value, in, *check_scope, *ctx.eval));
            if (key.is_null() || key.type() == Value::Type::kList ||
                key.type() > Value::Type::kList) {
              return absl::OkStatus();
            }
            ASSIGN_OR_RETURN(std::optional<NodeId> id, ctx.txn->FindByKey(s.label, s.key, key));
            if (!id && key.type() == Value::Type::kString && ctx.notifications != nullptr) {
              std::vector<std::string> names;
              int64_t scanned = 0;
              (void)ctx.txn->ScanLabel(s.label, [&](NodeId node) {
                auto v = ctx.txn->GetNodeProperty(node, s.key);
                if (v.ok() && v->type() == Value::Type::kString) names.push_back(v->as_string());
                return ++scanned < 100000;
              });
              ctx.notifications->push_back(StrCat("no ", label_name, " has ", key_name, " ",
                                                  key.ToString(),
                                                  Nearest(names, key.as_string())));
            }
            if (!id) return absl::OkStatus();
            Row row = in;
            ASSIGN_OR_RETURN(row[start_slot], LoadNode(*ctx.txn, *id));
            ASSIGN_OR_RETURN(bool ok,
                             NodeMatches(ctx, row, *check_scope, row[start_slot], start_check));
            if (ok) out.push_back(std::move(row));
            return absl::OkStatus();
          });
      seek_op->set_detail(StrCat(":", label_name, "(", key_name, ") unique index"));
      op = std::move(seek_op);
    } else {
      auto scan = std::make_unique<FlatMapOp>(
          scan_label ? "NodeByLabelScan" : "AllNodesScan", std::move(op),
          [scan_label, impossible, start_slot, start_check, check_scope](
              ExecContext& ctx, const Row& in, std::vector<Row>& out) -> absl::Status {
            if (impossible) return absl::OkStatus();
            std::vector<NodeId> ids;
            if (scan_label) {
              RETURN_IF_ERROR(ctx.txn->ScanLabel(*scan_label, [&](NodeId id) {
                ids.push_back(id);
                return true;
              }));
            } else {
              RETURN_IF_ERROR(ctx.txn->ScanNodes([&](NodeId id, std::string_view) {
                ids.push_back(id);
                return true;
              }));
            }
            for (NodeId id : ids) {
              Row row = in;
              ASSIGN_OR_RETURN(row[start_slot], LoadNode(*ctx.txn, id));
              ASSIGN_OR_RETURN(bool ok, NodeMatches(ctx, row, *check_scope, row[start_slot],
                                                    start_check));
              if (ok) out.push_back(std::move(row));
            }
            return absl::OkStatus();
          });
      if (scan_label) scan->set_detail(StrCat(":", path.nodes[start].labels.front()));
      op = std::move(scan);
    }
  } else if (!start_check.labels.empty() || start_check.properties != nullptr) {
    op = std::make_unique<FilterOp>(
        "NodeFilter", std::move(op),
        [start_slot, start_check, check_scope](ExecContext& ctx, const Row& row) {
          return NodeMatches(ctx, row, *check_scope, row[start_slot], start_check);
        });
  }
  std::vector<bool> done = bound;
  done[start] = true;

  auto expand = [&](size_t rel_index, size_t from, size_t to, bool forward)
      -> absl::StatusOr<std::unique_ptr<Operator>> {
    const RelationshipPattern& rp = path.relationships[rel_index];
    ExpandSpec spec;
    spec.from = node_slots[from];
    spec.to = node_slots[to];
    spec.rel = path_rel_slots[rel_index];
    spec.direction = rp.direction;
    if (!forward && rp.direction != Direction::kBoth) {
      spec.direction =
          rp.direction == Direction::kOutgoing ? Direction::kIncoming : Direction::kOutgoing;
    }
    ASSIGN_OR_RETURN(spec.types, TypeIds(rp.types, rp.pos, &spec.impossible));
    spec.into = done[to];
    spec.rel_bound = rel_bound[rel_index];
    spec.var_length = rp.var_length;
    if (spec.var_length && spec.var_length->min && spec.var_length->max &&
        *spec.var_length->min > *spec.var_length->max) {
      spec.impossible = true;
    }
    spec.unique_against = rel_slots;
    spec.to_check = checks[to];
    spec.rel_properties = rp.properties.get();
    spec.scope = check_scope;
    rel_slots.push_back(spec.rel);
    done[to] = true;
    std::string detail = StrCat(spec.into ? "into " : "", "(", path.nodes[from].variable, ")",
                                spec.direction == Direction::kIncoming ? "<-" : "-", "[",
                                rp.variable, rp.types.empty() ? "" : ":",
                                absl::StrJoin(rp.types, "|"), rp.var_length ? "*" : "", "]",
                                spec.direction == Direction::kOutgoing ? "->" : "-", "(",
                                path.nodes[to].variable, ")");
    std::unique_ptr<Operator> next;
    if (spec.var_length) {
      next = std::make_unique<FlatMapOp>(
          "VarLengthExpand", std::move(op),
          [spec](ExecContext& ctx, const Row& in, std::vector<Row>& out) {
            return ExpandVariable(ctx, in, spec, out);
          });
    } else {
      next = std::make_unique<FlatMapOp>(
          spec.into ? "ExpandInto" : "Expand", std::move(op),
          [spec](ExecContext& ctx, const Row& in, std::vector<Row>& out) {
            return ExpandOnce(ctx, in, spec, out);
          });
    }
    next->set_detail(detail);
    return next;
  };
  for (size_t i = start; i + 1 < n; ++i) {
    ASSIGN_OR_RETURN(op, expand(i, i, i + 1, true));
  }
  for (size_t i = start; i > 0; --i) {
    ASSIGN_OR_RETURN(op, expand(i - 1, i, i - 1, false));
  }

  if (!path.variable.empty()) {
    if (scope->slots.contains(path.variable)) return Conflict(path.variable, path.pos);
    const int path_slot = NewSlot(Kind::kPath);
    scope->slots[path.variable] = path_slot;
    op = std::make_unique<MapOp>(
        "BuildPath", std::move(op),
        [node_slots, path_rel_slots, path_slot](ExecContext& ctx, Row& row) -> absl::Status {
          Path p;
          p.nodes.push_back(row[node_slots[0]].as_node());
          for (size_t i = 0; i < path_rel_slots.size(); ++i) {
            const Value& r = row[path_rel_slots[i]];
            std::vector<Relationship> rels;
            if (r.type() == Value::Type::kList) {
              for (const Value& e : r.as_list()) rels.push_back(e.as_relationship());
            } else {
              rels.push_back(r.as_relationship());
            }
            for (const Relationship& rel : rels) {
              const NodeId next = rel.Other(p.nodes.back().id);
              p.relationships.push_back(rel);
              ASSIGN_OR_RETURN(Value node, LoadNode(*ctx.txn, next));
              p.nodes.push_back(node.as_node());
            }
          }
          row[path_slot] = Value::MakePath(std::move(p));
          return absl::OkStatus();
        });
  }
  return op;
}

absl::StatusOr<std::unique_ptr<Operator>> Planner::PlanPatterns(
    std::unique_ptr<Operator> op, const std::vector<PathPattern>& patterns, ScopePtr& scope,
    const Expression* where) {
  std::vector<const Expression*> conjuncts;
  if (where != nullptr) Conjuncts(*where, conjuncts);
  std::vector<int> rel_slots;
  for (const PathPattern& p : patterns) {
    ASSIGN_OR_RETURN(op, PlanPath(std::move(op), p, scope, rel_slots, conjuncts));
  }
  if (where != nullptr) {
    RETURN_IF_ERROR(CheckExpression(*where, *scope));
    ScopePtr s = scope;
    op = std::make_unique<FilterOp>("Filter", std::move(op),
                                    [where, s](ExecContext& ctx, const Row& row) {
                                      return EvaluatePredicate(*where, row, *s, *ctx.eval);
                                    });
    op->set_detail(std::string(where->text));
  }
  return op;
}

absl::StatusOr<std::unique_ptr<Operator>> Planner::PlanMatch(std::unique_ptr<Operator> op,
                                                             const MatchClause& m,
                                                             ScopePtr& scope) {
  if (!m.optional) return PlanPatterns(std::move(op), m.pattern, scope, m.where.get());
  // OPTIONAL MATCH: the pattern runs per input row; no match gives nulls.
  auto argument = std::make_unique<ArgumentOp>(0);
  ArgumentOp* arg = argument.get();
  const Scope before = *scope;
  ASSIGN_OR_RETURN(std::unique_ptr<Operator> inner,
                   PlanPatterns(std::move(argument), m.pattern, scope, m.where.get()));
  std::vector<int> new_slots;
  for (const auto& [name, slot] : scope->slots) {
    if (!before.slots.contains(name)) new_slots.push_back(slot);
  }
  return std::make_unique<ApplyOp>(std::move(op), std::move(inner), arg, true, new_slots);
}

// ---------------------------------------------------------------- projection

absl::Status Planner::CheckConstant(const Expression& e, std::string_view what) {
  if (HasVariables(e)) {
    return Error(ErrorType::kSyntaxError, "NonConstantExpression",
                 StrCat(what, " must be a constant, not depend on variables"), e.pos);
  }
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<Operator>> Planner::PlanProjection(
    std::unique_ptr<Operator> op, const Projection& p, ScopePtr& scope, bool is_return,
    const Expression* where, std::vector<int>* out_slots, std::vector<std::string>* out_names) {
  struct Item {
    const Expression* expr;  // null for a `*` variable
    std::string name;
    int source_slot = -1;    // `*` variables
    int slot = -1;
    bool aggregate = false;
  };
  std::vector<Item> items;
  if (p.star) {
    std::vector<std::string> names;
    for (const auto& [name, slot] : scope->slots) {
      if (!IsHidden(name)) names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    if (names.empty() && p.items.empty()) {
      return Error(ErrorType::kSyntaxError, "NoVariablesInScope",
                   "RETURN * / WITH * needs at least one variable in scope", SourcePos{});
    }
    for (const std::string& n : names) items.push_back(Item{nullptr, n, scope->slots.at(n)});
  }
  std::set<std::string> seen;
  for (const Item& i : items) seen.insert(i.name);
  for (const ProjectionItem& pi : p.items) {
    RETURN_IF_ERROR(CheckExpression(*pi.expr, *scope));
    if (!is_return && !pi.alias && pi.expr->kind != ExprKind::kVariable) {
      return Error(ErrorType::kSyntaxError, "NoExpressionAlias",
                   "expressions in WITH must be aliased (use AS)", pi.expr->pos);
    }
    std::string name(pi.ColumnName());
    if (!seen.insert(name).second) {
      return Error(ErrorType::kSyntaxError, "ColumnNameConflict",
                   StrCat("multiple result columns with the same name `", name, "`"),
                   pi.expr->pos);
    }
    Item item{pi.expr.get(), name};
    item.aggregate = ContainsAggregate(*pi.expr);
    items.push_back(item);
  }
  const bool aggregating =
      std::any_of(items.begin(), items.end(), [](const Item& i) { return i.aggregate; });

  ScopePtr in_scope = scope;
  auto out_scope = std::make_shared<Scope>();
  for (Item& i : items) {
    Kind kind = Kind::kValue;
    if (i.expr == nullptr) {
      kind = KindOf(i.source_slot);
    } else if (const auto* v = i.expr->TryAs<VariableExpr>()) {
      kind = KindOf(scope->slots.at(v->name));
    } else if (i.expr->kind != ExprKind::kLiteral && i.expr->kind != ExprKind::kList &&
               i.expr->kind != ExprKind::kMap) {
      kind = Kind::kUnknown;
    }
    i.slot = NewSlot(kind);
    out_scope->slots[i.name] = i.slot;
  }
  std::vector<int> item_slots;
  for (const Item& i : items) item_slots.push_back(i.slot);

  // Expressions in ORDER BY written like an item mean that item's value.
  auto match_items = [&](Scope& target) {
    for (const SortItem& s : p.order_by) {
      for (const Item& i : items) {
        if (i.expr != nullptr && i.expr->text == s.expr->text) target.precomputed[s.expr.get()] = i.slot;
      }
    }
  };

  if (!aggregating) {
    std::vector<Item> copy = items;
    op = std::make_unique<MapOp>("Projection", std::move(op),
                                 [copy, in_scope](ExecContext& ctx, Row& row) -> absl::Status {
                                   for (const Item& i : copy) {
                                     if (i.expr == nullptr) {
                                       row[i.slot] = row[i.source_slot];
                                     } else {
                                       ASSIGN_OR_RETURN(row[i.slot],
                                                        Evaluate(*i.expr, row, *in_scope,
                                                                 *ctx.eval));
                                     }
                                   }
                                   return absl::OkStatus();
                                 });
    // ORDER BY sees both the old variables and the new names, unless DISTINCT.
    auto sort_scope = std::make_shared<Scope>(p.distinct ? Scope() : *in_scope);
    for (const auto& [n, s] : out_scope->slots) sort_scope->slots[n] = s;
    match_items(*sort_scope);
    if (p.distinct) op = MakeDistinct(std::move(op), item_slots, /*count=*/true);
    for (const SortItem& s : p.order_by) RETURN_IF_ERROR(CheckExpression(*s.expr, *sort_scope));
    if (!p.order_by.empty()) op = MakeSort(std::move(op), p.order_by, sort_scope);
  } else {
    // Grouping keys are the items without aggregates; aggregates get their own slots.
    struct Agg {
      const Expression* expr;
      int slot;
    };
    std::vector<Item> keys;
    std::vector<Agg> aggs;
    auto agg_scope = std::make_shared<Scope>();
    for (const Item& i : items) {
      if (!i.aggregate) {
        keys.push_back(i);
        continue;
      }
      std::vector<const Expression*> calls;
      CollectAggregates(*i.expr, calls);
      for (const Expression* c : calls) {
        std::vector<const Expression*> nested;
        ForEachChild(*c, [&](const Expression& arg) { CollectAggregates(arg, nested); });
        if (!nested.empty()) {
          return Error(ErrorType::kSyntaxError, "NestedAggregation",
                       "an aggregation cannot contain another aggregation", nested[0]->pos);
        }
        Agg a{c, NewSlot()};
        aggs.push_back(a);
        agg_scope->precomputed[c] = a.slot;
      }
    }
    for (const Item& k : keys) {
      if (k.expr != nullptr) agg_scope->precomputed[k.expr] = k.slot;
      // Variables that are grouping keys stay usable by their name.
      if (k.expr != nullptr && k.expr->kind == ExprKind::kVariable) {
        agg_scope->slots[k.expr->As<VariableExpr>().name] = k.slot;
      }
    }
    for (const auto& [n, s] : out_scope->slots) agg_scope->slots[n] = s;
    // Other sub-expressions of an aggregating item that equal a key by text use it.
    std::vector<Item> all = items;
    const int width = num_slots_;  // rows are resized before aggregation output
    // Groups are updated as rows stream in; only one row per group is kept.
    struct Group {
      Row first;
      std::vector<std::unique_ptr<Aggregator>> aggregators;
    };
    struct State {
      absl::flat_hash_map<std::vector<Value>, size_t, ValueHash, ValueEquivalent> index;
      std::vector<Group> groups;
    };
    auto state = std::make_shared<State>();
    auto new_aggregators = [aggs]() -> absl::StatusOr<std::vector<std::unique_ptr<Aggregator>>> {
      std::vector<std::unique_ptr<Aggregator>> out;
      for (const Agg& a : aggs) {
        const Expression& e = *a.expr;
        const bool star = e.kind == ExprKind::kCountStar;
        ASSIGN_OR_RETURN(std::unique_ptr<Aggregator> agg,
                         MakeAggregator(star ? "count" : e.As<FunctionCallExpr>().name,
                                        !star && e.As<FunctionCallExpr>().distinct, star));
        out.push_back(std::move(agg));
      }
      return out;
    };
    auto consume = [keys, aggs, in_scope, state, new_aggregators](
                       ExecContext& ctx, Row& row) -> absl::StatusOr<bool> {
      std::vector<Value> key;
      key.reserve(keys.size());
      for (const Item& k : keys) {
        if (k.expr == nullptr) {
          key.push_back(row[k.source_slot]);
        } else {
          ASSIGN_OR_RETURN(Value v, Evaluate(*k.expr, row, *in_scope, *ctx.eval));
          key.push_back(std::move(v));
        }
      }
      auto it = state->index.find(key);
      if (it == state->index.end()) {
        RETURN_IF_ERROR(ctx.Materialise(1));
        Group g;
        g.first = row;
        for (size_t i = 0; i < keys.size(); ++i) g.first[keys[i].slot] = key[i];
        ASSIGN_OR_RETURN(g.aggregators, new_aggregators());
        it = state->index.emplace(std::move(key), state->groups.size()).first;
        state->groups.push_back(std::move(g));
      }
      Group& g = state->groups[it->second];
      for (size_t a = 0; a < aggs.size(); ++a) {
        const Expression& e = *aggs[a].expr;
        if (e.kind == ExprKind::kCountStar) {
          RETURN_IF_ERROR(g.aggregators[a]->Add(Value::Bool(true)));
          continue;
        }
        const auto& f = e.As<FunctionCallExpr>();
        Value v;
        if (!f.args.empty()) {
          ASSIGN_OR_RETURN(v, Evaluate(*f.args[0], row, *in_scope, *ctx.eval));
        }
        RETURN_IF_ERROR(g.aggregators[a]->Add(v));
      }
      return false;  // nothing to keep: the group holds what is needed
    };
    op = std::make_unique<EagerOp>(
        "Aggregate", std::move(op),
        [keys, aggs, all, agg_scope, width, state, new_aggregators](
            ExecContext& ctx, std::vector<Row>& rows) -> absl::Status {
          // No rows and no grouping keys: one row of empty aggregates.
          if (state->groups.empty() && keys.empty()) {
            Group g;
            g.first = Row(width);
            ASSIGN_OR_RETURN(g.aggregators, new_aggregators());
            state->groups.push_back(std::move(g));
          }
          std::vector<Row> out;
          for (Group& g : state->groups) {
            Row row = std::move(g.first);
            for (size_t a = 0; a < aggs.size(); ++a) row[aggs[a].slot] = g.aggregators[a]->Finish();
            for (const Item& i : all) {
              if (!i.aggregate) continue;
              ASSIGN_OR_RETURN(row[i.slot], Evaluate(*i.expr, row, *agg_scope, *ctx.eval));
            }
            out.push_back(std::move(row));
          }
          state->groups.clear();
          state->index.clear();
          rows = std::move(out);
          return absl::OkStatus();
        },
        consume);
    match_items(*agg_scope);
    for (const SortItem& s : p.order_by) {
      std::vector<const Expression*> calls;
      CollectAggregates(*s.expr, calls);
      for (const Expression* c : calls) {
        bool found = false;
        for (const Agg& a : aggs) {
          if (a.expr->text == c->text) {
            agg_scope->precomputed[c] = a.slot;
            found = true;
          }
        }
        if (!found) {
          return Error(ErrorType::kSyntaxError, "InvalidAggregation",
                       "an aggregation in ORDER BY must also be projected", c->pos);
        }
      }
      if (!agg_scope->precomputed.contains(s.expr.get())) {
        RETURN_IF_ERROR(CheckExpression(*s.expr, *agg_scope));
      }
    }
    if (p.distinct) op = MakeDistinct(std::move(op), item_slots, /*count=*/false);
    if (!p.order_by.empty()) op = MakeSort(std::move(op), p.order_by, agg_scope);
  }

  if (p.skip || p.limit) {
    for (const Expression* e : {p.skip.get(), p.limit.get()}) {
      if (e != nullptr) RETURN_IF_ERROR(CheckConstant(*e, e == p.skip.get() ? "SKIP" : "LIMIT"));
    }
    op = std::make_unique<SliceOp>(std::move(op), p.skip.get(), p.limit.get());
  }

  if (where != nullptr) {
    // WITH ... WHERE sees the new names (and, without aggregation, the old ones).
    auto where_scope = std::make_shared<Scope>(aggregating ? Scope() : *in_scope);
    for (const auto& [n, slot] : out_scope->slots) where_scope->slots[n] = slot;
    RETURN_IF_ERROR(CheckExpression(*where, *where_scope));
    op = std::make_unique<FilterOp>("Filter", std::move(op),
                                    [where, where_scope](ExecContext& ctx, const Row& row) {
                                      return EvaluatePredicate(*where, row, *where_scope,
                                                               *ctx.eval);
                                    });
    op->set_detail(std::string(where->text));
  }
  if (out_slots != nullptr) {
    for (const Item& i : items) {
      out_slots->push_back(i.slot);
      out_names->push_back(i.name);
    }
  }
  scope = out_scope;
  return op;
}

absl::StatusOr<std::unique_ptr<Operator>> Planner::PlanUnwind(std::unique_ptr<Operator> op,
                                                              const UnwindClause& u,
                                                              ScopePtr& scope) {
  RETURN_IF_ERROR(CheckExpression(*u.list, *scope));
  if (scope->slots.contains(u.variable)) {
    return Error(ErrorType::kSyntaxError, "VariableAlreadyBound",
                 StrCat("variable `", u.variable, "` is already bound"), u.pos);
  }
  ScopePtr in = scope;
  scope = std::make_shared<Scope>(*scope);
  const int slot = NewSlot();
  scope->slots[u.variable] = slot;
  const Expression* list = u.list.get();
  auto unwind = std::make_unique<FlatMapOp>(
      "Unwind", std::move(op),
      [list, in, slot](ExecContext& ctx, const Row& row, std::vector<Row>& out) -> absl::Status {
        ASSIGN_OR_RETURN(Value v, Evaluate(*list, row, *in, *ctx.eval));
        if (v.is_null()) return absl::OkStatus();
        if (v.type() != Value::Type::kList) {
          Row r = row;
          r[slot] = std::move(v);
          out.push_back(std::move(r));
          return absl::OkStatus();
        }
        for (const Value& e : v.as_list()) {
          Row r = row;
          r[slot] = e;
          out.push_back(std::move(r));
        }
        return absl::OkStatus();
      });
  unwind->set_detail(std::string(list->text));
  return unwind;
}

absl::StatusOr<std::unique_ptr<Operator>> Planner::PlanCall(
    std::unique_ptr<Operator> op, const CallClause& c, ScopePtr& scope, bool standalone,
    std::vector<std::string>& columns, std::vector<int>& column_slots) {
  const std::string name = c.QualifiedName();
  const ProcedureSignature* sig = procedures_.Find(name);
  const ProcedureFn* fn = procedures_.FindFunction(name);
  if (sig == nullptr || fn == nullptr) {
    std::vector<std::string> known;
    for (const ProcedureSignature* s : procedures_.List()) known.push_back(s->name);
    return Error(ErrorType::kProcedureError, "ProcedureNotFound",
                 StrCat("there is no procedure '", name, "'", Nearest(known, name)), c.pos);
  }
  writes_ = writes_ || sig->writes;
  for (const auto& a : c.args) RETURN_IF_ERROR(CheckExpression(*a, *scope));
  if (c.explicit_args &&
      (c.args.size() < sig->required_inputs || c.args.size() > sig->inputs.size())) {
    return Error(ErrorType::kSyntaxError, "InvalidNumberOfArguments",
                 StrCat("procedure ", name, " takes ", sig->required_inputs,
                        sig->inputs.size() > sig->required_inputs
                            ? StrCat(" to ", sig->inputs.size())
                            : std::string(),
                        " arguments, got ", c.args.size()),
                 c.pos);
  }
  // Output columns: YIELD items, or every output for a standalone CALL.
  std::vector<std::pair<size_t, int>> outputs;  // output index -> slot
  ScopePtr in = scope;
  scope = std::make_shared<Scope>(*scope);
  auto bind = [&](size_t index, const std::string& as) {
    int slot = NewSlot();
    scope->slots[as] = slot;
    outputs.emplace_back(index, slot);
    if (standalone) {
      columns.push_back(as);
      column_slots.push_back(slot);
    }
  };
  if (c.yields.empty() || c.yield_all) {
    if (!standalone && !c.yield_all && !sig->outputs.empty()) {
      return Error(ErrorType::kSyntaxError, "InvalidArgumentPassingMode",
                   StrCat("CALL ", name, " inside a query needs YIELD"), c.pos);
    }
    for (size_t i = 0; i < sig->outputs.size(); ++i) bind(i, sig->outputs[i]);
  } else {
    for (const YieldItem& y : c.yields) {
      auto it = std::find(sig->outputs.begin(), sig->outputs.end(), y.field);
      if (it == sig->outputs.end()) {
        return Error(ErrorType::kSyntaxError, "UndefinedVariable",
                     StrCat("procedure ", name, " has no output '", y.field, "' (outputs: ",
                            absl::StrJoin(sig->outputs, ", "), ")"),
                     y.pos);
      }
      bind(static_cast<size_t>(it - sig->outputs.begin()), y.alias.value_or(y.field));
    }
  }
  std::vector<const Expression*> args;
  for (const auto& a : c.args) args.push_back(a.get());
  const bool implicit = !c.explicit_args;
  const std::vector<std::string> inputs = sig->inputs;
  ProcedureFn call = *fn;
  auto call_op = std::make_unique<FlatMapOp>(
      "ProcedureCall", std::move(op),
      [args, in, outputs, call, implicit, inputs](ExecContext& ctx, const Row& row,
                                                  std::vector<Row>& out) -> absl::Status {
        std::vector<Value> values;
        if (implicit) {
          for (const std::string& input : inputs) {
            auto it = ctx.eval->parameters().find(input);
            if (it == ctx.eval->parameters().end()) break;
            values.push_back(it->second);
          }
        } else {
          for (const Expression* a : args) {
            ASSIGN_OR_RETURN(Value v, Evaluate(*a, row, *in, *ctx.eval));
            values.push_back(std::move(v));
          }
        }
        const ProcedureCheckpoint checkpoint = [&ctx](std::string_view step, uint64_t done,
                                                      uint64_t expected) {
          if (ctx.limits.progress) ctx.limits.progress(step, done, expected);
          return ctx.Check();
        };
        ASSIGN_OR_RETURN(std::vector<std::vector<Value>> results,
                         call(ProcedureCall{values, *ctx.txn, &checkpoint}));
        for (auto& result : results) {
          Row r = row;
          for (const auto& [index, slot] : outputs) {
            r[slot] = index < result.size() ? result[index] : Value();
          }
          out.push_back(std::move(r));
        }
        return absl::OkStatus();
      });
  call_op->set_detail(name);
  op = std::move(call_op);
  if (c.where) {
    RETURN_IF_ERROR(CheckExpression(*c.where, *scope));
    const Expression* where = c.where.get();
    ScopePtr s = scope;
    op = std::make_unique<FilterOp>("Filter", std::move(op),
                                    [where, s](ExecContext& ctx, const Row& row) {
                                      return EvaluatePredicate(*where, row, *s, *ctx.eval);
                                    });
  }
  return op;
}

// ---------------------------------------------------------------- updates

// After a write, rows holding a node or relationship see its new state.
absl::Status Refresh(ExecContext& ctx, std::vector<Row>& rows) {
  absl::flat_hash_map<NodeId, Value> nodes;
  for (Row& row : rows) {
    for (Value& v : row) {
      if (v.type() == Value::Type::kNode) {
        const NodeId id = v.as_node().id;
        auto it = nodes.find(id);
        if (it == nodes.end()) {
          absl::StatusOr<Value> fresh = LoadNode(*ctx.txn, id);
          it = nodes.emplace(id, fresh.ok() ? *fresh : v).first;
        }
        v = it->second;
      } else if (v.type() == Value::Type::kRelationship) {
        auto key = KeyOf(*ctx.txn, v.as_relationship());
        if (!key.ok()) continue;
        absl::StatusOr<Value> fresh = LoadRelationship(*ctx.txn, *key);
        if (fresh.ok()) v = *fresh;
      }
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<PropertyMap> EvaluateProperties(ExecContext& ctx, const Expression* e,
                                               const Row& row, const Scope& scope) {
  if (e == nullptr) return PropertyMap();
  ASSIGN_OR_RETURN(Value v, Evaluate(*e, row, scope, *ctx.eval));
  if (v.is_null()) return PropertyMap();
  if (v.type() != Value::Type::kMap) {
    return MakeQueryError(ErrorType::kTypeError, "InvalidArgumentType",
                          StrCat("expected a map of properties, got ", v.ToString()),
                          ctx.eval->query_text(), e->pos.offset);
  }
  PropertyMap out;
  for (const auto& [k, val] : v.as_map()) {
    if (!val.is_null()) out.emplace(k, val);
  }
  return out;
}

// Wraps storage errors so that schema violations read as Cypher errors.
absl::Status WriteError(const absl::Status& s) {
  if (s.ok() || GetQueryError(s)) return s;
  const std::string_view message(s.message().data(), s.message().size());
  if (s.code() == absl::StatusCode::kFailedPrecondition &&
      message.find("DETACH DELETE") != std::string_view::npos) {
    return MakeQueryError(ErrorType::kConstraintVerificationFailed, "DeleteConnectedNode",
                          message);
  }
  if (s.code() == absl::StatusCode::kInvalidArgument &&
      message.find("cannot be stored") != std::string_view::npos) {
    return MakeQueryError(ErrorType::kTypeError, "InvalidPropertyType", message);
  }
  if (s.code() == absl::StatusCode::kAlreadyExists || s.code() == absl::StatusCode::kInvalidArgument) {
    return MakeQueryError(ErrorType::kConstraintVerificationFailed, "SchemaViolation",
                          message);
  }
  return s;
}

struct CreatePlan {
  struct NodePart {
    int slot;
    bool create;
    std::vector<std::string> labels;
    const Expression* properties;
  };
  struct RelPart {
    int slot;
    int from;  // node slots in written direction
    int to;
    std::string type;
    const Expression* properties;
  };
  std::vector<NodePart> nodes;
  std::vector<RelPart> rels;
  ScopePtr scope;  // where property maps are evaluated
};

absl::Status RunCreate(ExecContext& ctx, const CreatePlan& plan, Row& row) {
  for (const auto& n : plan.nodes) {
    if (!n.create) continue;
    ASSIGN_OR_RETURN(PropertyMap props, EvaluateProperties(ctx, n.properties, row, *plan.scope));
    const size_t count = props.size();
    absl::StatusOr<NodeId> id = ctx.txn->CreateNode(n.labels, std::move(props));
    RETURN_IF_ERROR(WriteError(id.status()));
    ctx.stats->nodes_created++;
    ctx.stats->labels_added += static_cast<int64_t>(n.labels.size());
    ctx.stats->properties_set += static_cast<int64_t>(count);
    ASSIGN_OR_RETURN(row[n.slot], LoadNode(*ctx.txn, *id));
  }
  for (const auto& r : plan.rels) {
    if (row[r.from].type() != Value::Type::kNode || row[r.to].type() != Value::Type::kNode) {
      return MakeQueryError(ErrorType::kSemanticError, "CreatingRelationshipToNull",
                            "cannot create a relationship to or from null");
    }
    ASSIGN_OR_RETURN(PropertyMap props, EvaluateProperties(ctx, r.properties, row, *plan.scope));
    const size_t count = props.size();
    absl::StatusOr<storage::EdgeKey> key = ctx.txn->CreateEdge(
        row[r.from].as_node().id, r.type, row[r.to].as_node().id, std::move(props));
    RETURN_IF_ERROR(WriteError(key.status()));
    ctx.stats->relationships_created++;
    ctx.stats->properties_set += static_cast<int64_t>(count);
    ASSIGN_OR_RETURN(row[r.slot], LoadRelationship(*ctx.txn, *key));
  }
  return absl::OkStatus();
}

struct SetPlanItem {
  const SetItem* item;
  int slot;  // the variable's slot (labels, = and +=) or the property's object slot
};

absl::Status ApplySet(ExecContext& ctx, const SetItem& item, const Row& row, const Scope& scope) {
  storage::Transaction& txn = *ctx.txn;
  auto target_of = [&](const Value& v, auto&& on_node, auto&& on_rel) -> absl::Status {
    if (v.is_null()) return absl::OkStatus();
    if (v.type() == Value::Type::kNode) return on_node(v.as_node().id);
    if (v.type() == Value::Type::kRelationship) {
      ASSIGN_OR_RETURN(storage::EdgeKey key, KeyOf(txn, v.as_relationship()));
      return on_rel(key);
    }
    return MakeQueryError(ErrorType::kTypeError, "InvalidArgumentType",
                          StrCat("cannot set properties on ", v.ToString()),
                          ctx.eval->query_text(), item.pos.offset);
  };
  switch (item.kind) {
    case SetItem::Kind::kProperty: {
      const auto& p = item.property->As<PropertyExpr>();
      ASSIGN_OR_RETURN(Value object, Evaluate(*p.object, row, scope, *ctx.eval));
      ASSIGN_OR_RETURN(Value value, Evaluate(*item.value, row, scope, *ctx.eval));
      PropertyMap change;
      change.emplace(p.key, value);
      ctx.stats->properties_set++;
      return target_of(
          object,
          [&](NodeId id) { return WriteError(txn.SetNodeProperties(id, change, false)); },
          [&](const storage::EdgeKey& k) {
            return WriteError(txn.SetEdgeProperties(k, change, false));
          });
    }
    case SetItem::Kind::kReplaceProperties:
    case SetItem::Kind::kMergeProperties: {
      ASSIGN_OR_RETURN(Value object, Evaluate(*item.value, row, scope, *ctx.eval));
      Value target = row[scope.slots.at(item.variable)];
      PropertyMap change;
      if (object.type() == Value::Type::kMap) {
        change = object.as_map();
      } else if (object.type() == Value::Type::kNode) {
        change = object.as_node().properties;
      } else if (object.type() == Value::Type::kRelationship) {
        change = object.as_relationship().properties;
      } else if (!object.is_null()) {
        return MakeQueryError(ErrorType::kTypeError, "InvalidArgumentType",
                              StrCat("SET needs a map, got ", object.ToString()),
                              ctx.eval->query_text(), item.pos.offset);
      }
      const bool replace = item.kind == SetItem::Kind::kReplaceProperties;
      ctx.stats->properties_set += static_cast<int64_t>(change.size());
      return target_of(
          target, [&](NodeId id) { return WriteError(txn.SetNodeProperties(id, change, replace)); },
          [&](const storage::EdgeKey& k) {
            return WriteError(txn.SetEdgeProperties(k, change, replace));
          });
    }
    case SetItem::Kind::kLabels: {
      const Value& target = row[scope.slots.at(item.variable)];
      if (target.is_null()) return absl::OkStatus();
      if (target.type() != Value::Type::kNode) {
        return MakeQueryError(ErrorType::kTypeError, "InvalidArgumentType",
                              "labels can only be set on nodes", ctx.eval->query_text(),
                              item.pos.offset);
      }
      ASSIGN_OR_RETURN(Value fresh, LoadNode(txn, target.as_node().id));
      for (const std::string& l : item.labels) {
        if (!fresh.as_node().HasLabel(l)) ctx.stats->labels_added++;
      }
      return WriteError(txn.SetNodeLabels(target.as_node().id, item.labels, {}));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<Operator>> Planner::PlanUpdate(std::unique_ptr<Operator> op,
                                                              const Clause& c, ScopePtr& scope) {
  writes_ = true;
  switch (c.kind) {
    case ClauseKind::kCreate: {
      const auto& create = c.As<CreateClause>();
      ScopePtr before = scope;
      scope = std::make_shared<Scope>(*scope);
      CreatePlan plan;
      plan.scope = scope;
      std::vector<std::pair<std::string, int>> paths;
      for (const PathPattern& path : create.pattern) {
        std::vector<int> slots;
        for (const NodePattern& np : path.nodes) {
          if (np.properties) RETURN_IF_ERROR(CheckExpression(*np.properties, *before));
          std::string name = np.variable.empty() ? Hidden() : np.variable;
          auto it = scope->slots.find(name);
          if (it != scope->slots.end()) {
            if (!np.labels.empty() || np.properties) {
              return Error(ErrorType::kSyntaxError, "VariableAlreadyBound",
                           StrCat("variable `", name, "` is already bound and cannot be "
                                                      "created again with labels or properties"),
                           np.pos);
            }
            slots.push_back(it->second);
            continue;
          }
          bool impossible = false;
          RETURN_IF_ERROR(LabelIds(np.labels, np.pos, &impossible).status());
          int slot = NewSlot();
          scope->slots[name] = slot;
          slots.push_back(slot);
          plan.nodes.push_back({slot, true, np.labels, np.properties.get()});
        }
        for (size_t i = 0; i < path.relationships.size(); ++i) {
          const RelationshipPattern& rp = path.relationships[i];
          if (rp.types.size() != 1) {
            return Error(ErrorType::kSyntaxError, "NoSingleRelationshipType",
                         "a created relationship needs exactly one type", rp.pos);
          }
          if (rp.direction == Direction::kBoth) {
            return Error(ErrorType::kSyntaxError, "RequiresDirectedRelationship",
                         "a created relationship needs a direction", rp.pos);
          }
          if (rp.var_length) {
            return Error(ErrorType::kSyntaxError, "CreatingVarLength",
                         "variable-length relationships cannot be created", rp.pos);
          }
          if (rp.properties) RETURN_IF_ERROR(CheckExpression(*rp.properties, *before));
          std::string name = rp.variable.empty() ? Hidden() : rp.variable;
          if (scope->slots.contains(name)) {
            return Error(ErrorType::kSyntaxError, "VariableAlreadyBound",
                         StrCat("variable `", name, "` is already bound"), rp.pos);
          }
          bool impossible = false;
          RETURN_IF_ERROR(TypeIds(rp.types, rp.pos, &impossible).status());
          int slot = NewSlot();
          scope->slots[name] = slot;
          const bool forward = rp.direction == Direction::kOutgoing;
          plan.rels.push_back({slot, forward ? slots[i] : slots[i + 1],
                               forward ? slots[i + 1] : slots[i], rp.types[0],
                               rp.properties.get()});
        }
        if (!path.variable.empty()) {
          return Error(ErrorType::kSyntaxError, "UnsupportedExpression",
                       "named paths in CREATE are not supported yet", path.pos);
        }
      }
      return std::make_unique<EagerOp>(
          "Create", std::move(op), [plan](ExecContext& ctx, std::vector<Row>& rows) -> absl::Status {
            for (Row& row : rows) RETURN_IF_ERROR(RunCreate(ctx, plan, row));
            return absl::OkStatus();
          });
    }
    case ClauseKind::kMerge: {
      const auto& merge = c.As<MergeClause>();
      auto argument = std::make_unique<ArgumentOp>(0);
      ArgumentOp* arg = argument.get();
      ScopePtr before = scope;
      ScopePtr match_scope = std::make_shared<Scope>(*scope);
      std::vector<PathPattern> pattern;
      pattern.push_back(Clone(merge.pattern));
      auto patterns = std::make_shared<std::vector<PathPattern>>(std::move(pattern));
      ASSIGN_OR_RETURN(std::unique_ptr<Operator> inner,
                       PlanPatterns(std::move(argument), *patterns, match_scope, nullptr));
      // What to create when nothing matches: the pattern's parts not bound before.
      CreatePlan plan;
      plan.scope = before;
      const PathPattern& path = merge.pattern;
      std::vector<int> slots;
      for (const NodePattern& np : path.nodes) {
        std::string name = np.variable;
        int slot = -1;
        if (!name.empty()) slot = match_scope->slots.at(name);
        const bool create = name.empty() || !before->slots.contains(name);
        if (slot < 0) {
          slot = NewSlot();  // anonymous: its own slot for the created node
        }
        if (create) {
          bool duplicate = false;
          for (const auto& n : plan.nodes) duplicate = duplicate || n.slot == slot;
          if (!duplicate) plan.nodes.push_back({slot, true, np.labels, np.properties.get()});
        }
        slots.push_back(slot);
      }
      for (size_t i = 0; i < path.relationships.size(); ++i) {
        const RelationshipPattern& rp = path.relationships[i];
        if (rp.types.size() != 1) {
          return Error(ErrorType::kSyntaxError, "NoSingleRelationshipType",
                       "a merged relationship needs exactly one type", rp.pos);
        }
        if (rp.var_length) {
          return Error(ErrorType::kSyntaxError, "CreatingVarLength",
                       "variable-length relationships cannot be merged", rp.pos);
        }
        int slot = rp.variable.empty() ? NewSlot() : match_scope->slots.at(rp.variable);
        // An undirected MERGE creates left to right.
        const bool forward = rp.direction != Direction::kIncoming;
        plan.rels.push_back({slot, forward ? slots[i] : slots[i + 1],
                             forward ? slots[i + 1] : slots[i], rp.types[0],
                             rp.properties.get()});
      }
      if (!path.variable.empty()) {
        return Error(ErrorType::kSyntaxError, "UnsupportedExpression",
                     "named paths in MERGE are not supported yet", path.pos);
      }
      scope = match_scope;
      plan.scope = scope;
      for (const SetItem& item : merge.on_create) RETURN_IF_ERROR(CheckSetItem(item, *scope));
      for (const SetItem& item : merge.on_match) RETURN_IF_ERROR(CheckSetItem(item, *scope));
      const MergeClause* m = &merge;
      ScopePtr s = scope;
      Operator* inner_op = inner.get();
      auto eager = std::make_unique<EagerOp>(
          "Merge", std::move(op),
          [plan, m, s, arg, inner_op, patterns](ExecContext& ctx,
                                                std::vector<Row>& rows) -> absl::Status {
            std::vector<Row> out;
            for (Row& row : rows) {
              arg->SetArgument(row);
              inner_op->Reset();
              std::vector<Row> matches;
              Row match;
              while (true) {
                ASSIGN_OR_RETURN(bool more, inner_op->Pull(ctx, match));
                if (!more) break;
                matches.push_back(match);
              }
              if (matches.empty()) {
                Row created = row;
                RETURN_IF_ERROR(RunCreate(ctx, plan, created));
                std::vector<Row> one = {created};
                RETURN_IF_ERROR(Refresh(ctx, one));
                for (const SetItem& item : m->on_create) {
                  RETURN_IF_ERROR(ApplySet(ctx, item, one[0], *s));
                }
                out.push_back(std::move(one[0]));
              } else {
                for (Row& r : matches) {
                  for (const SetItem& item : m->on_match) RETURN_IF_ERROR(ApplySet(ctx, item, r, *s));
                  out.push_back(std::move(r));
                }
              }
              RETURN_IF_ERROR(Refresh(ctx, out));
            }
            rows = std::move(out);
            return absl::OkStatus();
          });
      eager->AddChild(std::move(inner));
      return eager;
    }
    case ClauseKind::kSet: {
      const auto& set = c.As<SetClause>();
      for (const SetItem& item : set.items) RETURN_IF_ERROR(CheckSetItem(item, *scope));
      const SetClause* sc = &set;
      ScopePtr s = scope;
      return std::make_unique<EagerOp>(
          "SetProperties", std::move(op),
          [sc, s](ExecContext& ctx, std::vector<Row>& rows) -> absl::Status {
            for (Row& row : rows) {
              for (const SetItem& item : sc->items) {
                RETURN_IF_ERROR(ApplySet(ctx, item, row, *s));
                std::vector<Row> one = {row};
                RETURN_IF_ERROR(Refresh(ctx, one));
                row = std::move(one[0]);
              }
            }
            return Refresh(ctx, rows);
          });
    }
    case ClauseKind::kRemove: {
      const auto& remove = c.As<RemoveClause>();
      for (const RemoveItem& item : remove.items) {
        if (item.kind == RemoveItem::Kind::kProperty) {
          RETURN_IF_ERROR(CheckExpression(*item.property, *scope));
        } else if (!scope->slots.contains(item.variable)) {
          return Error(ErrorType::kSyntaxError, "UndefinedVariable",
                       StrCat("variable `", item.variable, "` is not defined"), item.pos);
        }
      }
      const RemoveClause* rc = &remove;
      ScopePtr s = scope;
      return std::make_unique<EagerOp>(
          "Remove", std::move(op),
          [rc, s](ExecContext& ctx, std::vector<Row>& rows) -> absl::Status {
            for (Row& row : rows) {
              for (const RemoveItem& item : rc->items) {
                if (item.kind == RemoveItem::Kind::kProperty) {
                  const auto& p = item.property->As<PropertyExpr>();
                  ASSIGN_OR_RETURN(Value object, Evaluate(*p.object, row, *s, *ctx.eval));
                  PropertyMap change;
                  change.emplace(p.key, Value());
                  if (object.type() == Value::Type::kNode) {
                    RETURN_IF_ERROR(WriteError(
                        ctx.txn->SetNodeProperties(object.as_node().id, change, false)));
                  } else if (object.type() == Value::Type::kRelationship) {
                    ASSIGN_OR_RETURN(storage::EdgeKey key, KeyOf(*ctx.txn, object.as_relationship()));
                    RETURN_IF_ERROR(WriteError(ctx.txn->SetEdgeProperties(key, change, false)));
                  }
                } else {
                  const Value& target = row[s->slots.at(item.variable)];
                  if (target.type() != Value::Type::kNode) continue;
                  ASSIGN_OR_RETURN(Value fresh, LoadNode(*ctx.txn, target.as_node().id));
                  for (const std::string& l : item.labels) {
                    if (fresh.as_node().HasLabel(l)) ctx.stats->labels_removed++;
                  }
                  RETURN_IF_ERROR(
                      WriteError(ctx.txn->SetNodeLabels(target.as_node().id, {}, item.labels)));
                }
              }
            }
            return Refresh(ctx, rows);
          });
    }
    case ClauseKind::kDelete: {
      const auto& del = c.As<DeleteClause>();
      for (const auto& t : del.targets) RETURN_IF_ERROR(CheckExpression(*t, *scope));
      const DeleteClause* dc = &del;
      ScopePtr s = scope;
      return std::make_unique<EagerOp>(
          "Delete", std::move(op),
          [dc, s](ExecContext& ctx, std::vector<Row>& rows) -> absl::Status {
            // Relationships first, so that a node and its relationships can go in one DELETE.
            absl::flat_hash_set<RelationshipId> rels_done;
            absl::flat_hash_set<NodeId> nodes_done;
            std::vector<std::pair<NodeId, SourcePos>> nodes;
            for (Row& row : rows) {
              for (const auto& t : dc->targets) {
                ASSIGN_OR_RETURN(Value v, Evaluate(*t, row, *s, *ctx.eval));
                std::vector<Value> parts;
                if (v.type() == Value::Type::kPath) {
                  for (const auto& r : v.as_path().relationships) parts.push_back(Value::MakeRelationship(r));
                  for (const auto& n : v.as_path().nodes) parts.push_back(Value::MakeNode(n));
                } else {
                  parts.push_back(v);
                }
                for (const Value& part : parts) {
                  if (part.is_null()) continue;
                  if (part.type() == Value::Type::kRelationship) {
                    if (!rels_done.insert(part.as_relationship().id).second) continue;
                    ASSIGN_OR_RETURN(storage::EdgeKey key, KeyOf(*ctx.txn, part.as_relationship()));
                    absl::Status st = ctx.txn->DeleteEdge(key);
                    if (st.ok()) ctx.stats->relationships_deleted++;
                    else if (st.code() != absl::StatusCode::kNotFound) return st;
                  } else if (part.type() == Value::Type::kNode) {
                    if (nodes_done.insert(part.as_node().id).second) {
                      nodes.emplace_back(part.as_node().id, t->pos);
                    }
                  } else {
                    return MakeQueryError(ErrorType::kTypeError, "InvalidArgumentType",
                                          StrCat("DELETE takes nodes, relationships or paths, got ",
                                                 part.ToString()),
                                          ctx.eval->query_text(), t->pos.offset);
                  }
                }
              }
            }
            for (const auto& [id, pos] : nodes) {
              int64_t rels = 0;
              if (dc->detach) {
                RETURN_IF_ERROR(ctx.txn->ForEachEdge(id, storage::Direction::kBoth, std::nullopt,
                                                     [&](const storage::EdgeKey& e, std::string_view) {
                                                       if (!(e.src == e.dst && e.dst == id && rels > 0)) ++rels;
                                                       return true;
                                                     }));
              }
              absl::Status st = ctx.txn->DeleteNode(id, dc->detach);
              if (st.code() == absl::StatusCode::kNotFound) continue;
              RETURN_IF_ERROR(WriteError(st));
              ctx.stats->nodes_deleted++;
              ctx.stats->relationships_deleted += rels;
            }
            return absl::OkStatus();
          });
    }
    default:
      return absl::InternalError("not an updating clause");
  }
}

absl::Status Planner::CheckSetItem(const SetItem& item, const Scope& scope) {
  if (item.kind == SetItem::Kind::kProperty) {
    RETURN_IF_ERROR(CheckExpression(*item.property, scope));
  } else if (!scope.slots.contains(item.variable)) {
    return Error(ErrorType::kSyntaxError, "UndefinedVariable",
                 StrCat("variable `", item.variable, "` is not defined"), item.pos);
  }
  if (item.value) RETURN_IF_ERROR(CheckExpression(*item.value, scope));
  return absl::OkStatus();
}

// ---------------------------------------------------------------- queries

absl::StatusOr<std::unique_ptr<Operator>> Planner::PlanSingle(const SingleQuery& q,
                                                             std::vector<std::string>& columns) {
  std::unique_ptr<Operator> op = std::make_unique<ArgumentOp>(0);
  ScopePtr scope = std::make_shared<Scope>();
  std::vector<int> column_slots;
  for (size_t i = 0; i < q.clauses.size(); ++i) {
    const Clause& c = *q.clauses[i];
    switch (c.kind) {
      case ClauseKind::kMatch: {
        ASSIGN_OR_RETURN(op, PlanMatch(std::move(op), c.As<MatchClause>(), scope));
        break;
      }
      case ClauseKind::kUnwind: {
        ASSIGN_OR_RETURN(op, PlanUnwind(std::move(op), c.As<UnwindClause>(), scope));
        break;
      }
      case ClauseKind::kCall: {
        const bool standalone = q.clauses.size() == 1;
        ASSIGN_OR_RETURN(op, PlanCall(std::move(op), c.As<CallClause>(), scope, standalone,
                                      columns, column_slots));
        break;
      }
      case ClauseKind::kWith: {
        const auto& w = c.As<WithClause>();
        ASSIGN_OR_RETURN(op, PlanProjection(std::move(op), w.projection, scope, false,
                                            w.where.get(), nullptr, nullptr));
        break;
      }
      case ClauseKind::kReturn: {
        const auto& r = c.As<ReturnClause>();
        ASSIGN_OR_RETURN(op, PlanProjection(std::move(op), r.projection, scope, true, nullptr,
                                            &column_slots, &columns));
        break;
      }
      default: {
        ASSIGN_OR_RETURN(op, PlanUpdate(std::move(op), c, scope));
        break;
      }
    }
  }
  // Hand out rows of just the result columns.
  std::vector<int> slots = column_slots;
  op = std::make_unique<MapOp>("ProduceResults", std::move(op), [slots](ExecContext&, Row& row) {
    Row out;
    out.reserve(slots.size());
    for (int s : slots) out.push_back(std::move(row[s]));
    row = std::move(out);
    return absl::OkStatus();
  });
  return op;
}

// Rows start as `slots` nulls: the top Argument of each part is sized here.
void SizeArguments(Operator& op, size_t slots) {
  if (auto* arg = dynamic_cast<ArgumentOp*>(&op)) arg->SetArgument(Row(slots));
  for (const auto& c : op.children()) SizeArguments(*c, slots);
}

absl::StatusOr<Plan> Planner::Run() {
  const Query& query = *statement_.query;
  Plan plan;
  std::vector<std::unique_ptr<Operator>> parts;
  for (size_t i = 0; i < query.parts.size(); ++i) {
    std::vector<std::string> columns;
    ASSIGN_OR_RETURN(std::unique_ptr<Operator> part, PlanSingle(query.parts[i], columns));
    if (i == 0) {
      plan.columns = columns;
    } else if (columns != plan.columns) {
      return Error(ErrorType::kSyntaxError, "DifferentColumnsInUnion",
                   "all parts of a UNION must return the same column names",
                   query.parts[i].pos);
    }
    parts.push_back(std::move(part));
  }
  for (auto& p : parts) SizeArguments(*p, static_cast<size_t>(num_slots_));
  if (parts.size() == 1) {
    plan.root = std::move(parts[0]);
  } else {
    plan.root = std::make_unique<UnionOp>(std::move(parts));
    if (!query.union_all) plan.root = MakeDistinct(std::move(plan.root), {}, /*count=*/false);
  }
  plan.writes = writes_;
  plan.subplans = subplans_;
  return plan;
}

bool ClauseWrites(const Clause& c, const ProcedureRegistry& procedures) {
  if (c.IsUpdating()) return true;
  if (const auto* call = c.TryAs<CallClause>()) {
    const ProcedureSignature* sig = procedures.Find(call->QualifiedName());
    return sig != nullptr && sig->writes;
  }
  return false;
}

}  // namespace

absl::StatusOr<Plan> PlanStatement(const Statement& statement, const schema::Catalog& catalog,
                                   const ProcedureRegistry& procedures) {
  Planner planner(statement, catalog, procedures);
  return planner.Run();
}

bool StatementWrites(const Statement& statement, const ProcedureRegistry& procedures) {
  for (const SingleQuery& q : statement.query->parts) {
    for (const auto& c : q.clauses) {
      if (ClauseWrites(*c, procedures)) return true;
    }
  }
  return false;
}

}  // namespace alliance::query
