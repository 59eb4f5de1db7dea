// Parse: turns one Cypher statement into a Statement AST, or into a SyntaxError
// status that points at the offending character (see query_error.h).
//
//   absl::StatusOr<std::unique_ptr<Statement>> s = Parse("MATCH (n:Person) RETURN n.name");
//   if (!s.ok()) return s.status();  // "SyntaxError (UnexpectedSyntax) at line 1, ..."
//
// Parse never throws and never crashes: nesting is capped (kMaxNestingDepth,
// kMaxExpressionHeight) so hostile input yields an error, not a stack
// overflow, and it never backtracks, so time is linear in the input. At the
// nesting cap it needs about 1 MB of stack in an optimised build (4 MB under
// AddressSanitizer); threads that parse untrusted text need that much.
#ifndef ALLIANCE_QUERY_PARSER_H_
#define ALLIANCE_QUERY_PARSER_H_

#include <memory>
#include <string_view>

#include "absl/status/statusor.h"
#include "query/ast.h"

namespace alliance::query {

// Deepest nesting of parentheses, brackets, maps and subqueries the parser
// follows before failing with SyntaxError (NestingTooDeep).
inline constexpr int kMaxNestingDepth = 500;

// Tallest expression tree accepted (Expression::height). Long operator chains
// such as `a OR b OR ...` grow the tree without nesting, so this is checked
// separately; it bounds the recursion of every later pass over the tree.
inline constexpr uint32_t kMaxExpressionHeight = 1000;

// Parses one statement: optional EXPLAIN or PROFILE, a query (single queries
// joined by UNION or UNION ALL) and an optional ';'. The Statement owns a copy
// of `query`, which its nodes' text views point into.
absl::StatusOr<std::unique_ptr<Statement>> Parse(std::string_view query);

}  // namespace alliance::query

#endif  // ALLIANCE_QUERY_PARSER_H_
