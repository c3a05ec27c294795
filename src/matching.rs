//! One-to-one matching of texts by word similarity, in near-linear time.
//!
//! Comparing every text with every other is quadratic. Instead each text's words
//! are interned once, an inverted index finds for each left text the right texts
//! that share its rarest words (at most [`CANDIDATES`] of them, from posting lists
//! of at most [`POSTING_LIMIT`] entries), and only those pairs are scored. The
//! scored pairs above the threshold form a sparse graph; each connected group is
//! assigned optimally (Hungarian algorithm) when it has at most [`EXACT_LIMIT`]
//! members on a side, and greedily by similarity otherwise, so that adversarial
//! input (every text alike) degrades in quality, not into a hang.

use std::cell::OnceCell;

use foldhash::{HashMap, HashMapExt};

use similar::{Algorithm, capture_diff_slices};

use crate::align::SIMILARITY_THRESHOLD;
use crate::union_find::UnionFind;

/// Rare words of a text looked up in the index.
const RARE_WORDS: usize = 8;
/// Right texts scored per left text, at most.
pub const CANDIDATES: usize = 8;
/// Entries read from one word's posting list, at most.
pub const POSTING_LIMIT: usize = 64;
/// Largest group assigned by the Hungarian algorithm.
pub const EXACT_LIMIT: usize = 48;

/// Texts as interned word ids: each distinct word of the texts gets one id.
struct Tokens<'t> {
    words: HashMap<&'t str, u32>,
}

impl<'t> Tokens<'t> {
    fn new() -> Self {
        Tokens {
            words: HashMap::new(),
        }
    }

    fn intern(&mut self, text: &'t str) -> Vec<u32> {
        text.split_whitespace()
            .map(|word| {
                let next = u32::try_from(self.words.len()).unwrap_or(u32::MAX);
                *self.words.entry(word).or_insert(next)
            })
            .collect()
    }
}

/// Number of words two sorted token lists share, counting repeats.
fn common(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// Where each word of a text of at most 64 words stands, as bit masks, for
/// computing longest common subsequences bit-parallel.
struct Positions {
    /// Distinct words, sorted, with the positions they hold.
    masks: Vec<(u32, u64)>,
    len: usize,
}

impl Positions {
    fn of(words: &[u32]) -> Option<Positions> {
        if words.len() > 64 {
            return None;
        }
        let mut masks: Vec<(u32, u64)> = Vec::with_capacity(words.len());
        for (at, &word) in words.iter().enumerate() {
            masks.push((word, 1 << at));
        }
        masks.sort_unstable_by_key(|&(word, _)| word);
        masks.dedup_by(|next, kept| {
            let same = next.0 == kept.0;
            if same {
                kept.1 |= next.1;
            }
            same
        });
        Some(Positions {
            masks,
            len: words.len(),
        })
    }

    /// Length of the longest common subsequence with `other` (Hyyrö's bit-parallel
    /// recurrence): an upper bound on the words any diff of the two keeps.
    fn lcs(&self, other: &[u32]) -> usize {
        let all = if self.len == 64 {
            u64::MAX
        } else {
            (1 << self.len) - 1
        };
        let mut v = all;
        for word in other {
            if let Ok(k) = self.masks.binary_search_by_key(word, |&(w, _)| w)
                && let Some(&(_, mask)) = self.masks.get(k)
            {
                let u = v & mask;
                v = v.wrapping_add(u) | (v - u);
            }
        }
        (!v & all).count_ones() as usize
    }
}

/// Word-level similarity of two token lists, from 0 to 1.
fn ratio(a: &[u32], b: &[u32]) -> f64 {
    if a == b {
        return 1.0;
    }
    let total = a.len() + b.len();
    if total == 0 {
        return 1.0;
    }
    let ops = capture_diff_slices(Algorithm::Patience, a, b);
    let matched: usize = ops
        .iter()
        .filter_map(|op| match op {
            similar::DiffOp::Equal { len, .. } => Some(*len),
            _ => None,
        })
        .sum();
    // Counts are far below 2^52: the conversions are exact.
    (2 * matched) as f64 / total as f64
}

/// Matches left texts to right groups one to one by wording. Several right texts
/// may stand for one group (`right` holds `(group, text)`); a group's similarity
/// to a left text is the best of its texts'. Returns, for each left text, its group.
pub(crate) fn match_texts<'t>(
    left: &[&'t str],
    right: &[(usize, &'t str)],
    groups: usize,
) -> Vec<Option<usize>> {
    let mut tokens = Tokens::new();
    let left: Vec<Vec<u32>> = left.iter().map(|t| tokens.intern(t)).collect();
    let right_tokens: Vec<Vec<u32>> = right.iter().map(|(_, t)| tokens.intern(t)).collect();
    let sorted = |lists: &[Vec<u32>]| -> Vec<Vec<u32>> {
        lists
            .iter()
            .map(|words| {
                let mut words = words.clone();
                words.sort_unstable();
                words
            })
            .collect()
    };
    let (left_sorted, right_sorted) = (sorted(&left), sorted(&right_tokens));

    // Inverted index of the right texts, and how many of them hold each word.
    let mut postings: HashMap<u32, Vec<usize>> = HashMap::new();
    for (index, words) in right_sorted.iter().enumerate() {
        let mut previous = None;
        for &word in words {
            if previous != Some(word) {
                postings.entry(word).or_default().push(index);
                previous = Some(word);
            }
        }
    }

    // Candidate pairs, scored, kept above the threshold: (similarity, left, group).
    let mut edges: Vec<(f64, usize, usize)> = Vec::new();
    let mut best: HashMap<usize, f64> = HashMap::new();
    // Shared rare words per right text, and the right texts in the order first met.
    let mut shared: HashMap<usize, usize> = HashMap::new();
    let mut candidates: Vec<usize> = Vec::new();
    for (l, (words, sorted_l)) in left.iter().zip(&left_sorted).enumerate() {
        let mut distinct: Vec<u32> = sorted_l.clone();
        distinct.dedup();
        distinct.sort_by_key(|word| (postings.get(word).map_or(usize::MAX, Vec::len), *word));
        shared.clear();
        candidates.clear();
        for word in distinct.iter().take(RARE_WORDS) {
            let posting = postings.get(word).map(Vec::as_slice).unwrap_or_default();
            // Long lists are read from a place that depends on the left text, so
            // that texts sharing only common words still spread over the right side.
            let start = l.checked_rem(posting.len()).unwrap_or(0);
            for &r in posting
                .iter()
                .cycle()
                .skip(start)
                .take(POSTING_LIMIT.min(posting.len()))
            {
                let count = shared.entry(r).or_default();
                if *count == 0 {
                    candidates.push(r);
                }
                *count += 1;
            }
        }
        candidates.sort_by_key(|r| std::cmp::Reverse(shared.get(r).copied().unwrap_or(0)));
        best.clear();
        // Made once per left text, and only if a candidate gets past shared words.
        let positions = OnceCell::new();
        for &r in candidates.iter().take(CANDIDATES) {
            let (Some(&(group, _)), Some(words_r), Some(sorted_r)) =
                (right.get(r), right_tokens.get(r), right_sorted.get(r))
            else {
                continue;
            };
            // Shared words, then the longest common subsequence, bound the ratio
            // from above: skip pairs that cannot reach the threshold.
            let reachable = |matched: usize| {
                (2 * matched) as f64 >= SIMILARITY_THRESHOLD * (words.len() + words_r.len()) as f64
            };
            if !reachable(common(sorted_l, sorted_r))
                || (positions.get_or_init(|| Positions::of(words)).as_ref())
                    .is_some_and(|p| !reachable(p.lcs(words_r)))
            {
                continue;
            }
            let score = ratio(words, words_r);
            let entry = best.entry(group).or_insert(0.0);
            *entry = entry.max(score);
        }
        let mut scored: Vec<(usize, f64)> = best.iter().map(|(&g, &s)| (g, s)).collect();
        scored.sort_unstable_by_key(|&(g, _)| g);
        edges.extend(
            scored
                .into_iter()
                .filter(|&(_, s)| s >= SIMILARITY_THRESHOLD)
                .map(|(g, s)| (s, l, g)),
        );
    }
    assign_sparse(left.len(), groups, edges)
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
            for (i, column) in assign(&weights, SIMILARITY_THRESHOLD).into_iter().enumerate() {
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
    // unassigned (a dummy row or column), so they are never preferred.
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
    fn bit_parallel_lcs_matches_dynamic_programming() {
        fn naive(a: &[u32], b: &[u32]) -> usize {
            let mut row = vec![0usize; b.len() + 1];
            for x in a {
                let mut diagonal = 0;
                for (j, y) in b.iter().enumerate() {
                    let above = row[j + 1];
                    row[j + 1] = if x == y { diagonal + 1 } else { above.max(row[j]) };
                    diagonal = above;
                }
            }
            row[b.len()]
        }
        // A small alphabet makes repeats and long common subsequences likely.
        let mut state = 7u64;
        let mut next = |modulo: u64| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            u32::try_from((state >> 33) % modulo).unwrap()
        };
        for round in 0..500 {
            let (n, m) = (1 + round % 64, next(80) as usize);
            let a: Vec<u32> = (0..n).map(|_| next(6)).collect();
            let b: Vec<u32> = (0..m).map(|_| next(6)).collect();
            let positions = Positions::of(&a).unwrap();
            assert_eq!(positions.lcs(&b), naive(&a, &b), "{a:?} / {b:?}");
            assert!(ratio(&a, &b) <= (2 * positions.lcs(&b)) as f64 / (n + m) as f64);
        }
        assert!(Positions::of(&[0; 65]).is_none());
    }

    #[test]
    fn texts_match_through_their_rare_words() {
        let left = [
            "the army is capped at six hundred thousand",
            "elections within one hundred days",
            "nothing alike here",
        ];
        let right = [
            (0, "elections held within one hundred days"),
            (1, "the army is capped at eight hundred thousand"),
        ];
        assert_eq!(match_texts(&left, &right, 2), [Some(1), Some(0), None]);
    }

    #[test]
    fn identical_texts_degrade_gracefully() {
        let text = "all the same words in every clause";
        let left = vec![text; 500];
        let right: Vec<(usize, &str)> = (0..500).map(|i| (i, text)).collect();
        let matched = match_texts(&left, &right, 500);
        // Bounded candidates spread over the right side: everyone finds a partner once.
        let mut seen: Vec<usize> = matched.iter().flatten().copied().collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), 500);
    }
}
