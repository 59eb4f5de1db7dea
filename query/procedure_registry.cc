#include "query/procedure_registry.h"

namespace alliance::query {

void ProcedureRegistry::Register(ProcedureSignature signature, ProcedureFn fn) {
  std::string name = signature.name;
  procedures_.insert_or_assign(std::move(name), std::make_pair(std::move(signature), std::move(fn)));
}

const ProcedureSignature* ProcedureRegistry::Find(std::string_view name) const {
  auto it = procedures_.find(name);
  return it == procedures_.end() ? nullptr : &it->second.first;
}

const ProcedureFn* ProcedureRegistry::FindFunction(std::string_view name) const {
  auto it = procedures_.find(name);
  return it == procedures_.end() ? nullptr : &it->second.second;
}

std::vector<const ProcedureSignature*> ProcedureRegistry::List() const {
  std::vector<const ProcedureSignature*> out;
  for (const auto& [name, entry] : procedures_) out.push_back(&entry.first);
  return out;
}

}  // namespace alliance::query
