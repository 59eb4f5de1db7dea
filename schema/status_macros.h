// RETURN_IF_ERROR / ASSIGN_OR_RETURN for absl::Status, which Abseil 20220623
// does not ship. Internal to the implementation; never in public headers.
#ifndef ALLIANCE_SCHEMA_STATUS_MACROS_H_
#define ALLIANCE_SCHEMA_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define ALLIANCE_CONCAT_INNER_(a, b) a##b
#define ALLIANCE_CONCAT_(a, b) ALLIANCE_CONCAT_INNER_(a, b)

#define RETURN_IF_ERROR(expr)                  \
  do {                                         \
    ::absl::Status alliance_status_ = (expr);  \
    if (!alliance_status_.ok()) return alliance_status_; \
  } while (0)

#define ASSIGN_OR_RETURN(lhs, expr) \
  ASSIGN_OR_RETURN_IMPL_(ALLIANCE_CONCAT_(alliance_statusor_, __LINE__), lhs, expr)

#define ASSIGN_OR_RETURN_IMPL_(statusor, lhs, expr) \
  auto statusor = (expr);                           \
  if (!statusor.ok()) return statusor.status();     \
  lhs = std::move(statusor).value()

#endif  // ALLIANCE_SCHEMA_STATUS_MACROS_H_
