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

use serde::{Deserialize, Serialize};

mod form;
mod moves;
mod pairing;
mod words;

use moves::sort_clause_changes;
use words::WORDING_LIMIT;
pub use words::{WordChange, WordTag, word_diff};

use crate::align::{self, Options};
use crate::cell::Absence;
pub use crate::cell::FieldChange;
use crate::model::keyword::keywords;
use crate::{Clause, Completeness, Date, Error, Note, Party, Plan, Provision, Source, Subject, Texts, Topic};

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
/// A clause at its position in a plan, borrowed from the plan or owned.
///
/// Its serde form is the clause's fields as in a plan file, after its `index`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
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
/// for (and when the change is serialised), not when the plans are diffed. Its
/// serde form writes the new clause of an unchanged group as a ref to the old one
/// (the schema `peacediff/diff/2`, documented in the `render::json` module).
#[derive(Clone, Debug, PartialEq)]
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
        let (old_text, new_text) = (joined(&self.before), joined(&self.after));
        let words = old_text.split_whitespace().count() + new_text.split_whitespace().count();
        if old_text == new_text {
            Vec::new()
        } else if words > WORDING_LIMIT {
            let runs = [(WordTag::Delete, old_text), (WordTag::Insert, new_text)];
            runs.into_iter()
                .filter(|(_, text)| !text.is_empty())
                .map(|(tag, text)| WordChange {
                    tag,
                    text: text.into_owned(),
                })
                .collect()
        } else {
            word_diff(&old_text, &new_text)
        }
    }
}

/// The texts of a side of a group, joined by spaces; one text is borrowed.
fn joined<'r>(clauses: &'r [PlacedClause<'_>]) -> Cow<'r, str> {
    match clauses {
        [one] => Cow::Borrowed(one.clause.text.as_str()),
        _ => {
            let texts: Vec<&str> = clauses.iter().map(|c| c.clause.text.as_str()).collect();
            Cow::Owned(texts.join(" "))
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
    /// For an addition or a removal: the notes of the plan without the provision
    /// saying it leaves the subject out, with their sources and confidence, on
    /// which the removal (or the addition) rests.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub absences: Vec<Absence>,
}

impl ProvisionChange<'_> {
    fn invert(self) -> Self {
        ProvisionChange {
            subject: self.subject,
            kind: self.kind.inverse(),
            before: self.after,
            after: self.before,
            fields: self.fields.into_iter().map(FieldChange::invert).collect(),
            absences: self.absences,
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
            absences: self.absences,
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
    /// Whose words its clause texts are (left out of JSON when original).
    #[serde(default, skip_serializing_if = "Texts::is_original")]
    pub texts: Texts,
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
            texts: plan.texts,
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
/// from them, and a diff read from JSON owns its data. Its serde form writes each
/// clause once and each provision by its place in a clause (the schema
/// `peacediff/diff/2`, documented in the `render::json` module).
#[derive(Clone, Debug, PartialEq)]
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
        pairing::diff_directed(a, b, options)
    } else {
        pairing::diff_directed(b, a, options).invert()
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
            texts: header.texts,
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
