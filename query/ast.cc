#include "query/ast.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <utility>

#include "absl/strings/match.h"
#include "schema/str_cat.h"

namespace alliance::query {
namespace {

// ------------------------------------------------------------------ naming

bool IsPlainName(std::string_view name) {
  if (name.empty()) return false;
  for (size_t k = 0; k < name.size(); ++k) {
    char c = name[k];
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    bool digit = c >= '0' && c <= '9';
    if (!(letter || (digit && k > 0))) return false;
  }
  return true;
}

std::string Backticked(std::string_view name) {
  std::string out = "`";
  for (char c : name) {
    if (c == '`') out.push_back('`');
    out.push_back(c);
  }
  out.push_back('`');
  return out;
}

// Labels, relationship types and property keys may be reserved words.
std::string SchemaName(std::string_view name) {
  return IsPlainName(name) ? std::string(name) : Backticked(name);
}

// Variables and aliases may not be reserved words unless back-ticked.
std::string VariableName(std::string_view name) {
  if (IsPlainName(name) && !IsReservedWord(LookupKeyword(name))) return std::string(name);
  return Backticked(name);
}

// A function or procedure name part. exists(...) stays bare although EXISTS
// is reserved; names the parser gives a meaning of their own are back-ticked.
std::string FunctionNamePart(std::string_view name) {
  if (EqualsIgnoreCase(name, "exists")) return std::string(name);
  if (EqualsIgnoreCase(name, "shortestPath") || EqualsIgnoreCase(name, "allShortestPaths")) {
    return Backticked(name);
  }
  return VariableName(name);
}

std::string QualifiedNameOf(const std::vector<std::string>& namespaces, const std::string& name) {
  std::string out;
  for (const std::string& ns : namespaces) StrAppend(&out, ns, ".");
  out += name;
  return out;
}

// ---------------------------------------------------------------- literals

void AppendString(std::string& out, std::string_view s) {
  out.push_back('\'');
  for (unsigned char c : s) {
    switch (c) {
      case '\'': out += "\\'"; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04X", c);
          out += buf;
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  out.push_back('\'');
}

// Shortest text that reads back to the same double and still reads as a float.
void AppendDouble(std::string& out, double d) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  std::string text(buf, ec == std::errc() ? end : buf);
  // openCypher spells exponents without '+'.
  if (size_t plus = text.find("e+"); plus != std::string::npos) text.erase(plus + 1, 1);
  if (text.find_first_of(".e") == std::string::npos) text += ".0";
  out += text;
}

void AppendLiteral(std::string& out, const Value& v) {
  switch (v.type()) {
    case Value::Type::kNull: out += "null"; break;
    case Value::Type::kBool: out += v.as_bool() ? "true" : "false"; break;
    case Value::Type::kInt: out += std::to_string(v.as_int()); break;
    case Value::Type::kDouble: AppendDouble(out, v.as_double()); break;
    case Value::Type::kString: AppendString(out, v.as_string()); break;
    case Value::Type::kList: {
      // Not produced by the parser, but printable for hand-built trees.
      out.push_back('[');
      for (size_t k = 0; k < v.as_list().size(); ++k) {
        if (k > 0) out += ", ";
        AppendLiteral(out, v.as_list()[k]);
      }
      out.push_back(']');
      break;
    }
    default:
      // Maps, nodes, relationships and paths are never literals in a parsed
      // tree; a hand-built tree still prints something readable.
      out += v.ToString();
      break;
  }
}

// -------------------------------------------------------------- precedence

// Binding strength, loosest first, following the openCypher grammar.
enum Prec : int {
  kPrecOr = 1,
  kPrecXor,
  kPrecAnd,
  kPrecNot,
  kPrecComparison,
  kPrecPredicate,  // IN, STARTS WITH, ENDS WITH, CONTAINS, =~, IS [NOT] NULL
  kPrecAdd,
  kPrecMultiply,
  kPrecPower,
  kPrecUnary,
  kPrecLabel,  // n:A; nothing may follow it
  kPrecAtom,   // atoms and property/index/slice lookups
};

int BinaryPrec(BinaryOp op) {
  switch (op) {
    case BinaryOp::kOr: return kPrecOr;
    case BinaryOp::kXor: return kPrecXor;
    case BinaryOp::kAnd: return kPrecAnd;
    case BinaryOp::kEq:
    case BinaryOp::kNe:
    case BinaryOp::kLt:
    case BinaryOp::kGt:
    case BinaryOp::kLe:
    case BinaryOp::kGe: return kPrecComparison;
    case BinaryOp::kIn:
    case BinaryOp::kStartsWith:
    case BinaryOp::kEndsWith:
    case BinaryOp::kContains:
    case BinaryOp::kRegexMatch: return kPrecPredicate;
    case BinaryOp::kAdd:
    case BinaryOp::kSubtract: return kPrecAdd;
    case BinaryOp::kMultiply:
    case BinaryOp::kDivide:
    case BinaryOp::kModulo: return kPrecMultiply;
    case BinaryOp::kPower: return kPrecPower;
  }
  return kPrecAtom;
}

int PrecOf(const Expression& e) {
  switch (e.kind) {
    case ExprKind::kBinary: return BinaryPrec(e.As<BinaryExpr>().op);
    case ExprKind::kUnary: return e.As<UnaryExpr>().op == UnaryOp::kNot ? kPrecNot : kPrecUnary;
    case ExprKind::kIsNull: return kPrecPredicate;
    case ExprKind::kLabelCheck: return kPrecLabel;
    case ExprKind::kLiteral: {
      // A negative number prints with its sign, so it binds like unary minus.
      const Value& v = e.As<LiteralExpr>().value;
      if (v.type() == Value::Type::kInt && v.as_int() < 0) return kPrecUnary;
      if (v.type() == Value::Type::kDouble && std::signbit(v.as_double())) return kPrecUnary;
      return kPrecAtom;
    }
    default: return kPrecAtom;
  }
}

// ----------------------------------------------------------------- printer

class Printer {
 public:
  std::string out;

  void Statement(const query::Statement& s) {
    if (s.mode == StatementMode::kExplain) out += "EXPLAIN ";
    if (s.mode == StatementMode::kProfile) out += "PROFILE ";
    if (s.query != nullptr) Query(*s.query);
  }

  void Query(const query::Query& q) {
    for (size_t k = 0; k < q.parts.size(); ++k) {
      if (k > 0) out += q.union_all ? " UNION ALL " : " UNION ";
      for (size_t c = 0; c < q.parts[k].clauses.size(); ++c) {
        if (c > 0) out.push_back(' ');
        Clause(*q.parts[k].clauses[c]);
      }
    }
  }

  void Clause(const query::Clause& c) {
    switch (c.kind) {
      case ClauseKind::kMatch: {
        const auto& m = c.As<MatchClause>();
        out += m.optional ? "OPTIONAL MATCH " : "MATCH ";
        Patterns(m.pattern);
        Where(m.where);
        break;
      }
      case ClauseKind::kUnwind: {
        const auto& u = c.As<UnwindClause>();
        out += "UNWIND ";
        Expr(*u.list);
        StrAppend(&out, " AS ", VariableName(u.variable));
        break;
      }
      case ClauseKind::kCall: {
        const auto& call = c.As<CallClause>();
        out += "CALL ";
        for (const std::string& ns : call.namespaces) StrAppend(&out, FunctionNamePart(ns), ".");
        out += FunctionNamePart(call.name);
        if (call.explicit_args) {
          out.push_back('(');
          ExprList(call.args);
          out.push_back(')');
        }
        if (call.yield_all) {
          out += " YIELD *";
        } else if (!call.yields.empty()) {
          out += " YIELD ";
          for (size_t k = 0; k < call.yields.size(); ++k) {
            if (k > 0) out += ", ";
            out += VariableName(call.yields[k].field);
            if (call.yields[k].alias) StrAppend(&out, " AS ", VariableName(*call.yields[k].alias));
          }
        }
        Where(call.where);
        break;
      }
      case ClauseKind::kCreate:
        out += "CREATE ";
        Patterns(c.As<CreateClause>().pattern);
        break;
      case ClauseKind::kMerge: {
        const auto& m = c.As<MergeClause>();
        out += "MERGE ";
        Path(m.pattern);
        if (!m.on_create.empty()) {
          out += " ON CREATE SET ";
          SetItems(m.on_create);
        }
        if (!m.on_match.empty()) {
          out += " ON MATCH SET ";
          SetItems(m.on_match);
        }
        break;
      }
      case ClauseKind::kSet:
        out += "SET ";
        SetItems(c.As<SetClause>().items);
        break;
      case ClauseKind::kRemove: {
        out += "REMOVE ";
        const auto& items = c.As<RemoveClause>().items;
        for (size_t k = 0; k < items.size(); ++k) {
          if (k > 0) out += ", ";
          if (items[k].kind == RemoveItem::Kind::kProperty) {
            Expr(*items[k].property);
          } else {
            out += VariableName(items[k].variable);
            Labels(items[k].labels);
          }
        }
        break;
      }
      case ClauseKind::kDelete: {
        const auto& d = c.As<DeleteClause>();
        out += d.detach ? "DETACH DELETE " : "DELETE ";
        ExprList(d.targets);
        break;
      }
      case ClauseKind::kWith: {
        const auto& w = c.As<WithClause>();
        out += "WITH ";
        Projection(w.projection);
        Where(w.where);
        break;
      }
      case ClauseKind::kReturn:
        out += "RETURN ";
        Projection(c.As<ReturnClause>().projection);
        break;
    }
  }

  void Where(const ExprPtr& where) {
    if (where == nullptr) return;
    out += " WHERE ";
    Expr(*where);
  }

  void SetItems(const std::vector<SetItem>& items) {
    for (size_t k = 0; k < items.size(); ++k) {
      if (k > 0) out += ", ";
      const SetItem& item = items[k];
      switch (item.kind) {
        case SetItem::Kind::kProperty:
          Expr(*item.property);
          out += " = ";
          Expr(*item.value);
          break;
        case SetItem::Kind::kReplaceProperties:
          StrAppend(&out, VariableName(item.variable), " = ");
          Expr(*item.value);
          break;
        case SetItem::Kind::kMergeProperties:
          StrAppend(&out, VariableName(item.variable), " += ");
          Expr(*item.value);
          break;
        case SetItem::Kind::kLabels:
          out += VariableName(item.variable);
          Labels(item.labels);
          break;
      }
    }
  }

  void Projection(const query::Projection& p) {
    if (p.distinct) out += "DISTINCT ";
    bool first = true;
    if (p.star) {
      out.push_back('*');
      first = false;
    }
    for (const ProjectionItem& item : p.items) {
      if (!first) out += ", ";
      first = false;
      Expr(*item.expr);
      if (item.alias) StrAppend(&out, " AS ", VariableName(*item.alias));
    }
    if (!p.order_by.empty()) {
      out += " ORDER BY ";
      for (size_t k = 0; k < p.order_by.size(); ++k) {
        if (k > 0) out += ", ";
        Expr(*p.order_by[k].expr);
        if (!p.order_by[k].ascending) out += " DESC";
      }
    }
    if (p.skip != nullptr) {
      out += " SKIP ";
      Expr(*p.skip);
    }
    if (p.limit != nullptr) {
      out += " LIMIT ";
      Expr(*p.limit);
    }
  }

  void Labels(const std::vector<std::string>& labels) {
    for (const std::string& l : labels) StrAppend(&out, ":", SchemaName(l));
  }

  void Patterns(const std::vector<PathPattern>& parts) {
    for (size_t k = 0; k < parts.size(); ++k) {
      if (k > 0) out += ", ";
      Path(parts[k]);
    }
  }

  void Path(const PathPattern& p) {
    if (!p.variable.empty()) StrAppend(&out, VariableName(p.variable), " = ");
    for (size_t k = 0; k < p.nodes.size(); ++k) {
      if (k > 0) Relationship(p.relationships[k - 1]);
      Node(p.nodes[k]);
    }
  }

  void Node(const NodePattern& n) {
    out.push_back('(');
    if (!n.variable.empty()) out += VariableName(n.variable);
    Labels(n.labels);
    if (n.properties != nullptr) {
      if (!n.variable.empty() || !n.labels.empty()) out.push_back(' ');
      Expr(*n.properties);
    }
    out.push_back(')');
  }

  void Relationship(const RelationshipPattern& r) {
    std::string detail;
    if (!r.variable.empty()) detail += VariableName(r.variable);
    for (size_t k = 0; k < r.types.size(); ++k) {
      StrAppend(&detail, k == 0 ? ":" : "|", SchemaName(r.types[k]));
    }
    if (r.var_length) {
      detail.push_back('*');
      const VarLength& v = *r.var_length;
      if (v.min && v.max && *v.min == *v.max) {
        detail += std::to_string(*v.min);
      } else if (v.min || v.max) {
        if (v.min) detail += std::to_string(*v.min);
        detail += "..";
        if (v.max) detail += std::to_string(*v.max);
      }
    }
    if (r.properties != nullptr) {
      if (!detail.empty()) detail.push_back(' ');
      Printer sub;
      sub.Expr(*r.properties);
      detail += sub.out;
    }
    out += r.direction == Direction::kIncoming ? "<-" : "-";
    if (!detail.empty()) StrAppend(&out, "[", detail, "]");
    out += r.direction == Direction::kOutgoing ? "->" : "-";
  }

  void ExprList(const std::vector<ExprPtr>& list) {
    for (size_t k = 0; k < list.size(); ++k) {
      if (k > 0) out += ", ";
      Expr(*list[k]);
    }
  }

  // Prints `e`, parenthesised when it binds looser than `min_prec` allows.
  void Operand(const Expression& e, int min_prec) {
    if (PrecOf(e) < min_prec) {
      out.push_back('(');
      Expr(e);
      out.push_back(')');
    } else {
      Expr(e);
    }
  }

  // `x IN list` alone in brackets or in a call would read back as a list
  // comprehension or quantifier, so it keeps parentheses there.
  void ElementOperand(const Expression& e) {
    const BinaryExpr* b = e.TryAs<BinaryExpr>();
    if (b != nullptr && b->op == BinaryOp::kIn && b->left->kind == ExprKind::kVariable) {
      out.push_back('(');
      Expr(e);
      out.push_back(')');
    } else {
      Expr(e);
    }
  }

  void Expr(const Expression& e) {
    switch (e.kind) {
      case ExprKind::kLiteral: AppendLiteral(out, e.As<LiteralExpr>().value); break;
      case ExprKind::kParameter: {
        const std::string& name = e.As<ParameterExpr>().name;
        bool plain = !name.empty();
        for (char c : name) {
          plain &= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   c == '_';
        }
        StrAppend(&out, "$", plain ? name : Backticked(name));
        break;
      }
      case ExprKind::kVariable: out += VariableName(e.As<VariableExpr>().name); break;
      case ExprKind::kProperty: {
        const auto& p = e.As<PropertyExpr>();
        Operand(*p.object, kPrecAtom);
        StrAppend(&out, ".", SchemaName(p.key));
        break;
      }
      case ExprKind::kIndex: {
        const auto& i = e.As<IndexExpr>();
        Operand(*i.object, kPrecAtom);
        out.push_back('[');
        Expr(*i.index);
        out.push_back(']');
        break;
      }
      case ExprKind::kSlice: {
        const auto& s = e.As<SliceExpr>();
        Operand(*s.object, kPrecAtom);
        out.push_back('[');
        if (s.from != nullptr) Expr(*s.from);
        out += "..";
        if (s.to != nullptr) Expr(*s.to);
        out.push_back(']');
        break;
      }
      case ExprKind::kLabelCheck: {
        const auto& l = e.As<LabelCheckExpr>();
        Operand(*l.object, kPrecAtom);
        Labels(l.labels);
        break;
      }
      case ExprKind::kUnary: {
        const auto& u = e.As<UnaryExpr>();
        if (u.op == UnaryOp::kNot) {
          out += "NOT ";
          Operand(*u.operand, kPrecNot);
          break;
        }
        out += u.op == UnaryOp::kNegate ? "-" : "+";
        Printer sub;
        // -(1) must not print as -1, which reads back as the literal -1.
        const LiteralExpr* lit = u.operand->TryAs<LiteralExpr>();
        bool number = lit != nullptr && (lit->value.type() == Value::Type::kInt ||
                                         lit->value.type() == Value::Type::kDouble);
        sub.Operand(*u.operand, number ? kPrecAtom + 1 : kPrecUnary);
        // "--1" would still parse, but "- -1" reads as what it is.
        if (!sub.out.empty() && (sub.out[0] == '-' || sub.out[0] == '+')) out.push_back(' ');
        out += sub.out;
        break;
      }
      case ExprKind::kBinary: {
        const auto& b = e.As<BinaryExpr>();
        int prec = BinaryPrec(b.op);
        // Comparisons do not associate: (a < b) < c must keep its parentheses
        // or it would read back as the chain a < b AND b < c.
        Operand(*b.left, prec == kPrecComparison ? prec + 1 : prec);
        StrAppend(&out, " ", BinaryOpText(b.op), " ");
        Operand(*b.right, prec + 1);
        break;
      }
      case ExprKind::kIsNull: {
        const auto& n = e.As<IsNullExpr>();
        Operand(*n.operand, kPrecPredicate);
        out += n.negated ? " IS NOT NULL" : " IS NULL";
        break;
      }
      case ExprKind::kList: {
        const auto& l = e.As<ListExpr>();
        out.push_back('[');
        for (size_t k = 0; k < l.elements.size(); ++k) {
          if (k > 0) out += ", ";
          ElementOperand(*l.elements[k]);
        }
        out.push_back(']');
        break;
      }
      case ExprKind::kMap: {
        const auto& m = e.As<MapExpr>();
        out.push_back('{');
        for (size_t k = 0; k < m.entries.size(); ++k) {
          if (k > 0) out += ", ";
          StrAppend(&out, SchemaName(m.entries[k].key), ": ");
          Expr(*m.entries[k].value);
        }
        out.push_back('}');
        break;
      }
      case ExprKind::kFunctionCall: {
        const auto& f = e.As<FunctionCallExpr>();
        for (const std::string& ns : f.namespaces) StrAppend(&out, FunctionNamePart(ns), ".");
        out += FunctionNamePart(f.name);
        out.push_back('(');
        if (f.distinct) out += "DISTINCT ";
        for (size_t k = 0; k < f.args.size(); ++k) {
          if (k > 0) out += ", ";
          ElementOperand(*f.args[k]);
        }
        out.push_back(')');
        break;
      }
      case ExprKind::kCountStar: out += "count(*)"; break;
      case ExprKind::kCase: {
        const auto& c = e.As<CaseExpr>();
        out += "CASE";
        if (c.test != nullptr) {
          out.push_back(' ');
          Expr(*c.test);
        }
        for (const CaseAlternative& alt : c.alternatives) {
          out += " WHEN ";
          Expr(*alt.when);
          out += " THEN ";
          Expr(*alt.then);
        }
        if (c.otherwise != nullptr) {
          out += " ELSE ";
          Expr(*c.otherwise);
        }
        out += " END";
        break;
      }
      case ExprKind::kListComprehension: {
        const auto& l = e.As<ListComprehensionExpr>();
        StrAppend(&out, "[", VariableName(l.variable), " IN ");
        Expr(*l.list);
        Where(l.where);
        if (l.projection != nullptr) {
          out += " | ";
          Expr(*l.projection);
        }
        out.push_back(']');
        break;
      }
      case ExprKind::kPatternComprehension: {
        const auto& p = e.As<PatternComprehensionExpr>();
        out.push_back('[');
        Path(p.pattern);
        Where(p.where);
        out += " | ";
        Expr(*p.projection);
        out.push_back(']');
        break;
      }
      case ExprKind::kQuantifier: {
        const auto& q = e.As<QuantifierExpr>();
        static constexpr std::string_view kNames[] = {"all", "any", "none", "single"};
        StrAppend(&out, kNames[static_cast<int>(q.quantifier)], "(", VariableName(q.variable),
                  " IN ");
        Expr(*q.list);
        Where(q.where);
        out.push_back(')');
        break;
      }
      case ExprKind::kPatternPredicate: Path(e.As<PatternPredicateExpr>().pattern); break;
      case ExprKind::kExistsSubquery:
        out += "EXISTS { ";
        Query(*e.As<ExistsSubqueryExpr>().query);
        out += " }";
        break;
      case ExprKind::kMapProjection: {
        const auto& m = e.As<MapProjectionExpr>();
        StrAppend(&out, VariableName(m.variable), "{");
        for (size_t k = 0; k < m.items.size(); ++k) {
          if (k > 0) out += ", ";
          const MapProjectionItem& item = m.items[k];
          switch (item.kind) {
            case MapProjectionItem::Kind::kProperty:
              StrAppend(&out, ".", SchemaName(item.key));
              break;
            case MapProjectionItem::Kind::kAllProperties: out += ".*"; break;
            case MapProjectionItem::Kind::kLiteral:
              StrAppend(&out, SchemaName(item.key), ": ");
              Expr(*item.value);
              break;
            case MapProjectionItem::Kind::kVariable: out += VariableName(item.key); break;
          }
        }
        out.push_back('}');
        break;
      }
    }
  }
};

// ------------------------------------------------------------------- clone

ExprPtr CloneOrNull(const ExprPtr& e) { return e == nullptr ? nullptr : Clone(*e); }

std::vector<ExprPtr> CloneAll(const std::vector<ExprPtr>& list) {
  std::vector<ExprPtr> out;
  out.reserve(list.size());
  for (const ExprPtr& e : list) out.push_back(Clone(*e));
  return out;
}

template <typename T>
std::unique_ptr<T> CopyHeader(const Expression& src) {
  auto out = std::make_unique<T>();
  out->pos = src.pos;
  out->text = src.text;
  out->height = src.height;
  return out;
}

std::vector<SetItem> CloneSetItems(const std::vector<SetItem>& items) {
  std::vector<SetItem> out;
  for (const SetItem& item : items) {
    SetItem copy;
    copy.kind = item.kind;
    copy.pos = item.pos;
    copy.property = CloneOrNull(item.property);
    copy.variable = item.variable;
    copy.labels = item.labels;
    copy.value = CloneOrNull(item.value);
    out.push_back(std::move(copy));
  }
  return out;
}

Projection CloneProjection(const Projection& p) {
  Projection out;
  out.distinct = p.distinct;
  out.star = p.star;
  for (const ProjectionItem& item : p.items) {
    out.items.push_back(ProjectionItem{Clone(*item.expr), item.alias});
  }
  for (const SortItem& s : p.order_by) {
    out.order_by.push_back(SortItem{Clone(*s.expr), s.ascending});
  }
  out.skip = CloneOrNull(p.skip);
  out.limit = CloneOrNull(p.limit);
  return out;
}

std::vector<PathPattern> ClonePaths(const std::vector<PathPattern>& parts) {
  std::vector<PathPattern> out;
  for (const PathPattern& p : parts) out.push_back(Clone(p));
  return out;
}

void VisitProjection(const Projection& p, absl::FunctionRef<void(const Expression&)> fn) {
  for (const ProjectionItem& item : p.items) fn(*item.expr);
  for (const SortItem& s : p.order_by) fn(*s.expr);
  if (p.skip != nullptr) fn(*p.skip);
  if (p.limit != nullptr) fn(*p.limit);
}

void VisitSetItems(const std::vector<SetItem>& items,
                   absl::FunctionRef<void(const Expression&)> fn) {
  for (const SetItem& item : items) {
    if (item.property != nullptr) fn(*item.property);
    if (item.value != nullptr) fn(*item.value);
  }
}

}  // namespace

std::string_view ExprKindName(ExprKind kind) {
  static constexpr std::string_view kNames[] = {
      "Literal",
      "Parameter",
      "Variable",
      "Property",
      "Index",
      "Slice",
      "LabelCheck",
      "Unary",
      "Binary",
      "IsNull",
      "List",
      "Map",
      "FunctionCall",
      "CountStar",
      "Case",
      "ListComprehension",
      "PatternComprehension",
      "Quantifier",
      "PatternPredicate",
      "ExistsSubquery",
      "MapProjection",
  };
  return kNames[static_cast<size_t>(kind)];
}

std::string_view BinaryOpText(BinaryOp op) {
  switch (op) {
    case BinaryOp::kOr: return "OR";
    case BinaryOp::kXor: return "XOR";
    case BinaryOp::kAnd: return "AND";
    case BinaryOp::kEq: return "=";
    case BinaryOp::kNe: return "<>";
    case BinaryOp::kLt: return "<";
    case BinaryOp::kGt: return ">";
    case BinaryOp::kLe: return "<=";
    case BinaryOp::kGe: return ">=";
    case BinaryOp::kIn: return "IN";
    case BinaryOp::kStartsWith: return "STARTS WITH";
    case BinaryOp::kEndsWith: return "ENDS WITH";
    case BinaryOp::kContains: return "CONTAINS";
    case BinaryOp::kRegexMatch: return "=~";
    case BinaryOp::kAdd: return "+";
    case BinaryOp::kSubtract: return "-";
    case BinaryOp::kMultiply: return "*";
    case BinaryOp::kDivide: return "/";
    case BinaryOp::kModulo: return "%";
    case BinaryOp::kPower: return "^";
  }
  return "?";
}

std::string FunctionCallExpr::QualifiedName() const { return QualifiedNameOf(namespaces, name); }
std::string CallClause::QualifiedName() const { return QualifiedNameOf(namespaces, name); }

std::string_view ClauseKindName(ClauseKind kind) {
  static constexpr std::string_view kNames[] = {"MATCH", "UNWIND", "CALL",   "CREATE", "MERGE",
                                                "SET",   "REMOVE", "DELETE", "WITH",   "RETURN"};
  return kNames[static_cast<size_t>(kind)];
}

bool Clause::IsUpdating() const {
  switch (kind) {
    case ClauseKind::kCreate:
    case ClauseKind::kMerge:
    case ClauseKind::kSet:
    case ClauseKind::kRemove:
    case ClauseKind::kDelete: return true;
    default: return false;
  }
}

void ForEachExpression(const PathPattern& pattern, absl::FunctionRef<void(const Expression&)> fn) {
  for (size_t k = 0; k < pattern.nodes.size(); ++k) {
    if (k > 0 && pattern.relationships[k - 1].properties != nullptr) {
      fn(*pattern.relationships[k - 1].properties);
    }
    if (pattern.nodes[k].properties != nullptr) fn(*pattern.nodes[k].properties);
  }
}

void ForEachExpression(const Clause& clause, absl::FunctionRef<void(const Expression&)> fn) {
  switch (clause.kind) {
    case ClauseKind::kMatch: {
      const auto& m = clause.As<MatchClause>();
      for (const PathPattern& p : m.pattern) ForEachExpression(p, fn);
      if (m.where != nullptr) fn(*m.where);
      break;
    }
    case ClauseKind::kUnwind: fn(*clause.As<UnwindClause>().list); break;
    case ClauseKind::kCall: {
      const auto& c = clause.As<CallClause>();
      for (const ExprPtr& a : c.args) fn(*a);
      if (c.where != nullptr) fn(*c.where);
      break;
    }
    case ClauseKind::kCreate:
      for (const PathPattern& p : clause.As<CreateClause>().pattern) ForEachExpression(p, fn);
      break;
    case ClauseKind::kMerge: {
      const auto& m = clause.As<MergeClause>();
      ForEachExpression(m.pattern, fn);
      VisitSetItems(m.on_create, fn);
      VisitSetItems(m.on_match, fn);
      break;
    }
    case ClauseKind::kSet: VisitSetItems(clause.As<SetClause>().items, fn); break;
    case ClauseKind::kRemove:
      for (const RemoveItem& item : clause.As<RemoveClause>().items) {
        if (item.property != nullptr) fn(*item.property);
      }
      break;
    case ClauseKind::kDelete:
      for (const ExprPtr& t : clause.As<DeleteClause>().targets) fn(*t);
      break;
    case ClauseKind::kWith: {
      const auto& w = clause.As<WithClause>();
      VisitProjection(w.projection, fn);
      if (w.where != nullptr) fn(*w.where);
      break;
    }
    case ClauseKind::kReturn: VisitProjection(clause.As<ReturnClause>().projection, fn); break;
  }
}

void ForEachChild(const Expression& e, absl::FunctionRef<void(const Expression&)> fn) {
  auto visit = [&](const ExprPtr& child) {
    if (child != nullptr) fn(*child);
  };
  switch (e.kind) {
    case ExprKind::kLiteral:
    case ExprKind::kParameter:
    case ExprKind::kVariable:
    case ExprKind::kCountStar: break;
    case ExprKind::kProperty: visit(e.As<PropertyExpr>().object); break;
    case ExprKind::kIndex:
      visit(e.As<IndexExpr>().object);
      visit(e.As<IndexExpr>().index);
      break;
    case ExprKind::kSlice:
      visit(e.As<SliceExpr>().object);
      visit(e.As<SliceExpr>().from);
      visit(e.As<SliceExpr>().to);
      break;
    case ExprKind::kLabelCheck: visit(e.As<LabelCheckExpr>().object); break;
    case ExprKind::kUnary: visit(e.As<UnaryExpr>().operand); break;
    case ExprKind::kBinary:
      visit(e.As<BinaryExpr>().left);
      visit(e.As<BinaryExpr>().right);
      break;
    case ExprKind::kIsNull: visit(e.As<IsNullExpr>().operand); break;
    case ExprKind::kList:
      for (const ExprPtr& c : e.As<ListExpr>().elements) visit(c);
      break;
    case ExprKind::kMap:
      for (const MapEntry& entry : e.As<MapExpr>().entries) visit(entry.value);
      break;
    case ExprKind::kFunctionCall:
      for (const ExprPtr& c : e.As<FunctionCallExpr>().args) visit(c);
      break;
    case ExprKind::kCase: {
      const auto& c = e.As<CaseExpr>();
      visit(c.test);
      for (const CaseAlternative& alt : c.alternatives) {
        visit(alt.when);
        visit(alt.then);
      }
      visit(c.otherwise);
      break;
    }
    case ExprKind::kListComprehension: {
      const auto& l = e.As<ListComprehensionExpr>();
      visit(l.list);
      visit(l.where);
      visit(l.projection);
      break;
    }
    case ExprKind::kPatternComprehension: {
      const auto& p = e.As<PatternComprehensionExpr>();
      ForEachExpression(p.pattern, fn);
      visit(p.where);
      visit(p.projection);
      break;
    }
    case ExprKind::kQuantifier:
      visit(e.As<QuantifierExpr>().list);
      visit(e.As<QuantifierExpr>().where);
      break;
    case ExprKind::kPatternPredicate:
      ForEachExpression(e.As<PatternPredicateExpr>().pattern, fn);
      break;
    case ExprKind::kExistsSubquery:
      for (const SingleQuery& part : e.As<ExistsSubqueryExpr>().query->parts) {
        for (const auto& clause : part.clauses) ForEachExpression(*clause, fn);
      }
      break;
    case ExprKind::kMapProjection:
      for (const MapProjectionItem& item : e.As<MapProjectionExpr>().items) visit(item.value);
      break;
  }
}

ExprPtr Clone(const Expression& e) {
  switch (e.kind) {
    case ExprKind::kLiteral: {
      auto out = CopyHeader<LiteralExpr>(e);
      out->value = e.As<LiteralExpr>().value;
      return out;
    }
    case ExprKind::kParameter: {
      auto out = CopyHeader<ParameterExpr>(e);
      out->name = e.As<ParameterExpr>().name;
      return out;
    }
    case ExprKind::kVariable: {
      auto out = CopyHeader<VariableExpr>(e);
      out->name = e.As<VariableExpr>().name;
      return out;
    }
    case ExprKind::kProperty: {
      const auto& src = e.As<PropertyExpr>();
      auto out = CopyHeader<PropertyExpr>(e);
      out->object = Clone(*src.object);
      out->key = src.key;
      return out;
    }
    case ExprKind::kIndex: {
      const auto& src = e.As<IndexExpr>();
      auto out = CopyHeader<IndexExpr>(e);
      out->object = Clone(*src.object);
      out->index = Clone(*src.index);
      return out;
    }
    case ExprKind::kSlice: {
      const auto& src = e.As<SliceExpr>();
      auto out = CopyHeader<SliceExpr>(e);
      out->object = Clone(*src.object);
      out->from = CloneOrNull(src.from);
      out->to = CloneOrNull(src.to);
      return out;
    }
    case ExprKind::kLabelCheck: {
      const auto& src = e.As<LabelCheckExpr>();
      auto out = CopyHeader<LabelCheckExpr>(e);
      out->object = Clone(*src.object);
      out->labels = src.labels;
      return out;
    }
    case ExprKind::kUnary: {
      const auto& src = e.As<UnaryExpr>();
      auto out = CopyHeader<UnaryExpr>(e);
      out->op = src.op;
      out->operand = Clone(*src.operand);
      return out;
    }
    case ExprKind::kBinary: {
      const auto& src = e.As<BinaryExpr>();
      auto out = CopyHeader<BinaryExpr>(e);
      out->op = src.op;
      out->left = Clone(*src.left);
      out->right = Clone(*src.right);
      return out;
    }
    case ExprKind::kIsNull: {
      const auto& src = e.As<IsNullExpr>();
      auto out = CopyHeader<IsNullExpr>(e);
      out->operand = Clone(*src.operand);
      out->negated = src.negated;
      return out;
    }
    case ExprKind::kList: {
      auto out = CopyHeader<ListExpr>(e);
      out->elements = CloneAll(e.As<ListExpr>().elements);
      return out;
    }
    case ExprKind::kMap: {
      auto out = CopyHeader<MapExpr>(e);
      for (const MapEntry& entry : e.As<MapExpr>().entries) {
        out->entries.push_back(MapEntry{entry.pos, entry.key, Clone(*entry.value)});
      }
      return out;
    }
    case ExprKind::kFunctionCall: {
      const auto& src = e.As<FunctionCallExpr>();
      auto out = CopyHeader<FunctionCallExpr>(e);
      out->namespaces = src.namespaces;
      out->name = src.name;
      out->distinct = src.distinct;
      out->args = CloneAll(src.args);
      return out;
    }
    case ExprKind::kCountStar: return CopyHeader<CountStarExpr>(e);
    case ExprKind::kCase: {
      const auto& src = e.As<CaseExpr>();
      auto out = CopyHeader<CaseExpr>(e);
      out->test = CloneOrNull(src.test);
      for (const CaseAlternative& alt : src.alternatives) {
        out->alternatives.push_back(CaseAlternative{Clone(*alt.when), Clone(*alt.then)});
      }
      out->otherwise = CloneOrNull(src.otherwise);
      return out;
    }
    case ExprKind::kListComprehension: {
      const auto& src = e.As<ListComprehensionExpr>();
      auto out = CopyHeader<ListComprehensionExpr>(e);
      out->variable = src.variable;
      out->list = Clone(*src.list);
      out->where = CloneOrNull(src.where);
      out->projection = CloneOrNull(src.projection);
      return out;
    }
    case ExprKind::kPatternComprehension: {
      const auto& src = e.As<PatternComprehensionExpr>();
      auto out = CopyHeader<PatternComprehensionExpr>(e);
      out->pattern = Clone(src.pattern);
      out->where = CloneOrNull(src.where);
      out->projection = Clone(*src.projection);
      return out;
    }
    case ExprKind::kQuantifier: {
      const auto& src = e.As<QuantifierExpr>();
      auto out = CopyHeader<QuantifierExpr>(e);
      out->quantifier = src.quantifier;
      out->variable = src.variable;
      out->list = Clone(*src.list);
      out->where = CloneOrNull(src.where);
      return out;
    }
    case ExprKind::kPatternPredicate: {
      auto out = CopyHeader<PatternPredicateExpr>(e);
      out->pattern = Clone(e.As<PatternPredicateExpr>().pattern);
      return out;
    }
    case ExprKind::kExistsSubquery: {
      auto out = CopyHeader<ExistsSubqueryExpr>(e);
      out->query = Clone(*e.As<ExistsSubqueryExpr>().query);
      return out;
    }
    case ExprKind::kMapProjection: {
      const auto& src = e.As<MapProjectionExpr>();
      auto out = CopyHeader<MapProjectionExpr>(e);
      out->variable = src.variable;
      for (const MapProjectionItem& item : src.items) {
        MapProjectionItem copy;
        copy.kind = item.kind;
        copy.pos = item.pos;
        copy.key = item.key;
        copy.value = CloneOrNull(item.value);
        out->items.push_back(std::move(copy));
      }
      return out;
    }
  }
  return nullptr;
}

PathPattern Clone(const PathPattern& p) {
  PathPattern out;
  out.pos = p.pos;
  out.text = p.text;
  out.variable = p.variable;
  for (const NodePattern& n : p.nodes) {
    out.nodes.push_back(NodePattern{n.pos, n.variable, n.labels, CloneOrNull(n.properties)});
  }
  for (const RelationshipPattern& r : p.relationships) {
    RelationshipPattern copy;
    copy.pos = r.pos;
    copy.variable = r.variable;
    copy.types = r.types;
    copy.direction = r.direction;
    copy.var_length = r.var_length;
    copy.properties = CloneOrNull(r.properties);
    out.relationships.push_back(std::move(copy));
  }
  return out;
}

std::unique_ptr<Clause> Clone(const Clause& c) {
  std::unique_ptr<Clause> out;
  switch (c.kind) {
    case ClauseKind::kMatch: {
      const auto& src = c.As<MatchClause>();
      auto m = std::make_unique<MatchClause>();
      m->optional = src.optional;
      m->pattern = ClonePaths(src.pattern);
      m->where = CloneOrNull(src.where);
      out = std::move(m);
      break;
    }
    case ClauseKind::kUnwind: {
      const auto& src = c.As<UnwindClause>();
      auto u = std::make_unique<UnwindClause>();
      u->list = Clone(*src.list);
      u->variable = src.variable;
      out = std::move(u);
      break;
    }
    case ClauseKind::kCall: {
      const auto& src = c.As<CallClause>();
      auto call = std::make_unique<CallClause>();
      call->namespaces = src.namespaces;
      call->name = src.name;
      call->explicit_args = src.explicit_args;
      call->args = CloneAll(src.args);
      call->yield_all = src.yield_all;
      call->yields = src.yields;
      call->where = CloneOrNull(src.where);
      out = std::move(call);
      break;
    }
    case ClauseKind::kCreate: {
      auto create = std::make_unique<CreateClause>();
      create->pattern = ClonePaths(c.As<CreateClause>().pattern);
      out = std::move(create);
      break;
    }
    case ClauseKind::kMerge: {
      const auto& src = c.As<MergeClause>();
      auto m = std::make_unique<MergeClause>();
      m->pattern = Clone(src.pattern);
      m->on_create = CloneSetItems(src.on_create);
      m->on_match = CloneSetItems(src.on_match);
      out = std::move(m);
      break;
    }
    case ClauseKind::kSet: {
      auto s = std::make_unique<SetClause>();
      s->items = CloneSetItems(c.As<SetClause>().items);
      out = std::move(s);
      break;
    }
    case ClauseKind::kRemove: {
      auto r = std::make_unique<RemoveClause>();
      for (const RemoveItem& item : c.As<RemoveClause>().items) {
        RemoveItem copy;
        copy.kind = item.kind;
        copy.pos = item.pos;
        copy.property = CloneOrNull(item.property);
        copy.variable = item.variable;
        copy.labels = item.labels;
        r->items.push_back(std::move(copy));
      }
      out = std::move(r);
      break;
    }
    case ClauseKind::kDelete: {
      const auto& src = c.As<DeleteClause>();
      auto d = std::make_unique<DeleteClause>();
      d->detach = src.detach;
      d->targets = CloneAll(src.targets);
      out = std::move(d);
      break;
    }
    case ClauseKind::kWith: {
      const auto& src = c.As<WithClause>();
      auto w = std::make_unique<WithClause>();
      w->projection = CloneProjection(src.projection);
      w->where = CloneOrNull(src.where);
      out = std::move(w);
      break;
    }
    case ClauseKind::kReturn: {
      auto r = std::make_unique<ReturnClause>();
      r->projection = CloneProjection(c.As<ReturnClause>().projection);
      out = std::move(r);
      break;
    }
  }
  out->pos = c.pos;
  return out;
}

std::unique_ptr<Query> Clone(const Query& q) {
  auto out = std::make_unique<Query>();
  out->pos = q.pos;
  out->union_all = q.union_all;
  for (const SingleQuery& part : q.parts) {
    SingleQuery copy;
    copy.pos = part.pos;
    for (const auto& clause : part.clauses) copy.clauses.push_back(Clone(*clause));
    out->parts.push_back(std::move(copy));
  }
  return out;
}

std::string ToString(const Statement& statement) {
  Printer p;
  p.Statement(statement);
  return std::move(p.out);
}

std::string ToString(const Query& query) {
  Printer p;
  p.Query(query);
  return std::move(p.out);
}

std::string ToString(const Clause& clause) {
  Printer p;
  p.Clause(clause);
  return std::move(p.out);
}

std::string ToString(const PathPattern& pattern) {
  Printer p;
  p.Path(pattern);
  return std::move(p.out);
}

std::string ToString(const Expression& expr) {
  Printer p;
  p.Expr(expr);
  return std::move(p.out);
}

}  // namespace alliance::query
