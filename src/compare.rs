//! Comparing any number of plans: one row per subject, one cell per plan.
//!
//! Each row has the **agreement groups**: the plans that take the same position on
//! the subject. Two plans take the same position when their provisions on the
//! subject have the same typed values (for `other` provisions, the same
//! summaries), wherever in the plans they stand. Its [status](RowStatus) says how
//! the plans that state a position agree; the others are counted apart: a plan
//! that leaves the subject out is in [`absent`](ComparisonRow::absent), and a
//! partial plan silent on it (see [`Plan::covers`]) in
//! [`unknown`](ComparisonRow::unknown), since its position is not known.
//! Where plans differ, a row's [`shared`](ComparisonRow::shared) values show what
//! plans of different groups still have in common: the form of a guarantee they
//! all give, a party each names among the guarantors.
//! An `other` provision that is its clause's own words (nothing was read from
//! it, as the text importer leaves a point it cannot type) and that matches no
//! other plan's is placed by its wording on a typed subject whose clause in
//! another plan it re-words, when its own plan has nothing there: it stands
//! beside the typed clauses it re-words. Such a plan is in
//! [`worded`](ComparisonRow::worded), in no group: its position is not read.
//! The [`Comparison::matrix`] gives, for each pair of plans, on how many of the
//! subjects both state a position they agree.
//!
//! ```
//! use peacediff::{compare, corpus, RowStatus};
//!
//! // The six texts of the US-led talks of 2025, from the April framework to the 20-point plan.
//! let plans = [
//!     "witkoff-2025-04",
//!     "european-ukrainian-2025-04",
//!     "us-28-point-2025-11",
//!     "geneva-revision-2025-11",
//!     "e3-counter-2025-11",
//!     "ukraine-20-point-2025-12",
//! ]
//! .map(|id| corpus::get(id).unwrap());
//! let comparison = compare(&plans).unwrap();
//! // Renounced (April US), barred (28-point), left to allied consensus (the April
//! // counter-proposal, the Geneva revision, the E3 text); the 20-point framework
//! // leaves NATO out.
//! let nato = comparison.row("nato/ukraine-membership").unwrap();
//! assert_eq!(nato.status, RowStatus::Divergent);
//! assert_eq!(nato.absent, ["ukraine-20-point-2025-12"]);
//! assert_eq!(nato.groups.len(), 3);
//! assert_eq!(nato.groups[1], ["european-ukrainian-2025-04", "geneva-revision-2025-11", "e3-counter-2025-11"]);
//!
//! // The Geneva revision is known only through reported changes: silent on Kinburn.
//! let kinburn = comparison.row("territory/kinburn-spit").unwrap();
//! assert_eq!(kinburn.unknown, ["geneva-revision-2025-11", "e3-counter-2025-11"]);
//!
//! // Five positions on Ukraine's guarantees, yet one Article-5-like guarantee in
//! // three of them, with the United States among the guarantors of each.
//! let guarantee = comparison.row("guarantees/ukraine").unwrap();
//! assert_eq!(guarantee.groups.len(), 5);
//! let shared = |value: &str| guarantee.shared.iter().find(|v| v.to_string() == value).unwrap();
//! let article_5 = shared("form: article 5 like");
//! assert_eq!(article_5.plans, ["european-ukrainian-2025-04", "e3-counter-2025-11", "ukraine-20-point-2025-12"]);
//! assert_eq!(shared("guarantors: united states").plans, article_5.plans);
//! assert_eq!(article_5.plans, ["european-ukrainian-2025-04", "e3-counter-2025-11", "ukraine-20-point-2025-12"]);
//!
//! // Narrowed to one topic, the matrix counts that topic's subjects only.
//! let mut nato_only = comparison.clone();
//! nato_only.retain(|row| row.topic == peacediff::Topic::Nato);
//! let pair = nato_only.matrix[1][4]; // the April counter-proposal and the E3 text
//! assert_eq!((pair.agreed, pair.shared), (1, 1));
//! ```

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use crate::align::{self, Options};
pub use crate::cell::{Absence, Entry, OtherReading};
use crate::cell::{Stance, position};
use crate::model::keyword::keywords;
use crate::model::{FieldValue, Silence};
use crate::{Error, Plan, Provision, Subject, Topic};

keywords! {
    /// How the plans stand on a subject.
    pub enum RowStatus: "row status" {
        Consensus = "consensus": "Two plans or more state a position on the subject, and all of them agree.",
        Divergent = "divergent": "Two plans or more state a position on the subject, and they differ.",
        Single = "single": "Only one plan states a position on the subject.",
    }
}

/// One subject across the compared plans.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ComparisonRow {
    /// The subject.
    pub subject: Subject,
    /// Its topic.
    pub topic: Topic,
    /// How the plans that state a position agree.
    pub status: RowStatus,
    /// Plans that take the same position, as lists of plan ids in column order;
    /// groups are ordered by their first plan.
    pub groups: Vec<Vec<String>>,
    /// Per plan id, in column order: its provisions on the subject (empty when it has none).
    pub cells: IndexMap<String, Vec<Entry>>,
    /// Ids of the plans that leave the subject out, in column order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub absent: Vec<String>,
    /// Ids of the partial plans silent on the subject, in column order: their empty
    /// cells mean "not known", not "left out".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unknown: Vec<String>,
    /// Ids of the plans, in column order, whose cell on a typed subject holds an
    /// untyped (`other`) provision placed there by its wording: they speak of the
    /// subject, in words whose position is not read, so they are in no group.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub worded: Vec<String>,
    /// Per plan id, in column order: the plan's notes saying it leaves the subject
    /// out (or a provision on it), with their sources and confidence.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub absences: IndexMap<String, Vec<Absence>>,
    /// The field values that plans of different groups share, in the order the
    /// plans first state them (empty unless the row has several groups).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shared: Vec<SharedValue>,
}

/// A field value that plans taking different positions on a subject share: where
/// they still agree. Of a list field, each item counts alone, so plans naming
/// different guarantors share those they both name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SharedValue {
    /// The field's JSON name (`form`).
    pub field: String,
    /// The value, or the list item, they share.
    pub value: FieldValue,
    /// Whether the value is one item of a list field, which the plans' lists may
    /// hold besides others.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub item: bool,
    /// The plans stating it, in column order: from two groups or more.
    pub plans: Vec<String>,
}

impl std::fmt::Display for SharedValue {
    /// The field and its value as a provision's brief reads them: `form: article
    /// 5 like`, `since 2014`, `guarantors: united states` (a guarantor both name).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::model::labelled(&self.field, &self.value))
    }
}

/// How two plans agree over the subjects on which both state a position.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Agreement {
    /// Subjects on which both take the same position.
    pub agreed: usize,
    /// Subjects on which both state a position.
    pub shared: usize,
}

impl Agreement {
    /// The share of shared subjects they agree on, from 0 to 1; `None` when they share none.
    pub fn share(&self) -> Option<f64> {
        // Counts are far below 2^52, so the conversion is exact.
        (self.shared > 0).then(|| self.agreed as f64 / self.shared as f64)
    }
}

impl ComparisonRow {
    /// The index in [`groups`](Self::groups) of the group holding plan `id`, if it covers the subject.
    pub fn group_of(&self, id: &str) -> Option<usize> {
        self.groups
            .iter()
            .position(|group| group.iter().any(|member| member == id))
    }
}

/// The comparison of several plans. Build one with [`compare`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Comparison {
    /// The plan ids, in column order.
    pub plans: Vec<String>,
    /// One row per subject, in topic then subject order.
    pub rows: Vec<ComparisonRow>,
    /// `matrix[i][j]`: how plans `i` and `j` agree over the rows.
    pub matrix: Vec<Vec<Agreement>>,
}

impl Comparison {
    /// The row of a subject written `topic/slug`.
    pub fn row(&self, subject: &str) -> Option<&ComparisonRow> {
        self.rows.iter().find(|row| row.subject.to_string() == subject)
    }

    /// Keeps the rows for which `keep` holds, and counts the matrix over them.
    pub fn retain(&mut self, keep: impl FnMut(&ComparisonRow) -> bool) {
        self.rows.retain(keep);
        self.matrix = agreement_matrix(&self.plans, &self.rows);
    }

    /// Number of rows of each status.
    pub fn counts(&self) -> IndexMap<RowStatus, usize> {
        let mut counts: IndexMap<RowStatus, usize> = RowStatus::ALL.iter().map(|&s| (s, 0)).collect();
        for row in &self.rows {
            *counts.entry(row.status).or_default() += 1;
        }
        counts
    }
}

/// Compares plans subject by subject.
///
/// The result does not depend on the order of `plans` apart from column order.
/// Fails when two plans share an id, since ids key the cells.
pub fn compare(plans: &[&Plan]) -> Result<Comparison, Error> {
    compare_with(plans, &Options::default())
}

/// [`compare()`] pairing texts with other [`Options`].
pub fn compare_with(plans: &[&Plan], options: &Options) -> Result<Comparison, Error> {
    for (i, plan) in plans.iter().enumerate() {
        if plans.iter().take(i).any(|other| other.id == plan.id) {
            return Err(Error::DuplicatePlan { id: plan.id.clone() });
        }
    }
    let ids: Vec<String> = plans.iter().map(|p| p.id.clone()).collect();
    let alignment = align::untyped_onto_subjects(plans, align::aligned(plans, options), options);
    let silences: Vec<Silence> = plans.iter().map(|plan| Silence::of(plan)).collect();
    let absences: Vec<_> = plans.iter().map(|plan| Absence::by_subject(plan)).collect();
    let rows: Vec<ComparisonRow> = alignment
        .rows
        .into_iter()
        .map(|row| {
            let cells: IndexMap<String, Vec<Entry>> = ids
                .iter()
                .zip(plans)
                .zip(&row.cells)
                .map(|((id, plan), refs)| (id.clone(), Entry::cell(plan, refs)))
                .collect();
            // On a typed subject, an untyped provision speaks of it without a position.
            let worded: Vec<String> = if row.subject.topic() == Topic::Other {
                Vec::new()
            } else {
                cells
                    .iter()
                    .filter(|(_, entries)| entries.iter().any(|e| !e.provision.is_typed()))
                    .map(|(id, _)| id.clone())
                    .collect()
            };
            let groups = agreement_groups(&cells, &worded);
            let shared = shared_values(&cells, &groups);
            let (mut absent, mut unknown) = (Vec::new(), Vec::new());
            for ((id, silence), entries) in ids.iter().zip(&silences).zip(cells.values()) {
                if entries.is_empty() {
                    let list = if silence.on(&row.subject) {
                        &mut unknown
                    } else {
                        &mut absent
                    };
                    list.push(id.clone());
                }
            }
            let row_absences = ids
                .iter()
                .zip(&absences)
                .filter_map(|(id, by_subject)| Some((id.clone(), by_subject.get(&row.subject)?.clone())))
                .collect();
            let having = groups.iter().map(Vec::len).sum::<usize>();
            let status = match (having, groups.len()) {
                (0 | 1, _) => RowStatus::Single,
                (_, 1) => RowStatus::Consensus,
                _ => RowStatus::Divergent,
            };
            ComparisonRow {
                topic: row.subject.topic(),
                subject: row.subject,
                status,
                groups,
                cells,
                absent,
                unknown,
                worded,
                absences: row_absences,
                shared,
            }
        })
        .collect();
    let matrix = agreement_matrix(&ids, &rows);
    Ok(Comparison {
        plans: ids,
        rows,
        matrix,
    })
}

/// The plans grouped by position, those in `worded` left out. A plan whose
/// entries leave some fields unknown joins the one group that agrees with it on
/// every field it knows; it stands alone when none or several do.
fn agreement_groups(cells: &IndexMap<String, Vec<Entry>>, worded: &[String]) -> Vec<Vec<String>> {
    let stating = cells
        .iter()
        .filter(|(id, entries)| !entries.is_empty() && !worded.contains(id));
    let (partly, known): (Vec<_>, Vec<_>) =
        stating.partition(|(_, entries)| entries.iter().any(|e| !e.unknown.is_empty()));
    let mut groups: Vec<(&[Entry], Vec<Stance<'_>>, Vec<String>)> = Vec::new();
    for (id, entries) in known {
        let key = position(entries);
        match groups.iter_mut().find(|(_, k, _)| *k == key) {
            Some((_, _, members)) => members.push(id.clone()),
            None => groups.push((entries, key, vec![id.clone()])),
        }
    }
    for (id, entries) in partly {
        let mut matching = groups
            .iter_mut()
            .filter(|(first, _, _)| agrees_where_known(entries, first));
        match (matching.next(), matching.next()) {
            (Some((_, _, members)), None) => members.push(id.clone()),
            _ => groups.push((entries, position(entries), vec![id.clone()])),
        }
    }
    // Groups in column order of their first plan.
    let column = |id: &String| cells.get_index_of(id).unwrap_or(usize::MAX);
    let mut groups: Vec<Vec<String>> = groups
        .into_iter()
        .map(|(_, _, mut members)| {
            members.sort_by_key(column);
            members
        })
        .collect();
    groups.sort_by_key(|members| members.first().map(column));
    groups
}

/// The values of typed provisions that plans of two groups or more state, each
/// list item alone; read once per plan and value through a map, so a subject
/// held by thousands of clauses costs no more than their fields.
fn shared_values(cells: &IndexMap<String, Vec<Entry>>, groups: &[Vec<String>]) -> Vec<SharedValue> {
    if groups.len() < 2 {
        return Vec::new();
    }
    let group_of = |id: &str| groups.iter().position(|g| g.iter().any(|m| m == id));
    // Keyed by field and value; the value's debug form tells values apart as `==` does.
    let mut held: IndexMap<(&str, String), (FieldValue, bool, Vec<&str>)> = IndexMap::new();
    for (id, entries) in cells {
        for entry in entries {
            for (field, value) in entry.provision.fields() {
                let (items, item) = match value {
                    Some(FieldValue::List(items)) => (items, true),
                    Some(value) => (vec![value], false),
                    None => continue,
                };
                for value in items {
                    let (_, _, plans) = held
                        .entry((field, format!("{value:?}")))
                        .or_insert_with(|| (value, item, Vec::new()));
                    if plans.last() != Some(&id.as_str()) {
                        plans.push(id);
                    }
                }
            }
        }
    }
    held.into_iter()
        .filter(|(_, (_, _, plans))| {
            let first = plans.first().and_then(|id| group_of(id));
            plans.iter().any(|id| group_of(id) != first)
        })
        .map(|((field, _), (value, item, plans))| SharedValue {
            field: field.to_owned(),
            value,
            item,
            plans: plans.into_iter().map(str::to_owned).collect(),
        })
        .collect()
}

/// Whether two plans' entries on a subject take the same position on every
/// field both know: provision by provision, in the order of their positions.
fn agrees_where_known(a: &[Entry], b: &[Entry]) -> bool {
    fn sorted(entries: &[Entry]) -> Vec<&Entry> {
        let mut sorted: Vec<&Entry> = entries.iter().collect();
        sorted.sort_by(|x, y| x.provision.cmp(&y.provision));
        sorted
    }
    a.len() == b.len()
        && sorted(a)
            .into_iter()
            .zip(sorted(b))
            .all(|(x, y)| match (&x.provision, &y.provision) {
                (Provision::Other(p), Provision::Other(q)) => p.summary == q.summary,
                (p, q) => {
                    let unknown = |field: &str| x.unknown.iter().chain(&y.unknown).any(|u| u == field);
                    p.subject() == q.subject()
                        && crate::cell::field_changes(p, q)
                            .iter()
                            .all(|change| unknown(change.field()))
                }
            })
}

fn agreement_matrix(ids: &[String], rows: &[ComparisonRow]) -> Vec<Vec<Agreement>> {
    ids.iter()
        .map(|a| {
            ids.iter()
                .map(|b| {
                    let mut agreement = Agreement::default();
                    for row in rows {
                        if let (Some(x), Some(y)) = (row.group_of(a), row.group_of(b)) {
                            agreement.shared += 1;
                            agreement.agreed += usize::from(x == y);
                        }
                    }
                    agreement
                })
                .collect()
        })
        .collect()
}
