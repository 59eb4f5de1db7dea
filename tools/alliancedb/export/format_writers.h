// The export formats' writers, one per file (csv_writer.cc, jsonl_writer.cc,
// graphml_writer.cc, gexf_writer.cc, dot_writer.cc); MakeGraphWriter picks one.
#ifndef ALLIANCE_TOOLS_EXPORT_FORMAT_WRITERS_H_
#define ALLIANCE_TOOLS_EXPORT_FORMAT_WRITERS_H_

#include <memory>
#include <ostream>
#include <string>

#include "alliance/schema.h"
#include "graph_writer.h"

namespace alliance::tools {

// Neo4j admin import files under `directory`: nodes/<label>.csv and
// edges/<type>.csv, which `alliancedb import` reads back unchanged.
std::unique_ptr<GraphWriter> MakeCsvWriter(std::string directory, const SchemaDescription& schema);
// APOC's apoc.export.json line format, one element per line.
std::unique_ptr<GraphWriter> MakeJsonlWriter(std::ostream& out);
std::unique_ptr<GraphWriter> MakeGraphmlWriter(std::ostream& out);
std::unique_ptr<GraphWriter> MakeGexfWriter(std::ostream& out);
std::unique_ptr<GraphWriter> MakeDotWriter(std::ostream& out);

}  // namespace alliance::tools

#endif  // ALLIANCE_TOOLS_EXPORT_FORMAT_WRITERS_H_
