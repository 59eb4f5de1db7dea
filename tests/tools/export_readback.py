#!/usr/bin/python3
"""Reads an `alliancedb export` GraphML or GEXF file back with NetworkX, as a
user's script would, and prints what the test compares with the database:

    export_readback.py graphml|gexf FILE NAME...

prints one JSON object: node and edge counts, edges per type, and for each
NAME the node of that name (attributes with their Python types, and its
out-edges with the names they lead to).
Run it with /usr/bin/python3: Debian's python3-networkx is visible there only.
"""
import collections
import json
import sys

import networkx as nx
from networkx.readwrite import gexf


def allow_gexf_1_3():
    # NetworkX reads the GEXF 1.3 namespace from 3.6 on; Debian 12 has 2.8,
    # which knows 1.1draft and 1.2draft only. For a static graph 1.3 differs
    # from 1.2draft in the namespace alone, so register it as 3.6 does.
    if "1.3" in gexf.GEXF.versions:
        return
    version = dict(gexf.GEXF.versions["1.2draft"])
    version.update(
        NS_GEXF="http://gexf.net/1.3",
        NS_VIZ="http://gexf.net/1.3/viz",
        SCHEMALOCATION="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
        VERSION="1.3",
    )
    gexf.GEXF.versions["1.3"] = version


def typed(attributes):
    return {k: {"value": v, "type": type(v).__name__} for k, v in sorted(attributes.items())}


def main(fmt, path, *names):
    if fmt == "graphml":
        g = nx.read_graphml(path)
        edge_type = "label"  # the relationship type, as APOC's GraphML export names it
    elif fmt == "gexf":
        allow_gexf_1_3()
        g = nx.read_gexf(path, version="1.3")
        edge_type = "label"
    else:
        raise SystemExit(f"unknown format {fmt}")
    edges = g.edges(data=True)
    by_name = {a.get("name"): n for n, a in g.nodes(data=True)}
    nodes = {}
    for name in names:
        if name in by_name:
            n = by_name[name]
            out = g.out_edges(n, data=True)
            nodes[name] = {
                "attributes": typed(g.nodes[n]),
                "out": sorted([a[edge_type], g.nodes[t].get("name"), typed(a)] for _, t, a in out),
            }
    print(
        json.dumps(
            {
                "graph": type(g).__name__,
                "nodes": g.number_of_nodes(),
                "edges": g.number_of_edges(),
                "edge_types": dict(sorted(collections.Counter(a[edge_type] for _, _, a in edges).items())),
                "named": nodes,
            },
            ensure_ascii=False,
            sort_keys=True,
        )
    )


if __name__ == "__main__":
    main(*sys.argv[1:])
