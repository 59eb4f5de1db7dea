#include "query/evaluator.h"

#include <utf8proc.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <utility>

#include "absl/base/attributes.h"
#include "query/cypher_value.h"
#include "query/functions.h"
#include "query/regex_matcher.h"
#include "schema/status_macros.h"
#include "schema/str_cat.h"
#include "query/value_numbers.h"

namespace alliance::query {

EvalContext::EvalContext(std::string_view query_text, const Value::Map& parameters)
    : query_text_(query_text),
      parameters_(&parameters),
      rng_(std::random_device{}()),
      statement_time_millis_(std::chrono::duration_cast<std::chrono::milliseconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count()),
      regex_cache_(std::make_unique<RegexCache>()) {}

EvalContext::~EvalContext() = default;

absl::Status ExpressionError(const EvalContext& ctx, const Expression& expr, ErrorType type,
                             std::string_view detail, std::string_view message) {
  if (ctx.query_text().empty() || expr.pos.offset > ctx.query_text().size()) {
    return MakeQueryError(type, detail, message);
  }
  return MakeQueryError(type, detail, message, ctx.query_text(), expr.pos.offset);
}

namespace {

using Type = Value::Type;


// Text of a number as string concatenation (`'a' + 1.5`) writes it.
std::string NumberText(const Value& v) {
  return v.type() == Type::kInt ? std::to_string(v.as_int()) : FloatToString(v.as_double());
}

// A variable bound by a list comprehension or quantifier while its body is
// evaluated. Frames live on the C++ stack and chain outwards, so a pointer to
// a bound value stays valid while nested comprehensions bind more names.
struct LocalFrame {
  std::string_view name;
  Value value;
  const LocalFrame* parent;
};

class Evaluator {
 public:
  Evaluator(const Row& row, const Scope& scope, EvalContext& ctx)
      : row_(row), scope_(scope), ctx_(ctx) {}

  absl::StatusOr<Value> Eval(const Expression& e) {
    Value storage;
    ASSIGN_OR_RETURN(const Value* v, EvalRef(e, storage));
    if (v == &storage) return storage;
    return *v;
  }

  // The value of `e` without copying values that already exist (variables,
  // parameters, literals, precomputed slots): a pointer to them, or to
  // `storage` holding the computed value.
  absl::StatusOr<const Value*> EvalRef(const Expression& e, Value& storage) {
    if (!scope_.precomputed.empty()) {
      auto it = scope_.precomputed.find(&e);
      if (it != scope_.precomputed.end()) return Slot(it->second, e);
    }
    switch (e.kind) {
      case ExprKind::kLiteral: return &e.As<LiteralExpr>().value;
      case ExprKind::kParameter: {
        auto it = ctx_.parameters().find(e.As<ParameterExpr>().name);
        if (it == ctx_.parameters().end()) return MissingParameter(e);
        return &it->second;
      }
      case ExprKind::kVariable: return Variable(e.As<VariableExpr>().name, e);
      default: {
        ASSIGN_OR_RETURN(storage, Compute(e));
        return &storage;
      }
    }
  }

  // Cypher truth of a WHERE-like condition: null and false are false.
  absl::StatusOr<bool> Truth(const Expression& e) {
    Value storage;
    ASSIGN_OR_RETURN(const Value* v, EvalRef(e, storage));
    if (v->is_null()) return false;
    if (v->type() == Type::kBool) return v->as_bool();
    return Error(e, ErrorType::kTypeError, "InvalidArgumentType",
                 StrCat("expected a BOOLEAN predicate but got ", CypherTypeName(*v)));
  }

 private:
  absl::Status Error(const Expression& e, ErrorType type, std::string_view detail,
                     std::string_view message) const {
    return ExpressionError(ctx_, e, type, detail, message);
  }

  absl::Status TypeMismatch(const Expression& e, std::string_view what, const Value& got) const {
    return Error(e, ErrorType::kTypeError, "InvalidArgumentType",
                 StrCat("type mismatch: ", what, ", but got ", CypherTypeName(got)));
  }

  absl::StatusOr<const Value*> Slot(int slot, const Expression& e) const {
    if (slot < 0 || static_cast<size_t>(slot) >= row_.size()) {
      return absl::InternalError(
          StrCat("slot ", slot, " of '", e.text, "' is outside a row of ", row_.size(), " values"));
    }
    return &row_[slot];
  }

  absl::StatusOr<const Value*> Variable(std::string_view name, const Expression& e) const {
    for (const LocalFrame* f = locals_; f != nullptr; f = f->parent) {
      if (f->name == name) return &f->value;
    }
    auto it = scope_.slots.find(ToAbsl(name));
    if (it == scope_.slots.end()) {
      return absl::InternalError(StrCat("variable '", name, "' is not bound in this scope"));
    }
    return Slot(it->second, e);
  }

  // Binds a comprehension variable for the lifetime of the guard.
  class BindGuard {
   public:
    BindGuard(Evaluator& ev, std::string_view name) : ev_(ev), frame_{name, Value(), ev.locals_} {
      ev_.locals_ = &frame_;
    }
    ~BindGuard() { ev_.locals_ = frame_.parent; }
    BindGuard(const BindGuard&) = delete;
    BindGuard& operator=(const BindGuard&) = delete;
    void Set(const Value& v) { frame_.value = v; }

   private:
    Evaluator& ev_;
    LocalFrame frame_;
  };

  // Compute and Binary lie on every recursive path (EvalRef -> Compute ->
  // Binary -> EvalRef ...), so they only dispatch: the work, with its many
  // temporaries, happens in helpers kept out of line. That keeps a level of
  // nesting to a few hundred bytes of stack, and an expression as tall as the
  // parser allows (kMaxExpressionHeight) fits even in a sanitizer build.
  absl::StatusOr<Value> Compute(const Expression& e);
  absl::StatusOr<Value> Binary(const BinaryExpr& e);
  ABSL_ATTRIBUTE_NOINLINE absl::Status MissingParameter(const Expression& e) const;
  ABSL_ATTRIBUTE_NOINLINE absl::StatusOr<Value> IsNull(const IsNullExpr& e);
  ABSL_ATTRIBUTE_NOINLINE absl::StatusOr<Value> List(const ListExpr& e);
  ABSL_ATTRIBUTE_NOINLINE absl::StatusOr<Value> Map(const MapExpr& e);
  ABSL_ATTRIBUTE_NOINLINE absl::StatusOr<Value> Property(const PropertyExpr& e);
  ABSL_ATTRIBUTE_NOINLINE absl::StatusOr<Value> Index(const IndexExpr& e);
  ABSL_ATTRIBUTE_NOINLINE absl::StatusOr<Value> Slice(const SliceExpr& e);
  ABSL_ATTRIBUTE_NOINLINE absl::StatusOr<Value> LabelCheck(const LabelCheckExpr& e);
  ABSL_ATTRIBUTE_NOINLINE absl::StatusOr<Value> Unary(const UnaryExpr& e);
  ABSL_ATTRIBUTE_NOINLINE absl::StatusOr<Value> Logical(const BinaryExpr& e);
  // A binary operator other than AND/OR/XOR, on its evaluated operands.
  ABSL_ATTRIBUTE_NOINLINE absl::StatusOr<Value> Apply(const BinaryExpr& e, const Value& a,
                                                      const Value& b);
  ABSL_ATTRIBUTE_NOINLINE absl::StatusOr<Value> In(const BinaryExpr& e, const Value& x,
                                                   const Value& list);
  ABSL_ATTRIBUTE_NOINLINE absl::StatusOr<Value> StringOp(const BinaryExpr& e, const Value& a,
                                                         const Value& b);
  ABSL_ATTRIBUTE_NOINLINE absl::StatusOr<Value> Arithmetic(const BinaryExpr& e, const Value& a,
                                                           const Value& b);
  ABSL_ATTRIBUTE_NOINLINE absl::StatusOr<Value> FunctionCall(const FunctionCallExpr& e);
  ABSL_ATTRIBUTE_NOINLINE absl::StatusOr<Value> Case(const CaseExpr& e);
  ABSL_ATTRIBUTE_NOINLINE absl::StatusOr<Value> ListComprehension(const ListComprehensionExpr& e);
  ABSL_ATTRIBUTE_NOINLINE absl::StatusOr<Value> Quantify(const QuantifierExpr& e);
  ABSL_ATTRIBUTE_NOINLINE absl::StatusOr<Value> MapProjection(const MapProjectionExpr& e);
  ABSL_ATTRIBUTE_NOINLINE absl::StatusOr<Value> Subquery(const Expression& e);
  ABSL_ATTRIBUTE_NOINLINE absl::Status AggregateHere(const Expression& e) const;
  // Three-valued boolean operand: nullopt for null, TypeError for non-booleans.
  absl::StatusOr<std::optional<bool>> Boolean(const Expression& e);

  const Row& row_;
  const Scope& scope_;
  EvalContext& ctx_;
  const LocalFrame* locals_ = nullptr;
};

absl::StatusOr<Value> Evaluator::Compute(const Expression& e) {
  switch (e.kind) {
    case ExprKind::kLiteral:
    case ExprKind::kParameter:
    case ExprKind::kVariable: return Eval(e);  // EvalRef handles these
    case ExprKind::kProperty: return Property(e.As<PropertyExpr>());
    case ExprKind::kIndex: return Index(e.As<IndexExpr>());
    case ExprKind::kSlice: return Slice(e.As<SliceExpr>());
    case ExprKind::kLabelCheck: return LabelCheck(e.As<LabelCheckExpr>());
    case ExprKind::kUnary: return Unary(e.As<UnaryExpr>());
    case ExprKind::kBinary: return Binary(e.As<BinaryExpr>());
    case ExprKind::kIsNull: return IsNull(e.As<IsNullExpr>());
    case ExprKind::kList: return List(e.As<ListExpr>());
    case ExprKind::kMap: return Map(e.As<MapExpr>());
    case ExprKind::kFunctionCall: return FunctionCall(e.As<FunctionCallExpr>());
    case ExprKind::kCountStar: return AggregateHere(e);
    case ExprKind::kCase: return Case(e.As<CaseExpr>());
    case ExprKind::kListComprehension: return ListComprehension(e.As<ListComprehensionExpr>());
    case ExprKind::kQuantifier: return Quantify(e.As<QuantifierExpr>());
    case ExprKind::kMapProjection: return MapProjection(e.As<MapProjectionExpr>());
    case ExprKind::kPatternComprehension:
    case ExprKind::kPatternPredicate:
    case ExprKind::kExistsSubquery: return Subquery(e);
  }
  return absl::InternalError("unknown expression kind");
}

absl::Status Evaluator::MissingParameter(const Expression& e) const {
  return Error(e, ErrorType::kParameterMissing, "MissingParameter",
               StrCat("expected a parameter named $", e.As<ParameterExpr>().name));
}

absl::Status Evaluator::AggregateHere(const Expression& e) const {
  return Error(e, ErrorType::kSyntaxError, "InvalidAggregation",
               StrCat(e.text,
                      ": an aggregate can only be used where aggregation is allowed "
                      "(RETURN or WITH)"));
}

absl::StatusOr<Value> Evaluator::IsNull(const IsNullExpr& e) {
  Value storage;
  ASSIGN_OR_RETURN(const Value* v, EvalRef(*e.operand, storage));
  return Value::Bool(v->is_null() != e.negated);
}

absl::StatusOr<Value> Evaluator::List(const ListExpr& e) {
  Value::List out;
  out.reserve(e.elements.size());
  for (const ExprPtr& x : e.elements) {
    ASSIGN_OR_RETURN(Value v, Eval(*x));
    out.push_back(std::move(v));
  }
  return Value::MakeList(std::move(out));
}

absl::StatusOr<Value> Evaluator::Map(const MapExpr& e) {
  Value::Map out;
  for (const MapEntry& entry : e.entries) {
    ASSIGN_OR_RETURN(Value v, Eval(*entry.value));
    out.insert_or_assign(entry.key, std::move(v));  // a repeated key: the last wins
  }
  return Value::MakeMap(std::move(out));
}

absl::StatusOr<Value> Evaluator::Property(const PropertyExpr& e) {
  Value storage;
  ASSIGN_OR_RETURN(const Value* obj, EvalRef(*e.object, storage));
  switch (obj->type()) {
    case Type::kNull: return Value();
    case Type::kNode: return obj->as_node().Property(e.key);
    case Type::kRelationship: return obj->as_relationship().Property(e.key);
    case Type::kMap: {
      const Value::Map& m = obj->as_map();
      auto it = m.find(e.key);
      return it == m.end() ? Value() : it->second;
    }
    default:
      return TypeMismatch(
          e, StrCat("property access ", e.text, " expected a map, node or relationship"), *obj);
  }
}

absl::StatusOr<Value> Evaluator::Index(const IndexExpr& e) {
  Value obj_storage, idx_storage;
  ASSIGN_OR_RETURN(const Value* obj, EvalRef(*e.object, obj_storage));
  ASSIGN_OR_RETURN(const Value* idx, EvalRef(*e.index, idx_storage));
  if (obj->is_null()) return Value();
  switch (obj->type()) {
    case Type::kList: {
      if (idx->is_null()) return Value();
      if (idx->type() != Type::kInt) {
        return TypeMismatch(*e.index, "a list index must be an INTEGER", *idx);
      }
      const Value::List& list = obj->as_list();
      int64_t n = static_cast<int64_t>(list.size());
      int64_t i = idx->as_int();
      if (i < 0) i += n;  // -1 is the last element
      if (i < 0 || i >= n) return Value();
      return list[static_cast<size_t>(i)];
    }
    case Type::kMap:
    case Type::kNode:
    case Type::kRelationship: {
      if (idx->is_null()) return Value();
      if (idx->type() != Type::kString) {
        return Error(*e.index, ErrorType::kTypeError, "MapElementAccessByNonString",
                     StrCat("a map key must be a STRING, but got ", CypherTypeName(*idx)));
      }
      const std::string& key = idx->as_string();
      if (obj->type() == Type::kNode) return obj->as_node().Property(key);
      if (obj->type() == Type::kRelationship) return obj->as_relationship().Property(key);
      auto it = obj->as_map().find(key);
      return it == obj->as_map().end() ? Value() : it->second;
    }
    default: return TypeMismatch(*e.object, "[] expected a list, map, node or relationship", *obj);
  }
}

absl::StatusOr<Value> Evaluator::Slice(const SliceExpr& e) {
  Value obj_storage, from_storage, to_storage;
  ASSIGN_OR_RETURN(const Value* obj, EvalRef(*e.object, obj_storage));
  const Value* from = nullptr;
  const Value* to = nullptr;
  if (e.from != nullptr) {
    ASSIGN_OR_RETURN(from, EvalRef(*e.from, from_storage));
  }
  if (e.to != nullptr) {
    ASSIGN_OR_RETURN(to, EvalRef(*e.to, to_storage));
  }
  if (obj->is_null() || (from != nullptr && from->is_null()) || (to != nullptr && to->is_null())) {
    return Value();
  }
  if (obj->type() != Type::kList) return TypeMismatch(*e.object, "a slice expected a LIST", *obj);
  const Value::List& list = obj->as_list();
  int64_t n = static_cast<int64_t>(list.size());
  auto bound = [&](const Value* v, const Expression* at, int64_t dflt) -> absl::StatusOr<int64_t> {
    if (v == nullptr) return dflt;
    if (v->type() != Type::kInt) return TypeMismatch(*at, "a slice bound must be an INTEGER", *v);
    int64_t i = v->as_int();
    if (i < 0) i = i < -n ? 0 : i + n;  // negative counts from the end
    return std::min(i, n);
  };
  ASSIGN_OR_RETURN(int64_t lo, bound(from, e.from.get(), 0));
  ASSIGN_OR_RETURN(int64_t hi, bound(to, e.to.get(), n));
  if (lo >= hi) return Value::MakeList({});
  return Value::MakeList(Value::List(list.begin() + lo, list.begin() + hi));
}

absl::StatusOr<Value> Evaluator::LabelCheck(const LabelCheckExpr& e) {
  Value storage;
  ASSIGN_OR_RETURN(const Value* obj, EvalRef(*e.object, storage));
  if (obj->is_null()) return Value();
  if (obj->type() == Type::kNode) {
    for (const std::string& label : e.labels) {
      if (!obj->as_node().HasLabel(label)) return Value::Bool(false);
    }
    return Value::Bool(true);
  }
  if (obj->type() == Type::kRelationship) {
    // r:T tests the type; a relationship has exactly one.
    for (const std::string& label : e.labels) {
      if (obj->as_relationship().type != label) return Value::Bool(false);
    }
    return Value::Bool(true);
  }
  return TypeMismatch(*e.object, "a label check expected a NODE or RELATIONSHIP", *obj);
}

absl::StatusOr<Value> Evaluator::Unary(const UnaryExpr& e) {
  Value storage;
  ASSIGN_OR_RETURN(const Value* v, EvalRef(*e.operand, storage));
  if (v->is_null()) return Value();
  switch (e.op) {
    case UnaryOp::kNot:
      if (v->type() != Type::kBool) return TypeMismatch(*e.operand, "NOT expected a BOOLEAN", *v);
      return Value::Bool(!v->as_bool());
    case UnaryOp::kNegate:
      if (v->type() == Type::kInt) {
        if (v->as_int() == std::numeric_limits<int64_t>::min()) {
          return Error(e, ErrorType::kArgumentError, "NumberOutOfRange",
                       StrCat("integer overflow: -(", v->as_int(), ")"));
        }
        return Value::Int(-v->as_int());
      }
      if (v->type() == Type::kDouble) return Value::Double(-v->as_double());
      return TypeMismatch(*e.operand, "unary - expected a number", *v);
    case UnaryOp::kPlus:
      if (IsNumber(*v)) return *v;
      return TypeMismatch(*e.operand, "unary + expected a number", *v);
  }
  return absl::InternalError("unknown unary operator");
}

absl::StatusOr<std::optional<bool>> Evaluator::Boolean(const Expression& e) {
  Value storage;
  ASSIGN_OR_RETURN(const Value* v, EvalRef(e, storage));
  if (v->is_null()) return std::optional<bool>();
  if (v->type() != Type::kBool) return TypeMismatch(e, "a logical operator expected a BOOLEAN", *v);
  return std::optional<bool>(v->as_bool());
}

absl::StatusOr<Value> Evaluator::Logical(const BinaryExpr& e) {
  ASSIGN_OR_RETURN(std::optional<bool> a, Boolean(*e.left));
  // AND and OR stop at a deciding left side, so `x IS NOT NULL AND x.k > 1`
  // guards the right side.
  if (e.op == BinaryOp::kAnd && a == false) return Value::Bool(false);
  if (e.op == BinaryOp::kOr && a == true) return Value::Bool(true);
  ASSIGN_OR_RETURN(std::optional<bool> b, Boolean(*e.right));
  switch (e.op) {
    case BinaryOp::kAnd:
      if (b == false) return Value::Bool(false);
      if (!a.has_value() || !b.has_value()) return Value();
      return Value::Bool(true);
    case BinaryOp::kOr:
      if (b == true) return Value::Bool(true);
      if (!a.has_value() || !b.has_value()) return Value();
      return Value::Bool(false);
    default:  // XOR
      if (!a.has_value() || !b.has_value()) return Value();
      return Value::Bool(*a != *b);
  }
}

absl::StatusOr<Value> Evaluator::In(const BinaryExpr& e, const Value& x, const Value& list) {
  if (list.is_null()) return Value();
  if (list.type() != Type::kList) return TypeMismatch(*e.right, "IN expected a LIST", list);
  bool unknown = false;
  for (const Value& element : list.as_list()) {
    std::optional<bool> eq = CypherEquals(x, element);
    if (eq == true) return Value::Bool(true);
    if (!eq.has_value()) unknown = true;
  }
  return unknown ? Value() : Value::Bool(false);
}

absl::StatusOr<Value> Evaluator::StringOp(const BinaryExpr& e, const Value& a, const Value& b) {
  // Anything but two strings gives null, not an error (TCK String8/9/10).
  if (a.type() != Type::kString || b.type() != Type::kString) return Value();
  const std::string& s = a.as_string();
  const std::string& t = b.as_string();
  switch (e.op) {
    case BinaryOp::kStartsWith:
      return Value::Bool(s.size() >= t.size() && s.compare(0, t.size(), t) == 0);
    case BinaryOp::kEndsWith:
      return Value::Bool(s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0);
    case BinaryOp::kContains: return Value::Bool(s.find(t) != std::string::npos);
    default: {  // =~
      std::string error;
      const RegexMatcher* re = ctx_.regex_cache().Get(t, &error);
      if (re == nullptr) {
        return Error(*e.right, ErrorType::kArgumentError, "InvalidArgumentValue",
                     StrCat("invalid regular expression '", t, "': ", error));
      }
      return Value::Bool(re->FullMatch(s));
    }
  }
}

absl::StatusOr<Value> Evaluator::Arithmetic(const BinaryExpr& e, const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value();
  if (e.op == BinaryOp::kAdd) {
    if (a.type() == Type::kList) {
      Value::List out = a.as_list();
      if (b.type() == Type::kList) {
        out.insert(out.end(), b.as_list().begin(), b.as_list().end());
      } else {
        out.push_back(b);
      }
      return Value::MakeList(std::move(out));
    }
    if (b.type() == Type::kList) {
      Value::List out;
      out.reserve(b.as_list().size() + 1);
      out.push_back(a);
      out.insert(out.end(), b.as_list().begin(), b.as_list().end());
      return Value::MakeList(std::move(out));
    }
    if (a.type() == Type::kString && b.type() == Type::kString) {
      return Value::String(a.as_string() + b.as_string());
    }
    if (a.type() == Type::kString && IsNumber(b))
      return Value::String(a.as_string() + NumberText(b));
    if (IsNumber(a) && b.type() == Type::kString)
      return Value::String(NumberText(a) + b.as_string());
  }
  if (!IsNumber(a) || !IsNumber(b)) {
    return Error(e, ErrorType::kTypeError, "InvalidArgumentType",
                 StrCat("type mismatch: cannot apply ", BinaryOpText(e.op), " to ",
                        CypherTypeName(a), " and ", CypherTypeName(b)));
  }
  if (e.op == BinaryOp::kPower) return Value::Double(std::pow(AsDouble(a), AsDouble(b)));
  if (a.type() == Type::kInt && b.type() == Type::kInt) {
    int64_t x = a.as_int(), y = b.as_int(), r = 0;
    bool overflow = false;
    switch (e.op) {
      case BinaryOp::kAdd: overflow = __builtin_add_overflow(x, y, &r); break;
      case BinaryOp::kSubtract: overflow = __builtin_sub_overflow(x, y, &r); break;
      case BinaryOp::kMultiply: overflow = __builtin_mul_overflow(x, y, &r); break;
      case BinaryOp::kDivide:
      case BinaryOp::kModulo:
        if (y == 0) {
          return Error(e, ErrorType::kArgumentError, "DivisionByZero",
                       StrCat("integer division by zero: ", e.text));
        }
        if (y == -1) {  // INT64_MIN / -1 overflows; INT64_MIN % -1 is undefined in C++
          if (e.op == BinaryOp::kModulo) return Value::Int(0);
          overflow = __builtin_sub_overflow(int64_t{0}, x, &r);
          break;
        }
        r = e.op == BinaryOp::kDivide ? x / y : x % y;  // truncates towards zero, like Java
        break;
      default: return absl::InternalError("unknown arithmetic operator");
    }
    if (overflow) {
      return Error(
          e, ErrorType::kArgumentError, "NumberOutOfRange",
          StrCat("integer overflow in ", e.text, " (", x, " ", BinaryOpText(e.op), " ", y, ")"));
    }
    return Value::Int(r);
  }
  double x = AsDouble(a), y = AsDouble(b);
  switch (e.op) {
    case BinaryOp::kAdd: return Value::Double(x + y);
    case BinaryOp::kSubtract: return Value::Double(x - y);
    case BinaryOp::kMultiply: return Value::Double(x * y);
    case BinaryOp::kDivide: return Value::Double(x / y);  // IEEE: 1.0/0 is Infinity
    case BinaryOp::kModulo: return Value::Double(std::fmod(x, y));
    default: return absl::InternalError("unknown arithmetic operator");
  }
}

absl::StatusOr<Value> Evaluator::Binary(const BinaryExpr& e) {
  if (e.op == BinaryOp::kAnd || e.op == BinaryOp::kOr || e.op == BinaryOp::kXor) {
    return Logical(e);
  }
  Value left_storage, right_storage;
  ASSIGN_OR_RETURN(const Value* a, EvalRef(*e.left, left_storage));
  ASSIGN_OR_RETURN(const Value* b, EvalRef(*e.right, right_storage));
  return Apply(e, *a, *b);
}

absl::StatusOr<Value> Evaluator::Apply(const BinaryExpr& e, const Value& a, const Value& b) {
  auto tri = [](std::optional<bool> r) { return r.has_value() ? Value::Bool(*r) : Value(); };
  switch (e.op) {
    case BinaryOp::kEq: return tri(CypherEquals(a, b));
    case BinaryOp::kNe: {
      std::optional<bool> eq = CypherEquals(a, b);
      return eq.has_value() ? Value::Bool(!*eq) : Value();
    }
    case BinaryOp::kLt: return tri(CypherCompare(CompareOp::kLt, a, b));
    case BinaryOp::kLe: return tri(CypherCompare(CompareOp::kLe, a, b));
    case BinaryOp::kGt: return tri(CypherCompare(CompareOp::kGt, a, b));
    case BinaryOp::kGe: return tri(CypherCompare(CompareOp::kGe, a, b));
    case BinaryOp::kIn: return In(e, a, b);
    case BinaryOp::kStartsWith:
    case BinaryOp::kEndsWith:
    case BinaryOp::kContains:
    case BinaryOp::kRegexMatch: return StringOp(e, a, b);
    default: return Arithmetic(e, a, b);
  }
}

absl::StatusOr<Value> Evaluator::FunctionCall(const FunctionCallExpr& e) {
  const FunctionInfo* info = e.namespaces.empty() ? FindFunction(e.name) : nullptr;
  if (info == nullptr) {
    return Error(e, ErrorType::kSyntaxError, "UnknownFunction",
                 StrCat("unknown function '", e.QualifiedName(), "'"));
  }
  if (info->aggregate) return AggregateHere(e);
  if (info->name == "coalesce" && !e.args.empty()) {
    // Lazily: later arguments are not evaluated once a value is found.
    for (const ExprPtr& arg : e.args) {
      ASSIGN_OR_RETURN(Value v, Eval(*arg));
      if (!v.is_null()) return v;
    }
    return Value();
  }
  if (info->name == "exists" && e.args.size() == 1 &&
      (e.args[0]->kind == ExprKind::kPatternPredicate ||
       e.args[0]->kind == ExprKind::kExistsSubquery)) {
    return Eval(*e.args[0]);  // the graph hook answers true or false
  }
  std::vector<Value> storage(e.args.size());
  std::vector<const Value*> args(e.args.size());
  for (size_t k = 0; k < e.args.size(); ++k) {
    ASSIGN_OR_RETURN(args[k], EvalRef(*e.args[k], storage[k]));
  }
  return CallFunction(e, args, ctx_);
}

absl::StatusOr<Value> Evaluator::Case(const CaseExpr& e) {
  if (e.test != nullptr) {
    Value test_storage;
    ASSIGN_OR_RETURN(const Value* test, EvalRef(*e.test, test_storage));
    for (const CaseAlternative& alt : e.alternatives) {
      Value when_storage;
      ASSIGN_OR_RETURN(const Value* when, EvalRef(*alt.when, when_storage));
      if (CypherEquals(*test, *when) == true) return Eval(*alt.then);
    }
  } else {
    for (const CaseAlternative& alt : e.alternatives) {
      ASSIGN_OR_RETURN(bool hit, Truth(*alt.when));
      if (hit) return Eval(*alt.then);
    }
  }
  if (e.otherwise != nullptr) return Eval(*e.otherwise);
  return Value();
}

absl::StatusOr<Value> Evaluator::ListComprehension(const ListComprehensionExpr& e) {
  Value storage;
  ASSIGN_OR_RETURN(const Value* list, EvalRef(*e.list, storage));
  if (list->is_null()) return Value();
  if (list->type() != Type::kList) {
    return TypeMismatch(*e.list, "a list comprehension expected a LIST", *list);
  }
  Value::List out;
  BindGuard bind(*this, e.variable);
  for (const Value& element : list->as_list()) {
    bind.Set(element);
    if (e.where != nullptr) {
      ASSIGN_OR_RETURN(bool keep, Truth(*e.where));
      if (!keep) continue;
    }
    if (e.projection != nullptr) {
      ASSIGN_OR_RETURN(Value v, Eval(*e.projection));
      out.push_back(std::move(v));
    } else {
      out.push_back(element);
    }
  }
  return Value::MakeList(std::move(out));
}

absl::StatusOr<Value> Evaluator::Quantify(const QuantifierExpr& e) {
  Value storage;
  ASSIGN_OR_RETURN(const Value* list, EvalRef(*e.list, storage));
  if (list->is_null()) return Value();
  if (list->type() != Type::kList) {
    return TypeMismatch(*e.list, "a quantifier expected a LIST", *list);
  }
  int64_t trues = 0, falses = 0, nulls = 0;
  BindGuard bind(*this, e.variable);
  for (const Value& element : list->as_list()) {
    std::optional<bool> r = true;
    if (e.where != nullptr) {
      bind.Set(element);
      ASSIGN_OR_RETURN(r, Boolean(*e.where));
    }
    if (!r.has_value()) {
      ++nulls;
    } else if (*r) {
      ++trues;
    } else {
      ++falses;
    }
    // Stop as soon as the answer cannot change.
    if ((e.quantifier == Quantifier::kAll && falses > 0) ||
        (e.quantifier == Quantifier::kAny && trues > 0) ||
        (e.quantifier == Quantifier::kNone && trues > 0) ||
        (e.quantifier == Quantifier::kSingle && trues > 1)) {
      break;
    }
  }
  // Unknown (null) elements make the answer null unless the known ones decide.
  switch (e.quantifier) {
    case Quantifier::kAll:
      if (falses > 0) return Value::Bool(false);
      return nulls > 0 ? Value() : Value::Bool(true);
    case Quantifier::kAny:
      if (trues > 0) return Value::Bool(true);
      return nulls > 0 ? Value() : Value::Bool(false);
    case Quantifier::kNone:
      if (trues > 0) return Value::Bool(false);
      return nulls > 0 ? Value() : Value::Bool(true);
    case Quantifier::kSingle:
      if (trues > 1) return Value::Bool(false);
      return nulls > 0 ? Value() : Value::Bool(trues == 1);
  }
  return absl::InternalError("unknown quantifier");
}

absl::StatusOr<Value> Evaluator::MapProjection(const MapProjectionExpr& e) {
  ASSIGN_OR_RETURN(const Value* base, Variable(e.variable, e));
  if (base->is_null()) return Value();
  const Value::Map* props = nullptr;
  switch (base->type()) {
    case Type::kNode: props = &base->as_node().properties; break;
    case Type::kRelationship: props = &base->as_relationship().properties; break;
    case Type::kMap: props = &base->as_map(); break;
    default: return TypeMismatch(e, "a map projection expected a map, node or relationship", *base);
  }
  Value::Map out;
  for (const MapProjectionItem& item : e.items) {
    switch (item.kind) {
      case MapProjectionItem::Kind::kProperty: {
        auto it = props->find(item.key);
        out.insert_or_assign(item.key, it == props->end() ? Value() : it->second);
        break;
      }
      case MapProjectionItem::Kind::kAllProperties:
        for (const auto& [k, v] : *props) out.insert_or_assign(k, v);
        break;
      case MapProjectionItem::Kind::kLiteral: {
        ASSIGN_OR_RETURN(Value v, Eval(*item.value));
        out.insert_or_assign(item.key, std::move(v));
        break;
      }
      case MapProjectionItem::Kind::kVariable: {
        ASSIGN_OR_RETURN(const Value* v, Variable(item.key, e));
        out.insert_or_assign(item.key, *v);
        break;
      }
    }
  }
  return Value::MakeMap(std::move(out));
}

absl::StatusOr<Value> Evaluator::Subquery(const Expression& e) {
  if (!ctx_.subquery) {
    return Error(e, ErrorType::kSemanticError, "UnsupportedExpression",
                 StrCat(ExprKindName(e.kind), " cannot be evaluated here: ", e.text));
  }
  if (locals_ == nullptr) return ctx_.subquery(e, row_, scope_);
  // Comprehension variables become extra slots so the hook sees one row.
  std::vector<const LocalFrame*> frames;
  for (const LocalFrame* f = locals_; f != nullptr; f = f->parent) frames.push_back(f);
  Row row = row_;
  Scope scope = scope_;
  for (auto it = frames.rbegin(); it != frames.rend(); ++it) {  // outermost first: inner shadows
    scope.slots[std::string((*it)->name)] = static_cast<int>(row.size());
    row.push_back((*it)->value);
  }
  return ctx_.subquery(e, row, scope);
}

}  // namespace

absl::StatusOr<Value> Evaluate(const Expression& expr, const Row& row, const Scope& scope,
                               EvalContext& ctx) {
  return Evaluator(row, scope, ctx).Eval(expr);
}

absl::StatusOr<bool> EvaluatePredicate(const Expression& expr, const Row& row, const Scope& scope,
                                       EvalContext& ctx) {
  return Evaluator(row, scope, ctx).Truth(expr);
}

}  // namespace alliance::query
