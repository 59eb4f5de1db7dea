// Query parameters typed on a command line: `--param name=value` for
// `alliancedb query`, where the value is JSON when it parses as JSON and a
// string otherwise (so --param name=KAIST needs no quotes).
#ifndef ALLIANCE_TOOLS_QUERY_PARAMETER_H_
#define ALLIANCE_TOOLS_QUERY_PARAMETER_H_

#include <string>

#include "absl/status/status.h"
#include "alliance/value.h"

namespace alliance::tools {

absl::Status ParseQueryParameter(const std::string& text, PropertyMap& params);

}  // namespace alliance::tools

#endif  // ALLIANCE_TOOLS_QUERY_PARAMETER_H_
