// WriteFileAtomically: replaces a file's contents all at once, so a reader or
// a failure never sees it half-written.
#ifndef ALLIANCE_TOOLS_HTML_ATOMIC_FILE_H_
#define ALLIANCE_TOOLS_HTML_ATOMIC_FILE_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace alliance::tools::html {

// Writes `contents` to a temporary file beside `path` (mode 0644) and renames
// it over `path`; on any failure the temporary file is removed and `path` is
// left as it was. Errors name the file and the system's reason.
absl::Status WriteFileAtomically(const std::string& path, std::string_view contents);

}  // namespace alliance::tools::html

#endif  // ALLIANCE_TOOLS_HTML_ATOMIC_FILE_H_
