//! Two-plan diff: what plan B changes against plan A, clause by clause and
//! provision by provision. A diff applies and inverts.
//!
//! ```
//! use peacediff::{corpus, diff, ClauseChangeKind, ProvisionChangeKind};
//!
//! let april = corpus::get("witkoff-2025-04").unwrap();
//! let november = corpus::get("us-28-point-2025-11").unwrap();
//! let d = diff(april, november);
//!
//! // Crimea: recognised de jure in April, de facto in point 21a.
//! let crimea = d.provisions.iter().find(|c| c.subject.to_string() == "territory/crimea").unwrap();
//! assert_eq!(crimea.kind, ProvisionChangeKind::Amended);
//! assert_eq!(crimea.fields[0].path, "status");
//!
//! // The diff turns April into November, and its inverse turns it back.
//! assert_eq!(&d.apply(april).unwrap(), november);
//! assert_eq!(&d.invert().apply(november).unwrap(), april);
//! ```
//!
//! # Clause changes
//!
//! Clauses correspond in three ways. A subject with one provision in each plan
//! links the two clauses that hold it, whatever their wording. Other clauses pair
//! one to one by wording, anchored in the order of both plans (see the
//! [`align`](mod@crate::align) module docs), when they share a subject or one of
//! them is untyped: where a subject has several clauses on a side, the wording and
//! the order decide which is which, not the order of equal values. A clause left
//! without partner is part of a split or a join only when the wording says so:
//! at least half of its words stand in the whole, and it adds to the whole at
//! least a fifth of what its paired neighbour leaves out. Provisions pair inside
//! linked clauses (an equal value first, then the closest one); provisions left in
//! clauses with no link pair with those at the corresponding place of the other
//! plan (between the same two clause pairs that keep the order), their clauses
//! forming one group; any other is an addition or a removal.
//!
//! Connected groups of
//! corresponding clauses give the clause changes, in the vocabulary of legal change
//! tracking: one clause to one is [unchanged](ClauseChangeKind::Unchanged) or a
//! [substitution](ClauseChangeKind::Substituted); one to several is a
//! [split](ClauseChangeKind::Split), several to one a [join](ClauseChangeKind::Joined),
//! several to several a [regrouping](ClauseChangeKind::Regrouped); a clause
//! without counterpart is an [insertion](ClauseChangeKind::Inserted) or a
//! [repeal](ClauseChangeKind::Repealed). A group is marked `moved` when it
//! leaves the order the other groups keep (it is on no longest common ordering of
//! the two plans), whether or not it was also edited.
//!
//! # Partial plans: unknown is not absent
//!
//! A plan known only in part ([`Completeness::Partial`]) is silent on most
//! subjects. Where one plan has a provision and the other is partial and does not
//! [cover](Plan::covers) its subject, the change is [`Unknown`](ProvisionChangeKind::Unknown),
//! not an addition or a removal; a clause without counterpart whose subjects the
//! other plan is silent on is [`Unknown`](ClauseChangeKind::Unknown) too. A partial
//! plan that covers a subject states its whole position on it. The diff
//! still applies exactly: an unknown change carries the clause like an insertion or a repeal.

use std::borrow::Cow;
use std::collections::BTreeMap;

use foldhash::{HashMap, HashMapExt};
use serde::{Deserialize, Serialize};
use similar::{Algorithm, ChangeTag, TextDiff};

use crate::align::{self, Options, ProvisionRef};
pub use crate::cell::FieldChange;
use crate::cell::field_changes;
use crate::correspondence::{Correspondence, correspond};
use crate::model::Silence;
use crate::model::keyword::keywords;
use crate::union_find::UnionFind;
use crate::{Clause, Completeness, Date, Error, Note, Party, Plan, Provision, Source, Subject, Topic};

keywords! {
    /// How a group of corresponding clauses changed.
    pub enum ClauseChangeKind: "clause change" {
        Unchanged = "unchanged": "The same clause, perhaps renumbered or moved.",
        Substituted = "substituted": "One clause replaced by an edited version of itself.",
        Inserted = "inserted": "A clause with no counterpart in the old plan.",
        Repealed = "repealed": "A clause with no counterpart in the new plan.",
        Split = "split": "One clause became several.",
        Joined = "joined": "Several clauses became one.",
        Regrouped = "regrouped": "Several clauses became several others.",
        Unknown = "unknown": "A clause with no counterpart in a partial plan that is silent on its subjects.",
    }
}

impl ClauseChangeKind {
    fn inverse(self) -> Self {
        match self {
            Self::Inserted => Self::Repealed,
            Self::Repealed => Self::Inserted,
            Self::Split => Self::Joined,
            Self::Joined => Self::Split,
            other => other,
        }
    }
}

keywords! {
    /// How a provision changed.
    pub enum ProvisionChangeKind: "provision change" {
        Unchanged = "unchanged": "The same typed value in clauses of the same wording.",
        Reworded = "reworded": "The same typed value, other wording.",
        Amended = "amended": "Typed fields differ; each change is listed.",
        Added = "added": "Only the new plan has it.",
        Removed = "removed": "Only the old plan has it.",
        Unknown = "unknown": "Only one plan has it; the other is partial and silent on the subject.",
    }
}

impl ProvisionChangeKind {
    fn inverse(self) -> Self {
        match self {
            Self::Added => Self::Removed,
            Self::Removed => Self::Added,
            other => other,
        }
    }
}

/// Whether a word was kept, inserted or deleted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WordTag {
    /// In both texts.
    Equal,
    /// Only in the new text.
    Insert,
    /// Only in the old text.
    Delete,
}

/// A run of words of a wording diff.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WordChange {
    /// Kept, inserted or deleted.
    pub tag: WordTag,
    /// The words, with their spacing.
    pub text: String,
}

/// The word-level diff of two texts, with runs of the same tag merged and, in each
/// changed stretch, deletions before insertions.
pub fn word_diff(before: &str, after: &str) -> Vec<WordChange> {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_words(before, after);
    let changes = diff.iter_all_changes().map(|change| {
        let tag = match change.tag() {
            ChangeTag::Equal => WordTag::Equal,
            ChangeTag::Insert => WordTag::Insert,
            ChangeTag::Delete => WordTag::Delete,
        };
        WordChange {
            tag,
            text: change.value().to_owned(),
        }
    });
    normalise(changes)
}

fn normalise(changes: impl IntoIterator<Item = WordChange>) -> Vec<WordChange> {
    let mut out: Vec<WordChange> = Vec::new();
    let (mut deleted, mut inserted) = (String::new(), String::new());
    // Spacing between two changed words belongs to the change, so that a
    // rewritten phrase reads as one deletion and one insertion.
    let mut spacing = String::new();
    let flush = |out: &mut Vec<WordChange>, deleted: &mut String, inserted: &mut String| {
        for (tag, text) in [(WordTag::Delete, deleted), (WordTag::Insert, inserted)] {
            if !text.is_empty() {
                out.push(WordChange {
                    tag,
                    text: std::mem::take(text),
                });
            }
        }
    };
    let equal = |out: &mut Vec<WordChange>, text: &str| match out.last_mut() {
        Some(last) if last.tag == WordTag::Equal => last.text.push_str(text),
        _ => out.push(WordChange {
            tag: WordTag::Equal,
            text: text.to_owned(),
        }),
    };
    for change in changes {
        let changing = !deleted.is_empty() || !inserted.is_empty();
        match change.tag {
            WordTag::Delete | WordTag::Insert => {
                if changing {
                    deleted.push_str(&spacing);
                    inserted.push_str(&spacing);
                } else {
                    equal(&mut out, &spacing);
                }
                spacing.clear();
                let buffer = if change.tag == WordTag::Delete {
                    &mut deleted
                } else {
                    &mut inserted
                };
                buffer.push_str(&change.text);
            }
            WordTag::Equal if changing && change.text.trim().is_empty() => spacing.push_str(&change.text),
            WordTag::Equal => {
                flush(&mut out, &mut deleted, &mut inserted);
                equal(&mut out, &spacing);
                spacing.clear();
                equal(&mut out, &change.text);
            }
        }
    }
    flush(&mut out, &mut deleted, &mut inserted);
    if !spacing.is_empty() {
        equal(&mut out, &spacing);
    }
    out
}

/// A clause at its position in a plan, borrowed from the plan or owned.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PlacedClause<'a> {
    /// Its index in [`Plan::clauses`].
    pub index: usize,
    /// The clause.
    pub clause: Cow<'a, Clause>,
}

impl PlacedClause<'_> {
    /// The same clause, owned.
    pub fn into_owned(self) -> PlacedClause<'static> {
        PlacedClause {
            index: self.index,
            clause: Cow::Owned(self.clause.into_owned()),
        }
    }
}

/// A group of corresponding clauses and how it changed.
///
/// Its word-level [`wording`](ClauseChange::wording) diff is computed when asked
/// for (and when the change is serialised), not when the plans are diffed.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(from = "ClauseChangeRecord<'a>")]
#[non_exhaustive]
pub struct ClauseChange<'a> {
    /// The kind of change.
    pub kind: ClauseChangeKind,
    /// The clauses of the old plan, in document order (empty for an insertion).
    pub before: Vec<PlacedClause<'a>>,
    /// The clauses of the new plan, in document order (empty for a repeal).
    pub after: Vec<PlacedClause<'a>>,
    /// Whether the group left the order the other groups keep.
    pub moved: bool,
    /// Whether a one-to-one pair carries another number.
    pub renumbered: bool,
}

/// The JSON form of a clause change: its fields and its wording diff, which is
/// derived data and ignored when read back.
#[derive(Deserialize)]
struct ClauseChangeRecord<'a> {
    kind: ClauseChangeKind,
    before: Vec<PlacedClause<'a>>,
    after: Vec<PlacedClause<'a>>,
    moved: bool,
    renumbered: bool,
    #[serde(default, rename = "wording")]
    _wording: serde::de::IgnoredAny,
}

/// A clause change as written: [`ClauseChangeRecord`] with the wording computed.
#[derive(Serialize)]
struct ClauseChangeView<'r, 'a> {
    kind: ClauseChangeKind,
    before: &'r [PlacedClause<'a>],
    after: &'r [PlacedClause<'a>],
    moved: bool,
    renumbered: bool,
    wording: Vec<WordChange>,
}

impl<'a> From<ClauseChangeRecord<'a>> for ClauseChange<'a> {
    fn from(record: ClauseChangeRecord<'a>) -> Self {
        ClauseChange {
            kind: record.kind,
            before: record.before,
            after: record.after,
            moved: record.moved,
            renumbered: record.renumbered,
        }
    }
}

impl Serialize for ClauseChange<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ClauseChangeView {
            kind: self.kind,
            before: &self.before,
            after: &self.after,
            moved: self.moved,
            renumbered: self.renumbered,
            wording: self.wording(),
        }
        .serialize(serializer)
    }
}

impl<'a> ClauseChange<'a> {
    fn invert(self) -> Self {
        ClauseChange {
            kind: self.kind.inverse(),
            before: self.after,
            after: self.before,
            moved: self.moved,
            renumbered: self.renumbered,
        }
    }

    /// The same change, owning its clauses.
    pub fn into_owned(self) -> ClauseChange<'static> {
        let owned =
            |clauses: Vec<PlacedClause<'a>>| clauses.into_iter().map(PlacedClause::into_owned).collect();
        ClauseChange {
            kind: self.kind,
            before: owned(self.before),
            after: owned(self.after),
            moved: self.moved,
            renumbered: self.renumbered,
        }
    }

    /// Word-level diff of the old texts against the new, joined in document order
    /// (empty when the wording is the same). Beyond 20,000 words the old
    /// text is shown deleted and the new inserted.
    pub fn wording(&self) -> Vec<WordChange> {
        let text = |clauses: &[PlacedClause]| {
            let texts: Vec<&str> = clauses.iter().map(|c| c.clause.text.as_str()).collect();
            texts.join(" ")
        };
        let (old_text, new_text) = (text(&self.before), text(&self.after));
        let words = old_text.split_whitespace().count() + new_text.split_whitespace().count();
        if old_text == new_text {
            Vec::new()
        } else if words > WORDING_LIMIT {
            let runs = [(WordTag::Delete, old_text), (WordTag::Insert, new_text)];
            runs.into_iter()
                .filter(|(_, text)| !text.is_empty())
                .map(|(tag, text)| WordChange { tag, text })
                .collect()
        } else {
            word_diff(&old_text, &new_text)
        }
    }
}

/// A provision in the clause that holds it, borrowed from the plan or owned.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PlacedProvision<'a> {
    /// The clause's id.
    pub clause: Cow<'a, str>,
    /// The provision.
    pub provision: Cow<'a, Provision>,
}

impl PlacedProvision<'_> {
    /// The same provision, owned.
    pub fn into_owned(self) -> PlacedProvision<'static> {
        PlacedProvision {
            clause: Cow::Owned(self.clause.into_owned()),
            provision: Cow::Owned(self.provision.into_owned()),
        }
    }
}

/// How one provision changed, under its aligned subject.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProvisionChange<'a> {
    /// The aligned subject.
    pub subject: Subject,
    /// The kind of change.
    pub kind: ProvisionChangeKind,
    /// The provision in the old plan.
    pub before: Option<PlacedProvision<'a>>,
    /// The provision in the new plan.
    pub after: Option<PlacedProvision<'a>>,
    /// The typed fields that differ (for amendments).
    pub fields: Vec<FieldChange>,
}

impl ProvisionChange<'_> {
    fn invert(self) -> Self {
        ProvisionChange {
            subject: self.subject,
            kind: self.kind.inverse(),
            before: self.after,
            after: self.before,
            fields: self.fields.into_iter().map(FieldChange::invert).collect(),
        }
    }

    /// The same change, owning its provisions.
    pub fn into_owned(self) -> ProvisionChange<'static> {
        ProvisionChange {
            subject: self.subject,
            kind: self.kind,
            before: self.before.map(PlacedProvision::into_owned),
            after: self.after.map(PlacedProvision::into_owned),
            fields: self.fields,
        }
    }
}

/// A plan without its clauses: what the diff carries of the plans' metadata.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PlanHeader {
    /// The plan's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its aliases.
    pub aliases: Vec<String>,
    /// Its date.
    pub date: Date,
    /// Its sponsors.
    pub sponsors: Vec<Party>,
    /// Its completeness.
    pub completeness: Completeness,
    /// Its summary.
    pub summary: String,
    /// Its notes.
    pub notes: Vec<Note>,
    /// Its sources, in order.
    pub sources: Vec<Source>,
}

impl PlanHeader {
    fn of(plan: &Plan) -> Self {
        PlanHeader {
            id: plan.id.clone(),
            title: plan.title.clone(),
            aliases: plan.aliases.clone(),
            date: plan.date,
            sponsors: plan.sponsors.clone(),
            completeness: plan.completeness,
            summary: plan.summary.clone(),
            notes: plan.notes.clone(),
            sources: plan.sources.values().cloned().collect(),
        }
    }
}

/// Counts of a diff's changes, overall and per topic.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Summary {
    /// Clause changes per kind.
    pub clauses: BTreeMap<ClauseChangeKind, usize>,
    /// Clause groups that moved.
    pub moved: usize,
    /// One-to-one clause pairs that were renumbered.
    pub renumbered: usize,
    /// Provision changes per kind.
    pub provisions: BTreeMap<ProvisionChangeKind, usize>,
    /// Provision changes per topic and kind.
    pub topics: BTreeMap<Topic, BTreeMap<ProvisionChangeKind, usize>>,
}

/// What plan `to` changes against plan `from`. Build one with [`diff`].
///
/// A diff borrows the clauses and provisions it shows from the two plans, so
/// that diffing copies no text; [`into_owned`](PlanDiff::into_owned) detaches it
/// from them, and a diff read from JSON owns its data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PlanDiff<'a> {
    /// The old plan's metadata.
    pub from: PlanHeader,
    /// The new plan's metadata.
    pub to: PlanHeader,
    /// Clause changes, in the new plan's order; repeals stand after the clause they followed.
    pub clauses: Vec<ClauseChange<'a>>,
    /// Provision changes, by subject.
    pub provisions: Vec<ProvisionChange<'a>>,
}

/// Diffs two plans. `diff(a, b).apply(a) == Ok(b)` and
/// `diff(a, b).invert() == diff(b, a)`.
pub fn diff<'a>(a: &'a Plan, b: &'a Plan) -> PlanDiff<'a> {
    diff_with(a, b, &Options::default())
}

/// [`diff()`] pairing texts with other [`Options`].
pub fn diff_with<'a>(a: &'a Plan, b: &'a Plan, options: &Options) -> PlanDiff<'a> {
    // Ties in alignment and wording could be broken differently in the two
    // directions; diffing in one canonical direction makes inversion exact.
    if align::canonical_cmp(a, b).is_le() {
        diff_directed(a, b, options)
    } else {
        diff_directed(b, a, options).invert()
    }
}

impl<'a> PlanDiff<'a> {
    /// The same diff, owning its clauses and provisions, so that it outlives the plans.
    ///
    /// ```
    /// use peacediff::{PlanDiff, corpus, diff};
    ///
    /// let kept: PlanDiff<'static> = {
    ///     let april = corpus::get("witkoff-2025-04").unwrap().clone();
    ///     let november = corpus::get("us-28-point-2025-11").unwrap().clone();
    ///     diff(&april, &november).into_owned()
    /// };
    /// assert_eq!(kept.to.id, "us-28-point-2025-11");
    /// ```
    pub fn into_owned(self) -> PlanDiff<'static> {
        PlanDiff {
            from: self.from,
            to: self.to,
            clauses: self.clauses.into_iter().map(ClauseChange::into_owned).collect(),
            provisions: self
                .provisions
                .into_iter()
                .map(ProvisionChange::into_owned)
                .collect(),
        }
    }

    /// Whether the two plans are equal.
    pub fn is_empty(&self) -> bool {
        self.from == self.to
            && self.clauses.iter().all(|c| {
                c.kind == ClauseChangeKind::Unchanged && !c.moved && !c.renumbered && c.before == c.after
            })
    }

    /// The diff from the new plan back to the old one.
    pub fn invert(self) -> PlanDiff<'a> {
        let mut clauses: Vec<ClauseChange<'a>> = self.clauses.into_iter().map(ClauseChange::invert).collect();
        sort_clause_changes(&mut clauses);
        PlanDiff {
            from: self.to,
            to: self.from,
            clauses,
            provisions: self.provisions.into_iter().map(ProvisionChange::invert).collect(),
        }
    }

    /// Turns `plan` into the diff's new plan. Fails, without panicking, when `plan`
    /// is not the diff's old plan.
    pub fn apply(&self, plan: &Plan) -> Result<Plan, Error> {
        let mismatch = |reason: String| Error::Mismatch {
            plan: plan.id.clone(),
            reason,
        };
        if PlanHeader::of(plan) != self.from {
            return Err(mismatch(format!(
                "its metadata differs from plan `{}` the diff starts from",
                self.from.id
            )));
        }
        let mut seen = vec![false; plan.clauses.len()];
        for placed in self.clauses.iter().flat_map(|c| &c.before) {
            let found = plan.clauses.get_index(placed.index).map(|(_, c)| c);
            match (found, seen.get_mut(placed.index)) {
                (Some(clause), Some(seen)) if *clause == *placed.clause && !*seen => *seen = true,
                _ => {
                    return Err(mismatch(format!(
                        "clause `{}` at position {} differs from the diff's",
                        placed.clause.id, placed.index
                    )));
                }
            }
        }
        if let Some((index, _)) = seen.iter().enumerate().find(|(_, seen)| !**seen) {
            let id = plan.clauses.get_index(index).map_or("?", |(id, _)| id.as_str());
            return Err(mismatch(format!("clause `{id}` is not in the diff")));
        }
        let mut after: Vec<&PlacedClause> = self.clauses.iter().flat_map(|c| &c.after).collect();
        after.sort_by_key(|placed| placed.index);
        if after.iter().enumerate().any(|(i, placed)| placed.index != i) {
            return Err(mismatch(
                "the diff's new clause positions are not contiguous".into(),
            ));
        }
        let header = self.to.clone();
        let result = Plan {
            id: header.id,
            title: header.title,
            aliases: header.aliases,
            date: header.date,
            sponsors: header.sponsors,
            completeness: header.completeness,
            summary: header.summary,
            notes: header.notes,
            sources: header.sources.into_iter().map(|s| (s.id.clone(), s)).collect(),
            clauses: after
                .into_iter()
                .map(|p| (p.clause.id.clone(), Clause::clone(&p.clause)))
                .collect(),
        };
        result.validate()?;
        Ok(result)
    }

    /// The provision changes held by the clauses of one clause change.
    pub fn provisions_in<'r>(
        &'r self,
        change: &'r ClauseChange<'a>,
    ) -> impl Iterator<Item = &'r ProvisionChange<'a>> + 'r {
        let held = |placed: &Option<PlacedProvision>, clauses: &[PlacedClause]| {
            placed
                .as_ref()
                .is_some_and(|p| clauses.iter().any(|c| c.clause.id == p.clause))
        };
        self.provisions
            .iter()
            .filter(move |p| held(&p.before, &change.before) || held(&p.after, &change.after))
    }

    /// Counts of changes per kind and per topic.
    pub fn summary(&self) -> Summary {
        let mut summary = Summary::default();
        for change in &self.clauses {
            *summary.clauses.entry(change.kind).or_default() += 1;
            summary.moved += usize::from(change.moved);
            summary.renumbered += usize::from(change.renumbered);
        }
        for change in &self.provisions {
            *summary.provisions.entry(change.kind).or_default() += 1;
            let topic = summary.topics.entry(change.subject.topic()).or_default();
            *topic.entry(change.kind).or_default() += 1;
        }
        summary
    }
}

fn diff_directed<'a>(a: &'a Plan, b: &'a Plan, options: &Options) -> PlanDiff<'a> {
    let alignment = align::aligned(&[a, b], options);
    let links = correspond(a, b, &alignment, options);
    let (silent_a, silent_b) = (Silence::of(a), Silence::of(b));
    let mut provisions = Vec::new();
    // The clauses that hold each side of a row's provision changes.
    let mut pairs = Vec::new();
    // Clause correspondences: a-clauses are nodes 0..na, b-clauses na..na+nb.
    let (na, nb) = (a.clauses.len(), b.clauses.len());
    let mut groups = UnionFind::new(na + nb);
    for (i, j) in links.pairs() {
        groups.union(i, na + j);
    }
    for row in &alignment.rows {
        let (Some(left), Some(right)) = (row.cells.first(), row.cells.get(1)) else {
            continue;
        };
        let start = provisions.len();
        pairs.clear();
        provision_changes(
            &row.subject,
            (a, left),
            (b, right),
            &links,
            &mut provisions,
            &mut pairs,
        );
        for change in provisions.get_mut(start..).unwrap_or_default() {
            let silent = match change.kind {
                ProvisionChangeKind::Added => silent_a.on(&row.subject),
                ProvisionChangeKind::Removed => silent_b.on(&row.subject),
                _ => false,
            };
            if silent {
                change.kind = ProvisionChangeKind::Unknown;
            }
        }
        for &pair in &pairs {
            if let (Some(i), Some(j)) = pair {
                groups.union(i, na + j);
            }
        }
    }

    let (labels, count) = groups.labels();
    let mut sets: Vec<(Vec<PlacedClause<'a>>, Vec<PlacedClause<'a>>)> = vec![(Vec::new(), Vec::new()); count];
    let (left, right) = labels.split_at(na.min(labels.len()));
    for ((index, clause), label) in a.clauses.values().enumerate().zip(left) {
        if let Some((before, _)) = sets.get_mut(*label) {
            before.push(placed(index, clause));
        }
    }
    for ((index, clause), label) in b.clauses.values().enumerate().zip(right) {
        if let Some((_, after)) = sets.get_mut(*label) {
            after.push(placed(index, clause));
        }
    }
    let mut clauses: Vec<ClauseChange<'a>> = sets
        .into_iter()
        .map(|(before, after)| clause_change(before, after))
        .map(|mut change| {
            let silent = match change.kind {
                ClauseChangeKind::Inserted => silent_a.on_all(change.after.iter().map(|c| &*c.clause)),
                ClauseChangeKind::Repealed => silent_b.on_all(change.before.iter().map(|c| &*c.clause)),
                _ => false,
            };
            if silent {
                change.kind = ClauseChangeKind::Unknown;
            }
            change
        })
        .collect();
    mark_moves(&mut clauses);
    sort_clause_changes(&mut clauses);
    PlanDiff {
        from: PlanHeader::of(a),
        to: PlanHeader::of(b),
        clauses,
        provisions,
    }
}

/// Words beyond which a group's wording diff is not computed word by word: the old
/// text is shown deleted and the new inserted, keeping huge groups linear.
const WORDING_LIMIT: usize = 20_000;

fn placed(index: usize, clause: &Clause) -> PlacedClause<'_> {
    PlacedClause {
        index,
        clause: Cow::Borrowed(clause),
    }
}

fn clause_change<'a>(before: Vec<PlacedClause<'a>>, after: Vec<PlacedClause<'a>>) -> ClauseChange<'a> {
    let kind = match (before.as_slice(), after.as_slice()) {
        ([], _) => ClauseChangeKind::Inserted,
        (_, []) => ClauseChangeKind::Repealed,
        ([old], [new]) if same_but_numbering(&old.clause, &new.clause) => ClauseChangeKind::Unchanged,
        ([_], [_]) => ClauseChangeKind::Substituted,
        ([_], _) => ClauseChangeKind::Split,
        (_, [_]) => ClauseChangeKind::Joined,
        _ => ClauseChangeKind::Regrouped,
    };
    let renumbered = matches!((before.as_slice(), after.as_slice()),
        ([old], [new]) if old.clause.label() != new.clause.label());
    ClauseChange {
        kind,
        before,
        after,
        moved: false,
        renumbered,
    }
}

fn same_but_numbering(a: &Clause, b: &Clause) -> bool {
    a.text == b.text
        && a.provisions == b.provisions
        && a.sources == b.sources
        && a.confidence == b.confidence
        && a.notes == b.notes
        && a.alternatives == b.alternatives
}

/// The indices of the old and new clauses that hold a provision change's two sides.
type ClausePair = (Option<usize>, Option<usize>);

/// Pairs the provisions of one subject and adds how each pair changed to
/// `changes`, and the indices of the clauses that hold them to `pairs`.
fn provision_changes<'a>(
    subject: &Subject,
    (a, left): (&'a Plan, &[ProvisionRef]),
    (b, right): (&'a Plan, &[ProvisionRef]),
    links: &Correspondence,
    changes: &mut Vec<ProvisionChange<'a>>,
    pairs: &mut Vec<ClausePair>,
) {
    let mut add = |(change, pair)| {
        changes.push(change);
        pairs.push(pair);
    };
    // One provision on each side, the usual case, pairs without further work.
    if let ([l], [r]) = (left, right)
        && let (Some(old), Some(new)) = (held(a, l), held(b, r))
    {
        let fields = || field_changes(old.provision, new.provision);
        add(paired_change(subject, old, new, fields));
        return;
    }
    let (left, right) = (Side::new(a, left), Side::new(b, right));
    let (partner, taken, grouped) = pair_provisions(&left, &right, links);
    for (&old, partner) in left.held.iter().zip(partner) {
        add(match partner.and_then(|j| right.held.get(j).copied()) {
            Some(new) => paired_change(subject, old, new, || field_changes(old.provision, new.provision)),
            None => lone_change(subject, ProvisionChangeKind::Removed, old),
        });
    }
    for (&new, taken) in right.held.iter().zip(&taken) {
        if !taken {
            add(lone_change(subject, ProvisionChangeKind::Added, new));
        }
    }
    pairs.extend(grouped.into_iter().map(|(i, j)| (Some(i), Some(j))));
}

/// A provision with the index of the clause that holds it.
#[derive(Clone, Copy)]
struct Held<'p> {
    index: usize,
    clause: &'p Clause,
    provision: &'p Provision,
}

fn held<'p>(plan: &'p Plan, r: &ProvisionRef) -> Option<Held<'p>> {
    let (_, clause) = plan.clauses.get_index(r.clause)?;
    let provision = clause.provisions.get(r.provision)?;
    Some(Held {
        index: r.clause,
        clause,
        provision,
    })
}

/// One plan's provisions on a subject.
struct Side<'p> {
    held: Vec<Held<'p>>,
}

impl<'p> Side<'p> {
    fn new(plan: &'p Plan, refs: &[ProvisionRef]) -> Self {
        Side {
            held: refs.iter().filter_map(|r| held(plan, r)).collect(),
        }
    }
}

/// Unpaired provisions of one subject that a provision is compared with, at most.
const LEFTOVER_LIMIT: usize = 64;

/// Each left provision's partner, which right ones are taken, and clauses to
/// group without a provision pair: `(old clause, new clause)`.
type Pairing = (Vec<Option<usize>>, Vec<bool>, Vec<(usize, usize)>);

/// Provisions pair inside linked clauses: an equal value first, then the closest
/// one. Provisions left over in clauses linked elsewhere pair the same way. Those
/// in clauses without any link pair in order with those at the corresponding
/// place of the other plan (between the same clause pairs that keep the order),
/// and their clauses form one group. Any other is an addition or a removal.
fn pair_provisions(left: &Side, right: &Side, links: &Correspondence) -> Pairing {
    let mut partner: Vec<Option<usize>> = vec![None; left.held.len()];
    let mut taken = vec![false; right.held.len()];
    // The right provisions of each clause, for cells too large to scan.
    let mut by_clause: HashMap<usize, Vec<usize>> = HashMap::with_capacity(right.held.len());
    for (j, held) in right.held.iter().enumerate() {
        by_clause.entry(held.index).or_default().push(j);
    }
    for (i, held) in left.held.iter().enumerate() {
        let linked: Vec<usize> = links
            .of_old(held.index)
            .iter()
            .filter_map(|clause| by_clause.get(clause))
            .flatten()
            .copied()
            .filter(|&j| taken.get(j) == Some(&false))
            .collect();
        if let Some(j) = closest(left, i, right, &linked) {
            take(i, j, &mut partner, &mut taken);
        }
    }
    // The unpaired provisions of a side whose clauses are linked (or not).
    let open = |linked: bool, side: &Side, used: &[bool], has_link: &dyn Fn(usize) -> bool| -> Vec<usize> {
        (0..side.held.len())
            .filter(|&k| used.get(k) == Some(&false))
            .filter(|&k| side.held.get(k).is_some_and(|h| has_link(h.index) == linked))
            .collect()
    };
    let (old_linked, new_linked) = (|i| links.has_old(i), |j| links.has_new(j));
    // Leftovers in clauses linked elsewhere: the subject moved between clauses
    // that correspond anyway; equal values first, then the closest.
    let used_left: Vec<bool> = partner.iter().map(Option::is_some).collect();
    let (linked_left, linked_right) = (
        open(true, left, &used_left, &old_linked),
        open(true, right, &taken, &new_linked),
    );
    // Each takes one of the first free ones; scans start past the taken prefix.
    let mut first_free = 0;
    for i in linked_left {
        while linked_right
            .get(first_free)
            .is_some_and(|&j| taken.get(j) == Some(&true))
        {
            first_free += 1;
        }
        let free: Vec<usize> = (linked_right.iter().skip(first_free).copied())
            .filter(|&j| taken.get(j) == Some(&false))
            .take(LEFTOVER_LIMIT)
            .collect();
        if let Some(j) = closest(left, i, right, &free) {
            take(i, j, &mut partner, &mut taken);
        }
    }
    let used_left: Vec<bool> = partner.iter().map(Option::is_some).collect();
    let mut gaps: BTreeMap<usize, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for i in open(false, left, &used_left, &old_linked) {
        if let Some(held) = left.held.get(i) {
            gaps.entry(links.gap_of_old(held.index)).or_default().0.push(i);
        }
    }
    for j in open(false, right, &taken, &new_linked) {
        if let Some(held) = right.held.get(j) {
            gaps.entry(links.gap_of_new(held.index)).or_default().1.push(j);
        }
    }
    let mut grouped = Vec::new();
    for (olds, news) in gaps.into_values() {
        let (Some(first_old), Some(first_new)) = (
            olds.first().and_then(|&i| left.held.get(i)),
            news.first().and_then(|&j| right.held.get(j)),
        ) else {
            continue;
        };
        for (&i, &j) in olds.iter().zip(&news) {
            take(i, j, &mut partner, &mut taken);
        }
        // The clauses beyond the pairs join the group of the first pair.
        let beyond_old = olds.iter().skip(news.len()).filter_map(|&i| left.held.get(i));
        grouped.extend(beyond_old.map(|held| (held.index, first_new.index)));
        let beyond_new = news.iter().skip(olds.len()).filter_map(|&j| right.held.get(j));
        grouped.extend(beyond_new.map(|held| (first_old.index, held.index)));
    }
    (partner, taken, grouped)
}

/// Of `candidates` (right provisions, in document order), the closest to left
/// provision `i`: an equal value first, then the fewest differing fields.
fn closest(left: &Side, i: usize, right: &Side, candidates: &[usize]) -> Option<usize> {
    match candidates {
        [only] => Some(*only),
        _ => candidates
            .iter()
            .copied()
            .min_by_key(|&j| match (left.held.get(i), right.held.get(j)) {
                (Some(l), Some(r)) if l.provision == r.provision => 0,
                (Some(l), Some(r)) => 1 + field_changes(l.provision, r.provision).len(),
                _ => usize::MAX,
            }),
    }
}

/// Pairs left provision `i` with right provision `j`.
fn take(i: usize, j: usize, partner: &mut [Option<usize>], taken: &mut [bool]) {
    if let (Some(slot), Some(flag)) = (partner.get_mut(i), taken.get_mut(j)) {
        *slot = Some(j);
        *flag = true;
    }
}

fn place(held: Held<'_>) -> PlacedProvision<'_> {
    PlacedProvision {
        clause: Cow::Borrowed(held.clause.id.as_str()),
        provision: Cow::Borrowed(held.provision),
    }
}

/// How a provision changed into its partner; `fields` compares their values.
fn paired_change<'a>(
    subject: &Subject,
    old: Held<'a>,
    new: Held<'a>,
    fields: impl FnOnce() -> Vec<FieldChange>,
) -> (ProvisionChange<'a>, ClausePair) {
    let same = old.provision == new.provision;
    // For untyped provisions the slug and summary, their only fields, are
    // wording, not position.
    let fields = if !same && old.provision.is_typed() {
        fields()
    } else {
        Vec::new()
    };
    let kind = if !fields.is_empty() {
        ProvisionChangeKind::Amended
    } else if same && old.clause.text == new.clause.text {
        ProvisionChangeKind::Unchanged
    } else {
        ProvisionChangeKind::Reworded
    };
    let change = ProvisionChange {
        subject: subject.clone(),
        kind,
        before: Some(place(old)),
        after: Some(place(new)),
        fields,
    };
    (change, (Some(old.index), Some(new.index)))
}

/// A provision without partner: `Removed` from the old plan or `Added` to the new.
fn lone_change<'a>(
    subject: &Subject,
    kind: ProvisionChangeKind,
    held: Held<'a>,
) -> (ProvisionChange<'a>, ClausePair) {
    let (placed, index) = (Some(place(held)), Some(held.index));
    let (before, after, pair) = match kind {
        ProvisionChangeKind::Added => (None, placed, (None, index)),
        _ => (placed, None, (index, None)),
    };
    let change = ProvisionChange {
        subject: subject.clone(),
        kind,
        before,
        after,
        fields: Vec::new(),
    };
    (change, pair)
}

/// Marks the groups that are on no longest common ordering of the two plans.
///
/// A group keeps its place when it lies on every longest chain of groups that is
/// increasing in both plans; the rule treats both directions alike.
fn mark_moves(changes: &mut [ClauseChange]) {
    let mut points: Vec<(usize, usize, usize)> = changes
        .iter()
        .enumerate()
        .filter_map(|(k, c)| Some((c.before.first()?.index, c.after.first()?.index, k)))
        .collect();
    points.sort_unstable();
    let ys: Vec<usize> = points.iter().map(|p| p.1).collect();
    let ending = longest_increasing_ending_at(&ys);
    let reversed: Vec<usize> = ys.iter().rev().map(|y| usize::MAX - y).collect();
    let mut starting = longest_increasing_ending_at(&reversed);
    starting.reverse();
    let longest = ending.iter().copied().max().unwrap_or(0);
    let mut per_level: BTreeMap<usize, usize> = BTreeMap::new();
    let on_longest: Vec<bool> = ending
        .iter()
        .zip(&starting)
        .map(|(e, s)| e + s - 1 == longest)
        .collect();
    for (level, on) in ending.iter().zip(&on_longest) {
        if *on {
            *per_level.entry(*level).or_default() += 1;
        }
    }
    for ((point, level), on) in points.iter().zip(&ending).zip(&on_longest) {
        let fixed = *on && per_level.get(level) == Some(&1);
        if let Some(change) = changes.get_mut(point.2) {
            change.moved = !fixed;
        }
    }
}

/// For each element, the length of the longest strictly increasing subsequence ending there.
fn longest_increasing_ending_at(values: &[usize]) -> Vec<usize> {
    let mut tails: Vec<usize> = Vec::new();
    values
        .iter()
        .map(|&v| {
            let at = tails.partition_point(|&t| t < v);
            match tails.get_mut(at) {
                Some(tail) => *tail = v,
                None => tails.push(v),
            }
            at + 1
        })
        .collect()
}

/// Orders changes as the new plan reads; a repeal stands after the group that holds
/// the clause it followed in the old plan.
fn sort_clause_changes(changes: &mut [ClauseChange]) {
    let mut anchors: Vec<(usize, usize)> = changes
        .iter()
        .filter_map(|c| Some((c.before.first()?.index, c.after.first()?.index)))
        .collect();
    anchors.sort_unstable();
    let key = |c: &ClauseChange| -> (usize, usize, usize) {
        let before = c.before.first().map_or(0, |p| p.index);
        match c.after.first() {
            Some(after) => (after.index * 2 + 1, 0, before),
            None => {
                let preceding = anchors.partition_point(|&(b, _)| b < before);
                let anchor = preceding
                    .checked_sub(1)
                    .and_then(|i| anchors.get(i))
                    .map_or(0, |&(_, a)| a * 2 + 2);
                (anchor, 1, before)
            }
        }
    };
    changes.sort_by_cached_key(key);
}
