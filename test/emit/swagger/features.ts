/** A module using what example-jukebox and dhcp do not: every built-in type, choice, action, anydata... */
export const FEATURES_YANG = `module features {
  yang-version 1.1;
  namespace "urn:example:features";
  prefix f;

  identity animal;
  identity cat { base animal; }
  identity dog { base animal; }

  typedef percent {
    type uint8 { range "0..100"; }
    description "A percentage.";
  }

  container top {
    leaf i64 { type int64; }
    leaf u64 { type uint64; }
    leaf d64 { type decimal64 { fraction-digits 2; } default "1.50"; }
    leaf flag { type empty; }
    leaf color { type enumeration { enum red; enum green; } default "green"; }
    leaf pet { type identityref { base animal; } default "f:dog"; }
    leaf opts { type bits { bit fast; bit safe.mode; } }
    leaf blob { type binary; }
    leaf word {
      type string {
        length "1..8";
        pattern "[a-z]+";
        pattern "x.*" { modifier invert-match; }
      }
      mandatory true;
    }
    leaf limit { type union { type int32; type enumeration { enum none; } } default "none"; }
    leaf cap { type union { type uint8; type enumeration { enum unlimited; } } }
    leaf pct { type percent; }
    leaf i32 { type int32 { range "-5..5 | 10..20"; } }
    leaf ref { type leafref { path "../i32"; } }
    choice transport {
      case tcp { leaf port { type uint16; mandatory true; } }
      leaf local { type string; }
    }
    anydata extra;
    leaf status { type string; config false; }
    leaf legacy { type string; status deprecated; }
    list entry {
      key "k1 k2";
      ordered-by user;
      leaf k1 { type string; }
      leaf k2 { type uint8; }
      action reset {
        input { leaf delay { type uint16; } }
        output { leaf done { type boolean; } }
      }
      list entry {
        key "k1";
        leaf k1 { type string; }
      }
    }
  }

  rpc ping;
}
`;

/** Augments `features` from another namespace: its nodes are qualified where the namespace changes. */
export const AUGMENTING_YANG = `module features-ext {
  yang-version 1.1;
  namespace "urn:example:features-ext";
  prefix fx;
  import features { prefix f; }

  augment "/f:top/f:entry" {
    container tuning {
      leaf level { type uint8; default "3"; }
    }
  }
}
`;
