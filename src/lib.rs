//! Peace plans as typed data, compared clause by clause.
//!
//! `peacediff` holds peace plans as a typed model: a [`Plan`] is an ordered list of
//! numbered [`Clause`]s, each with a neutral paraphrase, its sources and one or more
//! typed [`Provision`]s. A provision's [`Subject`] (`territory/crimea`,
//! `military/armed-forces-cap`) is the key on which plans are aligned, so that a cap
//! of 600,000 troops in one plan and 800,000 in another is a change of a number,
//! not of wording.
//!
//! The crate bundles Russia–Ukraine peace plans from Minsk II (2015) to the end of 2025 in
//! [`corpus`], as data paraphrased from public reporting, each clause with its sources and
//! confidence.
//!
//! # Loading plans
//!
//! ```
//! use peacediff::{corpus, Provision, Territory, TerritorySubject, TerritoryStatus};
//!
//! let april = corpus::get("witkoff-2025-04").unwrap();
//! let crimea = april
//!     .provisions()
//!     .find(|(_, p)| p.subject().to_string() == "territory/crimea")
//!     .map(|(_, p)| p.clone())
//!     .unwrap();
//! let Provision::Territory(Territory { status, .. }) = crimea else { unreachable!() };
//! assert_eq!(status, TerritoryStatus::RussianDeJure);
//! ```
//!
//! Plans of your own load from JSON with [`Plan::from_json`], [`Plan::from_reader`]
//! or [`Plan::from_path`]. Every loader validates, and every error names its place,
//! with the broken rule as its [`source`](std::error::Error::source):
//!
//! ```
//! let json = r#"{
//!   "id": "mine", "title": "My plan", "date": "2025-05-01", "completeness": "complete",
//!   "sources": [{"id": "S1", "outlet": "Example", "title": "Report",
//!                "url": "https://example.org/report", "date": "2025-05-01"}],
//!   "clauses": [
//!     {"id": "1", "text": "A ceasefire.", "sources": ["S1"], "confidence": "high",
//!      "provisions": [{"topic": "ceasefire", "subject": "terms", "kind": "permanent"}]},
//!     {"id": "1", "text": "Again.", "sources": ["S1"], "confidence": "high",
//!      "provisions": [{"topic": "other", "subject": "again", "summary": "Again."}]}
//!   ]
//! }"#;
//! let err = peacediff::Plan::from_json(json).unwrap_err();
//! assert_eq!(err.to_string(), "plan `mine`, at `clauses[1].id`");
//! let rule = std::error::Error::source(&err).unwrap();
//! assert_eq!(rule.to_string(), "duplicate id `1` (first used at index 0)");
//! ```
//!
//! # Building plans in code
//!
//! Each topic struct has a constructor taking its subject and required fields
//! (struct update syntax sets the others) and converts into a [`Provision`];
//! [`Plan`], [`Clause`], [`Source`], [`Note`] and [`Reading`] build with `new` and
//! `with_` methods, and [`Plan::validate`] applies the loader's rules:
//!
//! ```
//! use peacediff::*;
//!
//! let date: Date = "2025-12-01".parse()?;
//! let clause = |id: &str, text: &str, provision: Provision| {
//!     Clause::new(id, text, Confidence::High).with_provision(provision).with_source("S1")
//! };
//! let cap = Military { cap: Some(700_000), ..Military::new(MilitarySubject::ArmedForcesCap, MilitaryStance::Capped) };
//! let mine = Plan::new("mine", "My plan", date, Completeness::Complete)
//!     .with_source(Source::new("S1", "Example News", "A report", "https://example.org/a", date))
//!     .with_clause(clause("1", "Crimea stays Russian in fact.", Territory::new(TerritorySubject::Crimea, TerritoryStatus::RussianDeFacto).into()))
//!     .with_clause(clause("2", "No NATO membership.", Nato::new(NatoSubject::UkraineMembership, NatoStance::Renounced).into()))
//!     .with_clause(clause("3", "The army is capped at 700,000.", cap.into()));
//! mine.validate()?;
//!
//! let draft = corpus::get("us-28-point-2025-11").unwrap();
//! let changes = diff(draft, &mine);
//! let army = changes.provisions.iter().find(|p| p.subject.to_string() == "military/armed-forces-cap").unwrap();
//! assert_eq!(army.fields[0].after, Some(FieldValue::Number(700_000)));
//! assert_eq!(army.fields[0].to_string(), "cap: 600,000 → 700,000");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Comparing plans
//!
//! [`diff()`] tells what one plan changes against another, clause by clause and
//! provision by provision; the result applies and inverts. [`compare()`] sets any
//! number of plans side by side, one row per subject, with the groups of plans that
//! agree. [`align`] is the step both build on; [`Options`] tunes it for
//! [`diff_with`], [`compare_with`] and [`merge_with`]. With the `render` feature
//! (on by default) every result has a plain-text `Display`, and [`render`] turns
//! results and plans into terminal tables with colour, Markdown, JSON with a
//! versioned schema ([`render::json`]) and self-contained HTML, showing plan text
//! safely whatever it holds.
//!
//! ```
//! use peacediff::{compare, corpus, diff, RowStatus};
//!
//! let april = corpus::get("witkoff-2025-04").unwrap();
//! let counter = corpus::get("Kiloj Plan").unwrap();
//! let changes = diff(april, counter);
//! assert_eq!(changes.apply(april).unwrap(), *counter);
//! println!("{changes}");
//!
//! let table = compare(&[april, counter]).unwrap();
//! let kinburn = table.row("territory/kinburn-spit").unwrap();
//! assert_eq!(kinburn.status, RowStatus::Consensus);
//! ```
//!
//! # Merging and following a subject
//!
//! [`merge()`] combines two descendants of one draft over it, per subject and per
//! clause, and returns the merged plan with its conflicts as data;
//! [`Merge::resolve`] picks a side. [`evolution()`] follows one subject through
//! plans in date order. Plans known only in part ([`Completeness::Partial`]) are
//! silent on most subjects: see [`Plan::covers`] for how that silence is read as
//! *unknown*, not *absent*, by diffs, comparisons and merges.
//!
//! ```
//! use peacediff::{corpus, evolution, merge, MergeKind, StepKind, Subject};
//!
//! let [draft, geneva, e3] = ["us-28-point-2025-11", "geneva-revision-2025-11", "e3-counter-2025-11"]
//!     .map(|id| corpus::get(id).unwrap());
//! let merged = merge(draft, geneva, e3);
//! // Geneva and the E3 text both drop the amnesty.
//! assert_eq!(merged.subject("governance/amnesty").unwrap().kind, MergeKind::Both);
//!
//! let cap = Subject::parse("military/armed-forces-cap").unwrap();
//! let history = evolution(&cap, &[draft, e3]);
//! assert_eq!(history.steps[1].kind, StepKind::Amended);
//! ```
//!
//! # The JSON form
//!
//! A plan is an object with `id`, `title`, `aliases`, `date`, `sponsors`,
//! `completeness` (`complete` or `partial`), `summary`, `notes`, `sources` (an array
//! of `{id, outlet, title, url, date}`) and `clauses` (an array, in document order).
//! A clause has `id`, `number`, `text`, `provisions`, `sources` (ids), `confidence`
//! (`high`, `medium`, `low`), `notes` (each with `kind`, `text`, and optionally
//! `subjects`, `sources`, `confidence`) and `alternatives` (other readings that some
//! sources report: `{text, provisions, sources, confidence}`). A provision is tagged by `topic` and has a
//! `subject` slug plus its topic's fields; see [`Provision`]. Dates are written
//! `2025-04-25`, `2025-12` or `~2025-11-21` (approximate). Unknown fields are
//! rejected, so a misspelt field is an error rather than silently lost.
//!
//! # Subjects
//!
//! Every subject of the typed topics, as returned by [`known_subjects`]. Subjects are
//! public API and are never renamed silently. The `other` topic takes any kebab-case
//! slug (`other/fighter-jets`).
//!
#![doc = include_str!("subjects.md")]
//!
//! # Layers
//!
//! The modules form layers, each using only those below it: the model (plans,
//! clauses, provisions, subjects, sources, validation, and [`corpus`]), then the
//! alignment ([`align`]: subject rows and wording matching), then the results
//! ([`diff`](mod@diff), [`compare`](mod@compare), [`merge`](mod@merge),
//! [`evolution`](mod@evolution)), then [`render`], then [`synth`], [`laws`] and
//! [`testing`]. The project's tests check the order.
//!
//! # Features
//!
//! The model, the alignment and every result build with no feature at all; a crate
//! that only loads and diffs its own plans can turn the defaults off
//! (`default-features = false`).
//!
//! | Feature | Default | What it adds |
//! |---|---|---|
//! | `render` | yes | [`render`]: terminal, Markdown, JSON and HTML reports; `Display` for [`PlanDiff`], [`Comparison`], [`Merge`] and [`Evolution`]; the law [`laws::render_total`]. |
//! | `corpus` | yes | [`corpus`]: the bundled plans. |
//! | `cli` | no | The `peacediff` command (`cargo install peacediff --features cli`): `compare`, `diff`, `merge`, `evolution` and `plans`, as the example programs run them. |
//! | `proptest` | no | [`testing`]: proptest strategies for every model type, related plans with their true alignment, and `Arbitrary` impls. |
//!
//! The [`laws`] and the seeded generator [`synth`] need no feature.
//!
#![cfg_attr(feature = "proptest", doc = "")]
#![cfg_attr(feature = "proptest", doc = include_str!("testing.md"))]
#![forbid(unsafe_code)]
// No panics on any input: library code handles every case instead.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]
#![deny(missing_docs)]
#![warn(unreachable_pub)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod align;
mod cell;
pub mod compare;
#[cfg(feature = "corpus")]
#[cfg_attr(docsrs, doc(cfg(feature = "corpus")))]
pub mod corpus;
mod correspondence;
pub mod diff;
mod error;
pub mod evolution;
pub mod import;
pub mod laws;
mod matching;
pub mod merge;
mod model;
pub mod positions;
#[cfg(feature = "render")]
#[cfg_attr(docsrs, doc(cfg(feature = "render")))]
pub mod render;
pub mod synth;
#[cfg(feature = "proptest")]
#[cfg_attr(docsrs, doc(cfg(feature = "proptest")))]
pub mod testing;
mod text;
mod union_find;

pub use align::Options;
pub use compare::{Agreement, Comparison, ComparisonRow, RowStatus, SharedValue, compare, compare_with};
pub use diff::{
    ClauseChange, ClauseChangeKind, FieldChange, PlanDiff, ProvisionChange, ProvisionChangeKind, diff,
    diff_with,
};
pub use error::{Error, ParseError, Problem};
pub use evolution::{Evolution, Step, StepKind, evolution};
pub use merge::{ClauseMerge, Merge, MergeKind, Side, SubjectMerge, merge, merge_with};
pub use model::{
    Access, Ceasefire, CeasefireKind, CeasefireSubject, Clause, Completeness, Confidence, Currency, Date,
    Economy, EconomyStance, EconomySubject, Eu, EuStance, EuSubject, FieldValue, Governance,
    GovernanceStance, GovernanceSubject, GuaranteeCondition, GuaranteeForm, Guarantees, GuaranteesSubject,
    HumanitarianTerms, Lifting, Limits, Means, Military, MilitaryStance, MilitarySubject, Money, Monitoring,
    MonitoringSubject, Nato, NatoStance, NatoSubject, Navigation, NavigationSubject, Note, NoteKind, Nuclear,
    NuclearStance, NuclearSubject, Other, Party, Plan, PowerShare, Prisoners, PrisonersSubject, Provision,
    Reading, Sanctions, SanctionsScope, SanctionsSubject, Scope, Source, Subject, Territory, TerritoryStatus,
    TerritorySubject, Texts, Topic, Treaty, Trigger, known_subjects, ranges,
};
pub use positions::{PositionRow, Positions, Stated, Verdict, positions};

/// The README's examples run as doctests, so they cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
