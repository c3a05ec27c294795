//! How two plans correspond: clause links, provision pairs, and the groups of
//! clauses a diff is made of.

use std::borrow::Cow;
use std::collections::BTreeMap;

use foldhash::{HashMap, HashMapExt};

use super::moves::{mark_moves, sort_clause_changes};
use super::{
    ClauseChange, ClauseChangeKind, PlacedClause, PlacedProvision, PlanDiff, PlanHeader, ProvisionChange,
    ProvisionChangeKind,
};
use crate::align::{self, Options, ProvisionRef};
use crate::cell::{Absence, field_changes, known_changes};
use crate::correspondence::{Correspondence, correspond};
use crate::model::Silence;
use crate::union_find::UnionFind;
use crate::{Clause, Plan, Provision, Subject};

pub(super) fn diff_directed<'a>(a: &'a Plan, b: &'a Plan, options: &Options) -> PlanDiff<'a> {
    let alignment = align::aligned(&[a, b], options);
    let links = correspond(a, b, &alignment, options);
    let (silent_a, silent_b) = (Silence::of(a), Silence::of(b));
    let (absent_a, absent_b) = (Absence::by_subject(a), Absence::by_subject(b));
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
            // The plan without the provision: silent on the subject, or saying it leaves it out.
            let (silent, absent) = match change.kind {
                ProvisionChangeKind::Added => (silent_a.on(&row.subject), &absent_a),
                ProvisionChangeKind::Removed => (silent_b.on(&row.subject), &absent_b),
                _ => continue,
            };
            if silent {
                change.kind = ProvisionChangeKind::Unknown;
            } else if let Some(absences) = absent.get(&row.subject) {
                change.absences = absences.clone();
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

pub(super) fn same_but_numbering(a: &Clause, b: &Clause) -> bool {
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
        add(paired_change(subject, (a, old), (b, new)));
        return;
    }
    let (left, right) = (Side::new(a, left), Side::new(b, right));
    let (partner, taken, grouped) = pair_provisions(&left, &right, links);
    for (&old, partner) in left.held.iter().zip(partner) {
        add(match partner.and_then(|j| right.held.get(j).copied()) {
            Some(new) => paired_change(subject, (a, old), (b, new)),
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

/// How a provision of plan `a` changed into its partner in plan `b`.
fn paired_change<'a>(
    subject: &Subject,
    (a, old): (&Plan, Held<'a>),
    (b, new): (&Plan, Held<'a>),
) -> (ProvisionChange<'a>, ClausePair) {
    let same = old.provision == new.provision;
    // For untyped provisions the slug and summary, their only fields, are
    // wording, not position. A field a side's notes say is unknown is not
    // read as a change of position.
    let fields = if !same && old.provision.is_typed() {
        let unknown = (
            a.unknown_fields(old.clause, subject),
            b.unknown_fields(new.clause, subject),
        );
        known_changes(old.provision, new.provision, &unknown.0, &unknown.1)
    } else {
        Vec::new()
    };
    let kind = if fields.iter().any(|field| !field.unknown) {
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
        absences: Vec::new(),
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
        absences: Vec::new(),
    };
    (change, pair)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Completeness, Confidence, Military, MilitaryStance, MilitarySubject, Source};

    fn cap(troops: u64) -> Provision {
        Military {
            cap: Some(troops),
            ..Military::new(MilitarySubject::ArmedForcesCap, MilitaryStance::Capped)
        }
        .into()
    }

    fn plan(id: &str, clauses: &[(&str, &str, &[u64])]) -> Plan {
        let date = crate::Date::parse("2025-05-01").unwrap();
        let mut plan = Plan::new(id, id, date, Completeness::Complete).with_source(Source::new(
            "S1",
            "Example",
            "Report",
            "https://example.org/r",
            date,
        ));
        for (clause_id, text, caps) in clauses {
            let mut clause = Clause::new(*clause_id, *text, Confidence::High).with_source("S1");
            for &troops in *caps {
                clause = clause.with_provision(cap(troops));
            }
            plan.insert_clause(clause);
        }
        plan
    }

    fn kinds(d: &PlanDiff) -> Vec<ProvisionChangeKind> {
        d.provisions.iter().map(|p| p.kind).collect()
    }

    #[test]
    fn clauses_of_one_subject_pair_by_wording_not_by_order() {
        let peace = "The armed forces are capped at 600,000 in peacetime.";
        let war = "In wartime the cap on the armed forces rises to 800,000.";
        let a = plan("a", &[("1", peace, &[600_000]), ("2", war, &[800_000])]);
        let b = plan("b", &[("1", war, &[800_000]), ("2", peace, &[600_000])]);
        let d = diff_directed(&a, &b, &Options::default());
        assert_eq!(kinds(&d), [ProvisionChangeKind::Unchanged; 2]);
        let pairs: Vec<(usize, usize)> = d
            .clauses
            .iter()
            .filter_map(|c| Some((c.before.first()?.index, c.after.first()?.index)))
            .collect();
        assert_eq!(pairs.len(), 2);
        assert!(pairs.contains(&(0, 1)) && pairs.contains(&(1, 0)), "{pairs:?}");
    }

    #[test]
    fn provisions_in_linked_clauses_pair_by_equal_value_first() {
        let text = "The armed forces are capped at 600,000, and at 800,000 in wartime.";
        let a = plan("a", &[("1", text, &[600_000, 800_000])]);
        let b = plan("b", &[("1", text, &[800_000, 600_000])]);
        let d = diff_directed(&a, &b, &Options::default());
        assert_eq!(kinds(&d), [ProvisionChangeKind::Unchanged; 2]);
    }

    #[test]
    fn a_provision_without_partner_is_an_addition_not_a_link() {
        let a = plan(
            "a",
            &[("1", "The armed forces are capped at 600,000.", &[600_000])],
        );
        let b = plan(
            "b",
            &[
                ("1", "The armed forces are capped at 600,000.", &[600_000]),
                (
                    "2",
                    "Reserves are held to a separate ceiling of 300,000.",
                    &[300_000],
                ),
            ],
        );
        let d = diff_directed(&a, &b, &Options::default());
        assert_eq!(
            kinds(&d),
            [ProvisionChangeKind::Unchanged, ProvisionChangeKind::Added]
        );
        let groups: Vec<ClauseChangeKind> = d.clauses.iter().map(|c| c.kind).collect();
        assert_eq!(groups, [ClauseChangeKind::Unchanged, ClauseChangeKind::Inserted]);
    }
}
