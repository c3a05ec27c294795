//! Alignment: which provisions of several plans speak of the same subject.
//!
//! Typed provisions align by [`Subject`]: every provision of a plan on one subject
//! lands in the same cell, so point 21a and point 21d of the 28-point draft both sit
//! in the `territory/donetsk` row.
//!
//! [`Other`](crate::Provision::Other) provisions carry free slugs that plans written
//! by different people will not share. They align first by identical slug, then by
//! wording, one to one, in the passes below. A [diff](mod@crate::diff) pairs clauses
//! the same way when a subject has several clauses on a side, and for clauses
//! that share no subject when one of them is untyped.
//!
//! # How texts are scored
//!
//! Texts are compared as bags of words: lowercase, without the punctuation at
//! either end of a word, so that reordering a sentence is not a rewording of all
//! its words. Each word weighs its inverse document frequency over the texts
//! being matched, `ln(1 + N / df)`, so that the words that tell texts apart
//! (numbers, names, rare words) count for more than the words every text has.
//! The score of two texts is their weighted Dice coefficient, from 0 to 1: twice
//! the weight they share over the weight of both. [`similarity`] is the same
//! score with every word weighing the same.
//!
//! # How texts are paired
//!
//! 1. **Twins.** Texts equal once normalised, one on each side, pair at once.
//!    When order counts (a diff), repeated twins pair as a line diff pairs equal
//!    lines: the twin pairs on one longest chain that keeps the order of both
//!    sides, with the anchors and the pairs made, so that each copy of a repeated
//!    text pairs with the copy at its place (each copy offers the 16 copies of
//!    nearest rank on the other side).
//! 2. **Unique near-twins.** A pair that scores at least 0.8, where each text is
//!    the other's best candidate by a margin of 0.1, pairs next. These pairs and
//!    those fixed by subject, where they keep the order of both plans (a longest
//!    increasing chain), are the **anchors**.
//! 3. **Candidates.** Each text left over is scored against the texts that share its
//!    rarest words (an inverted index: eight words that some other text holds, 64
//!    entries each, read around the place the anchors expect the text when order
//!    counts; the twelve texts sharing most kept), the free texts between the same
//!    two anchors, nearest the place the anchors expect first (six), and its twins.
//!    A pair is kept when it scores at least the
//!    [similarity threshold](Options::similarity_threshold) (0.5) and shares at
//!    least two distinctive words (words in at most one text in twenty, or in at
//!    most four), or all of them when a text has fewer; or when the two texts alone
//!    hold some word and share at least half their words, each counted once (the
//!    plain [`similarity`] reaching the similarity threshold): boilerplate reworded
//!    around its one number. A pair out of the anchors' order must also lead the
//!    text's next candidate, paired or not, by 0.1 (unless it alone holds a word),
//!    or it would be a guess among look-alikes, the copies of a repeated text
//!    among them. The kept pairs are assigned one to one to maximise their total
//!    score, with a bonus of at most 0.05 for standing where the anchors expect:
//!    optimally (Hungarian algorithm) in each connected group of at most 48 texts a
//!    side, greedily by score above.
//! 4. **Gaps.** Between two consecutive anchors, the texts left over are aligned
//!    in order: the order-keeping pairs of greatest total score (a sequence
//!    alignment, for gaps of up to 1,024 pairs of texts; in larger ones each text
//!    proposes to its best neighbour and a neighbour takes its best proposal).
//!    A pair may pair there when it scores at least the
//!    [gap threshold](Options::gap_threshold) (0.3), or when it shares at least
//!    half its words, each counted once: between two anchors the candidates are
//!    few, so that common words are evidence, and a clause reworded with rare words
//!    keeps most of its common ones. Order is the evidence a lower score needs: a
//!    clause whose only distinctive word changed, such as boilerplate that differs
//!    in one number, pairs with the clause at its place. Pairs that share a
//!    distinctive word come first (up to three rounds, each with the anchors the
//!    last one added); then the copies of a repeated text that stand out of order
//!    (moved) pair with the copies left free, first those that no free text of
//!    their gap could still claim; then up to three rounds on order alone.
//!
//! Every step reads a bounded number of candidates per text, so the whole is
//! near-linear whatever the input; on adversarial input (every text alike) it
//! degrades in quality, not into a hang.
//!
//! ```
//! use peacediff::{align, corpus};
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
//! let alignment = align::align(&plans);
//! let crimea = alignment.rows.iter().find(|r| r.subject.to_string() == "territory/crimea").unwrap();
//! // The April counter-proposal says nothing about Crimea; the Geneva revision
//! // leaves it to the leaders; the E3 text drops its recognition.
//! assert_eq!(crimea.cells.iter().map(Vec::len).collect::<Vec<_>>(), [1, 0, 1, 1, 0, 0]);
//! ```

use foldhash::{HashMap, HashMapExt};
use std::cmp::Ordering;

use crate::matching::{Item, Matcher, Query};
use crate::{Plan, Provision, Subject, Topic};

/// How the engine pairs texts by wording: the knobs of the passes above.
/// [`Options::default`] is what [`diff()`](crate::diff()), [`compare()`](crate::compare())
/// and [`merge()`](crate::merge()) use; [`diff_with`](crate::diff_with),
/// [`compare_with`](crate::compare_with) and [`merge_with`](crate::merge_with) take others.
///
/// ```
/// use peacediff::{align::Options, corpus, diff, diff_with};
///
/// let (april, counter) = (corpus::get("witkoff-2025-04").unwrap(), corpus::get("european-ukrainian-2025-04").unwrap());
/// let strict = Options::default().with_similarity_threshold(0.9).with_gap_threshold(0.9);
/// assert_eq!(strict.similarity_threshold(), 0.9);
/// // Stricter wording pairs leave at least as many clauses unpaired.
/// let unpaired = |d: &peacediff::PlanDiff| d.clauses.iter().filter(|c| c.before.is_empty() || c.after.is_empty()).count();
/// assert!(unpaired(&diff_with(april, counter, &strict)) >= unpaired(&diff(april, counter)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct Options {
    similarity_threshold: f64,
    gap_threshold: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            similarity_threshold: crate::matching::THRESHOLD,
            gap_threshold: crate::matching::GAP_THRESHOLD,
        }
    }
}

impl Options {
    /// The least score at which two texts pair on wording alone (step 3); 0.5 by default.
    pub fn similarity_threshold(&self) -> f64 {
        self.similarity_threshold
    }

    /// The least score at which two texts left over between the same two anchors
    /// pair in order (step 4); 0.3 by default.
    pub fn gap_threshold(&self) -> f64 {
        self.gap_threshold
    }

    /// The same options with another similarity threshold, kept between 0 and 1
    /// (a value that is not a number leaves the threshold as it was).
    pub fn with_similarity_threshold(self, threshold: f64) -> Self {
        Options {
            similarity_threshold: unit(threshold).unwrap_or(self.similarity_threshold),
            ..self
        }
    }

    /// The same options with another gap threshold, kept between 0 and 1 (a value
    /// that is not a number leaves the threshold as it was).
    pub fn with_gap_threshold(self, threshold: f64) -> Self {
        Options {
            gap_threshold: unit(threshold).unwrap_or(self.gap_threshold),
            ..self
        }
    }

    /// A matching query with these thresholds.
    pub(crate) fn query<'q>(
        &self,
        ordered: bool,
        allowed: &'q dyn Fn(usize, usize) -> bool,
        anchors: &'q [(usize, usize)],
    ) -> Query<'q> {
        Query {
            ordered,
            allowed,
            anchors,
            threshold: self.similarity_threshold,
            gap_threshold: self.gap_threshold,
        }
    }
}

fn unit(value: f64) -> Option<f64> {
    (!value.is_nan()).then(|| value.clamp(0.0, 1.0))
}

/// A provision of a plan, by position: the clause's index in
/// [`Plan::clauses`] and the provision's index in [`Clause::provisions`](crate::Clause::provisions).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub struct ProvisionRef {
    /// Index of the clause in the plan.
    pub clause: usize,
    /// Index of the provision in the clause.
    pub provision: usize,
}

impl ProvisionRef {
    /// The provision this points at, if the plan has it.
    pub fn get<'a>(&self, plan: &'a Plan) -> Option<&'a Provision> {
        let (_, clause) = plan.clauses.get_index(self.clause)?;
        clause.provisions.get(self.provision)
    }
}

/// One aligned subject across the plans.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Row {
    /// The subject. For aligned `other` provisions with different slugs, the
    /// smallest of their subjects.
    pub subject: Subject,
    /// One cell per plan, in the order the plans were given: the plan's
    /// provisions on this subject in document order (empty when it has none).
    pub cells: Vec<Vec<ProvisionRef>>,
}

/// The alignment of several plans: one row per subject, in topic then subject order.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Alignment {
    /// The rows, ordered by subject.
    pub rows: Vec<Row>,
}

/// Aligns the provisions of `plans` by subject, and `other` provisions by slug and wording.
///
/// The result does not depend on the order of `plans` apart from the order of the cells.
pub fn align(plans: &[&Plan]) -> Alignment {
    aligned(plans, &Options::default())
}

/// [`align`] with other [`Options`].
pub(crate) fn aligned(plans: &[&Plan], options: &Options) -> Alignment {
    // Subjects are numbered as first met, hashed by borrowed slug (ordering them
    // is costlier than hashing); the cells are built after, not while hashing.
    let provisions = plans.iter().map(|plan| plan.clauses.len()).sum();
    let mut numbers: HashMap<(Topic, &str), usize> = HashMap::with_capacity(provisions);
    let mut subjects: Vec<(Topic, &str)> = Vec::new();
    let mut found: Vec<(usize, usize, ProvisionRef)> = Vec::with_capacity(provisions);
    for (column, plan) in plans.iter().enumerate() {
        for (clause, (_, c)) in plan.clauses.iter().enumerate() {
            for (provision, p) in c.provisions.iter().enumerate() {
                let subject = (p.topic(), p.slug());
                let number = *numbers.entry(subject).or_insert(subjects.len());
                if number == subjects.len() {
                    subjects.push(subject);
                }
                found.push((number, column, ProvisionRef { clause, provision }));
            }
        }
    }
    drop(numbers);
    let mut by_subject: Vec<Vec<Vec<ProvisionRef>>> = vec![vec![Vec::new(); plans.len()]; subjects.len()];
    for (number, column, at) in found {
        if let Some(cell) = by_subject.get_mut(number).and_then(|cells| cells.get_mut(column)) {
            cell.push(at);
        }
    }
    // An `other` slug that only one plan uses is left to the wording pass.
    let mut rows = Vec::with_capacity(subjects.len());
    let mut leftovers: Vec<Vec<(&str, Vec<ProvisionRef>)>> = vec![Vec::new(); plans.len()];
    for ((topic, slug), mut cells) in subjects.into_iter().zip(by_subject) {
        let mut users = cells.iter().enumerate().filter(|(_, cell)| !cell.is_empty());
        if let (Topic::Other, Some((column, _)), None) = (topic, users.next(), users.next())
            && let (Some(cell), Some(left)) = (cells.get_mut(column), leftovers.get_mut(column))
        {
            left.push((slug, std::mem::take(cell)));
            continue;
        }
        rows.push(Row {
            subject: Subject::from_parts(topic, slug),
            cells,
        });
    }
    rows.extend(align_by_wording(plans, leftovers, options));
    Alignment {
        rows: by_subject_order(rows),
    }
}

/// `alignment` with each `other` row that one plan alone holds, of clauses left
/// unread (see [`unread`]), placed on a typed row whose clauses in the other
/// plans it matches by wording, where that plan's cell is empty: a point the
/// text importer could not type still stands beside the typed clauses it
/// re-words. The wording pass is the one of [`align`](fn@align) (unordered),
/// against the clauses of the typed provisions only, so each plan's placements
/// do not depend on the others'.
pub(crate) fn untyped_onto_subjects(plans: &[&Plan], alignment: Alignment, options: &Options) -> Alignment {
    let mut rows = alignment.rows;
    let lone = |row: &Row| {
        let mut users = row.cells.iter().enumerate().filter(|(_, cell)| !cell.is_empty());
        match (row.subject.topic(), users.next(), users.next()) {
            (Topic::Other, Some((column, _)), None) => Some(column),
            _ => None,
        }
    };
    let mut moves: Vec<(usize, usize, usize)> = Vec::new();
    for column in canonical_order(plans) {
        let Some(plan) = plans.get(column) else {
            continue;
        };
        let texts: Vec<(usize, String, usize)> = rows
            .iter()
            .enumerate()
            .filter(|(_, row)| lone(row) == Some(column))
            .filter_map(|(index, row)| {
                let refs = row.cells.get(column).filter(|refs| unread(plan, refs))?;
                Some((index, summary(plan, refs), refs.first().map_or(0, |r| r.clause)))
            })
            .collect();
        let typed: Vec<(usize, Item<'_>)> = rows
            .iter()
            .enumerate()
            .filter(|(_, row)| {
                row.subject.topic() != Topic::Other && row.cells.get(column).is_some_and(Vec::is_empty)
            })
            .flat_map(|(index, row)| {
                row.cells.iter().zip(plans).flat_map(move |(cell, other)| {
                    let mut clauses: Vec<usize> = cell
                        .iter()
                        .filter(|r| r.get(other).is_some_and(Provision::is_typed))
                        .map(|r| r.clause)
                        .collect();
                    clauses.dedup();
                    clauses.into_iter().filter_map(move |k| {
                        let (_, clause) = other.clauses.get_index(k)?;
                        Some((
                            index,
                            Item {
                                text: clause.text.as_str(),
                                position: k,
                            },
                        ))
                    })
                })
            })
            .collect();
        if texts.is_empty() || typed.is_empty() {
            continue;
        }
        let left: Vec<Item<'_>> = texts
            .iter()
            .map(|(_, text, position)| Item {
                text: text.as_str(),
                position: *position,
            })
            .collect();
        let query = options.query(false, &|_, _| true, &[]);
        let placed = Matcher::new(&left, &typed, rows.len()).pairs(&query);
        for ((from, _, _), onto) in texts.iter().zip(placed) {
            if let Some(onto) = onto {
                moves.push((*from, onto, column));
            }
        }
    }
    for &(from, onto, column) in &moves {
        let refs = rows
            .get_mut(from)
            .and_then(|row| row.cells.get_mut(column))
            .map(std::mem::take)
            .unwrap_or_default();
        if let Some(cell) = rows.get_mut(onto).and_then(|row| row.cells.get_mut(column)) {
            *cell = refs;
        }
    }
    rows.retain(|row| row.cells.iter().any(|cell| !cell.is_empty()));
    Alignment { rows }
}

/// `rows` in subject order. Each row's key is read once into one array, with the
/// first bytes of its slug as a number, so that sorting compares slugs through
/// their text only when those bytes are equal.
fn by_subject_order(rows: Vec<Row>) -> Vec<Row> {
    let prefix = |slug: &str| {
        let mut bytes = [0u8; 16];
        for (to, from) in bytes.iter_mut().zip(slug.bytes()) {
            *to = from;
        }
        u128::from_be_bytes(bytes)
    };
    let mut keys: Vec<((Topic, usize, u128), usize)> = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            (
                (
                    row.subject.topic(),
                    row.subject.rank(),
                    prefix(row.subject.slug()),
                ),
                i,
            )
        })
        .collect();
    keys.sort_unstable_by(|(x, i), (y, j)| {
        x.cmp(y).then_with(|| match (rows.get(*i), rows.get(*j)) {
            (Some(a), Some(b)) => a.subject.cmp(&b.subject),
            _ => i.cmp(j),
        })
    });
    let mut slots: Vec<Option<Row>> = rows.into_iter().map(Some).collect();
    keys.into_iter()
        .filter_map(|(_, i)| slots.get_mut(i).and_then(Option::take))
        .collect()
}

/// A row the wording pass may still add to: its cells, its members' texts with
/// their positions, and its smallest slug, which names it.
type OpenRow<'p> = (Vec<Vec<ProvisionRef>>, Vec<(String, usize)>, &'p str);

/// Rows for the `other` slugs that only one plan uses (`leftovers`, per plan),
/// aligned by wording, plan by plan in a canonical order.
fn align_by_wording<'p>(
    plans: &[&'p Plan],
    mut leftovers: Vec<Vec<(&'p str, Vec<ProvisionRef>)>>,
    options: &Options,
) -> Vec<Row> {
    // Each open row keeps the texts of its members; a plan's leftovers are
    // assigned to rows, and what stays unassigned opens new rows.
    let mut open: Vec<OpenRow<'_>> = Vec::new();
    for (turn, column) in canonical_order(plans).into_iter().enumerate() {
        let (Some(plan), Some(leftovers)) = (plans.get(column), leftovers.get_mut(column)) else {
            continue;
        };
        // In document order, which the matcher reads positions from, and which
        // does not depend on hashing.
        let mut leftovers = std::mem::take(leftovers);
        leftovers.sort_unstable_by_key(|(slug, refs)| (refs.first().map(|r| r.clause), *slug));
        let texts: Vec<(String, usize)> = leftovers
            .iter()
            .map(|(_, refs)| (summary(plan, refs), refs.first().map_or(0, |r| r.clause)))
            .collect();
        let members: Vec<(usize, Item<'_>)> = open
            .iter()
            .enumerate()
            .flat_map(|(row, (_, members, _))| {
                members.iter().map(move |(text, position)| {
                    let item = Item {
                        text: text.as_str(),
                        position: *position,
                    };
                    (row, item)
                })
            })
            .collect();
        let left: Vec<Item<'_>> = texts
            .iter()
            .map(|(text, position)| Item {
                text: text.as_str(),
                position: *position,
            })
            .collect();
        // Positions compare across two plans only: the second plan's leftovers
        // meet rows of the first alone.
        let query = options.query(turn == 1, &|_, _| true, &[]);
        // The first plan's leftovers have no row to join yet.
        let assignment = if members.is_empty() {
            vec![None; left.len()]
        } else {
            Matcher::new(&left, &members, open.len()).pairs(&query)
        };
        for (((slug, refs), text), row) in leftovers.into_iter().zip(texts).zip(assignment) {
            match row.and_then(|row| open.get_mut(row)) {
                Some((cells, members, min_slug)) => {
                    if let Some(cell) = cells.get_mut(column) {
                        *cell = refs;
                    }
                    members.push(text);
                    if slug < *min_slug {
                        *min_slug = slug;
                    }
                }
                None => {
                    let mut cells = vec![Vec::new(); plans.len()];
                    if let Some(cell) = cells.get_mut(column) {
                        *cell = refs;
                    }
                    open.push((cells, vec![text], slug));
                }
            }
        }
    }
    open.into_iter()
        .map(|(cells, _, slug)| Row {
            subject: Subject::from_parts(Topic::Other, slug),
            cells,
        })
        .collect()
}

/// Whether every provision `refs` points at is an `other` one that is its clause's
/// own words: nothing was read from the clause (the text importer leaves a point
/// it cannot type so). An `other` provision with a summary of its own is a
/// reading that chose no typed subject, and keeps its row.
fn unread(plan: &Plan, refs: &[ProvisionRef]) -> bool {
    refs.iter().all(|r| {
        let clause = plan.clauses.get_index(r.clause).map(|(_, c)| c);
        match (clause, r.get(plan)) {
            (Some(clause), Some(Provision::Other(other))) => other.summary == clause.text,
            _ => false,
        }
    })
}

/// The summaries of `other` provisions, joined.
fn summary(plan: &Plan, refs: &[ProvisionRef]) -> String {
    let texts: Vec<&str> = refs
        .iter()
        .filter_map(|r| match r.get(plan) {
            Some(Provision::Other(other)) => Some(other.summary.as_str()),
            _ => None,
        })
        .collect();
    texts.join(" ")
}

/// The plans' indices, sorted by content so that results do not depend on input order.
pub(crate) fn canonical_order(plans: &[&Plan]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..plans.len()).collect();
    order.sort_by(|&a, &b| match (plans.get(a), plans.get(b)) {
        (Some(x), Some(y)) => canonical_cmp(x, y).then(a.cmp(&b)),
        _ => a.cmp(&b),
    });
    order
}

/// A total order on plans by content: id, then date, then the JSON form.
pub(crate) fn canonical_cmp(a: &Plan, b: &Plan) -> Ordering {
    a.id.cmp(&b.id).then_with(|| a.date.cmp(&b.date)).then_with(|| {
        if a == b {
            Ordering::Equal
        } else {
            a.to_json().cmp(&b.to_json())
        }
    })
}

/// Word-level similarity of two texts, from 0 (nothing shared) to 1 (the same words):
/// twice the number of words the texts share over the number of words in both,
/// comparing words without case and without the punctuation at either end.
///
/// The engine scores pairs the same way, with each word weighted by how rare it
/// is among the texts being matched (see the module docs).
///
/// ```
/// use peacediff::align::similarity;
/// assert_eq!(similarity("a full ceasefire", "a full ceasefire"), 1.0);
/// assert_eq!(similarity("A full ceasefire.", "a full ceasefire"), 1.0);
/// assert!(similarity("a full ceasefire now", "a full ceasefire soon") > 0.5);
/// assert!(similarity("a full ceasefire", "elections within 100 days") < 0.5);
/// assert!(similarity("The Kinburn Spit returns to Ukraine.", "The army is capped at 600,000.") < 0.5);
/// ```
pub fn similarity(a: &str, b: &str) -> f64 {
    crate::matching::similarity(a, b)
}
