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

    /// Numbers the sets in the order of their smallest members: returns each
    /// index's set number and the number of sets.
    pub(crate) fn labels(&mut self) -> (Vec<usize>, usize) {
        // A root is its set's smallest member, so sets are met in root order.
        let mut label = vec![usize::MAX; self.parent.len()];
        let mut count = 0;
        for node in 0..self.parent.len() {
            let root = self.find(node);
            let root_label = match label.get(root) {
                Some(&usize::MAX) | None => {
                    count += 1;
                    count - 1
                }
                Some(&known) => known,
            };
            if let Some(slot) = label.get_mut(node) {
                *slot = root_label;
            }
        }
        (label, count)
    }
}
