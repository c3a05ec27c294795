//! One-to-one matching of texts by wording, in near-linear time: the score and
//! the passes the [`align`](crate::align) module docs describe.

use std::borrow::Cow;

use foldhash::{HashMap, HashMapExt};

use crate::union_find::UnionFind;

/// The least score at which two texts pair on wording alone, by default.
pub(crate) const THRESHOLD: f64 = 0.5;
/// The least score at which two texts in the same gap between anchors pair, by default.
pub(crate) const GAP_THRESHOLD: f64 = 0.3;
/// The least score of a unique near-twin.
const ANCHOR_SCORE: f64 = 0.8;
/// How far a unique near-twin must lead the next candidate.
const MARGIN: f64 = 0.1;
/// Rare words of a text looked up in the index.
const RARE_WORDS: usize = 8;
/// Texts of the other side scored per text through the index, at most.
const CANDIDATES: usize = 12;
/// Entries read from one word's posting list, at most.
const POSTING_LIMIT: usize = 64;
/// Free texts of the same gap scored per text, at most.
const GAP_CANDIDATES: usize = 6;
/// Positions looked at while collecting them, at most.
const GAP_SCAN: usize = 48;
/// Twins of the other side a repeated text is chained with, at most.
const TWIN_WINDOW: usize = 16;
/// Largest group assigned by the Hungarian algorithm.
const EXACT_LIMIT: usize = 48;
/// Largest gap, in pairs of free texts, aligned exactly.
const SEQUENCE_LIMIT: usize = 1024;
/// What sharing a distinctive word adds to a pair's standing in a gap.
const SHARED_BONUS: f64 = 0.5;
/// Rounds of the gap pass, at most.
const GAP_ROUNDS: usize = 3;
/// The score a pair gains, at most, for standing where the anchors expect it.
const ORDER_BONUS: f64 = 0.05;

/// A word as compared: lowercase, without punctuation at either end; `None` when
/// nothing is left of it.
fn normalise(word: &str) -> Option<Cow<'_, str>> {
    let trimmed = word.trim_matches(|c: char| !c.is_alphanumeric());
    if trimmed.is_empty() {
        None
    } else if trimmed.chars().any(char::is_uppercase) {
        Some(Cow::Owned(trimmed.to_lowercase()))
    } else {
        Some(Cow::Borrowed(trimmed))
    }
}

/// Texts as interned word ids: each distinct word gets one id.
///
/// Each word is copied once: a key borrowed from the text it was first met in
/// would send every later lookup of it to that text's place in the plan, a
/// cache miss per word once plans outgrow the caches.
struct Words {
    ids: HashMap<Box<str>, u32>,
}

impl Words {
    fn new() -> Self {
        Words { ids: HashMap::new() }
    }

    /// The text's word ids, in order.
    fn intern(&mut self, text: &str) -> Vec<u32> {
        text.split_whitespace()
            .filter_map(normalise)
            .map(|word| {
                if let Some(&id) = self.ids.get(word.as_ref()) {
                    return id;
                }
                let id = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
                self.ids.insert(word.into(), id);
                id
            })
            .collect()
    }

    fn len(&self) -> usize {
        self.ids.len()
    }
}

/// The weight two sorted word lists share (repeats counted as often as both have them).
fn shared(a: &[u32], b: &[u32], weight: impl Fn(u32) -> f64) -> f64 {
    let (mut i, mut j, mut total) = (0, 0, 0.0);
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        match x.cmp(&y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                total += weight(x);
                i += 1;
                j += 1;
            }
        }
    }
    total
}

/// Word-level similarity of two texts, from 0 (nothing shared) to 1 (the same words):
/// the score of the module docs with every word weighing the same.
pub(crate) fn similarity(a: &str, b: &str) -> f64 {
    let mut words = Words::new();
    let (mut x, mut y) = (words.intern(a), words.intern(b));
    if x.is_empty() && y.is_empty() {
        return 1.0;
    }
    x.sort_unstable();
    y.sort_unstable();
    // Counts are far below 2^52: the conversions are exact.
    2.0 * shared(&x, &y, |_| 1.0) / (x.len() + y.len()) as f64
}

/// Measures how much of one text others cover. Texts are named by a key and
/// split into words once, however often they are measured.
pub(crate) struct Coverage<K> {
    words: Words,
    /// Each text's words, sorted, and where each key's text stands.
    bags: Vec<Vec<u32>>,
    keys: HashMap<K, usize>,
    scratch: Vec<u32>,
}

impl<K: std::hash::Hash + Eq + Copy> Coverage<K> {
    pub(crate) fn new() -> Self {
        Coverage {
            words: Words::new(),
            bags: Vec::new(),
            keys: HashMap::new(),
            scratch: Vec::new(),
        }
    }

    fn bag(&mut self, (key, text): (K, &str)) -> usize {
        if let Some(&at) = self.keys.get(&key) {
            return at;
        }
        let mut bag = self.words.intern(text);
        bag.sort_unstable();
        self.bags.push(bag);
        let at = self.bags.len() - 1;
        self.keys.insert(key, at);
        at
    }

    /// The share of `part`'s words found in the `whole` texts together (each word
    /// as often as both have it), from 0 to 1.
    pub(crate) fn covered(&mut self, part: (K, &str), whole: &[(K, &str)]) -> f64 {
        let part = self.bag(part);
        self.scratch.clear();
        for &text in whole {
            let at = self.bag(text);
            self.scratch.extend(self.bags.get(at).into_iter().flatten());
        }
        self.scratch.sort_unstable();
        match self.bags.get(part) {
            Some(part) if !part.is_empty() => shared(part, &self.scratch, |_| 1.0) / part.len() as f64,
            _ => 0.0,
        }
    }
}

/// A text to match: its words and its place in document order.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Item<'t> {
    /// The text.
    pub(crate) text: &'t str,
    /// Its position: texts of one side in document order have increasing positions.
    pub(crate) position: usize,
}

/// One text, ready to score.
struct Doc {
    /// Word ids, sorted.
    sorted: Vec<u32>,
    /// Distinct word ids, rarest first.
    rarest: Vec<u32>,
    /// Hash of the normalised word sequence.
    hash: u64,
    /// Total weight of its words.
    weight: f64,
    /// Distinctive words it has (distinct).
    distinctive: usize,
    position: usize,
}

/// What a query adds to the texts: which pairs may match, and pairs fixed in advance.
pub(crate) struct Query<'q> {
    /// Whether positions are comparable across the sides, so that order counts.
    pub(crate) ordered: bool,
    /// Whether left text `l` may pair with right text `r`.
    pub(crate) allowed: &'q dyn Fn(usize, usize) -> bool,
    /// Positions `(left, right)` of pairs made elsewhere, which anchor the order.
    pub(crate) anchors: &'q [(usize, usize)],
    /// The least score of a pair on wording alone ([`THRESHOLD`] by default).
    pub(crate) threshold: f64,
    /// The least score of a pair in a gap between anchors ([`GAP_THRESHOLD`] by default).
    pub(crate) gap_threshold: f64,
}

/// Texts of two sides, scored against each other.
pub(crate) struct Matcher {
    left: Vec<Doc>,
    right: Vec<Doc>,
    /// The group each right text stands for.
    groups: Vec<usize>,
    group_count: usize,
    idf: Vec<f64>,
    /// How many texts hold each word.
    df: Vec<usize>,
    /// Document frequency up to which a word is distinctive.
    common: usize,
    /// The right texts that hold each word: those of word `w` stand at
    /// `posted[starts[w]..starts[w + 1]]`.
    starts: Vec<usize>,
    posted: Vec<u32>,
    /// The position of each entry's text.
    posted_at: Vec<usize>,
}

impl Matcher {
    /// Left texts against right texts; several right texts may stand for one group
    /// (`right` holds `(group, text)`), and each group pairs at most once.
    pub(crate) fn new(left: &[Item<'_>], right: &[(usize, Item<'_>)], groups: usize) -> Matcher {
        let mut words = Words::new();
        let left: Vec<(Vec<u32>, usize)> = left.iter().map(|i| (words.intern(i.text), i.position)).collect();
        let right_words: Vec<(Vec<u32>, usize)> = right
            .iter()
            .map(|(_, i)| (words.intern(i.text), i.position))
            .collect();
        let mut df = vec![0usize; words.len()];
        let prepare = |(sequence, position): (Vec<u32>, usize), df: &mut Vec<usize>| {
            let hash = sequence.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &w| {
                (h ^ u64::from(w)).wrapping_mul(0x100_0000_01b3)
            });
            let mut sorted = sequence;
            sorted.sort_unstable();
            let mut rarest = sorted.clone();
            rarest.dedup();
            for &w in &rarest {
                if let Some(count) = df.get_mut(w as usize) {
                    *count += 1;
                }
            }
            Doc {
                sorted,
                rarest,
                hash,
                weight: 0.0,
                distinctive: 0,
                position,
            }
        };
        let mut left: Vec<Doc> = left.into_iter().map(|t| prepare(t, &mut df)).collect();
        let mut right_docs: Vec<Doc> = right_words.into_iter().map(|t| prepare(t, &mut df)).collect();
        let n = (left.len() + right_docs.len()) as f64;
        let idf: Vec<f64> = df.iter().map(|&d| (1.0 + n / d.max(1) as f64).ln()).collect();
        let common = ((left.len() + right_docs.len()) / 20).max(4);
        for doc in left.iter_mut().chain(right_docs.iter_mut()) {
            doc.weight = doc
                .sorted
                .iter()
                .map(|&w| idf.get(w as usize).copied().unwrap_or(0.0))
                .sum();
            doc.distinctive = doc
                .rarest
                .iter()
                .filter(|&&w| df.get(w as usize).is_some_and(|&d| d <= common))
                .count();
            doc.rarest
                .sort_by_key(|&w| (df.get(w as usize).copied().unwrap_or(usize::MAX), w));
        }
        // Counted, then filled: one allocation for every list.
        let mut starts = vec![0usize; words.len() + 1];
        for &w in right_docs.iter().flat_map(|doc| &doc.rarest) {
            if let Some(count) = starts.get_mut(w as usize + 1) {
                *count += 1;
            }
        }
        for k in 1..starts.len() {
            let before = starts.get(k - 1).copied().unwrap_or(0);
            if let Some(start) = starts.get_mut(k) {
                *start += before;
            }
        }
        // Each list in document order, so that it can be read from a place.
        let mut by_position: Vec<usize> = (0..right_docs.len()).collect();
        by_position.sort_by_key(|&r| right_docs.get(r).map_or(0, |d| d.position));
        let total = starts.last().copied().unwrap_or(0);
        let (mut posted, mut posted_at) = (vec![0u32; total], vec![0usize; total]);
        let mut next = starts.clone();
        for r in by_position {
            let Some(doc) = right_docs.get(r) else { continue };
            for &w in &doc.rarest {
                if let Some(at) = next.get_mut(w as usize)
                    && let (Some(slot), Some(place)) = (posted.get_mut(*at), posted_at.get_mut(*at))
                {
                    *slot = u32::try_from(r).unwrap_or(u32::MAX);
                    *place = doc.position;
                    *at += 1;
                }
            }
        }
        Matcher {
            left,
            right: right_docs,
            groups: right.iter().map(|(g, _)| *g).collect(),
            group_count: groups,
            idf,
            df,
            common,
            starts,
            posted,
            posted_at,
        }
    }

    /// The right texts that hold `word`.
    fn posting(&self, word: u32) -> (&[u32], &[usize]) {
        let w = word as usize;
        match (self.starts.get(w), self.starts.get(w + 1)) {
            (Some(&from), Some(&to)) => (
                self.posted.get(from..to).unwrap_or_default(),
                self.posted_at.get(from..to).unwrap_or_default(),
            ),
            _ => (&[], &[]),
        }
    }

    fn weight(&self, word: u32) -> f64 {
        self.idf.get(word as usize).copied().unwrap_or(0.0)
    }

    fn distinctive(&self, word: u32) -> bool {
        self.df.get(word as usize).is_some_and(|&d| d <= self.common)
    }

    /// The weighted score of left text `l` and right text `r`.
    pub(crate) fn score(&self, l: usize, r: usize) -> f64 {
        match (self.left.get(l), self.right.get(r)) {
            (Some(a), Some(b)) if a.weight + b.weight > 0.0 => {
                2.0 * shared(&a.sorted, &b.sorted, |w| self.weight(w)) / (a.weight + b.weight)
            }
            (Some(_), Some(_)) => 1.0,
            _ => 0.0,
        }
    }

    /// Whether a pair shares enough distinctive words to pair on its score.
    fn distinctive_enough(&self, l: usize, r: usize) -> bool {
        let (Some(a), Some(b)) = (self.left.get(l), self.right.get(r)) else {
            return false;
        };
        let need = a.distinctive.min(b.distinctive).min(2);
        self.shared_distinctive(l, r, need) >= need
    }

    /// How many distinct distinctive words two texts share, counted up to `most`.
    fn shared_distinctive(&self, l: usize, r: usize, most: usize) -> usize {
        let (Some(a), Some(b)) = (self.left.get(l), self.right.get(r)) else {
            return 0;
        };
        let (mut i, mut j, mut count, mut last) = (0, 0, 0, None);
        while let (Some(&x), Some(&y)) = (a.sorted.get(i), b.sorted.get(j)) {
            if count >= most {
                break;
            }
            match x.cmp(&y) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    if last != Some(x) && self.distinctive(x) {
                        count += 1;
                        last = Some(x);
                    }
                    i += 1;
                    j += 1;
                }
            }
        }
        count
    }

    /// Whether the two texts share a word that no other text holds.
    fn share_unique_word(&self, l: usize, r: usize) -> bool {
        let (Some(a), Some(b)) = (self.left.get(l), self.right.get(r)) else {
            return false;
        };
        let (mut i, mut j) = (0, 0);
        while let (Some(&x), Some(&y)) = (a.rarest.get(i), b.rarest.get(j)) {
            let (dx, dy) = (self.df.get(x as usize).copied(), self.df.get(y as usize).copied());
            // Rarest first: past the words in two texts, none is left to share.
            if dx > Some(2) && dy > Some(2) {
                break;
            }
            if x == y {
                if dx == Some(2) {
                    return true;
                }
                i += 1;
                j += 1;
            } else if (dx, x) < (dy, y) {
                i += 1;
            } else {
                j += 1;
            }
        }
        false
    }

    /// A pair's standing in a gap: its score, raised by [`SHARED_BONUS`] when the
    /// texts share a distinctive word, which common words alone cannot outweigh.
    fn gap_score(&self, l: usize, r: usize) -> f64 {
        let bonus = if self.shared_distinctive(l, r, 1) > 0 {
            SHARED_BONUS
        } else {
            0.0
        };
        self.score(l, r) + bonus
    }

    /// Whether a pair of one gap, of weighted score `score`, may pair there: it
    /// reaches the gap threshold, or it shares as many of its words, each
    /// counted once, as the similarity threshold asks of a pair on wording alone.
    /// Between two anchors, order has narrowed the candidates, so that common
    /// words are evidence there: a clause reworded with rare words keeps most of
    /// its common ones.
    fn gap_admits(&self, l: usize, r: usize, score: f64, query: &Query<'_>, evidence: Evidence) -> bool {
        (score >= query.gap_threshold || self.plain(l, r) >= query.threshold)
            && (evidence == Evidence::Order || self.shared_distinctive(l, r, 1) > 0)
    }

    /// The score of left text `l` and right text `r` with every word weighing the same.
    fn plain(&self, l: usize, r: usize) -> f64 {
        match (self.left.get(l), self.right.get(r)) {
            (Some(a), Some(b)) if !a.sorted.is_empty() || !b.sorted.is_empty() => {
                2.0 * shared(&a.sorted, &b.sorted, |_| 1.0) / (a.sorted.len() + b.sorted.len()) as f64
            }
            (Some(_), Some(_)) => 1.0,
            _ => 0.0,
        }
    }

    /// Pairs the texts one to one: for each left text, the group it pairs with.
    pub(crate) fn pairs(&self, query: &Query<'_>) -> Vec<Option<usize>> {
        let mut state = State {
            left: vec![None; self.left.len()],
            taken: vec![false; self.group_count],
        };
        let twins = self.twins(query, &mut state);
        let order = Order::new(self, query, &state);
        let cached = self.near_twins(query, &mut state, &order);
        let order = Order::new(self, query, &state);
        self.main_pass(query, &mut state, &order, &twins, &cached);
        if query.ordered {
            self.gap_rounds(query, &mut state, &twins, Evidence::SharedWord);
        }
        // Copies of a repeated text out of order (moved) pair with the copies
        // that order and wording left free, before order alone decides the gaps.
        let order = Order::new(self, query, &state);
        self.pair_in_document_order(query, &mut state, &twins, query.ordered.then_some(&order));
        if query.ordered {
            self.gap_rounds(query, &mut state, &twins, Evidence::Order);
        }
        state
            .left
            .iter()
            .map(|r| r.and_then(|r| self.groups.get(r).copied()))
            .collect()
    }

    fn free(&self, state: &State, l: usize, r: usize, query: &Query<'_>) -> bool {
        state.left.get(l) == Some(&None)
            && self
                .groups
                .get(r)
                .is_some_and(|&g| state.taken.get(g) == Some(&false))
            && (query.allowed)(l, r)
    }

    /// Pairs twins; returns, for each left text, the right texts of its twin
    /// group (sorted by position), when the group is not one to one.
    ///
    /// Twins one to one pair at once. When order counts, repeated twins pair as a
    /// line diff pairs equal lines: the twin pairs on one longest chain that keeps
    /// the order of both sides (with the anchors), so that the copies of a
    /// repeated text pair with the copies at their place.
    fn twins(&self, query: &Query<'_>, state: &mut State) -> HashMap<u64, Vec<usize>> {
        let mut right: HashMap<u64, Vec<usize>> = HashMap::with_capacity(self.right.len());
        for (r, doc) in self.right.iter().enumerate() {
            right.entry(doc.hash).or_default().push(r);
        }
        let mut left: HashMap<u64, Vec<usize>> = HashMap::with_capacity(self.left.len());
        for (l, doc) in self.left.iter().enumerate() {
            left.entry(doc.hash).or_default().push(l);
        }
        for rights in right.values_mut() {
            rights.sort_by_key(|&r| self.right.get(r).map_or(0, |d| d.position));
        }
        for (l, doc) in self.left.iter().enumerate() {
            let (Some(rights), Some(lefts)) = (right.get(&doc.hash), left.get(&doc.hash)) else {
                continue;
            };
            if let ([r], [_]) = (rights.as_slice(), lefts.as_slice())
                && self.same_words(l, *r)
                && self.free(state, l, *r, query)
            {
                state.pair(l, *r, &self.groups);
            }
        }
        right.retain(|hash, rights| rights.len() > 1 || left.get(hash).is_some_and(|lefts| lefts.len() > 1));
        if query.ordered {
            self.chain_twins(query, state, &left, &right);
        } else {
            self.pair_in_document_order(query, state, &right, None);
        }
        right
    }

    /// Pairs each free text with a free twin of the other side, in document
    /// order: the copies of a repeated text that nothing else placed. With
    /// `order`, a copy that no free text of its gap could still claim is taken
    /// first, so that a moved copy leaves the copy at a reworded text's place to it.
    fn pair_in_document_order(
        &self,
        query: &Query<'_>,
        state: &mut State,
        twins: &HashMap<u64, Vec<usize>>,
        order: Option<&Order>,
    ) {
        let mut free_lefts: Vec<usize> = Vec::new();
        if order.is_some() {
            free_lefts = (self.left.iter().enumerate())
                .filter(|&(l, _)| state.left.get(l) == Some(&None))
                .map(|(_, d)| d.position)
                .collect();
            free_lefts.sort_unstable();
        }
        // Whether a free left text other than the one at `own` stands in the gap of right text `r`.
        let claimable = |r: usize, own: usize| {
            let (Some(order), Some(doc)) = (order, self.right.get(r)) else {
                return false;
            };
            let (low, high) = order.left_range(doc.position);
            let at = free_lefts.partition_point(|&p| low.is_some_and(|low| p <= low));
            let mut inside = free_lefts
                .get(at..)
                .unwrap_or_default()
                .iter()
                .take_while(|&&p| p < high);
            inside.any(|&p| p != own)
        };
        let mut next: HashMap<u64, usize> = HashMap::new();
        for (l, doc) in self.left.iter().enumerate() {
            let Some(rights) = twins.get(&doc.hash) else {
                continue;
            };
            if state.left.get(l) != Some(&None) {
                continue;
            }
            // Copies taken already are skipped once for all.
            let start = next.entry(doc.hash).or_default();
            while let Some(&r) = rights.get(*start) {
                if self
                    .groups
                    .get(r)
                    .is_some_and(|&g| state.taken.get(g) == Some(&false))
                {
                    break;
                }
                *start += 1;
            }
            let mut first = None;
            for &r in rights.get(*start..).unwrap_or_default().iter().take(TWIN_WINDOW) {
                if self.same_words(l, r) && self.free(state, l, r, query) {
                    if !claimable(r, doc.position) {
                        first = Some(r);
                        break;
                    }
                    first = first.or(Some(r));
                }
            }
            if let Some(r) = first {
                state.pair(l, r, &self.groups);
            }
        }
    }

    /// Pairs the repeated twins that stand on one longest order-keeping chain of
    /// twin pairs and anchors. Each left text of a group offers the
    /// [`TWIN_WINDOW`] right texts of nearest rank in the group, so that a text
    /// repeated everywhere costs no more than one repeated a few times.
    fn chain_twins(
        &self,
        query: &Query<'_>,
        state: &mut State,
        left: &HashMap<u64, Vec<usize>>,
        right: &HashMap<u64, Vec<usize>>,
    ) {
        // The anchors and the pairs made, then the candidate twin pairs.
        let mut pairs: Vec<Link> = query.anchors.iter().map(|&(lp, rp)| (lp, rp, None)).collect();
        for (l, r) in state.left.iter().enumerate() {
            if let (Some(a), Some(b)) = (self.left.get(l), r.and_then(|r| self.right.get(r))) {
                pairs.push((a.position, b.position, None));
            }
        }
        for (hash, lefts) in left {
            let Some(rights) = right.get(hash) else { continue };
            if lefts.len() == 1 && rights.len() == 1 {
                continue;
            }
            for (rank, &l) in lefts.iter().enumerate() {
                let Some(lp) = self.left.get(l).map(|d| d.position) else {
                    continue;
                };
                // The rank this text would have in the right group, were the groups alike.
                let centre = rank * rights.len() / lefts.len();
                let from = centre.saturating_sub(TWIN_WINDOW / 2);
                let to = (from + TWIN_WINDOW).min(rights.len());
                let from = to.saturating_sub(TWIN_WINDOW);
                for &r in rights.get(from..to).unwrap_or_default() {
                    if let Some(rp) = self.right.get(r).map(|d| d.position)
                        && self.free(state, l, r, query)
                    {
                        pairs.push((lp, rp, Some((l, r))));
                    }
                }
            }
        }
        // Strictly increasing on both sides: equal left positions sorted by
        // decreasing right position, so that a chain takes at most one of them.
        pairs.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        for index in longest_chain(&pairs.iter().map(|p| p.1).collect::<Vec<_>>()) {
            if let Some(&(_, _, Some((l, r)))) = pairs.get(index)
                && self.same_words(l, r)
                && self.free(state, l, r, query)
            {
                state.pair(l, r, &self.groups);
            }
        }
    }

    fn same_words(&self, l: usize, r: usize) -> bool {
        matches!((self.left.get(l), self.right.get(r)), (Some(a), Some(b)) if a.sorted == b.sorted)
    }

    /// The right texts that share the rarest words of left text `l`, most shared
    /// weight first, paired or not.
    fn indexed(&self, l: usize, query: &Query<'_>, expected: Option<f64>, tally: &mut Tally) -> Vec<usize> {
        let Some(doc) = self.left.get(l) else {
            return Vec::new();
        };
        // A word no other text holds finds no candidate.
        let shared = doc
            .rarest
            .iter()
            .filter(|&&w| self.df.get(w as usize).is_some_and(|&d| d > 1));
        for &word in shared.take(RARE_WORDS) {
            let (posting, places) = self.posting(word);
            let start = match expected {
                // Long lists are read around the place the anchors expect the text at…
                Some(expected) => {
                    let at = places.partition_point(|&p| (p as f64) < expected);
                    let last = posting.len().saturating_sub(POSTING_LIMIT);
                    at.saturating_sub(POSTING_LIMIT / 2).min(last)
                }
                // …or, when order does not count, from a place that depends on the
                // text, so that texts sharing only common words spread over the other side.
                None => l.checked_rem(posting.len()).unwrap_or(0),
            };
            let read = posting
                .iter()
                .cycle()
                .skip(start)
                .take(POSTING_LIMIT.min(posting.len()));
            tally.add(read, self.weight(word));
        }
        // Most shared weight first; only the first few are sorted unless
        // the query refuses some of them.
        let found = tally.take();
        let rank = |a: &(u32, f64), b: &(u32, f64)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        let best = |found: &[(u32, f64)]| -> Vec<usize> {
            (found.iter())
                .map(|&(r, _)| r as usize)
                .filter(|&r| (query.allowed)(l, r))
                .take(CANDIDATES)
                .collect()
        };
        if found.len() > CANDIDATES {
            found.select_nth_unstable_by(CANDIDATES - 1, rank);
            let top = found.get_mut(..CANDIDATES).unwrap_or_default();
            top.sort_unstable_by(rank);
            let kept = best(top);
            if kept.len() == CANDIDATES {
                return kept;
            }
        }
        found.sort_unstable_by(rank);
        best(found)
    }

    /// Where the anchors expect left text `l` on the other side, when order counts.
    fn expected(&self, l: usize, query: &Query<'_>, order: &Order) -> Option<f64> {
        let doc = self.left.get(l).filter(|_| query.ordered)?;
        Some(order.gap(doc.position).expected)
    }

    /// Pairs unique near-twins; returns each left text's scored index candidates.
    fn near_twins(&self, query: &Query<'_>, state: &mut State, order: &Order) -> Vec<Vec<(usize, f64)>> {
        let mut cached: Vec<Vec<(usize, f64)>> = vec![Vec::new(); self.left.len()];
        let mut right_best: Vec<(f64, f64, Option<usize>)> = vec![(0.0, 0.0, None); self.right.len()];
        let mut tally = Tally::new(self.right.len());
        for (l, slot) in cached.iter_mut().enumerate() {
            if state.left.get(l) != Some(&None) {
                continue;
            }
            *slot = self
                .indexed(l, query, self.expected(l, query, order), &mut tally)
                .into_iter()
                .map(|r| (r, self.score(l, r)))
                .collect();
            for &(r, s) in slot.iter() {
                if let Some(best) = right_best.get_mut(r) {
                    if s > best.0 {
                        *best = (s, best.0, Some(l));
                    } else if s > best.1 {
                        best.1 = s;
                    }
                }
            }
        }
        for (l, candidates) in cached.iter().enumerate() {
            // The best candidate (the first of equals) and the score of the next.
            let mut top: Option<(usize, f64)> = None;
            let mut second = 0.0f64;
            for &(r, score) in candidates {
                match top {
                    Some((_, best)) if score <= best => second = second.max(score),
                    _ => {
                        second = second.max(top.map_or(0.0, |t| t.1));
                        top = Some((r, score));
                    }
                }
            }
            let Some((r, best)) = top else {
                continue;
            };
            let mutual = right_best
                .get(r)
                .is_some_and(|&(s, next, who)| who == Some(l) && s - next >= MARGIN);
            if best >= ANCHOR_SCORE && best - second >= MARGIN && mutual && self.free(state, l, r, query) {
                state.pair(l, r, &self.groups);
            }
        }
        cached
    }

    /// Free right texts near where the anchors expect left text `l`, nearest first.
    fn nearby(&self, l: usize, order: &Order, query: &Query<'_>, state: &State) -> Vec<(usize, f64)> {
        let Some(doc) = self.left.get(l) else {
            return Vec::new();
        };
        let gap = order.gap(doc.position);
        let at = order.right.partition_point(|&(p, _)| (p as f64) < gap.expected);
        let (mut below, mut above) = (at.checked_sub(1), at);
        let mut found = Vec::new();
        for _ in 0..GAP_SCAN {
            if found.len() >= GAP_CANDIDATES {
                break;
            }
            // The nearer of the next position below and above.
            let low = below
                .and_then(|i| order.right.get(i))
                .filter(|&&(p, _)| gap.contains(p));
            let high = order.right.get(above).filter(|&&(p, _)| gap.contains(p));
            let pick = match (low, high) {
                (Some(&(lp, lr)), Some(&(hp, hr))) => {
                    if gap.expected - lp as f64 <= hp as f64 - gap.expected {
                        below = below.and_then(|i| i.checked_sub(1));
                        (lp, lr)
                    } else {
                        above += 1;
                        (hp, hr)
                    }
                }
                (Some(&(lp, lr)), None) => {
                    below = below.and_then(|i| i.checked_sub(1));
                    (lp, lr)
                }
                (None, Some(&(hp, hr))) => {
                    above += 1;
                    (hp, hr)
                }
                (None, None) => break,
            };
            if self.free(state, l, pick.1, query) {
                found.push((pick.1, gap.closeness(pick.0)));
            }
        }
        found
    }

    /// Free twins of left text `l` (when its twins repeat), nearest the expected place first.
    fn twin_candidates(
        &self,
        l: usize,
        order: &Order,
        twins: &HashMap<u64, Vec<usize>>,
        query: &Query<'_>,
        state: &State,
    ) -> Vec<usize> {
        let Some(doc) = self.left.get(l) else {
            return Vec::new();
        };
        let Some(rights) = twins.get(&doc.hash) else {
            return Vec::new();
        };
        let expected = order.gap(doc.position).expected;
        let at =
            rights.partition_point(|&r| self.right.get(r).is_some_and(|d| (d.position as f64) < expected));
        let mut found = Vec::new();
        let (mut below, mut above) = (at, at);
        for _ in 0..GAP_SCAN {
            if found.len() >= GAP_CANDIDATES {
                break;
            }
            let mut any = false;
            if let Some(i) = below.checked_sub(1) {
                below = i;
                any = true;
                if let Some(&r) = rights.get(i).filter(|&&r| self.free(state, l, r, query)) {
                    found.push(r);
                }
            }
            if let Some(&r) = rights.get(above) {
                above += 1;
                any = true;
                if self.free(state, l, r, query) {
                    found.push(r);
                }
            }
            if !any {
                break;
            }
        }
        found
    }

    fn main_pass(
        &self,
        query: &Query<'_>,
        state: &mut State,
        order: &Order,
        twins: &HashMap<u64, Vec<usize>>,
        cached: &[Vec<(usize, f64)>],
    ) {
        let mut edges: Vec<(f64, usize, usize, usize)> = Vec::new();
        for l in 0..self.left.len() {
            if state.left.get(l) != Some(&None) {
                continue;
            }
            let indexed = cached.get(l).map(Vec::as_slice).unwrap_or_default();
            let mut candidates: Vec<(usize, f64)> = (indexed.iter())
                .filter(|&&(r, _)| self.free(state, l, r, query))
                .copied()
                .collect();
            let (nearby, twin) = if query.ordered {
                (
                    self.nearby(l, order, query, state),
                    self.twin_candidates(l, order, twins, query, state),
                )
            } else {
                (Vec::new(), Vec::new())
            };
            for r in twin {
                if !candidates.iter().any(|c| c.0 == r) {
                    candidates.push((r, 1.0));
                }
            }
            for &(r, _) in &nearby {
                if !candidates.iter().any(|c| c.0 == r) {
                    candidates.push((r, self.score(l, r)));
                }
            }
            let doc_position = self.left.get(l).map_or(0, |d| d.position);
            let gap = order.gap(doc_position);
            for (r, score) in candidates {
                // A word that these two texts alone hold tells them from all others,
                // wherever they stand, when they share most of their words as well.
                let unique = self.plain(l, r) >= query.threshold && self.share_unique_word(l, r);
                let worded = score >= query.threshold && (score >= 1.0 || self.distinctive_enough(l, r));
                if !(worded || unique) {
                    continue;
                }
                let Some(&group) = self.groups.get(r) else {
                    continue;
                };
                let in_gap = query.ordered && self.right.get(r).is_some_and(|d| gap.contains(d.position));
                // Out of place, the pair must stand out: a look-alike that is
                // paired already scoring as well makes it a guess.
                let rival = (indexed.iter())
                    .filter(|&&(other, _)| other != r)
                    .map(|&(_, s)| s)
                    .fold(0.0, f64::max);
                if query.ordered && !in_gap && !unique && score - rival < MARGIN {
                    continue;
                }
                let bonus = match self.right.get(r) {
                    Some(d) if in_gap => ORDER_BONUS * gap.closeness(d.position),
                    _ => 0.0,
                };
                edges.push((score + bonus, l, group, r));
            }
        }
        // A group reached through several of its texts keeps its best score, and
        // the text that gave it.
        edges.sort_by(|a, b| a.1.cmp(&b.1).then(a.2.cmp(&b.2)).then(b.0.total_cmp(&a.0)));
        edges.dedup_by(|next, kept| next.1 == kept.1 && next.2 == kept.2);
        let texts: Vec<((usize, usize), usize)> = edges.iter().map(|e| ((e.1, e.2), e.3)).collect();
        let edges = edges.into_iter().map(|(w, l, g, _)| (w, l, g)).collect();
        let assigned = assign_sparse(self.left.len(), self.group_count, edges);
        for (l, group) in assigned.into_iter().enumerate() {
            let Some(group) = group else { continue };
            if let Ok(k) = texts.binary_search_by_key(&(l, group), |&(key, _)| key)
                && let Some(&(_, r)) = texts.get(k)
            {
                state.pair(l, r, &self.groups);
            }
        }
    }

    /// Rounds of the gap pass, each with the anchors the last one added.
    fn gap_rounds(
        &self,
        query: &Query<'_>,
        state: &mut State,
        twins: &HashMap<u64, Vec<usize>>,
        evidence: Evidence,
    ) {
        for _ in 0..GAP_ROUNDS {
            let order = Order::new(self, query, state);
            if !self.gap_pass(query, state, &order, twins, evidence) {
                break;
            }
        }
    }

    /// One round of the gap pass; returns whether it paired anything.
    ///
    /// A small gap is aligned exactly: the pairs that keep the order of both sides
    /// and have the greatest total score (a sequence alignment over the gap's free
    /// texts). In a large one each free text proposes to its best free neighbour.
    fn gap_pass(
        &self,
        query: &Query<'_>,
        state: &mut State,
        order: &Order,
        twins: &HashMap<u64, Vec<usize>>,
        evidence: Evidence,
    ) -> bool {
        let free_left: Vec<(usize, usize)> = (0..self.left.len())
            .filter(|&l| state.left.get(l) == Some(&None))
            .filter_map(|l| Some((self.left.get(l)?.position, l)))
            .collect();
        let mut free_right: Vec<(usize, usize)> = (0..self.right.len())
            .filter(|&r| {
                self.groups
                    .get(r)
                    .is_some_and(|&g| state.taken.get(g) == Some(&false))
            })
            .filter_map(|r| Some((self.right.get(r)?.position, r)))
            .collect();
        free_right.sort_unstable();
        let mut sequenced: Vec<(usize, usize)> = Vec::new();
        let mut large: Vec<usize> = Vec::new();
        let mut lefts = free_left.as_slice();
        for k in 0..=order.chain.len() {
            let end_left = order.chain.get(k).map_or(usize::MAX, |a| a.0);
            let (low, high) = (
                k.checked_sub(1).and_then(|i| order.chain.get(i)).map(|a| a.1),
                order.chain.get(k).map(|a| a.1),
            );
            let cut = lefts.partition_point(|&(p, _)| p < end_left);
            let (gap_left, rest) = lefts.split_at(cut);
            lefts = rest;
            if gap_left.is_empty() {
                continue;
            }
            let from = free_right.partition_point(|&(p, _)| low.is_some_and(|low| p <= low));
            let to = free_right.partition_point(|&(p, _)| high.is_none_or(|high| p < high));
            let gap_right = free_right.get(from..to.max(from)).unwrap_or_default();
            if gap_left.len().saturating_mul(gap_right.len()) <= SEQUENCE_LIMIT {
                sequenced.extend(self.sequence(gap_left, gap_right, query, state, evidence));
            } else {
                large.extend(gap_left.iter().map(|&(_, l)| l));
            }
        }
        let mut paired = false;
        for (l, r) in sequenced {
            if self.free(state, l, r, query) {
                state.pair(l, r, &self.groups);
                paired = true;
            }
        }
        // Large gaps: each free left text proposes to its best free neighbour in the same gap.
        let mut proposals: Vec<(usize, usize, f64)> = Vec::new();
        for l in large {
            if state.left.get(l) != Some(&None) {
                continue;
            }
            let mut best: Option<(usize, f64)> = None;
            let Some(gap) = self.left.get(l).map(|d| order.gap(d.position)) else {
                continue;
            };
            let candidates = self.nearby(l, order, query, state).into_iter().map(|(r, _)| r);
            let twin = self.twin_candidates(l, order, twins, query, state);
            for r in candidates.chain(twin) {
                let Some(position) = self.right.get(r).map(|d| d.position) else {
                    continue;
                };
                let score = self.score(l, r);
                // Ties go to the text nearer the expected place.
                let key = self.gap_score(l, r) + ORDER_BONUS * gap.closeness(position);
                if gap.contains(position)
                    && self.gap_admits(l, r, score, query, evidence)
                    && best.is_none_or(|(_, k)| key > k)
                {
                    best = Some((r, key));
                }
            }
            if let Some((r, score)) = best {
                proposals.push((l, r, score));
            }
        }
        // Mutual: a right text takes its best proposal.
        let mut best_for: HashMap<usize, (usize, f64)> = HashMap::new();
        for &(l, r, score) in &proposals {
            let entry = best_for.entry(r).or_insert((l, score));
            if score > entry.1 {
                *entry = (l, score);
            }
        }
        let mut accepted: Vec<(usize, usize, usize, usize)> = proposals
            .into_iter()
            .filter(|&(l, r, _)| best_for.get(&r).is_some_and(|&(who, _)| who == l))
            .filter_map(|(l, r, _)| Some((self.left.get(l)?.position, self.right.get(r)?.position, l, r)))
            .collect();
        // Order-consistent: the accepted pairs on one longest increasing chain.
        accepted.sort_unstable();
        for index in longest_chain(&accepted.iter().map(|a| a.1).collect::<Vec<_>>()) {
            if let Some(&(_, _, l, r)) = accepted.get(index)
                && self.free(state, l, r, query)
            {
                state.pair(l, r, &self.groups);
                paired = true;
            }
        }
        paired
    }
}

/// A pair on a chain of twins: left position, right position, and the texts
/// when the pair is still to make (none for anchors and pairs made).
type Link = (usize, usize, Option<(usize, usize)>);

/// What a round of the gap pass takes as evidence besides a pair's place.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Evidence {
    /// Only pairs that share a distinctive word pair: these come before moved
    /// copies of a repeated text claim the copies left free.
    SharedWord,
    /// Place alone, for the pairs the gap threshold admits.
    Order,
}

/// The weight each right text shares with one left text through the index,
/// summed over the posting lists read; kept across texts so that no text
/// allocates or sorts its entries.
struct Tally {
    /// By right text: the weight summed so far (0 when not reached).
    weight: Vec<f64>,
    /// The right texts reached, in the order first reached.
    reached: Vec<u32>,
    /// The texts reached with their weights, once taken.
    found: Vec<(u32, f64)>,
}

impl Tally {
    fn new(rights: usize) -> Self {
        Tally {
            weight: vec![0.0; rights],
            reached: Vec::new(),
            found: Vec::new(),
        }
    }

    /// Adds `weight` (positive) to each right text of `entries`.
    fn add<'e>(&mut self, entries: impl Iterator<Item = &'e u32>, weight: f64) {
        for &r in entries {
            if let Some(sum) = self.weight.get_mut(r as usize) {
                if *sum == 0.0 {
                    self.reached.push(r);
                }
                *sum += weight;
            }
        }
    }

    /// The texts reached with their weights, leaving the tally empty.
    fn take(&mut self) -> &mut [(u32, f64)] {
        let weight = &mut self.weight;
        self.found.clear();
        self.found.extend(
            (self.reached.drain(..)).filter_map(|r| Some((r, std::mem::take(weight.get_mut(r as usize)?)))),
        );
        &mut self.found
    }
}

/// The pairs made so far: each left text's right text, and the groups taken.
struct State {
    left: Vec<Option<usize>>,
    taken: Vec<bool>,
}

impl State {
    fn pair(&mut self, l: usize, r: usize, groups: &[usize]) {
        if let (Some(slot), Some(&group)) = (self.left.get_mut(l), groups.get(r))
            && let Some(taken) = self.taken.get_mut(group)
        {
            *slot = Some(r);
            *taken = true;
        }
    }
}

impl Matcher {
    /// The order-keeping pairs of greatest total score between the free texts of
    /// one gap (`(position, index)`, sorted), among pairs scoring at least the
    /// query's gap threshold.
    #[allow(clippy::indexing_slicing)] // i ≤ lefts.len() and j ≤ rights.len(), the table's size.
    fn sequence(
        &self,
        lefts: &[(usize, usize)],
        rights: &[(usize, usize)],
        query: &Query<'_>,
        state: &State,
        evidence: Evidence,
    ) -> Vec<(usize, usize)> {
        let (n, m) = (lefts.len(), rights.len());
        let score = |i: usize, j: usize| -> Option<f64> {
            let (l, r) = (lefts.get(i)?.1, rights.get(j)?.1);
            let s = self.score(l, r);
            (self.gap_admits(l, r, s, query, evidence) && self.free(state, l, r, query))
                .then(|| self.gap_score(l, r))
        };
        // best[i][j]: the greatest total over lefts[i..] and rights[j..].
        let mut best = vec![vec![0.0f64; m + 1]; n + 1];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                let skip = best[i + 1][j].max(best[i][j + 1]);
                best[i][j] = match score(i, j) {
                    Some(s) => skip.max(s + best[i + 1][j + 1]),
                    None => skip,
                };
            }
        }
        let mut pairs = Vec::new();
        let (mut i, mut j) = (0, 0);
        while i < n && j < m {
            match score(i, j) {
                Some(s) if s + best[i + 1][j + 1] >= best[i][j] => {
                    pairs.push((lefts[i].1, rights[j].1));
                    i += 1;
                    j += 1;
                }
                _ if best[i + 1][j] >= best[i][j + 1] => i += 1,
                _ => j += 1,
            }
        }
        pairs
    }
}

/// The anchors: pairs that keep the order of both sides, as positions.
struct Order {
    /// `(left position, right position)`, increasing in both.
    chain: Vec<(usize, usize)>,
    /// Right texts by position: `(position, index)`.
    right: Vec<(usize, usize)>,
    /// One past the last position of each side.
    ends: (usize, usize),
}

/// Where a left text stands between two anchors: the open range of right
/// positions between them and the place the text is expected at.
struct Gap {
    low: f64,
    high: f64,
    expected: f64,
}

impl Gap {
    fn contains(&self, position: usize) -> bool {
        let p = position as f64;
        p > self.low && p < self.high
    }

    /// From 1 at the expected place down towards 0 far from it.
    fn closeness(&self, position: usize) -> f64 {
        1.0 / (1.0 + (position as f64 - self.expected).abs())
    }
}

impl Order {
    fn new(matcher: &Matcher, query: &Query<'_>, state: &State) -> Order {
        let mut pairs: Vec<(usize, usize)> = query.anchors.to_vec();
        for (l, r) in state.left.iter().enumerate() {
            if let (Some(a), Some(b)) = (matcher.left.get(l), r.and_then(|r| matcher.right.get(r))) {
                pairs.push((a.position, b.position));
            }
        }
        pairs.sort_unstable();
        let chain = longest_chain(&pairs.iter().map(|p| p.1).collect::<Vec<_>>())
            .into_iter()
            .filter_map(|i| pairs.get(i).copied())
            .collect();
        let mut right: Vec<(usize, usize)> = matcher
            .right
            .iter()
            .enumerate()
            .map(|(r, d)| (d.position, r))
            .collect();
        right.sort_unstable();
        let end = |docs: &[Doc], anchor: fn(&(usize, usize)) -> usize| {
            let most = docs
                .iter()
                .map(|d| d.position)
                .chain(query.anchors.iter().map(anchor))
                .max();
            most.map_or(0, |p| p + 1)
        };
        let ends = (end(&matcher.left, |a| a.0), end(&matcher.right, |a| a.1));
        Order { chain, right, ends }
    }

    /// The open range of left positions of the gap right position `position`
    /// stands in: after the anchor before it (none at the start), before the one after it.
    fn left_range(&self, position: usize) -> (Option<usize>, usize) {
        let k = self.chain.partition_point(|&(_, r)| r < position);
        let low = k.checked_sub(1).and_then(|i| self.chain.get(i)).map(|a| a.0);
        let high = self.chain.get(k).map_or(self.ends.0, |a| a.0);
        (low, high)
    }

    fn gap(&self, position: usize) -> Gap {
        let k = self.chain.partition_point(|&(l, _)| l < position);
        let (before_l, before_r) = k
            .checked_sub(1)
            .and_then(|i| self.chain.get(i))
            .map_or((-1.0, -1.0), |&(l, r)| (l as f64, r as f64));
        let (after_l, after_r) = self
            .chain
            .get(k)
            .map_or((self.ends.0 as f64, self.ends.1 as f64), |&(l, r)| {
                (l as f64, r as f64)
            });
        let span = (after_l - before_l).max(1.0);
        let expected = before_r + (position as f64 - before_l) * (after_r - before_r) / span;
        Gap {
            low: before_r,
            high: after_r,
            expected,
        }
    }
}

/// The indices of one longest strictly increasing subsequence of `values`.
pub(crate) fn longest_chain(values: &[usize]) -> Vec<usize> {
    // tails[k]: index of the smallest last value of an increasing run of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; values.len()];
    for (i, &v) in values.iter().enumerate() {
        let at = tails.partition_point(|&t| values.get(t).is_some_and(|&x| x < v));
        if let Some(slot) = previous.get_mut(i) {
            *slot = at.checked_sub(1).and_then(|k| tails.get(k).copied());
        }
        match tails.get_mut(at) {
            Some(tail) => *tail = i,
            None => tails.push(i),
        }
    }
    let mut chain = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(i) = at {
        chain.push(i);
        at = previous.get(i).copied().flatten();
    }
    chain.reverse();
    chain
}

/// Assigns over a sparse bipartite graph, group by connected group.
fn assign_sparse(lefts: usize, rights: usize, edges: Vec<(f64, usize, usize)>) -> Vec<Option<usize>> {
    let mut result = vec![None; lefts];
    // Left nodes are 0..lefts, right nodes lefts..lefts+rights.
    let mut sets = UnionFind::new(lefts + rights);
    for &(_, l, r) in &edges {
        sets.union(l, lefts + r);
    }
    let (labels, count) = sets.labels();
    let mut components: Vec<Vec<(f64, usize, usize)>> = vec![Vec::new(); count];
    for edge in edges {
        if let Some(component) = labels.get(edge.1).and_then(|&label| components.get_mut(label)) {
            component.push(edge);
        }
    }
    for edges in components.into_iter().filter(|edges| !edges.is_empty()) {
        let mut lefts: Vec<usize> = edges.iter().map(|e| e.1).collect();
        let mut rights: Vec<usize> = edges.iter().map(|e| e.2).collect();
        lefts.sort_unstable();
        lefts.dedup();
        rights.sort_unstable();
        rights.dedup();
        if lefts.len().max(rights.len()) <= EXACT_LIMIT {
            let mut weights = vec![vec![0.0; rights.len()]; lefts.len()];
            for &(s, l, r) in &edges {
                if let (Ok(i), Ok(j)) = (lefts.binary_search(&l), rights.binary_search(&r))
                    && let Some(cell) = weights.get_mut(i).and_then(|row| row.get_mut(j))
                {
                    *cell = s;
                }
            }
            for (i, column) in assign(&weights, f64::MIN_POSITIVE).into_iter().enumerate() {
                if let (Some(&l), Some(&r)) = (lefts.get(i), column.and_then(|c| rights.get(c)))
                    && let Some(slot) = result.get_mut(l)
                {
                    *slot = Some(r);
                }
            }
        } else {
            // Too large to solve exactly in bounded time: best pairs first.
            let mut edges = edges;
            edges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
            let mut taken = vec![false; rights.len()];
            for (_, l, r) in edges {
                let Ok(j) = rights.binary_search(&r) else { continue };
                if let (Some(slot @ None), Some(t @ false)) = (result.get_mut(l), taken.get_mut(j)) {
                    *slot = Some(r);
                    *t = true;
                }
            }
        }
    }
    result
}

/// A maximum-weight one-to-one assignment of rows to columns, keeping only
/// pairs of weight at least `threshold`: `result[row]` is the chosen column.
///
/// Hungarian algorithm with potentials, O(n²·m) for n rows and m columns.
#[allow(clippy::indexing_slicing)] // Every index is below n + 1, the arrays' length.
pub(crate) fn assign(weights: &[Vec<f64>], threshold: f64) -> Vec<Option<usize>> {
    let rows = weights.len();
    let columns = weights.first().map_or(0, Vec::len);
    if rows == 0 || columns == 0 {
        return vec![None; rows];
    }
    // Square cost matrix: pairs below the threshold cost as much as staying
    // unassigned (a dummy row or column), so they are never preferred. Weights
    // may exceed 1 (a bonus on top of a score); costs then go below 0.
    let n = rows.max(columns);
    let cost = |r: usize, c: usize| -> f64 {
        match weights.get(r).and_then(|w| w.get(c)) {
            Some(&w) if w >= threshold => 1.0 - w,
            _ => 1.0,
        }
    };
    // 1-based arrays as in the classic formulation; index 0 is the sentinel.
    let mut u = vec![0.0; n + 1];
    let mut v = vec![0.0; n + 1];
    let mut matched_row = vec![0usize; n + 1];
    let mut way = vec![0usize; n + 1];
    for row in 1..=n {
        matched_row[0] = row;
        let mut column0 = 0;
        let mut min = vec![f64::INFINITY; n + 1];
        let mut used = vec![false; n + 1];
        loop {
            used[column0] = true;
            let row0 = matched_row[column0];
            let mut delta = f64::INFINITY;
            let mut column1 = 0;
            for column in 1..=n {
                if !used[column] {
                    let reduced = cost(row0 - 1, column - 1) - u[row0] - v[column];
                    if reduced < min[column] {
                        min[column] = reduced;
                        way[column] = column0;
                    }
                    if min[column] < delta {
                        delta = min[column];
                        column1 = column;
                    }
                }
            }
            for column in 0..=n {
                if used[column] {
                    u[matched_row[column]] += delta;
                    v[column] -= delta;
                } else {
                    min[column] -= delta;
                }
            }
            column0 = column1;
            if matched_row[column0] == 0 {
                break;
            }
        }
        loop {
            let column1 = way[column0];
            matched_row[column0] = matched_row[column1];
            column0 = column1;
            if column0 == 0 {
                break;
            }
        }
    }
    let mut result = vec![None; rows];
    for (column, &row) in matched_row.iter().enumerate().skip(1) {
        if row >= 1 && row <= rows && column <= columns && cost(row - 1, column - 1) < 1.0 {
            result[row - 1] = Some(column - 1);
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items<'t>(texts: &[&'t str]) -> Vec<Item<'t>> {
        texts
            .iter()
            .enumerate()
            .map(|(position, &text)| Item { text, position })
            .collect()
    }

    fn pairs(left: &[&str], right: &[&str], ordered: bool) -> Vec<Option<usize>> {
        let right: Vec<(usize, Item<'_>)> = items(right).into_iter().enumerate().collect();
        let matcher = Matcher::new(&items(left), &right, right.len());
        matcher.pairs(&Query {
            ordered,
            allowed: &|_, _| true,
            anchors: &[],
            threshold: THRESHOLD,
            gap_threshold: GAP_THRESHOLD,
        })
    }

    #[test]
    fn assignment_maximises_total_weight() {
        // Greedy would take (0, 0) = 0.9 and leave row 1 with 0.1.
        let weights = vec![vec![0.9, 0.8], vec![0.85, 0.1]];
        assert_eq!(assign(&weights, 0.5), [Some(1), Some(0)]);
    }

    #[test]
    fn assignment_drops_pairs_below_the_threshold() {
        let weights = vec![vec![0.4, 0.2], vec![0.3, 0.7], vec![0.6, 0.9]];
        assert_eq!(assign(&weights, 0.5), [None, Some(1), Some(0)]);
        assert_eq!(assign(&[], 0.5), Vec::<Option<usize>>::new());
        assert_eq!(assign(&[vec![], vec![]], 0.5), [None, None]);
    }

    #[test]
    fn words_compare_without_case_or_punctuation() {
        assert_eq!(similarity("The Ceasefire, now.", "the ceasefire now"), 1.0);
        assert_eq!(similarity("a b", "b a"), 1.0);
        assert_eq!(similarity("", ""), 1.0);
        assert_eq!(similarity("a full ceasefire now", "a full ceasefire soon"), 0.75);
    }

    #[test]
    fn longest_chain_is_increasing_and_longest() {
        assert_eq!(longest_chain(&[3, 1, 2, 5, 4, 6]), [1, 2, 4, 5]);
        assert_eq!(longest_chain(&[]), Vec::<usize>::new());
        assert_eq!(longest_chain(&[2, 2, 2]).len(), 1);
    }

    #[test]
    fn texts_match_through_their_rare_words() {
        let left = [
            "the army is capped at six hundred thousand",
            "elections within one hundred days",
            "nothing alike here",
        ];
        let right = [
            "elections held within one hundred days",
            "the army is capped at eight hundred thousand",
        ];
        assert_eq!(pairs(&left, &right, false), [Some(1), Some(0), None]);
    }

    #[test]
    fn boilerplate_pairs_with_the_twin_that_has_its_number() {
        let text = |n: usize| format!("the parties complete the exchange within {n} days");
        let left: Vec<String> = (1..=40).map(text).collect();
        // The same clauses in reverse order: only the numbers tell them apart.
        let right: Vec<String> = (1..=40).rev().map(text).collect();
        let (left, right): (Vec<&str>, Vec<&str>) = (
            left.iter().map(String::as_str).collect(),
            right.iter().map(String::as_str).collect(),
        );
        let expected: Vec<Option<usize>> = (0..40).map(|i| Some(39 - i)).collect();
        assert_eq!(pairs(&left, &right, true), expected);
    }

    #[test]
    fn a_changed_number_pairs_by_its_place_between_anchors() {
        let text = |n: usize| format!("the parties complete the exchange within {n} days");
        let left: Vec<String> = (1..=9).map(text).collect();
        let mut right = left.clone();
        right[4] = text(500);
        let (left, right): (Vec<&str>, Vec<&str>) = (
            left.iter().map(String::as_str).collect(),
            right.iter().map(String::as_str).collect(),
        );
        let expected: Vec<Option<usize>> = (0..9).map(Some).collect();
        assert_eq!(pairs(&left, &right, true), expected);
        // Without order, the lone look-alike shares no distinctive word.
        assert_eq!(pairs(&left, &right, false)[4], None);
    }

    #[test]
    fn repeated_twins_pair_with_the_copies_at_their_place() {
        let left = ["the same words", "one", "the same words", "two", "the same words"];
        let right = [
            "the same words",
            "one",
            "something new here",
            "the same words",
            "two",
            "the same words",
        ];
        assert_eq!(
            pairs(&left, &right, true),
            [Some(0), Some(1), Some(3), Some(4), Some(5)]
        );
    }

    #[test]
    fn a_moved_copy_leaves_the_copy_at_a_reworded_place() {
        // Copy 2 of the sentence moved to the front; copy 0 was reworded around its number.
        let text = |n: usize| format!("the parties complete the exchange within {n} days");
        let mut left: Vec<String> = (1..=8).map(text).collect();
        left.push(text(7));
        let mut right = left.clone();
        right[6] = "the delegations complete the transfer within 7 days".to_owned();
        let moved = right.remove(8);
        right.insert(0, moved);
        let (left, right): (Vec<&str>, Vec<&str>) = (
            left.iter().map(String::as_str).collect(),
            right.iter().map(String::as_str).collect(),
        );
        let matched = pairs(&left, &right, true);
        assert_eq!(matched[6], Some(7));
        assert_eq!(matched[8], Some(0));
    }

    #[test]
    fn short_texts_need_distinctive_words_in_common() {
        let left = [
            "* Myers's diff",
            "* Histogram diff",
            "* Patience diff",
            "* the other",
        ];
        let right = [
            "* Hunt-style diff",
            "* the other",
            "* more",
            "* and more",
            "* and some",
        ];
        assert_eq!(pairs(&left, &right, false), [None, None, None, Some(1)]);
    }

    #[test]
    fn identical_texts_degrade_gracefully() {
        let text = "all the same words in every clause";
        let left = vec![text; 500];
        let right = vec![text; 500];
        let matched = pairs(&left, &right, true);
        // In order, each finds the partner at its own place.
        let expected: Vec<Option<usize>> = (0..500).map(Some).collect();
        assert_eq!(matched, expected);
        let unordered = pairs(&left, &right, false);
        assert_eq!(unordered, expected);
    }
}
