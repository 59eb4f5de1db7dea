// The default database: the bundled alliance dataset, built on first use so a
// new user gets real answers from the first command.
#ifndef ALLIANCE_DEFAULT_DATABASE_H_
#define ALLIANCE_DEFAULT_DATABASE_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "alliance/database.h"

namespace alliance {

// $ALLIANCEDB_HOME if set, else $XDG_DATA_HOME/alliancedb/default, else
// ~/.local/share/alliancedb/default.
std::string DefaultDatabasePath();

// The folder holding the bundled dataset's nodes/ and edges/ CSV files:
// $ALLIANCEDB_DATA_DIR if set, else share/alliancedb/data beside the installed
// binaries, else the source tree's data/ (for builds that are not installed).
absl::StatusOr<std::string> BundledDataDirectory();

// Opens the database at `path`; when nothing is there yet, first builds it
// from the bundled dataset in a temporary directory and renames it into place,
// so an interrupted build never leaves half a database.
absl::StatusOr<std::unique_ptr<Database>> OpenOrCreateBundled(const std::string& path,
                                                              bool read_only);

}  // namespace alliance

#endif  // ALLIANCE_DEFAULT_DATABASE_H_
