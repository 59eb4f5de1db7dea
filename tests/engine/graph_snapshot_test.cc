// Graph snapshots: which nodes and relationships a selection takes, both
// directions for undirected graphs, weights, the PART_OF roll-up, and the
// cache that rebuilds only when the database changes.
#include "engine/graph_snapshot.h"

#include <gtest/gtest.h>

#include "engine/snapshot_cache.h"
#include "storage/store.h"
#include "storage/transaction.h"
#include "tests/temp_dir.h"

namespace alliance {
namespace {

using analytics::VertexIndex;

class GraphSnapshotTest : public ::testing::Test {
 protected:
  void SetUp() override {
    storage::StoreOptions o;
    o.mode_on_create = schema::SchemaMode::kFree;
    store_ = *storage::Store::Open(dir_.Sub("db"), o);
    auto txn = *store_->BeginWrite();
    auto node = [&](const std::string& label, const std::string& name) {
      PropertyMap p;
      p.emplace("name", Value::String(name));
      return *txn->CreateNode({label}, std::move(p));
    };
    a_ = node("Org", "a");
    b_ = node("Org", "b");
    parent_ = node("Org", "parent");
    x_ = node("Group", "x");
    y_ = node("Group", "y");
    other_ = node("Other", "z");
    auto edge = [&](NodeId s, const std::string& type, NodeId d, std::optional<double> w) {
      PropertyMap p;
      if (w) p.emplace("w", Value::Double(*w));
      ASSERT_TRUE(txn->CreateEdge(s, type, d, std::move(p)).ok());
    };
    edge(a_, "IN", x_, 2.0);
    edge(b_, "IN", x_, std::nullopt);
    edge(b_, "IN", y_, 3.0);
    edge(parent_, "IN", y_, 1.0);
    edge(a_, "PART_OF", parent_, std::nullopt);
    edge(a_, "IN", other_, 1.0);  // outside the selection
    ASSERT_TRUE(txn->Commit().ok());
  }
  std::shared_ptr<const GraphSnapshot> Build(const SnapshotSpec& spec) {
    auto s = BuildSnapshot(*store_->BeginRead(), spec);
    EXPECT_TRUE(s.ok()) << s.status();
    return *s;
  }
  std::vector<NodeId> Neighbours(const GraphSnapshot& s, NodeId id) {
    std::vector<NodeId> out;
    for (VertexIndex w : s.graph().out_neighbors(*s.vertex_of(id))) out.push_back(s.node_id(w));
    return out;
  }

  testing::TempDir dir_;
  std::unique_ptr<storage::Store> store_;
  NodeId a_, b_, parent_, x_, y_, other_;
};

// Labels pick the vertices (in id order, with the slot of their label); types
// and the selection pick the edges; undirected graphs see both directions.
TEST_F(GraphSnapshotTest, SelectsLabelsAndTypesInBothDirections) {
  auto s = Build({.node_labels = {"Org", "Group"}, .edge_types = {"IN"}, .directed = false});
  ASSERT_EQ(s->vertex_count(), 5u);
  EXPECT_EQ(s->graph().edge_count(), 4u);  // a->other is outside, PART_OF not selected
  EXPECT_EQ(s->label_slot(*s->vertex_of(x_)), 1);
  EXPECT_EQ(s->label_slot(*s->vertex_of(a_)), 0);
  EXPECT_FALSE(s->vertex_of(other_).has_value());
  EXPECT_EQ(Neighbours(*s, x_), (std::vector<NodeId>{a_, b_}));
  EXPECT_FALSE(s->graph().weighted());

  auto directed = Build({.node_labels = {"Org", "Group"}, .edge_types = {"IN"}, .directed = true});
  EXPECT_TRUE(Neighbours(*directed, x_).empty());
  EXPECT_EQ(directed->graph().in_degree(*directed->vertex_of(x_)), 2u);
}

// Weights come from the property; a relationship without it weighs the default.
TEST_F(GraphSnapshotTest, ReadsWeightsWithDefault) {
  auto s = Build({.node_labels = {"Org", "Group"},
                  .edge_types = {"IN"},
                  .directed = true,
                  .weight_property = "w",
                  .default_weight = 5});
  ASSERT_TRUE(s->graph().weighted());
  auto weight_of = [&](NodeId from) {
    return s->graph().out_weights(*s->vertex_of(from))[0];
  };
  EXPECT_EQ(weight_of(a_), 2.0);
  EXPECT_EQ(weight_of(parent_), 1.0);
  EXPECT_EQ(s->graph().out_weights(*s->vertex_of(b_))[0], 5.0);  // b->x has no w
}

// Rolling up through PART_OF folds `a` into `parent`: its memberships count as
// the parent's, and `a` is no vertex of its own.
TEST_F(GraphSnapshotTest, RollUpFoldsAffiliatesIntoTheirParent) {
  auto s = Build({.node_labels = {"Org", "Group"},
                  .edge_types = {"IN", "PART_OF"},
                  .directed = false,
                  .roll_up_type = "PART_OF"});
  EXPECT_FALSE(s->vertex_of(a_).has_value());
  EXPECT_EQ(s->vertex_count(), 4u);
  EXPECT_EQ(Neighbours(*s, parent_), (std::vector<NodeId>{x_, y_}));
}

// The cache answers a repeated selection without rebuilding, rebuilds after a
// commit, and never caches what a writer sees of its own uncommitted changes.
TEST_F(GraphSnapshotTest, CacheRebuildsOnlyWhenTheDatabaseChanges) {
  SnapshotCache cache;
  const SnapshotSpec spec{.node_labels = {"Org", "Group"}, .edge_types = {"IN"}};
  auto first = *cache.Get(*store_->BeginRead(), spec);
  auto second = *cache.Get(*store_->BeginRead(), spec);
  EXPECT_EQ(first.get(), second.get());
  EXPECT_EQ(cache.builds(), 1u);
  EXPECT_EQ(cache.hits(), 1u);

  auto txn = *store_->BeginWrite();
  ASSERT_TRUE(txn->CreateEdge(parent_, "IN", x_, {}).ok());
  auto own = *cache.Get(*txn, spec);
  EXPECT_EQ(own->graph().edge_count(), 5u);
  ASSERT_TRUE(txn->Commit().ok());
  EXPECT_EQ(cache.builds(), 2u);

  auto after = *cache.Get(*store_->BeginRead(), spec);
  EXPECT_EQ(after->graph().edge_count(), 5u);
  EXPECT_EQ(cache.builds(), 3u);
  EXPECT_EQ((*cache.Get(*store_->BeginRead(), spec)).get(), after.get());
}

// In a free schema an unknown label selects nothing; an enforced schema
// refuses it by name.
TEST_F(GraphSnapshotTest, UnknownNamesSelectNothingInAFreeSchema) {
  auto s = Build({.node_labels = {"Nope"}, .edge_types = {"IN"}});
  EXPECT_EQ(s->vertex_count(), 0u);
  testing::TempDir dir;
  auto enforced = *storage::Store::Open(dir.Sub("db"), storage::StoreOptions{});
  auto refused = BuildSnapshot(*enforced->BeginRead(), {.node_labels = {"Organization"}});
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("unknown label 'Organization'"), std::string::npos);
}

// The build reports entries read to its checkpoint (all of them by the end), and an
// error from the checkpoint stops the build and becomes its result.
TEST_F(GraphSnapshotTest, CheckpointSeesTheReadAndCanStopTheBuild) {
  const SnapshotSpec spec{.node_labels = {"Org", "Group"}, .edge_types = {"IN"}};
  uint64_t out_entries = 0;
  ASSERT_TRUE(store_->BeginRead()
                  ->ScanPrefix(storage::Cf::kOut, "",
                               [&](std::string_view, std::string_view) {
                                 ++out_entries;
                                 return true;
                               })
                  .ok());
  uint64_t last_read = 0;
  int calls = 0;
  auto built = BuildSnapshot(*store_->BeginRead(), spec, [&](uint64_t read, uint64_t expected) {
    ++calls;
    EXPECT_GE(read, last_read);
    EXPECT_GE(expected, read);
    last_read = read;
    return absl::OkStatus();
  });
  ASSERT_TRUE(built.ok()) << built.status();
  EXPECT_GE(calls, 1);
  EXPECT_EQ(last_read, out_entries);  // the scan starts at the lowest selected node: a

  auto stopped = BuildSnapshot(*store_->BeginRead(), spec, [](uint64_t, uint64_t) {
    return absl::CancelledError("the query was cancelled");
  });
  EXPECT_TRUE(absl::IsCancelled(stopped.status())) << stopped.status();
}

// A large committed view is read in slices on several threads; the joined graph is
// the one a single reader (a write transaction's view) builds, weights included.
TEST(GraphSnapshotSlicesTest, SlicedBuildEqualsOneReader) {
  testing::TempDir dir;
  storage::StoreOptions o;
  o.mode_on_create = schema::SchemaMode::kFree;
  auto store = *storage::Store::Open(dir.Sub("db"), o);
  constexpr int kNodes = 70000;  // above two slices' worth of vertices
  {
    auto txn = *store->BeginWrite();
    std::vector<NodeId> ids;
    for (int i = 0; i < kNodes; ++i) ids.push_back(*txn->CreateNode({"N"}, {}));
    for (int i = 0; i < kNodes; ++i) {
      for (int k : {1, 7919}) {
        if ((i + k) % 5 == 0) continue;  // some vertices have fewer arcs
        PropertyMap p;
        p.emplace("w", Value::Double(0.5 + (i % 3)));
        ASSERT_TRUE(txn->CreateEdge(ids[i], "E", ids[(i * 31 + k) % kNodes], std::move(p)).ok());
      }
    }
    ASSERT_TRUE(txn->Commit().ok());
  }
  for (bool directed : {true, false}) {
    const SnapshotSpec spec{.node_labels = {"N"}, .edge_types = {"E"}, .directed = directed,
                            .weight_property = "w"};
    auto sliced = BuildSnapshot(*store->BeginRead(), spec);
    auto single = BuildSnapshot(**store->BeginWrite(), spec);
    ASSERT_TRUE(sliced.ok() && single.ok());
    const auto& a = (*sliced)->graph();
    const auto& b = (*single)->graph();
    ASSERT_EQ(a.vertex_count(), static_cast<VertexIndex>(kNodes));
    ASSERT_EQ(a.vertex_count(), b.vertex_count());
    ASSERT_EQ(a.arc_count(), b.arc_count());
    for (VertexIndex v = 0; v < a.vertex_count(); ++v) {
      auto na = a.out_neighbors(v);
      auto nb = b.out_neighbors(v);
      ASSERT_TRUE(std::equal(na.begin(), na.end(), nb.begin(), nb.end())) << "vertex " << v;
      auto wa = a.out_weights(v);
      auto wb = b.out_weights(v);
      ASSERT_TRUE(std::equal(wa.begin(), wa.end(), wb.begin(), wb.end())) << "vertex " << v;
    }
  }
}

}  // namespace
}  // namespace alliance
