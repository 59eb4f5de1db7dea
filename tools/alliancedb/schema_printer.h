// Prints a database's schema as `alliancedb schema show` and the shell's
// :schema show it: labels with their typed properties, keys and lookups, and
// relationship types with their endpoints.
#ifndef ALLIANCE_TOOLS_SCHEMA_PRINTER_H_
#define ALLIANCE_TOOLS_SCHEMA_PRINTER_H_

#include <ostream>

#include "alliance/schema.h"

namespace alliance::tools {

void PrintSchema(const SchemaDescription& schema, std::ostream& out);

}  // namespace alliance::tools

#endif  // ALLIANCE_TOOLS_SCHEMA_PRINTER_H_
