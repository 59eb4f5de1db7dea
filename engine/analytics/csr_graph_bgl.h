// Internal: lets Boost.Graph algorithms run on a CsrGraph snapshot without copying it.
// Include only from engine/analytics/*.cc (and tests); Boost stays out of public headers.
//
// Two views, because BGL decides what an algorithm means from directed_category:
//  - BglView: every stored arc is a directed edge (directed_tag, bidirectional via
//    the in-arcs). On an undirected snapshot this is the symmetric digraph, which is
//    right for traversals (BFS, Dijkstra, strong_components) but wrong for BGL's
//    undirected-only algorithms, which would see every edge twice.
//  - UndirectedBglView: undirected_tag. On an undirected snapshot each edge is one
//    BGL edge seen from both ends; on a directed snapshot it is the underlying
//    undirected multigraph (out-arcs and in-arcs of a vertex are its incident edges).
//
//   UndirectedBglView view(snapshot);
//   std::vector<VertexIndex> comp(num_vertices(view));
//   boost::connected_components(view, comp.data());
//
// Both views hold a reference to the snapshot, which must outlive them; iterators of
// an UndirectedBglView also point into the view.
#ifndef ALLIANCE_ENGINE_ANALYTICS_CSR_GRAPH_BGL_H_
#define ALLIANCE_ENGINE_ANALYTICS_CSR_GRAPH_BGL_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <type_traits>
#include <utility>
#include <vector>

#include <boost/graph/graph_concepts.hpp>
#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/iterator_facade.hpp>
#include <boost/property_map/property_map.hpp>

#include "engine/analytics/csr_graph.h"

namespace alliance::analytics {

// A BGL edge descriptor. `arc` is a stored out-arc of the snapshot (it carries the
// weight); `id` is the edge_index. Descriptors compare by id, so in an
// UndirectedBglView both ends of one undirected edge are the same edge, as BGL's
// undirected adjacency_list behaves; edge property maps rely on that.
struct BglEdge {
  VertexIndex source = 0;
  VertexIndex target = 0;
  ArcIndex arc = 0;
  ArcIndex id = 0;

  friend bool operator==(const BglEdge& a, const BglEdge& b) { return a.id == b.id; }
};

namespace bgl_internal {

// The out-arc stored for the p-th in-arc of v. CsrGraph builds in-lists by scanning
// sources in order, so the k-th in-arc from w is the k-th arc w -> v of w's list.
// Two binary searches: cheap enough for the rarely used in-edge direction.
inline ArcIndex OutArcOfInArc(const CsrGraph& g, VertexIndex v, uint64_t p) {
  const auto in = g.in_neighbors(v);
  const VertexIndex w = in[p];
  const uint64_t rank = p - (std::lower_bound(in.begin(), in.begin() + p, w) - in.begin());
  const auto out = g.out_neighbors(w);
  return g.first_arc(w) + (std::lower_bound(out.begin(), out.end(), v) - out.begin()) + rank;
}

// A random-access iterator over an integer range that yields fn(i) by value; all
// out-, in-edge and adjacency iterators of the views are this with a different `fn`.
template <typename Fn>
class IndexIterator : public boost::iterator_facade<IndexIterator<Fn>, typename Fn::value_type,
                                                    boost::random_access_traversal_tag,
                                                    typename Fn::value_type, std::ptrdiff_t> {
 public:
  IndexIterator() = default;
  IndexIterator(Fn fn, uint64_t i) : fn_(fn), i_(i) {}

 private:
  friend class boost::iterator_core_access;
  typename Fn::value_type dereference() const { return fn_(i_); }
  bool equal(const IndexIterator& other) const { return i_ == other.i_; }
  void increment() { ++i_; }
  void decrement() { --i_; }
  void advance(std::ptrdiff_t n) { i_ += n; }
  std::ptrdiff_t distance_to(const IndexIterator& other) const {
    return static_cast<std::ptrdiff_t>(other.i_) - static_cast<std::ptrdiff_t>(i_);
  }

  Fn fn_{};
  uint64_t i_ = 0;
};

// Adapts an edge-yielding functor to yield the edge's far end (adjacency iterators).
template <typename EdgeFn>
struct TargetOf {
  using value_type = VertexIndex;
  EdgeFn edge_fn;
  VertexIndex operator()(uint64_t i) const { return edge_fn(i).target; }
};

// Out-edges of v in the directed view; the iterator's index is the arc itself.
struct OutArcEdge {
  using value_type = BglEdge;
  const CsrGraph* g = nullptr;
  VertexIndex v = 0;
  BglEdge operator()(uint64_t a) const { return {v, g->arc_target(a), a, a}; }
};

// In-edges of v in the directed view; the index counts v's in-arcs.
struct InArcEdge {
  using value_type = BglEdge;
  const CsrGraph* g = nullptr;
  VertexIndex v = 0;
  BglEdge operator()(uint64_t p) const {
    const ArcIndex a = OutArcOfInArc(*g, v, p);
    return {g->in_neighbors(v)[p], v, a, a};
  }
};

// Incident edge i of v in the undirected view: its out-arcs first, then (directed
// snapshot, edge_ids null) its in-arcs seen from v.
struct IncidentEdge {
  using value_type = BglEdge;
  const CsrGraph* g = nullptr;
  const ArcIndex* edge_ids = nullptr;
  VertexIndex v = 0;
  BglEdge operator()(uint64_t i) const {
    const uint64_t out_degree = g->out_degree(v);
    if (i < out_degree) {
      const ArcIndex a = g->first_arc(v) + i;
      return {v, g->arc_target(a), a, edge_ids ? edge_ids[a] : a};
    }
    const uint64_t p = i - out_degree;
    const ArcIndex a = OutArcOfInArc(*g, v, p);
    return {v, g->in_neighbors(v)[p], a, a};
  }
};

// Walks all arcs vertex by vertex. `edge_ids` (arc -> edge id) is set only for an
// undirected snapshot seen undirected; then arcs pointing to a lower vertex are
// skipped, so each edge comes once.
class ArcListIterator : public boost::iterator_facade<ArcListIterator, BglEdge,
                                                      boost::forward_traversal_tag, BglEdge> {
 public:
  ArcListIterator() = default;
  ArcListIterator(const CsrGraph* g, const ArcIndex* edge_ids, bool at_end)
      : g_(g), edge_ids_(edge_ids) {
    if (at_end) {
      v_ = g->vertex_count();
      a_ = g->arc_count();
    } else {
      Settle();
    }
  }

 private:
  friend class boost::iterator_core_access;
  BglEdge dereference() const {
    return {v_, g_->arc_target(a_), a_, edge_ids_ ? edge_ids_[a_] : a_};
  }
  bool equal(const ArcListIterator& other) const { return a_ == other.a_; }
  void increment() {
    ++a_;
    Settle();
  }
  // Moves to the first arc at or after a_ that is to be reported, tracking its source.
  void Settle() {
    const VertexIndex n = g_->vertex_count();
    for (;;) {
      while (v_ < n && a_ == g_->first_arc(v_) + g_->out_degree(v_)) ++v_;
      if (v_ == n || edge_ids_ == nullptr || g_->arc_target(a_) >= v_) return;
      ++a_;
    }
  }

  const CsrGraph* g_ = nullptr;
  const ArcIndex* edge_ids_ = nullptr;
  VertexIndex v_ = 0;
  ArcIndex a_ = 0;
};

// What both views share: the snapshot, its vertex set and the BGL type names.
class ViewBase {
 public:
  using vertex_descriptor = VertexIndex;
  using edge_descriptor = BglEdge;
  using edge_parallel_category = boost::allow_parallel_edge_tag;
  using vertices_size_type = VertexIndex;
  using edges_size_type = uint64_t;
  using degree_size_type = uint64_t;
  using vertex_iterator = boost::counting_iterator<VertexIndex>;
  using edge_iterator = ArcListIterator;

  static VertexIndex null_vertex() { return std::numeric_limits<VertexIndex>::max(); }

  explicit ViewBase(const CsrGraph& g) : g_(&g) {}
  const CsrGraph& csr() const { return *g_; }

 protected:
  const CsrGraph* g_;
};

}  // namespace bgl_internal

class BglView : public bgl_internal::ViewBase {
 public:
  using directed_category = boost::directed_tag;
  struct traversal_category : boost::vertex_list_graph_tag,
                              boost::bidirectional_graph_tag,
                              boost::adjacency_graph_tag,
                              boost::edge_list_graph_tag {};
  using out_edge_iterator = bgl_internal::IndexIterator<bgl_internal::OutArcEdge>;
  using in_edge_iterator = bgl_internal::IndexIterator<bgl_internal::InArcEdge>;
  using adjacency_iterator =
      bgl_internal::IndexIterator<bgl_internal::TargetOf<bgl_internal::OutArcEdge>>;

  explicit BglView(const CsrGraph& g) : ViewBase(g) {}

  uint64_t edge_count() const { return g_->arc_count(); }
  const ArcIndex* edge_ids() const { return nullptr; }
};

class UndirectedBglView : public bgl_internal::ViewBase {
 public:
  using directed_category = boost::undirected_tag;
  struct traversal_category : boost::vertex_list_graph_tag,
                              boost::incidence_graph_tag,
                              boost::adjacency_graph_tag,
                              boost::edge_list_graph_tag {};

  using out_edge_iterator = bgl_internal::IndexIterator<bgl_internal::IncidentEdge>;
  using adjacency_iterator =
      bgl_internal::IndexIterator<bgl_internal::TargetOf<bgl_internal::IncidentEdge>>;

  // On an undirected snapshot this numbers the edges (one pass over the arcs, 8
  // bytes per arc); a directed snapshot's edges are already numbered by their arc.
  explicit UndirectedBglView(const CsrGraph& g);

  // edge_index of the edge stored as out-arc `a`; dense in [0, edge_count()).
  ArcIndex EdgeId(ArcIndex a) const { return edge_ids_.empty() ? a : edge_ids_[a]; }
  uint64_t edge_count() const { return edge_count_; }
  // Null on a directed snapshot, whose edge ids are the arcs themselves.
  const ArcIndex* edge_ids() const { return g_->directed() ? nullptr : edge_ids_.data(); }
  uint64_t incident_count(VertexIndex v) const {
    return g_->out_degree(v) + (g_->directed() ? g_->in_degree(v) : 0);
  }

 private:
  std::vector<ArcIndex> edge_ids_;
  uint64_t edge_count_ = 0;
};

inline UndirectedBglView::UndirectedBglView(const CsrGraph& g) : ViewBase(g) {
  if (g.directed()) {
    edge_count_ = g.arc_count();
    return;
  }
  // Edge u-v (u < v) gets its id at u's arc; v's mirror arc takes it over. Because
  // vertices are visited in increasing order and arcs are sorted by target, the
  // mirrors of v's upward arcs are met in the same order as those arcs: one cursor
  // per vertex pairs them in O(m), parallel edges rank by rank.
  const VertexIndex n = g.vertex_count();
  edge_ids_.resize(g.arc_count());
  std::vector<ArcIndex> cursor(n);
  for (VertexIndex v = 0; v < n; ++v) {
    const auto nbrs = g.out_neighbors(v);
    cursor[v] = g.first_arc(v) + (std::upper_bound(nbrs.begin(), nbrs.end(), v) - nbrs.begin());
  }
  ArcIndex next_id = 0;
  for (VertexIndex u = 0; u < n; ++u) {
    for (ArcIndex a = g.first_arc(u), end = a + g.out_degree(u); a < end; ++a) {
      const VertexIndex v = g.arc_target(a);
      if (v >= u) {
        edge_ids_[a] = next_id++;
        continue;
      }
      // Arcs without a mirror break FromSortedArcs' contract; they are skipped or get
      // an id of their own, so that maps sized by num_edges stay in bounds.
      ArcIndex& mirror = cursor[v];
      const ArcIndex mirror_end = g.first_arc(v) + g.out_degree(v);
      while (mirror < mirror_end && g.arc_target(mirror) < u) ++mirror;
      const bool paired = mirror < mirror_end && g.arc_target(mirror) == u;
      edge_ids_[a] = paired ? edge_ids_[mirror++] : next_id++;
    }
  }
  edge_count_ = next_id;
}

// ---- Free functions found by argument-dependent lookup ----------------------------

template <typename View>
concept BglViewType = std::is_same_v<View, BglView> || std::is_same_v<View, UndirectedBglView>;

template <BglViewType View>
std::pair<typename View::vertex_iterator, typename View::vertex_iterator> vertices(
    const View& view) {
  return {typename View::vertex_iterator(0),
          typename View::vertex_iterator(view.csr().vertex_count())};
}
template <BglViewType View>
VertexIndex num_vertices(const View& view) {
  return view.csr().vertex_count();
}
template <BglViewType View>
std::pair<bgl_internal::ArcListIterator, bgl_internal::ArcListIterator> edges(const View& view) {
  return {bgl_internal::ArcListIterator(&view.csr(), view.edge_ids(), false),
          bgl_internal::ArcListIterator(&view.csr(), view.edge_ids(), true)};
}
template <BglViewType View>
uint64_t num_edges(const View& view) {
  return view.edge_count();
}
template <BglViewType View>
VertexIndex source(const BglEdge& e, const View&) {
  return e.source;
}
template <BglViewType View>
VertexIndex target(const BglEdge& e, const View&) {
  return e.target;
}

inline std::pair<BglView::out_edge_iterator, BglView::out_edge_iterator> out_edges(
    VertexIndex v, const BglView& view) {
  const bgl_internal::OutArcEdge fn{&view.csr(), v};
  const ArcIndex first = view.csr().first_arc(v);
  return {{fn, first}, {fn, first + view.csr().out_degree(v)}};
}
inline uint64_t out_degree(VertexIndex v, const BglView& view) { return view.csr().out_degree(v); }
inline std::pair<BglView::in_edge_iterator, BglView::in_edge_iterator> in_edges(
    VertexIndex v, const BglView& view) {
  const bgl_internal::InArcEdge fn{&view.csr(), v};
  return {{fn, 0}, {fn, view.csr().in_degree(v)}};
}
inline uint64_t in_degree(VertexIndex v, const BglView& view) { return view.csr().in_degree(v); }
inline uint64_t degree(VertexIndex v, const BglView& view) {
  return view.csr().out_degree(v) + view.csr().in_degree(v);
}
inline std::pair<BglView::adjacency_iterator, BglView::adjacency_iterator> adjacent_vertices(
    VertexIndex v, const BglView& view) {
  const bgl_internal::TargetOf<bgl_internal::OutArcEdge> fn{{&view.csr(), v}};
  const ArcIndex first = view.csr().first_arc(v);
  return {{fn, first}, {fn, first + view.csr().out_degree(v)}};
}

inline std::pair<UndirectedBglView::out_edge_iterator, UndirectedBglView::out_edge_iterator>
out_edges(VertexIndex v, const UndirectedBglView& view) {
  const bgl_internal::IncidentEdge fn{&view.csr(), view.edge_ids(), v};
  return {{fn, 0}, {fn, view.incident_count(v)}};
}
inline uint64_t out_degree(VertexIndex v, const UndirectedBglView& view) {
  return view.incident_count(v);
}
inline uint64_t degree(VertexIndex v, const UndirectedBglView& view) {
  return view.incident_count(v);
}
inline std::pair<UndirectedBglView::adjacency_iterator, UndirectedBglView::adjacency_iterator>
adjacent_vertices(VertexIndex v, const UndirectedBglView& view) {
  const bgl_internal::TargetOf<bgl_internal::IncidentEdge> fn{{&view.csr(), view.edge_ids(), v}};
  return {{fn, 0}, {fn, view.incident_count(v)}};
}

// Edge predicate for boost::filtered_graph, for BGL algorithms that mishandle
// self-loops (each user says why).
struct NotSelfLoop {
  bool operator()(const BglEdge& e) const { return e.source != e.target; }
};

// ---- Property maps ------------------------------------------------------------------

// edge_index: BglEdge::id.
struct EdgeIdMap {
  using key_type = BglEdge;
  using value_type = ArcIndex;
  using reference = ArcIndex;
  using category = boost::readable_property_map_tag;
};
inline ArcIndex get(EdgeIdMap, const BglEdge& e) { return e.id; }

// edge_weight: the stored arc weight, 1 on an unweighted snapshot.
struct ArcWeightMap {
  using key_type = BglEdge;
  using value_type = double;
  using reference = double;
  using category = boost::readable_property_map_tag;
  const CsrGraph* g = nullptr;
};
inline double get(ArcWeightMap map, const BglEdge& e) { return map.g->arc_weight(e.arc); }

using VertexIdMap = boost::typed_identity_property_map<VertexIndex>;

template <BglViewType View>
VertexIdMap get(boost::vertex_index_t, const View&) {
  return {};
}
template <BglViewType View>
EdgeIdMap get(boost::edge_index_t, const View&) {
  return {};
}
template <BglViewType View>
ArcWeightMap get(boost::edge_weight_t, const View& view) {
  return {&view.csr()};
}

namespace bgl_internal {
template <typename Tag>
struct MapFor {};
template <>
struct MapFor<boost::vertex_index_t> {
  using type = VertexIdMap;
};
template <>
struct MapFor<boost::edge_index_t> {
  using type = EdgeIdMap;
};
template <>
struct MapFor<boost::edge_weight_t> {
  using type = ArcWeightMap;
};
template <typename Tag>
concept ViewPropertyTag = requires {
  typename MapFor<Tag>::type;
};
}  // namespace bgl_internal

// get(tag, view, key): the form BGL's property-graph concepts call.
template <BglViewType View, bgl_internal::ViewPropertyTag Tag>
auto get(Tag tag, const View& view, const typename bgl_internal::MapFor<Tag>::type::key_type& key) {
  return get(get(tag, view), key);
}

}  // namespace alliance::analytics

namespace boost {

// property_map<View, Tag> for the three maps above, const or not.
template <typename View, typename Tag>
requires alliance::analytics::BglViewType<std::remove_const_t<View>> &&
    alliance::analytics::bgl_internal::ViewPropertyTag<Tag>
struct property_map<View, Tag> {
  using type = typename alliance::analytics::bgl_internal::MapFor<Tag>::type;
  using const_type = type;
};

}  // namespace boost

// Checked here so that every user of the views compiles them against the concepts.
BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<alliance::analytics::BglView>));
BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<alliance::analytics::BglView>));
BOOST_CONCEPT_ASSERT((boost::BidirectionalGraphConcept<alliance::analytics::BglView>));
BOOST_CONCEPT_ASSERT((boost::AdjacencyGraphConcept<alliance::analytics::BglView>));
BOOST_CONCEPT_ASSERT((boost::EdgeListGraphConcept<alliance::analytics::BglView>));
BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<alliance::analytics::UndirectedBglView>));
BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<alliance::analytics::UndirectedBglView>));
BOOST_CONCEPT_ASSERT((boost::AdjacencyGraphConcept<alliance::analytics::UndirectedBglView>));
BOOST_CONCEPT_ASSERT((boost::EdgeListGraphConcept<alliance::analytics::UndirectedBglView>));
BOOST_CONCEPT_ASSERT(
    (boost::ReadablePropertyGraphConcept<alliance::analytics::BglView, alliance::analytics::BglEdge,
                                         boost::edge_weight_t>));
BOOST_CONCEPT_ASSERT(
    (boost::ReadablePropertyGraphConcept<alliance::analytics::UndirectedBglView,
                                         alliance::analytics::BglEdge, boost::edge_index_t>));
BOOST_CONCEPT_ASSERT(
    (boost::ReadablePropertyGraphConcept<alliance::analytics::UndirectedBglView,
                                         alliance::analytics::VertexIndex, boost::vertex_index_t>));

#endif  // ALLIANCE_ENGINE_ANALYTICS_CSR_GRAPH_BGL_H_
