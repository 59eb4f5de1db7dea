// Query errors: openCypher error classes (SyntaxError, TypeError, ...) with the
// TCK's detail codes, carried on an absl::Status as a payload.
//
// Callers test the class with GetQueryError instead of parsing the message.
//
//   absl::Status s = MakeQueryError(ErrorType::kSyntaxError, "UnexpectedSyntax",
//                                   "unexpected ','; expected an expression", query, 21);
//   std::optional<QueryErrorInfo> info = GetQueryError(s);  // {kSyntaxError, "UnexpectedSyntax"}
#ifndef ALLIANCE_QUERY_QUERY_ERROR_H_
#define ALLIANCE_QUERY_QUERY_ERROR_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace alliance::query {

// The TCK's error classes ("a SyntaxError should be raised at compile time").
enum class ErrorType {
  kSyntaxError,
  kSemanticError,
  kTypeError,
  kArgumentError,
  kEntityNotFound,
  kConstraintVerificationFailed,
  kParameterMissing,
  kProcedureError,
};

// "SyntaxError", "TypeError", ...: the spelling the TCK uses.
std::string_view ErrorTypeName(ErrorType type);
// Inverse of ErrorTypeName; nullopt for an unknown name.
std::optional<ErrorType> ErrorTypeFromName(std::string_view name);

// The status payload key; its value is "<ErrorTypeName>/<detail>".
inline constexpr char kQueryErrorPayload[] = "alliance.query_error";

struct QueryErrorInfo {
  ErrorType type;
  std::string detail;  // TCK detail code, e.g. "IntegerOverflow"
};

// An InvalidArgument status for an error found at byte `offset` of `query`:
//
//   SyntaxError (UnexpectedSyntax) at line 2, column 22: unexpected ','; expected ...
//     MATCH (a)-[:T]->(b), , (c)
//                          ^
//
// The column counts code points; the caret line pads with the display width of
// the characters before it (two cells for Hangul and other wide characters,
// tabs kept as tabs), so the caret sits under the offending character in a
// terminal. Lines longer than about 100 characters are shown as a window
// around the column.
absl::Status MakeQueryError(ErrorType type, std::string_view detail_code, std::string_view message,
                            std::string_view query, size_t offset);

// The same without a source location, for errors found while running a query.
absl::Status MakeQueryError(ErrorType type, std::string_view detail_code, std::string_view message);

// The class and detail of a status made by MakeQueryError; nullopt for any
// other status (including OK).
std::optional<QueryErrorInfo> GetQueryError(const absl::Status& status);

}  // namespace alliance::query

#endif  // ALLIANCE_QUERY_QUERY_ERROR_H_
