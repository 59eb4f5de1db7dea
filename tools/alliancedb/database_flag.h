// The --db flag every subcommand shares, and opening what it names: the given
// directory, or the default database (built from the bundled data on first use).
#ifndef ALLIANCE_TOOLS_DATABASE_FLAG_H_
#define ALLIANCE_TOOLS_DATABASE_FLAG_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "alliance/database.h"

namespace CLI {
class App;
}  // namespace CLI

namespace alliance::tools {

void AddDatabaseFlag(CLI::App& command, std::string* path);

enum class OpenMode { kReadOnly, kReadWrite };

// An empty `path` means the default database.
absl::StatusOr<std::unique_ptr<Database>> OpenDatabaseFlag(const std::string& path, OpenMode mode,
                                                           const Options& options = {});

// Prints "alliancedb: <message>" to stderr and returns the exit code for it.
int ReportError(const absl::Status& status);

}  // namespace alliance::tools

#endif  // ALLIANCE_TOOLS_DATABASE_FLAG_H_
