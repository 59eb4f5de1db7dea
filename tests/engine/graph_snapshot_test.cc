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

}  // namespace
}  // namespace alliance
