#include "alliance/query_error.h"

#include "query/query_error.h"

namespace alliance {

std::optional<QueryErrorInfo> GetQueryErrorInfo(const absl::Status& status) {
  std::optional<query::QueryErrorInfo> info = query::GetQueryError(status);
  if (!info) return std::nullopt;
  return QueryErrorInfo{std::string(query::ErrorTypeName(info->type)), info->detail};
}

}  // namespace alliance
