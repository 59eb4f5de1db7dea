// alliancedb export: the graph, or the part of it with the given labels and
// types, as files other tools open (or `alliancedb import` reads back).
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

#include <CLI/CLI.hpp>

#include "alliance/database.h"
#include "commands.h"
#include "database_flag.h"
#include "export/graph_exporter.h"
#include "export/graph_writer.h"
#include "progress_bar.h"

namespace alliance::tools {
namespace {

namespace fs = std::filesystem;

struct ExportFlags {
  std::string db;
  std::string format;
  std::vector<std::string> labels;
  std::vector<std::string> types;
  std::string out;
};

// The output is written beside OUT under a temporary name and renamed into
// place at the end, so a failed export never leaves half a file (or a
// directory of some of the CSV files) where OUT should be.
class StagedOutput {
 public:
  StagedOutput(const std::string& out, bool directory) : directory_(directory) {
    fs::path p(out);
    if (!p.has_filename()) p = p.parent_path();  // "out/" names the directory "out"
    out_ = p.string();
    staging_ =
        (p.parent_path() / ("." + p.filename().string() + ".tmp-" + std::to_string(::getpid())))
            .string();
  }
  ~StagedOutput() {
    std::error_code ec;
    if (!committed_) fs::remove_all(staging_, ec);
  }

  absl::Status Create() {
    std::error_code ec;
    if (directory_) {
      // Stale files of an earlier export would be imported with the new ones.
      if (fs::exists(out_, ec) && (!fs::is_directory(out_, ec) || !fs::is_empty(out_, ec))) {
        return absl::AlreadyExistsError(out_ + " exists and is not an empty directory");
      }
      if (!fs::create_directory(staging_, ec)) return Failed(ec.message());
      return absl::OkStatus();
    }
    if (fs::is_directory(out_, ec)) return absl::AlreadyExistsError(out_ + " is a directory");
    file_.open(staging_, std::ios::binary | std::ios::trunc);
    if (!file_) return Failed(std::strerror(errno));
    return absl::OkStatus();
  }

  std::ostream& stream() { return file_; }
  const std::string& staging_path() const { return staging_; }

  absl::Status Commit() {
    if (!directory_) {
      file_.close();
      if (file_.fail()) return Failed(std::strerror(errno));
    }
    std::error_code ec;
    // rename(2) replaces a file, or an empty directory.
    fs::rename(staging_, out_, ec);
    if (ec) return Failed(ec.message());
    committed_ = true;
    return absl::OkStatus();
  }

 private:
  absl::Status Failed(const std::string& reason) const {
    return absl::InternalError("cannot write " + out_ + ": " + reason);
  }

  std::string out_;
  bool directory_;
  std::string staging_;
  std::ofstream file_;
  bool committed_ = false;
};

int Run(const ExportFlags& flags) {
  absl::StatusOr<ExportFormat> format = ParseExportFormat(flags.format);
  if (!format.ok()) {
    std::cerr << "alliancedb export: " << format.status().message() << "\n";
    return 2;
  }
  const bool to_stdout = flags.out == "-";
  if (to_stdout && WritesDirectory(*format)) {
    std::cerr << "alliancedb export: csv writes a directory of files; give its path as OUT\n";
    return 2;
  }
  auto db = OpenDatabaseFlag(flags.db, OpenMode::kReadOnly);
  if (!db.ok()) return ReportError(db.status());
  const SchemaDescription schema = (*db)->Schema();
  absl::StatusOr<ExportSelection> selection = SelectForExport(schema, flags.labels, flags.types);
  if (!selection.ok()) return ReportError(selection.status());

  std::optional<StagedOutput> staged;
  WriterTarget target{.stream = &std::cout, .schema = &schema};
  if (!to_stdout) {
    staged.emplace(flags.out, WritesDirectory(*format));
    if (absl::Status s = staged->Create(); !s.ok()) return ReportError(s);
    target.stream = &staged->stream();
    target.directory = staged->staging_path();
  }
  std::unique_ptr<GraphWriter> writer = MakeGraphWriter(*format, target);
  ProgressBar bar("export", "rows");
  absl::StatusOr<ExportCounts> counts = ExportGraph(
      **db, *selection, *writer, [&bar](std::string_view stage, uint64_t rows, double fraction) {
        bar.SetStage(stage);
        bar.Update(rows, fraction);
      });
  bar.Finish();
  if (!counts.ok()) return ReportError(counts.status());
  if (staged) {
    if (absl::Status s = staged->Commit(); !s.ok()) return ReportError(s);
  }
  // With OUT "-" the data is on stdout, so the summary goes to stderr.
  std::ostream& summary = to_stdout ? std::cerr : std::cout;
  summary << "exported " << counts->nodes << " nodes and " << counts->relationships
          << " relationships to " << (to_stdout ? "stdout" : flags.out) << "\n";
  if (*format == ExportFormat::kCsv) {
    std::string files;
    for (const char* sub : {"nodes", "edges"}) {
      const fs::path dir = fs::path(flags.out) / sub;
      if (fs::exists(dir)) files += " " + (dir / "*.csv").string();
    }
    if (!files.empty()) {
      summary << "import with: alliancedb import --db DIR"
              << (schema.mode == SchemaMode::kFree ? " --schema free" : "") << files << "\n";
    }
  }
  return 0;
}

}  // namespace

void AddExportCommand(CLI::App& app, int* exit_code) {
  auto flags = std::make_shared<ExportFlags>();
  CLI::App* cmd = app.add_subcommand(
      "export",
      "Write the graph (or the given labels and types) as CSV, JSON Lines, GraphML, "
      "GEXF or DOT");
  AddDatabaseFlag(*cmd, &flags->db);
  cmd->add_option("--format", flags->format,
                  "csv (a directory that `alliancedb import` reads back), jsonl (APOC JSON "
                  "Lines), graphml (yEd, NetworkX), gexf (Gephi) or dot (Graphviz)")
      ->required();
  cmd->add_option("--labels", flags->labels,
                  "Only nodes with these labels (default: all); a node with several is written "
                  "once")
      ->delimiter(',');
  cmd->add_option("--types", flags->types,
                  "Only relationships of these types (default: all), between exported nodes")
      ->delimiter(',');
  cmd->add_option("out", flags->out, "Output file, '-' for stdout; for csv a new directory")
      ->required();
  cmd->footer(
      "Lists are written as JSON arrays in GraphML, GEXF and DOT attributes, and as\n"
      "`;`-separated typed columns (aliases:string[]) in CSV.\n"
      "Examples:\n"
      "  alliancedb export --format graphml alliances.graphml\n"
      "  alliancedb export --format gexf --labels Organisation,Consortium --types MEMBER_OF "
      "members.gexf\n"
      "  alliancedb export --format csv /tmp/alliances-csv\n"
      "  alliancedb export --format jsonl - | head");
  cmd->callback([flags, exit_code]() { *exit_code = Run(*flags); });
}

}  // namespace alliance::tools
