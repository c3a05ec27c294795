//! The versioned JSON form of results.
//!
//! Every result type serialises with serde; [`to_json`] adds a top-level `schema`
//! field naming its kind and version, so that consumers can check what they read.
//!
//! | type | schema | fields besides `schema` |
//! |---|---|---|
//! | [`Comparison`] | `peacediff/comparison/1` | `plans` (ids in column order), `rows` (each with `subject`, `topic`, `status`, `groups`, and `cells` keyed by plan id: a list of `{clause, provision}`, empty where the plan lacks the subject; and `unknown`, when present: the ids of partial plans silent on the subject), `matrix` |
//! | [`Merge`] | `peacediff/merge/1` | `base`, `ours`, `theirs` (plan ids), `subjects` (each with `subject`, `kind`, `base`, `ours`, `theirs`: lists of `{clause, provision}`, `null` where a partial plan is silent; `fields`), `clauses` (each with `kind`, `base`, `ours`, `theirs`, `merged`: lists of clauses; `differs`), `plan` (the merged plan) |
//! | [`Evolution`] | `peacediff/evolution/1` | `subject`, `steps` (each with `plan`, `date`, `kind`, `entries`, `alternatives`, `changes`, `notes`) |
//! | [`PlanDiff`] | `peacediff/diff/1` | `from`, `to` (plan metadata), `clauses` (each with `kind`, `before`, `after`, `moved`, `renumbered`, `wording`), `provisions` (each with `subject`, `kind`, `before`, `after`, `fields`) |
//!
//! A comparison of two small plans, in full:
//!
//! ```
//! let json = r#"{
//!   "schema": "peacediff/comparison/1",
//!   "plans": ["a", "b"],
//!   "rows": [{
//!     "subject": "military/armed-forces-cap", "topic": "military", "status": "divergent",
//!     "groups": [["a"], ["b"]],
//!     "cells": {
//!       "a": [{"clause": "6", "provision": {"topic": "military", "subject": "armed-forces-cap", "stance": "capped", "cap": 600000}}],
//!       "b": [{"clause": "4", "provision": {"topic": "military", "subject": "armed-forces-cap", "stance": "capped", "cap": 800000, "peacetime_only": true}}]
//!     }
//!   }],
//!   "matrix": [[1.0, 0.0], [0.0, 1.0]]
//! }"#;
//! let comparison: peacediff::Comparison = serde_json::from_str(json).unwrap();
//! assert_eq!(comparison.rows[0].groups.len(), 2);
//! let again: serde_json::Value = serde_json::from_str(&peacediff::render::json::to_json(&comparison)).unwrap();
//! assert_eq!(again, serde_json::from_str::<serde_json::Value>(json).unwrap());
//! ```

use std::borrow::Cow;
use std::io::{self, Write as _};

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::{Comparison, Error, Evolution, Merge, PlanDiff};

/// A result type with a versioned JSON form.
pub trait Versioned: Serialize {
    /// The `schema` field's value: `peacediff/<kind>/<version>`.
    const SCHEMA: &'static str;
}

impl Versioned for Comparison {
    const SCHEMA: &'static str = "peacediff/comparison/1";
}

impl Versioned for PlanDiff<'_> {
    const SCHEMA: &'static str = "peacediff/diff/2";
}

impl Versioned for Merge {
    const SCHEMA: &'static str = "peacediff/merge/1";
}

impl Versioned for Evolution {
    const SCHEMA: &'static str = "peacediff/evolution/1";
}

/// The value with its schema first, as written.
#[derive(Serialize)]
struct Tagged<'a, T> {
    schema: &'static str,
    #[serde(flatten)]
    value: &'a T,
}

/// Writes the value's pretty-printed JSON, with a leading `schema` field and a
/// final newline, to `out` as it is made, through a buffer: the whole text is
/// never held, and a diff's wording is computed clause change by clause change.
///
/// ```
/// use peacediff::{corpus, diff, render::json};
///
/// let d = diff(corpus::get("witkoff-2025-04").unwrap(), corpus::get("us-28-point-2025-11").unwrap());
/// let mut out = Vec::new();
/// json::write(&d, &mut out)?;
/// assert_eq!(out, json::to_json(&d).into_bytes());
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn write<T: Versioned>(value: &T, out: impl io::Write) -> io::Result<()> {
    write_value(
        &Tagged {
            schema: T::SCHEMA,
            value,
        },
        out,
    )
}

/// Writes any value as [`write`] does, without a schema.
pub(crate) fn write_value<T: Serialize + ?Sized>(value: &T, out: impl io::Write) -> io::Result<()> {
    // serde_json writes in small pieces: a buffer turns them into few writes.
    let mut out = io::BufWriter::new(out);
    write_unbuffered(value, &mut out)?;
    out.flush()
}

fn write_unbuffered<T: Serialize + ?Sized>(value: &T, mut out: impl io::Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut out, value)?;
    out.write_all(b"\n")
}

/// The value's JSON as [`write`] writes it, and as
/// [`Render::render`](super::Render::render) gives it for [`Format::Json`](super::Format::Json).
pub fn to_json<T: Versioned>(value: &T) -> String {
    let mut bytes = Vec::new();
    // Writing to memory fails only if serialising does, and result types hold only
    // strings, numbers, sequences and string-keyed maps; serde_json writes UTF-8.
    let tagged = Tagged {
        schema: T::SCHEMA,
        value,
    };
    match write_unbuffered(&tagged, &mut bytes) {
        Ok(()) => String::from_utf8(bytes).unwrap_or_default(),
        Err(_) => String::new(),
    }
}

/// Reads a result from its JSON, refusing JSON whose `schema` field is missing or
/// names another kind or version ([`Error::Schema`]). Other errors are
/// [`Error::Parse`], with the line, column and path of the offending value.
///
/// ```
/// use peacediff::{Comparison, Error, PlanDiff, corpus, diff, render::json};
///
/// let (april, november) = (corpus::get("witkoff-2025-04").unwrap(), corpus::get("us-28-point-2025-11").unwrap());
/// let d = diff(april, november);
/// let read: PlanDiff<'static> = json::from_json(&json::to_json(&d))?;
/// assert_eq!(read, d);
/// assert_eq!(&read.invert().apply(november)?, april);
///
/// let err = json::from_json::<Comparison>(&json::to_json(&d)).unwrap_err();
/// assert_eq!(err.to_string(), "expected schema `peacediff/comparison/1`, found `peacediff/diff/2`");
/// assert!(matches!(err, Error::Schema { .. }));
/// # Ok::<(), Error>(())
/// ```
pub fn from_json<T: Versioned + DeserializeOwned>(json: &str) -> Result<T, Error> {
    #[derive(serde::Deserialize)]
    #[serde(expecting = "a JSON object with a `schema` field")]
    struct Tag<'a> {
        #[serde(borrow, default)]
        schema: Option<Cow<'a, str>>,
    }
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    // The schema is read first, so that a result of another kind is named as such
    // rather than by the first field it lacks.
    let tag: Tag = parse(json)?;
    if tag.schema.as_deref() != Some(T::SCHEMA) {
        return Err(Error::Schema {
            file: None,
            expected: T::SCHEMA,
            found: tag.schema.map(Cow::into_owned),
        });
    }
    parse(json)
}

fn parse<'de, T: serde::Deserialize<'de>>(json: &'de str) -> Result<T, Error> {
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(Error::parse)?;
    deserializer.end().map_err(Error::trailing)?;
    Ok(value)
}
