//! The versioned JSON form of results.
//!
//! Every result type serialises with serde; [`to_json`] adds a top-level `schema`
//! field naming its kind and version, so that consumers can check what they read.
//!
//! | type | schema | fields besides `schema` |
//! |---|---|---|
//! | [`Comparison`] | `peacediff/comparison/2` | `plans` (ids in column order), `rows` (each with `subject`, `topic`, `status`, `groups`, and `cells` keyed by plan id: a list of entries `{clause, number, text, provision, confidence, sources, readings}` (`clause` the id, `sources` the clause's sources in full, `readings` other readings on the subject; the last two omitted when empty), empty where the plan lacks the subject; `absent` and `unknown`, when present: the ids of plans that leave the subject out and of partial plans silent on it), `matrix` (`{agreed, shared}` per pair of plans) |
//! | [`Merge`] | `peacediff/merge/2` | `base`, `ours`, `theirs` (plan ids), `subjects` (each with `subject`, `kind`, `base`, `ours`, `theirs`: lists of entries as in a comparison, `null` where a partial plan is silent; `fields`), `clauses` (each with `kind`, `base`, `ours`, `theirs`, `merged`: lists of clauses; `differs`), `plan` (the merged plan) |
//! | [`Evolution`] | `peacediff/evolution/2` | `subject`, `steps` (each with `plan`, `date`, `kind`, `entries` as in a comparison, `alternatives` (each with `entry`, `text`, `sources` in full, `confidence`), `changes`, `notes`) |
//! | [`PlanDiff`] | `peacediff/diff/1` | `from`, `to` (plan metadata), `clauses` (each with `kind`, `before`, `after`, `moved`, `renumbered`, `wording`), `provisions` (each with `subject`, `kind`, `before`, `after`, `fields`) |
//!
//! A comparison of two small plans, in full:
//!
//! ```
//! let json = r#"{
//!   "schema": "peacediff/comparison/2",
//!   "plans": ["a", "b"],
//!   "rows": [{
//!     "subject": "military/armed-forces-cap", "topic": "military", "status": "divergent",
//!     "groups": [["a"], ["b"]],
//!     "cells": {
//!       "a": [{"clause": "c6", "number": "6", "text": "The army is capped at 600,000.", "confidence": "high",
//!              "provision": {"topic": "military", "subject": "armed-forces-cap", "stance": "capped", "cap": 600000}}],
//!       "b": [{"clause": "c4", "number": "4", "text": "The army is capped at 800,000 in peacetime.", "confidence": "medium",
//!              "provision": {"topic": "military", "subject": "armed-forces-cap", "stance": "capped", "cap": 800000, "peacetime_only": true}}]
//!     }
//!   }],
//!   "matrix": [[{"agreed": 1, "shared": 1}, {"agreed": 0, "shared": 1}], [{"agreed": 0, "shared": 1}, {"agreed": 1, "shared": 1}]]
//! }"#;
//! let comparison: peacediff::Comparison = serde_json::from_str(json).unwrap();
//! assert_eq!(comparison.rows[0].groups.len(), 2);
//! let again: serde_json::Value = serde_json::from_str(&peacediff::render::json::to_json(&comparison)).unwrap();
//! assert_eq!(again, serde_json::from_str::<serde_json::Value>(json).unwrap());
//! ```

use serde::Serialize;

use crate::{Comparison, Evolution, Merge, PlanDiff};

/// A result type with a versioned JSON form.
pub trait Versioned: Serialize {
    /// The `schema` field's value: `peacediff/<kind>/<version>`.
    const SCHEMA: &'static str;
}

impl Versioned for Comparison {
    const SCHEMA: &'static str = "peacediff/comparison/2";
}

impl Versioned for PlanDiff<'_> {
    const SCHEMA: &'static str = "peacediff/diff/1";
}

impl Versioned for Merge {
    const SCHEMA: &'static str = "peacediff/merge/2";
}

impl Versioned for Evolution {
    const SCHEMA: &'static str = "peacediff/evolution/2";
}

/// The value's pretty-printed JSON with a leading `schema` field.
pub fn to_json<T: Versioned>(value: &T) -> String {
    #[derive(Serialize)]
    struct Tagged<'a, T> {
        schema: &'static str,
        #[serde(flatten)]
        value: &'a T,
    }
    // Result types hold only strings, numbers, sequences and string-keyed maps.
    serde_json::to_string_pretty(&Tagged {
        schema: T::SCHEMA,
        value,
    })
    .unwrap_or_default()
}
