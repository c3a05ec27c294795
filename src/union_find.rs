//! Disjoint sets of indices: clauses that correspond, texts that compete.

/// Disjoint sets of indices, merged by [`union`](UnionFind::union).
pub(crate) struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    pub(crate) fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    pub(crate) fn find(&mut self, mut x: usize) -> usize {
        while let Some(&parent) = self.parent.get(x) {
            if parent == x {
                break;
            }
            let grandparent = self.parent.get(parent).copied().unwrap_or(parent);
            if let Some(slot) = self.parent.get_mut(x) {
                *slot = grandparent;
            }
            x = parent;
        }
        x
    }

    pub(crate) fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        // The smaller root wins, so results do not depend on the order of unions.
        let (low, high) = if a < b { (a, b) } else { (b, a) };
        if let Some(slot) = self.parent.get_mut(high) {
            *slot = low;
        }
    }

    /// The sets, ordered by their smallest member, with members below `split`
    /// and the others (less `split`) listed apart, each in ascending order.
    pub(crate) fn components(&mut self, split: usize) -> Vec<(Vec<usize>, Vec<usize>)> {
        // A root is its set's smallest member, so sets are met in root order.
        let mut position = vec![usize::MAX; self.parent.len()];
        let mut sets: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
        for node in 0..self.parent.len() {
            let root = self.find(node);
            let Some(slot) = position.get_mut(root) else {
                continue;
            };
            if *slot == usize::MAX {
                *slot = sets.len();
                sets.push((Vec::new(), Vec::new()));
            }
            if let Some((low, high)) = sets.get_mut(*slot) {
                match node.checked_sub(split) {
                    None => low.push(node),
                    Some(other) => high.push(other),
                }
            }
        }
        sets
    }
}
