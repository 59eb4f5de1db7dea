// Physical operators of the executor: a pull-based tree (Volcano style) in
// which each operator asks its input for the next row, fills its own slots of
// the row and hands it on. Rows are vectors of values indexed by slots the
// planner assigns.
#ifndef ALLIANCE_QUERY_OPERATORS_H_
#define ALLIANCE_QUERY_OPERATORS_H_

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "query/ast.h"
#include "query/evaluator.h"
#include "query/procedure_registry.h"
#include "alliance/query_result.h"
#include "storage/transaction.h"

namespace alliance::query {

// The statement's limits are the API's QueryOptions.
using ExecutionLimits = QueryOptions;

// What every operator of one statement shares.
struct ExecContext {
  storage::Transaction* txn = nullptr;
  EvalContext* eval = nullptr;
  QueryStats* stats = nullptr;
  const ProcedureRegistry* procedures = nullptr;
  ExecutionLimits limits;
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
  std::vector<std::string>* notifications = nullptr;
  int64_t materialised = 0;
  bool profile = false;

  // Timeout, cancellation and the materialisation budget.
  absl::Status Check();
  absl::Status Materialise(int64_t rows);
};

class Operator {
 public:
  explicit Operator(std::string name) : name_(std::move(name)) {}
  virtual ~Operator() = default;

  // Pulls the next row into `row`; false at the end. Counts rows and time
  // for PROFILE.
  absl::StatusOr<bool> Pull(ExecContext& ctx, Row& row);
  // Starts over (with a new argument row for operators under an Apply).
  virtual void Reset();

  const std::string& name() const { return name_; }
  virtual std::string Detail() const { return detail_; }
  void set_detail(std::string d) { detail_ = std::move(d); }
  const std::vector<std::unique_ptr<Operator>>& children() const { return children_; }
  void AddChild(std::unique_ptr<Operator> child) { children_.push_back(std::move(child)); }
  Operator* input() const { return children_.empty() ? nullptr : children_[0].get(); }
  int64_t rows_out() const { return rows_out_; }
  int64_t nanos() const { return nanos_; }

 protected:
  virtual absl::StatusOr<bool> Next(ExecContext& ctx, Row& row) = 0;

 private:
  std::string name_;
  std::string detail_;
  std::vector<std::unique_ptr<Operator>> children_;
  int64_t rows_out_ = 0;
  int64_t nanos_ = 0;
};

// The leaf of every plan: yields its argument row once (a row of nulls at the
// top, the outer row under an Apply).
class ArgumentOp : public Operator {
 public:
  explicit ArgumentOp(size_t slots) : Operator("Argument"), argument_(slots) {}
  void SetArgument(const Row& row) { argument_ = row; }
  void Reset() override { done_ = false; }

 protected:
  absl::StatusOr<bool> Next(ExecContext& ctx, Row& row) override;

 private:
  Row argument_;
  bool done_ = false;
};

// Produces, for each input row, zero or more output rows.
class FlatMapOp : public Operator {
 public:
  using Expand = std::function<absl::Status(ExecContext&, const Row&, std::vector<Row>&)>;
  FlatMapOp(std::string name, std::unique_ptr<Operator> input, Expand expand);
  void Reset() override;

 protected:
  absl::StatusOr<bool> Next(ExecContext& ctx, Row& row) override;

 private:
  Expand expand_;
  std::vector<Row> pending_;
  size_t next_ = 0;
};

// Keeps the rows for which `keep` is true.
class FilterOp : public Operator {
 public:
  using Keep = std::function<absl::StatusOr<bool>(ExecContext&, const Row&)>;
  FilterOp(std::string name, std::unique_ptr<Operator> input, Keep keep);

 protected:
  absl::StatusOr<bool> Next(ExecContext& ctx, Row& row) override;

 private:
  Keep keep_;
};

// Rewrites each row in place.
class MapOp : public Operator {
 public:
  using Apply = std::function<absl::Status(ExecContext&, Row&)>;
  MapOp(std::string name, std::unique_ptr<Operator> input, Apply apply);

 protected:
  absl::StatusOr<bool> Next(ExecContext& ctx, Row& row) override;

 private:
  Apply apply_;
};

// Reads all input, then yields the rows `finish` makes of them (sort,
// aggregation, eager writes).
class EagerOp : public Operator {
 public:
  using Finish = std::function<absl::Status(ExecContext&, std::vector<Row>&)>;
  // Takes each input row as it arrives; returns whether to keep it for `finish`.
  using Consume = std::function<absl::StatusOr<bool>(ExecContext&, Row&)>;
  EagerOp(std::string name, std::unique_ptr<Operator> input, Finish finish,
          Consume consume = nullptr);
  void Reset() override;

 protected:
  absl::StatusOr<bool> Next(ExecContext& ctx, Row& row) override;

 private:
  Finish finish_;
  Consume consume_;
  std::vector<Row> rows_;
  size_t next_ = 0;
  bool filled_ = false;
};

// For each input row runs `inner` with that row as its argument and yields
// its rows; with `optional`, a row with `null_slots` set to null when `inner`
// yields none (OPTIONAL MATCH).
class ApplyOp : public Operator {
 public:
  ApplyOp(std::unique_ptr<Operator> input, std::unique_ptr<Operator> inner, ArgumentOp* argument,
          bool optional, std::vector<int> null_slots);
  void Reset() override;

 protected:
  absl::StatusOr<bool> Next(ExecContext& ctx, Row& row) override;

 private:
  ArgumentOp* argument_;
  bool optional_;
  std::vector<int> null_slots_;
  Row outer_;
  bool have_outer_ = false;
  bool matched_ = false;
};

// SKIP and LIMIT. Their expressions are constants or parameters, evaluated
// when the first row is asked for; they must give non-negative integers.
class SliceOp : public Operator {
 public:
  SliceOp(std::unique_ptr<Operator> input, const Expression* skip, const Expression* limit);
  void Reset() override;

 protected:
  absl::StatusOr<bool> Next(ExecContext& ctx, Row& row) override;

 private:
  absl::Status Configure(ExecContext& ctx);

  const Expression* skip_expr_;
  const Expression* limit_expr_;
  bool configured_ = false;
  int64_t skip_ = 0;
  std::optional<int64_t> limit_;
  int64_t seen_ = 0;
  int64_t given_ = 0;
};

// Rows of every input in turn (UNION ALL); `distinct_slots` non-empty makes it UNION.
class UnionOp : public Operator {
 public:
  explicit UnionOp(std::vector<std::unique_ptr<Operator>> inputs);
  void Reset() override;

 protected:
  absl::StatusOr<bool> Next(ExecContext& ctx, Row& row) override;

 private:
  size_t current_ = 0;
};

// The plan as indented text; with counts and times after PROFILE.
std::string DescribePlan(const Operator& root, bool with_profile);

}  // namespace alliance::query

#endif  // ALLIANCE_QUERY_OPERATORS_H_
