//! Three-way merge: two descendants of one draft, combined over it.
//!
//! [`merge`]`(base, ours, theirs)` works like a text merge (see `similar`'s
//! `TextMerge`), on typed provisions. It reports, per subject and per block of
//! corresponding clauses, one [`MergeKind`]: unchanged, taken from ours, taken from
//! theirs, the same change on both sides, changes combined, or a conflict. A
//! conflict is data: it carries both sides' provisions and the field paths on
//! which they differ, and the merged plan keeps the base's clauses in its place,
//! marked with a note of kind [`Conflict`](crate::NoteKind::Conflict). Nothing is
//! resolved silently; [`Merge::resolve`] chooses a side and returns a clean plan.
//!
//! ```
//! use peacediff::{corpus, merge, MergeKind, Side};
//!
//! let base = corpus::get("us-28-point-2025-11").unwrap();
//! let geneva = corpus::get("geneva-revision-2025-11").unwrap();
//! let e3 = corpus::get("e3-counter-2025-11").unwrap();
//! let merged = merge(base, geneva, e3);
//!
//! // Both raise the armed-forces cap to 800,000, but only the E3 text limits it to peacetime.
//! let cap = merged.subject("military/armed-forces-cap").unwrap();
//! assert_eq!(cap.kind, MergeKind::Conflict);
//! assert!(cap.differs.iter().any(|path| path == "peacetime_only"));
//!
//! // Choosing a side gives a plan without conflicts.
//! let resolved = merged.resolve(Side::Theirs).unwrap();
//! assert!(resolved.validate().is_ok());
//! ```
//!
//! # Partial descendants
//!
//! A partial plan silent on a subject (see [`Plan::covers`]) reports no change
//! there: its side counts as unchanged, and the other side's change is taken.
//! The Geneva revision, known only through reported changes, merges this way.
//!
//! # What is combined
//!
//! Blocks of clauses that both sides changed are combined when each side has one
//! clause: subject by subject, the side that changed a subject's provisions wins;
//! the wording is merged word by word where the edits do not overlap; citations,
//! notes and readings are united; the lower confidence is kept. Anything else both
//! sides changed differently is a conflict. When both sides changed the plan, the
//! blocks keep the base's order and inserted clauses follow the clause they follow
//! in their plan.

use std::collections::BTreeMap;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use similar::{MergeResolution, TextMerge};

use crate::align::Options;
use crate::cell::{Entry, position};
use crate::diff::{ClauseChange, ClauseChangeKind, PlanDiff, ProvisionChangeKind, diff_with};
use crate::model::Silence;
use crate::model::keyword::keywords;
use crate::union_find::UnionFind;
use crate::{Clause, Completeness, Confidence, Error, Note, NoteKind, Plan, Provision, Subject, align};

keywords! {
    /// How a subject or a block of clauses came out of a merge.
    pub enum MergeKind: "merge outcome" {
        Unchanged = "unchanged": "Neither side changed it.",
        Ours = "ours": "Only ours changed it: ours is taken.",
        Theirs = "theirs": "Only theirs changed it: theirs is taken.",
        Both = "both": "Both sides made the same change.",
        Combined = "combined": "Both sides changed it in different places: the changes are combined.",
        Conflict = "conflict": "Both sides changed it differently: kept as a conflict.",
    }
}

/// One side of a merge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Side {
    /// The first descendant.
    Ours,
    /// The second descendant.
    Theirs,
}

/// One subject through a merge.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SubjectMerge {
    /// The subject.
    pub subject: Subject,
    /// How it came out.
    pub kind: MergeKind,
    /// The base's provisions on it.
    pub base: Vec<Entry>,
    /// Ours' provisions on it; `None` when ours is partial and silent on it.
    pub ours: Option<Vec<Entry>>,
    /// Theirs' provisions on it; `None` when theirs is partial and silent on it.
    pub theirs: Option<Vec<Entry>>,
    /// For a conflict, the field paths on which ours and theirs differ (`cap`,
    /// `peacetime_only`), sorted; `provisions` when one side has more provisions
    /// than the other. (A clause block's [`differs`](ClauseMerge::differs) names
    /// subjects; a diff's `fields` are field changes with their values.)
    pub differs: Vec<String>,
}

/// A block of corresponding clauses through a merge.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ClauseMerge {
    /// How it came out.
    pub kind: MergeKind,
    /// The base's clauses (empty for a clause a side inserted).
    pub base: Vec<Clause>,
    /// Ours' version of the block: its clauses, with the base's where ours is silent.
    pub ours: Vec<Clause>,
    /// Theirs' version of the block, likewise.
    pub theirs: Vec<Clause>,
    /// The block in the merged plan: for a conflict, the base's clauses marked with a conflict note.
    pub merged: Vec<Clause>,
    /// For a conflict, what the sides changed differently: subjects (`topic/slug`),
    /// `text`, `number`, `id`, or `clauses` when they regrouped the block differently.
    pub differs: Vec<String>,
}

impl ClauseMerge {
    /// The clauses of one side's version.
    pub fn side(&self, side: Side) -> &[Clause] {
        match side {
            Side::Ours => &self.ours,
            Side::Theirs => &self.theirs,
        }
    }
}

/// The merge of two descendants over their base. Build one with [`merge`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Merge {
    /// The base plan's id.
    pub base: String,
    /// Ours' id.
    pub ours: String,
    /// Theirs' id.
    pub theirs: String,
    /// Every subject of the three plans, in subject order.
    pub subjects: Vec<SubjectMerge>,
    /// Every block of clauses, in the merged plan's order.
    pub clauses: Vec<ClauseMerge>,
    /// The merged plan, conflicts marked (see [`ClauseMerge::merged`]).
    pub plan: Plan,
}

impl Merge {
    /// Whether no block is in conflict.
    pub fn is_clean(&self) -> bool {
        self.conflicts().next().is_none()
    }

    /// The blocks in conflict.
    pub fn conflicts(&self) -> impl Iterator<Item = &ClauseMerge> {
        self.clauses.iter().filter(|c| c.kind == MergeKind::Conflict)
    }

    /// The merge of a subject written `topic/slug`.
    pub fn subject(&self, subject: &str) -> Option<&SubjectMerge> {
        self.subjects.iter().find(|s| s.subject.to_string() == subject)
    }

    /// The merged plan with every conflict resolved to `side`.
    pub fn resolve(&self, side: Side) -> Result<Plan, Error> {
        self.resolve_with(|_| side)
    }

    /// The merged plan with each conflict resolved to the side `choose` picks.
    /// Fails only if the chosen clauses give the plan two clauses with one id
    /// or cite unknown sources.
    pub fn resolve_with(&self, mut choose: impl FnMut(&ClauseMerge) -> Side) -> Result<Plan, Error> {
        let mut plan = self.plan.clone();
        plan.clauses = IndexMap::new();
        for block in &self.clauses {
            let clauses = match block.kind {
                MergeKind::Conflict => block.side(choose(block)),
                _ => &block.merged,
            };
            insert_unique(&mut plan.clauses, clauses.iter().cloned());
        }
        plan.settle_unknowns();
        plan.validate()?;
        Ok(plan)
    }
}

/// Merges `ours` and `theirs`, two descendants of `base`.
///
/// `merge(b, b, x) == x`, `merge(b, x, b) == x` and `merge(b, x, x) == x`, each
/// without conflicts; swapping `ours` and `theirs` swaps the sides of every result
/// and keeps the same conflicts.
pub fn merge(base: &Plan, ours: &Plan, theirs: &Plan) -> Merge {
    merge_with(base, ours, theirs, &Options::default())
}

/// [`merge()`] pairing texts with other [`Options`].
pub fn merge_with(base: &Plan, ours: &Plan, theirs: &Plan, options: &Options) -> Merge {
    // One alignment of the three plans and one diff per side serve every step.
    let (to_ours, to_theirs) = (diff_with(base, ours, options), diff_with(base, theirs, options));
    let subjects = merge_subjects(base, ours, theirs, [&to_ours, &to_theirs], options);
    let (clauses, plan) = if ours == base || ours == theirs {
        whole(base, ours, theirs, to_theirs, MergeKind::Theirs)
    } else if theirs == base {
        whole(base, ours, theirs, to_ours, MergeKind::Ours)
    } else {
        let clauses = merge_clauses(base, [&to_ours, &to_theirs], &subjects);
        let plan = merged_plan(base, ours, theirs, &clauses);
        (clauses, plan)
    };
    Merge {
        base: base.id.clone(),
        ours: ours.id.clone(),
        theirs: theirs.id.clone(),
        subjects,
        clauses,
        plan,
    }
}

/// When one descendant is the base or both are equal, the result is the other
/// one as it stands, moves included.
fn whole(
    base: &Plan,
    ours: &Plan,
    theirs: &Plan,
    side_changes: PlanDiff<'_>,
    taken: MergeKind,
) -> (Vec<ClauseMerge>, Plan) {
    let both_equal = ours == theirs;
    let clauses = side_changes
        .clauses
        .into_iter()
        .map(|change| {
            let before: Vec<Clause> = change.before.into_iter().map(|p| p.clause.into_owned()).collect();
            let after: Vec<Clause> = change.after.into_iter().map(|p| p.clause.into_owned()).collect();
            let kind = match () {
                _ if before == after => MergeKind::Unchanged,
                _ if both_equal && ours != base => MergeKind::Both,
                _ => taken,
            };
            let (ours_side, theirs_side) = match taken {
                MergeKind::Ours => (after.clone(), before.clone()),
                _ if both_equal => (after.clone(), after.clone()),
                _ => (before.clone(), after.clone()),
            };
            ClauseMerge {
                kind,
                base: before,
                ours: ours_side,
                theirs: theirs_side,
                merged: after,
                differs: Vec::new(),
            }
        })
        .collect();
    let result = if taken == MergeKind::Ours { ours } else { theirs };
    (clauses, result.clone())
}

/// The base's provisions a partial descendant lacks without saying it leaves
/// them out: as far as is known, it keeps them.
fn kept_silently(base: &Plan, changes: &PlanDiff) -> HashMap<Subject, Vec<Entry>> {
    let mut kept: HashMap<Subject, Vec<Entry>> = HashMap::new();
    for change in changes
        .provisions
        .iter()
        .filter(|p| p.kind == ProvisionChangeKind::Unknown)
    {
        if let Some((before, clause)) = change
            .before
            .as_ref()
            .and_then(|before| Some((before, base.clauses.get(before.clause.as_ref())?)))
        {
            kept.entry(change.subject.clone())
                .or_default()
                .push(Entry::new(base, clause, &before.provision));
        }
    }
    kept
}

/// Each subject's provisions in the three plans and how they merge.
fn merge_subjects(
    base: &Plan,
    ours: &Plan,
    theirs: &Plan,
    changes: [&PlanDiff; 2],
    options: &Options,
) -> Vec<SubjectMerge> {
    let plans = [base, ours, theirs];
    let silences = plans.map(Silence::of);
    let kept = changes.map(|d| kept_silently(base, d));
    let alignment = align::aligned(&plans, options);
    alignment
        .rows
        .into_iter()
        .map(|row| {
            let entries = |k: usize| -> Vec<Entry> {
                match (plans.get(k), row.cells.get(k)) {
                    (Some(plan), Some(cell)) => Entry::cell(plan, cell),
                    _ => Vec::new(),
                }
            };
            let known = |k: usize, mut cell: Vec<Entry>| {
                let silent = cell.is_empty() && silences.get(k).is_some_and(|s| s.on(&row.subject));
                let kept = kept.get(k - 1).and_then(|kept| kept.get(&row.subject));
                cell.extend(kept.into_iter().flatten().cloned());
                (!silent).then_some(cell)
            };
            let base_cell = entries(0);
            let ours_cell = known(1, entries(1));
            let theirs_cell = known(2, entries(2));
            // A side silent on the subject is read as keeping the base.
            let (ours_known, theirs_known) = (
                ours_cell.as_deref().unwrap_or(&base_cell),
                theirs_cell.as_deref().unwrap_or(&base_cell),
            );
            let (b, o, t) = (position(&base_cell), position(ours_known), position(theirs_known));
            let kind = three_way(&b, &o, &t);
            let differs = if kind == MergeKind::Conflict {
                differing_fields(ours_known, theirs_known)
            } else {
                Vec::new()
            };
            SubjectMerge {
                subject: row.subject,
                kind,
                base: base_cell,
                ours: ours_cell,
                theirs: theirs_cell,
                differs,
            }
        })
        .collect()
}

/// The outcome of a value both sides may have changed; equal values agree.
fn three_way<T: PartialEq>(base: &T, ours: &T, theirs: &T) -> MergeKind {
    match (ours == base, theirs == base) {
        (true, true) => MergeKind::Unchanged,
        (false, true) => MergeKind::Ours,
        (true, false) => MergeKind::Theirs,
        (false, false) if ours == theirs => MergeKind::Both,
        (false, false) => MergeKind::Conflict,
    }
}

/// The field paths on which two cells differ, provision by provision in order.
fn differing_fields(ours: &[Entry], theirs: &[Entry]) -> Vec<String> {
    let mut paths: Vec<String> = Entry::changes(ours, theirs).into_iter().map(|c| c.path).collect();
    if ours.len() != theirs.len() {
        paths.push("provisions".into());
    }
    // Sorted, so that swapping the sides gives the same list.
    paths.sort();
    paths.dedup();
    paths
}

/// A block: base clauses that correspond to one another through either diff,
/// with each side's clauses for them.
#[derive(Default)]
struct Block {
    base: Vec<usize>,
    ours: Vec<Clause>,
    theirs: Vec<Clause>,
}

fn merge_clauses(
    base: &Plan,
    [to_ours, to_theirs]: [&PlanDiff; 2],
    subjects: &[SubjectMerge],
) -> Vec<ClauseMerge> {
    // Base clauses grouped by either diff form one block.
    let mut blocks = UnionFind::new(base.clauses.len());
    for change in to_ours.clauses.iter().chain(&to_theirs.clauses) {
        if let Some((first, rest)) = change.before.split_first() {
            rest.iter().for_each(|p| blocks.union(first.index, p.index));
        }
    }
    let mut by_root: BTreeMap<usize, Block> = BTreeMap::new();
    for index in 0..base.clauses.len() {
        by_root.entry(blocks.find(index)).or_default().base.push(index);
    }
    let conflicting: HashSet<&Subject> = subjects
        .iter()
        .filter(|s| s.kind == MergeKind::Conflict)
        .map(|s| &s.subject)
        .collect();
    let mut ours_inserts = Vec::new();
    let mut theirs_inserts = Vec::new();
    for (changes, inserts, pick) in [
        (to_ours, &mut ours_inserts, Side::Ours),
        (to_theirs, &mut theirs_inserts, Side::Theirs),
    ] {
        let silent = silent_clauses(changes);
        for change in &changes.clauses {
            let Some(first) = change.before.first() else {
                inserts.push((anchor(change, changes, &mut blocks), change.after.clone()));
                continue;
            };
            let block = by_root.entry(blocks.find(first.index)).or_default();
            let version = side_version(change, &silent);
            match pick {
                Side::Ours => block.ours.extend(version),
                Side::Theirs => block.theirs.extend(version),
            }
        }
    }

    let mut merges: Vec<ClauseMerge> = Vec::new();
    let mut placed_after: BTreeMap<Option<usize>, Vec<ClauseMerge>> = BTreeMap::new();
    for (root, inserted) in ours_inserts {
        let clauses: Vec<Clause> = inserted.into_iter().map(|p| p.clause.into_owned()).collect();
        let same = theirs_inserts
            .iter()
            .position(|(_, t)| t.iter().map(|p| p.clause.as_ref()).eq(clauses.iter()));
        let kind = match same {
            Some(found) => {
                theirs_inserts.remove(found);
                MergeKind::Both
            }
            None => MergeKind::Ours,
        };
        let theirs_side = if kind == MergeKind::Both {
            clauses.clone()
        } else {
            Vec::new()
        };
        placed_after.entry(root).or_default().push(inserted_block(
            kind,
            clauses.clone(),
            theirs_side,
            clauses,
        ));
    }
    for (root, inserted) in theirs_inserts {
        let clauses: Vec<Clause> = inserted.into_iter().map(|p| p.clause.into_owned()).collect();
        placed_after.entry(root).or_default().push(inserted_block(
            MergeKind::Theirs,
            Vec::new(),
            clauses.clone(),
            clauses,
        ));
    }
    merges.extend(placed_after.remove(&None).unwrap_or_default());
    for (root, block) in by_root {
        let base_clauses: Vec<Clause> = block
            .base
            .iter()
            .filter_map(|&i| base.clauses.get_index(i).map(|(_, c)| c.clone()))
            .collect();
        merges.push(merge_block(base_clauses, block.ours, block.theirs, &conflicting));
        merges.extend(placed_after.remove(&Some(root)).unwrap_or_default());
    }
    merges
}

fn inserted_block(
    kind: MergeKind,
    ours: Vec<Clause>,
    theirs: Vec<Clause>,
    merged: Vec<Clause>,
) -> ClauseMerge {
    ClauseMerge {
        kind,
        base: Vec::new(),
        ours,
        theirs,
        merged,
        differs: Vec::new(),
    }
}

/// Ids of the base clauses a partial descendant is silent on: none of their
/// provisions has a counterpart there, and some are unknown changes (a clause
/// whose other provisions the side drops stays, as the side may keep it).
fn silent_clauses<'r>(changes: &'r PlanDiff<'_>) -> HashSet<&'r str> {
    // Per clause: (some provision unknown, some provision paired).
    let mut seen: HashMap<&str, (bool, bool)> = HashMap::new();
    for change in &changes.provisions {
        if let Some(before) = &change.before {
            let entry = seen.entry(before.clause.as_ref()).or_default();
            entry.0 |= change.kind == ProvisionChangeKind::Unknown;
            entry.1 |= change.after.is_some();
        }
    }
    seen.into_iter()
        .filter(|(_, (unknown, paired))| *unknown && !*paired)
        .map(|(id, _)| id)
        .collect()
}

/// A side's clauses for the base clauses of one change, keeping the base's own
/// where the side is silent on them.
fn side_version(change: &ClauseChange, silent: &HashSet<&str>) -> Vec<Clause> {
    let after = change.after.iter().map(|p| Clause::clone(&p.clause));
    let kept = change
        .before
        .iter()
        .filter(|p| change.kind == ClauseChangeKind::Unknown || silent.contains(p.clause.id.as_str()))
        .map(|p| Clause::clone(&p.clause));
    after.chain(kept).collect()
}

/// The block an insertion follows: the one holding the base counterpart of the
/// nearest clause before it in its plan (`None`: the start of the plan).
fn anchor(change: &ClauseChange, changes: &crate::PlanDiff, blocks: &mut UnionFind) -> Option<usize> {
    let at = change.after.first()?.index;
    changes
        .clauses
        .iter()
        .filter_map(|c| {
            Some((
                c.after.iter().map(|p| p.index).filter(|&i| i < at).max()?,
                c.before.first()?,
            ))
        })
        .max_by_key(|(index, _)| *index)
        .map(|(_, base)| blocks.find(base.index))
}

fn merge_block(
    base: Vec<Clause>,
    ours: Vec<Clause>,
    theirs: Vec<Clause>,
    conflicting: &HashSet<&Subject>,
) -> ClauseMerge {
    let kind = three_way(&base, &ours, &theirs);
    let (kind, merged, differs) = match kind {
        MergeKind::Unchanged => (kind, base.clone(), Vec::new()),
        MergeKind::Ours | MergeKind::Both => (kind, ours.clone(), Vec::new()),
        MergeKind::Theirs => (kind, theirs.clone(), Vec::new()),
        _ => match (base.as_slice(), ours.as_slice(), theirs.as_slice()) {
            ([b], [o], [t]) => match combine(b, o, t) {
                Ok(clause) => (MergeKind::Combined, vec![clause], Vec::new()),
                Err(differs) => conflict(&base, differs),
            },
            _ => {
                let mut differs: Vec<String> = Vec::new();
                for subject in base
                    .iter()
                    .chain(&ours)
                    .chain(&theirs)
                    .flat_map(|c| &c.provisions)
                {
                    let subject = subject.subject();
                    if conflicting.contains(&subject) && !differs.contains(&subject.to_string()) {
                        differs.push(subject.to_string());
                    }
                }
                if differs.is_empty() {
                    differs.push("clauses".into());
                }
                conflict(&base, differs)
            }
        },
    };
    ClauseMerge {
        kind,
        base,
        ours,
        theirs,
        merged,
        differs,
    }
}

/// A conflict's place in the merged plan: the base's clauses, each marked.
fn conflict(base: &[Clause], differs: Vec<String>) -> (MergeKind, Vec<Clause>, Vec<String>) {
    let marked = base
        .iter()
        .map(|clause| {
            let mut clause = clause.clone();
            clause.notes.push(Note {
                kind: NoteKind::Conflict,
                subjects: differs.iter().filter_map(|d| Subject::parse(d)).collect(),
                fields: Vec::new(),
                text: format!(
                    "Merge conflict: the two descendants change this differently ({}). The base text stands until the conflict is resolved.",
                    differs.join(", ")
                ),
                sources: Vec::new(),
                confidence: None,
            });
            clause
        })
        .collect();
    (MergeKind::Conflict, marked, differs)
}

/// One clause both sides changed: each part merged three ways. Returns what
/// conflicts when some part does.
fn combine(base: &Clause, ours: &Clause, theirs: &Clause) -> Result<Clause, Vec<String>> {
    let mut differs = Vec::new();
    let id = taken(&base.id, &ours.id, &theirs.id).unwrap_or_else(|| {
        differs.push("id".to_owned());
        base.id.clone()
    });
    let number = taken(&base.number, &ours.number, &theirs.number).unwrap_or_else(|| {
        differs.push("number".to_owned());
        base.number.clone()
    });
    let text = match three_way(&base.text, &ours.text, &theirs.text) {
        MergeKind::Conflict => merge_words(&base.text, &ours.text, &theirs.text).unwrap_or_else(|| {
            differs.push("text".into());
            base.text.clone()
        }),
        MergeKind::Theirs => theirs.text.clone(),
        _ => ours.text.clone(),
    };
    // Provisions subject by subject, in the order ours has them, then theirs' new ones.
    let by_subject = |c: &Clause| -> IndexMap<Subject, Vec<Provision>> {
        let mut map: IndexMap<Subject, Vec<Provision>> = IndexMap::new();
        for p in &c.provisions {
            map.entry(p.subject()).or_default().push(p.clone());
        }
        map
    };
    let (b, o, t) = (by_subject(base), by_subject(ours), by_subject(theirs));
    let mut provisions = Vec::new();
    let subjects: Vec<&Subject> = o
        .keys()
        .chain(t.keys().filter(|s| !o.contains_key(*s)))
        .chain(b.keys())
        .collect();
    let mut seen = HashSet::new();
    let none = Vec::new();
    for subject in subjects.into_iter().filter(|s| seen.insert(*s)) {
        let (bs, os, ts) = (
            b.get(subject).unwrap_or(&none),
            o.get(subject).unwrap_or(&none),
            t.get(subject).unwrap_or(&none),
        );
        match three_way(bs, os, ts) {
            MergeKind::Conflict => differs.push(subject.to_string()),
            MergeKind::Theirs => provisions.extend(ts.iter().cloned()),
            _ => provisions.extend(os.iter().cloned()),
        }
    }
    if !differs.is_empty() {
        return Err(differs);
    }
    let confidence = match three_way(&base.confidence, &ours.confidence, &theirs.confidence) {
        MergeKind::Theirs => theirs.confidence,
        MergeKind::Conflict => lower(ours.confidence, theirs.confidence),
        _ => ours.confidence,
    };
    Ok(Clause {
        id,
        number,
        text,
        provisions,
        sources: unite(&ours.sources, &theirs.sources),
        confidence,
        notes: unite(&ours.notes, &theirs.notes),
        alternatives: unite(&ours.alternatives, &theirs.alternatives),
    })
}

/// The value the side that changed it gives, or `None` when both changed it differently.
fn taken<T: PartialEq + Clone>(base: &T, ours: &T, theirs: &T) -> Option<T> {
    match three_way(base, ours, theirs) {
        MergeKind::Conflict => None,
        MergeKind::Theirs => Some(theirs.clone()),
        _ => Some(ours.clone()),
    }
}

/// Ours' items, then theirs' that ours lacks.
fn unite<T: PartialEq + Clone>(ours: &[T], theirs: &[T]) -> Vec<T> {
    let mut all = ours.to_vec();
    all.extend(theirs.iter().filter(|x| !ours.contains(x)).cloned());
    all
}

fn lower(a: Confidence, b: Confidence) -> Confidence {
    // Confidence lists High first.
    a.max(b)
}

/// Merges two edits of a text word by word; `None` when they overlap.
fn merge_words(base: &str, ours: &str, theirs: &str) -> Option<String> {
    let lines = |text: &str| -> String { text.split_whitespace().map(|w| format!("{w}\n")).collect() };
    let (b, o, t) = (lines(base), lines(ours), lines(theirs));
    let merged = TextMerge::from_lines(b.as_str(), o.as_str(), t.as_str());
    if merged.is_conflicted() {
        return None;
    }
    let words = |text: &str| -> Vec<String> { text.split_whitespace().map(str::to_owned).collect() };
    let (bw, ow, tw) = (words(base), words(ours), words(theirs));
    let mut out: Vec<&str> = Vec::new();
    for region in merged.regions() {
        let (words, range) = match region.resolution() {
            MergeResolution::Theirs => (&tw, region.theirs_range()),
            MergeResolution::Ours | MergeResolution::Both => (&ow, region.ours_range()),
            _ => (&bw, region.base_range()),
        };
        out.extend(words.get(range)?.iter().map(String::as_str));
    }
    Some(out.join(" "))
}

/// The merged plan: the header merged field by field, the blocks in order.
fn merged_plan(base: &Plan, ours: &Plan, theirs: &Plan, blocks: &[ClauseMerge]) -> Plan {
    macro_rules! field {
        ($name:ident, $combined:expr) => {
            taken(&base.$name, &ours.$name, &theirs.$name).unwrap_or_else(|| $combined)
        };
    }
    let completeness = if [base, ours, theirs]
        .iter()
        .any(|p| p.completeness == Completeness::Partial)
    {
        Completeness::Partial
    } else {
        Completeness::Complete
    };
    // Every source of the three plans: merged blocks, and the sides a conflict
    // resolves to, cite any of them. Where two plans give one id different
    // records, ours' is kept, then theirs'.
    let mut sources = ours.sources.clone();
    for (id, source) in theirs.sources.iter().chain(&base.sources) {
        sources.entry(id.clone()).or_insert_with(|| source.clone());
    }
    let mut plan = Plan {
        id: field!(id, format!("{}+{}", ours.id, theirs.id)),
        title: field!(title, format!("{} + {}", ours.title, theirs.title)),
        aliases: field!(aliases, unite(&ours.aliases, &theirs.aliases)),
        date: field!(date, ours.date.max(theirs.date)),
        sponsors: field!(sponsors, unite(&ours.sponsors, &theirs.sponsors)),
        completeness: field!(completeness, completeness),
        texts: field!(texts, ours.texts.max(theirs.texts)),
        summary: field!(
            summary,
            format!(
                "Three-way merge of `{}` and `{}` over `{}`.",
                ours.id, theirs.id, base.id
            )
        ),
        notes: field!(notes, unite(&ours.notes, &theirs.notes)),
        sources,
        clauses: IndexMap::new(),
    };
    for block in blocks {
        insert_unique(&mut plan.clauses, block.merged.iter().cloned());
    }
    plan.settle_unknowns();
    plan
}

/// Adds clauses keyed by id; a clause whose id is taken gets the first free
/// `id'`, `id''`…, so that the plan keeps unique ids.
fn insert_unique(clauses: &mut IndexMap<String, Clause>, new: impl IntoIterator<Item = Clause>) {
    for mut clause in new {
        while clauses.contains_key(&clause.id) {
            clause.id.push('\'');
        }
        clauses.insert(clause.id.clone(), clause);
    }
}

#[cfg(test)]
mod tests {
    use super::merge_words;

    #[test]
    fn edits_of_different_words_merge() {
        let base = "the army is capped at 600,000 troops";
        let ours = "the army is capped at 800,000 troops";
        let theirs = "the armed forces are capped at 600,000 troops in peacetime";
        assert_eq!(
            merge_words(base, ours, theirs).as_deref(),
            Some("the armed forces are capped at 800,000 troops in peacetime")
        );
        assert_eq!(merge_words(base, ours, ours).as_deref(), Some(ours));
        assert_eq!(merge_words(base, base, theirs).as_deref(), Some(theirs));
    }

    #[test]
    fn edits_of_the_same_words_conflict() {
        let base = "the army is capped at 600,000";
        assert_eq!(
            merge_words(
                base,
                "the army is capped at 800,000",
                "the army is capped at 700,000"
            ),
            None
        );
    }
}
