# On-disk encoding of AllianceDB records (values of the `nodes`, `out` and `meta`
# column families). Keys are never Cap'n Proto: see storage/keys.h.
#
# DO NOT RENUMBER FIELDS: these ordinals are embedded in the on-disk data. New
# fields get new ordinals; old readers ignore them.
@0xaf9ab93a3469ad9f;

using Cxx = import "/capnp/c++.capnp";
$Cxx.namespace("alliance::records");

struct PropertyValue {
  union {
    null @0 :Void;
    bool @1 :Bool;
    int @2 :Int64;
    double @3 :Float64;
    string @4 :Text;
    boolList @5 :List(Bool);
    intList @6 :List(Int64);
    doubleList @7 :List(Float64);
    stringList @8 :List(Text);
  }
}

# Properties are sorted by key id so one property can be found by binary search
# without decoding the others.
struct Property {
  key @0 :UInt32;
  value @1 :PropertyValue;
}

struct NodeRecord {
  labels @0 :List(UInt32);       # sorted label ids
  properties @1 :List(Property);
}

struct EdgeRecord {
  properties @0 :List(Property);
}

struct PropertyDefRecord {
  name @0 :Text;
  type @1 :UInt8;                # alliance::Value::Type of the value or of each list element
  isList @2 :Bool;
  required @3 :Bool;
}

struct LabelDefRecord {
  name @0 :Text;
  keyProperty @1 :Text;          # unique, required; empty when the label has no key
  properties @2 :List(PropertyDefRecord);
  lookupProperties @3 :List(Text);  # non-unique indexed properties (name_ko, aliases)
}

struct EdgeTypeDefRecord {
  name @0 :Text;
  fromLabel @1 :Text;
  toLabel @2 :Text;
  properties @3 :List(PropertyDefRecord);
}

# The catalog: names of labels, property keys and edge types with their dense
# ids (the index in each list), and the declared schema.
struct CatalogRecord {
  enforced @0 :Bool;
  labelNames @1 :List(Text);
  propertyNames @2 :List(Text);
  edgeTypeNames @3 :List(Text);
  labels @4 :List(LabelDefRecord);
  edgeTypes @5 :List(EdgeTypeDefRecord);
}
