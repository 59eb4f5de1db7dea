// The openCypher class of a failed statement ("SyntaxError", "SemanticError",
// "TypeError", ...) and its detail code ("UnexpectedSyntax",
// "UndefinedVariable", ...), read from the status Database::Execute returned.
#ifndef ALLIANCE_QUERY_ERROR_H_
#define ALLIANCE_QUERY_ERROR_H_

#include <optional>
#include <string>

#include "absl/status/status.h"

namespace alliance {

struct QueryErrorInfo {
  std::string type;    // "SyntaxError"
  std::string detail;  // "UnexpectedSyntax"
};

// nullopt for OK and for errors that are not query errors (I/O, locks, ...).
std::optional<QueryErrorInfo> GetQueryErrorInfo(const absl::Status& status);

}  // namespace alliance

#endif  // ALLIANCE_QUERY_ERROR_H_
