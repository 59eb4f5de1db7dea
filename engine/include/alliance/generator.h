// GenerateAllianceGraph: writes a deterministic synthetic alliance graph, in the bundled
// dataset's Neo4j-admin-import CSV layout, for benchmarks and scale tests.
//
//   alliance::GeneratorOptions options{.organisations = 10000, .consortia = 1000, .seed = 7};
//   absl::StatusOr<alliance::GeneratorStats> stats =
//       alliance::GenerateAllianceGraph(options, "/tmp/alliance-s");
#ifndef ALLIANCE_GENERATOR_H_
#define ALLIANCE_GENERATOR_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"

namespace alliance {

struct GeneratorOptions {
  // Both must be in [1, kMaxGeneratorNodes].
  int64_t organisations = 10000;
  int64_t consortia = 1000;
  uint64_t seed = 42;
  // Average number of consortia an organisation is MEMBER_OF. Degrees are heavy-tailed
  // (most organisations join one or two consortia, a few hubs join hundreds). Must be
  // finite and >= 1; values above `consortia` are clamped to `consortia`. The realised
  // total is exactly round(organisations * mean_memberships), raised to `consortia` if
  // needed so that every consortium has its lead.
  double mean_memberships = 5.0;
};

// Upper bound on `organisations` and `consortia`: per-node state is kept in 32-bit
// integers. Memory use peaks at about 14 bytes per organisation plus 40 per consortium,
// plus 12 MiB of write buffers.
inline constexpr int64_t kMaxGeneratorNodes = 1'000'000'000;

struct GeneratorStats {
  int64_t organisations = 0;
  int64_t consortia = 0;
  int64_t programmes = 0;
  int64_t models = 0;
  int64_t hardware = 0;
  int64_t memberships = 0;  // MEMBER_OF edges
  int64_t part_of = 0;      // PART_OF edges
  // SELECTED_FOR + DEVELOPS + BUILDS + USES + MAKES edges.
  int64_t other_edges = 0;
  int64_t bytes_written = 0;  // total size of the twelve CSV files
};

// Writes out_dir/nodes/{organisation,consortium,programme,model,hardware}.csv and
// out_dir/edges/{member_of,part_of,selected_for,develops,builds,uses,makes}.csv,
// creating the directories and replacing files of an earlier run.
//
// The output is a pure function of `options`: the same options give byte-identical files
// on every run and platform (own PRNG, integer and correctly rounded IEEE arithmetic only).
// Files are written under temporary names and renamed into place only once all twelve
// are complete, so a failed run leaves no partial file set behind (an earlier run's files
// stay as they were). Ids are `o<N>`, `c<N>`, `p<N>`, `m<N>`, `h<N>` (N from 0).
//
// Errors: InvalidArgument for bad options; the errno-derived code (for example
// PermissionDenied, FailedPrecondition for a path through a regular file) with the path
// when out_dir cannot be created or written; ResourceExhausted when memory runs out.
// Runs in O(organisations + consortia) memory and O(memberships) time on one thread.
absl::StatusOr<GeneratorStats> GenerateAllianceGraph(const GeneratorOptions& options,
                                                     const std::string& out_dir);

}  // namespace alliance

#endif  // ALLIANCE_GENERATOR_H_
