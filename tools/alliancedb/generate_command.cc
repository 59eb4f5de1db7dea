// alliancedb generate: deterministic synthetic alliance graphs for benchmarks.
#include <iostream>

#include <CLI/CLI.hpp>

#include "alliance/generator.h"
#include "commands.h"
#include "database_flag.h"

namespace alliance::tools {

void AddGenerateCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<GeneratorOptions>();
  auto out = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "generate", "Write a deterministic synthetic alliance graph as importable CSV files");
  cmd->add_option("--orgs", options->organisations, "Organisations")->capture_default_str();
  cmd->add_option("--consortia", options->consortia, "Consortia")->capture_default_str();
  cmd->add_option("--seed", options->seed, "Random seed")->capture_default_str();
  cmd->add_option("--mean-memberships", options->mean_memberships,
                  "Average consortia per organisation (heavy-tailed)")
      ->capture_default_str();
  cmd->add_option("--out", *out, "Output directory (nodes/ and edges/ are written in it)")
      ->required();
  cmd->footer("Example:\n  alliancedb generate --orgs 10000 --consortia 1000 --seed 1 --out /tmp/s");
  cmd->callback([options, out, exit_code]() {
    auto stats = GenerateAllianceGraph(*options, *out);
    if (!stats.ok()) {
      *exit_code = ReportError(stats.status());
      return;
    }
    std::cout << "wrote " << stats->organisations << " organisations, " << stats->consortia
              << " consortia, " << stats->memberships << " memberships, " << stats->part_of
              << " PART_OF and " << stats->other_edges << " other relationships ("
              << stats->bytes_written << " bytes) to " << *out << "\n";
  });
}

}  // namespace alliance::tools
