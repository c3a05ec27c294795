//! Seeded synthetic plans and perturbations, for benches, load tests and
//! property tests. The same seed always gives the same plan.
//!
//! A synthetic plan has `clauses` clauses of generated wording. Each clause holds one
//! keyed provision: a typed one for the first clauses (one per known typed subject, in
//! turn) and then `other` provisions with unique slugs, which align exactly like typed
//! subjects do. [`perturb`] derives a second plan (rewording, amending, adding,
//! removing, moving, splitting and joining clauses) and returns the true
//! correspondence of their clauses, so the engine can be checked against it.
//!
//! [`Workload`] names the shapes the engine is measured on, each with its truth:
//! keyed and untyped plans, subjects repeated by a Zipf law, rewording by synonyms
//! and reordered segments, boilerplate that differs in one number, clusters of
//! near-duplicates, and one subject for every clause. `cargo run --release
//! --example scale` prints recall, precision and time for each.
//!
//! How well wording alone aligns untyped clauses: over 200 seeded pairs of
//! 30-clause plans whose `other` slugs are all renamed and 30 % of whose clauses
//! are reworded (a fifth of their words each), the engine recovers at least 98 % of
//! the true clause pairs and finds no false pair; the test
//! `the_documented_wording_alignment_rate` in `tests/properties.rs` checks it.
//!
//! ```
//! use peacediff::synth::{self, Perturbation, Shape};
//!
//! let base = synth::plan(7, &Shape::clauses(200));
//! let (derived, truth) = synth::perturb(&base, 7, &Perturbation::default());
//! assert_eq!(base, synth::plan(7, &Shape::clauses(200)));
//! let d = peacediff::diff(&base, &derived);
//! assert_eq!(d.apply(&base).unwrap(), derived);
//! assert!(truth.recall(&d) > 0.99);
//! ```

use std::collections::BTreeSet;

use indexmap::IndexMap;

use crate::{
    Clause, Completeness, Confidence, Date, Other, Plan, PlanDiff, Provision, Source, Subject, Territory,
    TerritoryStatus, known_subjects,
};

/// A small, fast, seedable generator (SplitMix64).
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        match u64::try_from(n) {
            Ok(n) if n > 0 => usize::try_from(self.next_u64() % n).unwrap_or(0),
            _ => 0,
        }
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        // The top 53 bits as a fraction in [0, 1).
        let fraction = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        fraction < p
    }
}

/// How a synthetic plan's clauses get their subjects.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum Subjects {
    /// A typed subject for each of the first [`Shape::typed`] clauses, one per known
    /// typed subject in turn, then `other` provisions with unique slugs: every clause keyed.
    Keyed,
    /// Subjects drawn from the known subjects by a Zipf law (the `k`-th most common
    /// with weight `1 / k`), as they repeat once a plan has more clauses than there are
    /// subjects. Territory subjects carry a territory status; the others an `other`
    /// provision whose summary is the same for every clause of the subject.
    Zipf,
    /// Every clause on one subject with one value (Crimea, recognised as Russian de
    /// facto); only the wording tells the clauses apart.
    One,
    /// Every `other` provision on one slug, with the clause's text as its summary.
    OneSlug,
}

/// How a synthetic plan's clause texts are written.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum Texts {
    /// Pseudo-words from a vocabulary of about 14,000: texts rarely share rare words.
    Random,
    /// One sentence of common words for every clause, with a number that differs:
    /// "the parties complete the exchange within 5438 days".
    Boilerplate,
    /// Clusters of near-duplicates: `sentences` base texts, each clause a copy of one
    /// of them with two of its words replaced.
    NearDuplicates {
        /// How many base texts the clauses vary.
        sentences: usize,
    },
    /// Every clause has the same wording.
    Same,
}

/// The size and mix of a synthetic plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    /// Number of clauses.
    pub clauses: usize,
    /// Words per clause text, at least.
    pub min_words: usize,
    /// Words per clause text, at most.
    pub max_words: usize,
    /// With [`Subjects::Keyed`], how many clauses (from the first) carry typed
    /// provisions; the rest carry `other` provisions with unique slugs.
    pub typed: usize,
    /// How clauses get their subjects.
    pub subjects: Subjects,
    /// How clause texts are written.
    pub texts: Texts,
}

impl Shape {
    /// `n` clauses of 12 to 30 random words, keyed; typed provisions on as many
    /// clauses as there are typed subjects.
    pub fn clauses(n: usize) -> Shape {
        Shape {
            clauses: n,
            min_words: 12,
            max_words: 30,
            typed: known_subjects().count(),
            subjects: Subjects::Keyed,
            texts: Texts::Random,
        }
    }

    /// `n` clauses with `other` provisions only (no typed subject).
    pub fn untyped(n: usize) -> Shape {
        Shape {
            typed: 0,
            ..Shape::clauses(n)
        }
    }
}

/// How a derived plan departs from its base: shares of clauses, from 0 to 1.
#[derive(Clone, Debug, PartialEq)]
pub struct Perturbation {
    /// Clauses whose wording changes (about a fifth of their words).
    pub reword: f64,
    /// Clauses whose typed value changes (a field of the provision).
    pub amend: f64,
    /// New clauses, relative to the base's size.
    pub add: f64,
    /// Clauses removed.
    pub remove: f64,
    /// Clauses moved to another place.
    pub shuffle: f64,
    /// Clauses split in two.
    pub split: f64,
    /// Clauses joined with the next.
    pub join: f64,
    /// Whether `other` slugs are renamed, so that only wording can align them.
    pub rename_untyped: bool,
    /// How reworded clauses are rewritten.
    pub rewording: Rewording,
}

/// How [`perturb`] rewrites the wording of a clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Rewording {
    /// About a fifth of the words replaced by random words.
    Words,
    /// About a third of the words replaced by a synonym (the same one wherever the
    /// word stands), and the text cut in two or three segments put in another order.
    Synonyms,
    /// Every number in the text replaced by another (random words where it has none).
    Numbers,
    /// About a fifth of the words replaced by random words, as with
    /// [`Words`](Rewording::Words), but never a number: a clause keeps the one
    /// word that may tell it from the others of a boilerplate sentence.
    AroundNumbers,
}

impl Default for Perturbation {
    /// 20 % reworded, 10 % amended, 5 % added, 5 % removed, 5 % moved, 2 % split,
    /// 2 % joined; slugs kept.
    fn default() -> Self {
        Perturbation {
            reword: 0.2,
            amend: 0.1,
            add: 0.05,
            remove: 0.05,
            shuffle: 0.05,
            split: 0.02,
            join: 0.02,
            rename_untyped: false,
            rewording: Rewording::Words,
        }
    }
}

impl Perturbation {
    /// The untyped alignment workload: every `other` slug renamed, so that only
    /// wording aligns clauses, `reword` of the clauses reworded and 5 % moved;
    /// nothing added, removed, amended, split or joined.
    pub fn untyped_rewording(reword: f64) -> Perturbation {
        Perturbation {
            reword,
            amend: 0.0,
            add: 0.0,
            remove: 0.0,
            shuffle: 0.05,
            split: 0.0,
            join: 0.0,
            rename_untyped: true,
            rewording: Rewording::Words,
        }
    }
}

/// The true correspondence between a base plan's clauses and a derived plan's.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Truth {
    /// Pairs (base clause id, derived clause id) that stem from one another.
    pub pairs: BTreeSet<(String, String)>,
}

impl Truth {
    /// The clause pairs a diff puts in the same clause change.
    pub fn found(diff: &PlanDiff) -> BTreeSet<(String, String)> {
        diff.clauses
            .iter()
            .flat_map(|change| {
                change.before.iter().flat_map(move |b| {
                    change
                        .after
                        .iter()
                        .map(move |a| (b.clause.id.clone(), a.clause.id.clone()))
                })
            })
            .collect()
    }

    /// Share of true pairs the diff finds (1 when there are none).
    pub fn recall(&self, diff: &PlanDiff) -> f64 {
        let found = Truth::found(diff);
        share(
            self.pairs.iter().filter(|p| found.contains(*p)).count(),
            self.pairs.len(),
        )
    }

    /// Share of the diff's pairs that are true (1 when it finds none).
    pub fn precision(&self, diff: &PlanDiff) -> f64 {
        let found = Truth::found(diff);
        share(
            found.iter().filter(|p| self.pairs.contains(*p)).count(),
            found.len(),
        )
    }
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        // Counts are far below 2^52: the conversion is exact.
        part as f64 / whole as f64
    }
}

const SYLLABLES: [&str; 24] = [
    "ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "pa", "do", "gu", "ba", "fe", "hi", "jo", "ly",
    "qu", "re", "so", "tu", "wa", "xi", "yo",
];

/// A pseudo-word from a vocabulary of about 14,000, so that texts rarely share rare words by chance.
fn word(rng: &mut Rng) -> String {
    let syllables = 2 + rng.below(2);
    (0..syllables)
        .filter_map(|_| SYLLABLES.get(rng.below(SYLLABLES.len())).copied())
        .collect()
}

/// A random territory status other than `not`.
fn status(rng: &mut Rng, not: Option<TerritoryStatus>) -> TerritoryStatus {
    let choices: Vec<TerritoryStatus> = TerritoryStatus::ALL
        .iter()
        .copied()
        .filter(|s| Some(*s) != not)
        .collect();
    choices
        .get(rng.below(choices.len()))
        .copied()
        .unwrap_or(TerritoryStatus::Bracketed)
}

/// A text of random words, of a length the shape allows.
fn random_text(rng: &mut Rng, shape: &Shape) -> String {
    let span = shape.max_words.saturating_sub(shape.min_words) + 1;
    let words = shape.min_words.max(1) + rng.below(span);
    let words: Vec<String> = (0..words).map(|_| word(rng)).collect();
    words.join(" ")
}

const SOURCE: &str = "S1";

fn source() -> Source {
    Source {
        id: SOURCE.into(),
        outlet: "Synthetic".into(),
        title: "Generated plan".into(),
        url: "https://example.org/synthetic".into(),
        date: Date::parse("2025-01-01").unwrap_or(Date {
            year: 2025,
            month: 1,
            day: Some(1),
            approximate: false,
        }),
    }
}

/// The sentence every boilerplate clause repeats, but for its number.
const BOILERPLATE: [&str; 2] = [
    "the parties shall complete the exchange of the agreed lists within",
    "days of the signature of this agreement",
];

/// Writes the clauses of one shape: the base plan's, and those `perturb` adds.
struct Writer<'s> {
    shape: &'s Shape,
    /// Whether the writer adds to a derived plan: its numbers then stay out of
    /// the base's range, so that no added clause is a twin of a base clause by chance.
    adding: bool,
    /// The base texts of near-duplicate clusters, or the one text of `Texts::Same`.
    sentences: Vec<String>,
    /// Cumulative Zipf weights over the known subjects.
    zipf: Vec<f64>,
    subjects: Vec<(Subject, &'static str)>,
}

impl<'s> Writer<'s> {
    fn new(rng: &mut Rng, shape: &'s Shape) -> Self {
        // Drawn for every shape, so that a seed gives the same plans whatever the texts.
        let same = random_text(rng, shape);
        let sentences = match shape.texts {
            Texts::NearDuplicates { sentences } => {
                (0..sentences.max(1)).map(|_| random_text(rng, shape)).collect()
            }
            Texts::Same => vec![same],
            Texts::Random | Texts::Boilerplate => Vec::new(),
        };
        let subjects: Vec<(Subject, &'static str)> = known_subjects().collect();
        let mut total = 0.0;
        let zipf = (1..=subjects.len())
            .map(|k| {
                total += 1.0 / k as f64;
                total
            })
            .collect();
        Writer {
            shape,
            adding: false,
            sentences,
            zipf,
            subjects,
        }
    }

    /// A number for a boilerplate clause: up to 10,000 (or the plan's clause
    /// count, when greater) in a base plan, above in what perturbation writes.
    fn number(&self, rng: &mut Rng) -> usize {
        fresh_number(rng, self.numbers(), self.adding)
    }

    /// How many numbers a base plan's boilerplate draws from: as many as it has
    /// clauses, and at least 10,000, so that numbers repeat as often at every
    /// size (a plan of 100,000 clauses drawing from 10,000 numbers would hold ten
    /// copies of every text, and a moved copy could not be told from the others).
    fn numbers(&self) -> usize {
        self.shape.clauses.max(10_000)
    }

    fn text(&self, rng: &mut Rng) -> String {
        match self.shape.texts {
            Texts::Random => random_text(rng, self.shape),
            Texts::Boilerplate => {
                let [before, after] = BOILERPLATE;
                format!("{before} {} {after}", self.number(rng))
            }
            Texts::NearDuplicates { .. } => {
                let base = self.sentences.get(rng.below(self.sentences.len()));
                let mut words: Vec<String> = base
                    .map_or("", String::as_str)
                    .split_whitespace()
                    .map(str::to_owned)
                    .collect();
                for _ in 0..2 {
                    let at = rng.below(words.len());
                    if let Some(slot) = words.get_mut(at) {
                        *slot = word(rng);
                    }
                }
                words.join(" ")
            }
            Texts::Same => self.sentences.first().cloned().unwrap_or_default(),
        }
    }

    /// The provision of clause `n` (`fresh` names the slug of a clause without a
    /// typed subject).
    fn provision(&self, rng: &mut Rng, n: usize, fresh: &str, summary: &str) -> Provision {
        let other = |subject: &str, summary: &str| {
            Provision::Other(Other {
                subject: subject.to_owned(),
                summary: summary.to_owned(),
            })
        };
        let territory = |subject, status| {
            Provision::Territory(Territory {
                subject,
                status,
                scope: None,
                recognised_by: Vec::new(),
            })
        };
        // Territory statuses vary; other typed subjects become an `other` provision
        // keyed by the subject, which keeps every subject distinct.
        let typed =
            |rng: &mut Rng, subject: &Subject, summary: &str| match crate::TerritorySubject::from_name(
                subject.slug(),
            )
            .filter(|_| subject.topic() == crate::Topic::Territory)
            {
                Some(region) => territory(region, status(rng, None)),
                None => other(&format!("{}-{}", subject.topic(), subject.slug()), summary),
            };
        match self.shape.subjects {
            Subjects::Keyed => match self.subjects.get(n).filter(|_| n < self.shape.typed) {
                Some((subject, _)) => typed(rng, subject, summary),
                None => other(fresh, summary),
            },
            Subjects::Zipf => {
                let total = self.zipf.last().copied().unwrap_or(0.0);
                let draw = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * total;
                let k = self.zipf.partition_point(|&c| c <= draw);
                // The subject's meaning is its one value.
                match self.subjects.get(k) {
                    Some((subject, meaning)) => typed(rng, subject, meaning),
                    None => other(fresh, summary),
                }
            }
            Subjects::One => territory(crate::TerritorySubject::Crimea, TerritoryStatus::RussianDeFacto),
            Subjects::OneSlug => other("same", summary),
        }
    }
}

fn clause(id: String, text: String, provision: Provision) -> Clause {
    Clause {
        id,
        number: None,
        text,
        provisions: vec![provision],
        sources: vec![SOURCE.into()],
        confidence: Confidence::Medium,
        notes: Vec::new(),
        alternatives: Vec::new(),
    }
}

/// A plan of `shape`, the same for the same seed.
pub fn plan(seed: u64, shape: &Shape) -> Plan {
    let mut rng = Rng::new(seed);
    let writer = Writer::new(&mut rng, shape);
    let clauses: IndexMap<String, Clause> = (0..shape.clauses)
        .map(|n| {
            let wording = writer.text(&mut rng);
            let provision = writer.provision(&mut rng, n, &format!("clause-{n}"), &wording);
            let id = format!("c{n}");
            (id.clone(), clause(id, wording, provision))
        })
        .collect();
    Plan {
        id: format!("synthetic-{seed}"),
        title: format!("Synthetic plan {seed}"),
        aliases: Vec::new(),
        date: source().date,
        sponsors: Vec::new(),
        completeness: Completeness::Complete,
        texts: crate::Texts::Original,
        summary: format!("{} generated clauses.", shape.clauses),
        notes: Vec::new(),
        sources: IndexMap::from([(SOURCE.to_owned(), source())]),
        clauses,
    }
}

/// Rewrites `text` the way `rewording` says; new numbers stand above `numbers`.
fn reword(rng: &mut Rng, text: &str, rewording: Rewording, numbers: usize) -> String {
    let mut words: Vec<String> = text.split_whitespace().map(str::to_owned).collect();
    let number = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    match rewording {
        Rewording::Numbers if words.iter().any(|w| number(w)) => {
            for w in words.iter_mut().filter(|w| number(w)) {
                *w = fresh_number(rng, numbers, true).to_string();
            }
        }
        Rewording::Words | Rewording::Numbers | Rewording::AroundNumbers => {
            let keep = rewording == Rewording::AroundNumbers;
            for w in &mut words {
                if rng.chance(0.2) && !(keep && number(w)) {
                    *w = word(rng);
                }
            }
        }
        Rewording::Synonyms => {
            for w in &mut words {
                if rng.chance(1.0 / 3.0) {
                    *w = synonym(w);
                }
            }
            // Two or three segments, in another order.
            let cuts = 1 + rng.below(2);
            let mut at: Vec<usize> = (0..cuts)
                .map(|_| 1 + rng.below(words.len().saturating_sub(1).max(1)))
                .collect();
            at.sort_unstable();
            at.dedup();
            let mut segments: Vec<Vec<String>> = Vec::new();
            let mut rest = words;
            for &cut in at.iter().rev() {
                if cut < rest.len() {
                    segments.push(rest.split_off(cut));
                }
            }
            segments.push(rest);
            // `segments` holds the text's segments last first: reading them so
            // reverses their order.
            words = segments.into_iter().flatten().collect();
        }
    }
    words.join(" ")
}

/// A number up to `numbers`, or, for what perturbation writes, one of the
/// 990,000 above: a reworded or added clause is not a twin of a base clause by chance.
fn fresh_number(rng: &mut Rng, numbers: usize, derived: bool) -> usize {
    if derived {
        numbers + 1 + rng.below(990_000)
    } else {
        1 + rng.below(numbers)
    }
}

/// The synonym of a word: another pseudo-word, the same wherever the word stands.
fn synonym(word: &str) -> String {
    let seed = word.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    self::word(&mut Rng::new(seed))
}

/// `provision` for a reworded clause: an `other` summary that repeated the old text
/// takes the new one, and a renamed slug.
fn with_summary(provision: &Provision, old: &str, text: &str, rename: Option<&str>) -> Provision {
    match provision {
        Provision::Other(other) => Provision::Other(Other {
            subject: rename.map_or_else(|| other.subject.clone(), str::to_owned),
            summary: if other.summary == old {
                text.to_owned()
            } else {
                other.summary.clone()
            },
        }),
        typed => typed.clone(),
    }
}

/// A typed value changed: another territory status, or an `other` summary that
/// is a value of its own (not the clause's text) marked as amended.
fn amend(rng: &mut Rng, provision: &Provision, text: &str) -> Provision {
    match provision {
        Provision::Territory(t) => Provision::Territory(Territory {
            status: status(rng, Some(t.status)),
            ..t.clone()
        }),
        Provision::Other(other) if other.summary != text => Provision::Other(Other {
            summary: format!("{} (amended)", other.summary),
            ..other.clone()
        }),
        other => other.clone(),
    }
}

/// A plan derived from `base` by `perturbation`, and the true correspondence of their
/// clauses. Added clauses have random wording and slugs of their own.
pub fn perturb(base: &Plan, seed: u64, perturbation: &Perturbation) -> (Plan, Truth) {
    let shape = Shape::clauses(0);
    let writer = Writer::new(&mut Rng::new(0), &shape);
    perturb_as(base, seed, perturbation, &writer)
}

/// [`perturb`], with added clauses written as `writer` writes them.
fn perturb_as(base: &Plan, seed: u64, perturbation: &Perturbation, writer: &Writer) -> (Plan, Truth) {
    let mut rng = Rng::new(seed ^ 0x5eed);
    let mut truth = Truth::default();
    // Derived clauses with the base ids they stem from.
    let mut derived: Vec<(Clause, Vec<String>)> = Vec::new();
    let mut fresh = 0usize;
    let mut next_id = |prefix: &str| {
        fresh += 1;
        format!("{prefix}{fresh}")
    };
    let base_clauses: Vec<&Clause> = base.clauses.values().collect();
    let mut i = 0;
    while let Some(&original) = base_clauses.get(i) {
        i += 1;
        if rng.chance(perturbation.remove) {
            continue;
        }
        let rename = perturbation.rename_untyped.then(|| next_id("renamed-"));
        let mut text = original.text.clone();
        if rng.chance(perturbation.reword) {
            text = reword(&mut rng, &text, perturbation.rewording, writer.numbers());
        }
        let mut provisions: Vec<Provision> = original
            .provisions
            .iter()
            .map(|p| with_summary(p, &original.text, &text, rename.as_deref()))
            .collect();
        if rng.chance(perturbation.amend) {
            provisions = provisions.iter().map(|p| amend(&mut rng, p, &text)).collect();
        }
        let mut from = vec![original.id.clone()];
        if rng.chance(perturbation.join)
            && let Some(&next) = base_clauses.get(i)
        {
            i += 1;
            text = format!("{text} {}", next.text);
            provisions.extend(
                next.provisions
                    .iter()
                    .map(|p| with_summary(p, &next.text, &next.text, None)),
            );
            from.push(next.id.clone());
        }
        if let [single] = provisions.as_slice()
            && rng.chance(perturbation.split)
        {
            // Both halves keep the subject, each with its half of the wording.
            let words: Vec<&str> = text.split_whitespace().collect();
            let (first, second) = words.split_at(words.len() / 2);
            let (first, second) = (first.join(" "), second.join(" "));
            if !first.is_empty() && !second.is_empty() {
                for half in [first, second] {
                    let provision = with_summary(single, &text, &half, None);
                    derived.push((clause(next_id("split-"), half, provision), from.clone()));
                }
                continue;
            }
        }
        let id = if original.text == text && from.len() == 1 {
            original.id.clone()
        } else {
            next_id("edited-")
        };
        derived.push((
            Clause {
                id,
                text,
                provisions,
                ..original.clone()
            },
            from,
        ));
    }
    // Moves and insertions: every clause gets a sort key, its position, except the
    // moved and the added ones, which get a random key; a stable sort places them.
    let moves = (derived.len() as f64 * perturbation.shuffle).round() as usize;
    let additions = (base.clauses.len() as f64 * perturbation.add).round() as usize;
    let len = derived.len();
    let mut keyed: Vec<(usize, (Clause, Vec<String>))> = derived
        .into_iter()
        .enumerate()
        .map(|(i, item)| (2 * i + 1, item))
        .collect();
    for _ in 0..moves {
        let pick = rng.below(len);
        let target = 2 * rng.below(len + 1);
        if let Some((key, _)) = keyed.get_mut(pick) {
            *key = target;
        }
    }
    for _ in 0..additions {
        let id = next_id("added-");
        let wording = writer.text(&mut rng);
        let provision = writer.provision(&mut rng, usize::MAX, &id, &wording);
        keyed.push((
            2 * rng.below(len + 1),
            (clause(id, wording, provision), Vec::new()),
        ));
    }
    keyed.sort_by_key(|(key, _)| *key);
    let derived = keyed.into_iter().map(|(_, item)| item);
    let mut clauses = IndexMap::with_capacity(derived.len());
    for (clause, from) in derived {
        for base_id in from {
            truth.pairs.insert((base_id, clause.id.clone()));
        }
        clauses.insert(clause.id.clone(), clause);
    }
    let plan = Plan {
        id: format!("{}-derived-{seed}", base.id),
        clauses,
        ..base.clone()
    };
    (plan, truth)
}

/// The workloads the engine is measured on: each a base plan, a plan derived from
/// it, and their true correspondence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Workload {
    /// Keyed subjects, the default perturbation.
    Typed,
    /// `other` provisions only, slugs renamed, 30 % of the clauses reworded.
    Untyped,
    /// Subjects repeated by a Zipf law (territory statuses and `other` values shared
    /// by many clauses), the default perturbation.
    ZipfSubjects,
    /// As [`Untyped`](Workload::Untyped), reworded by synonyms and reordered segments.
    Synonyms,
    /// One boilerplate sentence that differs in a number (from 1 to 10,000, or
    /// to the clause count when greater, so that numbers repeat), slugs renamed,
    /// the default perturbation, a fifth of a reworded clause's words changed
    /// around its number ([`Rewording::AroundNumbers`]).
    Boilerplate,
    /// Clusters of 50 near-duplicates, slugs renamed.
    NearDuplicates,
    /// Every clause on one subject with one value; only the wording tells them apart.
    OneSubject,
}

impl Workload {
    /// Every workload.
    pub const ALL: [Workload; 7] = [
        Workload::Typed,
        Workload::Untyped,
        Workload::ZipfSubjects,
        Workload::Synonyms,
        Workload::Boilerplate,
        Workload::NearDuplicates,
        Workload::OneSubject,
    ];

    /// A short name, for tables and bench ids.
    pub fn name(self) -> &'static str {
        match self {
            Workload::Typed => "typed",
            Workload::Untyped => "untyped",
            Workload::ZipfSubjects => "zipf_subjects",
            Workload::Synonyms => "synonyms",
            Workload::Boilerplate => "boilerplate",
            Workload::NearDuplicates => "near_duplicates",
            Workload::OneSubject => "one_subject",
        }
    }

    /// The shape of the base plan, with `n` clauses.
    pub fn shape(self, n: usize) -> Shape {
        let untyped = Shape::untyped(n);
        match self {
            Workload::Typed => Shape::clauses(n),
            Workload::Untyped | Workload::Synonyms => untyped,
            Workload::ZipfSubjects => Shape {
                subjects: Subjects::Zipf,
                ..Shape::clauses(n)
            },
            Workload::Boilerplate => Shape {
                texts: Texts::Boilerplate,
                ..untyped
            },
            Workload::NearDuplicates => Shape {
                texts: Texts::NearDuplicates {
                    sentences: (n / 50).max(1),
                },
                ..untyped
            },
            Workload::OneSubject => Shape {
                subjects: Subjects::One,
                ..Shape::clauses(n)
            },
        }
    }

    /// How the derived plan departs from the base.
    pub fn perturbation(self) -> Perturbation {
        let renamed = Perturbation {
            rename_untyped: true,
            ..Perturbation::default()
        };
        match self {
            Workload::Typed | Workload::ZipfSubjects | Workload::OneSubject => Perturbation::default(),
            Workload::Untyped => Perturbation::untyped_rewording(0.3),
            Workload::Synonyms => Perturbation {
                rewording: Rewording::Synonyms,
                ..Perturbation::untyped_rewording(0.3)
            },
            Workload::Boilerplate => Perturbation {
                rewording: Rewording::AroundNumbers,
                ..renamed
            },
            Workload::NearDuplicates => renamed,
        }
    }

    /// The base plan of `n` clauses, its derived plan and their truth, the same for the same seed.
    pub fn generate(self, n: usize, seed: u64) -> (Plan, Plan, Truth) {
        let shape = self.shape(n);
        let base = plan(seed, &shape);
        let writer = Writer {
            adding: true,
            ..Writer::new(&mut Rng::new(seed), &shape)
        };
        let (derived, truth) = perturb_as(&base, seed.wrapping_add(1), &self.perturbation(), &writer);
        (base, derived, truth)
    }
}
