//! The versioned JSON form of results, written as it is made and read back with
//! its schema checked.
//!
//! [`write()`] streams a result's JSON to any writer; [`to_json`] gives the same
//! bytes as a string, as [`Render`](super::Render) does for
//! [`Format::Json`](super::Format::Json); [`from_json`] reads a result back. The
//! JSON is pretty-printed and ends with one newline. Its first field, `schema`,
//! names the result's kind and version, and a reader refuses JSON without it or
//! with another one ([`Error::Schema`]) before reading anything else: a changed
//! form gets a new version.
//!
//! | type | schema | fields besides `schema` |
//! |---|---|---|
//! | [`Comparison`] | `peacediff/comparison/2` | `plans` (ids in column order), `rows` (each with `subject`, `topic`, `status`, `groups`, and `cells` keyed by plan id: a list of entries `{clause, number, text, provision, confidence, sources, readings, unknown}` (`clause` the id, `sources` the clause's sources in full, `readings` other readings or competing proposals on the subject, each with `proposed_by` when a party's proposal, `unknown` the provision's fields no source gives; the last three omitted when empty), empty where the plan lacks the subject; `absent` and `unknown`, when present: the ids of plans that leave the subject out and of partial plans silent on it; `absences`, when present: per plan id the notes saying it leaves the subject out, each `{text, sources, confidence}`; `shared`, when present: the field values plans of different groups share, each `{field, value, item, plans}`, `item` true when the value is one item of a list field), `matrix` (`{agreed, shared}` per pair of plans) |
//! | [`PlanDiff`] | `peacediff/diff/2` | `from`, `to` (the plans' headers: a plan file's fields but `clauses`, none left out), `clauses` (clause changes in the new plan's order), `provisions` (provision changes by subject): see below |
//! | [`Merge`] | `peacediff/merge/2` | `base`, `ours`, `theirs` (plan ids), `subjects` (each with `subject`, `kind`, `base`, `ours`, `theirs`: lists of entries as in a comparison, `ours` and `theirs` `null` where a partial plan is silent; `differs`: the field paths a conflict differs on), `clauses` (each with `kind`, `base`, `ours`, `theirs`, `merged`: lists of clauses; `differs`), `plan` (the merged plan) |
//! | [`Positions`](crate::Positions) | `peacediff/positions/1` | `plans` (assessed ids), `parties` (each with `party` and `plans`: `{id, title, date}` of its stated plans), `rows` (each with `subject`, `topic`, `stated`: per party `{party, positions}`, the entries of each stated plan that speaks to it, keyed by plan id; `plans`: per assessed plan id `{entries, unknown, standings}`, each standing `{party, verdict, against, sharing}` with `verdict` one of `matches`, `differs`, `leaves_open` and `sharing`, when present, the values a differing plan shares with the stated plans, as in comparisons), `summary` (per plan id, `[party, {matches, differs, leaves_open}]` pairs) |
//! | [`Evolution`] | `peacediff/evolution/2` | `subject`, `steps` (each with `plan`, `date`, `kind`, `entries` as in a comparison, `alternatives` (each with `entry`, `text`, `sources` in full, `confidence`), `changes`, `notes`) |
//!
//! Plans, clauses, provisions, sources and notes are written as in a plan file
//! ([`Plan::from_json`](crate::Plan::from_json) reads it): a clause leaves out
//! `number` when it has none and `notes` and `alternatives` when empty; a plan
//! leaves out empty `aliases` and `notes`; a provision leaves out the fields it
//! does not state (an absent value, an empty list, a `false` flag). Result fields
//! are always written unless said otherwise.
//!
//! # The diff: `peacediff/diff/2`
//!
//! Every clause of both plans is written in full once; everything else refers to it.
//!
//! - A **clause in full** is its place, `index` (its position in its plan's
//!   clauses, from 0), `id` and `number` (left out when the clause has none),
//!   followed by the rest of the clause as in a plan file: `text`, `provisions`,
//!   `sources`, `confidence`, and `notes` and `alternatives` when not empty.
//! - A **clause ref** is the place alone: `{"index": 1, "id": "truce", "number": "2"}`.
//! - A **clause change** has `kind` (`unchanged`, `substituted`, `inserted`,
//!   `repealed`, `split`, `joined`, `regrouped` or `unknown`), `before` (the old
//!   plan's clauses of the group, empty for an insertion) and `after` (the new
//!   plan's, empty for a repeal), `moved`, `renumbered`, and `wording`, left out when
//!   the texts are the same. The new clause of an `unchanged` group is a ref: it
//!   equals the old clause but for its id and number. Every other clause is written
//!   in full, so that the diff applies and inverts from its JSON alone.
//! - **`wording`** is the word diff of the group's old texts (joined by spaces)
//!   against its new ones: runs `{"tag", "text"}` whose `tag` is `equal`, `delete`
//!   or `insert`. The `equal` and `delete` runs in order spell the old text, the
//!   `equal` and `insert` runs the new; no run is empty. It is derived from the
//!   texts, and ignored when read back.
//! - A **provision change** has `subject`, `kind` (`unchanged`, `reworded`,
//!   `amended`, `added`, `removed` or `unknown`), `before` and `after` (placed
//!   provisions, `null` where that plan has none) and `fields`; an `added` or
//!   `removed` one also has `absences` when the plan without the provision notes
//!   that it leaves the subject out: `{text, sources, confidence}` as in
//!   comparisons.
//! - A **placed provision** is `{"clause": "army", "provision": 0}`: the provision
//!   at that index (from 0) in the clause of that id, in the old plan for `before`,
//!   the new for `after`. A provision its clause does not hold (only a diff edited
//!   in code has one) is written whole in place of the index.
//! - A **field change** is `{"path", "before", "after"}`: the dotted path of a
//!   typed field (`cap`, `amount.billions`) and its values, `null` where that side
//!   leaves the field unstated. A value is a number, a string (a vocabulary word or
//!   a party, by its JSON name), `true` or `false`, a list of values, or an object
//!   of named values (an amount of money).
//!
//! In a diff, `clause` is always a clause's id, `number` a clause's number and
//! `index` a position in a plan's clauses.
//!
//! A diff in full: plan `b` inserts an elections clause before the others,
//! renumbers the ceasefire clause and raises the cap.
//!
//! ```
//! use peacediff::{PlanDiff, render::json};
//!
//! let json = r#"{
//!   "schema": "peacediff/diff/2",
//!   "from": {"id": "a", "title": "Plan a", "aliases": [], "date": "2025-01-01", "sponsors": [],
//!            "completeness": "complete", "summary": "", "notes": [],
//!            "sources": [{"id": "s1", "outlet": "Example News", "title": "The plan",
//!                         "url": "https://example.org/plan", "date": "2025-01-01"}]},
//!   "to": {"id": "b", "title": "Plan b", "aliases": [], "date": "2025-02-01", "sponsors": [],
//!          "completeness": "complete", "summary": "", "notes": [],
//!          "sources": [{"id": "s1", "outlet": "Example News", "title": "The plan",
//!                       "url": "https://example.org/plan", "date": "2025-01-01"}]},
//!   "clauses": [
//!     {"kind": "inserted", "before": [],
//!      "after": [{"index": 0, "id": "vote", "number": "1", "text": "Elections are held within 100 days.",
//!                 "provisions": [{"topic": "governance", "subject": "elections", "stance": "required", "within_days": 100}],
//!                 "sources": ["s1"], "confidence": "low"}],
//!      "moved": false, "renumbered": false,
//!      "wording": [{"tag": "insert", "text": "Elections are held within 100 days."}]},
//!     {"kind": "unchanged",
//!      "before": [{"index": 0, "id": "truce", "number": "1", "text": "All fighting stops.",
//!                  "provisions": [{"topic": "ceasefire", "subject": "terms", "kind": "permanent"}],
//!                  "sources": ["s1"], "confidence": "high"}],
//!      "after": [{"index": 1, "id": "truce", "number": "2"}],
//!      "moved": false, "renumbered": true},
//!     {"kind": "substituted",
//!      "before": [{"index": 1, "id": "army", "number": "2", "text": "The armed forces are capped at 600,000.",
//!                  "provisions": [{"topic": "military", "subject": "armed-forces-cap", "stance": "capped", "cap": 600000}],
//!                  "sources": ["s1"], "confidence": "medium"}],
//!      "after": [{"index": 2, "id": "army", "number": "3", "text": "The armed forces are capped at 800,000 in peacetime.",
//!                 "provisions": [{"topic": "military", "subject": "armed-forces-cap", "stance": "capped", "cap": 800000,
//!                                 "peacetime_only": true}],
//!                 "sources": ["s1"], "confidence": "medium"}],
//!      "moved": false, "renumbered": true,
//!      "wording": [{"tag": "equal", "text": "The armed forces are capped at "},
//!                  {"tag": "delete", "text": "600,000."},
//!                  {"tag": "insert", "text": "800,000 in peacetime."}]}
//!   ],
//!   "provisions": [
//!     {"subject": "ceasefire/terms", "kind": "unchanged",
//!      "before": {"clause": "truce", "provision": 0}, "after": {"clause": "truce", "provision": 0}, "fields": []},
//!     {"subject": "military/armed-forces-cap", "kind": "amended",
//!      "before": {"clause": "army", "provision": 0}, "after": {"clause": "army", "provision": 0},
//!      "fields": [{"path": "cap", "before": 600000, "after": 800000},
//!                 {"path": "peacetime_only", "before": null, "after": true}]},
//!     {"subject": "governance/elections", "kind": "added",
//!      "before": null, "after": {"clause": "vote", "provision": 0}, "fields": []}
//!   ]
//! }"#;
//! let d: PlanDiff = json::from_json(json)?;
//! // The ref stands for the old clause with the new number.
//! let truce = &d.clauses[1].after[0];
//! assert_eq!((truce.clause.text.as_str(), truce.clause.number.as_deref()), ("All fighting stops.", Some("2")));
//! // A placed provision is the provision it points at.
//! let cap = d.provisions[1].after.as_ref().unwrap();
//! assert_eq!(cap.provision.brief(), "capped · cap: 800,000 · peacetime only");
//! // Written again, wording recomputed, it is the same JSON.
//! let again: serde_json::Value = serde_json::from_str(&json::to_json(&d))?;
//! assert_eq!(again, serde_json::from_str::<serde_json::Value>(json)?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Comparisons, merges and evolutions
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
//!
//! A merge of two edits of one cap, in conflict:
//!
//! ```
//! use peacediff::{Merge, MergeKind, render::json};
//!
//! let json = r#"{
//!   "schema": "peacediff/merge/2",
//!   "base": "a", "ours": "b", "theirs": "c",
//!   "subjects": [{
//!     "subject": "military/armed-forces-cap", "kind": "conflict",
//!     "base": [{"clause": "army", "number": "2", "text": "The armed forces are capped at 600,000.", "confidence": "medium",
//!               "provision": {"topic": "military", "subject": "armed-forces-cap", "stance": "capped", "cap": 600000}}],
//!     "ours": [{"clause": "army", "number": "3", "text": "The armed forces are capped at 800,000 in peacetime.", "confidence": "medium",
//!               "provision": {"topic": "military", "subject": "armed-forces-cap", "stance": "capped", "cap": 800000, "peacetime_only": true}}],
//!     "theirs": [{"clause": "army", "number": "2", "text": "The armed forces are capped at 600,000.", "confidence": "medium",
//!                 "provision": {"topic": "military", "subject": "armed-forces-cap", "stance": "capped", "cap": 700000}}],
//!     "differs": ["cap", "peacetime_only"]
//!   }],
//!   "clauses": [{
//!     "kind": "conflict",
//!     "base": [{"id": "army", "number": "2", "text": "The armed forces are capped at 600,000.", "sources": ["s1"], "confidence": "medium",
//!               "provisions": [{"topic": "military", "subject": "armed-forces-cap", "stance": "capped", "cap": 600000}]}],
//!     "ours": [{"id": "army", "number": "3", "text": "The armed forces are capped at 800,000 in peacetime.", "sources": ["s1"], "confidence": "medium",
//!               "provisions": [{"topic": "military", "subject": "armed-forces-cap", "stance": "capped", "cap": 800000, "peacetime_only": true}]}],
//!     "theirs": [{"id": "army", "number": "2", "text": "The armed forces are capped at 600,000.", "sources": ["s1"], "confidence": "medium",
//!                 "provisions": [{"topic": "military", "subject": "armed-forces-cap", "stance": "capped", "cap": 700000}]}],
//!     "merged": [{"id": "army", "number": "2", "text": "The armed forces are capped at 600,000.", "sources": ["s1"], "confidence": "medium",
//!                 "provisions": [{"topic": "military", "subject": "armed-forces-cap", "stance": "capped", "cap": 600000}],
//!                 "notes": [{"kind": "conflict", "subjects": ["military/armed-forces-cap"], "text": "The sides differ."}]}],
//!     "differs": ["military/armed-forces-cap"]
//!   }],
//!   "plan": {
//!     "id": "b+c", "title": "Plan b + Plan c", "date": "2025-03-01", "sponsors": [], "completeness": "complete", "summary": "",
//!     "sources": [{"id": "s1", "outlet": "Example News", "title": "The plan", "url": "https://example.org/plan", "date": "2025-01-01"}],
//!     "clauses": [{"id": "army", "number": "2", "text": "The armed forces are capped at 600,000.", "sources": ["s1"], "confidence": "medium",
//!                  "provisions": [{"topic": "military", "subject": "armed-forces-cap", "stance": "capped", "cap": 600000}],
//!                  "notes": [{"kind": "conflict", "subjects": ["military/armed-forces-cap"], "text": "The sides differ."}]}]
//!   }
//! }"#;
//! let merged: Merge = json::from_json(json)?;
//! assert_eq!(merged.subjects[0].kind, MergeKind::Conflict);
//! let again: serde_json::Value = serde_json::from_str(&json::to_json(&merged))?;
//! assert_eq!(again, serde_json::from_str::<serde_json::Value>(json)?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The cap through two plans, the second reported two ways:
//!
//! ```
//! use peacediff::{Evolution, StepKind, render::json};
//!
//! let json = r#"{
//!   "schema": "peacediff/evolution/2",
//!   "subject": "military/armed-forces-cap",
//!   "steps": [
//!     {"plan": "a", "date": "2025-01-01", "kind": "added",
//!      "entries": [{"clause": "army", "number": "2", "text": "The armed forces are capped at 600,000.", "confidence": "high",
//!                   "provision": {"topic": "military", "subject": "armed-forces-cap", "stance": "capped", "cap": 600000}}],
//!      "alternatives": [], "changes": [], "notes": []},
//!     {"plan": "b", "date": "2025-02-01", "kind": "amended",
//!      "entries": [{"clause": "army", "number": "3", "text": "The armed forces are capped at 800,000 in peacetime.", "confidence": "medium",
//!                   "provision": {"topic": "military", "subject": "armed-forces-cap", "stance": "capped", "cap": 800000, "peacetime_only": true},
//!                   "sources": [{"id": "s1", "outlet": "Example News", "title": "The plan", "url": "https://example.org/plan", "date": "2025-02-01"}]}],
//!      "alternatives": [{"entry": {"clause": "army", "number": "3", "text": "The armed forces are capped at 800,000 in peacetime.", "confidence": "medium",
//!                                  "provision": {"topic": "military", "subject": "armed-forces-cap", "stance": "unrestricted"}},
//!                        "text": "Other reports say the cap was dropped.",
//!                        "sources": [{"id": "s2", "outlet": "Other News", "title": "Cap dropped", "url": "https://example.org/cap", "date": "2025-02-02"}],
//!                        "confidence": "low"}],
//!      "changes": [{"path": "cap", "before": 600000, "after": 800000},
//!                  {"path": "peacetime_only", "before": null, "after": true}],
//!      "notes": []}
//!   ]
//! }"#;
//! let history: Evolution = json::from_json(json)?;
//! assert_eq!(history.steps[1].kind, StepKind::Amended);
//! let again: serde_json::Value = serde_json::from_str(&json::to_json(&history))?;
//! assert_eq!(again, serde_json::from_str::<serde_json::Value>(json)?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
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
    const SCHEMA: &'static str = "peacediff/comparison/2";
}

impl Versioned for PlanDiff<'_> {
    const SCHEMA: &'static str = "peacediff/diff/2";
}

impl Versioned for Merge {
    const SCHEMA: &'static str = "peacediff/merge/2";
}

impl Versioned for Evolution {
    const SCHEMA: &'static str = "peacediff/evolution/2";
}

impl Versioned for crate::Positions {
    const SCHEMA: &'static str = "peacediff/positions/1";
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

/// Writes any value as [`write()`] does, without a schema.
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

/// The value's JSON as [`write()`] writes it, and as
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
/// assert_eq!(err.to_string(), "expected schema `peacediff/comparison/2`, found `peacediff/diff/2`");
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
