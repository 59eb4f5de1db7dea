// AST: the syntax tree of one Cypher statement as written, before names are
// resolved.
//
// Plain structs owning their children through std::unique_ptr. Every node
// knows where it starts, and every expression keeps its exact source text so
// that an unaliased RETURN column is named as the user wrote it.
//
//   absl::StatusOr<std::unique_ptr<Statement>> s = Parse("MATCH (n) RETURN n.num");
//   const auto& ret = (*s)->query->parts[0].clauses[1]->As<ReturnClause>();
//   ret.projection.items[0].ColumnName();  // "n.num"
//   ToString(**s);                         // canonical text: "MATCH (n) RETURN n.num"
//
// Lifetime: `Expression::text` and every other std::string_view in the tree
// point into `Statement::source`; keep the Statement (or that shared string)
// alive while the views are used.
//
// Depth: the parser refuses expressions nested more than kMaxExpressionHeight
// deep (parser.h), so recursive walks over a parsed tree have bounded depth.
#ifndef ALLIANCE_QUERY_AST_H_
#define ALLIANCE_QUERY_AST_H_

#include <cassert>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/functional/function_ref.h"
#include "alliance/value.h"
#include "query/token.h"

namespace alliance::query {

// ---------------------------------------------------------------- expressions

enum class ExprKind : uint8_t {
  kLiteral,               // null, true, 42, 1.5, 'text'
  kParameter,             // $name
  kVariable,              // n
  kProperty,              // n.name
  kIndex,                 // list[0], map['key']
  kSlice,                 // list[1..3], list[..3], list[1..]
  kLabelCheck,            // n:A:B
  kUnary,                 // NOT a, -a, +a
  kBinary,                // a + b, a AND b, a IN b, a STARTS WITH b, ...
  kIsNull,                // a IS NULL, a IS NOT NULL
  kList,                  // [a, b]
  kMap,                   // {k: v}
  kFunctionCall,          // ns.fn(DISTINCT a, b)
  kCountStar,             // count(*)
  kCase,                  // CASE [x] WHEN ... THEN ... ELSE ... END
  kListComprehension,     // [x IN list WHERE p | e]
  kPatternComprehension,  // [p = (a)-->(b) WHERE q | e]
  kQuantifier,            // all/any/none/single(x IN list WHERE p)
  kPatternPredicate,      // (a)-[:T]->(b) used as a boolean
  kExistsSubquery,        // EXISTS { MATCH ... }
  kMapProjection,         // n{.name, .*, k: e, v}
};

std::string_view ExprKindName(ExprKind kind);

struct Expression {
  virtual ~Expression() = default;

  const ExprKind kind;
  SourcePos pos;          // where `text` starts
  std::string_view text;  // exact source text, parentheses around it included
  // 1 for a leaf, else 1 + the tallest child; bounds recursion over the tree.
  uint32_t height = 1;

  template <typename T>
  const T& As() const {
    assert(kind == T::kKind);
    return static_cast<const T&>(*this);
  }
  template <typename T>
  T& As() {
    assert(kind == T::kKind);
    return static_cast<T&>(*this);
  }
  template <typename T>
  const T* TryAs() const {
    return kind == T::kKind ? static_cast<const T*>(this) : nullptr;
  }

 protected:
  explicit Expression(ExprKind k) : kind(k) {}
};

using ExprPtr = std::unique_ptr<Expression>;

struct LiteralExpr : Expression {
  static constexpr ExprKind kKind = ExprKind::kLiteral;
  LiteralExpr() : Expression(kKind) {}
  Value value;  // never a list: list literals are ListExpr
};

struct ParameterExpr : Expression {
  static constexpr ExprKind kKind = ExprKind::kParameter;
  ParameterExpr() : Expression(kKind) {}
  std::string name;  // without the '$'; "0" for $0
};

struct VariableExpr : Expression {
  static constexpr ExprKind kKind = ExprKind::kVariable;
  VariableExpr() : Expression(kKind) {}
  std::string name;
};

struct PropertyExpr : Expression {
  static constexpr ExprKind kKind = ExprKind::kProperty;
  PropertyExpr() : Expression(kKind) {}
  ExprPtr object;
  std::string key;
};

struct IndexExpr : Expression {
  static constexpr ExprKind kKind = ExprKind::kIndex;
  IndexExpr() : Expression(kKind) {}
  ExprPtr object;
  ExprPtr index;
};

struct SliceExpr : Expression {
  static constexpr ExprKind kKind = ExprKind::kSlice;
  SliceExpr() : Expression(kKind) {}
  ExprPtr object;
  ExprPtr from;  // null when omitted: list[..3]
  ExprPtr to;    // null when omitted: list[1..]
};

struct LabelCheckExpr : Expression {
  static constexpr ExprKind kKind = ExprKind::kLabelCheck;
  LabelCheckExpr() : Expression(kKind) {}
  ExprPtr object;
  std::vector<std::string> labels;  // n:A:B is true when n has all of them
};

enum class UnaryOp : uint8_t { kNot, kNegate, kPlus };

struct UnaryExpr : Expression {
  static constexpr ExprKind kKind = ExprKind::kUnary;
  UnaryExpr() : Expression(kKind) {}
  UnaryOp op = UnaryOp::kNot;
  ExprPtr operand;
};

enum class BinaryOp : uint8_t {
  kOr,
  kXor,
  kAnd,
  kEq,
  kNe,
  kLt,
  kGt,
  kLe,
  kGe,
  kIn,
  kStartsWith,
  kEndsWith,
  kContains,
  kRegexMatch,
  kAdd,
  kSubtract,
  kMultiply,
  kDivide,
  kModulo,
  kPower,
};

// Cypher spelling: "OR", "<>", "STARTS WITH", "=~", "^", ...
std::string_view BinaryOpText(BinaryOp op);

// A chained comparison `a < b < c` arrives as (a < b) AND (b < c), with `b`
// copied; both copies carry b's source text.
struct BinaryExpr : Expression {
  static constexpr ExprKind kKind = ExprKind::kBinary;
  BinaryExpr() : Expression(kKind) {}
  BinaryOp op = BinaryOp::kAnd;
  ExprPtr left;
  ExprPtr right;
};

struct IsNullExpr : Expression {
  static constexpr ExprKind kKind = ExprKind::kIsNull;
  IsNullExpr() : Expression(kKind) {}
  ExprPtr operand;
  bool negated = false;  // IS NOT NULL
};

struct ListExpr : Expression {
  static constexpr ExprKind kKind = ExprKind::kList;
  ListExpr() : Expression(kKind) {}
  std::vector<ExprPtr> elements;
};

struct MapEntry {
  SourcePos pos;  // of the key
  std::string key;
  ExprPtr value;
};

// Entries in written order; a repeated key is kept (the binder decides).
struct MapExpr : Expression {
  static constexpr ExprKind kKind = ExprKind::kMap;
  MapExpr() : Expression(kKind) {}
  std::vector<MapEntry> entries;
};

struct FunctionCallExpr : Expression {
  static constexpr ExprKind kKind = ExprKind::kFunctionCall;
  FunctionCallExpr() : Expression(kKind) {}
  std::vector<std::string> namespaces;  // {"apoc", "coll"} for apoc.coll.sum(...)
  std::string name;                     // as written; function names match case-insensitively
  bool distinct = false;                // count(DISTINCT x)
  std::vector<ExprPtr> args;

  // "apoc.coll.sum"
  std::string QualifiedName() const;
};

struct CountStarExpr : Expression {
  static constexpr ExprKind kKind = ExprKind::kCountStar;
  CountStarExpr() : Expression(kKind) {}
};

struct CaseAlternative {
  ExprPtr when;
  ExprPtr then;
};

// Simple form (`test` set) compares test with each `when`; generic form
// (`test` null) takes the first `when` that is true.
struct CaseExpr : Expression {
  static constexpr ExprKind kKind = ExprKind::kCase;
  CaseExpr() : Expression(kKind) {}
  ExprPtr test;
  std::vector<CaseAlternative> alternatives;  // at least one
  ExprPtr otherwise;                          // ELSE; null when omitted
};

struct ListComprehensionExpr : Expression {
  static constexpr ExprKind kKind = ExprKind::kListComprehension;
  ListComprehensionExpr() : Expression(kKind) {}
  std::string variable;
  ExprPtr list;
  ExprPtr where;       // null when omitted
  ExprPtr projection;  // null when omitted: the element itself
};

enum class Quantifier : uint8_t { kAll, kAny, kNone, kSingle };

struct QuantifierExpr : Expression {
  static constexpr ExprKind kKind = ExprKind::kQuantifier;
  QuantifierExpr() : Expression(kKind) {}
  Quantifier quantifier = Quantifier::kAll;
  std::string variable;
  ExprPtr list;
  ExprPtr where;  // null when omitted (then every element counts as true)
};

struct MapProjectionItem {
  enum class Kind : uint8_t {
    kProperty,       // .name
    kAllProperties,  // .*
    kLiteral,        // key: expression
    kVariable,       // v (the entry v: v)
  };
  Kind kind = Kind::kProperty;
  SourcePos pos;
  std::string key;  // property, entry key or variable name; empty for .*
  ExprPtr value;    // kLiteral only
};

struct MapProjectionExpr : Expression {
  static constexpr ExprKind kKind = ExprKind::kMapProjection;
  MapProjectionExpr() : Expression(kKind) {}
  std::string variable;
  std::vector<MapProjectionItem> items;
};

// ------------------------------------------------------------------- patterns

// (v:A:B {k: e}) or (v $props). An empty `variable` means anonymous.
struct NodePattern {
  SourcePos pos;
  std::string variable;
  std::vector<std::string> labels;
  ExprPtr properties;  // MapExpr or ParameterExpr; null when absent
};

enum class Direction : uint8_t {
  kOutgoing,  // -[]->
  kIncoming,  // <-[]-
  kBoth,      // -[]- (also written <-[]->)
};

// Bounds of `*`, `*2`, `*1..`, `*..3`, `*1..3`; an absent bound is open.
struct VarLength {
  std::optional<int64_t> min;
  std::optional<int64_t> max;
};

struct RelationshipPattern {
  SourcePos pos;
  std::string variable;            // empty: anonymous
  std::vector<std::string> types;  // [:T|U] means T or U; empty: any type
  Direction direction = Direction::kBoth;
  std::optional<VarLength> var_length;  // set when written with '*'
  ExprPtr properties;                   // MapExpr or ParameterExpr; null when absent
};

// One comma-separated element of a pattern: a chain of nodes joined by
// relationships, optionally named (`p = (a)-->(b)`).
// nodes.size() == relationships.size() + 1; relationships[i] joins nodes[i]
// and nodes[i + 1].
struct PathPattern {
  SourcePos pos;
  std::string_view text;
  std::string variable;  // the path name; empty when unnamed
  std::vector<NodePattern> nodes;
  std::vector<RelationshipPattern> relationships;
};

struct PatternComprehensionExpr : Expression {
  static constexpr ExprKind kKind = ExprKind::kPatternComprehension;
  PatternComprehensionExpr() : Expression(kKind) {}
  PathPattern pattern;  // pattern.variable names the path when written `p = ...`
  ExprPtr where;        // null when omitted
  ExprPtr projection;
};

// A relationship pattern used as an expression: true when it has a match.
struct PatternPredicateExpr : Expression {
  static constexpr ExprKind kKind = ExprKind::kPatternPredicate;
  PatternPredicateExpr() : Expression(kKind) {}
  PathPattern pattern;  // at least one relationship; never named
};

// -------------------------------------------------------------------- clauses

enum class ClauseKind : uint8_t {
  kMatch,
  kUnwind,
  kCall,
  kCreate,
  kMerge,
  kSet,
  kRemove,
  kDelete,
  kWith,
  kReturn,
};

std::string_view ClauseKindName(ClauseKind kind);  // "MATCH", "UNWIND", ...

struct Clause {
  virtual ~Clause() = default;

  const ClauseKind kind;
  SourcePos pos;  // of the first keyword

  // MATCH, UNWIND and CALL read; CREATE, MERGE, SET, REMOVE, DELETE update.
  bool IsUpdating() const;

  template <typename T>
  const T& As() const {
    assert(kind == T::kKind);
    return static_cast<const T&>(*this);
  }
  template <typename T>
  T& As() {
    assert(kind == T::kKind);
    return static_cast<T&>(*this);
  }
  template <typename T>
  const T* TryAs() const {
    return kind == T::kKind ? static_cast<const T*>(this) : nullptr;
  }

 protected:
  explicit Clause(ClauseKind k) : kind(k) {}
};

struct MatchClause : Clause {
  static constexpr ClauseKind kKind = ClauseKind::kMatch;
  MatchClause() : Clause(kKind) {}
  bool optional = false;
  std::vector<PathPattern> pattern;
  ExprPtr where;
};

struct UnwindClause : Clause {
  static constexpr ClauseKind kKind = ClauseKind::kUnwind;
  UnwindClause() : Clause(kKind) {}
  ExprPtr list;
  std::string variable;
};

struct YieldItem {
  SourcePos pos;
  std::string field;                 // the procedure's output column
  std::optional<std::string> alias;  // YIELD field AS alias
};

// CALL ns.proc(args) YIELD a AS b WHERE ...; a standalone `CALL ns.proc`
// without parentheses takes its arguments from same-named parameters.
struct CallClause : Clause {
  static constexpr ClauseKind kKind = ClauseKind::kCall;
  CallClause() : Clause(kKind) {}
  std::vector<std::string> namespaces;
  std::string name;
  bool explicit_args = false;  // written with parentheses
  std::vector<ExprPtr> args;
  bool yield_all = false;  // YIELD *
  std::vector<YieldItem> yields;
  ExprPtr where;  // only with YIELD

  std::string QualifiedName() const;
};

struct CreateClause : Clause {
  static constexpr ClauseKind kKind = ClauseKind::kCreate;
  CreateClause() : Clause(kKind) {}
  std::vector<PathPattern> pattern;
};

struct SetItem {
  enum class Kind : uint8_t {
    kProperty,           // target.key = value
    kReplaceProperties,  // variable = value
    kMergeProperties,    // variable += value
    kLabels,             // variable:A:B
  };
  Kind kind = Kind::kProperty;
  SourcePos pos;
  ExprPtr property;  // kProperty: the PropertyExpr being assigned
  std::string variable;
  std::vector<std::string> labels;
  ExprPtr value;  // all kinds but kLabels
};

struct MergeClause : Clause {
  static constexpr ClauseKind kKind = ClauseKind::kMerge;
  MergeClause() : Clause(kKind) {}
  PathPattern pattern;
  std::vector<SetItem> on_create;  // every ON CREATE SET, in order
  std::vector<SetItem> on_match;   // every ON MATCH SET, in order
};

struct SetClause : Clause {
  static constexpr ClauseKind kKind = ClauseKind::kSet;
  SetClause() : Clause(kKind) {}
  std::vector<SetItem> items;
};

struct RemoveItem {
  enum class Kind : uint8_t {
    kProperty,  // target.key
    kLabels,    // variable:A:B
  };
  Kind kind = Kind::kProperty;
  SourcePos pos;
  ExprPtr property;  // kProperty: a PropertyExpr
  std::string variable;
  std::vector<std::string> labels;
};

struct RemoveClause : Clause {
  static constexpr ClauseKind kKind = ClauseKind::kRemove;
  RemoveClause() : Clause(kKind) {}
  std::vector<RemoveItem> items;
};

struct DeleteClause : Clause {
  static constexpr ClauseKind kKind = ClauseKind::kDelete;
  DeleteClause() : Clause(kKind) {}
  bool detach = false;
  std::vector<ExprPtr> targets;
};

struct ProjectionItem {
  ExprPtr expr;
  std::optional<std::string> alias;

  // The result column name: the alias, else the expression's source text.
  std::string_view ColumnName() const { return alias ? std::string_view(*alias) : expr->text; }
};

struct SortItem {
  ExprPtr expr;
  bool ascending = true;
};

// The shared body of WITH and RETURN.
struct Projection {
  bool distinct = false;
  bool star = false;  // `*`, possibly followed by more items
  std::vector<ProjectionItem> items;
  std::vector<SortItem> order_by;
  ExprPtr skip;
  ExprPtr limit;
};

struct WithClause : Clause {
  static constexpr ClauseKind kKind = ClauseKind::kWith;
  WithClause() : Clause(kKind) {}
  Projection projection;
  ExprPtr where;
};

struct ReturnClause : Clause {
  static constexpr ClauseKind kKind = ClauseKind::kReturn;
  ReturnClause() : Clause(kKind) {}
  Projection projection;
};

// --------------------------------------------------------------- query levels

// Clauses in order, up to the end of the query or the next UNION. The parser
// has checked the clause order openCypher requires (WITH between updating and
// reading clauses; RETURN last; a top-level query ends in RETURN, an update or
// CALL).
struct SingleQuery {
  SourcePos pos;
  std::vector<std::unique_ptr<Clause>> clauses;
};

// Single queries joined by UNION (or all by UNION ALL: the two cannot mix).
struct Query {
  SourcePos pos;
  std::vector<SingleQuery> parts;  // at least one
  bool union_all = false;
};

enum class StatementMode : uint8_t { kExecute, kExplain, kProfile };

struct Statement {
  StatementMode mode = StatementMode::kExecute;
  std::shared_ptr<const std::string> source;  // the query text the views point into
  std::unique_ptr<Query> query;
};

// EXISTS { MATCH ... [WHERE ...] } or EXISTS { (a)-->(b) WHERE ... }; the
// short form arrives as a query with a single MATCH clause.
struct ExistsSubqueryExpr : Expression {
  static constexpr ExprKind kKind = ExprKind::kExistsSubquery;
  ExistsSubqueryExpr() : Expression(kKind) {}
  std::unique_ptr<Query> query;
};

// ------------------------------------------------------------------- helpers

// Calls `fn` on each direct sub-expression of `expr`, in source order. For
// pattern predicates and comprehensions that includes the property maps of
// the pattern; for EXISTS it is every top-level expression of its clauses.
void ForEachChild(const Expression& expr, absl::FunctionRef<void(const Expression&)> fn);

// Calls `fn` on each top-level expression of a clause (pattern property maps,
// WHERE, projection items, ORDER BY, SKIP, LIMIT, SET values, ...).
void ForEachExpression(const Clause& clause, absl::FunctionRef<void(const Expression&)> fn);

// Calls `fn` on the property maps of a pattern's nodes and relationships.
void ForEachExpression(const PathPattern& pattern, absl::FunctionRef<void(const Expression&)> fn);

// Deep copies; text views still point into the original Statement::source.
ExprPtr Clone(const Expression& expr);
PathPattern Clone(const PathPattern& pattern);
std::unique_ptr<Clause> Clone(const Clause& clause);
std::unique_ptr<Query> Clone(const Query& query);

// Canonical Cypher text: upper-case keywords, single spaces, the fewest
// parentheses that keep the meaning, names back-ticked only where needed, and
// literals in one spelling (hex and octal become decimal). Parsing the output
// and printing again gives the same text.
std::string ToString(const Statement& statement);
std::string ToString(const Query& query);
std::string ToString(const Clause& clause);
std::string ToString(const PathPattern& pattern);
std::string ToString(const Expression& expr);

}  // namespace alliance::query

#endif  // ALLIANCE_QUERY_AST_H_
