#!/usr/bin/python3
"""AllianceDB analytics timed against igraph and NetworkX on the same generated graph.

Run with Debian's interpreter (the only one that sees python3-igraph, python3-networkx
and python3-scipy; tools/setup/install-deps.sh installs them):

    /usr/bin/python3 bench/compare/analytics_compare.py --orgs 100000 --out /tmp/cmp.md
    /usr/bin/python3 bench/compare/analytics_compare.py --orgs 1000000 --skip-networkx

What it does, in this order (one heavy step at a time):
  1. `alliancedb generate --orgs N --consortia N/10 --seed 42 --out TMP/csv`: the graph
     analytics_bench's fixture generates (GeneratorOptions with organisations = N,
     consortia = max(1, N/10), the default seed 42 and mean_memberships 5).
  2. `alliancedb import` of those files into TMP/db and `alliancedb query` for the
     value checks (PageRank top 10, component count, largest core number).
  3. `ALLIANCE_BENCH_ORGS=N build/bench/analytics_bench --benchmark_format=json
     --benchmark_repetitions=3 --benchmark_report_aggregates_only=true` (TMPDIR=TMP);
     AllianceDB's figures are the medians of the 3 repetitions (each repetition is
     Google Benchmark's mean over as many iterations as fit its minimum time).
  4. The undirected two-mode graph (Organisation and Consortium vertices, MEMBER_OF
     edges) from nodes/organisation.csv, nodes/consortium.csv and edges/member_of.csv,
     numbered like AllianceDB's snapshot, in igraph and NetworkX, and each operation
     timed alone (graph already built) as the median of 3 runs; graph loading is
     timed separately.

Vertex numbering. A snapshot numbers its vertices by ascending node id, and the importer
hands out node ids file by file, rows in file order. analytics_bench passes the node files
in std::filesystem::directory_iterator order (readdir order: on ext4 a hash order fixed per
file system), so this script reads the files in os.listdir order of its own generated
directory (the same readdir order when TMP is on the same file system as the bench's
TMPDIR, which it is: the bench is run with TMPDIR=TMP). On the project machines that puts
organisations (o0, o1, ...) first, then consortia (c0, c1, ...). Betweenness uses the
bench's sources: vertices 0, 97, 194, ... (at most 100).

Operations and what each tool runs:
  PageRank       AllianceDB: power iteration, NetworkX's stopping rule (L1 change <
                 n * 1e-6), threads 1 and 2. igraph: Graph.pagerank() = PRPACK, an exact
                 solve (its OpenMP parts timed with 1 and 2 OpenMP threads). NetworkX:
                 nx.pagerank(G, tol=1e-6) (2.8: the scipy power iteration).
  betweenness    Brandes from the same sources, unweighted. NetworkX: the loop of
                 betweenness_centrality(k=...) over the given sources
                 (_single_source_shortest_path_basic + _accumulate_basic + _rescale).
                 igraph: python-igraph 0.10.2 (Debian 12) has no source subset, so the
                 C core's igraph_betweenness_subset is called through ctypes from
                 Debian's libigraph3 (the same igraph 0.10.2 C library); without
                 libigraph3 this cell is n/a.
  components     AllianceDB ConnectedComponents; igraph Graph.connected_components();
                 NetworkX list(nx.connected_components(G)).
  core numbers   AllianceDB CoreNumbers; igraph Graph.coreness(); NetworkX
                 nx.core_number(G).
  projection     organisations tied by shared consortia, weight = shared count.
                 igraph Graph.bipartite_projection(types, multiplicity=True, which=0);
                 NetworkX bipartite.weighted_projected_graph(G, organisations).
                 analytics_bench has no projection case, so AllianceDB's cell is n/a
                 (a BM_OrganisationProjection case would be picked up). Skipped when the
                 projection is larger than --nx-projection-max-edges (NetworkX) or
                 --igraph-projection-max-edges (igraph): memory, not time, is the limit.

With --exact (meant for --orgs 10000, issue 4's scale for these; analytics_bench runs its
exact cases only up to 20000 organisations):
  two-mode betweenness, exact   every vertex a source on the membership graph. AllianceDB
                 TwoModeBetweennessCentrality (Borgatti-Everett scaling included); igraph
                 Graph.betweenness() (raw; the scaling is one division per vertex). Checked:
                 the same top 5 organisations (AllianceDB's algo.twoMode.betweenness).
  projection PageRank           weighted by consortia shared: AllianceDB PageRank on the
                 projection; igraph proj.pagerank(weights="weight"); NetworkX
                 nx.pagerank(P, tol=1e-6) (reads "weight").
  projection betweenness, exact unweighted, every vertex a source: AllianceDB two threads;
                 igraph proj.betweenness() (one run). NetworkX would take hours, so its
                 cells time --nx-exact-sources sources and scale by n / sources (marked
                 "extrapolated"; Brandes costs the same per source up to graph shape).

A run longer than --max-run-seconds is not repeated (its cell says "1 run").
The Python garbage collector stays on during timed runs (collected before each run).
"""

import argparse
import csv
import ctypes
import ctypes.util
import gc
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEED = 42
MAX_SOURCES = 100
SOURCE_STEP = 97
LABELS = "nodeLabels:['Organisation','Consortium'], relationshipTypes:['MEMBER_OF']"
PAGERANK_TOLERANCE = 1e-6  # absolute, for the top-10 comparisons


def log(msg):
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def run(cmd, env=None):
    """Runs cmd, returns (stdout, seconds); raises with stderr on failure."""
    start = time.perf_counter()
    p = subprocess.run(cmd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({p.returncode}):\n{p.stderr}")
    return p.stdout, seconds


class Timing:
    """Median wall time of up to `repeats` runs; also the CPU time, to spot threading."""

    def __init__(self, walls, cpus, note=""):
        self.walls = walls
        self.cpus = cpus
        self.note = note

    @property
    def median(self):
        return statistics.median(self.walls)

    @property
    def cpu_ratio(self):
        return statistics.median(self.cpus) / max(self.median, 1e-12)


def time_op(fn, repeats, max_run_seconds, label):
    walls, cpus, result = [], [], None
    for i in range(repeats):
        result = None
        gc.collect()
        c0 = time.process_time()
        t0 = time.perf_counter()
        result = fn()
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
        log(f"  {label}: run {i + 1}: {walls[-1]:.4f} s (cpu {cpus[-1]:.4f} s)")
        if walls[-1] > max_run_seconds and i + 1 < repeats:
            log(f"  {label}: over {max_run_seconds} s, not repeated")
            break
    note = "" if len(walls) == repeats else f"{len(walls)} run"
    return Timing(walls, cpus, note), result


# ---------------------------------------------------------------------------------------
# The graph as AllianceDB's snapshot numbers it.


class Graph:
    def __init__(self, csv_dir):
        node_dir = os.path.join(csv_dir, "nodes")
        listing = os.listdir(node_dir)  # readdir order, as the bench's directory_iterator
        order = [f for f in listing if f in ("organisation.csv", "consortium.csv")]
        if len(order) != 2:
            raise RuntimeError(f"{node_dir} lacks organisation.csv or consortium.csv")
        self.file_order = order
        self.index = {}
        self.names = []
        self.is_consortium = []
        for name in order:
            with open(os.path.join(node_dir, name), newline="", encoding="utf-8") as f:
                reader = csv.reader(f)
                header = next(reader)
                id_col, name_col = header.index("id:ID"), header.index("name")
                consortium = name == "consortium.csv"
                for row in reader:
                    self.index[row[id_col]] = len(self.names)
                    self.names.append(row[name_col])
                    self.is_consortium.append(consortium)
        self.n = len(self.names)
        self.edges = []
        with open(os.path.join(csv_dir, "edges", "member_of.csv"), newline="",
                  encoding="utf-8") as f:
            reader = csv.reader(f)
            header = next(reader)
            s, t = header.index(":START_ID"), header.index(":END_ID")
            index = self.index
            self.edges = [(index[row[s]], index[row[t]]) for row in reader]
        self.m = len(self.edges)
        self.organisations = [v for v in range(self.n) if not self.is_consortium[v]]
        self.sources = list(range(0, self.n, SOURCE_STEP))[:MAX_SOURCES]


# ---------------------------------------------------------------------------------------
# igraph's C core through ctypes, for betweenness from a subset of sources.


class _VectorInt(ctypes.Structure):
    _fields_ = [("stor_begin", ctypes.POINTER(ctypes.c_int64)),
                ("stor_end", ctypes.POINTER(ctypes.c_int64)),
                ("end", ctypes.POINTER(ctypes.c_int64))]


class _Vector(ctypes.Structure):
    _fields_ = [("stor_begin", ctypes.POINTER(ctypes.c_double)),
                ("stor_end", ctypes.POINTER(ctypes.c_double)),
                ("end", ctypes.POINTER(ctypes.c_double))]


class _VertexSelector(ctypes.Structure):  # igraph_vs_t of igraph 0.10: 24 bytes
    _fields_ = [("type", ctypes.c_int), ("a", ctypes.c_int64), ("b", ctypes.c_int64)]


class CIgraph:
    """An undirected igraph_t built with Debian's libigraph3 (igraph 0.10.x only)."""

    def __init__(self, n, edges):
        import numpy as np
        path = ctypes.util.find_library("igraph") or "libigraph.so.3"
        lib = ctypes.CDLL(path)
        major, minor = ctypes.c_int(), ctypes.c_int()
        version = ctypes.c_char_p()
        lib.igraph_version(ctypes.byref(version), ctypes.byref(major), ctypes.byref(minor),
                           ctypes.byref(ctypes.c_int()))
        if (major.value, minor.value) != (0, 10):
            raise RuntimeError(f"libigraph {version.value.decode()} is not 0.10.x")
        self.version = version.value.decode()
        lib.igraph_set_error_handler.restype = ctypes.c_void_p
        lib.igraph_set_error_handler.argtypes = [ctypes.c_void_p]
        lib.igraph_set_error_handler(ctypes.cast(lib.igraph_error_handler_printignore,
                                                 ctypes.c_void_p))
        lib.igraph_vector_int_view.restype = ctypes.c_void_p
        lib.igraph_vector_int_view.argtypes = [ctypes.POINTER(_VectorInt),
                                               ctypes.POINTER(ctypes.c_int64), ctypes.c_int64]
        lib.igraph_create.argtypes = [ctypes.c_void_p, ctypes.POINTER(_VectorInt),
                                      ctypes.c_int64, ctypes.c_bool]
        lib.igraph_vector_init.argtypes = [ctypes.POINTER(_Vector), ctypes.c_int64]
        lib.igraph_vector_destroy.argtypes = [ctypes.POINTER(_Vector)]
        lib.igraph_vs_all.argtypes = [ctypes.POINTER(_VertexSelector)]
        lib.igraph_vs_vector.argtypes = [ctypes.POINTER(_VertexSelector),
                                         ctypes.POINTER(_VectorInt)]
        lib.igraph_betweenness_subset.argtypes = [
            ctypes.c_void_p, ctypes.POINTER(_Vector), _VertexSelector, ctypes.c_bool,
            _VertexSelector, _VertexSelector, ctypes.c_void_p]
        lib.igraph_destroy.argtypes = [ctypes.c_void_p]
        self.lib = lib
        self.np = np
        self.n = n
        flat = np.array(edges, dtype=np.int64).reshape(-1)
        view = _VectorInt()
        lib.igraph_vector_int_view(ctypes.byref(view),
                                   flat.ctypes.data_as(ctypes.POINTER(ctypes.c_int64)),
                                   flat.size)
        self.graph = ctypes.create_string_buffer(1024)  # igraph_t is 176 bytes in 0.10
        self._check(lib.igraph_create(self.graph, ctypes.byref(view), n, False), "create")

    def _check(self, code, what):
        if code != 0:
            raise RuntimeError(f"igraph_{what} failed with error {code}")

    def betweenness_subset(self, sources):
        """Raw sums over the sources of Brandes' dependencies, as igraph returns them."""
        np, lib = self.np, self.lib
        src = np.array(sources, dtype=np.int64)
        src_view = _VectorInt()
        lib.igraph_vector_int_view(ctypes.byref(src_view),
                                   src.ctypes.data_as(ctypes.POINTER(ctypes.c_int64)), src.size)
        all_vs, src_vs = _VertexSelector(), _VertexSelector()
        lib.igraph_vs_all(ctypes.byref(all_vs))
        lib.igraph_vs_vector(ctypes.byref(src_vs), ctypes.byref(src_view))
        res = _Vector()
        self._check(lib.igraph_vector_init(ctypes.byref(res), 0), "vector_init")
        try:
            self._check(lib.igraph_betweenness_subset(self.graph, ctypes.byref(res), all_vs,
                                                      False, src_vs, all_vs, None),
                        "betweenness_subset")
            return np.ctypeslib.as_array(res.stor_begin, shape=(self.n,)).copy()
        finally:
            lib.igraph_vector_destroy(ctypes.byref(res))

    def close(self):
        self.lib.igraph_destroy(self.graph)


def set_omp_threads(k):
    """python-igraph links libgomp; PRPACK's parallel loops follow this."""
    try:
        ctypes.CDLL("libgomp.so.1").omp_set_num_threads(k)
        return True
    except OSError:
        return False


# ---------------------------------------------------------------------------------------
# AllianceDB.


def nx_extrapolated_betweenness(G, sources, label):
    """Brandes from the first `sources` vertices, timed once and scaled to all n."""
    from networkx.algorithms.centrality.betweenness import (
        _accumulate_basic, _single_source_shortest_path_basic)
    chosen = list(G)[:sources]

    def partial():
        b = dict.fromkeys(G, 0.0)
        for s in chosen:
            S, P, sigma, _ = _single_source_shortest_path_basic(G, s)
            b, _ = _accumulate_basic(b, S, P, sigma, s)
        return b
    t, _ = time_op(partial, 1, float("inf"), label)
    scale = G.number_of_nodes() / len(chosen)
    return Timing([w * scale for w in t.walls], [c * scale for c in t.cpus],
                  f"extrapolated from {len(chosen)} sources")


def alliancedb_query(alliancedb, db, statement):
    out, _ = run([alliancedb, "query", "--db", db, "--format", "csv", statement])
    rows = list(csv.reader(out.splitlines()))
    return rows[1:]


def alliancedb_checks(alliancedb, csv_dir, db, exact):
    # Every file, in readdir order like analytics_bench (node files are imported first).
    files = [os.path.join(csv_dir, sub, f) for sub in ("nodes", "edges")
             for f in os.listdir(os.path.join(csv_dir, sub))]
    log("alliancedb import")
    out, seconds = run([alliancedb, "import", "--db", db] + files)
    result = {"import_seconds": seconds, "import_output": out.strip()}
    pr = ("CALL algo.pageRank({" + LABELS + ", topK: 10%s}) YIELD node, score "
          "RETURN node.name, score")
    log("alliancedb query: PageRank top 10 (default tolerance, then 1e-12)")
    result["pagerank_default"] = [(r[0], float(r[1])) for r in
                                  alliancedb_query(alliancedb, db, pr % "")]
    result["pagerank_tight"] = [
        (r[0], float(r[1])) for r in
        alliancedb_query(alliancedb, db, pr % ", tolerance: 1e-12, maxIterations: 10000")]
    log("alliancedb query: components, k-core")
    rows = alliancedb_query(alliancedb, db, "CALL algo.components({" + LABELS +
                            ", topK: 1}) YIELD componentId RETURN componentId")
    result["components"] = int(rows[0][0]) + 1
    rows = alliancedb_query(alliancedb, db, "CALL algo.kCore({" + LABELS +
                            ", topK: 1}) YIELD coreNumber RETURN coreNumber")
    result["max_core"] = int(rows[0][0])
    if exact:
        log("alliancedb query: two-mode betweenness top 5 organisations")
        rows = alliancedb_query(
            alliancedb, db,
            "CALL algo.twoMode.betweenness({" + LABELS + ", topLabel: 'Organisation', "
            "threads: 2}) YIELD node, score WITH node, score WHERE node:Organisation "
            "RETURN node.name ORDER BY score DESC LIMIT 5")
        result["twomode_top"] = [r[0] for r in rows]
    return result


def alliancedb_bench(bench, orgs, tmp, repeats):
    env = dict(os.environ, ALLIANCE_BENCH_ORGS=str(orgs), TMPDIR=tmp)
    cmd = [bench, "--benchmark_format=json", f"--benchmark_repetitions={repeats}",
           "--benchmark_report_aggregates_only=true"]
    log(f"ALLIANCE_BENCH_ORGS={orgs} TMPDIR={tmp} {' '.join(cmd)}")
    out, seconds = run(cmd, env=env)
    doc = json.loads(out)
    scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}
    medians = {}
    for b in doc["benchmarks"]:
        if b.get("aggregate_name") != "median":
            continue
        name = b["run_name"].removesuffix("/real_time")
        medians[name] = b["real_time"] * scale[b["time_unit"]]
    return {"medians": medians, "context": doc.get("context", {}), "seconds": seconds,
            "command": f"ALLIANCE_BENCH_ORGS={orgs} {' '.join(cmd)}"}


# ---------------------------------------------------------------------------------------
# Formatting.


def fmt_time(seconds):
    if seconds is None:
        return "n/a"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.3g} ms"
    return f"{seconds:.3g} s"


def fmt_timing(t):
    if t is None:
        return "n/a"
    if isinstance(t, str):
        return t
    text = fmt_time(t.median)
    return f"{text} ({t.note})" if t.note else text


def ratio(a, b):
    if a is None or b is None or isinstance(a, str) or isinstance(b, str):
        return "—"
    a = a.median if isinstance(a, Timing) else a
    b = b.median if isinstance(b, Timing) else b
    return f"{a / b:.2g}×" if a / b < 10 else f"{a / b:.0f}×"


def top_diff(reference, got):
    """Same names in the same order? and the largest score difference."""
    ref = dict(reference)
    names_match = [n for n, _ in reference] == [n for n, _ in got]
    common = [n for n, _ in got if n in ref]
    diff = max((abs(ref[n] - s) for n, s in got if n in ref), default=float("nan"))
    return names_match, len(common), diff


# ---------------------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--orgs", type=int, required=True, help="organisations (consortia: orgs/10)")
    ap.add_argument("--skip-networkx", action="store_true")
    ap.add_argument("--out", help="also write the markdown report here")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--max-run-seconds", type=float, default=600,
                    help="a run longer than this is not repeated")
    ap.add_argument("--nx-projection-max-edges", type=int, default=10_000_000)
    ap.add_argument("--igraph-projection-max-edges", type=int, default=100_000_000)
    ap.add_argument("--exact", action="store_true",
                    help="also the exact betweenness and projection cases (use --orgs 10000)")
    ap.add_argument("--nx-exact-sources", type=int, default=20)
    ap.add_argument("--alliancedb", default=os.path.join(REPO, "build/tools/alliancedb/alliancedb"))
    ap.add_argument("--bench", default=os.path.join(REPO, "build/bench/analytics_bench"))
    ap.add_argument("--keep-temp", action="store_true", help="keep the generated files and db")
    args = ap.parse_args()
    if args.orgs < 1:
        ap.error("--orgs must be at least 1")

    import igraph
    nx = None
    if not args.skip_networkx:
        import networkx as nx
        from networkx.algorithms import bipartite
        from networkx.algorithms.centrality.betweenness import (
            _accumulate_basic, _rescale, _single_source_shortest_path_basic)

    consortia = max(1, args.orgs // 10)
    tmp = tempfile.mkdtemp(prefix="alliance-compare-")
    csv_dir, db = os.path.join(tmp, "csv"), os.path.join(tmp, "db")
    report, notes = [], []
    try:
        gen_cmd = [args.alliancedb, "generate", "--orgs", str(args.orgs), "--consortia",
                   str(consortia), "--seed", str(SEED), "--out", csv_dir]
        log(" ".join(gen_cmd))
        _, gen_seconds = run(gen_cmd)

        log("reading CSV")
        t0 = time.perf_counter()
        g = Graph(csv_dir)
        parse_seconds = time.perf_counter() - t0
        log(f"  {g.n} vertices, {g.m} edges, {len(g.sources)} sources, node files in order "
            f"{g.file_order} ({parse_seconds:.2f} s)")

        adb = alliancedb_checks(args.alliancedb, csv_dir, db, args.exact)
        shutil.rmtree(db, ignore_errors=True)  # free the disk before the bench imports its own
        bench = alliancedb_bench(args.bench, args.orgs, tmp, args.repeats)
        am = bench["medians"]

        R, T = args.repeats, args.max_run_seconds
        ig, nxr = {}, {}

        # -------- igraph
        log("igraph")
        ig["load"], ig_graph = time_op(lambda: igraph.Graph(n=g.n, edges=g.edges), R, T,
                                       "igraph load")
        omp = set_omp_threads(1)
        ig["pagerank"], ig_pr = time_op(lambda: ig_graph.pagerank(), R, T, "igraph pagerank 1")
        if omp:
            set_omp_threads(2)
            ig["pagerank2"], _ = time_op(lambda: ig_graph.pagerank(), R, T, "igraph pagerank 2")
            set_omp_threads(1)
        c_graph = None
        try:
            t0 = time.perf_counter()
            c_graph = CIgraph(g.n, g.edges)
            ig["c_load"] = time.perf_counter() - t0
            ig["betweenness"], ig_bc = time_op(lambda: c_graph.betweenness_subset(g.sources),
                                               R, T, "igraph betweenness")
            c_graph.close()
        except (OSError, RuntimeError, AttributeError) as e:
            ig["betweenness"], ig_bc = None, None
            notes.append(f"igraph betweenness not measured: {e} (install libigraph3)")
        ig["components"], ig_cc = time_op(lambda: ig_graph.connected_components(), R, T,
                                          "igraph components")
        ig["core"], ig_core = time_op(lambda: ig_graph.coreness(), R, T, "igraph coreness")
        types = g.is_consortium  # False: organisation, projected side (which=0)
        log("  igraph projection size")
        proj_size = ig_graph.bipartite_projection_size(types)  # (n1, m1, n2, m2)
        proj_edges = proj_size[1]
        if proj_edges <= args.igraph_projection_max_edges:
            ig["projection"], ig_proj = time_op(
                lambda: ig_graph.bipartite_projection(types=types, multiplicity=True, which=0),
                R, T, "igraph projection")
            ig_proj_stats = (ig_proj.ecount(), sum(ig_proj.es["weight"]))
            if args.exact:
                ig["proj_pagerank"], _ = time_op(lambda: ig_proj.pagerank(weights="weight"),
                                                 R, T, "igraph projection pagerank")
                ig["proj_betweenness"], _ = time_op(lambda: ig_proj.betweenness(directed=False),
                                                    1, T, "igraph projection betweenness")
            del ig_proj
        else:
            ig["projection"], ig_proj_stats = (
                f"skipped ({proj_edges:,} edges > {args.igraph_projection_max_edges:,})", None)
        if args.exact:
            ig["twomode_betweenness"], ig_twomode = time_op(
                lambda: ig_graph.betweenness(directed=False), R, T, "igraph exact betweenness")
        gc.collect()

        # -------- NetworkX
        if nx is not None:
            log("networkx")

            def nx_load():
                G = nx.Graph()
                G.add_nodes_from(range(g.n))
                G.add_edges_from(g.edges)
                return G
            nxr["load"], G = time_op(nx_load, R, T, "networkx load")
            nxr["pagerank"], nx_pr = time_op(lambda: nx.pagerank(G, tol=1e-6), R, T,
                                             "networkx pagerank")

            def nx_betweenness():
                b = dict.fromkeys(G, 0.0)
                for s in g.sources:
                    S, P, sigma, _ = _single_source_shortest_path_basic(G, s)
                    b, _ = _accumulate_basic(b, S, P, sigma, s)
                raw = dict(b)
                return raw, _rescale(b, len(G), normalized=True, directed=False,
                                     k=len(g.sources), endpoints=False)
            nxr["betweenness"], (nx_bc_raw, nx_bc) = time_op(nx_betweenness, R, T,
                                                             "networkx betweenness")
            nxr["components"], nx_cc = time_op(lambda: list(nx.connected_components(G)), R, T,
                                               "networkx components")
            nxr["core"], nx_core = time_op(lambda: nx.core_number(G), R, T, "networkx core")
            if proj_edges <= args.nx_projection_max_edges:
                nxr["projection"], nx_proj = time_op(
                    lambda: bipartite.weighted_projected_graph(G, g.organisations), R, T,
                    "networkx projection")
                nx_proj_stats = (nx_proj.number_of_edges(),
                                 sum(w for _, _, w in nx_proj.edges(data="weight")))
                if args.exact:
                    nxr["proj_pagerank"], _ = time_op(lambda: nx.pagerank(nx_proj, tol=1e-6),
                                                      R, T, "networkx projection pagerank")
                    nxr["proj_betweenness"] = nx_extrapolated_betweenness(
                        nx_proj, args.nx_exact_sources, "networkx projection betweenness")
                del nx_proj
            else:
                nxr["projection"], nx_proj_stats = (
                    f"skipped ({proj_edges:,} edges > {args.nx_projection_max_edges:,})", None)
            if args.exact:
                nxr["twomode_betweenness"] = nx_extrapolated_betweenness(
                    G, args.nx_exact_sources, "networkx exact betweenness")
            gc.collect()

        # -------- checks
        checks = []
        ig_top = sorted(range(g.n), key=lambda v: -ig_pr[v])[:10]
        ig_top = [(g.names[v], ig_pr[v]) for v in ig_top]
        same, common, diff = top_diff(ig_top, adb["pagerank_tight"])
        checks.append(("PageRank top 10: AllianceDB (tolerance 1e-12) vs igraph PRPACK",
                       same and common == 10 and diff <= PAGERANK_TOLERANCE,
                       f"same names and order: {same}; max |Δscore| {diff:.2e}"))
        same_d, common_d, diff_d = top_diff(ig_top, adb["pagerank_default"])
        checks.append(("PageRank top 10: AllianceDB (default tolerance 1e-6) vs igraph PRPACK",
                       same_d and common_d == 10 and diff_d <= PAGERANK_TOLERANCE,
                       f"same names and order: {same_d}; max |Δscore| {diff_d:.2e} "
                       "(NetworkX's stopping rule, L1 change < n·1e-6, is looser than 1e-6 "
                       "per score)"))
        if nx is not None:
            nx_top = sorted(range(g.n), key=lambda v: -nx_pr[v])[:10]
            nx_top = [(g.names[v], nx_pr[v]) for v in nx_top]
            same_n, common_n, diff_n = top_diff(nx_top, adb["pagerank_default"])
            checks.append(("PageRank top 10: AllianceDB (default) vs NetworkX tol 1e-6",
                           same_n and common_n == 10 and diff_n <= 1e-12,
                           f"same names and order: {same_n}; max |Δscore| {diff_n:.2e}"))
        ig_components = len(ig_cc)
        ig_max_core = max(ig_core)
        checks.append(("components: AllianceDB vs igraph", adb["components"] == ig_components,
                       f"{adb['components']} vs {ig_components}"))
        checks.append(("largest core number: AllianceDB vs igraph",
                       adb["max_core"] == ig_max_core, f"{adb['max_core']} vs {ig_max_core}"))
        if nx is not None:
            checks.append(("components: igraph vs NetworkX", ig_components == len(nx_cc),
                           f"{ig_components} vs {len(nx_cc)}"))
            checks.append(("core numbers, every vertex: igraph vs NetworkX",
                           all(ig_core[v] == nx_core[v] for v in range(g.n)), ""))
            if ig_bc is not None:
                # igraph halves undirected subset sums; NetworkX's raw sums are not halved.
                d = max(abs(2 * ig_bc[v] - nx_bc_raw[v]) for v in range(g.n))
                top = max(nx_bc_raw.values()) or 1.0
                checks.append(("betweenness, every vertex: 2 × igraph raw vs NetworkX raw",
                               d <= 1e-9 * top, f"max |Δ| {d:.2e} (largest value {top:.3g})"))
            if ig_proj_stats is not None and nx_proj_stats is not None:
                checks.append(("projection edges and total weight: igraph vs NetworkX",
                               ig_proj_stats == nx_proj_stats,
                               f"{ig_proj_stats} vs {nx_proj_stats}"))

        if args.exact:
            ig_top_orgs = sorted(g.organisations, key=lambda v: -ig_twomode[v])[:5]
            ig_top_orgs = [g.names[v] for v in ig_top_orgs]
            adb_top_orgs = adb["twomode_top"]
            checks.append(("exact two-mode betweenness, top 5 organisations: AllianceDB vs "
                           "igraph", adb_top_orgs == ig_top_orgs,
                           f"{adb_top_orgs} vs {ig_top_orgs}"))

        # -------- report
        ctx = bench["context"]
        snapshot_build = am.get("BM_SnapshotBuild/directed:0",
                                am.get("BM_SnapshotBuildUndirected"))
        build_type = "?"
        cache = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(args.bench))),
                             "CMakeCache.txt")
        if os.path.exists(cache):
            with open(cache, encoding="utf-8") as f:
                for line in f:
                    if line.startswith("CMAKE_BUILD_TYPE:"):
                        build_type = line.split("=", 1)[1].strip() or "?"
        lines = report
        lines.append(f"## Analytics: AllianceDB vs igraph vs NetworkX, {args.orgs:,} "
                     "organisations")
        lines.append("")
        lines.append(f"Graph: `{' '.join(['alliancedb'] + gen_cmd[1:-1] + ['DIR'])}`; undirected "
                     f"two-mode membership graph with {g.n:,} vertices ({len(g.organisations):,} "
                     f"organisations, {g.n - len(g.organisations):,} consortia) and {g.m:,} "
                     f"edges; {ig_components} component(s), largest core number {ig_max_core}, "
                     f"organisation projection {proj_edges:,} edges. Betweenness from "
                     f"{len(g.sources)} sources (vertices 0, {SOURCE_STEP}, "
                     f"{2 * SOURCE_STEP}, ...).")
        lines.append("")
        versions = (f"python-igraph {igraph.__version__}"
                    + (f" (betweenness: libigraph {c_graph.version} via ctypes)" if c_graph else "")
                    + (f", NetworkX {nx.__version__}" if nx is not None else "")
                    + f", Python {platform.python_version()}")
        lines.append(f"Machine: {ctx.get('num_cpus', '?')} CPUs at {ctx.get('mhz_per_cpu', '?')} "
                     f"MHz, AllianceDB {build_type} build; {versions}. Times: median of {R} "
                     "runs of the operation alone (AllianceDB: median of the Google Benchmark "
                     "repetitions). Ratios: tool time / AllianceDB 1-thread time (above 1: "
                     "AllianceDB is faster).")
        lines.append("")
        lines.append("| operation | AllianceDB 1 thread | AllianceDB 2 threads | igraph | NetworkX "
                     "| igraph / AllianceDB | NetworkX / AllianceDB |")
        lines.append("|---|---|---|---|---|---|---|")

        # igraph cells carry extra text; ratios use the 1-thread Timing.
        pr_ig = fmt_timing(ig["pagerank"])
        if "pagerank2" in ig:
            pr_ig += f" (2 OpenMP threads: {fmt_timing(ig['pagerank2'])})"
        rows = [
            ("PageRank", am.get("BM_PageRank/1"), am.get("BM_PageRank/2"), pr_ig,
             ig["pagerank"], nxr.get("pagerank")),
            (f"betweenness, {len(g.sources)} sources", am.get("BM_BetweennessSampled/1"),
             am.get("BM_BetweennessSampled/2"), fmt_timing(ig["betweenness"]),
             ig["betweenness"], nxr.get("betweenness")),
            ("connected components", am.get("BM_Components"), None,
             fmt_timing(ig["components"]), ig["components"], nxr.get("components")),
            ("core numbers", am.get("BM_CoreNumbers"), None, fmt_timing(ig["core"]), ig["core"],
             nxr.get("core")),
            ("organisation projection (weighted)", am.get("BM_OrganisationProjection/1"),
             am.get("BM_OrganisationProjection/2"), fmt_timing(ig["projection"]),
             ig["projection"], nxr.get("projection")),
        ]
        if args.exact:
            rows += [
                ("two-mode betweenness, exact", am.get("BM_TwoModeBetweennessExact/1"),
                 am.get("BM_TwoModeBetweennessExact/2"), fmt_timing(ig["twomode_betweenness"]),
                 ig["twomode_betweenness"], nxr.get("twomode_betweenness")),
                ("projection PageRank (weighted)", am.get("BM_ProjectionPageRank/1"),
                 am.get("BM_ProjectionPageRank/2"), fmt_timing(ig.get("proj_pagerank")),
                 ig.get("proj_pagerank"), nxr.get("proj_pagerank")),
                ("projection betweenness, exact", None, am.get("BM_ProjectionBetweennessExact/2"),
                 fmt_timing(ig.get("proj_betweenness")), ig.get("proj_betweenness"),
                 nxr.get("proj_betweenness")),
            ]
        for name, a1, a2, icell, itiming, ntiming in rows:
            a1t = fmt_time(a1) if a1 is not None else "n/a"
            # Ratios compare with the 1-thread time, or the 2-thread one when that is all.
            a1 = a1 if a1 is not None else a2
            a2t = fmt_time(a2) if a2 is not None else "—"
            ncell = fmt_timing(ntiming) if nx is not None else "skipped"
            lines.append(f"| {name} | {a1t} | {a2t} | {icell} | {ncell} | "
                         f"{ratio(itiming, a1)} | {ratio(ntiming, a1)} |")
        lines.append("")
        lines.append("Graph loading (not in the times above):")
        lines.append("")
        lines.append("| step | AllianceDB | igraph | NetworkX |")
        lines.append("|---|---|---|---|")
        lines.append(f"| generate CSV (`alliancedb generate`, 1 run) | {fmt_time(gen_seconds)} "
                     "| | |")
        lines.append(f"| read the 3 CSV files into an edge list (Python csv, 1 run) | | "
                     f"{fmt_time(parse_seconds)} | {fmt_time(parse_seconds)} |")
        lines.append(f"| import all CSV files into a database (`alliancedb import`, 1 run) | "
                     f"{fmt_time(adb['import_seconds'])} | | |")
        lines.append(f"| build the in-memory graph | "
                     f"{fmt_time(snapshot_build)} (undirected snapshot "
                     f"from storage) | {fmt_timing(ig['load'])} (`Graph(n, edges)`) | "
                     + (f"{fmt_timing(nxr['load'])} (`add_nodes_from`, `add_edges_from`)"
                        if nx is not None else "skipped") + " |")
        if "c_load" in ig:
            lines.append(f"| C igraph_t for betweenness (ctypes, 1 run) | | "
                         f"{fmt_time(ig['c_load'])} | |")
        lines.append("")
        lines.append("Checks:")
        lines.append("")
        for what, ok, detail in checks:
            status = "ok" if ok else ("differs" if "default tolerance" in what else "MISMATCH")
            lines.append(f"- {status}: {what}" + (f" ({detail})" if detail else ""))
        lines.append("")
        notes.append("PageRank does different amounts of work: igraph's PRPACK solves the "
                     "system exactly (and converts the graph to PRPACK's format on every call); "
                     "AllianceDB and NetworkX iterate until the L1 change is below n·1e-6, which "
                     "leaves the top scores further from the exact ones than 1e-6 (see Checks: "
                     "with tolerance 1e-12 AllianceDB agrees with PRPACK); NetworkX's time "
                     "includes building its scipy matrix.")
        notes.append("igraph betweenness: python-igraph 0.10.2 cannot restrict sources, so its "
                     "C library's igraph_betweenness_subset (Debian libigraph3, igraph 0.10.2) "
                     "is called through ctypes on a C copy of the graph.")
        notes.append("AllianceDB times come from analytics_bench on its own copy of the same "
                     "graph (same generator options, same vertex order), through the C++ API: "
                     "no query parsing or result rows. igraph and NetworkX times are Python "
                     "calls and include building their Python results (lists, dicts, sets).")
        for tool, timings in (("igraph", ig), ("NetworkX", nxr)):
            for k, t in timings.items():
                # Only long operations: short ones always have a slower first (cold) run.
                if isinstance(t, Timing) and len(t.walls) > 1 and t.median >= 1.0 and \
                        max(t.walls) > 1.5 * min(t.walls):
                    runs = ", ".join(fmt_time(w) for w in t.walls)
                    notes.append(f"{tool} {k}: runs spread widely ({runs}); the median is shown")
        threaded = [k for k in ("components", "core", "projection", "betweenness")
                    if isinstance(ig.get(k), Timing) and ig[k].cpu_ratio > 1.3]
        if threaded:
            notes.append(f"igraph used more than one core for: {', '.join(threaded)}")
        if notes:
            lines.append("Notes:")
            lines.append("")
            for n in notes:
                lines.append(f"- {n}")
            lines.append("")
        lines.append(f"AllianceDB command: `{bench['command']}` ({fmt_time(bench['seconds'])} "
                     "including its own generate and import).")
        text = "\n".join(lines) + "\n"
        print(text)
        if args.out:
            with open(args.out, "w", encoding="utf-8") as f:
                f.write(text)
        # The default-tolerance PageRank against PRPACK is informational (see its detail).
        return 0 if all(ok for what, ok, _ in checks if "default tolerance" not in what) else 1
    finally:
        if args.keep_temp:
            log(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
