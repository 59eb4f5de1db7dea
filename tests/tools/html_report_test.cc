// The HTML report renderer (tools/alliancedb/html): page structure, escaping,
// one mark per node and C x C heatmap cells, the Graphviz layout and its
// failure paths, atomic writes, and the page as headless Chromium shows it
// (tests/tools/html_report_check.py; the screenshot stays in the build tree).
#include "html/html_report.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "html/colours.h"
#include "html/network_layout.h"
#include "tests/temp_dir.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#endif

namespace alliance::tools::html {
namespace {

namespace fs = std::filesystem;

size_t Count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Five consortia (Korean names), thirty organisations: KAIST in three
// consortia, two universities in two, the rest in one.
constexpr size_t kConsortia = 5;
constexpr size_t kOrganisations = 30;

// Graphviz 2.43 leaks a few hundred bytes on its error paths (its bug, not the
// caller's); allocations made while this lives are not reported by LSan.
class IgnoreLeaksInScope {
 public:
#if defined(__SANITIZE_ADDRESS__)
  IgnoreLeaksInScope() { __lsan_disable(); }
  ~IgnoreLeaksInScope() { __lsan_enable(); }
#endif
};

HtmlReport SyntheticReport() {
  const std::vector<std::string> consortia = {"LG AI연구원 컨소시엄", "네이버클라우드 컨소시엄",
                                              "SK텔레콤 컨소시엄", "NC AI 컨소시엄",
                                              "업스테이지 컨소시엄"};
  std::map<std::string, std::vector<size_t>> member_of = {
      {"KAIST", {1, 2, 3}}, {"서울대학교", {1, 2}}, {"고려대학교", {1, 3}}};
  std::vector<std::string> organisations = {"KAIST", "서울대학교", "고려대학교"};
  for (size_t i = organisations.size(); i < kOrganisations; ++i) {
    organisations.push_back(absl::StrCat("기관 ", i, " <&>"));
    member_of[organisations.back()] = {i % kConsortia};
  }

  NetworkDrawing network{.caption = "Who sits where", .size_label = "betweenness"};
  BarChart bars{.caption = "Brokers", .series_label = "betweenness", .top_n = 10};
  for (size_t c = 0; c < kConsortia; ++c) {
    network.nodes.push_back({.id = absl::StrCat("c", c),
                             .label = consortia[c],
                             .kind = NodeKind::kConsortium,
                             .size = 0.5,
                             .groups = {consortia[c]}});
  }
  std::vector<std::set<size_t>> members(kConsortia);
  for (size_t o = 0; o < organisations.size(); ++o) {
    const std::string& name = organisations[o];
    NetworkNode node{
        .id = absl::StrCat("o", o), .label = name, .size = 0.02 * static_cast<double>(o % 7)};
    for (size_t c : member_of[name]) {
      node.groups.push_back(consortia[c]);
      network.edges.push_back({node.id, absl::StrCat("c", c)});
      members[c].insert(o);
    }
    if (node.groups.size() > 1) node.size = 0.3 * static_cast<double>(node.groups.size());
    bars.items.push_back({name, node.size});
    network.nodes.push_back(std::move(node));
  }

  Heatmap heatmap{.caption = "Shared members", .labels = consortia};
  for (size_t a = 0; a < kConsortia; ++a) {
    heatmap.values.emplace_back();
    heatmap.secondary.emplace_back();
    for (size_t b = 0; b < kConsortia; ++b) {
      std::vector<size_t> both, either;
      std::set_intersection(members[a].begin(), members[a].end(), members[b].begin(),
                            members[b].end(), std::back_inserter(both));
      std::set_union(members[a].begin(), members[a].end(), members[b].begin(), members[b].end(),
                     std::back_inserter(either));
      heatmap.values.back().push_back(static_cast<double>(both.size()));
      heatmap.secondary.back().push_back(either.empty() ? 0 : 1.0 * both.size() / either.size());
    }
  }

  HtmlReport report{.title = "Overlap <report> & \"friends\"", .subtitle = "합성 데이터"};
  report.sections.push_back(Paragraph{.text = "Organisations shared across consortia."});
  report.sections.push_back(
      Table{.caption = "Shared organisations",
            .header = {"organisation", "consortia"},
            .rows = {{"KAIST", "3"}, {"서울대학교", "2"}, {"<script>alert('x')</script>", "1"}}});
  report.sections.push_back(std::move(heatmap));
  report.sections.push_back(std::move(bars));
  report.sections.push_back(std::move(network));
  return report;
}

TEST(HtmlReportTest, OnePagePerReportWithEveryTextEscaped) {
  absl::StatusOr<std::string> page = RenderHtmlReport(SyntheticReport());
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(page->rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(page->find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(page->find("<title>Overlap &lt;report&gt; &amp; &quot;friends&quot;</title>"),
            std::string::npos);
  EXPECT_NE(page->find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(page->find("<script>alert"), std::string::npos);
  EXPECT_NE(page->find("data-name=\"기관 7 &lt;&amp;&gt;\""), std::string::npos);
  EXPECT_NE(page->find("<p class=\"subtitle\">합성 데이터</p>"), std::string::npos);
  // Self-contained: nothing fetched from elsewhere.
  for (const char* external : {"src=", "href=\"http", "@import", "url(http"}) {
    EXPECT_EQ(page->find(external), std::string::npos) << external;
  }
  // The two scripts a headless browser relies on: the error recorder first.
  EXPECT_LT(page->find("window.onerror"), page->find("<style>"));
  EXPECT_NE(page->find("setAttribute('data-ok','1')"), std::string::npos);
  EXPECT_EQ(Count(*page, "<svg"), 3u);
}

TEST(HtmlReportTest, OneMarkPerNodeAndCTimesCHeatmapCells) {
  absl::StatusOr<std::string> page = RenderHtmlReport(SyntheticReport());
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(Count(*page, "class=\"node-mark"), kConsortia + kOrganisations);
  EXPECT_EQ(Count(*page, "<circle"), kConsortia + kOrganisations);  // the legend is HTML
  EXPECT_EQ(Count(*page, "class=\"heat-cell"), kConsortia * kConsortia);
  EXPECT_EQ(Count(*page, "class=\"heat-cell diagonal"), kConsortia);
  EXPECT_EQ(Count(*page, "class=\"heat-value"), kConsortia * kConsortia);
  // One organisation in three consortia, two in two, 27 in one.
  EXPECT_EQ(Count(*page, "class=\"edge\""), 3u + 2 * 2 + 27);
  // KAIST: labelled, drawn in the shared colour; a consortium labels itself.
  const size_t labels = page->find("<g class=\"labels\">");
  ASSERT_NE(labels, std::string::npos);
  EXPECT_EQ(Count(page->substr(labels, page->find("</g>", labels) - labels), ">KAIST</text>"), 1u);
  EXPECT_NE(page->find(absl::StrCat("data-name=\"KAIST\"")), std::string::npos);
  const size_t kaist = page->find("data-name=\"KAIST\"");
  const std::string mark = page->substr(page->rfind("<circle", kaist), 400);
  EXPECT_NE(mark.find("shared"), std::string::npos) << mark;
  EXPECT_NE(mark.find(absl::StrCat("fill=\"", kSharedColour, "\"")), std::string::npos) << mark;
  EXPECT_NE(page->find(">SK텔레콤 컨소시엄</text>"), std::string::npos);
  // KAIST and 고려대학교 in both; the Jaccard index in the tooltip.
  EXPECT_NE(page->find("네이버클라우드 컨소시엄 \u00d7 NC AI 컨소시엄: 2 shared members; Jaccard"),
            std::string::npos);
  // Bars: the top 10 of 30, largest (KAIST, 0.9) first.
  EXPECT_EQ(Count(*page, "<rect class=\"bar\""), 10u);
  EXPECT_NE(page->find("The 10 largest of 30."), std::string::npos);
  const size_t first_bar = page->find("class=\"bar-label\"");
  EXPECT_EQ(page->substr(page->find('>', first_bar) + 1, 5), "KAIST");
}

TEST(HtmlReportTest, SameReportSameBytes) {
  absl::StatusOr<std::string> a = RenderHtmlReport(SyntheticReport());
  absl::StatusOr<std::string> b = RenderHtmlReport(SyntheticReport());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
  // A different seed moves the nodes.
  HtmlReport reseeded = SyntheticReport();
  std::get<NetworkDrawing>(reseeded.sections.back()).seed = 99;
  absl::StatusOr<std::string> c = RenderHtmlReport(reseeded);
  ASSERT_TRUE(c.ok());
  EXPECT_NE(*a, *c);
}

TEST(HtmlReportTest, EmptyPicturesBecomeNotes) {
  HtmlReport report{.title = "Empty"};
  report.sections.push_back(NetworkDrawing{.caption = "No nodes"});
  report.sections.push_back(Heatmap{.caption = "No consortia"});
  report.sections.push_back(BarChart{.caption = "No bars"});
  report.sections.push_back(Table{.caption = "No rows", .header = {"a", "b"}});
  absl::StatusOr<std::string> page = RenderHtmlReport(report);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(Count(*page, "Nothing to draw"), 3u);
  EXPECT_NE(page->find("Nothing to draw: the network has no nodes."), std::string::npos);
  EXPECT_EQ(page->find("<svg"), std::string::npos);
  EXPECT_NE(page->find(">no rows</td>"), std::string::npos);
}

TEST(HtmlReportTest, MalformedSectionsAreRefusedByName) {
  HtmlReport report{.title = "Bad"};
  report.sections.push_back(
      NetworkDrawing{.caption = "Dangling", .nodes = {{.id = "a"}}, .edges = {{"a", "ghost"}}});
  absl::StatusOr<std::string> page = RenderHtmlReport(report);
  EXPECT_EQ(page.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(page.status().message().find("network 'Dangling'"), std::string::npos);
  EXPECT_NE(page.status().message().find("'ghost'"), std::string::npos);

  report.sections = {NetworkDrawing{.caption = "Twice", .nodes = {{.id = "a"}, {.id = "a"}}}};
  EXPECT_EQ(RenderHtmlReport(report).status().code(), absl::StatusCode::kInvalidArgument);

  report.sections = {Heatmap{.caption = "Ragged", .labels = {"x", "y"}, .values = {{1, 2}, {3}}}};
  page = RenderHtmlReport(report);
  EXPECT_EQ(page.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(page.status().message().find("heatmap 'Ragged': values must be 2 x 2"),
            std::string::npos)
      << page.status();
}

// Graphviz's failures come back as statuses carrying its own message, and
// the next layout in the process is not poisoned by the earlier error.
TEST(HtmlReportTest, GraphvizFailuresAreStatusesAndLeaveNoResidue) {
  HtmlReport report = SyntheticReport();
  NetworkDrawing& network = std::get<NetworkDrawing>(report.sections.back());
  network.layout_engine = "no-such-engine";
  absl::StatusOr<std::string> page = RenderHtmlReport(report);
  EXPECT_EQ(page.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(page.status().message().find("network 'Who sits where': graph layout: unknown "
                                         "Graphviz layout engine 'no-such-engine' (available: "),
            std::string::npos)
      << page.status();
  EXPECT_NE(page.status().message().find("neato"), std::string::npos);

  // nop takes positions from the input: without them Graphviz reports an
  // error yet returns success, which must not pass for a layout.
  network.layout_engine = "nop";
  {
    [[maybe_unused]] IgnoreLeaksInScope graphviz_error_path;
    page = RenderHtmlReport(report);
  }
  EXPECT_EQ(page.status().code(), absl::StatusCode::kInternal);
  EXPECT_NE(page.status().message().find("has no position"), std::string::npos) << page.status();

  EXPECT_TRUE(RenderHtmlReport(SyntheticReport()).ok());
  network.layout_engine = "fdp";
  EXPECT_TRUE(RenderHtmlReport(report).ok());

  absl::StatusOr<std::vector<LayoutPoint>> points =
      LayoutNetwork({.boxes = {{10, 10}}, .edges = {{0, 1}}});
  EXPECT_EQ(points.status().code(), absl::StatusCode::kInvalidArgument);
  points = LayoutNetwork({});
  ASSERT_TRUE(points.ok());
  EXPECT_TRUE(points->empty());
}

// Overlap removal works on the boxes (mark plus label), and sfdp, the engine
// for large graphs, is available and honours it too.
TEST(HtmlReportTest, LayoutBoxesDoNotOverlap) {
  for (const char* engine : {"neato", "sfdp"}) {
    LayoutRequest request{.engine = engine, .seed = 3};
    for (size_t i = 0; i < 40; ++i) {
      request.boxes.push_back({20.0 + static_cast<double>(i % 5) * 15, 24});
      if (i >= 4) request.edges.emplace_back(i, i % 4);
    }
    request.boxes.push_back({30, 30});  // an isolated node
    absl::StatusOr<std::vector<LayoutPoint>> points = LayoutNetwork(request);
    ASSERT_TRUE(points.ok()) << engine << ": " << points.status();
    ASSERT_EQ(points->size(), request.boxes.size());
    for (size_t a = 0; a < points->size(); ++a) {
      for (size_t b = a + 1; b < points->size(); ++b) {
        const double dx = std::abs((*points)[a].x - (*points)[b].x);
        const double dy = std::abs((*points)[a].y - (*points)[b].y);
        const bool apart = dx + 0.5 >= (request.boxes[a].width + request.boxes[b].width) / 2 ||
                           dy + 0.5 >= (request.boxes[a].height + request.boxes[b].height) / 2;
        EXPECT_TRUE(apart) << engine << ": boxes " << a << " and " << b << " overlap";
      }
    }
  }
  EXPECT_EQ(DefaultLayoutEngine(kNeatoMaxNodes), "neato");
  EXPECT_EQ(DefaultLayoutEngine(kNeatoMaxNodes + 1), "sfdp");
}

TEST(HtmlReportTest, WriteIsAllOrNothing) {
  testing::TempDir dir;
  const std::string path = dir.Sub("report.html");
  ASSERT_TRUE(WriteHtmlReport(SyntheticReport(), path).ok());
  EXPECT_EQ(Slurp(path), *RenderHtmlReport(SyntheticReport()));
  EXPECT_EQ((fs::status(path).permissions() & fs::perms::others_read), fs::perms::others_read);

  // A report that cannot render leaves the earlier file as it was.
  HtmlReport bad{.title = "Bad"};
  bad.sections.push_back(Heatmap{.labels = {"x"}});
  EXPECT_FALSE(WriteHtmlReport(bad, path).ok());
  EXPECT_EQ(Slurp(path), *RenderHtmlReport(SyntheticReport()));
  absl::Status missing = WriteHtmlReport(SyntheticReport(), dir.Sub("no/such/dir/r.html"));
  EXPECT_FALSE(missing.ok());
  EXPECT_NE(missing.message().find("no/such/dir"), std::string::npos) << missing;
  // No temporary file stays behind.
  size_t files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path())) ++files;
  EXPECT_EQ(files, 1u);
}

struct CheckerRun {
  int exit_code = -1;
  std::string output;
};

CheckerRun RunChecker(const std::string& html, size_t nodes, size_t consortia,
                      const std::string& label, const std::string& screenshot,
                      const std::string& log) {
  const std::string cmd =
      absl::StrCat("/usr/bin/python3 '", HTML_REPORT_CHECKER, "' '", html, "' ", nodes, " ",
                   consortia, " '", label, "' '", screenshot, "' >'", log, "' 2>&1 </dev/null");
  const int status = std::system(cmd.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, Slurp(log)};
}

// The page in headless Chromium: marks, cells, KAIST visible, no script
// errors, a screenshot that is not blank. Kept in the build tree:
// tests/tools/artefacts/html_report.{html,png}.
TEST(HtmlReportTest, ChromiumShowsTheReport) {
  fs::create_directories(HTML_REPORT_ARTEFACT_DIR);
  const std::string html = absl::StrCat(HTML_REPORT_ARTEFACT_DIR, "/html_report.html");
  const std::string png = absl::StrCat(HTML_REPORT_ARTEFACT_DIR, "/html_report.png");
  ASSERT_TRUE(WriteHtmlReport(SyntheticReport(), html).ok());
  testing::TempDir dir;
  CheckerRun run =
      RunChecker(html, kConsortia + kOrganisations, kConsortia, "KAIST", png, dir.Sub("log"));
  if (run.exit_code == 77) GTEST_SKIP() << run.output;
  EXPECT_EQ(run.exit_code, 0) << run.output;
  std::cout << run.output;
}

// The checker is not a rubber stamp: a script error and a wrong count fail it.
TEST(HtmlReportTest, ChromiumCheckerCatchesBrokenPages) {
  testing::TempDir dir;
  std::string page = *RenderHtmlReport(SyntheticReport());
  page.insert(page.rfind("<script>"), "<script>undefinedFunction();</script>\n");
  const std::string html = dir.Sub("broken.html");
  std::ofstream(html) << page;
  CheckerRun run = RunChecker(html, kConsortia + kOrganisations + 1, kConsortia, "KAIST",
                              dir.Sub("broken.png"), dir.Sub("log"));
  if (run.exit_code == 77) GTEST_SKIP() << run.output;
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_NE(run.output.find("FAIL: script errors: Uncaught ReferenceError: undefinedFunction"),
            std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("FAIL: 35 node marks (.node-mark), expected 36"), std::string::npos)
      << run.output;
}

}  // namespace
}  // namespace alliance::tools::html
