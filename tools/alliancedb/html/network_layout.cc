#include "html/network_layout.h"

#include <graphviz/gvc.h>

#include <cstdlib>
#include <mutex>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"

namespace alliance::tools::html {
namespace {

constexpr double kPointsPerInch = 72.0;

std::mutex& GraphvizMutex() {
  static std::mutex mutex;
  return mutex;
}

// Graphviz reports through one process-wide callback that takes no user
// pointer; while a layout holds the mutex its messages land here.
std::string* current_messages = nullptr;

int CollectMessage(char* message) {
  if (current_messages != nullptr) current_messages->append(message);
  return 0;
}

// Graphviz 2.43 takes char* for names and values it only copies.
char* Mutable(const char* s) { return const_cast<char*>(s); }

// One context for the process, as Graphviz's library guide advises; created
// on first use with the mutex held and never freed. It is also the leak-free
// choice: gvFreeContext in 2.43 leaves the plugin configuration text that
// gvContext read unreachable (3.6 KB per context), while a context kept alive
// still refers to it.
GVC_t* SharedContext() {
  static GVC_t* context = nullptr;
  if (context == nullptr) context = gvContext();
  return context;
}

// One graph and its layout on the shared context, with Graphviz's messages
// collected. Finish() releases them in order and reports what failed; the
// destructor releases whatever an error path left.
class GraphvizRun {
 public:
  explicit GraphvizRun(std::string* messages) : messages_(messages) {
    current_messages = messages_;
    previous_handler_ = agseterrf(CollectMessage);
    agreseterrors();
    context_ = SharedContext();
  }
  ~GraphvizRun() {
    Finish().IgnoreError();
    agseterrf(previous_handler_);
    current_messages = nullptr;
  }
  GraphvizRun(const GraphvizRun&) = delete;
  GraphvizRun& operator=(const GraphvizRun&) = delete;

  GVC_t* context() const { return context_; }
  Agraph_t* graph() const { return graph_; }
  void set_graph(Agraph_t* graph) { graph_ = graph; }
  void set_laid_out() { laid_out_ = true; }

  absl::Status Finish() {
    absl::Status status;
    if (laid_out_ && gvFreeLayout(context_, graph_) != 0) {
      status = Failure("gvFreeLayout failed");
    }
    laid_out_ = false;
    if (graph_ != nullptr && agclose(graph_) != 0 && status.ok()) {
      status = Failure("agclose failed");
    }
    graph_ = nullptr;
    // agerrors() is the worst level reported since agreseterrors(): a layout
    // that "succeeded" after reporting an error is not trusted.
    if (agerrors() >= AGERR && status.ok()) status = Failure("Graphviz reported errors");
    return status;
  }

  absl::Status Failure(absl::string_view what) const {
    const absl::string_view said = absl::StripTrailingAsciiWhitespace(*messages_);
    return absl::InternalError(
        absl::StrCat("graph layout: ", what, said.empty() ? "" : ": ", said));
  }

 private:
  std::string* messages_;
  agusererrf previous_handler_ = nullptr;
  GVC_t* context_ = nullptr;
  Agraph_t* graph_ = nullptr;
  bool laid_out_ = false;
};

void Declare(Agraph_t* graph, int kind, const char* name, const std::string& default_value) {
  agattr(graph, kind, Mutable(name), Mutable(default_value.c_str()));
}

void Set(void* object, const char* name, const std::string& value) {
  agsafeset(object, Mutable(name), Mutable(value.c_str()), Mutable(""));
}

// Whether `engine` is one of the context's layout plugins. Asked before
// gvLayout because its own unknown-engine error path leaks the plugin list.
absl::Status CheckEngine(GVC_t* context, const std::string& engine) {
  int count = 0;
  char** names = gvPluginList(context, "layout", &count, nullptr);
  bool found = false;
  std::vector<std::string> known;
  for (int i = 0; i < count; ++i) {
    found = found || engine == names[i];
    known.emplace_back(names[i]);
    std::free(names[i]);
  }
  std::free(names);
  if (found) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat("graph layout: unknown Graphviz layout engine '", engine,
                   "' (available: ", absl::StrJoin(known, ", "), ")"));
}

std::string Inches(double points) { return absl::StrFormat("%.4f", points / kPointsPerInch); }

}  // namespace

std::string DefaultLayoutEngine(size_t node_count) {
  return node_count <= kNeatoMaxNodes ? "neato" : "sfdp";
}

absl::StatusOr<std::vector<LayoutPoint>> LayoutNetwork(const LayoutRequest& request) {
  const size_t n = request.boxes.size();
  for (const auto& [a, b] : request.edges) {
    if (a >= n || b >= n) {
      return absl::InvalidArgumentError(
          absl::StrCat("graph layout: edge ", a, "-", b, " names a node beyond the ", n, " given"));
    }
  }
  if (n == 0) return std::vector<LayoutPoint>{};
  const std::string engine = request.engine.empty() ? DefaultLayoutEngine(n) : request.engine;

  std::lock_guard<std::mutex> lock(GraphvizMutex());
  std::string messages;
  GraphvizRun run(&messages);
  if (run.context() == nullptr) return run.Failure("gvContext failed");
  if (absl::Status s = CheckEngine(run.context(), engine); !s.ok()) return s;
  // Strict: repeated pairs become one edge, as they are drawn once.
  run.set_graph(agopen(Mutable("network"), Agstrictundirected, nullptr));
  Agraph_t* graph = run.graph();
  if (graph == nullptr) return run.Failure("agopen failed");

  Declare(graph, AGRAPH, "start", std::to_string(request.seed));
  // Boxes hold the mark and its label: removing their overlap keeps labels
  // clear of other marks. sep adds a margin; pack lays out components apart.
  Declare(graph, AGRAPH, "overlap", "prism");
  Declare(graph, AGRAPH, "sep", "+6");
  Declare(graph, AGRAPH, "pack", "true");
  Declare(graph, AGNODE, "shape", "box");
  Declare(graph, AGNODE, "fixedsize", "true");
  Declare(graph, AGNODE, "label", "");
  Declare(graph, AGNODE, "width", "0.5");
  Declare(graph, AGNODE, "height", "0.5");

  std::vector<Agnode_t*> nodes(n);
  for (size_t i = 0; i < n; ++i) {
    nodes[i] = agnode(graph, Mutable(absl::StrCat("n", i).c_str()), 1);
    if (nodes[i] == nullptr) return run.Failure("agnode failed");
    Set(nodes[i], "width", Inches(request.boxes[i].width));
    Set(nodes[i], "height", Inches(request.boxes[i].height));
  }
  for (const auto& [a, b] : request.edges) {
    if (a == b) continue;  // a self-loop moves nothing
    if (agedge(graph, nodes[a], nodes[b], nullptr, 1) == nullptr) {
      return run.Failure("agedge failed");
    }
  }

  run.set_laid_out();  // gvFreeLayout also cleans up after a failed or partial layout
  if (gvLayout(run.context(), graph, engine.c_str()) != 0) {
    return run.Failure(absl::StrCat("the '", engine, "' layout failed"));
  }
  std::vector<LayoutPoint> points(n);
  for (size_t i = 0; i < n; ++i) {
    points[i] = {ND_coord(nodes[i]).x, -ND_coord(nodes[i]).y};  // Graphviz's y grows upwards
  }
  absl::Status released = run.Finish();
  if (!released.ok()) return released;
  return points;
}

}  // namespace alliance::tools::html
