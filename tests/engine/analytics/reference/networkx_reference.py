#!/usr/bin/python3
"""NetworkX reference values for AllianceDB's analytics tests.

Run with Debian's interpreter, which is the only one that sees python3-networkx
2.8.8 and python3-scipy:

    /usr/bin/python3 networkx_reference.py --graph karate --out karate.json
    /usr/bin/python3 networkx_reference.py --graph davis --out davis.json
    /usr/bin/python3 networkx_reference.py --graph florentine --out florentine.json
    /usr/bin/python3 networkx_reference.py --bundled /work/main/data --out bundled.json
    /usr/bin/python3 networkx_reference.py --edges g.tsv [--two-mode-top top.txt] \
        [--path-pair A B ...] --out g.json

It writes ONE JSON document (sorted keys, 1-space indent, floats in Python repr
precision, so a double parsed from it is bit-identical to the value NetworkX
computed). Output is byte-for-byte deterministic (independent of PYTHONHASHSEED).
Runtime: about 1 s per graph (most of it importing scipy).

INPUT GRAPHS
  karate      nx.karate_club_graph()           34 vertices, 78 edges, edge attribute
              'weight' (1..7, Zachary's interaction counts) -> weighted. Vertex
              order: the integers 0..33 (vertex i is node i).
  davis       nx.davis_southern_women_graph()  32 vertices, 89 edges, unweighted,
              two-mode: top side = the 18 women (node attribute bipartite == 0),
              bottom side = the 14 events E1..E14.
  florentine  nx.florentine_families_graph()   15 vertices, 20 edges, unweighted.
  --bundled DIR  the project's CSV dataset (neo4j-admin import layout): the two-mode
              membership graph Organisation -MEMBER_OF-> Consortium, undirected,
              unweighted, vertices named by the `name` property, top side =
              Organisation, bottom side = Consortium. --bundled-vertices all
              (default) keeps every Organisation and Consortium node, so
              organisations without any MEMBER_OF edge are isolated vertices
              (NCSOFT, NHN, Naver, LG, Ministry of Science and ICT: 47 vertices,
              41 edges); --bundled-vertices members keeps only endpoints of
              MEMBER_OF edges (42 vertices). graph.isolated lists them.
  --edges FILE.tsv  one edge per line "u<TAB>v[<TAB>weight]"; a line with one field
              is an isolated vertex; blank lines and lines starting with '#' are
              skipped. Weighted iff any line has a weight (missing weights = 1).
              Self-loops and repeated edges are rejected. --two-mode-top FILE
              names the top-side vertices (one per line) and turns on the two-mode
              results; the graph must then be bipartite with that split.

VERTEX ORDER (vertex i of the C++ side = graph.vertices[i])
  karate: the integers 0..33. Everything else: sorted by str(name) in code-point
  order, which is the byte order of the UTF-8 strings (std::string operator<).
  Davis therefore reads "Brenda Rogers", ..., "E1", "E10", ..., "E14", "E2", ...
  --edges: numeric order if every name is a decimal integer, else string order.
  Every computation runs on a copy of the graph relabelled to 0..n-1 that keeps
  the source graph's node order and adjacency order (so seeded Louvain gives the
  same partitions as on the original NetworkX object). For --bundled / --edges
  the source graph has nodes inserted in vertex order and edges in file order.

JSON LAYOUT
  format            "alliancedb-networkx-reference/1"
  versions          networkx / scipy / numpy / python versions used
  graph             {name, source, vertices[names], edges[[i,j,w], i<j, sorted],
                     weighted, two_mode, top_side[idx]|null, bottom_side[idx]|null,
                     isolated[idx], vertex_order "integer"|"string"}
  vertex_values     {key: [value per vertex]}; null where NetworkX returns NaN
                    (constraint / effective_size of isolated vertices)
  results           {key: {call, weighted, exact, [max_abs_diff_vs_linalg]}} for
                    every key of vertex_values and every other result
  ties              {key: [[vertices whose values agree within 1e-9], ...]}
  argmax            {key: [vertices within 1e-9 of the maximum]}
  tie_tolerance     1e-9
  articulation_points [idx sorted]
  bridges           [[i,j] i<j, sorted]
  component_count   int; vertex_values.component = smallest vertex index in the
                    vertex's connected component
  cliques           sorted list of sorted maximal cliques (nx.find_cliques;
                    an isolated vertex is a maximal clique of size 1)
  clique_count      len(cliques)
  louvain           {"unweighted": L, "weighted": L (weighted graphs only)} with
                    L = {best_modularity, best_seed, modularity_by_seed[10],
                    community_count, partition[label per vertex = smallest member]}
  shortest_paths    [{source, target, source_name, target_name, weighted, length,
                     count, paths[[idx...] sorted]}]
  two_mode          (two-mode graphs only) {top, bottom, projection_top,
                     projection_bottom ([[i,j,shared]] sorted),
                     overlap_bottom, overlap_top ([{u, v, shared, common[idx],
                     jaccard, overlap, cosine}] for u<v on that side with
                     shared >= 1, sorted by (u, v))}

EXACT NETWORKX CALLS (G = relabelled graph; W = 'weight' only for weighted graphs;
"_weighted" keys exist only for weighted graphs, i.e. karate / weighted TSV)
  degree                          G.degree()                     (int)
  weighted_degree                 G.degree(weight='weight')      (weighted only)
  degree_centrality               nx.degree_centrality(G)        deg/(n-1)
  betweenness_centrality          nx.betweenness_centrality(G, normalized=True, weight=None)
  betweenness_centrality_unnormalized   ... normalized=False, weight=None
  betweenness_centrality_weighted       ... normalized=True, weight='weight'
  betweenness_centrality_weighted_unnormalized ... normalized=False, weight='weight'
      Undirected: normalized=False still halves the pair sums (each unordered
      pair counted once); normalized=True divides by (n-1)(n-2)/2 instead.
      endpoints=False, k=None (exact Brandes). Weight is a DISTANCE.
  closeness_centrality            nx.closeness_centrality(G, distance=None, wf_improved=True)
  closeness_centrality_weighted   nx.closeness_centrality(G, distance='weight', wf_improved=True)
      (r-1)/sum(d) * (r-1)/(n-1) with r = vertices reachable incl. itself; 0 if r==1.
  harmonic_centrality             nx.harmonic_centrality(G, distance=None)   sum 1/d, NOT normalised
  harmonic_centrality_weighted    nx.harmonic_centrality(G, distance='weight')
  eigenvector_centrality          nx.eigenvector_centrality(G, max_iter=10000, tol=1e-12, weight=None)
  eigenvector_centrality_weighted nx.eigenvector_centrality(G, max_iter=10000, tol=1e-12, weight='weight')
      NetworkX 2.8 iterates x <- (A+I)x from x0 = 1/n, Euclidean-normalised each
      step, stops when sum|x-x_prev| < n*tol. The shift by I makes it converge on
      bipartite graphs too (plain power iteration on A oscillates there).
      Result has unit Euclidean norm. Accuracy ~1e-11 (see max_abs_diff_vs_linalg).
  eigenvector_centrality[_weighted]_exact   NOT NetworkX: numpy.linalg.eigh of A+I,
      uniform start projected onto the top eigenspace, unit norm: the limit of the
      call above. Compare a tight C++ solver against this one.
  pagerank                        nx.pagerank(G, alpha=0.85, max_iter=10000, tol=1e-12, weight=None)
  pagerank_weighted               nx.pagerank(G, alpha=0.85, max_iter=10000, tol=1e-12, weight='weight')
      (2.8 dispatches to pagerank_scipy): uniform start and teleport, dangling
      (isolated) vertices' mass spread uniformly, stops when L1 change < n*tol,
      no final renormalisation.
  pagerank[_weighted]_exact       NOT NetworkX: numpy.linalg.solve of the same
      stationary equation (sums to 1).
  core_number                     nx.core_number(G)              (int)
  clustering                      nx.clustering(G)
  clustering_weighted             nx.clustering(G, weight='weight')  geometric mean of
                                  w/max(w) over the triangle (Onnela et al.)
  constraint                      nx.constraint(G)               (Burt; NaN->null if isolated)
  constraint_weighted             nx.constraint(G, weight='weight')
  effective_size                  nx.effective_size(G)           (NaN->null if isolated)
  effective_size_weighted         nx.effective_size(G, weight='weight')
  component                       nx.connected_components(G), label = min member
  articulation_points             sorted(nx.articulation_points(G))
  bridges                         sorted(nx.bridges(G)) as [min,max]
  cliques                         nx.find_cliques(G), each sorted, list sorted
  louvain.unweighted              for seed in 0..9: c = nx.community.louvain_communities(
                                      G, weight=None, resolution=1, threshold=1e-7, seed=seed);
                                  q = nx.community.modularity(G, c, weight=None, resolution=1)
                                  best = max q (smallest seed on a tie)
  louvain.weighted                the same with weight='weight' in both calls
  shortest_paths                  nx.all_shortest_paths(G, s, t, weight=None), and
                                  weight='weight' (Dijkstra) for weighted graphs
  Two-mode (top = women / organisations; `nodes` = the top side):
  bipartite_degree_centrality     nx.bipartite.degree_centrality(G, top)
                                  top: deg/|bottom|, bottom: deg/|top|
  bipartite_betweenness_centrality nx.bipartite.betweenness_centrality(G, top)
                                  = nx.betweenness_centrality(G, normalized=False)
                                  / the Borgatti-Halgin side maximum (see NetworkX docs)
  bipartite_closeness_centrality  nx.bipartite.closeness_centrality(G, top, normalized=True)
  bipartite_closeness_centrality_unnormalized  ... normalized=False
                                  top: (|bottom| + 2(|top|-1)) / sum(d), times
                                  (r-1)/(n-1) when normalized; 0 if sum(d)==0
  two_mode.projection_top/bottom  nx.bipartite.weighted_projected_graph(G, side, ratio=False)
                                  edge weight = number of shared neighbours
  two_mode.overlap_*              A, B = neighbour sets of u, v:
                                  shared = |A&B|; jaccard = shared/len(A|B) (equal to
                                  nx.jaccard_coefficient); overlap = |A&B|/min(|A|,|B|);
                                  cosine = |A&B|/math.sqrt(|A|*|B|); Python float division.

TOLERANCES FOR A COMPARER
  Exact combinatorial results (degree, core_number, component, articulation
  points, bridges, cliques, projections, shared counts, shortest paths):
  compare exactly. Brandes betweenness / closeness / harmonic / clustering /
  constraint / effective size / bipartite measures / overlap ratios are closed
  forms: 1e-12 relative. Karate weights are integers, so weighted path lengths
  and tie-breaking between equal-length paths are exact. Power iterations
  (eigenvector, pagerank): 1e-9 absolute against the NetworkX keys, or tighter
  against the *_exact keys. Louvain is randomised: a C++ Louvain is not expected
  to reproduce the partition; compare its modularity (computed like
  nx.community.modularity) with best_modularity (e.g. >= best - 0.01), and check
  that modularity() of louvain.*.partition reproduces best_modularity.

TIES AND QUIRKS A COMPARER MUST KNOW (full lists: "ties" and "argmax" of each document)
  * Rank-based checks must treat the vertices of one ties group as interchangeable;
    "argmax" lists every vertex within 1e-9 of the maximum.
  * karate: 12 vertices have betweenness exactly 0 (7 11 12 14 15 16 17 18 20 21
    22 26); pairs 4/10, 5/6, 17/21 and the group 14/15/18/20/22 tie on pagerank
    and eigenvector centrality. Unique argmax: vertex 0 for betweenness and
    closeness (weighted and not); vertex 33 for degree, harmonic, eigenvector,
    pagerank and effective size (weighted and not).
  * davis: E8 is the unique argmax of every centrality (one-mode and two-mode).
    E13/E14 and Flora Price/Olivia Carleton tie on betweenness, eigenvector and
    pagerank. Clustering is 0 everywhere and the maximal cliques are exactly the
    89 edges (bipartite graph: no triangles) - true of every two-mode graph.
  * florentine: Medici is the unique argmax of every centrality; Acciaiuoli,
    Ginori, Lamberteschi and Pazzi have betweenness 0. Note NetworkX's florentine
    graph has 15 families (no Pucci).
  * bundled (mode all): 8 components (3 non-trivial + 5 isolated organisations).
    - Ordinary and bipartite betweenness: unique overall argmax is the SK Telecom
      Consortium; among ORGANISATIONS (top side) KAIST is the unique maximum
      (bipartite 0.18426..., SK Telecom second), the answer tests expect. 37
      vertices (every leaf and isolated vertex) have betweenness 0.
    - Closeness: KAIST unique argmax. Korea University ties SK Telecom.
    - Eigenvector: NC AI Consortium argmax. Vertices outside the component with
      the largest eigenvalue (KT and LG consortia and members, isolated vertices)
      converge to 0 (NetworkX leaves < 1e-10 there): a solver that normalises
      per component would differ. PageRank: argmax is the KT Consortium (the
      star with 9 leaves), not NC AI.
    - bipartite_closeness_centrality exceeds 1 in small components (LG AI
      Research consortium: FriendliAI, LG AI Research, LG CNS = 1.1217...):
      NetworkX's formula normalises by the side sizes of the WHOLE graph.
    - constraint / effective_size are null for the 5 isolated organisations;
      harmonic / closeness / bipartite closeness are 0 there.
    - NC AI Consortium and Naver Cloud Consortium share KAIST and Korea University
      (two_mode.overlap_bottom: shared 2, jaccard 2/15, overlap 2/7,
      cosine 2/sqrt(70)).
  * Louvain: different seeds may reach the same best modularity with different
    partitions; only best_modularity is meant to be compared. Karate unweighted
    best 0.41979 (seed 0), weighted 0.44490 (seed 2); davis 0.33601;
    florentine 0.39875; bundled 0.69274.
"""

import argparse
import csv
import json
import math
import os
import platform
import sys
from itertools import combinations

import networkx as nx
import numpy as np
import scipy

FORMAT = "alliancedb-networkx-reference/1"
TIE_TOL = 1e-9
EIG_TOL = 1e-12
PR_TOL = 1e-12
MAX_ITER = 10000
LOUVAIN_SEEDS = range(10)

# Fixed vertex pairs for all_shortest_paths, by vertex name.
PATH_PAIRS = {
    "karate": [(0, 33), (16, 25)],
    "davis": [("E1", "E14"), ("Evelyn Jefferson", "Flora Price")],
    "florentine": [("Pazzi", "Lamberteschi"), ("Acciaiuoli", "Strozzi")],
    "bundled": [("Twelve Labs", "Krafton"), ("ETRI", "Moloco")],
}


# --------------------------------------------------------------------------- input


def canonical_order(names, integer_order):
    if integer_order:
        return sorted(names, key=int)
    return sorted(names, key=str)


def load_named(name):
    """Returns (source graph, vertex list, top names or None, source description)."""
    if name == "karate":
        g = nx.karate_club_graph()
        return g, sorted(g.nodes()), None, "nx.karate_club_graph()", "integer"
    if name == "davis":
        g = nx.davis_southern_women_graph()
        top = {n for n, b in g.nodes(data="bipartite") if b == 0}
        return g, sorted(g.nodes(), key=str), top, "nx.davis_southern_women_graph()", "string"
    if name == "florentine":
        g = nx.florentine_families_graph()
        return g, sorted(g.nodes(), key=str), None, "nx.florentine_families_graph()", "string"
    raise SystemExit(f"unknown graph {name!r}")


def read_csv_dir(directory, sub):
    rows = []
    folder = os.path.join(directory, sub)
    for fname in sorted(os.listdir(folder)):
        if fname.endswith(".csv"):
            with open(os.path.join(folder, fname), encoding="utf-8", newline="") as f:
                rows.extend(csv.DictReader(f))
    return rows


def load_bundled(directory, vertices_mode):
    nodes = read_csv_dir(directory, "nodes")
    edges = read_csv_dir(directory, "edges")
    name_of = {}
    label_of = {}
    for r in nodes:
        name_of[r["id:ID"]] = r["name"]
        label_of[r["id:ID"]] = r[":LABEL"]
    member = [(r[":START_ID"], r[":END_ID"]) for r in edges if r[":TYPE"] == "MEMBER_OF"]
    for s, t in member:
        if label_of[s] != "Organisation" or label_of[t] != "Consortium":
            raise SystemExit(f"MEMBER_OF {s}->{t} is not Organisation->Consortium")
    if vertices_mode == "all":
        ids = [i for i in name_of if label_of[i] in ("Organisation", "Consortium")]
    else:
        ids = sorted({x for e in member for x in e})
    names = [name_of[i] for i in ids]
    if len(set(names)) != len(names):
        raise SystemExit("duplicate vertex names in the bundled dataset")
    order = canonical_order(names, False)
    g = nx.Graph()
    g.add_nodes_from(order)
    for s, t in member:  # file order (files sorted by name, rows in file order)
        if g.has_edge(name_of[s], name_of[t]):
            raise SystemExit(f"repeated MEMBER_OF {s}->{t}")
        g.add_edge(name_of[s], name_of[t])
    top = {name_of[i] for i in ids if label_of[i] == "Organisation"}
    source = (f"{os.path.basename(os.path.normpath(directory))}/: MEMBER_OF edges, "
              f"Organisation (top) and Consortium (bottom) vertices, mode={vertices_mode}")
    return g, order, top, source, "string"


def load_tsv(path, top_path):
    g = nx.Graph()
    names = []
    weighted = False
    edges = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) == 1:
                names.append(fields[0])
            elif len(fields) in (2, 3):
                u, v = fields[0], fields[1]
                if u == v:
                    raise SystemExit(f"{path}:{lineno}: self-loop")
                w = 1
                if len(fields) == 3:
                    weighted = True
                    w = float(fields[2])
                    if w.is_integer():
                        w = int(w)
                names += [u, v]
                edges.append((u, v, w))
            else:
                raise SystemExit(f"{path}:{lineno}: expected 1-3 tab-separated fields")
    uniq = list(dict.fromkeys(names))
    integer_order = all(n.lstrip("-").isdigit() for n in uniq) and bool(uniq)
    order = canonical_order(uniq, integer_order)
    g.add_nodes_from(order)
    for u, v, w in edges:
        if g.has_edge(u, v):
            raise SystemExit(f"{path}: repeated edge {u} {v}")
        if weighted:
            g.add_edge(u, v, weight=w)
        else:
            g.add_edge(u, v)
    top = None
    if top_path:
        with open(top_path, encoding="utf-8") as f:
            top = {l.rstrip("\r\n") for l in f if l.strip()}
        missing = top - set(g)
        if missing:
            raise SystemExit(f"top-side names not in the graph: {sorted(missing)}")
    return g, order, top, os.path.basename(path), "integer" if integer_order else "string"


def relabel_keep_order(src, index):
    """Copy of src on 0..n-1 with src's node order and every adjacency order kept."""
    h = nx.Graph()
    h.add_nodes_from(index[n] for n in src)
    adj = h._adj  # NetworkX 2.8 internals: the only way to keep adjacency order
    for u in src:
        iu = index[u]
        for v, data in src[u].items():
            iv = index[v]
            shared = adj[iv].get(iu)
            adj[iu][iv] = shared if shared is not None else dict(data)
    for u in src:
        assert list(h[index[u]]) == [index[v] for v in src[u]]
    assert list(h.edges()) == [(index[u], index[v]) for u, v in src.edges()]
    return h


# ------------------------------------------------------------------------ helpers


def clean(x):
    """JSON-safe number: NaN -> None, numpy scalars -> Python."""
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    x = float(x)
    return None if math.isnan(x) else x


def as_array(d, n):
    return [clean(d[i]) for i in range(n)]


def tie_groups(values):
    idx = [i for i, v in enumerate(values) if v is not None]
    idx.sort(key=lambda i: (values[i], i))
    groups, cur = [], []
    for i in idx:
        if cur and abs(values[i] - values[cur[-1]]) <= TIE_TOL:
            cur.append(i)
        else:
            if len(cur) > 1:
                groups.append(sorted(cur))
            cur = [i]
    if len(cur) > 1:
        groups.append(sorted(cur))
    return sorted(groups)


def argmax(values):
    vals = [v for v in values if v is not None]
    if not vals:
        return []
    top = max(vals)
    return [i for i, v in enumerate(values) if v is not None and top - v <= TIE_TOL]


def labels_from_sets(sets, n):
    label = [None] * n
    for s in sets:
        m = min(s)
        for v in s:
            label[v] = m
    return label


def adjacency(g, n, weight):
    a = np.zeros((n, n))
    for u, v, d in g.edges(data=True):
        w = d.get("weight", 1) if weight else 1
        a[u, v] = a[v, u] = w
    return a


def eigenvector_exact(g, n, weight):
    m = adjacency(g, n, weight) + np.eye(n)
    vals, vecs = np.linalg.eigh(m)
    top = vals[-1]
    basis = vecs[:, vals >= top - 1e-9 * max(1.0, abs(top))]
    x = basis @ (basis.T @ np.full(n, 1.0 / n))
    x /= np.linalg.norm(x)
    return [float(v) for v in x]


def pagerank_exact(g, n, weight, alpha=0.85):
    a = adjacency(g, n, weight)
    s = a.sum(axis=1)
    p = np.full(n, 1.0 / n)
    t = np.zeros((n, n))  # row-stochastic transition incl. dangling rows
    for i in range(n):
        t[i] = a[i] / s[i] if s[i] != 0 else p
    # x = alpha x T + (1-alpha) p   <=>   (I - alpha T^T) x^T = (1-alpha) p
    x = np.linalg.solve(np.eye(n) - alpha * t.T, (1 - alpha) * p)
    return [float(v) for v in x]


# ----------------------------------------------------------------------- compute


def compute(name, src, order, top_names, source, vertex_order, path_pairs):
    index = {v: i for i, v in enumerate(order)}
    n = len(order)
    g = relabel_keep_order(src, index)
    weighted = any("weight" in d for _, _, d in g.edges(data=True))
    if weighted and not all("weight" in d for _, _, d in g.edges(data=True)):
        raise SystemExit("some edges lack a weight")

    edges = sorted([min(u, v), max(u, v), d.get("weight", 1)] for u, v, d in g.edges(data=True))
    doc = {
        "format": FORMAT,
        "versions": {
            "networkx": nx.__version__,
            "scipy": scipy.__version__,
            "numpy": np.__version__,
            "python": platform.python_version(),
        },
        "graph": {
            "name": name,
            "source": source,
            "vertices": [str(v) for v in order],
            "vertex_order": vertex_order,
            "edges": edges,
            "weighted": weighted,
            "two_mode": top_names is not None,
            "top_side": None,
            "bottom_side": None,
            "isolated": sorted(v for v in g if g.degree(v) == 0),
        },
    }
    values, results = {}, {}

    def put(key, arr, call, weighted_flag, exact=True, **extra):
        values[key] = arr
        results[key] = {"call": call, "weighted": weighted_flag, "exact": exact, **extra}

    def both(key, fn, call_fmt, exact=True):
        """Unweighted result, and the weighted one when the graph has weights."""
        put(key, as_array(fn(None), n), call_fmt.format("None"), False, exact)
        if weighted:
            put(key + "_weighted", as_array(fn("weight"), n), call_fmt.format("'weight'"), True, exact)

    put("degree", as_array(dict(g.degree()), n), "G.degree()", False)
    if weighted:
        put("weighted_degree", as_array(dict(g.degree(weight="weight")), n),
            "G.degree(weight='weight')", True)
    put("degree_centrality", as_array(nx.degree_centrality(g), n), "nx.degree_centrality(G)", False)
    for norm in (True, False):
        suffix = "" if norm else "_unnormalized"
        put("betweenness_centrality" + suffix,
            as_array(nx.betweenness_centrality(g, normalized=norm, weight=None), n),
            f"nx.betweenness_centrality(G, normalized={norm}, weight=None)", False)
        if weighted:
            put("betweenness_centrality_weighted" + suffix,
                as_array(nx.betweenness_centrality(g, normalized=norm, weight="weight"), n),
                f"nx.betweenness_centrality(G, normalized={norm}, weight='weight')", True)
    both("closeness_centrality",
         lambda w: nx.closeness_centrality(g, distance=w, wf_improved=True),
         "nx.closeness_centrality(G, distance={}, wf_improved=True)")
    both("harmonic_centrality", lambda w: nx.harmonic_centrality(g, distance=w),
         "nx.harmonic_centrality(G, distance={})")
    for w in ([None, "weight"] if weighted else [None]):
        suffix = "_weighted" if w else ""
        wname = "'weight'" if w else "None"
        ev = as_array(nx.eigenvector_centrality(g, max_iter=MAX_ITER, tol=EIG_TOL, weight=w), n)
        ev_exact = eigenvector_exact(g, n, w)
        put("eigenvector_centrality" + suffix, ev,
            f"nx.eigenvector_centrality(G, max_iter={MAX_ITER}, tol={EIG_TOL}, weight={wname})",
            bool(w), False, max_abs_diff_vs_linalg=max(abs(a - b) for a, b in zip(ev, ev_exact)))
        put("eigenvector_centrality" + suffix + "_exact", ev_exact,
            f"not NetworkX: numpy.linalg.eigh(A+I) top eigenspace, uniform start projected, "
            f"unit 2-norm (weight={wname})", bool(w), False)
        pr = as_array(nx.pagerank(g, alpha=0.85, max_iter=MAX_ITER, tol=PR_TOL, weight=w), n)
        pr_exact = pagerank_exact(g, n, w)
        put("pagerank" + suffix, pr,
            f"nx.pagerank(G, alpha=0.85, max_iter={MAX_ITER}, tol={PR_TOL}, weight={wname})",
            bool(w), False, max_abs_diff_vs_linalg=max(abs(a - b) for a, b in zip(pr, pr_exact)))
        put("pagerank" + suffix + "_exact", pr_exact,
            f"not NetworkX: numpy.linalg.solve of the PageRank equation, alpha=0.85, "
            f"uniform teleport and dangling (weight={wname})", bool(w), False)
    put("core_number", as_array(nx.core_number(g), n), "nx.core_number(G)", False)
    both("clustering", lambda w: nx.clustering(g, weight=w), "nx.clustering(G, weight={})")
    both("constraint", lambda w: nx.constraint(g, weight=w), "nx.constraint(G, weight={})")
    both("effective_size", lambda w: nx.effective_size(g, weight=w),
         "nx.effective_size(G, weight={})")

    comps = [set(c) for c in nx.connected_components(g)]
    put("component", labels_from_sets(comps, n),
        "nx.connected_components(G) -> smallest member", False)
    doc["component_count"] = len(comps)
    results["component_count"] = {"call": "nx.number_connected_components(G)", "weighted": False,
                                  "exact": True}
    doc["articulation_points"] = sorted(nx.articulation_points(g))
    results["articulation_points"] = {"call": "sorted(nx.articulation_points(G))",
                                      "weighted": False, "exact": True}
    doc["bridges"] = sorted([min(u, v), max(u, v)] for u, v in nx.bridges(g))
    results["bridges"] = {"call": "sorted(nx.bridges(G))", "weighted": False, "exact": True}
    cliques = sorted(sorted(c) for c in nx.find_cliques(g))
    doc["cliques"] = cliques
    doc["clique_count"] = len(cliques)
    results["cliques"] = {"call": "sorted(sorted(c) for c in nx.find_cliques(G))",
                          "weighted": False, "exact": True}

    doc["louvain"] = {}
    for w in ([None, "weight"] if weighted else [None]):
        runs = []
        for seed in LOUVAIN_SEEDS:
            comms = nx.community.louvain_communities(g, weight=w, resolution=1,
                                                     threshold=1e-7, seed=seed)
            q = nx.community.modularity(g, comms, weight=w, resolution=1)
            runs.append((q, seed, comms))
        best_q = max(r[0] for r in runs)
        best = min((r for r in runs if r[0] == best_q), key=lambda r: r[1])
        key = "weighted" if w else "unweighted"
        wname = "'weight'" if w else "None"
        doc["louvain"][key] = {
            "best_modularity": best_q,
            "best_seed": best[1],
            "modularity_by_seed": [r[0] for r in runs],
            "community_count": len(best[2]),
            "partition": labels_from_sets(best[2], n),
        }
        results["louvain." + key] = {
            "call": (f"max over seed in 0..9 of nx.community.modularity(G, "
                     f"nx.community.louvain_communities(G, weight={wname}, resolution=1, "
                     f"threshold=1e-07, seed=seed), weight={wname}, resolution=1)"),
            "weighted": bool(w), "exact": False}

    doc["shortest_paths"] = []
    for s_name, t_name in path_pairs:
        s, t = index[s_name], index[t_name]
        for w in ([None, "weight"] if weighted else [None]):
            try:
                paths = sorted(nx.all_shortest_paths(g, s, t, weight=w))
                length = nx.shortest_path_length(g, s, t, weight=w)
            except nx.NetworkXNoPath:
                paths, length = [], None
            doc["shortest_paths"].append({
                "source": s, "target": t, "source_name": str(s_name), "target_name": str(t_name),
                "weighted": bool(w), "length": length, "count": len(paths), "paths": paths})
    results["shortest_paths"] = {"call": "sorted(nx.all_shortest_paths(G, s, t, weight=None|'weight'))",
                                 "weighted": weighted, "exact": True}

    if top_names is not None:
        top = sorted(index[v] for v in top_names)
        bottom = sorted(set(range(n)) - set(top))
        for u, v in g.edges():
            if (u in top) == (v in top):
                raise SystemExit(f"edge {order[u]} - {order[v]} inside one side")
        doc["graph"]["top_side"] = top
        doc["graph"]["bottom_side"] = bottom
        put("bipartite_degree_centrality", as_array(nx.bipartite.degree_centrality(g, top), n),
            "nx.bipartite.degree_centrality(G, top)", False)
        put("bipartite_betweenness_centrality",
            as_array(nx.bipartite.betweenness_centrality(g, top), n),
            "nx.bipartite.betweenness_centrality(G, top)", False)
        put("bipartite_closeness_centrality",
            as_array(nx.bipartite.closeness_centrality(g, top, normalized=True), n),
            "nx.bipartite.closeness_centrality(G, top, normalized=True)", False)
        put("bipartite_closeness_centrality_unnormalized",
            as_array(nx.bipartite.closeness_centrality(g, top, normalized=False), n),
            "nx.bipartite.closeness_centrality(G, top, normalized=False)", False)
        tm = {"top": top, "bottom": bottom}
        for side_name, side in (("top", top), ("bottom", bottom)):
            proj = nx.bipartite.weighted_projected_graph(g, side, ratio=False)
            tm["projection_" + side_name] = sorted(
                [min(u, v), max(u, v), d["weight"]] for u, v, d in proj.edges(data=True))
            overlap = []
            for u, v in combinations(side, 2):
                a, b = set(g[u]), set(g[v])
                shared = len(a & b)
                if shared < 1:
                    continue
                (_, _, jac), = nx.jaccard_coefficient(g, [(u, v)])
                assert jac == shared / len(a | b)
                overlap.append({"u": u, "v": v, "shared": shared, "common": sorted(a & b),
                                "jaccard": jac,
                                "overlap": shared / min(len(a), len(b)),
                                "cosine": shared / math.sqrt(len(a) * len(b))})
            tm["overlap_" + side_name] = overlap
            results["two_mode.projection_" + side_name] = {
                "call": f"nx.bipartite.weighted_projected_graph(G, {side_name}, ratio=False)",
                "weighted": False, "exact": True}
            results["two_mode.overlap_" + side_name] = {
                "call": ("pairs u<v of the side with shared>=1: shared=|A&B|, "
                         "jaccard=nx.jaccard_coefficient, overlap=shared/min(|A|,|B|), "
                         "cosine=shared/math.sqrt(|A|*|B|)"),
                "weighted": False, "exact": True}
        doc["two_mode"] = tm

    doc["vertex_values"] = values
    doc["results"] = results
    doc["ties"] = {k: tie_groups(v) for k, v in values.items()}
    doc["argmax"] = {k: argmax(v) for k, v in values.items()}
    doc["tie_tolerance"] = TIE_TOL
    return doc


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--graph", choices=["karate", "davis", "florentine"])
    src.add_argument("--edges", metavar="FILE.tsv")
    src.add_argument("--bundled", metavar="DIR")
    ap.add_argument("--two-mode-top", metavar="FILE")
    ap.add_argument("--bundled-vertices", choices=["all", "members"], default="all")
    ap.add_argument("--path-pair", nargs=2, action="append", metavar=("SRC", "DST"))
    ap.add_argument("--out", required=True, metavar="FILE.json", help="'-' for stdout")
    args = ap.parse_args(argv)
    if args.two_mode_top and not args.edges:
        ap.error("--two-mode-top goes with --edges")

    if args.graph:
        g, order, top, source, vorder = load_named(args.graph)
        name = args.graph
    elif args.bundled:
        g, order, top, source, vorder = load_bundled(args.bundled, args.bundled_vertices)
        name = "bundled" if args.bundled_vertices == "all" else "bundled-members"
    else:
        g, order, top, source, vorder = load_tsv(args.edges, args.two_mode_top)
        name = os.path.splitext(os.path.basename(args.edges))[0]

    if args.path_pair:
        pairs = args.path_pair
        if vorder == "integer" and args.graph == "karate":
            pairs = [(int(a), int(b)) for a, b in pairs]
    elif args.graph or args.bundled:
        pairs = PATH_PAIRS[args.graph or "bundled"]
    else:
        pairs = [(order[0], order[-1])] if len(order) > 1 else []
    for a, b in pairs:
        for x in (a, b):
            if x not in g:
                raise SystemExit(f"path endpoint {x!r} is not a vertex")

    doc = compute(name, g, order, top, source, vorder, pairs)
    text = json.dumps(doc, sort_keys=True, indent=1, allow_nan=False, ensure_ascii=False) + "\n"
    if args.out == "-":
        sys.stdout.write(text)
    else:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
