//! Which clauses of two plans correspond: the links a diff groups clauses by.
//!
//! 1. **Keyed.** A subject with one provision in each plan links the two clauses
//!    that hold them, whatever their wording: that is what typed subjects are for.
//! 2. **Paired.** The other clauses pair one to one by wording (see the
//!    [`align`](mod@crate::align) module docs for the passes), anchored by the keyed
//!    pairs that are one to one. Two clauses may pair when they share a subject, or
//!    when one of them holds an untyped provision: typed clauses without a shared
//!    subject do not speak of the same thing.
//! 3. **Split and joined.** A clause left without partner is linked to a clause
//!    of the other plan (the partner of a neighbour, or one of at most 16 on each
//!    of its subjects) when the wording says it is part of it: at least half of
//!    its words are in that clause, at most half are in that clause's own
//!    partner and its parts found before (in document order), and it adds at
//!    least a fifth of that clause's words to what they cover. Nothing else makes
//!    a split or a join; a clause that could not be decided stays an insertion or
//!    a repeal.

use foldhash::{HashMap, HashMapExt};

use crate::Plan;
use crate::align::{Alignment, Options};
use crate::matching::{Coverage, Item, Matcher, longest_chain};

/// The share of a clause's words that must stand in the clause it is split from
/// or joined into.
const PART_COVERED: f64 = 0.5;
/// The share of the whole's words that the part must add to what its neighbour
/// already covers.
const PART_ADDS: f64 = 0.2;

/// The share of a part's words, at most, that its paired neighbour already has:
/// a part says what its neighbour does not, a look-alike repeats it.
const PART_REPEATS: f64 = 0.5;
/// Clauses of one subject looked at as what a clause was split from or joined into, at most.
const CELL_LIMIT: usize = 16;

/// The links between the clauses of two plans.
pub(crate) struct Correspondence {
    /// For each clause of the old plan, the clauses of the new plan it is linked to.
    links: Vec<Vec<usize>>,
    /// For each clause of the new plan, whether it is linked at all.
    linked_new: Vec<bool>,
    /// One-to-one pairs that keep the order of both plans, by old clause.
    chain: Vec<(usize, usize)>,
}

impl Correspondence {
    /// The new clauses old clause `i` is linked to.
    pub(crate) fn of_old(&self, i: usize) -> &[usize] {
        self.links.get(i).map(Vec::as_slice).unwrap_or_default()
    }

    /// Whether old clause `i` has any link.
    pub(crate) fn has_old(&self, i: usize) -> bool {
        self.links.get(i).is_some_and(|links| !links.is_empty())
    }

    /// Whether new clause `j` has any link.
    pub(crate) fn has_new(&self, j: usize) -> bool {
        self.linked_new.get(j) == Some(&true)
    }

    /// Every link, as `(old clause, new clause)`.
    pub(crate) fn pairs(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        (self.links.iter().enumerate()).flat_map(|(i, links)| links.iter().map(move |&j| (i, j)))
    }

    /// The gap old clause `i` stands in: how many clause pairs that keep the
    /// order of both plans come before it. A new clause in the same gap stands
    /// at the corresponding place.
    pub(crate) fn gap_of_old(&self, i: usize) -> usize {
        self.chain.partition_point(|&(old, _)| old < i)
    }

    /// The gap new clause `j` stands in (see [`gap_of_old`](Self::gap_of_old)).
    pub(crate) fn gap_of_new(&self, j: usize) -> usize {
        self.chain.partition_point(|&(_, new)| new < j)
    }

    fn link(&mut self, i: usize, j: usize) {
        if let (Some(links), Some(linked)) = (self.links.get_mut(i), self.linked_new.get_mut(j))
            && !links.contains(&j)
        {
            links.push(j);
            *linked = true;
        }
    }
}

/// The links between the clauses of `a` and `b`, from their alignment.
pub(crate) fn correspond(a: &Plan, b: &Plan, alignment: &Alignment, options: &Options) -> Correspondence {
    let (na, nb) = (a.clauses.len(), b.clauses.len());
    let mut found = Correspondence {
        links: vec![Vec::new(); na],
        linked_new: vec![false; nb],
        chain: Vec::new(),
    };
    // The rows each clause has provisions in, sorted.
    let mut rows_a: Vec<Vec<usize>> = vec![Vec::new(); na];
    let mut rows_b: Vec<Vec<usize>> = vec![Vec::new(); nb];
    for (row, r) in alignment.rows.iter().enumerate() {
        let (Some(left), Some(right)) = (r.cells.first(), r.cells.get(1)) else {
            continue;
        };
        for (cell, rows) in [(left, &mut rows_a), (right, &mut rows_b)] {
            for at in cell {
                if let Some(list) = rows.get_mut(at.clause)
                    && list.last() != Some(&row)
                {
                    list.push(row);
                }
            }
        }
        if let ([l], [r]) = (left.as_slice(), right.as_slice()) {
            found.link(l.clause, r.clause);
        }
    }
    // Keyed pairs that are one to one anchor the wording pass; clauses keyed to
    // several others are grouped already and take no further partner.
    let keyed_new: Vec<usize> = {
        let mut counts = vec![0usize; nb];
        for (_, j) in found.pairs() {
            if let Some(count) = counts.get_mut(j) {
                *count += 1;
            }
        }
        counts
    };
    let fixed: Vec<(usize, usize)> = found
        .pairs()
        .filter(|&(i, j)| found.links.get(i).map(Vec::len) == Some(1) && keyed_new.get(j) == Some(&1))
        .collect();
    // The clauses without a keyed link pair by wording.
    let open_a: Vec<usize> = (0..na).filter(|&i| !found.has_old(i)).collect();
    let open_b: Vec<usize> = (0..nb).filter(|&j| !found.has_new(j)).collect();
    let left: Vec<Item<'_>> = open_a.iter().filter_map(|&i| item(a, i)).collect();
    let right: Vec<(usize, Item<'_>)> = open_b.iter().filter_map(|&j| item(b, j)).enumerate().collect();
    let allowed = |l: usize, r: usize| {
        let (Some(&i), Some(&j)) = (open_a.get(l), open_b.get(r)) else {
            return false;
        };
        untyped(a, i) || untyped(b, j) || share(rows_a.get(i), rows_b.get(j))
    };
    let paired = if left.is_empty() || right.is_empty() {
        vec![None; left.len()]
    } else {
        Matcher::new(&left, &right, right.len()).pairs(&options.query(true, &allowed, &fixed))
    };
    // One-to-one partners, keyed or by wording, seen from both plans.
    let mut partner_old: Vec<Option<usize>> = vec![None; na];
    let mut partner_new: Vec<Option<usize>> = vec![None; nb];
    let paired = paired
        .into_iter()
        .enumerate()
        .filter_map(|(l, r)| Some((*open_a.get(l)?, *open_b.get(r?)?)));
    let mut one_to_one: Vec<(usize, usize)> = Vec::new();
    for (i, j) in fixed.iter().copied().chain(paired) {
        one_to_one.push((i, j));
        found.link(i, j);
        if let (Some(old), Some(new)) = (partner_old.get_mut(i), partner_new.get_mut(j)) {
            *old = Some(j);
            *new = Some(i);
        }
    }
    // Splits: a new clause without a link that is part of an old clause `i`,
    // looked for beside the new clause paired with `i` and among the old clauses
    // on its subjects. Joins: the same, the other way round.
    // Texts are keyed by plan (old: false, new: true) and clause position.
    let mut coverage = Coverage::new();
    let mut part_of = |part, beside: &[(bool, usize)], whole| {
        let at = |(new, k): (bool, usize)| ((new, k), text(if new { b } else { a }, k));
        let (part, whole) = (at(part), at(whole));
        let beside: Vec<_> = beside.iter().copied().map(at).collect();
        let with_part: Vec<_> = beside.iter().copied().chain([part]).collect();
        coverage.covered(part, &[whole]) >= PART_COVERED
            && coverage.covered(part, &beside) <= PART_REPEATS
            && coverage.covered(whole, &with_part) - coverage.covered(whole, &beside) >= PART_ADDS
    };
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let wholes =
        |k: usize, rows: &[Vec<usize>], partners: &[Option<usize>], cells: &dyn Fn(usize) -> Vec<usize>| {
            let beside = [k.checked_sub(1), k.checked_add(1)].into_iter().flatten();
            let beside: Vec<usize> = beside
                .filter_map(|n| partners.get(n).copied().flatten())
                .collect();
            let on_subjects = rows.get(k).into_iter().flatten().flat_map(|&row| cells(row));
            let mut found: Vec<usize> = beside.into_iter().chain(on_subjects).collect();
            found.dedup();
            found
        };
    let cell = |side: usize| {
        move |row: usize| -> Vec<usize> {
            let refs = alignment.rows.get(row).and_then(|r| r.cells.get(side));
            let clauses = refs.into_iter().flatten().map(|r| r.clause);
            clauses.take(CELL_LIMIT).collect()
        }
    };
    // A part in the new plan (a split) is looked for among old clauses, and the
    // other way round (a join).
    for new in [true, false] {
        let (count, rows, partners, others) = if new {
            (nb, &rows_b, &partner_new, &partner_old)
        } else {
            (na, &rows_a, &partner_old, &partner_new)
        };
        let linked = |k: usize| if new { found.has_new(k) } else { found.has_old(k) };
        // The parts found so far of each whole, in document order: a part must
        // add what the whole's partner and its earlier parts do not cover.
        let mut found_parts: HashMap<usize, Vec<(bool, usize)>> = HashMap::new();
        for k in (0..count).filter(|&k| !linked(k)) {
            let whole = wholes(k, rows, partners, &cell(usize::from(!new)))
                .into_iter()
                .find(|&w| {
                    let partner = others.get(w).copied().flatten().map(|n| (new, n));
                    let earlier = found_parts.get(&w).map(Vec::as_slice).unwrap_or_default();
                    let beside: Vec<(bool, usize)> =
                        partner.into_iter().chain(earlier.iter().copied()).collect();
                    part_of((new, k), &beside, (!new, w))
                });
            if let Some(w) = whole {
                found_parts.entry(w).or_default().push((new, k));
                parts.push(if new { (w, k) } else { (k, w) });
            }
        }
    }
    for (i, j) in parts {
        found.link(i, j);
    }
    one_to_one.sort_unstable();
    let news: Vec<usize> = one_to_one.iter().map(|p| p.1).collect();
    found.chain = longest_chain(&news)
        .into_iter()
        .filter_map(|k| one_to_one.get(k).copied())
        .collect();
    found
}

/// The text of clause `k` of `plan`.
fn text(plan: &Plan, k: usize) -> &str {
    plan.clauses.get_index(k).map_or("", |(_, c)| c.text.as_str())
}

/// Clause `k` of `plan` as a text to match, at its position.
fn item(plan: &Plan, k: usize) -> Option<Item<'_>> {
    let (_, clause) = plan.clauses.get_index(k)?;
    Some(Item {
        text: clause.text.as_str(),
        position: k,
    })
}

/// Whether clause `k` of `plan` holds an untyped provision.
fn untyped(plan: &Plan, k: usize) -> bool {
    plan.clauses
        .get_index(k)
        .is_some_and(|(_, clause)| clause.provisions.iter().any(|p| !p.is_typed()))
}

/// Whether two sorted lists share an element.
fn share(a: Option<&Vec<usize>>, b: Option<&Vec<usize>>) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return false;
    };
    let (mut i, mut j) = (0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}
