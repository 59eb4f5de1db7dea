// The procedures every database has: db.labels(), db.relationshipTypes(),
// db.propertyKeys(), db.schema() and dbms.procedures().
#ifndef ALLIANCE_ENGINE_BUILTIN_PROCEDURES_H_
#define ALLIANCE_ENGINE_BUILTIN_PROCEDURES_H_

#include "query/procedure_registry.h"

namespace alliance {

void RegisterBuiltinProcedures(query::ProcedureRegistry& registry);

}  // namespace alliance

#endif  // ALLIANCE_ENGINE_BUILTIN_PROCEDURES_H_
