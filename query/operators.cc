#include "query/operators.h"

#include "query/query_error.h"
#include "schema/status_macros.h"
#include "schema/str_cat.h"

namespace alliance::query {

absl::Status ExecContext::Check() {
  if (limits.cancel != nullptr && limits.cancel->load(std::memory_order_relaxed)) {
    return absl::CancelledError("the query was cancelled");
  }
  if (std::chrono::steady_clock::now() > deadline) {
    return absl::DeadlineExceededError(
        StrCat("the query ran longer than its limit of ", limits.timeout.count(), " ms"));
  }
  return absl::OkStatus();
}

absl::Status ExecContext::Materialise(int64_t rows) {
  materialised += rows;
  if (materialised > limits.max_rows) {
    return absl::ResourceExhaustedError(
        StrCat("the query materialised more than ", limits.max_rows,
               " rows (sorts, aggregations, results); add a LIMIT or raise the row limit"));
  }
  return absl::OkStatus();
}

absl::StatusOr<bool> Operator::Pull(ExecContext& ctx, Row& row) {
  if (!ctx.profile) {
    ASSIGN_OR_RETURN(bool more, Next(ctx, row));
    if (more) ++rows_out_;
    return more;
  }
  const auto start = std::chrono::steady_clock::now();
  absl::StatusOr<bool> more = Next(ctx, row);
  nanos_ += std::chrono::duration_cast<std::chrono::nanoseconds>(
                std::chrono::steady_clock::now() - start)
                .count();
  if (more.ok() && *more) ++rows_out_;
  return more;
}

void Operator::Reset() {
  for (auto& c : children_) c->Reset();
}

absl::StatusOr<bool> ArgumentOp::Next(ExecContext& ctx, Row& row) {
  if (done_) return false;
  done_ = true;
  row = argument_;
  return true;
}

FlatMapOp::FlatMapOp(std::string name, std::unique_ptr<Operator> input, Expand expand)
    : Operator(std::move(name)), expand_(std::move(expand)) {
  AddChild(std::move(input));
}

void FlatMapOp::Reset() {
  Operator::Reset();
  pending_.clear();
  next_ = 0;
}

absl::StatusOr<bool> FlatMapOp::Next(ExecContext& ctx, Row& row) {
  while (next_ >= pending_.size()) {
    pending_.clear();
    next_ = 0;
    Row in;
    ASSIGN_OR_RETURN(bool more, input()->Pull(ctx, in));
    if (!more) return false;
    RETURN_IF_ERROR(ctx.Check());
    RETURN_IF_ERROR(expand_(ctx, in, pending_));
  }
  row = std::move(pending_[next_++]);
  return true;
}

FilterOp::FilterOp(std::string name, std::unique_ptr<Operator> input, Keep keep)
    : Operator(std::move(name)), keep_(std::move(keep)) {
  AddChild(std::move(input));
}

absl::StatusOr<bool> FilterOp::Next(ExecContext& ctx, Row& row) {
  while (true) {
    ASSIGN_OR_RETURN(bool more, input()->Pull(ctx, row));
    if (!more) return false;
    ASSIGN_OR_RETURN(bool keep, keep_(ctx, row));
    if (keep) return true;
  }
}

MapOp::MapOp(std::string name, std::unique_ptr<Operator> input, Apply apply)
    : Operator(std::move(name)), apply_(std::move(apply)) {
  AddChild(std::move(input));
}

absl::StatusOr<bool> MapOp::Next(ExecContext& ctx, Row& row) {
  ASSIGN_OR_RETURN(bool more, input()->Pull(ctx, row));
  if (!more) return false;
  RETURN_IF_ERROR(apply_(ctx, row));
  return true;
}

EagerOp::EagerOp(std::string name, std::unique_ptr<Operator> input, Finish finish,
                 Consume consume)
    : Operator(std::move(name)), finish_(std::move(finish)), consume_(std::move(consume)) {
  AddChild(std::move(input));
}

void EagerOp::Reset() {
  Operator::Reset();
  rows_.clear();
  next_ = 0;
  filled_ = false;
}

absl::StatusOr<bool> EagerOp::Next(ExecContext& ctx, Row& row) {
  if (!filled_) {
    filled_ = true;
    Row in;
    while (true) {
      ASSIGN_OR_RETURN(bool more, input()->Pull(ctx, in));
      if (!more) break;
      if (consume_) {
        ASSIGN_OR_RETURN(bool keep, consume_(ctx, in));
        if (!keep) continue;
      }
      RETURN_IF_ERROR(ctx.Materialise(1));
      rows_.push_back(std::move(in));
    }
    RETURN_IF_ERROR(ctx.Check());
    RETURN_IF_ERROR(finish_(ctx, rows_));
  }
  if (next_ >= rows_.size()) return false;
  row = std::move(rows_[next_++]);
  return true;
}

ApplyOp::ApplyOp(std::unique_ptr<Operator> input, std::unique_ptr<Operator> inner,
                 ArgumentOp* argument, bool optional, std::vector<int> null_slots)
    : Operator(optional ? "Optional" : "Apply"),
      argument_(argument),
      optional_(optional),
      null_slots_(std::move(null_slots)) {
  AddChild(std::move(input));
  AddChild(std::move(inner));
}

void ApplyOp::Reset() {
  Operator::Reset();
  have_outer_ = false;
}

absl::StatusOr<bool> ApplyOp::Next(ExecContext& ctx, Row& row) {
  Operator* inner = children()[1].get();
  while (true) {
    if (!have_outer_) {
      ASSIGN_OR_RETURN(bool more, input()->Pull(ctx, outer_));
      if (!more) return false;
      have_outer_ = true;
      matched_ = false;
      argument_->SetArgument(outer_);
      inner->Reset();
    }
    ASSIGN_OR_RETURN(bool more, inner->Pull(ctx, row));
    if (more) {
      matched_ = true;
      return true;
    }
    have_outer_ = false;
    if (optional_ && !matched_) {
      row = outer_;
      for (int s : null_slots_) row[s] = Value();
      return true;
    }
  }
}

SliceOp::SliceOp(std::unique_ptr<Operator> input, const Expression* skip,
                 const Expression* limit)
    : Operator("Slice"), skip_expr_(skip), limit_expr_(limit) {
  AddChild(std::move(input));
  set_detail(StrCat(skip ? StrCat("skip ", skip->text) : std::string(), skip && limit ? ", " : "",
                    limit ? StrCat("limit ", limit->text) : std::string()));
}

void SliceOp::Reset() {
  Operator::Reset();
  seen_ = given_ = 0;
}

absl::Status SliceOp::Configure(ExecContext& ctx) {
  for (const Expression* e : {skip_expr_, limit_expr_}) {
    if (e == nullptr) continue;
    const std::string_view what = e == skip_expr_ ? "SKIP" : "LIMIT";
    ASSIGN_OR_RETURN(Value v, Evaluate(*e, Row(), Scope(), *ctx.eval));
    if (v.type() != Value::Type::kInt) {
      return MakeQueryError(ErrorType::kSyntaxError, "InvalidArgumentType",
                            StrCat(what, " takes an integer, got ", v.ToString()),
                            ctx.eval->query_text(), e->pos.offset);
    }
    if (v.as_int() < 0) {
      return MakeQueryError(ErrorType::kSyntaxError, "NegativeIntegerArgument",
                            StrCat(what, " cannot be negative, got ", v.as_int()),
                            ctx.eval->query_text(), e->pos.offset);
    }
    if (e == skip_expr_) {
      skip_ = v.as_int();
    } else {
      limit_ = v.as_int();
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<bool> SliceOp::Next(ExecContext& ctx, Row& row) {
  if (!configured_) {
    configured_ = true;
    RETURN_IF_ERROR(Configure(ctx));
  }
  if (limit_ && given_ >= *limit_) return false;
  while (true) {
    ASSIGN_OR_RETURN(bool more, input()->Pull(ctx, row));
    if (!more) return false;
    if (seen_++ < skip_) continue;
    ++given_;
    return true;
  }
}

UnionOp::UnionOp(std::vector<std::unique_ptr<Operator>> inputs) : Operator("Union") {
  for (auto& i : inputs) AddChild(std::move(i));
}

void UnionOp::Reset() {
  Operator::Reset();
  current_ = 0;
}

absl::StatusOr<bool> UnionOp::Next(ExecContext& ctx, Row& row) {
  while (current_ < children().size()) {
    ASSIGN_OR_RETURN(bool more, children()[current_]->Pull(ctx, row));
    if (more) return true;
    ++current_;
  }
  return false;
}

namespace {

void Describe(const Operator& op, int depth, bool profile, std::string& out) {
  out += std::string(depth * 2, ' ');
  out += op.name();
  const std::string detail = op.Detail();
  if (!detail.empty()) StrAppend(&out, " (", detail, ")");
  if (profile) {
    StrAppend(&out, "  rows=", op.rows_out(), " time=",
              static_cast<double>(op.nanos()) / 1e6, " ms");
  }
  out += '\n';
  for (const auto& c : op.children()) Describe(*c, depth + 1, profile, out);
}

}  // namespace

std::string DescribePlan(const Operator& root, bool with_profile) {
  std::string out;
  Describe(root, 0, with_profile, out);
  return out;
}

}  // namespace alliance::query
